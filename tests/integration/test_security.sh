#!/bin/bash
# test_security.sh: what a hostile feed, a hostile local user and a
# curious log reader can get (docs/security.md). Part 1: a feed whose
# article links point at loopback, private, link-local, multicast and
# unspecified addresses in numeric and name forms, at a redirect, and at
# local files: nothing is requested, nothing local is read. Part 2: file://
# feeds only with allow_file_urls. Part 3: a running daemon with a webhook
# and an SMTP channel at log level debug: neither secret appears in its
# log; the control socket has mode 0660 and the configured group, a member
# of that group with another uid is served and a non-member cannot
# connect. (Another uid refused by SO_PEERCRED: test_cli.sh.) Then a
# reload over the socket and by SIGHUP with a malformed webhook secret, a
# webhook URL carrying ?token= and a Redis URL with a password: refused
# naming key and line, none of the values in the reply or the log. Part 4: no
# shell or exec with data from a feed: the sources call no system(),
# popen() or exec*() except with fixed argument vectors in two files.
. "$top_srcdir/tests/lib.sh"
tap_plan 31

SECRET=whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
PASSWORD='Secur1ty-test-pa55word'
SITE="$TEST_TMP/site"
cp -r "$top_srcdir/config/demo/site" "$SITE"
echo "MARKER-local-file-7f3a9c" >"$TEST_TMP/local-secret.txt"
httpd_start "$SITE" || exit 1
redis_start || exit 1
P=$HTTPD_PORT
sql() { sqlite3 -batch -noheader "$DB" "$1"; }

