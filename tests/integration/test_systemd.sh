#!/bin/bash
# test_systemd.sh: mouwatch as a systemd service: the units pass
# 'systemd-analyze verify', score no worse than 1.4 (daemon) and 1.2
# (worker) in 'systemd-analyze security', and set resource limits; the
# worker is Type=notify and says READY=1 only once Redis answers; sd_notify messages (READY, STATUS, WATCHDOG, RELOADING with
# MONOTONIC_USEC, STOPPING) read from a real datagram NOTIFY_SOCKET; SIGHUP
# re-reads the configuration, adding and removing a feed; SIGTERM stops
# cleanly. STATUS= is refreshed (every MOUWATCH_STATUS_INTERVAL seconds);
# under systemd (JOURNAL_STREAM set) log lines carry <N> priority prefixes
# and no timestamp.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/integration/test_cli_env.sh"

tap_plan 27

# --- the units, with paths into this build tree ---
UNITS="$TEST_TMP/units"
mkdir -p "$UNITS" "$TEST_TMP/sbin" "$TEST_TMP/bin"
ln -s "$MOUWATCHD" "$TEST_TMP/sbin/mouwatchd"
ln -s "$MOUWATCH_WORKER" "$TEST_TMP/sbin/mouwatch-worker"
ln -s "$MOUWATCH" "$TEST_TMP/bin/mouwatch"
for u in mouwatchd.service mouwatch-worker@.service; do
    sed -e "s|@sbindir@|$TEST_TMP/sbin|g" -e "s|@bindir@|$TEST_TMP/bin|g" \
        -e "s|@sysconfdir@|/etc|g" "$top_srcdir/systemd/$u.in" >"$UNITS/$u"
done
cp "$UNITS/mouwatch-worker@.service" "$UNITS/mouwatch-worker@1.service"
if command -v systemd-analyze >/dev/null; then
    for u in mouwatchd.service mouwatch-worker@1.service; do
        tap_ok "systemd-analyze verify $u" sh -c "cd '$UNITS' && systemd-analyze verify --man=no ./$u 2>&1 | (! grep .)"
        score=$(cd "$UNITS" && systemd-analyze security --offline=yes --no-pager "./$u" 2>/dev/null |
                sed -n 's/.*Overall exposure level for .*: \([0-9.]*\) .*/\1/p')
        # The ceilings are the scores of c02be53 (issue 12): they may only fall.
        case $u in mouwatchd.*) max=1.4 ;; *) max=1.2 ;; esac
        tap_match "$u: exposure $score is a number" '^[0-9.]+$' "$score"
        tap_is "$u: exposure $max or less" yes "$(awk -v s="$score" -v m="$max" 'BEGIN { print (s != "" && s <= m) ? "yes" : "no" }')"
    done
else
    for i in 1 2 3 4 5 6; do tap_skip "systemd-analyze is not installed"; done
fi
# Resource limits and the worker's network (issue 12, item 3).
has() { grep -qx "$2" "$UNITS/$1"; }
for u in mouwatchd.service mouwatch-worker@1.service; do
    tap_ok "$u: Type=notify, MemoryMax=, TasksMax=, LimitNOFILE=, PrivateMounts=yes" \
        sh -c "for d in Type=notify 'MemoryMax=[0-9]*[KMG]' 'TasksMax=[0-9]*' 'LimitNOFILE=[0-9]*' PrivateMounts=yes; do grep -qx \"\$d\" '$UNITS/$u' || { echo \"no \$d\"; exit 1; }; done"
done
tap_ok "the worker may reach no address but this host's (Redis)" has mouwatch-worker@1.service IPAddressDeny=any

# --- sd_notify ---
redis_start
httpd_start "$OPS_SITE"
OPS_CONF="$TEST_TMP/mw.conf"
ops_write_config "$OPS_CONF"
NOTES="$TEST_TMP/notify.log"
: >"$NOTES"
# notify_sync SOCKET LOG: the reader writes what it receives when it is
# scheduled, maybe after the sender has exited. This sends a marker datagram
# and waits until the reader has written it; the socket's queue is in order,
# so every message sent before the marker (all of a process that has exited)
# is in LOG then.
_syncs=0
notify_sync() {
    _syncs=$((_syncs + 1))
    python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM).sendto(sys.argv[2].encode(), sys.argv[1])' \
        "$1" "SYNC=$_syncs" &&
    wait_for 30 grep -qx "SYNC=$_syncs" "$2"
}
python3 "$top_srcdir/tests/integration/test_systemd_notify.py" "$TEST_TMP/notify.sock" "$NOTES" &
NPID=$!
at_exit "kill $NPID"
wait_for 10 test -S "$TEST_TMP/notify.sock"
mkdir -p "$OPS_STATE"
NOTIFY_SOCKET="$TEST_TMP/notify.sock" WATCHDOG_USEC=400000 MOUWATCH_STATUS_INTERVAL=1 \
    bash -c 'export WATCHDOG_PID=$$; exec "$0" -c "$1" --workers 1' "$MOUWATCHD" "$OPS_CONF" \
    >"$TEST_TMP/daemon.log" 2>&1 &
