#!/bin/bash
# fault_two_daemons.sh: a second mouwatchd started beside a running one,
# on the same configuration (same state_dir, same embedded Redis), on
# another state_dir but the same database, and as a --once run. Each must
# exit 1 at once naming the running one's PID, before it touches the
# database, Redis or the sockets: two daemons on one database poll and
# deliver in parallel (reminders sent twice), and the second one's
# embedded Redis replaced the first one's socket. The invariants (every
# delivery received once) hold at the end.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/faults/lib.sh"
tap_plan $((FAULT_CHECKS + 8))

fault_setup 10 32 8 || exit 1
FAULT_INTERVAL=1s fault_config "$TEST_TMP/mw.conf" ""
fault_start 2
handled() { [ "$(sql "SELECT count(*) FROM articles WHERE state IN ('extracted','no_agreement')")" -ge "$1" ]; }
wait_for 60 handled 40
sock="$STATE/redis.sock"
inode() { stat -c %i "$sock" 2>/dev/null; }
before=$(inode)

# Each second daemon gets 30 s: one that is not refused runs until then.
second() { timeout 30 "$MOUWATCHD" "$@" >"$TEST_TMP/second.out" 2>&1; echo $?; }

rc=$(second -c "$CONF" --foreground --workers 2)
tap_is "a second daemon on the same configuration exits 1" 1 "$rc"
tap_match "it names the running daemon's PID" "another mouwatchd \\(pid $DAEMON_PID\\)" "$(cat "$TEST_TMP/second.out")"
tap_is "the running daemon's embedded Redis socket is untouched" "$before" "$(inode)"

sed -e "s|^state_dir = .*|state_dir = $TEST_TMP/state2|" \
    -e "s|^socket = .*|socket = $TEST_TMP/state2/ctl.sock|" "$CONF" >"$TEST_TMP/mw2.conf"
rc=$(second -c "$TEST_TMP/mw2.conf" --foreground --workers 0)
tap_is "a daemon with its own state_dir on the same database exits 1" 1 "$rc"
tap_match "it names the running daemon's PID and the database" \
    "pid $DAEMON_PID\\) is running on the database $DB" "$(cat "$TEST_TMP/second.out")"

rc=$(second -c "$CONF" --once --workers 0 --once-timeout 20)
tap_is "mouwatchd --once beside the running daemon exits 1" 1 "$rc"
tap_match "it says it was refused and why" "--once refused: another mouwatchd \\(pid $DAEMON_PID\\)" \
    "$(cat "$TEST_TMP/second.out")"

fault_show 32
tap_ok "everything settles, the first daemon unharmed" fault_wait_settled 120
fault_stop
fault_checks
tap_done
