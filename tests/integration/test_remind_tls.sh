#!/bin/bash
# test_remind_tls.sh: e-mail reminders over TLS to the real SMTP sink
# (mw-smtpd with OpenSSL) with a self-signed certificate made here by
# 'openssl req': STARTTLS (smtp://, used because the server offers it) and
# implicit TLS (smtps://). libcurl verifies the server's certificate: not
# trusted, the attempt fails with a clear error and is retried, nothing is
# sent in clear; trusted through the channel's ca_file, it is delivered.
# MOUWATCHD_WRAPPER="valgrind -q --error-exitcode=99" runs mouwatchd under a tool.
. "${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}/tests/lib.sh"

SEED="$top_builddir/tests/remind/mw-remind-seed"
PY="$top_srcdir/tests/remind"
RFIX="$FIXTURES/remind"
PASSWORD=tls-Pa55word-for-test
export MOUWATCH_REDIS_SERVER="${REDIS_SERVER:-redis-server}"

tap_plan 13

if ! command -v openssl >/dev/null; then
    for i in $(seq 13); do tap_skip "openssl (the command) is not installed"; done
    exit 0
fi
CERT=$TEST_TMP/cert.pem KEY=$TEST_TMP/key.pem
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
    -addext subjectAltName=IP:127.0.0.1 -keyout "$KEY" -out "$CERT" >/dev/null 2>&1 ||
    { echo "Bail out! openssl req could not make a certificate"; exit 1; }
printf '%s\n' "$PASSWORD" >"$TEST_TMP/smtp.secret"

# conf DIR URL [CA_FILE]
conf() {
    mkdir -p "$1"
    cat >"$1/mouwatch.conf" <<EOF2
[daemon]
state_dir = $1
database = $1/mw.db
socket = $1/mw.sock

[reminders]
lead_days = 90,30,7
retry_schedule = 1s, 1h
give_up_after = 2h
check_interval = 1m

[channel mail]
type = email
smtp = $2
username = mouwatch
password_file = $TEST_TMP/smtp.secret
from = mouwatch@example.org
to = intl@example.org
${3:+ca_file = $3}
EOF2
}
run() {
    ${MOUWATCHD_WRAPPER:-} "$MOUWATCHD" -c "$1/mouwatch.conf" --once --once-timeout 30 >>"$1/run.log" 2>&1
}
sql() { sqlite3 "$1/mw.db" "$2"; }

# ---- STARTTLS, certificate not trusted, then trusted ----
smtpd_start --tls-cert "$CERT" --tls-key "$KEY" || exit 1
S=$TEST_TMP/starttls
conf "$S" "$SMTPD_URL"
"$SEED" "$S/mw.db" "$RFIX/training_my.json" https://berita.example.my/b/1 >/dev/null
run "$S"
tap_is "untrusted certificate: nothing delivered, the delivery waits for a retry" "0|pending|2" \
    "$(smtpd_messages)|$(sql "$S" "SELECT state, attempts FROM deliveries")"
tap_match "untrusted certificate: a clear error in every attempt" \
    '^(SMTP: SSL certificate problem: self[- ]signed certificate\|){2}$' \
    "$(sql "$S" "SELECT error FROM delivery_attempts ORDER BY id" | tr '\n' '|')"
tap_match "untrusted certificate: the STARTTLS offer was taken, then no AUTH and no MAIL in clear" \
    'C: STARTTLS S: 220 [^C]*$' "$(tr '\n' ' ' <"$SMTPD_DIR/dialogue.log")"
tap_ok "the password never reached the untrusted server" test ! -e "$SMTPD_DIR/auth"
tap_match "the failure is logged with the next attempt" 'delivery 1 to channel mail: SMTP: SSL certificate problem.*next attempt in' \
    "$(cat "$S/run.log")"

conf "$S" "$SMTPD_URL" "$CERT"
sql "$S" "UPDATE deliveries SET next_attempt_at = strftime('%s','now')"    # as if the hour had passed
run "$S"
tap_is "ca_file trusts it: delivered on the 3rd attempt" "1|delivered|3" \
    "$(smtpd_messages)|$(sql "$S" "SELECT state, attempts FROM deliveries")"
# The sink logs the end of the handshake from an event callback, so under
# load its "-- tls" line may land just after the client's next EHLO.
tap_match "the dialogue: STARTTLS, a TLS handshake, EHLO again, AUTH, MAIL" \
    'C: STARTTLS S: 220 [^C]*(-- tls C: EHLO|C: EHLO [^C]*-- tls ).*C: AUTH PLAIN \(user mouwatch\).*C: MAIL FROM:<mouwatch@example.org>' \
    "$(sed -n '/-- tls$/,$p;/C: STARTTLS/,/-- tls$/p' "$SMTPD_DIR/dialogue.log" | tr '\n' ' ')"
tap_is "SMTP AUTH over TLS carried the password" "mouwatch $PASSWORD" "$(tr '\n' ' ' <"$SMTPD_DIR/auth" | sed 's/ $//')"
tap_match "the message came through whole" 'subject: .+' "$(python3 "$PY/check_mail.py" "$SMTPD_DIR"/1.eml)"
smtpd_stop

# ---- implicit TLS (smtps://) ----
smtpd_start --tls-cert "$CERT" --tls-key "$KEY" --implicit-tls || exit 1
I=$TEST_TMP/smtps
conf "$I" "smtps://127.0.0.1:$SMTPD_PORT"
"$SEED" "$I/mw.db" "$RFIX/training_my.json" https://berita.example.my/b/2 >/dev/null
run "$I"
tap_is "smtps:// untrusted: refused, nothing delivered" "0|pending" \
    "$(smtpd_messages)|$(sql "$I" "SELECT state FROM deliveries")"
tap_match "smtps:// untrusted: the certificate error" 'SSL certificate problem' \
    "$(sql "$I" "SELECT error FROM delivery_attempts ORDER BY id LIMIT 1")"
conf "$I" "smtps://127.0.0.1:$SMTPD_PORT" "$CERT"
sql "$I" "UPDATE deliveries SET next_attempt_at = strftime('%s','now')"
run "$I"
tap_is "smtps:// with ca_file: delivered" "1|delivered" \
    "$(smtpd_messages)|$(sql "$I" "SELECT state FROM deliveries")"
tap_is "smtps://: TLS from the first byte: a handshake before the first command, no STARTTLS" "-- tls|0" \
    "$(awk '/^C:/ { print prev; exit } { prev = $0 }' "$SMTPD_DIR/dialogue.log")|$(grep -c STARTTLS "$SMTPD_DIR/dialogue.log")"
tap_done
