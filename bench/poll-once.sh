#!/usr/bin/env bash
# poll-once.sh: one `mouwatchd --once --workers 2` over N local feeds of E
# entries each (every entry a new article with its own page), served by
# mw-httpd on loopback with a private redis-server. Prints wall time,
# polls/s, articles/s and mouwatchd's peak RSS.
#   bench/poll-once.sh [N=1000] [E=5]     (from a build tree: top_builddir)
set -euo pipefail
N=${1:-1000}; E=${2:-5}
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir/build}"
export top_srcdir top_builddir
. "$top_srcdir/tests/lib.sh"
echo "# poll-once: $N feeds x $E entries"
SITE="$TEST_TMP/site"; cp -r "$top_srcdir/config/demo/site" "$SITE"
HTTPD_MAX_SECONDS=3600 httpd_start "$SITE"
redis_start
STATE="$TEST_TMP/state"; mkdir -p "$STATE"
python3 "$top_srcdir/bench/gen-feeds.py" "$SITE" "$N" "$E" "$HTTPD_URL" "$TEST_TMP/bench.conf" "$STATE" "unix:$REDIS_SOCKET"
start=$(date +%s.%N)
/usr/bin/time -f '%M %e %U %S' -o "$TEST_TMP/time" \
    "$MOUWATCHD" -c "$TEST_TMP/bench.conf" --once --workers 2 --once-timeout 3600 >"$TEST_TMP/out" 2>&1 || {
    tail -20 "$TEST_TMP/out"; exit 1; }
read -r rss wall user sys <"$TEST_TMP/time"
articles=$(sqlite3 "$STATE/mouwatch.db" "SELECT count(*) FROM articles WHERE state <> 'queued'")
echo "feeds=$N entries=$E wall_s=$wall daemon_user_s=$user daemon_sys_s=$sys peak_rss_kib=$rss"
python3 -c "import sys; w=float('$wall'); print(f'polls_per_s={$N/w:.0f} articles_stored={$articles} articles_per_s={$articles/w:.0f}')"
