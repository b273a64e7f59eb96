#!/bin/bash
# fault_redirect.sh: a redirecting feed (issue 12, item 1). With
# allow_private_addresses = no a feed on 127.0.0.1 (the operator named it,
# so it is fetched) answers 302 to an internal server on [::1]; a feed
# added over the control socket redirects there too, and one to the cloud
# metadata address 169.254.169.254, and one whose 301s (the first on its
# origin) lead to [::1]: the refused hop must not become its stored URL,
# which the next poll would trust. The [::1] server gets no request,
# nothing of it is stored, each feed's error and the log say which redirect
# was refused; a redirect on the feed's own origin is still followed. The
# control run with allow_private_addresses = yes shows that the [::1]
# server is reachable, and then is reached. Last, still with private
# addresses allowed, a feed added over the socket whose 301 leads to
# another origin keeps the URL it was added with: stored, the new host
# would be trusted (fetched unguarded) from then on.
. "$top_srcdir/tests/lib.sh"
tap_plan 15

SITE="$TEST_TMP/site"
cp -r "$top_srcdir/config/demo/site" "$SITE"
httpd_start "$SITE" || exit 1
redis_start || exit 1
sql() { sqlite3 -batch -noheader -cmd '.timeout 20000' "$DB" "$1"; }

# The internal server on [::1], answering every GET with a feed of its own.
INNER="$TEST_TMP/inner"; mkdir -p "$INNER"
cat >"$INNER/feed.xml" <<'XML'
<?xml version="1.0"?><rss version="2.0"><channel><title>Intranet</title>
<link>http://intranet.invalid/</link>
<item><title>Catatan intranet INNER-c41d</title><link>http://intranet.invalid/a</link>
<guid>inner-1</guid><description>Isi server dalam INNER-c41d.</description></item>
</channel></rss>
XML
: >"$INNER/requests.log"
python3 "$top_srcdir/tests/faults/receiver.py" --bind ::1 --log "$INNER/requests.log" \
    --control "$INNER/control" --port-file "$INNER/port" --get-body "$INNER/feed.xml" \
    </dev/null >/dev/null 2>"$INNER/stderr" &
inner=$!
at_exit "kill $inner"
wait_for 10 test -s "$INNER/port" || { echo "Bail out! the [::1] server did not start"; exit 1; }
Q=$(cat "$INNER/port")
to_inner() { printf '%s/redirect/302?to=http%%3A%%2F%%2F%%5B%%3A%%3A1%%5D%%3A%s%%2F%s' "$HTTPD_URL" "$Q" "$1"; }
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
inner_gets() { grep -c '^GET' "$INNER/requests.log" || true; }

config() {  # config FILE ALLOW_PRIVATE
    STATE=$(dirname "$1"); DB="$STATE/mw.db"
    cat >"$1" <<CONF
[daemon]
state_dir = $STATE
database = $DB
socket = $STATE/ctl.sock
redis = unix:$REDIS_SOCKET
allow_private_addresses = $2
per_host_rate = 100
interval_floor = 1s
[feed hop]
url = $(to_inner x)
[feed moved]
url = $HTTPD_URL/redirect/302?to=/rss.xml
CONF
}

# ---- the guard on: nothing reaches [::1] ----
mkdir -p "$TEST_TMP/on"; config "$TEST_TMP/on/mw.conf" no
${MOUWATCHD_WRAPPER:-} "$MOUWATCHD" -c "$STATE/mw.conf" --foreground --workers 1 >"$STATE/daemon.log" 2>&1 &
daemon=$!
at_exit "kill -KILL $daemon"
ctl() { "$MOUWATCH" --socket "$STATE/ctl.sock" "$@"; }
wait_for 30 test -S "$STATE/ctl.sock"
tap_ok "feed add over the socket: a feed redirecting to [::1]" ctl feed add added "$(to_inner y)"
tap_ok "feed add over the socket: a feed redirecting to 169.254.169.254" \
    ctl feed add metadata "$HTTPD_URL/redirect/307?to=http%3A%2F%2F169.254.169.254%2Flatest%2Fmeta-data%2F"
