/* db.h: the SQLite store every mouwatch process uses (daemon, workers,
 * control socket). One struct db is one connection; it is not shared
 * between threads. Every function returns DB_OK (0) or a negative
 * enum db_status; on error db_errmsg() says what failed and what to do.
 * Nothing here exits the process. Schema and rules: docs/database.md. */
#ifndef MW_DB_H
#define MW_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

enum db_status {
	DB_OK = 0,
	DB_ERR = -1,        /* other SQLite or I/O error */
	DB_EBUSY = -2,      /* locked by another connection past busy_timeout */
	DB_EFULL = -3,      /* disk or quota full */
	DB_EREADONLY = -4,  /* read-only connection or file */
	DB_ECORRUPT = -5,   /* not a database, or damaged */
	DB_ENOTFOUND = -6,  /* no such row */
	DB_EINVAL = -7,     /* bad argument or malformed record */
	DB_ESCHEMA = -8,    /* schema newer than this program, or not migrated */
};

struct db;

struct db_options {
	int busy_timeout_ms;       /* 0: default 5000 */
	bool read_only;            /* control socket reads: never writes */
	int reminder_time_utc;     /* seconds after 00:00 UTC reminders fall due;
	                            * default 0 = 07:00 WIB */
};

/* Opens (creating unless read_only) and migrates the database at path.
 * Returns NULL on failure with *errmsg set (caller frees it). opts may be
 * NULL for the defaults. */
struct db *db_open(const char *path, const struct db_options *opts,
                   char **errmsg);
void db_close(struct db *db);
/* The last error of this connection; owned by db, valid until the next call. */
const char *db_errmsg(const struct db *db);
int db_schema_version(struct db *db);
/* The newest schema version this program knows. */
int db_schema_latest(void);

/* Makes this connection an event loop's (mouwatchd, once started): every
 * wait for another process's lock lasts at most busy_timeout_ms (tens of
 * ms), and once one gave up, the next calls give up at once, without
 * waiting, until a retry is due (100 ms later, growing to 1 s while the
 * lock lasts). A lock held for minutes then costs the loop one short wait
 * per retry, not a busy_timeout per statement; callers see DB_EBUSY and
 * retry from a timer. */
void db_set_fail_fast(struct db *db, int busy_timeout_ms);
/* Since when (Unix seconds) another process's lock has kept this
 * connection out: a wait for it gave up and no write went through since.
 * 0 when not locked. */
int64_t db_locked_since(const struct db *db);
/* Takes the write lock and lets it go at once (BEGIN IMMEDIATE, ROLLBACK),
 * honouring fail_fast: DB_OK clears db_locked_since, DB_EBUSY while the
 * lock lasts. Does nothing (DB_OK) inside a transaction. */
int db_probe_write(struct db *db);

/* Transactions: db_begin starts BEGIN IMMEDIATE (or a savepoint when one is
 * already open), so writers queue on the lock instead of deadlocking. */
int db_begin(struct db *db);
int db_commit(struct db *db);
void db_rollback(struct db *db);

/* Group commit. A caller that keeps one transaction open across several
 * event-loop callbacks (the poller: every poll answered in one loop pass)
 * opens it with db_begin and then registers it here. While it is open and
 * its owner is not the one running (db_group_owner), the first statement
 * or db_begin of anyone else on this connection calls flush(arg) first,
 * which must commit the group (db_group_close then db_commit). So no other
 * caller's write is ever rolled back with the group, nor waits for it. */
void db_group_open(struct db *db, void (*flush)(void *arg), void *arg);
void db_group_close(struct db *db);
void db_group_owner(struct db *db, bool running);

/* ---- feeds: poller state that survives restarts ---- */

/* A feed row. Strings are owned by the struct: db_feed_free() releases them. */
struct db_feed {
	char *name, *url, *language;
	int interval_seconds;          /* 0: automatic */
	char *etag, *last_modified;
	int last_status;               /* HTTP status of the last poll, 0 none */
	char *last_error;
	int consecutive_failures;
	int64_t last_polled_at, next_poll_at, last_new_entry_at;  /* 0: never */
	double avg_publish_interval;   /* seconds, 0 unknown */
	char *disabled_reason;         /* NULL: enabled */
	bool paused, stale, removed;
};
void db_feed_free(struct db_feed *f);
void db_feeds_free(struct db_feed *v, size_t n);

