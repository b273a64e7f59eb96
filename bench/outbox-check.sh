#!/usr/bin/env bash
# outbox-check.sh: the cost of one stream check (daemon/outbox_check.c)
# at N queued articles, LOST of which have no entry in the stream. Makes a
# database of N articles queued an hour ago and a private redis-server
# whose stream holds N - LOST of their entries (texts of TEXT bytes),
# starts mouwatchd --workers 0 on them and reads the duration of the pass
# it runs on connecting from its debug log, and Redis' EVAL time from
# INFO commandstats. With IDLE=S (and BACKLOG above N, so the outbox has
# room and reads SQLite for articles to send once a second), it then
# measures the daemon's CPU over S more seconds with nothing to send: the
# steady cost of the outbox at that backlog.
#   [BACKLOG=1000] [IDLE=0] bench/outbox-check.sh [N=100000] [LOST=1000] [TEXT=3000]
set -euo pipefail
N=${1:-100000}; LOST=${2:-1000}; TEXT=${3:-3000}
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir/build}"
export top_srcdir top_builddir
. "$top_srcdir/tests/lib.sh"
echo "# outbox-check: $N queued articles, $LOST lost, texts of $TEXT bytes"
redis_start
STATE="$TEST_TMP/state"; mkdir -p "$STATE"
printf '[daemon]\nstate_dir = %s\ndatabase = %s/mouwatch.db\nsocket = %s/ctl.sock\nredis = unix:%s\nmax_queue_backlog = %s\n' \
    "$STATE" "$STATE" "$STATE" "$REDIS_SOCKET" "${BACKLOG:-1000}" >"$TEST_TMP/bench.conf"
# A first run with no feeds makes the schema, the group and the marker.
"$MOUWATCHD" -c "$TEST_TMP/bench.conf" --once --workers 0 --once-timeout 5 >"$TEST_TMP/first" 2>&1 || {
    cat "$TEST_TMP/first"; exit 1; }
python3 - "$STATE/mouwatch.db" "$N" "$LOST" "$TEXT" "$TEST_TMP/xadd.resp" <<'PY'
import sqlite3, sys, time
db_path, n, lost, size, resp = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
every = n // lost if lost else n + 1
then = int(time.time()) - 3600
text = ("Kedua pihak menandatangani nota kesepahaman tentang kerja sama riset. " * (size // 70 + 1))[:size]
db = sqlite3.connect(db_path)
db.executemany(
    "INSERT INTO articles (id, url, url_norm, title, fetched_at, text, state, page_state,"
    " enqueued_at, stream_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'queued', 'fetched', ?, ?, ?)",
    ((i, "http://bench.invalid/a/%d" % i, "bench.invalid/a/%d" % i, "article %d" % i, then, text,
      then, "1000-%d" % i, then) for i in range(1, n + 1)))
db.commit()
def bulk(*args):
    out = ["*%d\r\n" % len(args)]
    for a in args:
        b = a.encode()
        out.append("$%d\r\n" % len(b))
        out.append(a + "\r\n")
    return "".join(out)
with open(resp, "w") as f:
    for i in range(1, n + 1):
        if i % every:
            f.write(bulk("XADD", "mouwatch:articles", "1000-%d" % i, "article_id", str(i),
                         "url", "http://bench.invalid/a/%d" % i, "text", text))
PY
redis_cli --pipe <"$TEST_TMP/xadd.resp" | tail -n 1
redis_cli CONFIG RESETSTAT >/dev/null
echo "# stream length $(redis_cli XLEN mouwatch:articles), redis used_memory $(redis_cli INFO memory | sed -n 's/^used_memory_human:\(.*\)\r/\1/p')"
MOUWATCH_LOG_LEVEL=debug ${BENCH_WRAPPER:-} "$MOUWATCHD" -c "$TEST_TMP/bench.conf" --workers 0 >"$TEST_TMP/daemon.log" 2>&1 &
pid=$!
cpu_ms() { awk -v t="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / t)}' "/proc/$pid/stat"; }
wait_for 120 grep -q 'mouwatchd .* started' "$TEST_TMP/daemon.log"
cpu0=$(cpu_ms)
wait_for 120 grep -q 'stream check (connected to Redis)' "$TEST_TMP/daemon.log" || {
    kill "$pid"; tail -20 "$TEST_TMP/daemon.log"; exit 1; }
cpu1=$(cpu_ms)
if [ "${IDLE:-0}" -gt 0 ]; then
    sleep 3  # the lost articles queued again go out first
    cpu2=$(cpu_ms)
    # 'hello' answers from memory: how long it waits is the event loop's.
    python3 - "$STATE/ctl.sock" "$IDLE" <<'PY'
import socket, sys, time
s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); f = s.makefile("rb")
waits, end = [], time.monotonic() + int(sys.argv[2])
while time.monotonic() < end:
    t = time.monotonic(); s.sendall(b'{"method":"hello"}\n'); f.readline()
    waits.append((time.monotonic() - t) * 1000); time.sleep(0.02)
waits.sort()
print("hello every 20 ms: %d answers, median %.1f ms, p99 %.1f ms, longest %.1f ms"
      % (len(waits), waits[len(waits) // 2], waits[len(waits) * 99 // 100], waits[-1]))
PY
    cpu3=$(cpu_ms)
    echo "daemon CPU with nothing to send, backlog $(redis_cli XLEN mouwatch:articles) of" \
         "max_queue_backlog ${BACKLOG:-1000}: $((cpu3 - cpu2)) ms in $IDLE s" \
         "($(( (cpu3 - cpu2) / IDLE )) ms a second)"
fi
kill -TERM "$pid"; wait "$pid" || echo "mouwatchd exited with status $?"; grep -h -A5 "Sanitizer\|runtime error" "$TEST_TMP/daemon.log" || true
grep -o 'stream check (connected to Redis): .*' "$TEST_TMP/daemon.log"
grep -o '[0-9]* queued article(s) were no longer in the Redis stream' "$TEST_TMP/daemon.log" || true
redis_cli INFO commandstats | sed -n 's/^cmdstat_eval:\(.*\)\r/redis EVAL: \1/p'
echo "daemon CPU: start-up $cpu0 ms, then up to the end of the pass $((cpu1 - cpu0)) ms"
