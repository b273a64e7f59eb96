#!/bin/bash
# fault_redis_aof_tail.sh: an external redis-server with Redis' default
# append-only policy (appendfsync everysec) loses its last writes in a
# crash: the marker key and the consumer group survive, the newest stream
# entries do not. The test SIGKILLs redis-server and cuts its append-only
# file back to what it was before the last articles were queued (what a
# power cut or a kernel crash does to the second everysec has not synced
# yet), then starts it again from that file. The daemon reconnects, finds
# the marker and the group, and must still queue the lost articles again
# (the stream check); before it, they stayed 'queued' for ever.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/faults/lib.sh"
QUEUE_GROUP=workers   # common/queue.h
STREAM=mouwatch:articles
tap_plan $((FAULT_CHECKS + 5))

redis_start --aof-everysec || exit 1
fault_setup 10 32 8 || exit 1
FAULT_INTERVAL=1s fault_config "$TEST_TMP/mw.conf"
fault_start 2
handled() { [ "$(sql "SELECT count(*) FROM articles WHERE state IN ('extracted','no_agreement')")" -ge "$1" ]; }
unread() {
    echo $(( $(redis_cli XLEN $STREAM) - $(redis_cli XPENDING $STREAM "$QUEUE_GROUP" | head -n 1) ))
}
wait_for 60 handled 80
sleep 2   # the workers' last XACK/XDEL are written
aof=$(ls "$REDIS_DIR"/appendonlydir/*.incr.aof)
cut=$(stat -c %s "$aof")
for w in $(fault_workers); do kill -STOP "$w"; done
fault_show 16
wait_for 60 eval '[ "$(unread)" -ge 10 ]' ||
    { echo "Bail out! no unread messages in the stream within 60 s"; exit 1; }
sleep 1
echo "# the stream holds $(unread) unread messages; cutting $(( $(stat -c %s "$aof") - cut )) bytes off the AOF"
redis_kill
truncate -s "$cut" "$aof"
redis_restart || exit 1
tap_is "the marker key survived" 1 "$(redis_cli EXISTS $STREAM:outbox)"
tap_ok "the consumer group survived" eval "redis_cli XINFO GROUPS $STREAM | grep -qx $QUEUE_GROUP"
for w in $(fault_workers); do kill -CONT "$w"; done
fault_show 32
tap_ok "everything settles after Redis is back" fault_wait_settled 90
tap_match "the daemon reconnected" 'connected to Redis at' "$(cat "$STATE/daemon.log")"
tap_match "the stream check queued the lost articles again" \
    '[0-9]+ queued article\(s\) were no longer in the Redis stream' "$(cat "$STATE/daemon.log")"
grep -E 'no longer in the Redis stream|Redis has no record|lost its data while' "$STATE/daemon.log" | sed 's/.*\] /# daemon: /'
echo "# articles still queued: $(sql "SELECT count(*) FROM articles WHERE state = 'queued'")"
fault_stop
fault_checks
tap_done
