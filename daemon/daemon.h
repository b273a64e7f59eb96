/* daemon.h: the state of one mouwatchd process, shared by its parts:
 * poll_* (feeds), article_fetch (pages), outbox (Redis), supervise
 * (workers), once (the --once run). Created and freed by mouwatchd.c.
 * Everything that must survive a restart or be shared with other
 * processes is in SQLite or Redis; what is here is a cache of it or
 * bookkeeping of work in flight. */
#ifndef MW_DAEMON_H
#define MW_DAEMON_H

#include "db.h"
#include "fetch.h"
#include "mwconfig.h"
#include "redis_conn.h"
#include "redis_embedded.h"
#include "supervise.h"

#include <event2/event.h>
#include <stdbool.h>
#include <stdint.h>
#include <time.h>

struct poller;
struct outbox;
struct remind;

/* Counters since start, for the --once summary and `mouwatch status`. */
struct daemon_counters {
	uint64_t polls, polls_ok, polls_not_modified, polls_failed;
	uint64_t entries_seen, articles_new, articles_known, article_pages, article_page_errors;
	uint64_t enqueued, enqueue_errors;
};

struct daemon {
	const char *config_path;       /* as given */
	struct mw_config *cfg;         /* owned */
	/* Counts the configurations this daemon has run with (1 at start,
	 * +1 at every reload that took effect): passes that must redo work
	 * for a new configuration compare it, not the pointer, which a
	 * later configuration may reuse once the old one is freed. */
	uint64_t cfg_generation;
	struct event_base *base;       /* owned */
	struct db *db;                 /* owned, read-write */
	struct redis_embedded redis_emb;
	bool redis_is_embedded;
	struct redis_target redis;     /* strings borrowed from cfg / redis_path */
	char *redis_path;              /* owned, embedded socket path or NULL */
	struct fetch_engine *fetch;    /* owned */
	struct poller *poller;         /* owned */
	struct outbox *outbox;         /* owned */
	struct remind *remind;         /* owned; NULL when it could not start */
	struct supervisor sup;
	struct daemon_counters n;
	time_t started_at;
	bool once;                     /* --once: one pass, then exit */
	int once_timeout_s;
	bool stopping;
	int exit_status;
	bool feeds_unsynced;           /* a reload's feeds are not stored yet */
	int64_t feeds_retry_at;        /* when daemon_feeds_retry tries again */
};

/* Asks the loop to finish (signal, --once done, fatal error). */
void daemon_stop(struct daemon *d, int exit_status);

/* Stores the feeds of a reload that could not store them (the database
 * was locked or full), at most once a second; db_watch.c calls it. */
void daemon_feeds_retry(struct daemon *d);

/* Seconds since the epoch; one clock for every decision. */
int64_t daemon_now(void);

#endif