/* What the configuration says about a feed (borrowed strings). */
struct db_feed_config {
	const char *name, *url, *language;
	int interval_seconds;          /* 0: automatic */
};
/* Inserts or updates one feed from the configuration, keeping its poll
 * state; a feed that was removed comes back. */
int db_feed_upsert(struct db *db, const struct db_feed_config *c, int64_t now);
/* Upserts every configured feed and marks the others removed (rows are kept:
 * their articles still name them), in one transaction. */
int db_feeds_sync(struct db *db, const struct db_feed_config *v, size_t n,
                  int64_t now);
int db_feed_remove(struct db *db, const char *name, int64_t now);
int db_feed_set_paused(struct db *db, const char *name, bool paused);
/* Writes the poll-state fields of f (not name/url/interval/language). */
int db_feed_save_state(struct db *db, const struct db_feed *f);
int db_feed_get(struct db *db, const char *name, struct db_feed *out);
/* *out (caller frees with db_feeds_free) gets every feed not removed,
 * by name; db_feeds_due only those enabled, not paused, next_poll_at <= now. */
int db_feeds_list(struct db *db, struct db_feed **out, size_t *n);
int db_feeds_due(struct db *db, int64_t now, struct db_feed **out, size_t *n);

/* ---- articles ---- */

enum db_article_state {
	DB_ARTICLE_QUEUED, DB_ARTICLE_EXTRACTED, DB_ARTICLE_NO_AGREEMENT,
	DB_ARTICLE_FAILED,
};
const char *db_article_state_name(enum db_article_state s);

/* What is kept of an article's title and text (its feed text or its
 * page's): a longer one is cut at a UTF-8 character boundary, so one
 * hostile feed or page cannot fill the database. */
#define DB_ARTICLE_TITLE_MAX ((size_t)1024)
#define DB_ARTICLE_TEXT_MAX ((size_t)1024 * 1024)

/* A new article as the daemon sees it (borrowed strings, NULL allowed
 * except url). */
struct db_article_new {
	const char *feed_name, *entry_id, *url, *title, *text;
	int64_t published_at, fetched_at;  /* Unix seconds; 0 unknown */
};
/* Inserts unless an article with the same (feed, entry id) or the same
 * normalized URL exists. *is_new tells which; *id gets the row either way.
 * id and is_new may be NULL. */
int db_article_insert_new(struct db *db, const struct db_article_new *a,
                          int64_t *id, bool *is_new);
/* *known: an article with the same (feed, entry id) or normalized URL is
 * stored already (the test db_article_insert_new makes). A cheap look
 * before building an entry's text: most entries of a poll are known. */
int db_article_known(struct db *db, const char *feed, const char *entry_id,
                     const char *url, bool *known);
/* The same for n articles in one transaction; ids/is_new arrays of n or NULL. */
int db_articles_insert_batch(struct db *db, const struct db_article_new *v,
                             size_t n, int64_t *ids, bool *is_new);
/* Records the outcome of a processing attempt (attempts += 1). error may
 * be NULL. */
int db_article_set_state(struct db *db, int64_t id, enum db_article_state s,
                         const char *error);
/* The article as a JSON object (caller decrefs). */
int db_article_get(struct db *db, int64_t id, json_t **out);

/* Normalized URL used as the dedupe key: lower-case scheme and host, no
 * fragment, no utm_* parameters, no trailing slash. Caller frees. */
char *db_url_normalize(const char *url);

/* ---- agreements ---- */

/* Stores the extractor's record for an article, in one transaction:
 * agreement false marks the article no_agreement (*agreement_id = 0);
 * otherwise the record becomes a new agreement or a new source of the same
 * agreement reported elsewhere (same parties, signed ±3 days). Idempotent:
 * storing again for the same article changes nothing and returns the same
 * id. agreement_id may be NULL. */
int db_agreement_store(struct db *db, int64_t article_id, const json_t *record,
                       int64_t now, int64_t *agreement_id);

/* ---- reminders and deliveries ---- */

