# tests/helpers/smtpd.sh: runs mw-smtpd, the SMTP sink, for one test script
# (sourced by tests/lib.sh).
#
#   smtpd_start [MW-SMTPD OPTIONS...]   (--fail-first N, --reject, --tls-cert PEM
#         --tls-key PEM [--implicit-tls]: STARTTLS or smtps)
#         listens on 127.0.0.1, a port the kernel picks; sets SMTPD_PORT,
#         SMTPD_URL (smtp://127.0.0.1:PORT), SMTPD_DIR (N.eml per accepted
#         message, dialogue.log, auth) and SMTPD_PID; stopped at exit.
#   smtpd_stop             SIGTERM, wait for the exit
#   smtpd_messages         how many messages were accepted
MW_SMTPD="$top_builddir/tests/helpers/mw-smtpd"

smtpd_start() {
    SMTPD_DIR=$(mktemp -d "$TEST_TMP/smtpd.XXXXXX")
    at_exit smtpd_stop
    ${MW_SMTPD_WRAPPER:-} "$MW_SMTPD" --dir "$SMTPD_DIR" --port-file "$SMTPD_DIR/port" \
        --max-seconds "${SMTPD_MAX_SECONDS:-300}" "$@" </dev/null >/dev/null 2>"$SMTPD_DIR/stderr" &
    SMTPD_PID=$!
    if ! wait_for 20 test -s "$SMTPD_DIR/port"; then
        echo "# smtpd_start: $MW_SMTPD wrote no port within 20 s (built? 'make check' builds it); its stderr:" >&2
        sed 's/^/#   /' "$SMTPD_DIR/stderr" >&2
        return 1
    fi
    SMTPD_PORT=$(cat "$SMTPD_DIR/port")
    SMTPD_URL="smtp://127.0.0.1:$SMTPD_PORT"
}

smtpd_stop() {
    _proc_end TERM "$SMTPD_PID"
    SMTPD_PID=
}

smtpd_messages() {
    find "$SMTPD_DIR" -maxdepth 1 -name '*.eml' | wc -l
}
