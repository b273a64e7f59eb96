/* outbox.h: moves articles from SQLite into the Redis stream, with hiredis'
 * async API on the daemon's libevent loop. XADDs go out pipelined in
 * batches; their stream ids are written back in one transaction. When Redis
 * is down the articles simply wait in SQLite, and a reconnect is tried with
 * back-off; when Redis comes back without its data (the consumer group had
 * to be created again), every article still waiting for a worker is queued
 * again; entries Redis loses while connected (FLUSHALL, eviction, a lost
 * AOF tail) are found by the marker check once a second and by the stream
 * check (outbox_check.h). Rules: docs/outbox.md. */
#ifndef MW_OUTBOX_H
#define MW_OUTBOX_H

#include <stdbool.h>
#include <stddef.h>

struct daemon;
struct outbox;

struct outbox *outbox_new(struct daemon *d);
void outbox_free(struct outbox *o);
/* New work may be waiting: flush soon (from the loop, not now). */
void outbox_kick(struct outbox *o);
bool outbox_connected(const struct outbox *o);
/* XADDs sent and not answered yet. */
size_t outbox_in_flight(const struct outbox *o);
/* Messages in the stream (the workers' backlog) when last looked at. */
long long outbox_backlog(const struct outbox *o);

/* Asks Redis how many consumers of the workers' group read the stream in
 * the last within_ms; cb gets that count, or -1 when Redis did not answer
 * (0 when the group does not exist). */
typedef void (*outbox_readers_cb)(long long n, void *arg);
void outbox_count_readers(struct outbox *o, long long within_ms, outbox_readers_cb cb, void *arg);

#endif
