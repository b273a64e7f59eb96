#!/bin/bash
# fault_receivers.sh: the receivers misbehave while reminders fall due.
# The webhook receiver answers 500 for 5 s, is down (stopped) for 5 s,
# then answers after 5 s (longer than the channel's 3 s timeout) for 6 s,
# then recovers; the SMTP sink answers 451 to the first 40 messages; a
# third channel points at a port where nothing listens, for longer than
# give_up_after (1 min). Every delivery to the first two ends delivered,
# once per webhook-id / Message-ID after dedupe; every one to the dead
# channel ends 'failed', with its error recorded, and shows as failed.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/faults/lib.sh"
tap_plan $((FAULT_CHECKS + 9))

redis_start || exit 1
FAULT_SMTPD_OPTS=(--fail-first 40)
fault_setup 10 32 4 || exit 1
dead_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
FAULT_CHANNELS="[channel dead]
type = webhook
url = http://127.0.0.1:$dead_port/hook/dead
secret = $SECRET
timeout = 3s"
receiver_do 500
FAULT_INTERVAL=1s FAULT_GIVE_UP=1m fault_config "$TEST_TMP/mw.conf"
fault_start 2
sleep 3; fault_show 12; sleep 2
receiver_stop
fault_show 20; sleep 5
receiver_do sleep 5
receiver_start || exit 1
fault_show 28; sleep 6
receiver_do 200
fault_show 32
tap_ok "everything settles (the dead channel gives up after 1 min)" fault_wait_settled 240
fault_stop

st() { sql "SELECT count(*) FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id WHERE d.channel = '$1' AND $2"; }
tap_match "the webhook receiver answered 500 and the attempt was recorded" '^[1-9]' "$(st hook 'a.status_code = 500')"
tap_match "attempts while it was down were recorded as errors" '^[1-9]' "$(st hook "a.status_code IS NULL AND a.error LIKE '%connect%'")"
tap_match "attempts it answered too slowly were recorded as timeouts" '^[1-9]' "$(st hook "a.error LIKE '%timeout%' OR a.error LIKE '%timed out%'")"
tap_match "slow answers still reached the receiver (it logged them)" '^[1-9]' "$(grep -c 'delay: 5' "$RECV_LOG")"
tap_match "SMTP 451 was recorded" '^[1-9]' "$(st mail 'a.status_code = 451')"
tap_is "every delivery to the dead channel failed" \
    "$(sql "SELECT count(*) FROM deliveries WHERE channel = 'dead'")" \
    "$(sql "SELECT count(*) FROM deliveries WHERE channel = 'dead' AND state = 'failed' AND last_error IS NOT NULL")"
tap_match "failed reminders are visible as failed" '^[1-9]' "$(sql "SELECT count(*) FROM reminders WHERE state = 'failed'")"
tap_is "none failed on the channels that recovered" 0 "$(sql "SELECT count(*) FROM deliveries WHERE channel <> 'dead' AND state <> 'delivered'")"
fault_checks --allow-failed
tap_done
