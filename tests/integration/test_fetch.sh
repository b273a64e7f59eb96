#!/bin/bash
# tests/integration/test_fetch.sh: the fetch engine against mw-httpd over
# loopback, through the fetch-run driver (one JSON line per request):
# bodies, conditional GET, redirects, statuses and their headers, decoding,
# size caps, timeouts, what we send (and do not), per-host limits, the
# address guard, file:// and POST.
. "$top_srcdir/tests/lib.sh"

command -v jq >/dev/null || { echo "Bail out! jq is needed to read fetch-run's JSON: run scripts/install-deps"; exit 1; }

tap_plan 63

FETCH_RUN="$top_builddir/tests/fetch/fetch-run"
# libcurl would send loopback requests through a proxy from the environment.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY
ROOT="$TEST_TMP/root"
mkdir -p "$ROOT"
printf 'Nota kesepahaman ditandatangani hari ini.\n' >"$ROOT/a.txt"
head -c 5000 /dev/zero | tr '\0' 'x' >"$ROOT/big.txt"
touch -d '2026-01-02 03:04:05 UTC' "$ROOT/a.txt"

# fr ARGS...: runs fetch-run; its stdout in $OUT, exit status in $RC. A
# run that fails or complains (sanitizers, $FETCH_RUN_WRAPPER such as
# "valgrind -q --error-exitcode=99 --leak-check=full") is noted in $BAD.
BAD=""
fr() {
    OUT=$(${FETCH_RUN_WRAPPER:-} "$FETCH_RUN" "$@" 2>"$TEST_TMP/fr.err") && RC=0 || RC=$?
    if [ "$RC" -ne 0 ] || grep -qE 'Sanitizer|runtime error|==[0-9]+==' "$TEST_TMP/fr.err"; then
        BAD="$BAD
fetch-run $* (exit $RC): $(head -c 600 "$TEST_TMP/fr.err")"
    fi
}
# j FILTER [LINE]: a field of result LINE (default 1) of the last run.
j() { printf '%s\n' "$OUT" | sed -n "${2:-1}p" | jq -r "$1"; }
stats() { printf '%s\n' "$OUT" | grep '^{"stats"' | jq -r ".stats.$1"; }
logged() { httpd_requests "$1"; }

tap_ok "mw-httpd starts" httpd_start "$ROOT" --bomb-mib 64
U=$HTTPD_URL

# --- plain GET, conditional GET ------------------------------------------
fr --body "$U/a.txt"
tap_is "200: status, no error, exit 0" "200 ok 0" "$(j .status) $(j .error) $RC"
tap_is "200: the body is the file" "$(cat "$ROOT/a.txt")" "$(j .body)"
tap_match "200: Content-Type reported" '^text/plain' "$(j .content_type)"
ETAG=$(j .etag)
LASTMOD=$(j .last_modified)
tap_match "200: ETag reported" '^".+"$' "$ETAG"
tap_is "200: Last-Modified reported" "Fri, 02 Jan 2026 03:04:05 GMT" "$LASTMOD"

: >"$HTTPD_LOG"
fr --stats --etag "$ETAG" "$U/a.txt"
tap_is "ETag: the second request is answered 304" 304 "$(j .status)"
tap_is "ETag: sent as If-None-Match" 1 "$(logged "if-none-match: $ETAG")"
tap_is "ETag: the 304 is counted" "1 1" "$(stats not_modified) $(stats status_3xx)"
fr --last-modified "$LASTMOD" "$U/a.txt"
tap_is "Last-Modified: sent as If-Modified-Since, 304" 304 "$(j .status)"
fr --etag '"stale"' "$U/a.txt"
tap_is "a stale ETag gets the body again" 200 "$(j .status)"

# --- redirects -------------------------------------------------------------
for c in 301 308; do
    fr "$U/redirect/$c?to=/a.txt"
    tap_is "$c: followed to the file" "200 $U/a.txt" "$(j .status) $(j .final_url)"
    tap_is "$c: reported as permanent with the new URL" "$U/a.txt $c" \
        "$(j .permanent_url) $(j '.hops[0].status')"
