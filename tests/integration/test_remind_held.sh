#!/bin/bash
# test_remind_held.sh: deliveries that cannot go to their channel wait for
# it (state 'held') instead of failing (issue 12, item 12), in a running
# mouwatchd with real receivers (mw-httpd, mw-smtpd) and the mouwatch CLI:
#  - a webhook's 410 disables its channel and holds the delivery; nothing
#    more is posted; 'mouwatch channel enable' sends what was held;
#  - a reload storm that drops an e-mail channel for a moment holds its
#    pending deliveries ("channel removed"), and the reload that brings it
#    back sends them;
#  - 'mouwatch reminder retry --failed --channel NAME' retries in bulk, that
#    channel only; on a disabled channel it warns, and the retried
#    deliveries wait until 'channel enable'.
# MOUWATCHD_WRAPPER="valgrind -q --error-exitcode=99" runs mouwatchd under a tool.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"

SEED="$top_builddir/tests/remind/mw-remind-seed"
RFIX="$FIXTURES/remind"
SECRET=whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
export MOUWATCH_REDIS_SERVER="${REDIS_SERVER:-redis-server}"

tap_plan 18

mkdir -p "$TEST_TMP/www"
httpd_start "$TEST_TMP/www" || exit 1
smtpd_start || exit 1

# conf DIR RETRY GIVE_UP: writes DIR/mouwatch.conf, channels on stdin
conf() {
    mkdir -p "$1"
    {
        printf '[daemon]\nstate_dir = %s\ndatabase = %s/mw.db\nsocket = %s/mw.sock\n' "$1" "$1" "$1"
        printf 'allow_private_addresses = yes\nlog_level = info\n\n'
        printf '[reminders]\nlead_days = 90,30,7\nretry_schedule = %s\ngive_up_after = %s\n' "$2" "$3"
        printf 'check_interval = 1s\ntimezone = Asia/Jakarta\n'
        cat
    } >"$1/mouwatch.conf"
}
hook() { printf '\n[channel %s]\ntype = webhook\nurl = %s\nsecret = %s\n' "$1" "$2" "$SECRET"; }
mail() { printf '\n[channel %s]\ntype = email\nsmtp = %s\nfrom = mouwatch@example.org\nto = intl@example.org\n' "$1" "$2"; }
start() {
    ${MOUWATCHD_WRAPPER:-} "$MOUWATCHD" -c "$1/mouwatch.conf" --workers 0 </dev/null >>"$1/run.log" 2>&1 &
    eval "$2=\$!"
    at_exit "kill $!"
    wait_for 30 test -S "$1/mw.sock"
}
sql() { sqlite3 "$1/mw.db" "$2"; }
is() { [ "$(sql "$1" "$2")" = "$3" ]; }
posts() { httpd_requests $'^POST\t'"$1"; }

