# tests/faults/lib.sh: the shared part of the fault scenarios (sourced after
# tests/lib.sh). One scenario = a generated site of a few hundred articles
# (gen-site.py) served by mw-httpd, a webhook receiver (receiver.py)
# and an SMTP sink (mw-smtpd), a real redis-server (external, or the
# daemon's embedded one), mouwatchd with supervised workers and SQLite;
# something is broken while it runs, and check.py then verifies the
# invariants (see docs/reliability.md).
#
#   fault_setup FEEDS ENTRIES [SHOWN]  site + httpd + smtpd; sets SITE,
#                                EXPECTED; the feeds list SHOWN items each
#   fault_show N                 the feeds now list their first N items (a
#                                live site; polled every FAULT_INTERVAL)
#   receiver_start / receiver_stop / receiver_do BEHAVIOUR
#                                the webhook receiver (receiver.py): RECV_URL,
#                                RECV_LOG; receiver_do writes its control
#                                file ("500", "sleep 5", "200"); a stopped
#                                receiver comes back on the same port
#   fault_config FILE [REDIS]    writes the config (REDIS: "" = embedded,
#                                default: the external redis_start one);
#                                sets CONF, STATE, DB; FAULT_DATA_DIR puts
#                                state_dir and the database there (the log
#                                and the control socket stay in STATE);
#                                extra lines may be
#                                appended to [daemon] by FAULT_DAEMON_EXTRA,
#                                to [channel hook] by FAULT_HOOK_EXTRA;
#                                FAULT_CHANNELS adds channel sections
#   fault_start [WORKERS]        mouwatchd --foreground --workers N in the
#                                background (DAEMON_PID, log $STATE/daemon.log)
#   fault_stop                   SIGTERM to mouwatchd and wait
#   fault_wait_settled SECONDS   until every article is handled and every
#                                due reminder delivered or failed
#   fault_checks [--allow-failed]  the invariants as TAP lines (FAULT_CHECKS of them)
#   sql QUERY                    sqlite3 on $DB
FAULTS_DIR="$top_srcdir/tests/faults"
FAULT_CHECKS=8
SECRET=whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
SMTP_PASSWORD=fault-Pa55word-not-for-logs
export MOUWATCH_REDIS_SERVER="${REDIS_SERVER:-redis-server}"

sql() { sqlite3 -batch -noheader -cmd '.timeout 20000' "$DB" "$1"; }

fault_setup() {
    SITE="$TEST_TMP/site"
    FAULT_FEEDS=$1 FAULT_ENTRIES=$2
    EXPECTED=$(( $1 * $2 ))
    fault_show "${3:-$2}" || return 1
    printf '%s\n' "$SMTP_PASSWORD" >"$TEST_TMP/smtp.secret"
    httpd_start "$SITE" || return 1
    smtpd_start "${FAULT_SMTPD_OPTS[@]}" || return 1
    receiver_start || return 1
}

receiver_start() {
    RECV_DIR="$TEST_TMP/receiver"
    RECV_LOG="$RECV_DIR/requests.log"
    mkdir -p "$RECV_DIR"
    touch "$RECV_LOG"
    if [ -n "${RECV_PORT:-}" ]; then _rp=(--port "$RECV_PORT"); else _rp=(--port-file "$RECV_DIR/port"); fi
    python3 "$FAULTS_DIR/receiver.py" --log "$RECV_LOG" --control "$RECV_DIR/control" "${_rp[@]}" \
        </dev/null >/dev/null 2>>"$RECV_DIR/stderr" &
    RECV_PID=$!
    disown "$RECV_PID"
    at_exit "kill $RECV_PID"
    if [ -z "${RECV_PORT:-}" ]; then
        wait_for 20 test -s "$RECV_DIR/port" || { echo "# receiver.py wrote no port:" >&2; cat "$RECV_DIR/stderr" >&2; return 1; }
        RECV_PORT=$(cat "$RECV_DIR/port")
    fi
    RECV_URL="http://127.0.0.1:$RECV_PORT"
    wait_for 20 eval "(exec 3<>/dev/tcp/127.0.0.1/$RECV_PORT) 2>/dev/null"
}

receiver_stop() { _proc_end TERM "$RECV_PID"; RECV_PID=; }

receiver_do() { printf '%s\n' "$*" >"$RECV_DIR/control"; }

