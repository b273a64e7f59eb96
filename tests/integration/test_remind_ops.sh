#!/bin/bash
# test_remind_ops.sh: reminders in a running mouwatchd (not --once), with
# real receivers (mw-httpd, mw-smtpd) and the mouwatch CLI:
#  - Retry-After of a 503 honoured: the next attempt not before N seconds;
#  - a 410 disables a channel and holds its delivery; 'mouwatch channels'
#    shows it (table, --json); 'mouwatch channel enable NAME' turns it back
#    on and sends what was held;
#  - a reload that removes a channel (its pending deliveries are held with
#    "channel removed", not attempted) and adds one (reminders due
#    afterwards go to it);
#  - the daily digest at a configured time in Asia/Jakarta, a minute or so
#    ahead: sent once at that time, not before (check_interval is 1 h, so
#    it is the digest's own wake-up that sends it).
# MOUWATCHD_WRAPPER="valgrind -q --error-exitcode=99" runs mouwatchd under a tool.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"

SEED="$top_builddir/tests/remind/mw-remind-seed"
RFIX="$FIXTURES/remind"
SECRET=whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
RETRY_AFTER=4
export MOUWATCH_REDIS_SERVER="${REDIS_SERVER:-redis-server}"

tap_plan 25

mkdir -p "$TEST_TMP/www"
httpd_start "$TEST_TMP/www" || exit 1
smtpd_start || exit 1

# conf DIR CHECK_INTERVAL [extra reminders lines, then sections on stdin]
conf() {
    mkdir -p "$1"
    {
        printf '[daemon]\nstate_dir = %s\ndatabase = %s/mw.db\nsocket = %s/mw.sock\n' "$1" "$1" "$1"
        printf 'allow_private_addresses = yes\nlog_level = info\n\n'
        printf '[reminders]\nlead_days = 90,30,7\nretry_schedule = 1s\ngive_up_after = 1h\n'
        printf 'check_interval = %s\ntimezone = Asia/Jakarta\n' "$2"
        cat
    } >"$1/mouwatch.conf"
}
start() {
    ${MOUWATCHD_WRAPPER:-} "$MOUWATCHD" -c "$1/mouwatch.conf" --workers 0 </dev/null >>"$1/run.log" 2>&1 &
    eval "$2=\$!"
    at_exit "kill $!"
    wait_for 30 test -S "$1/mw.sock"
}
sql() { sqlite3 "$1/mw.db" "$2"; }
mw() { "$MOUWATCH" -c "$P/mouwatch.conf" "$@"; }
jq_py() { python3 -c "import json,sys; j=json.load(sys.stdin); print($1)"; }

# ---- the digest daemon first: its time is up to 75 s ahead ----
G=$TEST_TMP/digest
now=$(date +%s)
target=$(( (now + 15 + 59) / 60 * 60 ))     # a whole minute, 15 to 75 s ahead
hhmm=$(TZ=Asia/Jakarta date -d "@$target" +%H:%M)
conf "$G" 1h <<EOF2
digest = daily $hhmm

[channel mail]
type = email
smtp = $SMTPD_URL
from = mouwatch@example.org
to = intl@example.org
match = country:TH
EOF2
"$SEED" "$G/mw.db" "$RFIX/exchange_th.json" https://news.example.id/a/1 >/dev/null
# A time past midnight in Jakarta: today's digest (not yet sent) would go
# at once, rightly; mark it sent so the one tested is tomorrow's at 00:00.
today=$(TZ=Asia/Jakarta date -d "@$now" +%F)
[ "$today" != "$(TZ=Asia/Jakarta date -d "@$target" +%F)" ] &&
    sql "$G" "INSERT INTO remind_digests (channel, day) VALUES ('mail', '$today')"
