/* poll_parse.h: a small pool of threads that parse off the event loop
 * (feed bodies, article pages), so the loop's core is left to HTTP and
 * SQLite and the parsing runs on another core.
 *
 * A task is a struct the caller embeds first in its own struct: work()
 * runs on a pool thread and may only touch the task (no SQLite, no event
 * loop, no logging: it keeps its results in the task); done() then runs on
 * the event loop and frees the task. */
#ifndef MW_POLL_PARSE_H
#define MW_POLL_PARSE_H

#include <stdbool.h>
#include <stddef.h>

struct event_base;
struct parse_pool;

struct parse_task {
	void (*work)(struct parse_task *t);
	/* cancelled: the pool shut down before work() ran or before its
	 * result reached the loop; done() must then only free the task. */
	void (*done)(struct parse_task *t, bool cancelled);
	struct parse_task *next;        /* the pool's */
};

/* A pool of `threads` threads on base; at most max_queued tasks wait at a
 * time. NULL (logged) when threads cannot start: the caller parses inline. */
struct parse_pool *parse_pool_new(struct event_base *base, unsigned threads, size_t max_queued);
/* Threads worth starting on this machine: the cores beside the loop's
 * (at least 1, at most 4). */
unsigned parse_pool_default_threads(void);
/* true: t was queued, done() follows from the loop. false: the pool is
 * full (or NULL): the caller does the work itself, at once; the loop then
 * parses as well, which is the back-pressure when the threads fall behind. */
bool parse_pool_submit(struct parse_pool *pp, struct parse_task *t);
/* Stops the threads; every task not delivered gets done(t, true). */
void parse_pool_free(struct parse_pool *pp);

/* A response kept past its done callback, for a parse task: dst gets its
 * own copy of every string and of the body (not of hops: NULL, 0).
 * poll_result_free frees what the copy owns. */
struct fetch_result;
void poll_result_copy(struct fetch_result *dst, const struct fetch_result *src);
void poll_result_free(struct fetch_result *r);

#endif
