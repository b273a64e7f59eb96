# tests/helpers/redis.sh: a real, private redis-server for one test script
# (sourced by tests/lib.sh). It listens only on a Unix socket in a temp dir
# under $TEST_TMP (port 0: no TCP), keeps no data on disk unless asked, and
# is stopped at exit.
#
#   redis_start [--aof|--aof-everysec]
#                         start; sets REDIS_SOCKET, REDIS_DIR, REDIS_PID
#                         (--aof: append-only file, fsync always, so data
#                         survives redis_kill + redis_restart;
#                         --aof-everysec: Redis' default fsync policy)
#   redis_cli ARGS...     redis-cli on that socket
#   redis_stop            SIGTERM, wait for the exit
#   redis_kill            SIGKILL (a crash), wait for the exit
#   redis_restart         start again on the same socket and data dir
#
# $REDIS_SERVER (default redis-server) and $REDIS_CLI (default redis-cli)
# choose the binaries. Process helpers: proc.sh.

redis_cli() {
    "${REDIS_CLI:-redis-cli}" -s "$REDIS_SOCKET" "$@"
}

_redis_ping() {
    [ "$(redis_cli PING 2>/dev/null)" = PONG ]
}

# Starts redis-server with the settings chosen by redis_start.
_redis_launch() {
    "${REDIS_SERVER:-redis-server}" --port 0 \
        --unixsocket "$REDIS_SOCKET" --unixsocketperm 700 \
        --dir "$REDIS_DIR" --save "" \
        --appendonly "$REDIS_AOF" --appendfsync "$REDIS_FSYNC" \
        --logfile "$REDIS_DIR/redis.log" --daemonize no \
        </dev/null >/dev/null 2>&1 &
    REDIS_PID=$!
    disown "$REDIS_PID"   # no "Killed" notice from bash after redis_kill
    if ! wait_for 10 _redis_ping; then
        echo "# redis_start: redis-server did not answer PING on $REDIS_SOCKET within 10 s; its log:" >&2
        sed 's/^/#   /' "$REDIS_DIR/redis.log" >&2 2>/dev/null
        return 1
    fi
}

redis_start() {
    REDIS_AOF=no REDIS_FSYNC=always
    case ${1:-} in
    --aof) REDIS_AOF=yes ;;
    --aof-everysec) REDIS_AOF=yes REDIS_FSYNC=everysec ;;
    esac
    REDIS_DIR=$(mktemp -d "$TEST_TMP/redis.XXXXXX")
    # A Unix socket path must fit in 108 bytes: keep the name short.
    REDIS_SOCKET="$REDIS_DIR/s"
    at_exit redis_stop
    _redis_launch
}

redis_stop() {
    _proc_end TERM "$REDIS_PID"
    REDIS_PID=
}

redis_kill() {
    _proc_end KILL "$REDIS_PID"
    REDIS_PID=
}

redis_restart() {
    redis_stop
    _redis_launch
}
