#!/bin/bash
# test_config.sh: 'mouwatch check-config' over the fixtures in
# tests/fixtures/config: every bad-NAME.conf must exit 2 and print exactly
# bad-NAME.expected on stderr; every good-NAME.conf must exit 0 and print
# "good-NAME.conf: ok (...)". A new case is a new pair of files. Also the
# shipped config/mouwatch.conf.example, how the file is found, and a real
# daemon started from a file with a UTF-8 BOM and CRLF whose feed URL is
# 900 characters long, then reloaded with one of 2,000 (issue 12, item 16).
. "$top_srcdir/tests/lib.sh"

DIR="$FIXTURES/config"
cd "$DIR" || exit 1
bad=(bad-*.conf)
good=(good-*.conf)
tap_plan $(( ${#bad[@]} + ${#good[@]} + 9 ))

# check_bad FILE: status 2, stderr equal to FILE's .expected, stdout empty.
check_bad() {
    local f=$1 exp=${1%.conf}.expected status=0
    "$MOUWATCH" -c "$f" check-config >"$TEST_TMP/out" 2>"$TEST_TMP/err" || status=$?
    if [ ! -f "$exp" ]; then
        _tap_result 1 "$f: has no $exp"; return
    fi
    if [ "$status" -eq 2 ] && cmp -s "$exp" "$TEST_TMP/err" && [ ! -s "$TEST_TMP/out" ]; then
        _tap_result 0 "$f: refused with the expected errors"
    else
        _tap_result 1 "$f: refused with the expected errors"
        echo "# exit status $status, wanted 2"
        diff "$exp" "$TEST_TMP/err" | sed 's/^/# /' | head -30
    fi
}

for f in "${bad[@]}"; do check_bad "$f"; done

# good files: status 0 and the summary line, nothing else
for f in "${good[@]}"; do
    out=$("$MOUWATCH" -c "$f" check-config 2>&1) && st=0 || st=$?
    tap_match "$f: accepted" "^0:$f: ok \([0-9]+ feeds, [0-9]+ channels\)\$" "$st:$out"
done

example="$top_srcdir/config/mouwatch.conf.example"
tap_is "the shipped example passes" "$example: ok (2 feeds, 2 channels)" \
    "$("$MOUWATCH" -c "$example" check-config 2>&1)"

tap_is "MOUWATCH_CONFIG names the file when -c is absent" "good-empty.conf: ok (0 feeds, 0 channels)" \
    "$(MOUWATCH_CONFIG=good-empty.conf "$MOUWATCH" check-config 2>&1)"

tap_is "-c wins over MOUWATCH_CONFIG" "good-booleans.conf: ok (1 feeds, 0 channels)" \
    "$(MOUWATCH_CONFIG=good-empty.conf "$MOUWATCH" -c good-booleans.conf check-config 2>&1)"

tap_fails "a missing file exits 2" 2 "$MOUWATCH" -c "$TEST_TMP/none.conf" check-config
tap_match "a missing file says what to do" "none.conf: cannot open: No such file or directory; pass the right file with -c FILE or set MOUWATCH_CONFIG" \
    "$("$MOUWATCH" -c "$TEST_TMP/none.conf" check-config 2>&1)"

# ---- a real daemon: BOM, CRLF and long feed URLs ----
httpd_start "$top_srcdir/config/demo/site" || exit 1
redis_start || exit 1
STATE="$TEST_TMP/state"; mkdir -p "$STATE"; DB="$STATE/mw.db"
long_url() { printf '%s/rss.xml?pad=%s' "$HTTPD_URL" "$(head -c "$1" /dev/zero | tr '\0' k)"; }
write_conf() {  # write_conf FEED-URL-PADDING...
    printf '\xEF\xBB\xBF; saved by an editor that writes a BOM\r\n[daemon]\r\nstate_dir = %s\r\ndatabase = %s\r\n' "$STATE" "$DB"
    printf 'socket = %s/ctl.sock\r\nredis = unix:%s\r\nallow_private_addresses = yes\r\n' "$STATE" "$REDIS_SOCKET"
    n=0; for pad; do n=$((n + 1)); printf '[feed long%d]\r\nurl = %s   ; padded\r\n' "$n" "$(long_url "$pad")"; done
}
write_conf 860 >"$STATE/mw.conf"
"$MOUWATCHD" -c "$STATE/mw.conf" --foreground --workers 1 >"$STATE/daemon.log" 2>&1 &
daemon=$!
at_exit "kill -KILL $daemon"
polled() { [ "$(sqlite3 "$DB" "SELECT count(*) FROM articles WHERE feed_name = 'long$1'" 2>/dev/null)" -gt 0 ]; }
tap_ok "the daemon starts from a BOM/CRLF file and polls a 900-character feed URL" wait_for 30 polled 1
tap_match "the server saw the whole URL" "^GET$(printf '\t')/rss.xml\?pad=k{860}$(printf '\t')" "$(cat "$HTTPD_LOG")"
write_conf 860 1960 >"$STATE/mw.conf"
tap_ok "a reload adds a feed whose URL is 2,000 characters" "$MOUWATCH" --socket "$STATE/ctl.sock" reload
fetched2() { [ "$(sqlite3 "$DB" "SELECT last_status FROM feeds WHERE name = 'long2'" 2>/dev/null)" = 200 ]; }
tap_ok "and polls it (its items are the first feed's: stored once)" wait_for 30 fetched2
kill -TERM "$daemon"; wait "$daemon"

tap_done