/* Creates the reminders of an agreement: agreement.new once, and for the
 * expiry date and each event's start one per lead day, skipping targets
 * already past. Of those already overdue only the most urgent stays
 * pending; the others are superseded. Re-running inserts nothing new.
 * *created (may be NULL) gets the number of rows inserted. */
int db_reminders_schedule(struct db *db, int64_t agreement_id,
                          const int *lead_days, size_t n, int64_t now,
                          int *created);
/* Pending reminders with due_at <= now, oldest first: a JSON array of
 * {id, kind, agreement_id, event_id, lead_days, target_date, due_at,
 * routed (0/1: it has deliveries), superseded (0/1: a due one of the same
 * item has a shorter lead)}. */
int db_reminders_due(struct db *db, int64_t now, json_t **out);
/* The same, but without the routed ones that are not superseded: what a
 * remind pass has to act on (all of them when all is true). */
int db_reminders_to_route(struct db *db, int64_t now, bool all, json_t **out);
/* state: "pending", "sent", "failed", "skipped" or "superseded". */
int db_reminder_set_state(struct db *db, int64_t id, const char *state,
                          int64_t now);
/* Operator retry: reminder and its failed deliveries back to pending. */
int db_reminder_retry(struct db *db, int64_t id, int64_t now);

/* One delivery per (reminder, channel), created once; *id gets its row. */
int db_delivery_create(struct db *db, int64_t reminder_id, const char *channel,
                       int64_t now, int64_t *id);
/* Deliveries pending with next_attempt_at <= now, the earliest first, at
 * most limit of them (-1: all), as a JSON array. */
int db_deliveries_due(struct db *db, int64_t now, int limit, json_t **out);
/* state: "pending", "sending", "delivered" or "failed". */
int db_delivery_update(struct db *db, int64_t id, const char *state,
                       int64_t next_attempt_at, int last_status,
                       const char *last_error, int64_t now);
/* Logs one attempt and counts it in deliveries.attempts. */
struct db_attempt {
	int64_t at;
	int status;          /* HTTP status or SMTP reply code, 0 none */
	const char *reply;   /* SMTP reply text or NULL */
	const char *error;   /* NULL on success */
	int duration_ms;
};
int db_delivery_attempt_add(struct db *db, int64_t delivery_id,
                            const struct db_attempt *a);
/* The delivery and its attempts as a JSON object (caller decrefs). */
int db_delivery_get(struct db *db, int64_t id, json_t **out);

/* ---- read-only queries for the operator CLI (JSON out, caller decrefs) ----
 * Times are Unix seconds, dates "YYYY-MM-DD"; flags (expires_estimated,
 * paused, stale) are the integers 0/1 as SQLite stores them. */

struct db_agreement_filter {
	const char *party;     /* substring of a party name or alias */
	const char *country;   /* ISO alpha-2 of any party */
	const char *program;
	const char *type;
	const char *signed_since;   /* YYYY-MM-DD */
	int expiring_days;          /* > 0: expires_on within now + N days */
	int limit;                  /* 0: 100 */
};
int db_query_agreements(struct db *db, const struct db_agreement_filter *f,
                        int64_t now, json_t **out);
/* One agreement with parties, signatories, programs, events, sources and
 * reminders; DB_ENOTFOUND if there is none. */
int db_query_agreement(struct db *db, int64_t id, json_t **out);
/* Event starts and expiries within [today, today + days], by date. */
int db_query_upcoming(struct db *db, int64_t now, int days, json_t **out);
/* state NULL: all. limit 0: 100. */
int db_query_reminders(struct db *db, const char *state, int limit,
                       json_t **out);
int db_query_articles(struct db *db, const char *state, int limit,
                      json_t **out);
/* Feeds by name: those after `after` (NULL: from the first), at most
 * limit (0: all). 'mouwatch feeds' reads them a page at a time, so that
 * no one request holds the daemon's loop for all 10,000. */
int db_query_feeds(struct db *db, const char *after, int limit, json_t **out);
/* Full-text search over article titles and text and agreement parties.
 * The text is taken as words (all must match), not FTS5 syntax. */
int db_query_search(struct db *db, const char *text, int limit, json_t **out);
/* Counts for 'mouwatch status'. */
int db_query_status(struct db *db, int64_t now, json_t **out);

#endif
