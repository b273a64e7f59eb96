#!/bin/bash
# tests/integration/test_helpers.sh: checks the test servers themselves —
# every URL convention of mw-httpd, spoken to with curl, and the redis.sh
# helpers (start, SET/GET, kill, restart, persistence with --aof).
. "$top_srcdir/tests/lib.sh"

tap_plan 61

ROOT="$TEST_TMP/root"
mkdir -p "$ROOT/sub"
printf 'Kabar dari sekolah: MoU ditandatangani.\n' >"$ROOT/a.txt"
printf '<p>indeks</p>\n' >"$ROOT/sub/index.html"
touch -d '2026-01-02 03:04:05 UTC' "$ROOT/a.txt"

# Status code, headers and body of one request: code on the first line.
code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
header() { # header NAME CURL-ARGS...: the value of response header NAME
    n=$1; shift
    curl -s -D - -o /dev/null "$@" | tr -d '\r' |
        sed -n "s/^$n: //Ip" | head -1
}

# --- mw-httpd --------------------------------------------------------------
tap_ok "mw-httpd starts and announces its port" httpd_start "$ROOT" --bomb-mib 128
U=$HTTPD_URL
tap_match "the port is a number" '^[0-9]+$' "$HTTPD_PORT"

tap_is "a file is served whole" "$(cat "$ROOT/a.txt")" "$(curl -s "$U/a.txt")"
tap_is "a directory serves its index.html" "<p>indeks</p>" "$(curl -s "$U/sub/")"
tap_is "a missing file is 404" 404 "$(code "$U/nothing.txt")"
tap_is "'..' in the path is refused" 403 "$(code --path-as-is "$U/../etc/passwd")"

etag=$(header ETag "$U/a.txt")
lastmod=$(header Last-Modified "$U/a.txt")
tap_match "files carry an ETag" '^".+"$' "$etag"
tap_is "Last-Modified is the file's mtime" "Fri, 02 Jan 2026 03:04:05 GMT" "$lastmod"
tap_is "If-None-Match with the ETag gives 304" 304 \
    "$(code -H "If-None-Match: $etag" "$U/a.txt")"
tap_is "If-None-Match with another ETag gives 200" 200 \
    "$(code -H 'If-None-Match: "other"' "$U/a.txt")"
tap_is "If-Modified-Since at the mtime gives 304" 304 \
    "$(code -H "If-Modified-Since: $lastmod" "$U/a.txt")"
tap_is "If-Modified-Since before the mtime gives 200" 200 \
    "$(code -H "If-Modified-Since: Thu, 01 Jan 2026 00:00:00 GMT" "$U/a.txt")"
printf 'changed\n' >>"$ROOT/a.txt"
tap_is "a changed file no longer matches the old ETag" 200 \
    "$(code -H "If-None-Match: $etag" "$U/a.txt")"

for c in 301 302 303 307 308; do
    tap_is "/redirect/$c answers $c with Location" "$c /a.txt" \
        "$(code "$U/redirect/$c?to=/a.txt") $(header Location "$U/redirect/$c?to=/a.txt")"
done
tap_is "curl -L follows a redirect to the file" "$(cat "$ROOT/a.txt")" \
    "$(curl -sL "$U/redirect/301?to=/a.txt")"
: >"$HTTPD_LOG"
tap_fails "/loop never ends: curl gives up after --max-redirs" 47 \
    curl -sL --max-redirs 4 -o /dev/null "$U/loop"
tap_is "the log counted every hop of the loop" 5 "$(httpd_requests $'^GET\t/loop')"

for c in 404 410 500 503; do
    tap_is "/status/$c answers $c" "$c" "$(code "$U/status/$c")"
done
tap_is "/status/429?retry-after=7 sends Retry-After" "429 7" \
    "$(code "$U/status/429?retry-after=7") $(header Retry-After "$U/status/429?retry-after=7")"

tap_is "?encoding=gzip sets Content-Encoding" gzip \
    "$(header Content-Encoding "$U/a.txt?encoding=gzip")"
tap_is "the gzip body decodes to the file" "$(cat "$ROOT/a.txt")" \
    "$(curl -s "$U/a.txt?encoding=gzip" | gzip -dc)"
tap_is "the deflate body decodes to the file" "$(cat "$ROOT/a.txt")" \
    "$(curl -s --compressed "$U/a.txt?encoding=deflate")"
tap_is "an unknown encoding is a 400" 400 "$(code "$U/a.txt?encoding=br")"

tap_fails "the bomb is cut by curl --max-filesize" 63 \
    curl -s --compressed --max-filesize 100000 -o /dev/null "$U/bomb"
bomb_size=$(curl -s -o /dev/null -w '%{size_download}' "$U/bomb")
tap_ok "the bomb is small on the wire ($bomb_size bytes)" test "$bomb_size" -lt 1000000
tap_is "the bomb inflates to --bomb-mib MiB" 134217728 \
    "$(curl -s --compressed "$U/bomb" | wc -c)"
