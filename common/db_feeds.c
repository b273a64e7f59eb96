/* db_feeds.c: the feeds table, the poller's state that survives restarts.
 * Configuration owns name/url/interval/language; the poller owns the rest.
 * Feeds dropped from the configuration are marked removed, not deleted,
 * because their articles keep naming them; adding them back revives them
 * with their state (etag, schedule) intact. */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "xalloc.h"

#define DB_FEED_COLUMNS \
	"name, url, language, coalesce(interval_seconds, 0), etag," \
	" last_modified, coalesce(last_status, 0), last_error," \
	" consecutive_failures, coalesce(last_polled_at, 0)," \
	" coalesce(next_poll_at, 0), coalesce(last_new_entry_at, 0)," \
	" coalesce(avg_publish_interval, 0), disabled_reason, paused, stale," \
	" removed_at IS NOT NULL"

static const char sql_upsert[] =
	"INSERT INTO feeds (name, url, interval_seconds, language, created_at,"
	" updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)"
	" ON CONFLICT (name) DO UPDATE SET url = excluded.url,"
	" interval_seconds = excluded.interval_seconds,"
	" language = excluded.language, removed_at = NULL,"
	" updated_at = excluded.updated_at";

int db_feed_upsert(struct db *db, const struct db_feed_config *c, int64_t now)
{
	sqlite3_stmt *st;

	if (!c->name || !*c->name || !c->url || !*c->url)
		return db_failf(db, DB_EINVAL,
			"feed without a name or url: give every [feed NAME] a url");
	if (!(st = db_stmt(db, sql_upsert)))
		return DB_ERR;
	sqlite3_bind_text(st, 1, c->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, c->url, -1, SQLITE_TRANSIENT);
	if (c->interval_seconds > 0)
		sqlite3_bind_int(st, 3, c->interval_seconds);
	db_bind_text(st, 4, c->language);
	sqlite3_bind_int64(st, 5, now);
	return db_exec_stmt(db, st, "saving a feed");
}

static const char sql_mark_all[] =
	"UPDATE feeds SET removed_at = -1 WHERE removed_at IS NULL";
static const char sql_unmark_removed[] =
	"UPDATE feeds SET removed_at = ?1, updated_at = ?1 WHERE removed_at = -1";

struct db_sync_args {
	const struct db_feed_config *v;
	size_t n;
	int64_t now;
};

/* Marks every live feed with -1, upserts the configured ones (which clears
 * the mark), then the feeds still marked are the removed ones. */
static int db_feeds_sync_tx(struct db *db, void *arg)
{
	struct db_sync_args *a = arg;
	sqlite3_stmt *st = db_stmt(db, sql_mark_all);
	int rc;

	if (!st)
		return DB_ERR;
	if ((rc = db_exec_stmt(db, st, "marking feeds")) != DB_OK)
		return rc;
	for (size_t i = 0; i < a->n; i++)
		if ((rc = db_feed_upsert(db, &a->v[i], a->now)) != DB_OK)
			return rc;
	if (!(st = db_stmt(db, sql_unmark_removed)))
		return DB_ERR;
	sqlite3_bind_int64(st, 1, a->now);
	return db_exec_stmt(db, st, "marking removed feeds");
}

int db_feeds_sync(struct db *db, const struct db_feed_config *v, size_t n,
                  int64_t now)
{
	struct db_sync_args a = { v, n, now };

	return db_in_tx(db, db_feeds_sync_tx, &a);
}

static int db_feed_update_one(struct db *db, sqlite3_stmt *st,
                              const char *name, const char *what)
{
	int rc = db_exec_stmt(db, st, what);

	if (rc == DB_OK && sqlite3_changes(db->sqlite) == 0)
		return db_failf(db, DB_ENOTFOUND,
			"no feed named '%s': see 'mouwatch feeds'", name);
	return rc;
}

int db_feed_remove(struct db *db, const char *name, int64_t now)
{
	sqlite3_stmt *st = db_stmt(db, "UPDATE feeds SET removed_at = ?2,"
		" updated_at = ?2 WHERE name = ?1 AND removed_at IS NULL");

	if (!st)
		return DB_ERR;
	db_bind_text(st, 1, name);
	sqlite3_bind_int64(st, 2, now);
	return db_feed_update_one(db, st, name, "removing a feed");
}

int db_feed_set_paused(struct db *db, const char *name, bool paused)
{
	sqlite3_stmt *st = db_stmt(db,
		"UPDATE feeds SET paused = ?2 WHERE name = ?1");

	if (!st)
		return DB_ERR;
	db_bind_text(st, 1, name);
	sqlite3_bind_int(st, 2, paused);
	return db_feed_update_one(db, st, name, "pausing a feed");
}

