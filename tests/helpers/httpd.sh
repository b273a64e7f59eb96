# tests/helpers/httpd.sh: runs mw-httpd, the local HTTP test server, for one
# test script (sourced by tests/lib.sh). URL conventions: README.md here.
#
#   httpd_start ROOT [MW-HTTPD OPTIONS...]
#         serves ROOT on 127.0.0.1, a port the kernel picks; sets
#         HTTPD_PORT, HTTPD_URL (http://127.0.0.1:PORT), HTTPD_LOG (the
#         request log), HTTPD_HOOKS (dir of hook bodies: N.body, N.headers)
#         and HTTPD_PID; stopped at exit.
#   httpd_stop             SIGTERM, wait for the exit
#   httpd_requests ERE     how many logged requests match ERE (grep -E)
#
# $MW_HTTPD_WRAPPER (e.g. "valgrind -q --error-exitcode=99") runs the server
# under a tool; $HTTPD_MAX_SECONDS (default 300) is its lifetime limit.

httpd_start() {
    _hs_root=$1; shift
    HTTPD_DIR=$(mktemp -d "$TEST_TMP/httpd.XXXXXX")
    HTTPD_LOG="$HTTPD_DIR/requests.log"
    HTTPD_HOOKS="$HTTPD_DIR/hooks"
    mkdir -p "$HTTPD_HOOKS"
    : >"$HTTPD_LOG"
    at_exit httpd_stop
    # shellcheck disable=SC2086
    ${MW_HTTPD_WRAPPER:-} "$MW_HTTPD" --root "$_hs_root" \
        --port-file "$HTTPD_DIR/port" --log "$HTTPD_LOG" \
        --hook-dir "$HTTPD_HOOKS" --max-seconds "${HTTPD_MAX_SECONDS:-300}" \
        "$@" </dev/null >/dev/null 2>"$HTTPD_DIR/stderr" &
    HTTPD_PID=$!
    disown "$HTTPD_PID"
    if ! wait_for 20 test -s "$HTTPD_DIR/port"; then
        echo "# httpd_start: $MW_HTTPD wrote no port within 20 s (built? 'make check' builds it); its stderr:" >&2
        sed 's/^/#   /' "$HTTPD_DIR/stderr" >&2
        return 1
    fi
    HTTPD_PORT=$(cat "$HTTPD_DIR/port")
    HTTPD_URL="http://127.0.0.1:$HTTPD_PORT"
}

httpd_stop() {
    _proc_end TERM "$HTTPD_PID"
    HTTPD_PID=
}

httpd_requests() {
    grep -cE -- "$1" "$HTTPD_LOG" || true
}
