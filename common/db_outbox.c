/* db_outbox.c: owns the outbox queries on the articles table: page state,
 * enqueue bookkeeping, re-queueing and the counts --once waits on. */
#include "db_internal.h"
#include "db_outbox.h"

#include <stddef.h>

static const char *const page_state_names[] = {
	[DB_PAGE_PENDING] = "pending", [DB_PAGE_FETCHED] = "fetched",
	[DB_PAGE_FAILED] = "failed", [DB_PAGE_SKIPPED] = "skipped",
};

const char *db_page_state_name(enum db_page_state s)
{
	return (unsigned)s < sizeof page_state_names / sizeof page_state_names[0]
		? page_state_names[s] : "pending";
}

/* Links the article to an earlier one with the same text, if any: it then
 * takes that one's state and agreement now, and later through the
 * trigger of schema v3. */
static int link_duplicate(struct db *db, int64_t id)
{
	static const char sql[] =
		"UPDATE articles AS a SET duplicate_of = o.id,"
		" state = CASE WHEN o.state = 'queued' THEN a.state ELSE o.state END,"
		" agreement_id = o.agreement_id"
		" FROM (SELECT o.id, o.state, o.agreement_id FROM articles o, articles me"
		"  WHERE me.id = ?1 AND o.content_hash = me.content_hash AND o.id < me.id"
		"  AND o.duplicate_of IS NULL ORDER BY o.id LIMIT 1) AS o"
		" WHERE a.id = ?1 AND a.duplicate_of IS NULL";
	static const char sql_sources[] =
		"INSERT OR IGNORE INTO agreement_sources (article_id, agreement_id, record, added_at)"
		" SELECT a.id, s.agreement_id, s.record, s.added_at FROM articles a"
		" JOIN agreement_sources s ON s.article_id = a.duplicate_of WHERE a.id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc;

	if (st == NULL)
		return DB_ERR;
	sqlite3_bind_int64(st, 1, id);
	rc = db_exec_stmt(db, st, "linking a syndicated copy");
	if (rc != DB_OK || sqlite3_changes(db->sqlite) == 0)
		return rc;
	st = db_stmt(db, sql_sources);
	if (st == NULL)
		return DB_ERR;
	sqlite3_bind_int64(st, 1, id);
	return db_exec_stmt(db, st, "linking a syndicated copy to its agreement");
}

int db_article_set_page(struct db *db, int64_t id, enum db_page_state s,
			const char *text, const char *error)
{
	static const char sql[] =
		"UPDATE articles SET page_state = ?2, text = COALESCE(?3, text),"
		" content_hash = COALESCE(?5, content_hash), page_error = ?4 WHERE id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql);
	char hash[65] = "";

	if (st == NULL)
		return DB_ERR;
	db_content_hash(text, hash);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, db_page_state_name(s), -1, SQLITE_STATIC);
	db_bind_text_max(st, 3, text, DB_ARTICLE_TEXT_MAX);
	db_bind_text(st, 4, error);
	db_bind_text(st, 5, *hash ? hash : NULL);
	int rc = db_exec_stmt(db, st, "recording an article page");
	return rc == DB_OK ? link_duplicate(db, id) : rc;
}

static int rows(struct db *db, const char *sql, int limit, json_t **out, const char *what)
{
	sqlite3_stmt *st = db_stmt(db, sql);

	if (st == NULL)
		return DB_ERR;
	sqlite3_bind_int(st, 1, limit > 0 ? limit : 1000);
	return db_query_array(db, st, out, what);
}

int db_articles_page_pending(struct db *db, int limit, json_t **out)
{
	static const char sql[] =
		"SELECT id, url, feed_name AS feed FROM articles INDEXED BY articles_page_pending"
		" WHERE state = 'queued' AND page_state = 'pending' ORDER BY id LIMIT ?1";
	return rows(db, sql, limit, out, "listing pending article pages");
}

int db_outbox_pending(struct db *db, int limit, json_t **out)
{
	static const char sql[] =
		"SELECT a.id, a.feed_name AS feed, a.url, a.title, a.published_at,"
		" a.text, f.language AS lang FROM articles a INDEXED BY articles_to_enqueue"
		" LEFT JOIN feeds f ON f.name = a.feed_name"
		" WHERE a.state = 'queued' AND a.page_state <> 'pending'"
		" AND a.enqueued_at IS NULL AND a.duplicate_of IS NULL ORDER BY a.id LIMIT ?1";
	return rows(db, sql, limit, out, "listing articles to queue");
}