# receiver_posts: how many POSTs the receiver has seen.
receiver_posts() { grep -c '^POST' "$RECV_LOG" || true; }

fault_show() {
    python3 "$FAULTS_DIR/gen-site.py" "$top_srcdir/config/demo/site" "$SITE" \
        "$FAULT_FEEDS" "$FAULT_ENTRIES" "$1"
}

fault_config() {
    CONF=$1
    STATE="$TEST_TMP/state"
    _data=${FAULT_DATA_DIR:-$STATE}
    DB="$_data/mouwatch.db"
    mkdir -p "$STATE" "$_data"
    _redis=${2-unix:$REDIS_SOCKET}
    {
        printf '[daemon]\nstate_dir = %s\ndatabase = %s\nsocket = %s/ctl.sock\n' "$_data" "$DB" "$STATE"
        printf 'redis = %s\nallow_private_addresses = yes\nper_host_rate = %s\n' "$_redis" "${FAULT_RATE:-1000}"
        printf 'max_per_host = 16\ninterval_floor = 1s\nlog_level = info\n'
        printf '%s\n' "${FAULT_DAEMON_EXTRA:-}"
        printf '[reminders]\nlead_days = 90,30,7\nretry_schedule = 1s\n'
        printf 'give_up_after = %s\ncheck_interval = 1s\n' "${FAULT_GIVE_UP:-10m}"
        printf '[channel hook]\ntype = webhook\nurl = %s/hook/%s\nsecret = %s\ntimeout = 3s\n' \
            "$RECV_URL" "${FAULT_HOOK_PATH:-all}" "$SECRET"
        printf '%s\n' "${FAULT_HOOK_EXTRA:-}"
        printf '[channel mail]\ntype = email\nsmtp = %s\nusername = mouwatch\n' "$SMTPD_URL"
        printf 'password_file = %s\nfrom = mouwatch@example.org\nto = intl@example.org\ntimeout = 3s\n' \
            "$TEST_TMP/smtp.secret"
        printf '%s\n' "${FAULT_CHANNELS:-}"
        for _f in $(seq 0 $((FAULT_FEEDS - 1))); do
            printf '[feed f%d]\nurl = %s/feeds/f%d.xml\ninterval = %s\nlanguage = id\n' "$_f" "$HTTPD_URL" "$_f" \
                "${FAULT_INTERVAL:-1h}"
        done
    } >"$CONF"
}

fault_start() {
    ${MOUWATCHD_WRAPPER:-} "$MOUWATCHD" -c "$CONF" --foreground --workers "${1:-2}" \
        >>"$STATE/daemon.log" 2>&1 &
    DAEMON_PID=$!
    at_exit "kill -KILL $DAEMON_PID"
}

fault_stop() {
    kill -TERM "$DAEMON_PID" 2>/dev/null
    wait "$DAEMON_PID" 2>/dev/null
}

# The pids of the running workers of this scenario's daemon.
fault_workers() { pgrep -f -- "mouwatch-worker -c $CONF" || true; }

_fault_settled() {
    [ "$(sql "SELECT (SELECT count(*) FROM articles WHERE state IN ('extracted','no_agreement','failed'))
        || ' ' || (SELECT count(*) FROM reminders WHERE state = 'pending' AND due_at <= strftime('%s','now'))
        || ' ' || (SELECT count(*) FROM deliveries WHERE state IN ('pending','sending'))" 2>/dev/null)" \
        = "$EXPECTED 0 0" ]
}

fault_wait_settled() {
    wait_for "$1" _fault_settled
}

# fault_checks [--allow-failed]: runs check.py; each line it prints is one
# TAP result.
fault_checks() {
    python3 "$FAULTS_DIR/check.py" --db "$DB" --manifest "$SITE/manifest.tsv" \
        --hook-log "$RECV_LOG" --smtp-dir "$SMTPD_DIR" --leads 90,30,7 "$@" \
        >"$TEST_TMP/checks" 2>&1
    while IFS= read -r line; do
        case $line in
        "ok "*) _tap_result 0 "${line#ok }" ;;
        "not ok "*) _tap_result 1 "${line#not ok }" ;;
        *) echo "# $line" ;;
        esac
    done <"$TEST_TMP/checks"
}

# fault_no_secrets: neither the webhook secret nor the SMTP password in the log.
fault_no_secrets() {
    ! grep -q -e "${SECRET#whsec_}" -e "$SMTP_PASSWORD" "$STATE/daemon.log"
}
