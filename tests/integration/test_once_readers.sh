#!/usr/bin/env bash
# test_once_readers.sh: mouwatchd --once --workers 0 with no worker reading
# the stream says at once that nothing will store the queued articles and
# how long it will wait, instead of saying so only when --once-timeout
# (600 s here) runs out. With a mouwatch-worker of its own running beside
# it, the same run says nothing of the kind and finishes. A worker killed
# just before the run still counts as a reader for 15 s: the run asks
# again, and says so once Redis has not seen it for that long.
. "$top_srcdir/tests/lib.sh"
tap_plan 7

SITE="$TEST_TMP/site"
cp -r "$top_srcdir/config/demo/site" "$SITE"
httpd_start "$SITE" || exit 1
redis_start || exit 1
STATE="$TEST_TMP/state"; CONF="$TEST_TMP/mw.conf"
mkdir -p "$STATE"
cat >"$CONF" <<CONF
[daemon]
state_dir = $STATE
database = $STATE/mouwatch.db
socket = $STATE/ctl.sock
redis = unix:$REDIS_SOCKET
allow_private_addresses = yes
per_host_rate = 200
[feed demo-rss]
url = $HTTPD_URL/rss.xml
language = id
CONF

"$MOUWATCHD" -c "$CONF" --once --workers 0 --once-timeout 600 >"$TEST_TMP/out" 2>&1 &
pid=$!
at_exit "kill -KILL $pid"
said() { grep -q -- '--once: nothing reads mouwatch:articles' "$TEST_TMP/out"; }
tap_ok "with no worker, --once says so within 30 s (not after 600 s)" wait_for 30 said
tap_match "it says how long it will wait" 'waiting [0-9]+ s more for one \(--once-timeout 600\), then exiting 1' \
    "$(cat "$TEST_TMP/out")"
kill -TERM "$pid"; wait "$pid" 2>/dev/null

"$MOUWATCH_WORKER" -c "$CONF" --name beside >"$TEST_TMP/worker.out" 2>&1 &
worker=$!
disown "$worker"
at_exit "kill -KILL $worker"
wait_for 20 grep -q 'ready' "$TEST_TMP/worker.out"
run_once() { "$MOUWATCHD" -c "$CONF" --once --workers 0 --once-timeout 120 >"$TEST_TMP/out2" 2>&1; }
tap_ok "with a worker of its own beside it, --once --workers 0 finishes" run_once
tap_is "and says nothing about a missing reader" 0 "$(grep -c 'nothing reads' "$TEST_TMP/out2")"
tap_is "every article is stored" 0 \
    "$(sqlite3 "$STATE/mouwatch.db" "SELECT count(*) FROM articles WHERE state = 'queued'")"
kill -TERM "$worker"

# A worker that read the stream a moment ago, then died (its own stream).
sed -e "s|^state_dir = .*|state_dir = $STATE/2|" -e "s|^database = .*|database = $STATE/2/mouwatch.db|" \
    -e "s|^socket = .*|socket = $STATE/2/ctl.sock\nredis_stream = mouwatch:died|" "$CONF" >"$TEST_TMP/mw2.conf"
mkdir -p "$STATE/2"
"$MOUWATCH_WORKER" -c "$TEST_TMP/mw2.conf" --name died >"$TEST_TMP/worker2.out" 2>&1 &
worker=$!
at_exit "kill -KILL $worker"
wait_for 20 grep -q 'ready' "$TEST_TMP/worker2.out"
kill -KILL "$worker"; wait "$worker" 2>/dev/null
"$MOUWATCHD" -c "$TEST_TMP/mw2.conf" --once --workers 0 --once-timeout 600 >"$TEST_TMP/out3" 2>&1 &
pid=$!
at_exit "kill -KILL $pid"
said() { grep -q -- '--once: nothing reads mouwatch:died' "$TEST_TMP/out3"; }
tap_ok "a worker killed just before: --once says nothing reads, once it has been idle 15 s" wait_for 60 said
tap_is "and says it once" 1 "$(grep -c 'nothing reads' "$TEST_TMP/out3")"
kill -TERM "$pid"; wait "$pid" 2>/dev/null
tap_done