start "$G" GPID || { echo "Bail out! mouwatchd (digest) did not start"; cat "$G/run.log"; exit 1; }
digests() { grep -l '^Subject: mouwatch digest' "$SMTPD_DIR"/*.eml 2>/dev/null | grep -c .; }
# is DIR SQL VALUE: the query gives VALUE (for wait_for, which re-runs it)
is() { [ "$(sql "$1" "$2")" = "$3" ]; }
wait_for 20 is "$G" "SELECT count(*) FROM deliveries WHERE state = 'delivered'" 3
tap_is "digest: none before $hhmm Asia/Jakarta (the reminders are sent; now $(TZ=Asia/Jakarta date +%T))" "3 0 yes" \
    "$(smtpd_messages) $(digests) $( [ "$(date +%s)" -lt "$target" ] && echo yes || echo no)"

# ---- the main daemon: three webhook channels ----
P=$TEST_TMP/main
channels() {
    cat <<EOF2

[channel gone]
type = webhook
url = $HTTPD_URL/hook/$1
secret = $SECRET

[channel ra]
type = webhook
url = $HTTPD_URL/hook/ra?status=503&times=1&retry-after=$RETRY_AFTER
secret = $SECRET

[channel $2]
type = webhook
url = $3
secret = $SECRET
EOF2
}
channels "gone?status=410" down http://127.0.0.1:1/hook | conf "$P" 1s
"$SEED" "$P/mw.db" "$RFIX/training_my.json" https://berita.example.my/b/2 >/dev/null
start "$P" PPID_MAIN || { echo "Bail out! mouwatchd did not start"; cat "$P/run.log"; exit 1; }

# --- Retry-After ---
tap_ok "Retry-After: the 503'd delivery is delivered in the end" wait_for 30 \
    is "$P" "SELECT state FROM deliveries WHERE channel='ra'" delivered
gap=$(sql "$P" "SELECT max(attempted_at) - min(attempted_at) FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id WHERE d.channel = 'ra'")
tap_is "Retry-After: 503 then 200, 2 POSTs" "503 200|2" \
    "$(sql "$P" "SELECT group_concat(status_code, ' ') FROM (SELECT status_code FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id WHERE d.channel = 'ra' ORDER BY a.id)")|$(httpd_requests $'^POST\t/hook/ra')"
tap_is "Retry-After: $RETRY_AFTER s honoured (retry_schedule is 1 s): gap ${gap}s" yes \
    "$( [ "${gap:-0}" -ge "$RETRY_AFTER" ] && echo yes || echo no)"

# --- 410, channels, channel enable ---
tap_ok "410 disables channel gone" wait_for 30 \
    is "$P" "SELECT count(*) FROM remind_channels WHERE name='gone' AND disabled_reason IS NOT NULL" 1
js=$(mw --json channels)
tap_is "channels --json: types, match, disabled reason, counts (pending held failed)" \
    "gone webhook True 0 1 0 | ra webhook False 0 0 0 | down webhook False 1 0 0" \
    "$(printf '%s' "$js" | jq_py '" | ".join("%s %s %s %d %d %d" % (c["name"], c["type"], "410" in (c["disabled_reason"] or ""), c["pending"], c["held"], c["failed"]) for c in j)')"
out=$(mw channels)
tap_match "channels table: gone disabled by its 410 with a held delivery, down with a pending one" \
    '^NAME +TYPE +MATCH +STATE +PENDING +HELD +FAILED +DELIVERED .*gone +webhook +all +disabled: the receiver answered 410.* 0 +1 +0 +0 .*down +webhook +all +enabled +1 +0 +0 +0' \
    "$(printf '%s\n' "$out" | tr '\n' ' ')"

# --- reload: 'down' removed, 'new' added, gone's receiver fixed ---
channels fixed new "$HTTPD_URL/hook/new" | conf "$P" 1s
tap_match "reload with a channel removed and one added" 'reloaded .*3 channel' "$(mw reload 2>&1)"
tap_ok "the removed channel's pending delivery is held: 'channel removed'" wait_for 10 \
    is "$P" "SELECT state || ':' || substr(last_error, 1, 15) FROM deliveries WHERE channel='down'" "held:channel removed"
before=$(sql "$P" "SELECT count(*) FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id WHERE d.channel = 'down'")
sleep 3
tap_is "... and is not attempted any more" "$before" \
    "$(sql "$P" "SELECT count(*) FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id WHERE d.channel = 'down'")"
tap_match "channels: down shown as removed, its held delivery counted" \
    'down +- +- +removed from the configuration +0 +1' "$(mw channels)"
tap_is "channels --json: down not configured" "False" \
    "$(mw --json channels | jq_py '[c["configured"] for c in j if c["name"] == "down"][0]')"

tap_match "channel enable gone" '^channel gone enabled again \(it was disabled: the receiver answered 410' "$(mw channel enable gone)"
tap_is "channels --json: gone enabled" "None" \
    "$(mw --json channels | jq_py '[c["disabled_reason"] for c in j if c["name"] == "gone"][0]')"
tap_match "channel enable gone again: nothing to do" 'was not disabled' "$(mw channel enable gone)"
tap_fails "channel enable nosuch: not found, exit 1" 1 mw channel enable nosuch
tap_fails "channel: usage, exit 2" 2 mw channel disable gone
fixed() { [ "$(httpd_requests $'^POST\t/hook/fixed')" -ge 1 ]; }
tap_ok "channel enable sends the held delivery to gone's fixed receiver" wait_for 20 fixed
tap_is "... the removed channel's delivery still held, without an attempt" "held|$before" \
    "$(sql "$P" "SELECT state FROM deliveries WHERE channel='down'")|$(sql "$P" "SELECT count(*) FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id WHERE d.channel = 'down'")"
aid=$("$SEED" "$P/mw.db" "$RFIX/exchange_th.json" https://news.example.id/a/3 | awk '{ print $2 }')
added() { [ "$(sql "$P" "SELECT count(*) FROM deliveries d JOIN reminders r ON r.id = d.reminder_id WHERE r.agreement_id = $aid AND d.channel = 'new' AND d.state = 'delivered'")" -ge 1 ]; }
tap_ok "reminders due after the reload (a new agreement) are delivered to the added channel" wait_for 20 added
tap_is "... and none to the removed one" 1 "$(sql "$P" "SELECT count(*) FROM deliveries WHERE channel='down'")"

# --- the digest ---
one_digest() { [ "$(digests)" = 1 ]; }
tap_ok "digest: sent at $hhmm" wait_for $(( target - $(date +%s) + 20 )) one_digest
f=$(grep -l '^Subject: mouwatch digest' "$SMTPD_DIR"/*.eml)
at=$(stat -c %Y "$f")
tap_is "digest: received at $hhmm, within 5 s (at +$((at - target)) s)" yes \
    "$( [ "$at" -ge "$target" ] && [ "$at" -le $((target + 5)) ] && echo yes || echo no)"
sleep 2
tap_is "digest: once" 1 "$(digests)"

kill -TERM "$PPID_MAIN" "$GPID"
wait "$PPID_MAIN"; rc1=$?
wait "$GPID"; rc2=$?
tap_is "both daemons stop cleanly" "0 0" "$rc1 $rc2"
tap_done
