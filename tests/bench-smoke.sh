#!/usr/bin/env bash
# bench-smoke.sh: runs every benchmark of bench/bench.py once on tiny inputs
# (--smoke --runs 1) and checks each wrote its JSON with sane figures. It
# asserts no timing: benchmarks are not tests.
. "$top_srcdir/tests/lib.sh"
tap_plan 10

out="$TEST_TMP/results"
chmod 755 "$TEST_TMP"   # nginx, started as root, reads the generated site as another user
tap_ok "bench.py --smoke runs all benchmarks" \
    python3 "$top_srcdir/bench/bench.py" --smoke --runs 1 --out "$out" --data "$TEST_TMP/data"
sed 's/^/# /' "$TEST_TMP/.out" | tail -25

# jq_is NAME FILTER: passes when the filter over NAME.json yields true.
jq_is() { tap_is "$1.json: $2" true "$(jq -r "$2" "$out/$1.json" 2>&1)"; }
jq_is parse '.inputs.rss.entries > 0 and .inputs.rss.entries == .inputs.rss.sfeed_entries'
jq_is parse '.inputs.atom.mouwatch.mb_per_s.median > 0'
jq_is poll '.["200"].mouwatchd_polls_per_s.median > 0 and .["304"].curl_polls_per_s.median > 0'
jq_is extract '.articles == 30 and .agreements > 0 and .agreements < 30'
jq_is queue '.consume.per_s.median > 0 and .redis_benchmark_P16.per_s.median > 0'
jq_is pipeline '.runs[0].stored == .articles and .p99.median >= .p50.median'
jq_is memory '.mouwatchd_kib_poll.median > 0 and .worker_kib_pipeline.median > 0'
jq_is callgrind '(.parse.instructions > 0 and .extract.per_article > 0) or (.skipped | length > 0)'
jq_is control '(.reads | length) >= 10 and .reads.feeds.items == .feeds and .reads.status.ms.median > 0'
tap_done