done
fr "$U/redirect/302?to=/a.txt"
tap_is "302: followed, one hop" "200 1 302" "$(j .status) $(j '.hops|length') $(j '.hops[0].status')"
tap_is "302: not permanent" null "$(j .permanent_url)"
fr "$U/redirect/307?to=/a.txt"
tap_is "307: not permanent" "200 null" "$(j .status) $(j .permanent_url)"
fr "$U/redirect/301?to=/redirect/302%3Fto%3D/a.txt"
tap_is "301 then 302: permanent only up to the 302" \
    "$U/redirect/302?to=/a.txt 2 $U/a.txt" \
    "$(j .permanent_url) $(j '.hops|length') $(j .final_url)"
fr "$U/loop"
tap_is "a redirect loop fails as too many redirects" "redirects 0" "$(j .error) $RC"
tap_match "... with a clear message" 'too many redirects: gave up after 5 ' "$(j .error_msg)"
tap_is "... after 5 hops" 5 "$(j '.hops|length')"
fr --max-redirects 1 "$U/redirect/302?to=/redirect/302%3Fto%3D/a.txt"
tap_is "max_redirects 1: two hops fail" redirects "$(j .error)"
fr --allow-file "$U/redirect/302?to=file://$ROOT/a.txt" "$U/redirect/302?to=ftp://127.0.0.1/x"
tap_is "redirects to file:// (even when allowed) and ftp:// are refused" \
    "redirects redirects" "$(j .error 1) $(j .error 2)"
tap_match "... saying where it led" "to file://$ROOT/a.txt: redirects are followed to http:// and https:// only" \
    "$(j .error_msg 1)"
fr --no-follow "$U/redirect/301?to=/a.txt"
tap_is "no_follow: the 301 itself, with Location" "301 $U/a.txt" "$(j .status) $(j .location)"

# --- statuses and response headers -----------------------------------------
fr "$U/status/429?retry-after=7"
tap_is "429: a response, not an error, Retry-After parsed" "429 ok 7" \
    "$(j .status) $(j .error) $(j .retry_after)"
later=$(date -u -d '+2 hours' '+%a, %d %b %Y %H:%M:%S GMT')
fr "$U/headers?Retry-After=$(jq -rn --arg d "$later" '$d|@uri')&path=/status/503"
ra=$(j .retry_after)
tap_ok "503 with an HTTP-date Retry-After: seconds from now" \
    test "$(j .status)" = 503 -a "$ra" -gt 7000 -a "$ra" -le 7200
fr "$U/headers?Cache-Control=public%2C%20max-age%3D600&Expires=Thu%2C%2001%20Jan%202026%2000%3A00%3A00%20GMT"
tap_is "Cache-Control max-age and Expires parsed" "600 1767225600" "$(j .max_age) $(j .expires)"
fr "$U/missing.txt" "$U/status/410"
tap_is "404 and 410 are responses, not errors" "ok ok" "$(j .error 1) $(j .error 2)"

# --- decoding and size caps -------------------------------------------------
for enc in gzip deflate; do
    fr --body "$U/a.txt?encoding=$enc"
    tap_is "$enc: the body is decoded" "$(cat "$ROOT/a.txt")" "$(j .body)"
done
fr --req-max-body 1000000 "$U/bomb"
tap_is "gzip bomb: cut at the cap" too_large "$(j .error)"
tap_match "gzip bomb: clear error" 'exceeds 1000000 bytes' "$(j .error_msg)"
fr --req-max-body 1000000 "$U/endless"
tap_is "endless body: cut at the cap" too_large "$(j .error)"
fr --max-body 100 "$U/big.txt"
tap_is "Content-Length over the cap: refused up front" too_large "$(j .error)"
fr --max-body 5000 --body "$U/big.txt"
tap_is "a body exactly at the cap is whole" "ok 5000" "$(j .error) $(j .body_len)"

# --- timeouts and connection errors ---------------------------------------
fr --req-timeout 1 "$U/slow?ms=4000&path=/a.txt"
tap_is "slow response: times out" timeout "$(j .error)"
fr --timeout 1 "$U/trickle?bytes=100&ms=200"
tap_is "trickling response: the total timeout cuts it" timeout "$(j .error)"
fr "http://127.0.0.1:1/"
tap_is "nothing listening: a connect error" connect "$(j .error)"

# --- what we send ----------------------------------------------------------
: >"$HTTPD_LOG"
fr --contact https://example.org/contact --max-per-host 1 \
    "$U/headers?Set-Cookie=sid%3D42%3B%20Path%3D%2F&path=/a.txt" \
    "$U/redirect/302?to=/a.txt" "$U/a.txt"
