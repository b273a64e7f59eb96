#!/bin/bash
# test_control_limits.sh: the control socket's limits against clients that
# hold the daemon (docs/protocol.md, Limits; test_control_limits.py):
# - a client pipelining requests without reading the replies is not read
#   past 1 MiB of unread replies (the daemon's memory stays flat), is
#   dropped after the write timeout, and it is logged once;
# - a client that pipelines and reads gets every reply;
# - 36 connections of a socket_group member dribbling a byte every 0.5 s
#   are closed by the request deadline (from the first byte), and while
#   they hold the 32 slots root still gets in (a reserved slot) and a
#   33rd group client gets busy. This part needs root and setpriv.
# MOUWATCH_CONTROL_TIMEOUT=4 makes the idle, request and write timeouts 4 s.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/test_cli_env.sh"

tap_plan 15
PROBE="$top_srcdir/tests/integration/test_control_limits.py"

redis_start
httpd_start "$OPS_SITE"
OPS_CONF="$TEST_TMP/mw.conf"
ops_write_config "$OPS_CONF"
group=
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
    for g in adm daemon sys; do
        if getent group "$g" >/dev/null && ! id -nG 65534 2>/dev/null | tr ' ' '\n' | grep -qx "$g"; then
            group=$g; break
        fi
    done
    sed -i "s/^socket_group =.*/socket_group = $group/" "$OPS_CONF"
fi
export MOUWATCH_CONTROL_TIMEOUT=4
# Under AddressSanitizer freed memory waits in a quarantine (256 MB) instead
# of being reused, so the peak RSS counts every reply ever encoded, not what
# is buffered; without the quarantine it measures the same as a plain build.
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=0 \
ops_start_daemon "$OPS_CONF" || { echo "Bail out! mouwatchd did not start"; cat "$TEST_TMP/daemon.log"; exit 1; }
LOG="$TEST_TMP/daemon.log"
kib() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$DAEMON_PID/status"; }
r() { awk -v k="$1" '$1 == "RESULT" && $2 == k { print $3 }' "$TEST_TMP/probe.out"; }

# 1. A client that does not read its replies.
mw status >/dev/null
rss0=$(kib VmRSS)
python3 "$PROBE" nonreader "$OPS_SOCK" 50000 8 >"$TEST_TMP/probe.out" 2>&1
grown=$(( $(kib VmHWM) - rss0 ))
echo "# sent $(r nonreader_sent) of 50000 requests; peak RSS grew by $grown KiB"
tap_is "a non-reading client cannot send all its requests (the daemon stopped reading)" \
    False "$(r nonreader_all_sent)"
tap_ok "... the daemon's peak RSS grew by less than 24 MiB ($grown KiB)" test "$grown" -lt 24576
tap_is "... it is dropped although it reads 512 bytes every 0.5 s" True "$(r nonreader_closed)"
tap_is "... before it got every reply" True "$(r nonreader_replies_short)"
tap_is "... logged once" 1 "$(grep -c 'does not read its replies' "$LOG")"
tap_is "... and its drop once" 1 "$(grep -c 'read no reply for 4 s.*dropped it' "$LOG")"
tap_is "status counts it dropped" 1 "$(mw --json status | jq_py 'j["control"]["dropped"]')"

# 2. Pipelining with reading is not disturbed by the cap.
python3 "$PROBE" pipeline "$OPS_SOCK" 5000 >"$TEST_TMP/probe.out" 2>&1
tap_is "a client pipelining 5000 requests and reading gets 5000 replies" 5000 "$(r pipeline_replies)"

# 3. Dribbling clients (a socket_group member, uid 65534).
if [ -z "$group" ]; then
    for t in "dribblers closed by the deadline" "extra dribblers busy" "none left holding a slot" \
        "root served while they hold the slots" "a 33rd group client busy" "group client served after" \
        "status counts the timeouts"; do
        tap_skip "$t (needs root, setpriv and a group without uid 65534)"
    done
    tap_done; exit
fi
chmod 755 "$TEST_TMP" "$OPS_STATE"; chmod 666 "$OPS_SOCK"
SYS_PY=/usr/bin/python3   # not a shim under /root, which uid 65534 cannot run
gid=$(getent group "$group" | cut -d: -f3)
as_member() { setpriv --reuid 65534 --regid 65534 --groups "$gid" "$@"; }
mkdir -m 777 "$TEST_TMP/drib"
ready="$TEST_TMP/drib/ready"
as_member "$SYS_PY" - dribble "$OPS_SOCK" 36 20 "$ready" <"$PROBE" >"$TEST_TMP/probe.out" 2>&1 &
drib=$!
wait_for 20 test -e "$ready"
root_out=$(mw status 2>&1); root_rc=$?
member_out=$(as_member "$MOUWATCH" --socket "$OPS_SOCK" status 2>&1)
wait "$drib"; sed "s/^/# /" "$TEST_TMP/probe.out" | grep -v RESULT | head -20
tap_is "32 dribbling connections are closed with 'timeout' (deadline from the first byte)" 32 "$(r dribble_timeout)"
tap_is "... the 4 beyond the 32 slots get busy" 4 "$(r dribble_busy)"
tap_is "... none is left holding a slot" 0 "$(r dribble_unanswered)"
tap_match "root is served while they hold every slot (a reserved slot)" '^0 mouwatchd ' "$root_rc $root_out"
tap_match "... a 33rd group client is told busy" 'busy' "$member_out"
tap_match "once they are gone the group client is served" '^mouwatchd ' \
    "$(as_member "$MOUWATCH" --socket "$OPS_SOCK" status 2>&1)"
tap_ok "status counts the timeouts" test "$(mw --json status | jq_py 'j["control"]["timeouts"]')" -ge 32
ops_stop_daemon
tap_done
