#!/bin/bash
# fault_db_lock_long.sh: another process holds the database's write lock
# (BEGIN EXCLUSIVE) for longer than systemd's watchdog, as an operator's
# sqlite3 session or a VACUUM would, while articles arrive and webhooks
# are in flight. The daemon is started as systemd would with
# WatchdogSec=4s (NOTIFY_SOCKET, WATCHDOG_USEC) and the default
# busy_timeout (5 s). Its loop must not wait for the lock: it keeps
# feeding the watchdog, answers hello and status (saying since when the
# database is locked), sends no webhook twice and loses nothing.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/faults/lib.sh"
tap_plan $((FAULT_CHECKS + 8))

WATCHDOG_S=4
LOCK_S=10
redis_start || exit 1
fault_setup 10 32 8 || exit 1
FAULT_INTERVAL=1s fault_config "$TEST_TMP/mw.conf"
# Deliveries take half a second each, so some are in flight when the lock comes.
receiver_do "sleep 0.5"
python3 "$FAULTS_DIR/notify_sink.py" "$TEST_TMP/notify.sock" "$TEST_TMP/notify.log" &
sink=$!
at_exit "kill $sink"
wait_for 10 test -S "$TEST_TMP/notify.sock"
NOTIFY_SOCKET="$TEST_TMP/notify.sock" WATCHDOG_USEC=$((WATCHDOG_S * 1000000)) fault_start 2
handled() { [ "$(sql "SELECT count(*) FROM articles WHERE state IN ('extracted','no_agreement')")" -ge "$1" ]; }
delivered() { [ "$(sql "SELECT count(*) FROM deliveries WHERE state = 'delivered'")" -ge "$1" ]; }
wait_for 60 handled 40
wait_for 60 delivered 4

python3 - "$DB" "$TEST_TMP/locked" "$LOCK_S" <<'PY' &
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
db.execute("BEGIN EXCLUSIVE")
open(sys.argv[2], "w").close()
time.sleep(float(sys.argv[3]))
db.execute("COMMIT")
PY
locker=$!
tap_ok "another process holds an exclusive lock" wait_for 30 test -e "$TEST_TMP/locked"
fault_show 20
# Ask while the lock lasts: each answer must come within 2 s.
ctl() { python3 "$FAULTS_DIR/ctl.py" "$STATE/ctl.sock" "$1" 2; }
: >"$TEST_TMP/asked"
for _ in 1 2 3 4; do
    ctl hello >>"$TEST_TMP/asked.hello" 2>&1 || echo "hello: no answer" >>"$TEST_TMP/asked"
    ctl status >>"$TEST_TMP/asked.status" 2>&1 || echo "status: no answer" >>"$TEST_TMP/asked"
    sleep 1
done
fault_show 32
wait "$locker"
cat "$TEST_TMP/asked" | sed 's/^/# /'
tap_is "hello and status answered within 2 s all through the lock" "" "$(cat "$TEST_TMP/asked")"
tap_match "status says since when the database is locked" '"locked_since": *[0-9]' \
    "$(cat "$TEST_TMP/asked.status")"
sleep $((WATCHDOG_S / 2 + 1))   # a ping after the lock is in the log too
# The daemon's own pings (its workers inherit the socket), up to now: a
# daemon that stopped pinging has a gap that is still open.
read -r pings gap < <(python3 - "$TEST_TMP/notify.log" "$DAEMON_PID" <<'PY'
import sys, time
ts = [float(f[0]) for f in (l.rstrip("\n").split("\t") for l in open(sys.argv[1]))
      if f[1] == sys.argv[2] and "WATCHDOG=1" in f[2]]
marks = ts + [time.monotonic()]
print(len(ts), "%.1f" % max((b - a for a, b in zip(marks, marks[1:])), default=0))
PY
)
echo "# $pings watchdog pings, longest gap $gap s (WatchdogSec=$WATCHDOG_S)"
tap_ok "the watchdog was fed all through the lock (systemd would not have killed it)" \
    awk -v g="$gap" -v w="$WATCHDOG_S" 'BEGIN { exit !(g > 0 && g < w) }'
tap_match "the lock is logged as one, with since when" \
    'database .* is locked by another process since [0-9T:-]+Z' "$(cat "$STATE/daemon.log")"
tap_ok "everything settles after the lock is released" fault_wait_settled 180
# Each webhook the receiver got is an attempt the database recorded: one
# whose outcome was lost to the lock would have been sent again without
# (a slow receiver's timeout is a recorded attempt, and its resend too).
posts=$(receiver_posts)
ids=$(grep '^POST' "$RECV_LOG" | cut -f3 | sort -u | wc -l)
attempts=$(sql "SELECT count(*) FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id
    WHERE d.channel = 'hook'")
echo "# $posts webhooks received for $ids ids; $attempts attempts recorded"
tap_ok "no webhook was sent again because the lock lost its outcome" test "$posts" -le "$attempts"
fault_stop
tap_is "the daemon stopped cleanly" 0 "$(grep -c 'mouwatchd.* error: .*corrupt' "$STATE/daemon.log")"
fault_checks
tap_done
