#!/usr/bin/env bash
# test_worker.sh: mouwatch-worker against a real redis-server and SQLite:
# a batch is stored and acknowledged; messages a dead worker left pending
# are taken over and stored once; a message handed out too often goes to
# mouwatch:dead with its article marked failed; two workers on 1,000
# articles store each exactly once; SIGKILL mid-batch loses nothing.
. "$top_srcdir/tests/lib.sh"
tap_plan 20

SITE="$TEST_TMP/site"
cp -r "$top_srcdir/config/demo/site" "$SITE"
httpd_start "$SITE" || exit 1
redis_start || exit 1
sql() { sqlite3 -batch -noheader "$DB" "$1"; }

# write_config FILE STATE [EXTRA DAEMON LINES] ; feeds are appended by the caller
write_config() {
    mkdir -p "$2"
    cat >"$1" <<CONF
[daemon]
state_dir = $2
database = $2/mouwatch.db
socket = $2/ctl.sock
redis = unix:$REDIS_SOCKET
redis_stream = $(basename "$2"):articles
allow_private_addresses = yes
per_host_rate = 1000
max_per_host = 16
worker_claim_idle = 1s
worker_max_deliveries = 2
$3
CONF
}
stream() { echo "$(basename "$STATE"):articles"; }

# ---- queue the demo articles without workers, then drain them ----
STATE="$TEST_TMP/a"; CONF="$TEST_TMP/a.conf"; DB="$STATE/mouwatch.db"
write_config "$CONF" "$STATE"
printf '[feed rss]\nurl = %s/rss.xml\n[feed atom]\nurl = %s/atom.xml\n' "$HTTPD_URL" "$HTTPD_URL" >>"$CONF"
"$MOUWATCHD" -c "$CONF" --once --workers 0 --once-timeout 3 >/dev/null 2>&1
n=$(sql 'SELECT count(*) FROM articles')
tap_is "the daemon queued every article" "$n" "$(redis_cli XLEN "$(stream)")"
# A 'ghost' consumer reads them all and dies without acknowledging.
redis_cli XREADGROUP GROUP workers ghost COUNT 1000 STREAMS "$(stream)" '>' >/dev/null
tap_is "they are pending on the dead consumer" "$n" "$(redis_cli XPENDING "$(stream)" workers | head -1)"
sleep 1.2
tap_ok "a worker takes them over and drains the queue" "$MOUWATCH_WORKER" -c "$CONF" --name w1 --drain
tap_match "the take-over is logged" 'took over [0-9]+ message' "$(cat "$TEST_TMP/.out")"
tap_is "every article was stored" "$n" "$(sql "SELECT count(*) FROM articles WHERE state IN ('extracted','no_agreement')")"
tap_is "nothing is pending any more" 0 "$(redis_cli XPENDING "$(stream)" workers | head -1)"
tap_is "and the stream is empty (XACK + XDEL)" 0 "$(redis_cli XLEN "$(stream)")"
agreements=$(sql 'SELECT count(*) FROM agreements')
tap_ok "a second drain of the same articles stores nothing new" "$MOUWATCH_WORKER" -c "$CONF" --name w1 --drain
tap_is "(idempotent: still $agreements agreements)" "$agreements" "$(sql 'SELECT count(*) FROM agreements')"

# ---- a poison message: handed out more often than allowed ----
id=$(sql 'SELECT min(id) FROM articles')
sql "UPDATE articles SET state = 'queued' WHERE id = $id"
mid=$(redis_cli XADD "$(stream)" '*' article_id "$id" url poison text 'Judul
isi')
redis_cli XREADGROUP GROUP workers g0 COUNT 10 STREAMS "$(stream)" '>' >/dev/null
for c in g1 g2; do   # three deliveries in all, more than worker_max_deliveries = 2
    redis_cli XCLAIM "$(stream)" workers "$c" 0 "$mid" >/dev/null
done
sleep 1.2
"$MOUWATCH_WORKER" -c "$CONF" --name w2 --drain >"$TEST_TMP/poison.log" 2>&1
tap_is "the message went to mouwatch:dead" 1 "$(redis_cli XLEN mouwatch:dead)"
tap_is "its article is marked failed" failed "$(sql "SELECT state FROM articles WHERE id = $id")"

# ---- two workers, 1,000 articles, one of them killed mid-batch ----
SITE2="$TEST_TMP/site2"; cp -r "$SITE" "$SITE2"
STATE="$TEST_TMP/b"; CONF="$TEST_TMP/b.conf"; DB="$STATE/mouwatch.db"
python3 "$top_srcdir/bench/gen-feeds.py" "$SITE" 100 10 "$HTTPD_URL" "$TEST_TMP/gen.conf" "$STATE" "unix:$REDIS_SOCKET"
write_config "$CONF" "$STATE" "article_fetch = no
worker_batch = 50"
grep -A3 '^\[feed' "$TEST_TMP/gen.conf" >>"$CONF"
"$MOUWATCHD" -c "$CONF" --once --workers 0 --once-timeout 5 >/dev/null 2>&1
tap_is "1,000 articles are queued" 1000 "$(redis_cli XLEN "$(stream)")"
"$MOUWATCH_WORKER" -c "$CONF" --name k1 >"$TEST_TMP/k1.log" 2>&1 &
k1=$!
"$MOUWATCH_WORKER" -c "$CONF" --name k2 --drain >"$TEST_TMP/k2.log" 2>&1 &
k2=$!
sleep 0.3
kill -KILL "$k1"; wait "$k1" 2>/dev/null
wait "$k2"
sleep 1.2   # k1's unacknowledged batch becomes claimable
tap_ok "a third worker finishes what the killed one held" "$MOUWATCH_WORKER" -c "$CONF" --name k3 --drain
tap_is "all 1,000 were handled" 1000 "$(sql "SELECT count(*) FROM articles WHERE state IN ('extracted','no_agreement')")"
tap_is "each agreement source is one article (none stored twice)" \
    "$(sql "SELECT count(*) FROM articles WHERE state = 'extracted'")" "$(sql 'SELECT count(*) FROM agreement_sources')"
tap_is "nothing pending, nothing left" "0 0" "$(redis_cli XPENDING "$(stream)" workers | head -1) $(redis_cli XLEN "$(stream)")"

# ---- a worker restarted under its own name takes back its pending work at once ----
STATE="$TEST_TMP/c"; CONF="$TEST_TMP/c.conf"; DB="$STATE/mouwatch.db"
write_config "$CONF" "$STATE"
sed -i 's/^worker_claim_idle = 1s$/worker_claim_idle = 1h/' "$CONF"
printf '[feed rss]\nurl = %s/rss.xml\n' "$HTTPD_URL" >>"$CONF"
"$MOUWATCHD" -c "$CONF" --once --workers 0 --once-timeout 3 >/dev/null 2>&1
n=$(sql 'SELECT count(*) FROM articles')
# "same-name" reads everything and dies without acknowledging.
redis_cli XREADGROUP GROUP workers same-name COUNT 1000 STREAMS "$(stream)" '>' >/dev/null
tap_ok "the demo articles were queued ($n)" test "$n" -gt 0
tap_is "its messages are pending" "$n" "$(redis_cli XPENDING "$(stream)" workers | head -1)"
tap_ok "restarted with the same name, it drains them without waiting for the claim time" \
    "$MOUWATCH_WORKER" -c "$CONF" --name same-name --drain
tap_is "all were stored" "$n" "$(sql "SELECT count(*) FROM articles WHERE state IN ('extracted','no_agreement')")"
tap_done
