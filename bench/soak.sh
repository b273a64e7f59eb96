#!/bin/bash
# bench/soak.sh: the soak ('make soak', not in CI). SOAK_ARTICLES generated
# articles (default 100,000) appear in 100 feeds, a twentieth at a time,
# while mouwatchd with SOAK_WORKERS supervised workers (default 2) takes
# them in; a random worker is SIGKILLed every 20 s and the (external, AOF)
# Redis is SIGKILLed once halfway and restarted 5 s later. Every 10 s the
# daemon's RSS, open fds and progress are sampled. At the end: the fault
# tests' invariants (tests/faults/check.py), RSS after warm-up vs at the
# end, fds at the start and at the end. Figures: docs/reliability.md.
# Output: TAP-like lines and a summary; samples in $SOAK_OUT (default
# ./soak-samples.tsv).
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/faults/lib.sh"

N=${SOAK_ARTICLES:-100000}
FEEDS=100
PER=$(( (N + FEEDS - 1) / FEEDS ))
STEP=$(( (PER + 19) / 20 ))
OUT=${SOAK_OUT:-$PWD/soak-samples.tsv}
start=$(date +%s)

export HTTPD_MAX_SECONDS=$(( ${SOAK_MAX_SECONDS:-3600} + 600 )) SMTPD_MAX_SECONDS=$(( ${SOAK_MAX_SECONDS:-3600} + 600 ))
redis_start --aof || exit 1
echo "# generating $((FEEDS * PER)) article pages"
fault_setup "$FEEDS" "$PER" "$STEP" || exit 1
# give_up_after counts from a delivery's creation: in a long backlog the
# fault tests' 10 min would be spent waiting in the queue.
FAULT_INTERVAL=5s FAULT_GIVE_UP=1d fault_config "$TEST_TMP/mw.conf"
export MOUWATCH_LOG_LEVEL=notice
fault_start "${SOAK_WORKERS:-2}"
wait_for 30 eval '[ -n "$(fault_workers)" ]'

rss() { awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null; }
hwm() { awk '/^VmHWM/ {print $2}' "/proc/$1/status" 2>/dev/null; }
fds() { ls "/proc/$1/fd" 2>/dev/null | wc -l; }
# The daemon's own view of its memory (mouwatch status): heap in use and
# kept free, in KiB ("- -" when the daemon does not answer).
heap_kib() {
    "$MOUWATCH" --socket "$STATE/ctl.sock" --json status 2>/dev/null | python3 -c '
import json, sys
try:
    m = json.load(sys.stdin)["memory"]; print(m["heap_in_use"] // 1024, m["heap_free"] // 1024)
except Exception:
    print("- -")'
}
done_count() { sql "SELECT count(*) FROM articles WHERE state IN ('extracted','no_agreement')" 2>/dev/null; }

sleep 5
fd_start=$(fds "$DAEMON_PID")
printf 't\tstored\thandled\tdelivered\trss_kib\tfds\tworkers_rss_kib\theap_in_use_kib\theap_free_kib\n' >"$OUT"
shown=$STEP kills=0 redis_done=0 t=0 last_show=0 last_kill=0
while :; do
    sleep 10
    t=$(( $(date +%s) - start ))
    handled=$(done_count)
    stored=$(sql "SELECT count(*) FROM articles")
    delivered=$(sql "SELECT count(*) FROM deliveries WHERE state = 'delivered'")
    wrss=0; for w in $(fault_workers); do wrss=$(( wrss + $(rss "$w" || echo 0) )); done
    read -r heap_used heap_free <<<"$(heap_kib)"
    printf '%d\t%d\t%d\t%d\t%d\t%d\t%d\t%s\t%s\n' "$t" "$stored" "$handled" "$delivered" \
        "$(rss "$DAEMON_PID")" "$(fds "$DAEMON_PID")" "$wrss" "$heap_used" "$heap_free" >>"$OUT"
    # The next twentieth once the pipeline has caught up with most of it.
    if [ "$shown" -lt "$PER" ] && [ "$handled" -ge $(( (shown - STEP / 2) * FEEDS )) ]; then
        shown=$(( shown + STEP )); fault_show "$shown"
    fi
    if [ $(( t - last_kill )) -ge 20 ]; then
        victim=$(fault_workers | shuf -n 1)
        [ -n "$victim" ] && kill -KILL "$victim" && kills=$((kills + 1))
        last_kill=$t
    fi
    if [ "$redis_done" = 0 ] && [ "$handled" -ge $(( FEEDS * PER / 2 )) ]; then
        echo "# t=${t}s: Redis SIGKILLed, restarted 5 s later"
        redis_kill; sleep 5; redis_restart || exit 1; redis_done=1
    fi
    [ "$shown" -ge "$PER" ] && _fault_settled && break
    if [ "$t" -gt "${SOAK_MAX_SECONDS:-3600}" ]; then echo "# giving up after ${t}s"; break; fi
done
fd_end=$(fds "$DAEMON_PID")
rss_end=$(rss "$DAEMON_PID"); hwm_end=$(hwm "$DAEMON_PID")
fault_stop
tap_plan "$FAULT_CHECKS"
fault_checks
# RSS after warm-up: the sample at 20% of the run; the peak after it.
python3 - "$OUT" <<'PY'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])][1:]
rows = [[int(x) if x.lstrip("-").isdigit() else -1 for x in r] for r in rows]
w = rows[len(rows) // 5]
late = rows[len(rows) // 5:]
print("# samples: %d over %d s" % (len(rows), rows[-1][0]))
print("# daemon RSS: at warm-up (t=%d s) %d KiB, peak after it %d KiB, last %d KiB"
      % (w[0], w[4], max(r[4] for r in late), rows[-1][4]))
print("# workers RSS (sum): warm-up %d KiB, peak after it %d KiB" % (w[6], max(r[6] for r in late)))
heap = [r[7] for r in late if r[7] >= 0]
if heap:
    print("# daemon heap in use (mouwatch status): warm-up %d KiB, peak after it %d KiB, last %d KiB"
          % (w[7], max(heap), heap[-1]))
print("# throughput: %.0f articles/s handled overall" % (rows[-1][2] / max(1, rows[-1][0])))
PY
echo "# daemon fds: $fd_start after start, $fd_end at the end; VmHWM $hwm_end KiB, VmRSS $rss_end KiB"
echo "# $kills workers SIGKILLed, Redis restarted $redis_done time(s); wall time $(( $(date +%s) - start )) s"
echo "# $(sql "SELECT count(*) FROM articles") articles, $(sql "SELECT count(*) FROM agreements") agreements, $(sql "SELECT count(*) FROM deliveries WHERE state = 'delivered'") deliveries delivered"
tap_done
