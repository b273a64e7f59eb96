#!/bin/bash
# fault_db_lock.sh: another process (python3's sqlite3) holds an exclusive
# lock on the database for 10 s (BEGIN EXCLUSIVE) while articles arrive
# and reminders fall due; busy_timeout is 2 s, so the daemon's and the
# workers' writes fail with "database is locked" and must be retried, not
# lost. The invariants hold once the lock is gone.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/faults/lib.sh"
tap_plan $((FAULT_CHECKS + 4))

redis_start || exit 1
fault_setup 10 32 8 || exit 1
FAULT_INTERVAL=1s FAULT_DAEMON_EXTRA="busy_timeout = 2s" fault_config "$TEST_TMP/mw.conf"
fault_start 2
handled() { [ "$(sql "SELECT count(*) FROM articles WHERE state IN ('extracted','no_agreement')")" -ge "$1" ]; }
wait_for 60 handled 40

python3 - "$DB" "$TEST_TMP/locked" <<'PY' &
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
db.execute("BEGIN EXCLUSIVE")
open(sys.argv[2], "w").close()
time.sleep(10)
db.execute("COMMIT")
PY
locker=$!
tap_ok "another process holds an exclusive lock" wait_for 30 test -e "$TEST_TMP/locked"
fault_show 20
sleep 4
fault_show 32
wait "$locker"
tap_ok "everything settles after the lock is released" fault_wait_settled 180
tap_match "the lock was noticed and logged" 'locked|busy' "$(cat "$STATE/daemon.log")"
fault_stop
tap_is "the daemon stopped cleanly" 0 "$(grep -c 'mouwatchd.* error: .*corrupt' "$STATE/daemon.log")"
fault_checks
tap_done
