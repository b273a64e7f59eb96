#!/usr/bin/env bash
# test_poll_behaviour.sh: how the poller treats what servers do, over real
# HTTP on loopback: permanent and temporary redirects, 410, 429 with
# Retry-After (that host only), 500 with growing back-off that resets on
# success, a gzip bomb and an oversized feed cut without a crash, a
# malformed feed, an article link to a private address refused, and a
# daemon killed with SIGKILL mid-poll that loses and doubles nothing.
. "$top_srcdir/tests/lib.sh"
tap_plan 24

SITE="$TEST_TMP/site"
cp -r "$top_srcdir/config/demo/site" "$SITE"
printf '\x01\x02 this is { not a feed <<<' >"$SITE/garbage.xml"
head -c 1500000 /dev/zero | tr '\0' 'x' | sed 's/^/<rss><channel><title>/; s/$/<\/title><\/channel><\/rss>/' >"$SITE/huge.xml"
httpd_start "$SITE" || exit 1
redis_start || exit 1
cat >"$SITE/private.xml" <<XML
<?xml version="1.0"?><rss version="2.0"><channel><title>p</title><link>$HTTPD_URL/</link>
<item><title>Private</title><link>$HTTPD_URL/berita/smk-politeknik-tanjungpinang.html?private=1</link>
<description>Teks ringkas dari feed.</description></item></channel></rss>
XML

STATE="$TEST_TMP/state"; CONF="$TEST_TMP/mw.conf"; DB="$STATE/mouwatch.db"
mkdir -p "$STATE"
LOCALHOST_URL="http://localhost:$HTTPD_PORT"
cat >"$CONF" <<CONF
[daemon]
state_dir = $STATE
database = $STATE/mouwatch.db
socket = $STATE/ctl.sock
redis = unix:$REDIS_SOCKET
allow_private_addresses = no
max_feed_size = 1M
interval_floor = 1s
timeout = 20s
[feed moved]
url = $HTTPD_URL/redirect/301?to=/rss.xml
interval = 10s
[feed moved-temporarily]
url = $HTTPD_URL/redirect/302?to=/atom.xml
interval = 10s
[feed gone]
url = $HTTPD_URL/status/410
interval = 10s
[feed limited]
url = $LOCALHOST_URL/status/429?retry-after=3600
interval = 10s
[feed broken]
url = $HTTPD_URL/status/500
interval = 10s
[feed bomb]
url = $HTTPD_URL/bomb
interval = 10s
[feed huge]
url = $HTTPD_URL/huge.xml
interval = 10s
[feed garbage]
url = $HTTPD_URL/garbage.xml
interval = 10s
[feed flaky]
url = $HTTPD_URL/later.xml
interval = 10s
[feed private]
url = $HTTPD_URL/private.xml
interval = 10s
CONF

sql() { sqlite3 -batch -noheader "$DB" "$1"; }
feed() { sql "SELECT $2 FROM feeds WHERE name = '$1'"; }

tap_ok "a first --once over the misbehaving servers finishes" \
    "$MOUWATCHD" -c "$CONF" --once --workers 1 --once-timeout 120
cp "$TEST_TMP/.out" "$TEST_TMP/run1.log"
tap_is "301: the stored URL follows the move" "$HTTPD_URL/rss.xml" "$(feed moved url)"
tap_match "301: the move is logged" 'feed moved moved permanently' "$(cat "$TEST_TMP/run1.log")"
tap_is "302: the stored URL stays" "$HTTPD_URL/redirect/302?to=/atom.xml" "$(feed moved-temporarily url)"
tap_match "410: the feed is disabled with its reason" '^410 Gone' "$(feed gone disabled_reason)"
tap_match "410: an operator sees it at warning" 'warning: feed gone disabled' "$(cat "$TEST_TMP/run1.log")"
wait_429=$(sql "SELECT next_poll_at - last_polled_at FROM feeds WHERE name = 'limited'")
tap_match "429: the next poll waits for Retry-After" '^(3[6-9][0-9][0-9]|[4-9][0-9]{3,})$' "$wait_429"
tap_is "429 on localhost did not stop the other host's feeds" 200 "$(feed moved last_status)"
tap_is "500: one failure counted" 1 "$(feed broken consecutive_failures)"
tap_match "the bomb is cut with a clear error" 'too_large' "$(feed bomb last_error)"
tap_match "the oversized feed is refused" 'too_large|exceeds' "$(feed huge last_error)"
tap_match "the malformed feed is logged and kept for a retry" 'not a feed' "$(feed garbage last_error)"
tap_match "a missing feed fails with 404" '404' "$(feed flaky last_error)"
tap_match "an article link to a private address is refused" 'refused' \
    "$(sql "SELECT page_error FROM articles WHERE url LIKE '%private=1'")"
tap_is "... and the article is kept with the feed's text" "Private
Teks ringkas dari feed." "$(sql "SELECT text FROM articles WHERE url LIKE '%private=1'")"

first_wait=$(sql "SELECT next_poll_at - last_polled_at FROM feeds WHERE name = 'broken'")
tap_ok "a second --once finishes" "$MOUWATCHD" -c "$CONF" --once --workers 1 --once-timeout 120
second_wait=$(sql "SELECT next_poll_at - last_polled_at FROM feeds WHERE name = 'broken'")
tap_is "500 again: two failures in a row" 2 "$(feed broken consecutive_failures)"
tap_ok "the back-off grew (about twice the wait: $first_wait s then $second_wait s)" \
    test "$second_wait" -ge $(( first_wait * 3 / 2 ))
tap_is "a disabled feed is not asked again" 1 "$(httpd_requests $'^GET\t/status/410')"

cp "$SITE/atom.xml" "$SITE/later.xml"
tap_ok "a third --once, with the missing feed now present" "$MOUWATCHD" -c "$CONF" --once --workers 1 --once-timeout 120
tap_is "success resets the failure count" 0 "$(feed flaky consecutive_failures)"

# ---- SIGKILL mid-poll, then a restart: nothing lost, nothing doubled ----
STATE2="$TEST_TMP/state2"; mkdir -p "$STATE2"
sed -e "s|$STATE|$STATE2|g" "$CONF" | awk '/^\[feed /{exit} {print}' >"$TEST_TMP/kill.conf"
cat >>"$TEST_TMP/kill.conf" <<CONF
[feed slow-rss]
url = $HTTPD_URL/slow?ms=1500&path=/rss.xml
[feed atom]
url = $HTTPD_URL/atom.xml
CONF
"$MOUWATCHD" -c "$TEST_TMP/kill.conf" --workers 1 >"$TEST_TMP/killed.log" 2>&1 &
pid=$!
sleep 0.7
kill -KILL "$pid"; wait "$pid" 2>/dev/null
DB="$STATE2/mouwatch.db"
tap_ok "after SIGKILL mid-poll, a restart finishes the work" \
    "$MOUWATCHD" -c "$TEST_TMP/kill.conf" --once --workers 1 --once-timeout 120
expected=$(cat "$SITE/rss.xml" "$SITE/atom.xml" | grep -oE 'berita/[a-z0-9-]+\.html' | sort -u | wc -l)
tap_is "every article is stored exactly once" "$expected" "$(sql 'SELECT count(*) FROM articles')"
tap_is "and every one was handled" "$expected" \
    "$(sql "SELECT count(*) FROM articles WHERE state IN ('extracted','no_agreement')")"
tap_done
