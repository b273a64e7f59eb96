#!/bin/bash
# test_remind.sh: reminders delivered by mouwatchd --once to a real webhook
# receiver (mw-httpd) and a real SMTP sink (mw-smtpd), with agreements
# stored through the real db path (mw-remind-seed) in a real SQLite file.
# Phases: delivery of each kind with signatures and e-mail checked; no
# second sending; 500 then 200 retried; restart with a delivery left
# 'sending'; 410 disables a channel; SMTP 451 then accept; a receiver down
# past the limit fails, an operator retry then delivers; 500 three times
# then 200: delivered once, four attempts logged; deliveries that waited in
# the queue longer than give_up_after are still tried and retried (the
# limit counts from the first attempt).
# MOUWATCHD_WRAPPER="valgrind -q --error-exitcode=99" runs mouwatchd under a tool.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"

SEED="$top_builddir/tests/remind/mw-remind-seed"
PY="$top_srcdir/tests/remind"
RFIX="$FIXTURES/remind"
SECRET=whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
PASSWORD=s3cret-Pa55word-for-test
export MOUWATCH_REDIS_SERVER="${REDIS_SERVER:-redis-server}"

tap_plan 38

mkdir -p "$TEST_TMP/www"
printf '%s\n' "$PASSWORD" >"$TEST_TMP/smtp.secret"
httpd_start "$TEST_TMP/www" || exit 1
smtpd_start || exit 1

# conf DIR [reminders lines] -- [channel sections...]: writes DIR/mouwatch.conf
conf() {
    _d=$1; shift
    mkdir -p "$_d"
    {
        printf '[daemon]\nstate_dir = %s\ndatabase = %s/mw.db\nsocket = %s/mw.sock\n' "$_d" "$_d" "$_d"
        printf 'allow_private_addresses = yes\n\n[reminders]\nlead_days = 90,30,7\n'
        printf 'retry_schedule = 1s\ngive_up_after = 1m\ncheck_interval = 1m\n'
        cat
    } >"$_d/mouwatch.conf"
}

# run DIR: mouwatchd --once, log in DIR/run.log (appended)
run() {
    ${MOUWATCHD_WRAPPER:-} "$MOUWATCHD" -c "$1/mouwatch.conf" --once --once-timeout 60 >>"$1/run.log" 2>&1
}

sql() { sqlite3 "$1/mw.db" "$2"; }

# ---- phase 1: all kinds, three channels, signatures, e-mail ----
P1=$TEST_TMP/p1
conf "$P1" <<EOF2

[channel hook]
type = webhook
url = $HTTPD_URL/hook/all
secret = $SECRET

[channel hook-th]
type = webhook
url = $HTTPD_URL/hook/th?status=500&times=1
secret = $SECRET
match = country:TH

[channel mail]
type = email
smtp = $SMTPD_URL
username = mouwatch
password_file = $TEST_TMP/smtp.secret
from = mouwatch@example.org
to = intl@example.org, dinas@example.org
match = program:student_exchange
EOF2
"$SEED" "$P1/mw.db" "$RFIX/exchange_th.json" https://news.example.id/a/1 >/dev/null
"$SEED" "$P1/mw.db" "$RFIX/training_my.json" https://berita.example.my/b/2 >/dev/null

tap_ok "mouwatchd --once delivers and exits 0" run "$P1"
tap_is "due reminders: new x2, expiring(30), upcoming(7), all sent" \
    "agreement.expiring|30|sent agreement.new|0|sent agreement.new|0|sent event.upcoming|7|sent" \
    "$(sql "$P1" "SELECT kind, lead_days, state FROM reminders WHERE due_at <= strftime('%s','now') AND state <> 'superseded' ORDER BY kind" | tr '\n' ' ' | sed 's/ $//')"
tap_is "channel hook (no match filter) got all 4" 4 "$(httpd_requests $'^POST\t/hook/all')"
tap_ok "every webhook signature verifies (python3 hmac) and bodies have SPEC fields" \
    python3 "$PY/check_hooks.py" "$HTTPD_HOOKS" "$SECRET"