tap_is "three requests, four hits" 4 "$(logged '^GET')"
tap_is "User-Agent: mouwatch/VERSION (+contact) on every request" 4 \
    "$(logged 'user-agent: mouwatch/[0-9][^	]* \(\+https://example\.org/contact\)')"
tap_is "Accept-Encoding offers gzip and deflate" 4 \
    "$(logged 'accept-encoding: [^	]*gzip' )"
tap_is "no Cookie sent back after Set-Cookie" 0 "$(logged 'cookie:')"
tap_is "no Referer on the redirected request" 0 "$(logged 'referer:')"

# --- limits ------------------------------------------------------------------
fr --stats --max-per-host 2 --repeat 6 "$U/slow?ms=300&path=/a.txt"
tap_is "max_per_host 2: all six done" "6 6" "$(stats completed) $(stats status_2xx)"
tap_is "max_per_host 2: never more than two at once" 2 "$(stats peak_host_running)"
fr --max-per-host 1 --repeat 3 "$U/slow?ms=1500&path=/a.txt" \
    "http://localhost:$HTTPD_PORT/a.txt"
tap_is "a slow host's queue does not hold up another host" \
    "http://localhost:$HTTPD_PORT/a.txt" "$(j .url 1)"

# --- the address guard -------------------------------------------------------
fr --guard "$U/a.txt"
tap_is "guard on: 127.0.0.1 refused" refused "$(j .error)"
tap_is "guard on: the message says why and what to do" \
    "refused: address 127.0.0.1 is loopback (set allow_private_addresses = yes to allow)" \
    "$(j .error_msg)"
: >"$HTTPD_LOG"
fr --max-per-host 1 "$U/redirect/302?to=/a.txt" --guard "$U/a.txt"
tap_is "per request: the feed URL is fetched, the guarded link refused" \
    "200 refused" "$(j .status 1) $(j .error 2)"
tap_is "the guarded request never reached the server (even on a reused connection)" \
    2 "$(logged '^GET')"
fr --then "$U/a.txt" --guard "$U/a.txt"
tap_is "a guarded request submitted from the done callback of an unguarded one" \
    "200 refused" "$(j .status 1) $(j .error 2)"
fr --allow-private --guard "$U/a.txt"
tap_is "allow_private_addresses: the guard lets it pass" "200 ok" "$(j .status) $(j .error)"

# --- schemes, bad requests, file://, POST ----------------------------------
fr "file://$ROOT/a.txt"
tap_is "file:// refused unless allowed" request "$(j .error)"
fr --allow-file --body "file://$ROOT/a.txt"
tap_is "file:// with allow_file_urls: read, status 200" \
    "200 $(cat "$ROOT/a.txt")" "$(j .status) $(j .body)"
fr "ftp://127.0.0.1/x" "not a url"
tap_is "other schemes and non-URLs: request errors" "request request" \
    "$(j .error 1) $(j .error 2)"
fr --etag $'"a"\r\nX-Evil: 1' "$U/a.txt"
tap_match "a header value with a line break is refused" 'line break' "$(j .error_msg)"
fr --method POST --data '{"type":"agreement.new"}' --header 'Content-Type: application/json' \
    --header 'webhook-id: msg_1' "$U/hook/ops?status=202"
tap_is "POST: the hook's status comes back" 202 "$(j .status)"
tap_is "POST: the body arrived" '{"type":"agreement.new"}' "$(cat "$HTTPD_HOOKS/1.body")"
tap_match "POST: the custom header arrived" '^webhook-id: msg_1' \
    "$(grep -i '^webhook-id' "$HTTPD_HOOKS/1.headers" | tr -d '\r')"

# --- shutdown ------------------------------------------------------------------
fr --max-per-host 1 --cancel-after 1 "$U/a.txt" --repeat 2 "$U/slow?ms=3000&path=/a.txt"
tap_is "freeing the engine completes the running and the queued as cancelled" \
    "ok cancelled cancelled 3" \
    "$(j .error 1) $(j .error 2) $(j .error 3) $(printf '%s\n' "$OUT" | wc -l)"

tap_is "every fetch-run exited 0 with nothing on stderr from a checker" "" "$BAD"

tap_done
