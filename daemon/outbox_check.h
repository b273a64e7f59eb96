/* outbox_check.h: the stream check. An article SQLite says is in the Redis
 * stream (state queued, enqueued_at set) must still have its entry there;
 * Redis can lose entries while the daemon's connection stays up (FLUSHALL,
 * eviction, a failover behind a proxy) or in a crash (the last second of
 * an append-only file with appendfsync everysec). A pass asks Redis, in
 * batches pipelined on the outbox's connection, which entries of the
 * articles queued more than a grace period ago are still there, and queues
 * again those that are not (a duplicate is harmless: the store is
 * idempotent). Passes run every minute, at once after every (re)connect
 * and when a worker reports the consumer group gone. Rules:
 * docs/outbox.md. */
#ifndef MW_OUTBOX_CHECK_H
#define MW_OUTBOX_CHECK_H

#include <hiredis/async.h>

struct daemon;
struct outbox_check;

struct outbox_check *outbox_check_new(struct daemon *d);
/* Call after the connection the passes use is freed: its callbacks still
 * come back (with no reply) while it is freed. */
void outbox_check_free(struct outbox_check *c);
/* Once a second while the outbox is connected and its group is ready:
 * starts a pass on ac when one is due. */
void outbox_check_tick(struct outbox_check *c, redisAsyncContext *ac);
/* A pass at the next tick, and one more when the grace period is over (for
 * what was too recent to judge now); why is a static string for the log. */
void outbox_check_soon(struct outbox_check *c, const char *why);

#endif
