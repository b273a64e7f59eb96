#!/usr/bin/env bash
# test_feed_flood.sh: one hostile feed cannot flood the database or the
# reminders (issue 12, item 11), over real HTTP on loopback with a real
# redis-server and worker: 250 items that each say "Kerja sama
# ditandatangani." (a signing with no named party) give no agreement and no
# reminder; at most max_new_per_poll (here 100) new articles are taken per
# poll, the others at the next polls although the server answers 304 to a
# validator; a 3,000-byte title and a 1.2 MiB text are stored cut at 1 KiB
# and 1 MiB, at a UTF-8 character boundary.
# MOUWATCHD_WRAPPER="valgrind -q --error-exitcode=99" runs mouwatchd under a tool.
. "$top_srcdir/tests/lib.sh"
tap_plan 11

SITE="$TEST_TMP/site"; mkdir -p "$SITE"
httpd_start "$SITE" || exit 1
redis_start || exit 1
python3 - "$SITE/flood.xml" "$HTTPD_URL" <<'PY'
import sys
path, base = sys.argv[1], sys.argv[2]
items = []
for i in range(250):
    title = "Kabar %d" % i
    text = "Kerja sama ditandatangani."
    if i == 0:
        title = "a" + "\u00e9" * 1500            # 3,001 bytes; byte 1024 is inside an é
        text = "Teks yang sangat panjang. " * 48000  # about 1.2 MiB
    items.append("<item><title>%s</title><link>%s/flood/%d.html</link>"
                 "<description>%s</description></item>" % (title, base, i, text))
with open(path, "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            "<title>banjir</title><link>%s/</link>%s</channel></rss>" % (base, "".join(items)))
PY

STATE="$TEST_TMP/state"; CONF="$TEST_TMP/mw.conf"; DB="$STATE/mouwatch.db"
mkdir -p "$STATE"
cat >"$CONF" <<CONF
[daemon]
state_dir = $STATE
socket = $STATE/ctl.sock
redis = unix:$REDIS_SOCKET
allow_private_addresses = yes
article_fetch = no
max_new_per_poll = 100
interval_floor = 1s
[feed flood]
url = $HTTPD_URL/flood.xml
interval = 1s
[channel hook]
type = webhook
url = $HTTPD_URL/hook
CONF

sql() { sqlite3 -batch -noheader "$DB" "$1"; }
once() { ${MOUWATCHD_WRAPPER:-} "$MOUWATCHD" -c "$CONF" --once --workers 1 --once-timeout 120 >>"$TEST_TMP/run.log" 2>&1; }

tap_ok "a first --once over the flooding feed finishes" once
tap_is "the first poll takes max_new_per_poll (100) articles, not 250" 100 "$(sql 'SELECT count(*) FROM articles')"
tap_match "the entries left for later are logged" 'feed flood: 150 more new entries than max_new_per_poll \(100\) wait' \
    "$(cat "$TEST_TMP/run.log")"
tap_ok "a second --once finishes" once
tap_is "the second poll takes the next 100 (no 304 hides them)" 200 "$(sql 'SELECT count(*) FROM articles')"
once
tap_is "the third takes the last 50" 250 "$(sql 'SELECT count(*) FROM articles')"
tap_is "no agreement from a signing without a named party" "0|0" \
    "$(sql "SELECT (SELECT count(*) FROM agreements), (SELECT count(*) FROM reminders)")"
tap_is "every article was handled: no_agreement" 250 "$(sql "SELECT count(*) FROM articles WHERE state = 'no_agreement'")"
tap_is "the long title is cut at 1 KiB, before the é that byte 1024 is in" 1023 \
    "$(sql "SELECT length(CAST(title AS BLOB)) FROM articles WHERE url LIKE '%/flood/0.html'")"
tap_is "the long text is cut at 1 MiB" "yes" \
    "$(sql "SELECT length(CAST(text AS BLOB)) BETWEEN 1048573 AND 1048576 FROM articles WHERE url LIKE '%/flood/0.html'" | sed 's/^1$/yes/')"
tap_is "what is stored is valid UTF-8" "ok" \
    "$(python3 -c "
import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.text_factory = bytes
for t, x in c.execute('SELECT title, text FROM articles'):
    t.decode('utf-8'); x.decode('utf-8')
print('ok')" "$DB" 2>&1)"
tap_done
