# tests/integration/test_cli_env.sh: sourced (after tests/lib.sh) by the
# operator-interface tests: a real mouwatchd with one worker over the demo
# site served by mw-httpd and a private redis-server, and helpers to talk
# to it. Not a test by itself.
#
#   ops_write_config FILE [EXTRA FEED SECTIONS...]
#   ops_start_daemon CONFIG     starts it, waits for the socket; sets DAEMON_PID
#   ops_stop_daemon             SIGTERM, wait
#   ops_wait_agreements N       until 'status' counts N agreements
#   mw ARGS...                  mouwatch -c $OPS_CONF ARGS...
#   jq_py EXPR                  evaluates a Python expression on JSON stdin (j)

OPS_SITE="$top_srcdir/config/demo/site"
OPS_STATE="$TEST_TMP/state"
OPS_SOCK="$OPS_STATE/mouwatchd.sock"

ops_write_config() {
    _f=$1; shift
    cat >"$_f" <<CONF
[daemon]
state_dir = $OPS_STATE
socket = $OPS_SOCK
socket_group =
redis = unix:$REDIS_SOCKET
allow_private_addresses = yes
log_level = info
article_fetch = yes

[feed demo-rss]
url = $HTTPD_URL/rss.xml
interval = 15m
language = id

[feed demo-atom]
url = $HTTPD_URL/atom.xml
interval = 15m
language = id
CONF
    for _extra in "$@"; do printf '\n%s\n' "$_extra" >>"$_f"; done
    printf '\n[reminders]\nlead_days = 90,30,7\ntimezone = Asia/Jakarta\n' >>"$_f"
}

ops_start_daemon() {
    mkdir -p "$OPS_STATE"
    ${OPS_DAEMON_WRAPPER:-} "$MOUWATCHD" -c "$1" --workers 1 </dev/null \
        >>"$TEST_TMP/daemon.log" 2>&1 &
    DAEMON_PID=$!
    at_exit "kill $DAEMON_PID"
    wait_for 30 test -S "$OPS_SOCK"
}

ops_stop_daemon() {
    kill -TERM "$DAEMON_PID" 2>/dev/null
    wait "$DAEMON_PID" 2>/dev/null
}

mw() { "$MOUWATCH" -c "$OPS_CONF" "$@"; }

jq_py() { python3 -c "import json,sys; j=json.load(sys.stdin); print($1)"; }

_ops_agreements() { [ "$(mw --json status | jq_py 'j["store"]["agreements"]')" -ge "$1" ]; }
ops_wait_agreements() { wait_for 60 _ops_agreements "$1"; }