exp=$(grep -l '"agreement.expiring"' "$HTTPD_HOOKS"/*.body | head -1)
tap_match "expiring body: lead 30, 20 days left, TH party, source URL" \
    '"lead_days":30.*"days_left":20' "$(cat "$exp")"
tap_match "expiring body names the parties and sources" \
    'Songkhla Wittaya School.*"sources":\["https://news.example.id/a/1"\]' "$(cat "$exp")"
tap_is "hook-th: 3 reminders + 1 retry after the 500" 4 "$(httpd_requests $'^POST\t/hook/th')"
tap_is "hook-th: all 3 delivered, one with 2 attempts (500 then 200)" "1|2 2|1" \
    "$(sql "$P1" "SELECT attempts, count(*) FROM deliveries WHERE channel='hook-th' AND state='delivered' GROUP BY attempts" | tr '\n' ' ' | sed 's/ $//')"
tap_is "the retried delivery logged status 500 then 200" "500 200" \
    "$(sql "$P1" "SELECT status_code FROM delivery_attempts a JOIN deliveries d ON d.id=a.delivery_id WHERE d.channel='hook-th' AND d.attempts=2 ORDER BY a.id" | tr '\n' ' ' | sed 's/ $//')"
retried_id=$(sql "$P1" "SELECT webhook_id FROM deliveries WHERE channel='hook-th' AND attempts=2")
tap_is "both attempts of it carried the same webhook-id" 2 "$(httpd_requests "webhook-id: $retried_id	")"
tap_is "mail: 3 messages (the TH exchange agreement only)" 3 "$(smtpd_messages)"
m=$(for f in "$SMTPD_DIR"/*.eml; do python3 "$PY/check_mail.py" "$f"; done)
tap_match "mail: RFC 2047 subject decodes to UTF-8 (en dash)" \
    'subject: MoU expires in 20 days: SMA Negeri 3 Kotabaru – Songkhla Wittaya School \([0-9-]{10}\)' "$m"
tap_match "mail: Date, Message-ID, From, To present" \
    'date: .+ message-id: <msg_mw_[0-9]+_mail@example.org> from: mouwatch@example.org to: intl@example.org, dinas@example.org' \
    "$(printf '%s\n' "$m" | grep -E '^(date|message-id|from|to):' | head -4 | tr '\n' ' ')"
tap_match "mail: readable text with days left and sources" \
    'text: When: +Exchange starts on [0-9-]+ \(5 days left\).*text:   - https://news.example.id/a/1' "$(printf '%s' "$m" | tr '\n' ' ')"
tap_match "mail: .ics attachment with the event" \
    'ics-filename: mouwatch.ics ics: BEGIN:VCALENDAR.*ics: UID:event-[0-9]+@mouwatch' "$(printf '%s' "$m" | tr '\n' ' ')"
tap_match "SMTP AUTH used the password from password_file" "^mouwatch
$PASSWORD\$" "$(cat "$SMTPD_DIR/auth")"
tap_ok "neither the webhook secret nor the SMTP password is in the log" \
    eval "! grep -e MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw -e '$PASSWORD' '$P1/run.log'"

# ---- phase 2: nothing twice; a delivery left 'sending' is sent again ----
before_all=$(httpd_requests $'^POST\t/hook/all'); before_mail=$(smtpd_messages)
run "$P1"
tap_is "second run: no webhook again" "$before_all" "$(httpd_requests $'^POST\t/hook/all')"
tap_is "second run: no e-mail again" "$before_mail" "$(smtpd_messages)"
wid=$(sql "$P1" "SELECT webhook_id FROM deliveries WHERE channel='hook' ORDER BY id LIMIT 1")
sql "$P1" "UPDATE deliveries SET state='sending' WHERE webhook_id='$wid'; UPDATE reminders SET state='pending' WHERE id=(SELECT reminder_id FROM deliveries WHERE webhook_id='$wid')"
run "$P1"
tap_is "a delivery cut off mid-send is sent again, same webhook-id" 2 "$(httpd_requests "webhook-id: $wid	")"
tap_is "... and only it" "$((before_all + 1))" "$(httpd_requests $'^POST\t/hook/all')"

# ---- phase 3: 410 disables the channel, for good ----
P3=$TEST_TMP/p3
conf "$P3" <<EOF2

[channel gone]
type = webhook
url = $HTTPD_URL/hook/gone?status=410
secret = $SECRET
EOF2
"$SEED" "$P3/mw.db" "$RFIX/training_my.json" https://berita.example.my/b/3 >/dev/null
run "$P3"
tap_match "410: channel disabled with a warning" 'channel gone disabled: its receiver answered 410' "$(cat "$P3/run.log")"
tap_is "410: the disabling is stored in SQLite" 1 "$(sql "$P3" "SELECT count(*) FROM remind_channels WHERE name='gone' AND disabled_reason IS NOT NULL")"
"$SEED" "$P3/mw.db" "$RFIX/exchange_th.json" https://news.example.id/a/4 >/dev/null
run "$P3"
tap_is "410: after a restart nothing more is posted to it" 1 "$(httpd_requests $'^POST\t/hook/gone')"

# ---- phase 4: SMTP 451 then accept ----
smtpd_stop
smtpd_start --fail-first 1 || exit 1
P4=$TEST_TMP/p4
conf "$P4" <<EOF2

[channel mail]
type = email
smtp = $SMTPD_URL
from = mouwatch@example.org
to = intl@example.org
EOF2
"$SEED" "$P4/mw.db" "$RFIX/training_my.json" https://berita.example.my/b/5 >/dev/null
run "$P4"
tap_is "SMTP 451 then 250: delivered on the 2nd attempt, 451 logged" "delivered|2|451" \
    "$(sql "$P4" "SELECT d.state, d.attempts, (SELECT status_code FROM delivery_attempts WHERE delivery_id=d.id ORDER BY id LIMIT 1) FROM deliveries d")"

# ---- phase 5: receiver down past the limit -> failed; operator retry ----
P5=$TEST_TMP/p5
conf "$P5" <<EOF2

[channel down]
type = webhook
url = http://127.0.0.1:1/hook
secret = $SECRET
EOF2
sed -i 's/^retry_schedule = 1s/retry_schedule = 1h/' "$P5/mouwatch.conf"
"$SEED" "$P5/mw.db" "$RFIX/training_my.json" https://berita.example.my/b/6 >/dev/null
run "$P5"
tap_is "down past give_up_after: delivery and reminder failed" "failed|failed" \
    "$(sql "$P5" "SELECT d.state, r.state FROM deliveries d JOIN reminders r ON r.id=d.reminder_id")"
tap_is "the first attempt's time is stored (give_up_after counts from it)" "1|1" \
    "$(sql "$P5" "SELECT d.first_attempt_at = (SELECT min(attempted_at) FROM delivery_attempts a WHERE a.delivery_id = d.id), d.attempts FROM deliveries d")"
rid=$(sql "$P5" "SELECT reminder_id FROM deliveries")
"$SEED" "$P5/mw.db" --retry "$rid"
sed -i "s|^url = http://127.0.0.1:1/hook|url = $HTTPD_URL/hook/back|" "$P5/mouwatch.conf"
run "$P5"
tap_is "operator retry: delivered once the receiver is back" "delivered|sent|1" \
    "$(sql "$P5" "SELECT d.state, r.state, (SELECT count(*) FROM delivery_attempts WHERE error IS NULL) FROM deliveries d JOIN reminders r ON r.id=d.reminder_id")"

# ---- phase 6: down while several reminders of one item fell due ----
P6=$TEST_TMP/p6
conf "$P6" <<EOF2

[channel six]
type = webhook
url = $HTTPD_URL/hook/six
secret = $SECRET
EOF2
"$SEED" "$P6/mw.db" "$RFIX/exchange_th.json" https://news.example.id/a/7 >/dev/null
# as if mouwatchd had been down for two weeks: every reminder is overdue
sql "$P6" "UPDATE reminders SET due_at = strftime('%s','now') - 60 WHERE state = 'pending'"
run "$P6"
tap_is "after a downtime only the most urgent reminder of each item is sent" \
    "agreement.expiring|7|sent agreement.new|0|sent event.upcoming|7|sent" \
    "$(sql "$P6" "SELECT kind, lead_days, state FROM reminders WHERE state <> 'superseded' ORDER BY kind" | tr '\n' ' ' | sed 's/ $//')"
tap_is "... one POST each" 3 "$(httpd_requests $'^POST\t/hook/six')"

# ---- phase 7: the daily digest ----
smtpd_stop
smtpd_start || exit 1
P7=$TEST_TMP/p7
conf "$P7" <<EOF2
digest = daily 00:00
timezone = UTC

[channel mail]
type = email
smtp = $SMTPD_URL
from = mouwatch@example.org
to = intl@example.org
match = country:TH
EOF2
"$SEED" "$P7/mw.db" "$RFIX/exchange_th.json" https://news.example.id/a/8 >/dev/null
"$SEED" "$P7/mw.db" "$RFIX/training_my.json" https://berita.example.my/b/9 >/dev/null
run "$P7"
digest=$(grep -l '^Subject: mouwatch digest' "$SMTPD_DIR"/*.eml)
tap_is "digest: one message (besides the 3 reminders)" "1 4" "$(printf '%s\n' "$digest" | grep -c .) $(smtpd_messages)"
dm=$(python3 "$PY/check_mail.py" "$digest" | tr '\n' ' ')
tap_match "digest: lists the exchange start and the expiry, with the .ics of both" \
    'text: [0-9-]+ +exchange +starts \(5 days left\).*text: [0-9-]+ +expiry +agreement expires \(20 days left\).*ics: UID:event-[0-9]+@mouwatch.*ics: UID:expiry-[0-9]+@mouwatch' "$dm"
run "$P7"
tap_is "digest: not sent twice the same day" 4 "$(smtpd_messages)"

# ---- phase 8: 500 three times, then 200: one delivery, four attempts ----
P8=$TEST_TMP/p8
conf "$P8" <<EOF2

[channel flaky]
type = webhook
url = $HTTPD_URL/hook/x3?status=500&times=3
secret = $SECRET
match = country:MY
EOF2
"$SEED" "$P8/mw.db" "$RFIX/training_my.json" https://berita.example.my/c/7 >/dev/null
tap_ok "500, 500, 500 then 200: --once finishes" run "$P8"
tap_is "one delivery, delivered, after 4 attempts" "delivered|4" \
    "$(sql "$P8" "SELECT state, attempts FROM deliveries WHERE channel = 'flaky'" | sort -u | tr '\n' ' ' | sed 's/ $//')"
tap_is "the attempts logged 500 500 500 200 under one webhook-id" "500 500 500 200|1" \
    "$(sql "$P8" "SELECT group_concat(a.status_code, ' ') FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id WHERE d.channel = 'flaky' AND d.attempts = 4")|$(sql "$P8" "SELECT count(DISTINCT webhook_id) FROM deliveries WHERE channel = 'flaky' AND attempts = 4")"

# ---- phase 9: queued past give_up_after before the first attempt ----
# The deliveries of a first run are put back as if they had waited two
# hours in the queue without an attempt (give_up_after is 1m). Their
# first attempt gets a 500: they are retried, not failed, and delivered.
P9=$TEST_TMP/p9
conf "$P9" <<EOF2

[channel queued]
type = webhook
url = $HTTPD_URL/hook/q-first
secret = $SECRET
EOF2
"$SEED" "$P9/mw.db" "$RFIX/training_my.json" https://berita.example.my/c/9 >/dev/null
run "$P9"
n9=$(sql "$P9" "SELECT count(*) FROM deliveries WHERE state = 'delivered'")
sql "$P9" "DELETE FROM delivery_attempts; UPDATE deliveries SET state = 'pending', attempts = 0,
    first_attempt_at = NULL, next_attempt_at = strftime('%s','now'), created_at = strftime('%s','now') - 7200;
    UPDATE reminders SET state = 'pending' WHERE id IN (SELECT reminder_id FROM deliveries)"
sed -i "s|^url = $HTTPD_URL/hook/q-first|url = $HTTPD_URL/hook/q-late?status=500\&times=$n9|" "$P9/mouwatch.conf"
run "$P9"
tap_ok "a first run made deliveries to requeue" test "$n9" -ge 1
tap_is "queued 2 h (> give_up_after 1m) then 500: retried and delivered, 2 attempts each" \
    "delivered|2|$n9" \
    "$(sql "$P9" "SELECT state, attempts, count(*) FROM deliveries GROUP BY state, attempts" | tr '\n' ' ' | sed 's/ $//')"
tap_done
