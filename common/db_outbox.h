/* db_outbox.h: the articles table seen as the daemon's outbox. An article
 * is written to SQLite before anything else happens to it; then its page is
 * fetched (page_state), then it is added to the Redis stream (enqueued_at).
 * Whatever was not finished when a process died or Redis lost its data is
 * found here again and redone, so nothing is lost between the feed and the
 * worker. Rules: docs/outbox.md. */
#ifndef MW_DB_OUTBOX_H
#define MW_DB_OUTBOX_H

#include "db.h"

enum db_page_state {
	DB_PAGE_PENDING,   /* the page is still to be fetched */
	DB_PAGE_FETCHED,   /* text replaced by the page's main text */
	DB_PAGE_FAILED,    /* page unusable: the feed's text is kept */
	DB_PAGE_SKIPPED,   /* not fetched by configuration */
};
const char *db_page_state_name(enum db_page_state s);

/* Records the page's outcome; text replaces the article's text when not
 * NULL; error (may be NULL) is kept for operators. */
int db_article_set_page(struct db *db, int64_t id, enum db_page_state s,
			const char *text, const char *error);
/* Articles whose page is pending: JSON array of {id, url, feed}. */
int db_articles_page_pending(struct db *db, int limit, json_t **out);

/* Articles ready for the stream (queued, page settled, not yet enqueued),
 * oldest first: JSON array of {id, feed, url, title, published_at, text,
 * lang}. */
int db_outbox_pending(struct db *db, int limit, json_t **out);
/* The article is in the stream under stream_id. */
int db_outbox_mark_enqueued(struct db *db, int64_t id, const char *stream_id,
			    int64_t now);
/* Forgets that queued articles were enqueued (before `before`, or all when
 * before is 0), so they are added to the stream again: after Redis lost
 * its data, or when a message vanished. Returns the count in *n. */
int db_outbox_requeue(struct db *db, int64_t before, int *n);

/* Queued articles that went into the stream before `before`, with ids
 * above after_id, in id order: JSON array of {id, stream_id}. What the
 * stream check (daemon/outbox_check.c) compares with Redis. */
int db_outbox_enqueued_before(struct db *db, int64_t before, int64_t after_id, int limit,
			      json_t **out);
/* The article's stream entry is gone: queue it again, unless a worker
 * stored it meanwhile or it was queued again already (its stream_id
 * changed). Adds the rows changed (0 or 1) to *n. */
int db_outbox_requeue_lost(struct db *db, int64_t id, const char *stream_id, int *n);

struct db_outbox_counts {
	long long page_pending;   /* waiting for their page */
	long long to_enqueue;     /* ready, not in the stream yet */
	long long queued;         /* in state queued (enqueued or not) */
	long long extracted, no_agreement, failed;
	long long agreements;
};
int db_outbox_counts(struct db *db, struct db_outbox_counts *c);

/* The feed moved (301/308): store its new URL. */
int db_feed_set_url(struct db *db, const char *name, const char *url);

#endif
