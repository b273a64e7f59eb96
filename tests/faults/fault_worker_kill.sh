#!/bin/bash
# fault_worker_kill.sh: SIGKILL a random worker every 2 s while mouwatchd
# with 3 supervised workers takes in 320 generated articles that appear in
# its 10 feeds a few at a time. A worker handles a message in milliseconds,
# so to kill one holding work, the victim is first frozen (SIGSTOP) while
# new articles arrive: Redis hands it messages it never acknowledges. The
# daemon restarts each dead worker, the others take over the dead one's
# messages (XAUTOCLAIM, after 60 s idle) and the invariants hold.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/faults/lib.sh"
tap_plan $((FAULT_CHECKS + 5))

redis_start || exit 1
fault_setup 10 32 2 || exit 1
FAULT_INTERVAL=1s fault_config "$TEST_TMP/mw.conf"
fault_start 3

kills=0
wait_for 30 eval '[ -n "$(fault_workers)" ]'
for shown in 5 8 11 14 17 20 23 26 29 32 32; do
    victim=$(fault_workers | shuf -n 1)
    [ -n "$victim" ] && kill -STOP "$victim" 2>/dev/null
    fault_show "$shown"
    sleep 2
    [ -n "$victim" ] && kill -KILL "$victim" 2>/dev/null && kills=$((kills + 1))
done
echo "# $kills workers killed; $(sql "SELECT count(*) FROM articles WHERE state = 'queued'") articles still queued"
tap_match "workers were killed while articles came in" '^([5-9]|1[0-9])$' "$kills"
tap_ok "everything settles after the kills" fault_wait_settled 180
tap_match "the daemon restarted the dead workers" 'restarting it in' "$(cat "$STATE/daemon.log")"
# Another worker claims them after worker_claim_idle (XAUTOCLAIM), or the
# killed worker, restarted under its own name, takes them back at once.
tap_match "the messages of a dead worker were taken over or back" 'took (over|back) [0-9]+ message' "$(cat "$STATE/daemon.log")"
fault_stop
fault_checks
tap_ok "no secret in the log" fault_no_secrets
tap_done
