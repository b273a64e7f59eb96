/* poll_internal.h: what poll.c, poll_result.c and article_fetch.c share. */
#ifndef MW_POLL_INTERNAL_H
#define MW_POLL_INTERNAL_H

#include "fetch.h"
#include "host_pause.h"
#include <event2/event.h>
#include <stddef.h>
#include <stdint.h>

struct daemon;
struct parse_pool;

struct poller {
	struct daemon *d;
	struct event *tick;
	char **flight;          /* names of feeds being fetched: a hash set of
	                         * flight_cap slots, NULL = empty (owned) */
	size_t n_flight, flight_cap;
	size_t pages_in_flight; /* article pages being fetched */
	bool pages_unsaved;     /* a page's result could not be stored: fetch
	                         * the pending pages again (article_fetch.c) */
	size_t polls_done;
	/* The group transaction (poll_result.c): every write of the polls
	 * answered in one event-loop pass goes into one SQLite transaction,
	 * committed by commit_ev (a 0-timeout event: it runs after the other
	 * callbacks of the pass). Page fetches of the articles it inserted
	 * start only once it committed: a rolled-back id means nothing. */
	struct event *commit_ev;
	bool tx_open;
	size_t tx_polls;            /* feed polls saved in the open group */
	struct poll_page *tx_pages; /* pages to fetch after the commit (owned) */
	size_t n_tx_pages, cap_tx_pages;
	bool tx_new_articles;       /* kick the outbox after the commit */
	bool tx_page_saves;         /* page results are in the group */
	bool tx_failing;            /* the last group commit failed (logged) */
	/* What the group stored is logged and counted once it is committed:
	 * rows a failed commit rolled back were never new. */
	char **tx_lines;            /* info lines to log after the commit (owned) */
	size_t n_tx_lines, cap_tx_lines;
	uint64_t tx_articles_new;   /* added to d->n.articles_new after it */
	struct host_pauses paused;  /* hosts that asked us to wait */
	struct parse_pool *pool;    /* parse threads, or NULL: parse inline */
};

/* One feed request in flight; owned by the fetch callback, which frees it. */
struct poll_job {
	struct poller *p;
	char *feed_name;
	int64_t started_at;
};

/* An article page to fetch once the group is committed. */
struct poll_page {
	int64_t article_id;
	char *url;                  /* owned */
};

void poll_feed_done(const struct fetch_result *res, void *job);
/* Opens the group transaction unless it is open (or cannot be: then the
 * writes go one by one, as before). */
void poll_tx_touch(struct poller *p);
/* At shutdown: commits the group without starting its page fetches (the
 * pages stay pending in SQLite; the next start resumes them). */
void poll_tx_shutdown(struct poller *p);
void poll_flight_remove(struct poller *p, const char *name);

#endif