DAEMON_PID=$!
at_exit "kill $DAEMON_PID"
tap_ok "READY=1 once the database, Redis and the socket are up" wait_for 30 grep -qx 'READY=1' "$NOTES"
tap_ok "... and the control socket answers then" test -S "$OPS_SOCK"
tap_ok "STATUS= summary" wait_for 10 grep -q '^STATUS=.*feed' "$NOTES"
tap_ok "WATCHDOG=1 from the event loop" wait_for 10 grep -qx 'WATCHDOG=1' "$NOTES"
summaries() { [ "$(grep -c '^STATUS=[0-9]* feed(s) ([0-9]* failing), backlog [0-9]*, [0-9]* agreement(s)$' "$NOTES")" -ge "$1" ]; }
tap_ok "STATUS= refreshed: a second summary line arrives (MOUWATCH_STATUS_INTERVAL=1)" wait_for 15 summaries 2

feeds() { mw --json feeds | jq_py '" ".join(f["name"] for f in j)'; }
ops_write_config "$OPS_CONF" "[feed third]
url = $HTTPD_URL/atom.xml?third
interval = 1h"
kill -HUP "$DAEMON_PID"
tap_ok "SIGHUP adds a feed" wait_for 10 sh -c "[ \"\$('$MOUWATCH' -c '$OPS_CONF' --json feeds | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')\" = 3 ]"
notify_sync "$TEST_TMP/notify.sock" "$NOTES"   # READY=1 came before the reply
tap_match "RELOADING=1 with MONOTONIC_USEC, then READY=1" 'RELOADING=1 MONOTONIC_USEC=[0-9]+ --- READY=1' "$(tr '\n' ' ' <"$NOTES")"
ops_write_config "$OPS_CONF"
kill -HUP "$DAEMON_PID"
wait_for 10 sh -c "[ \"\$('$MOUWATCH' -c '$OPS_CONF' --json feeds | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')\" = 2 ]"
tap_is "SIGHUP removes it again" "demo-atom demo-rss" "$(feeds)"
kill -TERM "$DAEMON_PID"
wait "$DAEMON_PID"; rc=$?
notify_sync "$TEST_TMP/notify.sock" "$NOTES"
tap_is "SIGTERM: clean exit" 0 "$rc"
tap_ok "STOPPING=1" grep -qx 'STOPPING=1' "$NOTES"
tap_ok "the socket file is removed" test ! -e "$OPS_SOCK"

# --- the worker's sd_notify: READY=1 only once it has the database and Redis ---
WNOTES="$TEST_TMP/worker-notify.log"
: >"$WNOTES"
python3 "$top_srcdir/tests/integration/test_systemd_notify.py" "$TEST_TMP/worker-notify.sock" "$WNOTES" &
at_exit "kill $!"
wait_for 10 test -S "$TEST_TMP/worker-notify.sock"
redis_stop
NOTIFY_SOCKET="$TEST_TMP/worker-notify.sock" "$MOUWATCH_WORKER" -c "$OPS_CONF" --name notify-test \
    >"$TEST_TMP/worker.log" 2>&1 &
WORKER_PID=$!
at_exit "kill $WORKER_PID"
tap_ok "worker: with Redis down it says it is waiting for Redis" wait_for 30 grep -q '^STATUS=waiting for Redis' "$WNOTES"
notify_sync "$TEST_TMP/worker-notify.sock" "$WNOTES"
tap_is "worker: and has not said READY=1" 0 "$(grep -c '^READY=1' "$WNOTES")"
redis_restart
tap_ok "worker: READY=1 once Redis is back" wait_for 60 grep -qx 'READY=1' "$WNOTES"
kill -TERM "$WORKER_PID"
wait "$WORKER_PID"; rc=$?
notify_sync "$TEST_TMP/worker-notify.sock" "$WNOTES"
tap_is "worker: SIGTERM, clean exit and STOPPING=1" "0 1" "$rc $(grep -cx 'STOPPING=1' "$WNOTES")"

# --- logging: the journal's format under systemd, timestamps otherwise ---
J=$TEST_TMP/journal
mkdir -p "$J"
printf '[daemon]\nstate_dir = %s\nsocket = %s/mw.sock\nredis = unix:%s\n' "$J" "$J" "$REDIS_SOCKET" >"$J/mw.conf"
JOURNAL_STREAM=1:1 "$MOUWATCHD" -c "$J/mw.conf" --workers 0 --once --once-timeout 20 >/dev/null 2>"$J/journal.err"
tap_ok "JOURNAL_STREAM set: mouwatchd logs something" grep -q . "$J/journal.err"
tap_is "JOURNAL_STREAM set: every line has an sd-daemon <N> prefix and no timestamp" 0 \
    "$(grep -Evc '^<[0-7]>[^0-9]' "$J/journal.err")"
env -u JOURNAL_STREAM "$MOUWATCHD" -c "$J/mw.conf" --workers 0 --once --once-timeout 20 >/dev/null 2>"$J/plain.err"
tap_is "JOURNAL_STREAM unset: every line starts with a UTC timestamp, no prefix" "0 0" \
    "$(grep -Evc '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z mouwatchd\[[0-9]+\] ' "$J/plain.err") $(grep -c '^<' "$J/plain.err")"
tap_done
