#!/bin/bash
# fault_daemon_kill.sh: SIGKILL mouwatchd twice and start it again: first
# mid-poll (article pages still being fetched, at 40 requests/s), then
# mid-delivery (webhooks in flight to a receiver that takes 2 s to
# answer). Pages left pending are fetched after the restart, deliveries
# left 'sending' are sent again with the same webhook-id, and the
# invariants hold.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/faults/lib.sh"
tap_plan $((FAULT_CHECKS + 8))

redis_start || exit 1
fault_setup 10 32 || exit 1
FAULT_RATE=40 fault_config "$TEST_TMP/mw.conf"
receiver_do sleep 2
fault_start 2

some_stored() { [ "$(sql 'SELECT count(*) FROM articles')" -ge 40 ]; }
wait_for 30 some_stored
kill -KILL "$DAEMON_PID"; wait "$DAEMON_PID" 2>/dev/null
pending=$(sql "SELECT count(*) FROM articles WHERE page_state = 'pending'")
stored=$(sql "SELECT count(*) FROM articles")
echo "# killed mid-poll: $stored articles stored, $pending pages not fetched yet"
tap_ok "mouwatchd was killed mid-poll (pages left to fetch or articles not yet seen)" \
    test "$pending" -gt 0 -o "$stored" -lt "$EXPECTED"
tap_ok "its workers died with it" wait_for 10 eval '[ -z "$(fault_workers)" ]'

fault_start 2
tap_ok "the restart fetches the pages left pending" \
    wait_for 20 grep -q 'article page(s) a previous run left pending' "$STATE/daemon.log"
sending() {
    [ "$(sql "SELECT count(*) FROM deliveries WHERE state = 'sending' AND channel = 'hook'")" -gt 0 ] &&
        [ "$(receiver_posts)" -gt 0 ]
}
tap_ok "after the restart, webhooks are in flight" wait_for 90 sending
kill -KILL "$DAEMON_PID"; wait "$DAEMON_PID" 2>/dev/null
inflight=$(sql "SELECT count(*) FROM deliveries WHERE state = 'sending'")
echo "# killed mid-delivery: $inflight deliveries 'sending', $(receiver_posts) webhooks received"
tap_ok "mouwatchd was killed mid-delivery" test "$inflight" -gt 0

receiver_do 200
fault_start 2
tap_ok "after the second restart everything settles" fault_wait_settled 180
tap_match "the restart sends the cut-off deliveries again" \
    "$inflight delivery\\(ies\\) were in flight when mouwatchd stopped; sending them again" "$(cat "$STATE/daemon.log")"
fault_stop
fault_checks
tap_ok "no secret in the log" fault_no_secrets
tap_done