tap_is "the bomb is zeros" 0 \
    "$(curl -s --compressed "$U/bomb" | head -c 1048576 | tr -d '\0' | wc -c)"

tap_fails "/endless is cut by curl --max-time" 28 \
    curl -s --max-time 1 -o "$TEST_TMP/endless" "$U/endless"
tap_ok "/endless sent data before the cut" test -s "$TEST_TMP/endless"
tap_is "/trickle sends exactly ?bytes=" 5 \
    "$(curl -s "$U/trickle?bytes=5&ms=20" | wc -c)"
tap_is "/slow answers as its ?path= after the wait" "$(cat "$ROOT/a.txt")" \
    "$(curl -s "$U/slow?ms=300&path=/a.txt")"
tap_is "/headers adds response headers" "max-age=600" \
    "$(header Cache-Control "$U/headers?Cache-Control=max-age%3D600&path=/a.txt")"

: >"$HTTPD_LOG"
curl -s -o /dev/null -A 'mouwatch-test/1' -H 'If-None-Match: "abc"' \
    -H 'Cookie: s=1' -e 'http://example.org/ref' --compressed "$U/a.txt"
line=$(cat "$HTTPD_LOG")
for field in 'user-agent: mouwatch-test/1' 'if-none-match: "abc"' 'cookie: s=1' \
    'referer: http://example.org/ref' 'accept-encoding: [a-z, ]*gzip[a-z, ]*'; do
    tap_match "the log records ${field%%:*}" $'\t'"$field"$'(\t|$)' "$line"
done

body='{"type":"agreement.expiring","id":1}'
tap_is "a POST to /hook answers ?status=" 503 \
    "$(code -X POST -H 'webhook-id: msg_1' -H 'Content-Type: application/json' \
        --data-binary "$body" "$U/hook/ops?status=503&times=1")"
tap_is "?times=1: the next POST gets 200" 200 \
    "$(code -X POST --data-binary "$body" "$U/hook/ops?status=503&times=1")"
tap_is "the hook body is saved byte for byte" "$body" "$(cat "$HTTPD_HOOKS/1.body")"
tap_match "the hook headers are saved" '^webhook-id: msg_1$' "$(cat "$HTTPD_HOOKS/1.headers")"
tap_is "the log has both hooks with their bodies" 2 \
    "$(httpd_requests $'^POST\t/hook/ops.*\tbody: \\{"type"')"

pid=$HTTPD_PID
httpd_stop
tap_ok "SIGTERM stops mw-httpd" eval "! _proc_alive $pid"

"$MW_HTTPD" --root "$ROOT" --port-file "$TEST_TMP/short.port" --max-seconds 1 &
short=$!
tap_ok "--max-seconds stops mw-httpd by itself" \
    wait_for 10 eval "[ -s $TEST_TMP/short.port ] && ! _proc_alive $short"
wait "$short" 2>/dev/null
tap_fails "a bad option is a usage error" 2 "$MW_HTTPD" --max-seconds soon

# --- the demo site, served as the tests will serve it -----------------------
SITE="$top_srcdir/config/demo/site"
httpd_start "$SITE"
links=$(sed -n -e 's|.*<link>\(berita/[^<]*\)</link>.*|\1|p' \
    -e 's|.*<link rel="alternate" type="text/html" href="\(berita/[^"]*\)"/>.*|\1|p' \
    "$SITE/rss.xml" "$SITE/atom.xml" | sort -u)
tap_is "the two demo feeds link to the eight articles" 8 "$(printf '%s\n' "$links" | wc -l)"
bad=""
for l in $links; do
    [ "$(code "$HTTPD_URL/$l")" = 200 ] || bad="$bad $l"
done
tap_is "every relative link resolves against the served feed" "" "$bad"
tap_is "each article has its plain-text version" "" \
    "$(for l in $links; do n=${l#berita/}; [ -f "$top_srcdir/config/demo/articles/${n%.html}.txt" ] || echo "$n"; done)"

# --- redis.sh --------------------------------------------------------------
redis_down() { ! _redis_ping; }
tap_ok "redis_start answers PING on a private socket" redis_start
tap_is "redis listens on no TCP port" "port 0" \
    "$(redis_cli CONFIG GET port | tr '\n' ' ' | sed 's/ $//')"
redis_cli SET mou:1 signed >/dev/null
tap_is "SET then GET" signed "$(redis_cli GET mou:1)"
redis_kill
tap_ok "redis_kill leaves no server" redis_down
redis_restart
tap_is "redis_restart without --aof starts empty" "" "$(redis_cli GET mou:1)"
redis_stop
redis_start --aof
redis_cli SET mou:2 kept >/dev/null
redis_kill
redis_restart
tap_is "with --aof the data survives a kill and restart" kept "$(redis_cli GET mou:2)"

tap_done
