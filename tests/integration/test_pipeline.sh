#!/usr/bin/env bash
# test_pipeline.sh: the whole pipeline with real parts: mw-httpd serves the
# demo site over loopback, a real redis-server on a private socket (and the
# embedded one), mouwatchd --once with two supervised workers, SQLite.
# Checks that every article is stored once, that conditional GET makes the
# second run cost nothing, and that a dead or emptied Redis loses nothing.
. "$top_srcdir/tests/lib.sh"
tap_plan 39

SITE="$TEST_TMP/site"
cp -r "$top_srcdir/config/demo/site" "$SITE"
httpd_start "$SITE" || exit 1
redis_start || exit 1

# write_config FILE STATE_DIR REDIS
write_config() {
    mkdir -p "$2"
    cat >"$1" <<CONF
[daemon]
state_dir = $2
database = $2/mouwatch.db
socket = $2/ctl.sock
redis = $3
user_agent_contact = https://example.org/mouwatch-test
allow_private_addresses = yes
per_host_rate = 200
interval_floor = 1s
log_level = info
[feed demo-rss]
url = $HTTPD_URL/rss.xml
interval = 15m
language = id
[feed demo-atom]
url = $HTTPD_URL/atom.xml
interval = 15m
language = id
[reminders]
lead_days = 90,30,7
CONF
}

sql() { sqlite3 -batch -noheader "$DB" "$1"; }
# The number of distinct article links in both feeds: what must be stored.
expected=$(cat "$SITE/rss.xml" "$SITE/atom.xml" | grep -oE 'berita/[a-z0-9-]+\.html' | sort -u | wc -l)

# ---- 1. a first run over an external Redis ----
STATE="$TEST_TMP/state1"; CONF="$TEST_TMP/one.conf"; DB="$STATE/mouwatch.db"
write_config "$CONF" "$STATE" "unix:$REDIS_SOCKET"
tap_ok "the test configuration is valid" "$MOUWATCHD" -c "$CONF" --check-config
tap_ok "mouwatchd --once --workers 2 finishes" \
    "$MOUWATCHD" -c "$CONF" --once --workers 2 --once-timeout 120
cp "$TEST_TMP/.out" "$TEST_TMP/run1.log"
tap_is "every article in the feeds is stored exactly once" "$expected" "$(sql 'SELECT count(*) FROM articles')"
tap_is "no article is left queued" 0 "$(sql "SELECT count(*) FROM articles WHERE state = 'queued'")"
tap_is "every article was handled by a worker" "$expected" \
    "$(sql "SELECT count(*) FROM articles WHERE state IN ('extracted','no_agreement')")"
tap_is "every article page was fetched" "$expected" "$(sql "SELECT count(*) FROM articles WHERE page_state = 'fetched'")"
agreements=$(sql 'SELECT count(*) FROM agreements')
tap_match "agreements were found" '^[1-9][0-9]*$' "$agreements"
tap_is "each extracted article points at an agreement" 0 \
    "$(sql "SELECT count(*) FROM articles WHERE state = 'extracted' AND agreement_id IS NULL")"
tap_match "agreements have reminders scheduled" '^[1-9][0-9]*$' "$(sql 'SELECT count(*) FROM reminders')"
tap_match "the summary lists the agreements" 'agreement\(s\) in the database' "$(cat "$TEST_TMP/run1.log")"
tap_is "each article page was requested once" "$expected" "$(httpd_requests $'^GET\t/berita/')"
tap_match "requests name mouwatch and the contact URL" 'user-agent: mouwatch/[0-9.]+ \(\+https://example.org/mouwatch-test\)' \
    "$(grep -m1 $'^GET\t/rss.xml' "$HTTPD_LOG")"
tap_is "no cookie and no referrer is ever sent" 0 "$(httpd_requests 'cookie: |referer: ')"
tap_is "the stream holds no finished work (XACK + XDEL)" 0 "$(redis_cli XLEN mouwatch:articles)"

# ---- 2. the second run: conditional GET, nothing new ----
before=$(httpd_requests $'^GET\t/')
tap_ok "a second --once finishes" "$MOUWATCHD" -c "$CONF" --once --workers 1 --once-timeout 60
tap_is "the second run asked for the feeds only" 2 $(( $(httpd_requests $'^GET\t/') - before ))
tap_is "both feed requests were conditional" 2 "$(tail -n 2 "$HTTPD_LOG" | grep -c 'if-none-match: ')"
tap_is "nothing was stored twice" "$expected" "$(sql 'SELECT count(*) FROM articles')"
tap_is "the feeds recorded 304" 2 "$(sql 'SELECT count(*) FROM feeds WHERE last_status = 304')"

# ---- 3. Redis down: articles wait in SQLite, then go through ----
redis_stop
STATE="$TEST_TMP/state2"; CONF="$TEST_TMP/two.conf"; DB="$STATE/mouwatch.db"
write_config "$CONF" "$STATE" "unix:$REDIS_SOCKET"
tap_fails "with Redis down, --once gives up after its timeout" 1 \
    "$MOUWATCHD" -c "$CONF" --once --workers 1 --once-timeout 5
tap_match "the outage is logged once, clearly" 'Redis at unix:.* is unreachable' "$(cat "$TEST_TMP/.out")"
tap_is "the articles are kept in SQLite, not yet in Redis" "$expected" \
    "$(sql "SELECT count(*) FROM articles WHERE state = 'queued' AND enqueued_at IS NULL")"