# ---- a 410 and a reload storm ----
A=$TEST_TMP/a
{ hook hook "$HTTPD_URL/hook/gone?status=410"; mail mail smtp://127.0.0.1:1; } | conf "$A" 1s 1h
"$SEED" "$A/mw.db" "$RFIX/training_my.json" https://berita.example.my/b/1 >/dev/null
start "$A" APID || { echo "Bail out! mouwatchd did not start"; cat "$A/run.log"; exit 1; }
mwa() { "$MOUWATCH" -c "$A/mouwatch.conf" "$@"; }

tap_ok "410: the channel is disabled" wait_for 60 \
    is "$A" "SELECT count(*) FROM remind_channels WHERE name = 'hook' AND disabled_reason IS NOT NULL" 1
tap_ok "410: its delivery is held, not failed" wait_for 60 is "$A" \
    "SELECT state || ' ' || last_status FROM deliveries WHERE channel = 'hook'" "held 410"
sleep 2
tap_is "410: nothing more is posted to it, and the reminder is still pending" "1 pending" \
    "$(posts /hook/gone) $(sql "$A" "SELECT state FROM reminders")"

# A reload storm: the e-mail channel (its receiver down, a delivery pending)
# is missing from one reload and back, with a working receiver, in the next.
{ hook hook "$HTTPD_URL/hook/gone?status=410"; } | conf "$A" 1s 1h
mwa reload >/dev/null
tap_ok "reload without the e-mail channel: its pending delivery is held, 'channel removed'" \
    wait_for 60 is "$A" "SELECT state || ':' || substr(last_error, 1, 15) FROM deliveries WHERE channel = 'mail'" \
    "held:channel removed"
{ hook hook "$HTTPD_URL/hook/fixed"; mail mail "$SMTPD_URL"; } | conf "$A" 1s 1h
mwa reload >/dev/null
tap_ok "the reload that brings it back sends it" wait_for 60 is "$A" \
    "SELECT state FROM deliveries WHERE channel = 'mail'" delivered
tap_is "... one message in the sink" 1 "$(smtpd_messages)"
tap_match "channels: hook disabled, 1 held, 0 failed" \
    'hook +webhook +all +disabled: the receiver answered 410.* 0 +1 +0 +0' "$(mwa channels | tr '\n' ' ')"
tap_match "channel enable: the held delivery goes out" '^channel hook enabled again .*its 1 held delivery' \
    "$(mwa channel enable hook)"
tap_ok "... delivered to the fixed receiver, the reminder sent" wait_for 60 is "$A" \
    "SELECT d.state || ' ' || r.state FROM deliveries d JOIN reminders r ON r.id = d.reminder_id WHERE channel = 'hook'" \
    "delivered sent"
tap_is "... one POST" 1 "$(posts /hook/fixed)"

# ---- reminder retry --failed [--channel NAME] ----
B=$TEST_TMP/b
# retry_schedule 1h beyond give_up_after 1m: the first failure is for good.
{ hook down "$HTTPD_URL/hook/down?status=500"; hook other "$HTTPD_URL/hook/other?status=500"; } | conf "$B" 1h 1m
"$SEED" "$B/mw.db" "$RFIX/training_my.json" https://berita.example.my/b/2 >/dev/null
start "$B" BPID || { echo "Bail out! mouwatchd did not start"; cat "$B/run.log"; exit 1; }
mwb() { "$MOUWATCH" -c "$B/mouwatch.conf" "$@"; }
tap_ok "500 past give_up_after: both deliveries and the reminder failed" wait_for 60 is "$B" \
    "SELECT group_concat(d.state, ' ') || ' ' || r.state FROM deliveries d JOIN reminders r ON r.id = d.reminder_id" \
    "failed failed failed"
tap_match "retry --failed --channel other: one reminder, one delivery" \
    '^1 failed reminder\(s\) pending again, 1 delivery\(ies\) to channel other' \
    "$(mwb reminder retry --failed --channel other)"
tap_ok "... only that channel is tried again" wait_for 60 is "$B" \
    "SELECT group_concat(channel || '=' || attempts, ' ') FROM deliveries WHERE state = 'failed'" "down=1 other=2"

# down now answers 410 to a new agreement's reminders: it is disabled.
{ hook down "$HTTPD_URL/hook/down?status=410"; hook other "$HTTPD_URL/hook/other?status=500"; } | conf "$B" 1h 1m
mwb reload >/dev/null
"$SEED" "$B/mw.db" "$RFIX/exchange_th.json" https://news.example.id/a/2 >/dev/null
tap_ok "a new agreement's deliveries to down get a 410: down disabled, three held" wait_for 60 \
    is "$B" "SELECT count(*) FROM deliveries WHERE channel = 'down' AND state = 'held'" 3
out=$(mwb reminder retry --failed --channel down 2>&1)
tap_match "retry --failed on a disabled channel warns that its deliveries wait" \
    "warning: channel down is disabled \(the receiver answered 410.*wait until 'mouwatch channel enable down'" "$out"
tap_ok "... and the retried delivery is held, not attempted" wait_for 60 is "$B" \
    "SELECT group_concat(state || '=' || attempts, ' ') FROM deliveries WHERE channel = 'down'" "held=1 held=1 held=1 held=1"
{ hook down "$HTTPD_URL/hook/down-ok"; hook other "$HTTPD_URL/hook/other?status=500"; } | conf "$B" 1h 1m
mwb reload >/dev/null
mwb channel enable down >/dev/null
tap_ok "channel enable: all four held deliveries are delivered" wait_for 60 is "$B" \
    "SELECT count(*) FROM deliveries WHERE channel = 'down' AND state = 'delivered'" 4

kill -TERM "$APID" "$BPID"
wait "$APID"; rc1=$?
wait "$BPID"; rc2=$?
tap_is "both daemons stop cleanly" "0 0" "$rc1 $rc2"
tap_done
