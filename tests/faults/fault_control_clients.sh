#!/bin/bash
# fault_control_clients.sh: a non-reading and a dribbling control client
# while articles arrive and reminders go out (issue 12, items 4 and 5).
# One client pipelines 'methods' without reading its replies (reading 512
# bytes every 0.5 s); 36 connections of a socket_group member (uid 65534)
# send a request a byte every 0.5 s. The daemon stops reading the first past
# 1 MiB of unread replies and drops it after the write timeout, closes the
# dribblers at the request deadline, serves root (and a reload through the
# socket, as 'systemctl reload' does) from a reserved slot meanwhile, and
# nothing of the pipeline is lost or stalls. MOUWATCH_CONTROL_TIMEOUT=5:
# the idle, request and write timeouts are 5 s. The dribblers need root
# and setpriv; without them that part is skipped.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/faults/lib.sh"
tap_plan $((FAULT_CHECKS + 10))
PROBE="$top_srcdir/tests/integration/test_control_limits.py"

group=
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
    for g in adm daemon sys; do
        if getent group "$g" >/dev/null && ! id -nG 65534 2>/dev/null | tr ' ' '\n' | grep -qx "$g"; then
            group=$g; break
        fi
    done
fi
redis_start || exit 1
fault_setup 10 32 8 || exit 1
FAULT_INTERVAL=1s FAULT_DAEMON_EXTRA="socket_group = $group" fault_config "$TEST_TMP/mw.conf"
export MOUWATCH_CONTROL_TIMEOUT=5
fault_start 2
SOCK="$STATE/ctl.sock"
handled() { [ "$(sql "SELECT count(*) FROM articles WHERE state IN ('extracted','no_agreement')")" -ge "$1" ]; }
wait_for 60 handled 40
mw() { "$MOUWATCH" -c "$CONF" "$@"; }
kib() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$DAEMON_PID/status"; }
r() { awk -v k="$1" '$1 == "RESULT" && $2 == k { print $3 }' "$TEST_TMP/$2.out"; }
rss0=$(kib VmRSS)

python3 "$PROBE" nonreader "$SOCK" 50000 10 >"$TEST_TMP/nonreader.out" 2>&1 &
nonreader=$!
if [ -n "$group" ]; then
    chmod 755 "$TEST_TMP" "$STATE"; chmod 666 "$SOCK"
    mkdir -m 777 "$TEST_TMP/drib"
    gid=$(getent group "$group" | cut -d: -f3)
    as_member() { setpriv --reuid 65534 --regid 65534 --groups "$gid" "$@"; }
    as_member /usr/bin/python3 - dribble "$SOCK" 36 30 "$TEST_TMP/drib/ready" <"$PROBE" \
        >"$TEST_TMP/dribble.out" 2>&1 &
    drib=$!
    wait_for 20 test -e "$TEST_TMP/drib/ready"
fi
fault_show 20
status_out=$(mw status 2>&1); status_rc=$?
reload_out=$(mw reload 2>&1); reload_rc=$?
[ -n "$group" ] && member_out=$(as_member "$MOUWATCH" --socket "$SOCK" status 2>&1)
fault_show 32
wait "$nonreader"
[ -n "$group" ] && wait "$drib"
grown=$(( $(kib VmHWM) - rss0 ))
echo "# non-reader sent $(r nonreader_sent nonreader) of 50000; peak RSS grew by $grown KiB"

tap_is "the non-reading client could not send all its requests" False "$(r nonreader_all_sent nonreader)"
tap_is "... and was dropped" True "$(r nonreader_closed nonreader)"
tap_ok "... the daemon's peak RSS grew by less than 24 MiB ($grown KiB)" test "$grown" -lt 24576
tap_match "root's status is served meanwhile" '^0 mouwatchd ' "$status_rc $status_out"
tap_is "a reload through the socket is served meanwhile" 0 "$reload_rc"
if [ -n "$group" ]; then
    tap_is "32 dribblers are closed at the request deadline" 32 "$(r dribble_timeout dribble)"
    tap_is "... 4 more got busy, none is left" "4 0" "$(r dribble_busy dribble) $(r dribble_unanswered dribble)"
    tap_match "... a 33rd group client got busy" busy "$member_out"
else
    for t in "dribblers closed at the deadline" "extra dribblers busy" "33rd group client busy"; do
        tap_skip "$t (needs root, setpriv and a group without uid 65534)"
    done
fi
tap_ok "everything settles" fault_wait_settled 120
tap_is "the non-reader's throttling is logged once" 1 "$(grep -c 'does not read its replies' "$STATE/daemon.log")"
fault_stop
fault_checks
tap_done
