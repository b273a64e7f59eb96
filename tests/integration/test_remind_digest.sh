#!/bin/bash
# test_remind_digest.sh: the first day's digest is not lost (issue 12,
# item 14). A running mouwatchd (not --once) with 'digest = daily 00:00'
# starts on an empty database, so its first passes, after the digest time,
# find nothing upcoming: that is logged once, and the day is not recorded
# as done. When an agreement is stored later (through the real store path,
# as a worker would), the digest of the day goes out, once, to the real
# SMTP sink.
# MOUWATCHD_WRAPPER="valgrind -q --error-exitcode=99" runs mouwatchd under a tool.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"

SEED="$top_builddir/tests/remind/mw-remind-seed"
export MOUWATCH_REDIS_SERVER="${REDIS_SERVER:-redis-server}"

tap_plan 6

smtpd_start || exit 1
D=$TEST_TMP/d
mkdir -p "$D"
cat >"$D/mouwatch.conf" <<EOF2
[daemon]
state_dir = $D
database = $D/mw.db
socket = $D/mw.sock
log_level = info

[reminders]
lead_days = 90,30,7
retry_schedule = 1s
check_interval = 1s
timezone = Asia/Jakarta
digest = daily 00:00

[channel mail]
type = email
smtp = $SMTPD_URL
from = mouwatch@example.org
to = intl@example.org
EOF2
${MOUWATCHD_WRAPPER:-} "$MOUWATCHD" -c "$D/mouwatch.conf" --workers 0 </dev/null >>"$D/run.log" 2>&1 &
PID=$!
at_exit "kill $PID"
wait_for 30 test -S "$D/mw.sock" || { echo "Bail out! mouwatchd did not start"; cat "$D/run.log"; exit 1; }

empty_logged() { grep -q 'digest of .* to channel mail: nothing upcoming in the next 30 days yet' "$D/run.log"; }
tap_ok "an empty first pass after the digest time says so in the log" wait_for 20 empty_logged
sleep 3   # three more passes (check_interval 1 s) over the same empty list
tap_is "... once, not at every pass" 1 "$(grep -c 'nothing upcoming' "$D/run.log")"
tap_is "... and the day is not recorded as done" 0 \
    "$(sqlite3 "$D/mw.db" "SELECT count(*) FROM remind_digests")"

"$SEED" "$D/mw.db" "$FIXTURES/remind/exchange_th.json" https://news.example.id/a/1 >/dev/null
digests() { grep -l '^Subject: mouwatch digest' "$SMTPD_DIR"/*.eml 2>/dev/null | grep -c .; }
one_digest() { [ "$(digests)" = 1 ]; }
tap_ok "once an agreement is stored, today's digest is sent" wait_for 20 one_digest
sleep 2
tap_is "... once" 1 "$(digests)"
kill -TERM "$PID"; wait "$PID"; rc=$?
tap_is "the daemon stops cleanly" 0 "$rc"
tap_done