# A 301 to [::1], and a chain that stays on the origin first: a refused hop
# must not become the feed's stored URL, which a later poll would trust.
tap_ok "feed add over the socket: a feed whose 301s (the first on its origin) lead to [::1]" \
    ctl feed add moved301 "$HTTPD_URL/redirect/301?to=$(enc "/redirect/301?to=$(enc "http://[::1]:$Q/z")")"
errors() { [ "$(sql "SELECT count(*) FROM feeds WHERE name IN ('hop','added','metadata','moved301') AND last_error LIKE 'refused%'")" = 4 ]; }
tap_ok "all four feeds end refused" wait_for 60 errors
tap_match "the error names the redirect and what its address is" \
    "^refused: .*redirected to http://\[::1\]:$Q/x, whose address ::1 is loopback" \
    "$(sql "SELECT last_error FROM feeds WHERE name = 'hop'")"
tap_match "the metadata address is refused as link-local" 'redirected to http://169\.254\.169\.254/latest/meta-data/, whose address 169\.254\.169\.254 is link-local' \
    "$(sql "SELECT last_error FROM feeds WHERE name = 'metadata'")"
ctl feed poll moved301 >/dev/null
polled_again() { [ "$(sql "SELECT consecutive_failures FROM feeds WHERE name = 'moved301'")" -ge 2 ]; }
wait_for 60 polled_again
tap_is "a refused 301 does not move the feed: its URL stays, it stays refused" "$HTTPD_URL/redirect/301 refused" \
    "$(sql "SELECT substr(url, 1, instr(url, '?') - 1) || ' ' || substr(last_error, 1, 7) FROM feeds WHERE name = 'moved301'")"
tap_match "the log says so, once per feed at least" "feed (hop|added).*refused: .*redirected to http://\[::1\]" "$(cat "$STATE/daemon.log")"
stored() { [ "$(sql "SELECT count(*) FROM articles WHERE feed_name = 'moved'")" -gt 0 ]; }
tap_ok "a redirect on the feed's own origin is still followed (articles stored)" wait_for 60 stored
kill -TERM "$daemon"; wait "$daemon"; rc=$?
tap_is "the daemon exits cleanly (0; under MOUWATCHD_WRAPPER=valgrind: no error)" 0 "$rc"
tap_is "the [::1] server got no request and nothing of it was stored" "0 0" \
    "$(inner_gets) $(sql "SELECT count(*) FROM articles WHERE title LIKE '%INNER-c41d%'")"

# ---- the control: allowed, the same redirect reaches [::1] ----
mkdir -p "$TEST_TMP/off"; config "$TEST_TMP/off/mw.conf" yes
"$MOUWATCHD" -c "$STATE/mw.conf" --once --workers 1 --once-timeout 60 >"$STATE/daemon.log" 2>&1
tap_match "with allow_private_addresses = yes the [::1] server is asked" '^[1-9]' "$(inner_gets)"
tap_is "and its item is stored" 1 "$(sql "SELECT count(*) FROM articles WHERE title LIKE '%INNER-c41d%'")"

# ---- a feed added at run time is not moved off its origin by a 301 ----
"$MOUWATCHD" -c "$STATE/mw.conf" --foreground --workers 1 >"$STATE/daemon.log" 2>&1 &
daemon2=$!
at_exit "kill -KILL $daemon2"
wait_for 30 test -S "$STATE/ctl.sock"
ctl feed add elsewhere "$HTTPD_URL/redirect/301?to=$(enc "http://[::1]:$Q/w")" >/dev/null
moved_polled() { [ "$(sql "SELECT count(*) FROM articles WHERE feed_name = 'elsewhere'")" -gt 0 ]; }
wait_for 60 moved_polled
tap_is "a 301 to another origin does not move a feed added at run time" "$HTTPD_URL/redirect/301" \
    "$(sql "SELECT substr(url, 1, instr(url, '?') - 1) FROM feeds WHERE name = 'elsewhere'")"
tap_match "the log says the move was not stored and what to do" \
    "feed elsewhere moved permanently to another host: .*not stored.*feed add" "$(cat "$STATE/daemon.log")"
kill -TERM "$daemon2"; wait "$daemon2"
tap_done
