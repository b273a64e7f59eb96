#!/bin/bash
# fault_redis_flushed.sh: Redis loses data while the daemon stays connected.
# First FLUSHALL (the marker key goes too: the daemon must notice within
# seconds although its connection never dropped), then only the stream
# key is deleted (what eviction of that key, or a failover to a replica
# that lagged, does: the marker stays; the workers find the consumer group
# gone and ask the daemon for a stream check). Both times the stream held
# messages no worker had read (the workers were frozen). Every article
# must be handled in the end; before the stream check, the lost ones
# stayed 'queued' for ever.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/faults/lib.sh"
QUEUE_GROUP=workers   # common/queue.h
STREAM=mouwatch:articles
tap_plan $((FAULT_CHECKS + 6))

redis_start || exit 1
fault_setup 10 32 8 || exit 1
FAULT_INTERVAL=1s fault_config "$TEST_TMP/mw.conf"
fault_start 2
handled() { [ "$(sql "SELECT count(*) FROM articles WHERE state IN ('extracted','no_agreement')")" -ge "$1" ]; }
unread() {
    echo $(( $(redis_cli XLEN $STREAM) - $(redis_cli XPENDING $STREAM "$QUEUE_GROUP" 2>/dev/null | head -n 1) ))
}
# lose SHOWN COMMAND...: freeze the workers, let the feeds list SHOWN items,
# run the Redis COMMAND once the stream holds unread messages, thaw.
lose() {
    shown=$1; shift
    for w in $(fault_workers); do kill -STOP "$w"; done
    fault_show "$shown"
    wait_for 60 eval '[ "$(unread)" -ge 10 ]' ||
        { echo "Bail out! no unread messages in the stream within 60 s"; exit 1; }
    echo "# the stream holds $(unread) unread messages; redis-cli $*"
    redis_cli "$@" >/dev/null
    for w in $(fault_workers); do kill -CONT "$w"; done
}

wait_for 60 handled 80
lose 16 FLUSHALL
tap_ok "every article shown so far is handled after FLUSHALL" wait_for 60 handled 160
tap_match "the daemon noticed while connected" 'Redis lost its data while connected' "$(cat "$STATE/daemon.log")"
tap_match "and queued the lost articles again" 'Redis has no record of [0-9]+ queued article' "$(cat "$STATE/daemon.log")"
lose 24 DEL $STREAM
fault_show 32
tap_ok "everything settles after the stream key was deleted" fault_wait_settled 90
tap_match "a worker found the group gone" 'consumer group vanished' "$(cat "$STATE/daemon.log")"
tap_match "the stream check queued the lost articles again" \
    '[0-9]+ queued article\(s\) were no longer in the Redis stream' "$(cat "$STATE/daemon.log")"
grep -E 'no longer in the Redis stream|Redis has no record|lost its data while' "$STATE/daemon.log" | sed 's/.*\] /# daemon: /'
echo "# articles still queued: $(sql "SELECT count(*) FROM articles WHERE state = 'queued'")"
fault_stop
fault_checks
tap_done