redis_restart
tap_ok "with Redis back, the next run delivers them" "$MOUWATCHD" -c "$CONF" --once --workers 1 --once-timeout 120
tap_is "all of them were handled" "$expected" \
    "$(sql "SELECT count(*) FROM articles WHERE state IN ('extracted','no_agreement')")"

# ---- 4. Redis loses its data while articles wait for a worker ----
STATE="$TEST_TMP/state3"; CONF="$TEST_TMP/three.conf"; DB="$STATE/mouwatch.db"
write_config "$CONF" "$STATE" "unix:$REDIS_SOCKET"
"$MOUWATCHD" -c "$CONF" --once --workers 0 --once-timeout 5 >/dev/null 2>&1
queued_in_redis=$(sql "SELECT count(*) FROM articles WHERE enqueued_at IS NOT NULL AND state = 'queued'")
redis_kill; redis_restart   # no AOF: the stream is gone
tap_ok "after Redis lost its data, the next run re-queues and finishes" \
    "$MOUWATCHD" -c "$CONF" --once --workers 1 --once-timeout 120
tap_match "the re-queue is logged" "Redis has no record of $queued_in_redis queued article" "$(cat "$TEST_TMP/.out")"

# ---- 5. the embedded Redis ----
STATE="$TEST_TMP/state4"; CONF="$TEST_TMP/four.conf"; DB="$STATE/mouwatch.db"
write_config "$CONF" "$STATE" ""
tap_ok "with the embedded Redis, --once finishes" "$MOUWATCHD" -c "$CONF" --once --workers 2 --once-timeout 120
tap_is "and its redis-server is stopped afterwards" 0 "$(pgrep -f -c "unixsocket $STATE/redis.sock" || true)"

# ---- 6. the backlog limit: the stream never holds more than allowed ----
redis_cli DEL mouwatch:articles >/dev/null
STATE="$TEST_TMP/state5"; CONF="$TEST_TMP/five.conf"; DB="$STATE/mouwatch.db"
write_config "$CONF" "$STATE" "unix:$REDIS_SOCKET"
sed -i 's/^\[daemon\]$/[daemon]\nmax_queue_backlog = 3/' "$CONF"
tap_fails "without workers, --once stops at its timeout" 1 "$MOUWATCHD" -c "$CONF" --once --workers 0 --once-timeout 3
tap_is "the stream holds max_queue_backlog articles" 3 "$(redis_cli XLEN mouwatch:articles)"
tap_is "the others wait in SQLite" $(( expected - 3 )) "$(sql 'SELECT count(*) FROM articles WHERE enqueued_at IS NULL')"

# ---- 7. a syndicated copy: the same story under another URL, in another feed ----
mkdir -p "$SITE/mirror"
cp "$SITE/berita/smk-politeknik-tanjungpinang.html" "$SITE/mirror/vokasi-kepri.html"
cat >"$SITE/mirror.xml" <<XML
<?xml version="1.0"?><rss version="2.0"><channel><title>Mirror</title><link>$HTTPD_URL/</link>
<item><title>Vokasi Kepri</title><link>$HTTPD_URL/mirror/vokasi-kepri.html</link><guid>m1</guid></item>
</channel></rss>
XML
STATE="$TEST_TMP/state6"; CONF="$TEST_TMP/six.conf"; DB="$STATE/mouwatch.db"
write_config "$CONF" "$STATE" "unix:$REDIS_SOCKET"
printf '[feed mirror]\nurl = %s/mirror.xml\n' "$HTTPD_URL" >>"$CONF"
tap_ok "a run with a feed that syndicates a story finishes" "$MOUWATCHD" -c "$CONF" --once --workers 1 --once-timeout 120
orig=$(sql "SELECT id FROM articles WHERE url LIKE '%berita/smk-politeknik-tanjungpinang.html'")
tap_is "the copy is linked to the first article" "$orig" \
    "$(sql "SELECT duplicate_of FROM articles WHERE url LIKE '%mirror/vokasi-kepri.html'")"
tap_is "it shares the first one's agreement" \
    "$(sql "SELECT agreement_id FROM articles WHERE id = $orig")" \
    "$(sql "SELECT agreement_id FROM articles WHERE url LIKE '%mirror/vokasi-kepri.html'")"
tap_is "the agreement lists both as sources" 2 \
    "$(sql "SELECT count(*) FROM agreement_sources WHERE agreement_id = (SELECT agreement_id FROM articles WHERE id = $orig)")"

# ---- 8. Redis killed while the daemon runs, restarted from its AOF ----
redis_stop; redis_start --aof || exit 1
STATE="$TEST_TMP/state7"; CONF="$TEST_TMP/seven.conf"; DB="$STATE/mouwatch.db"
write_config "$CONF" "$STATE" "unix:$REDIS_SOCKET"
"$MOUWATCHD" -c "$CONF" --workers 1 >"$TEST_TMP/running.log" 2>&1 &
daemon=$!
at_exit "kill $daemon"
handled() { [ "$(sql "SELECT count(*) FROM articles WHERE state IN ('extracted','no_agreement')" 2>/dev/null)" -ge "$1" ]; }
wait_for 30 handled 1
redis_kill
sleep 1
redis_restart
tap_ok "after Redis is killed and restarted, the running daemon finishes the work" wait_for 60 handled "$expected"
tap_is "every article stored exactly once" "$expected" "$(sql 'SELECT count(*) FROM articles')"
kill -TERM "$daemon"
wait "$daemon"; status=$?
tap_is "SIGTERM stops the daemon cleanly" 0 "$status"
tap_is "and its workers with it" 0 "$(pgrep -c -f "mouwatch-worker -c $CONF" || true)"

tap_done