int db_outbox_mark_enqueued(struct db *db, int64_t id, const char *stream_id, int64_t now)
{
	static const char sql[] =
		"UPDATE articles SET enqueued_at = ?2, stream_id = ?3 WHERE id = ?1";
	sqlite3_stmt *st = db_stmt(db, sql);

	if (st == NULL)
		return DB_ERR;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, now);
	db_bind_text(st, 3, stream_id);
	return db_exec_stmt(db, st, "marking an article queued in Redis");
}

int db_outbox_requeue(struct db *db, int64_t before, int *n)
{
	static const char sql[] =
		"UPDATE articles SET enqueued_at = NULL, stream_id = NULL"
		" WHERE state = 'queued' AND enqueued_at IS NOT NULL"
		" AND (?1 = 0 OR enqueued_at < ?1)";
	sqlite3_stmt *st = db_stmt(db, sql);

	if (st == NULL)
		return DB_ERR;
	sqlite3_bind_int64(st, 1, before);
	int rc = db_exec_stmt(db, st, "re-queueing articles");
	if (n)
		*n = rc == DB_OK ? sqlite3_changes(db->sqlite) : 0;
	return rc;
}

int db_outbox_enqueued_before(struct db *db, int64_t before, int64_t after_id, int limit,
			      json_t **out)
{
	static const char sql[] =
		"SELECT id, stream_id FROM articles INDEXED BY articles_in_stream"
		" WHERE state = 'queued' AND id > ?2 AND enqueued_at IS NOT NULL AND enqueued_at < ?3"
		" AND stream_id IS NOT NULL AND duplicate_of IS NULL ORDER BY id LIMIT ?1";
	sqlite3_stmt *st = db_stmt(db, sql);

	if (st == NULL)
		return DB_ERR;
	sqlite3_bind_int(st, 1, limit > 0 ? limit : 1000);
	sqlite3_bind_int64(st, 2, after_id);
	sqlite3_bind_int64(st, 3, before);
	return db_query_array(db, st, out, "listing queued articles to check against the stream");
}

int db_outbox_requeue_lost(struct db *db, int64_t id, const char *stream_id, int *n)
{
	static const char sql[] =
		"UPDATE articles SET enqueued_at = NULL, stream_id = NULL"
		" WHERE id = ?1 AND state = 'queued' AND stream_id = ?2";
	sqlite3_stmt *st = db_stmt(db, sql);

	if (st == NULL)
		return DB_ERR;
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, stream_id);
	int rc = db_exec_stmt(db, st, "re-queueing an article lost from the stream");
	if (rc == DB_OK)
		*n += sqlite3_changes(db->sqlite);
	return rc;
}

int db_outbox_counts(struct db *db, struct db_outbox_counts *c)
{
	static const char sql[] =
		"SELECT"
		" (SELECT count(*) FROM articles WHERE state = 'queued' AND page_state = 'pending'),"
		" (SELECT count(*) FROM articles INDEXED BY articles_to_enqueue"
		"   WHERE state = 'queued' AND page_state <> 'pending'"
		"   AND enqueued_at IS NULL AND duplicate_of IS NULL),"
		" (SELECT count(*) FROM articles WHERE state = 'queued'),"
		" (SELECT count(*) FROM articles WHERE state = 'extracted'),"
		" (SELECT count(*) FROM articles WHERE state = 'no_agreement'),"
		" (SELECT count(*) FROM articles WHERE state = 'failed'),"
		" (SELECT count(*) FROM agreements)";
	sqlite3_stmt *st = db_stmt(db, sql);

	if (st == NULL)
		return DB_ERR;
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return db_fail(db, rc, "counting articles");
	}
	long long *f[] = { &c->page_pending, &c->to_enqueue, &c->queued, &c->extracted,
			   &c->no_agreement, &c->failed, &c->agreements };
	for (int i = 0; i < 7; i++)
		*f[i] = sqlite3_column_int64(st, i);
	sqlite3_reset(st);
	return DB_OK;
}

int db_feed_set_url(struct db *db, const char *name, const char *url)
{
	static const char sql[] = "UPDATE feeds SET url = ?2 WHERE name = ?1";
	sqlite3_stmt *st = db_stmt(db, sql);

	if (st == NULL)
		return DB_ERR;
	db_bind_text(st, 1, name);
	db_bind_text(st, 2, url);
	return db_exec_stmt(db, st, "updating a feed's URL");
}