# ---- 1. article links to internal addresses and local files ----
# name|link: each link must be refused without a request.
LINKS="localhost|http://localhost:$P/berita/ssrf-localhost.html
decimal|http://2130706433:$P/berita/ssrf-decimal.html
hex|http://0x7f000001:$P/berita/ssrf-hex.html
short|http://127.1:$P/berita/ssrf-short.html
v6-loopback|http://[::1]:$P/berita/ssrf-v6.html
v4-mapped|http://[::ffff:127.0.0.1]:$P/berita/ssrf-mapped.html
unspecified|http://0.0.0.0:$P/berita/ssrf-zero.html
metadata|http://169.254.169.254:$P/latest/meta-data/
private10|http://10.0.0.1:$P/berita/ssrf-10.html
multicast|http://224.0.0.1:$P/berita/ssrf-mcast.html
redirect|http://127.0.0.1:$P/redirect/302?to=http://[::1]:$P/berita/ssrf-redirect.html
file|file://$TEST_TMP/local-secret.txt
ftp|ftp://127.0.0.1:$P/local-secret.txt"
{
    echo '<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title><link>http://example.org/</link>'
    printf '%s\n' "$LINKS" | while IFS='|' read -r name link; do
        link=${link//&/&amp;}
        printf '<item><title>Link %s</title><link>%s</link><guid>%s</guid><description>Teks %s dari feed.</description></item>\n' \
            "$name" "$link" "$name" "$name"
    done
    echo '</channel></rss>'
} >"$SITE/hostile.xml"
STATE="$TEST_TMP/s1"; DB="$STATE/mw.db"; mkdir -p "$STATE"
cat >"$STATE/mw.conf" <<CONF
[daemon]
state_dir = $STATE
database = $DB
socket = $STATE/ctl.sock
redis = unix:$REDIS_SOCKET
allow_private_addresses = no
allow_file_urls = no
per_host_rate = 100
[feed hostile]
url = $HTTPD_URL/hostile.xml
CONF
: >"$HTTPD_LOG"
tap_ok "a run over the hostile feed finishes" "$MOUWATCHD" -c "$STATE/mw.conf" --once --workers 1 --once-timeout 60
n=$(printf '%s\n' "$LINKS" | wc -l)
tap_is "every entry is stored (with the feed's text)" "$n" "$(sql 'SELECT count(*) FROM articles')"
tap_is "no page of an internal address was fetched" 0 "$(sql "SELECT count(*) FROM articles WHERE page_state = 'fetched'")"
tap_is "the only request the server saw is the feed" "1 0" \
    "$(httpd_requests $'^GET\t/hostile.xml') $(httpd_requests $'^GET\t/(berita|latest|redirect|local)')"
for name in localhost decimal v6-loopback v4-mapped unspecified redirect; do
    tap_match "$name link refused, saying why" 'refused: address .* is (loopback|unspecified)' \
        "$(sql "SELECT page_error FROM articles WHERE entry_id = '$name'")"
done
tap_match "169.254.169.254 refused as link-local" 'link-local' "$(sql "SELECT page_error FROM articles WHERE entry_id = 'metadata'")"
tap_match "10.0.0.1 refused as private" 'private' "$(sql "SELECT page_error FROM articles WHERE entry_id = 'private10'")"
tap_match "224.0.0.1 refused as multicast" 'multicast' "$(sql "SELECT page_error FROM articles WHERE entry_id = 'multicast'")"
tap_is "file:// and ftp:// links are not fetched at all" "skipped skipped" \
    "$(sql "SELECT page_state FROM articles WHERE entry_id IN ('file','ftp') ORDER BY entry_id" | tr '\n' ' ' | sed 's/ $//')"
tap_is "the local file's content is nowhere in the database" 0 "$(grep -c MARKER-local-file "$DB" || true)"

# ---- 2. file:// feeds ----
STATE="$TEST_TMP/s2"; DB="$STATE/mw.db"; mkdir -p "$STATE"
printf '[daemon]\nstate_dir = %s\ndatabase = %s\nsocket = %s/c.sock\nredis = unix:%s\n[feed local]\nurl = file://%s\n' \
    "$STATE" "$DB" "$STATE" "$REDIS_SOCKET" "$SITE/rss.xml" >"$STATE/mw.conf"
out=$("$MOUWATCHD" -c "$STATE/mw.conf" --check-config 2>&1); rc=$?
tap_match "a file:// feed without allow_file_urls is refused, naming the key" '^[12] .*allow_file_urls' "$rc $out"
printf '[feed redirected]\nurl = %s/redirect/302?to=file://%s\n' "$HTTPD_URL" "$TEST_TMP/local-secret.txt" >"$STATE/mw2.conf"
sed '/^\[feed local\]/,$d' "$STATE/mw.conf" >"$STATE/mw3.conf"; cat "$STATE/mw2.conf" >>"$STATE/mw3.conf"
"$MOUWATCHD" -c "$STATE/mw3.conf" --once --workers 0 --once-timeout 10 >"$STATE/run.log" 2>&1
tap_match "a feed redirecting to file:// is refused" 'redirects are followed to http:// and https:// only|refused|scheme' \
    "$(sql "SELECT last_error FROM feeds WHERE name = 'redirected'") $(cat "$STATE/run.log")"
tap_is "and nothing was read from the file" 0 "$(grep -c MARKER-local-file "$DB" "$STATE/run.log" | awk -F: '{s += $2} END {print s}')"

# ---- 3. secrets and the control socket of a running daemon ----
smtpd_start || exit 1
chmod 755 "$TEST_TMP"
STATE="$TEST_TMP/s3"; DB="$STATE/mw.db"; mkdir -p "$STATE"; chmod 755 "$STATE"
printf '%s\n' "$PASSWORD" >"$TEST_TMP/smtp.secret"
group=$(getent group adm >/dev/null && echo adm || getent group daemon | cut -d: -f1)
cat >"$STATE/mw.conf" <<CONF
[daemon]
state_dir = $STATE
database = $DB
socket = $STATE/ctl.sock
socket_group = $group
redis = unix:$REDIS_SOCKET
allow_private_addresses = yes
per_host_rate = 100
log_level = debug
[feed demo]
url = $HTTPD_URL/rss.xml
[reminders]
retry_schedule = 1s
[channel hook]
type = webhook
url = $HTTPD_URL/hook/sec?status=500&times=1
secret = $SECRET
[channel mail]
type = email
smtp = $SMTPD_URL
username = mouwatch
password_file = $TEST_TMP/smtp.secret
from = mouwatch@example.org
to = intl@example.org
CONF
"$MOUWATCHD" -c "$STATE/mw.conf" --foreground --workers 1 >"$STATE/daemon.log" 2>&1 &
daemon=$!
at_exit "kill $daemon"
delivered() { [ "$(sql "SELECT count(*) FROM deliveries WHERE state = 'delivered'" 2>/dev/null)" -ge 4 ]; }
tap_ok "the daemon delivers reminders by webhook (after a 500) and e-mail" wait_for 90 delivered
tap_match "the SMTP password was used (AUTH)" "$PASSWORD" "$(cat "$SMTPD_DIR/auth" 2>/dev/null)"
tap_is "neither the webhook secret nor the SMTP password is in the debug log" 0 \
    "$(grep -c -e "${SECRET#whsec_}" -e "$PASSWORD" "$STATE/daemon.log" || true)"
tap_is "nor in the database" 0 "$(grep -c -a -e "${SECRET#whsec_}" -e "$PASSWORD" "$DB" || true)"
tap_is "the control socket has mode 0660 and group $group" "660 $group" "$(stat -c '%a %G' "$STATE/ctl.sock")"
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
    gid=$(getent group "$group" | cut -d: -f3)
    # SO_PEERCRED carries the primary gid, SO_PEERGROUPS the supplementary
    # ones (test_cli_groups.sh covers those).
    out=$(setpriv --reuid 65534 --regid "$gid" --clear-groups "$MOUWATCH" --socket "$STATE/ctl.sock" status 2>&1); rc=$?
    tap_match "another uid whose group is socket_group is served" '^0 mouwatchd ' "$rc $out"
    out=$(setpriv --reuid 65534 --regid 65534 --clear-groups "$MOUWATCH" --socket "$STATE/ctl.sock" status 2>&1); rc=$?
    tap_match "another uid outside it cannot even connect (file mode)" '^1 .*(ermission denied|forbidden)' "$rc $out"
else
    tap_skip "another uid in socket_group (needs root and setpriv)"
    tap_skip "another uid outside it (needs root and setpriv)"
fi

# ---- 3b. a refused reload quotes no secret (issue 12, item 2) ----
TOKEN=tok-5e1f0a9b77c3d2 RPASS=redis-Pa55-q8w7e6 BADSECRET=whsec_Zm9vYmFyYmF6-not-b64
sed -i "s|^redis = .*|redis = redis://:$RPASS@localhost:6379/zero|" "$STATE/mw.conf"
printf '[channel leaky]\ntype = webhook\nurl = https://hooks.example.org/in put?token=%s\nsecret = %s\n' \
    "$TOKEN" "$BADSECRET" >>"$STATE/mw.conf"
leaks() { grep -c -e "$TOKEN" -e "$RPASS" -e "${BADSECRET#whsec_}" || true; }
line() { grep -n "^$1 = " "$STATE/mw.conf" | tail -1 | cut -d: -f1; }
out=$("$MOUWATCH" --socket "$STATE/ctl.sock" reload 2>&1); rc=$?
tap_match "a reload with a bad webhook URL, secret and Redis URL is refused, naming each key and line" \
    "^[1-9] .*mw\.conf:$(line redis): redis: 'redis://\(removed\)@localhost:6379/zero' .*mw\.conf:$(line url): url: 'https://hooks\.example\.org/in put\?\(removed\)' .*mw\.conf:$(line secret): secret: the value \(not shown: a secret\) is not a webhook secret" \
    "$rc $(printf '%s' "$out" | tr '\n' ' ')"
tap_is "the bad_config reply quotes neither the token, nor the Redis password, nor the secret" 0 "$(printf '%s\n' "$out" | leaks)"
kill -HUP "$daemon"
refused_twice() { [ "$(grep -c 'reload refused' "$STATE/daemon.log")" -ge 2 ]; }
tap_ok "a SIGHUP reload is refused too" wait_for 30 refused_twice
tap_is "and the log quotes none of them" 0 "$(leaks <"$STATE/daemon.log")"
kill -TERM "$daemon"; wait "$daemon"

# ---- 4. no shell, no exec with data from a feed ----
src="$top_srcdir/daemon $top_srcdir/workers $top_srcdir/common"
# shellcheck disable=SC2086
tap_is "no system() or popen() in the programs" "" \
    "$(grep -rnE '\b(system|popen)[[:space:]]*\(' $src --include='*.c' | grep -v '^\s*\*' || true)"
# shellcheck disable=SC2086
tap_is "exec only in the supervisor and the embedded Redis (fixed argv)" "redis_embedded.c supervise.c" \
    "$(grep -rlE '\bexec(v|l|vp|lp|ve|le|vpe)[[:space:]]*\(' $src --include='*.c' | xargs -n1 basename | sort | tr '\n' ' ' | sed 's/ $//')"
tap_done
