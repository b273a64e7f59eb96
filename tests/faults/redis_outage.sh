# tests/faults/redis_outage.sh: the body of the Redis scenarios, sourced by
# fault_redis_*.sh with REDIS_MODE set:
#   external   a redis-server with AOF, SIGKILLed, down 10 s, restarted
#   embedded   the daemon's own redis-server SIGKILLed; the daemon starts
#              it again (after the 10 s the test waits anyway)
#   lost       a redis-server without persistence SIGKILLed while the
#              stream holds unread messages (the workers are frozen), restarted
#              empty 10 s later: the outbox must queue them again
# Articles keep arriving in the feeds during the outage.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/faults/lib.sh"
QUEUE_GROUP=workers   # common/queue.h
tap_plan $((FAULT_CHECKS + 5))

case $REDIS_MODE in
external) redis_start --aof || exit 1; target="unix:$REDIS_SOCKET" ;;
lost) redis_start || exit 1; target="unix:$REDIS_SOCKET" ;;
embedded) target="" ;;
esac
fault_setup 10 32 8 || exit 1
FAULT_INTERVAL=1s fault_config "$TEST_TMP/mw.conf" "$target"
fault_start 2

redis_pid() {
    if [ "$REDIS_MODE" = embedded ]; then
        sed -n 's/.*embedded redis-server started (pid \([0-9]*\).*/\1/p' "$STATE/daemon.log" | tail -n 1
    else echo "$REDIS_PID"; fi
}
handled() { [ "$(sql "SELECT count(*) FROM articles WHERE state IN ('extracted','no_agreement')")" -ge "$1" ]; }
wait_for 60 handled 40
if [ "$REDIS_MODE" = lost ]; then
    for w in $(fault_workers); do kill -STOP "$w"; done
    fault_show 16
    # A frozen worker may still be handed a batch it will read when it
    # thaws; what matters is work no consumer has been given yet.
    unread() {
        echo $(( $(redis_cli XLEN mouwatch:articles) - $(redis_cli XPENDING mouwatch:articles "$QUEUE_GROUP" | head -n 1) ))
    }
    wait_for 60 eval '[ "$(unread)" -ge 10 ]' ||
        { echo "Bail out! no unread messages in the stream within 60 s"; exit 1; }
    echo "# the stream holds $(unread) unread messages when Redis dies"
fi
pid=$(redis_pid)
tap_ok "redis-server is running (pid $pid)" test -n "$pid"
kill -KILL "$pid"
down_at=$(date +%s)
fault_show 24
sleep 5
fault_show 32
[ "$REDIS_MODE" = lost ] && for w in $(fault_workers); do kill -CONT "$w"; done
sleep $(( 10 - ($(date +%s) - down_at) ))
case $REDIS_MODE in
external) redis_restart || exit 1 ;;
lost) redis_kill; redis_restart || exit 1 ;;
esac
tap_ok "everything settles after Redis is back" fault_wait_settled 180
log=$(cat "$STATE/daemon.log")
tap_match "the outage was logged" 'Redis at .* is unreachable|lost the connection to Redis|connection to Redis' "$log"
case $REDIS_MODE in
lost) tap_match "the lost messages were queued again" 'Redis has no record of [0-9]+ queued article' "$log" ;;
embedded) tap_match "the daemon restarted its redis-server" 'redis-server.*(restart|start)' "$(grep -i 'redis' "$STATE/daemon.log" | tail -20)" ;;
*) tap_match "the daemon reconnected" 'connected to Redis at .* again|Redis .* back' "$log" ;;
esac
fault_stop
fault_checks
tap_ok "no secret in the log" fault_no_secrets
tap_done
