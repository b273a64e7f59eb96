#!/bin/bash
# fault_db_lock_reload.sh: a reload (what 'systemctl reload' runs) while
# another process holds the database's write lock (issue 12, items 8 and
# 12). The e-mail channel was removed by an earlier reload, so its
# delivery is held; the reload during the lock brings the channel back and
# adds a feed. The reload is in effect (exit 0, a warning that the feeds
# are stored later, not "refused, the old one is kept"); once the lock is
# gone the feed is stored and polled and the held delivery goes out, once.
# Before the fix: 'bad_config' although the new configuration was in
# effect, the feed never stored, the delivery held until another reload.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/faults/lib.sh"

SEED="$top_builddir/tests/remind/mw-remind-seed"
export MOUWATCH_REDIS_SERVER="${REDIS_SERVER:-redis-server}"
tap_plan 8

mkdir -p "$TEST_TMP/www"
printf '<rss version="2.0"><channel><title>late</title></channel></rss>\n' >"$TEST_TMP/www/late.xml"
httpd_start "$TEST_TMP/www" || exit 1
smtpd_start || exit 1
D=$TEST_TMP/d
DB=$D/mw.db
mkdir -p "$D"
# conf [SMTP-URL [FEED]]: the configuration, with the e-mail channel and the feed or not
conf() {
    {
        printf '[daemon]\nstate_dir = %s\ndatabase = %s\nsocket = %s/mw.sock\n' "$D" "$DB" "$D"
        printf 'allow_private_addresses = yes\nbusy_timeout = 1s\nlog_level = info\n\n'
        printf '[reminders]\nlead_days = 90,30,7\nretry_schedule = 1s\ngive_up_after = 1h\n'
        printf 'check_interval = 1s\ntimezone = Asia/Jakarta\n'
        [ -z "${1:-}" ] || printf '\n[channel mail]\ntype = email\nsmtp = %s\nfrom = mouwatch@example.org\nto = intl@example.org\n' "$1"
        [ -z "${2:-}" ] || printf '\n[feed late]\nurl = %s/late.xml\ninterval = 1h\n' "$HTTPD_URL"
    } >"$D/mouwatch.conf"
}
mwd() { "$MOUWATCH" -c "$D/mouwatch.conf" "$@"; }
is() { [ "$(sql "$1")" = "$2" ]; }

conf smtp://127.0.0.1:1
"$SEED" "$DB" "$FIXTURES/remind/training_my.json" https://berita.example.my/b/9 >/dev/null
${MOUWATCHD_WRAPPER:-} "$MOUWATCHD" -c "$D/mouwatch.conf" --workers 0 </dev/null >>"$D/run.log" 2>&1 &
PID=$!
at_exit "kill $PID"
wait_for 30 test -S "$D/mw.sock" || { echo "Bail out! mouwatchd did not start"; cat "$D/run.log"; exit 1; }
wait_for 30 is "SELECT count(*) FROM delivery_attempts" 1
conf
mwd reload >/dev/null
tap_ok "a reload without the e-mail channel holds its delivery" wait_for 30 \
    is "SELECT state FROM deliveries" held

python3 - "$DB" "$TEST_TMP/locked" 4 <<'PY' &
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
db.execute("BEGIN EXCLUSIVE")
open(sys.argv[2], "w").close()
time.sleep(float(sys.argv[3]))
db.execute("COMMIT")
PY
locker=$!
wait_for 30 test -e "$TEST_TMP/locked"
conf "$SMTPD_URL" feed
out=$(mwd reload 2>&1); rc=$?
tap_is "a reload during the lock is in effect: exit 0" 0 "$rc"
tap_match "... and warns that its feeds are stored when the database takes writes" \
    'warning: the configuration is in effect, but its feeds could not be stored yet' "$out"
wait "$locker"

tap_ok "once the lock is gone the reload's feed is stored" wait_for 30 \
    is "SELECT count(*) FROM feeds WHERE name = 'late'" 1
tap_ok "... and polled" wait_for 30 eval '[ "$(httpd_requests "GET.*/late.xml")" -ge 1 ]'
tap_ok "the held delivery goes out to the channel the reload brought back" wait_for 30 \
    is "SELECT state FROM deliveries" delivered
sleep 2
tap_is "... once" 1 "$(smtpd_messages)"
kill -TERM "$PID"; wait "$PID"; rc=$?
tap_is "the daemon stops cleanly" 0 "$rc"
tap_done