static const char sql_save_state[] =
	"UPDATE feeds SET etag = ?2, last_modified = ?3, last_status = ?4,"
	" last_error = ?5, consecutive_failures = ?6, last_polled_at = ?7,"
	" next_poll_at = ?8, last_new_entry_at = ?9,"
	" avg_publish_interval = ?10, disabled_reason = ?11, paused = ?12,"
	" stale = ?13, updated_at = coalesce(?7, updated_at) WHERE name = ?1";

int db_feed_save_state(struct db *db, const struct db_feed *f)
{
	sqlite3_stmt *st = db_stmt(db, sql_save_state);

	if (!st)
		return DB_ERR;
	db_bind_text(st, 1, f->name);
	db_bind_text(st, 2, f->etag);
	db_bind_text(st, 3, f->last_modified);
	if (f->last_status)
		sqlite3_bind_int(st, 4, f->last_status);
	db_bind_text(st, 5, f->last_error);
	sqlite3_bind_int(st, 6, f->consecutive_failures);
	db_bind_time(st, 7, f->last_polled_at);
	db_bind_time(st, 8, f->next_poll_at);
	db_bind_time(st, 9, f->last_new_entry_at);
	if (f->avg_publish_interval > 0)
		sqlite3_bind_double(st, 10, f->avg_publish_interval);
	db_bind_text(st, 11, f->disabled_reason);
	sqlite3_bind_int(st, 12, f->paused);
	sqlite3_bind_int(st, 13, f->stale);
	return db_feed_update_one(db, st, f->name ? f->name : "",
	                          "saving feed state");
}

static void db_feed_from_row(sqlite3_stmt *st, struct db_feed *f)
{
	f->name = db_col_strdup(st, 0);
	f->url = db_col_strdup(st, 1);
	f->language = db_col_strdup(st, 2);
	f->interval_seconds = sqlite3_column_int(st, 3);
	f->etag = db_col_strdup(st, 4);
	f->last_modified = db_col_strdup(st, 5);
	f->last_status = sqlite3_column_int(st, 6);
	f->last_error = db_col_strdup(st, 7);
	f->consecutive_failures = sqlite3_column_int(st, 8);
	f->last_polled_at = sqlite3_column_int64(st, 9);
	f->next_poll_at = sqlite3_column_int64(st, 10);
	f->last_new_entry_at = sqlite3_column_int64(st, 11);
	f->avg_publish_interval = sqlite3_column_double(st, 12);
	f->disabled_reason = db_col_strdup(st, 13);
	f->paused = sqlite3_column_int(st, 14);
	f->stale = sqlite3_column_int(st, 15);
	f->removed = sqlite3_column_int(st, 16);
}

void db_feed_free(struct db_feed *f)
{
	if (!f)
		return;
	free(f->name);
	free(f->url);
	free(f->language);
	free(f->etag);
	free(f->last_modified);
	free(f->last_error);
	free(f->disabled_reason);
	memset(f, 0, sizeof *f);
}

void db_feeds_free(struct db_feed *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		db_feed_free(&v[i]);
	free(v);
}

int db_feed_get(struct db *db, const char *name, struct db_feed *out)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT " DB_FEED_COLUMNS " FROM feeds WHERE name = ?1");
	int rc;

	memset(out, 0, sizeof *out);
	if (!st)
		return DB_ERR;
	db_bind_text(st, 1, name);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_feed_from_row(st, out);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return db_failf(db, DB_ENOTFOUND,
			"no feed named '%s': see 'mouwatch feeds'", name);
	return rc == SQLITE_ROW ? DB_OK : db_fail(db, rc, "reading a feed");
}

/* Collects every row of st into a new array; on error frees what it got. */
static int db_feeds_collect(struct db *db, sqlite3_stmt *st,
                            struct db_feed **out, size_t *n)
{
	struct db_feed *v = NULL;
	size_t len = 0, cap = 0;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (len == cap) {
			cap = cap ? 2 * cap : 8;
			v = xrealloc(v, cap * sizeof *v);
		}
		memset(&v[len], 0, sizeof *v);
		db_feed_from_row(st, &v[len++]);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		db_feeds_free(v, len);
		*out = NULL;
		*n = 0;
		return db_fail(db, rc, "listing feeds");
	}
	*out = v;
	*n = len;
	return DB_OK;
}

int db_feeds_list(struct db *db, struct db_feed **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT " DB_FEED_COLUMNS
		" FROM feeds WHERE removed_at IS NULL ORDER BY name");

	if (!st)
		return DB_ERR;
	return db_feeds_collect(db, st, out, n);
}

int db_feeds_due(struct db *db, int64_t now, struct db_feed **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT " DB_FEED_COLUMNS
		" FROM feeds WHERE removed_at IS NULL AND paused = 0"
		" AND disabled_reason IS NULL"
		" AND coalesce(next_poll_at, 0) <= ?1 ORDER BY next_poll_at, name");

	if (!st)
		return DB_ERR;
	sqlite3_bind_int64(st, 1, now);
	return db_feeds_collect(db, st, out, n);
}
