/* db_query_misc.c: the other read-only views for the operator CLI:
 * upcoming dates, reminders, articles, feeds, full-text search and the
 * counts of 'mouwatch status'. Each returns a JSON value. */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "strbuf.h"
#include "xalloc.h"

#define DB_PARTY_NAMES(a) \
	"(SELECT group_concat(name, ' / ') FROM (SELECT p.name FROM" \
	" agreement_parties ap JOIN parties p ON p.id = ap.party_id" \
	" WHERE ap.agreement_id = " a " ORDER BY ap.position))"

static const char sql_upcoming[] =
	"SELECT 'event' AS what, e.type, e.starts_on AS date, e.precision,"
	" a.id AS agreement_id, e.id AS event_id, " DB_PARTY_NAMES("a.id")
	" AS parties FROM events e JOIN agreements a ON a.id = e.agreement_id"
	" WHERE e.starts_on BETWEEN ?1 AND ?2"
	" UNION ALL SELECT 'expiry', a.type, a.expires_on,"
	" CASE WHEN a.expires_estimated THEN 'estimated' ELSE 'day' END,"
	" a.id, NULL, " DB_PARTY_NAMES("a.id") " FROM agreements a"
	" WHERE a.expires_on BETWEEN ?1 AND ?2"
	" ORDER BY date, agreement_id";

int db_query_upcoming(struct db *db, int64_t now, int days, json_t **out)
{
	sqlite3_stmt *st = db_stmt(db, sql_upcoming);
	char from[11], to[11];

	*out = NULL;
	if (!st)
		return DB_ERR;
	db_days_date(now / 86400, from);
	db_days_date(now / 86400 + (days > 0 ? days : 0), to);
	db_bind_text(st, 1, from);
	db_bind_text(st, 2, to);
	return db_query_array(db, st, out, "listing upcoming dates");
}

int db_query_reminders(struct db *db, const char *state, int limit,
                       json_t **out)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT r.id, r.kind, r.agreement_id,"
		" r.event_id, r.lead_days, r.target_date, r.due_at, r.state,"
		" " DB_PARTY_NAMES("r.agreement_id") " AS parties,"
		" (SELECT json_group_array(json_object('channel', d.channel,"
		"  'state', d.state, 'attempts', d.attempts,"
		"  'last_error', d.last_error)) FROM deliveries d"
		"  WHERE d.reminder_id = r.id) AS deliveries_json"
		" FROM reminders r WHERE (?1 IS NULL OR r.state = ?1)"
		" ORDER BY r.due_at, r.id LIMIT ?2");

	*out = NULL;
	if (!st)
		return DB_ERR;
	db_bind_text(st, 1, state);
	sqlite3_bind_int(st, 2, limit > 0 ? limit : 100);
	return db_query_array(db, st, out, "listing reminders");
}

int db_query_articles(struct db *db, const char *state, int limit,
                      json_t **out)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id, feed_name AS feed, url,"
		" title, published_at, fetched_at, state, attempts, error,"
		" agreement_id FROM articles WHERE (?1 IS NULL OR state = ?1)"
		" ORDER BY id DESC LIMIT ?2");

	*out = NULL;
	if (!st)
		return DB_ERR;
	db_bind_text(st, 1, state);
	sqlite3_bind_int(st, 2, limit > 0 ? limit : 100);
	return db_query_array(db, st, out, "listing articles");
}

int db_query_feeds(struct db *db, const char *after, int limit, json_t **out)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT name, url, interval_seconds,"
		" language, last_status, last_error, consecutive_failures,"
		" last_polled_at, next_poll_at, last_new_entry_at,"
		" avg_publish_interval, disabled_reason, paused, stale,"
		" (SELECT count(*) FROM articles a WHERE a.feed_name = f.name)"
		" AS articles FROM feeds f WHERE removed_at IS NULL"
		" AND (?1 IS NULL OR name > ?1) ORDER BY name LIMIT ?2");

	*out = NULL;
	if (!st)
		return DB_ERR;
	db_bind_text(st, 1, after);
	sqlite3_bind_int(st, 2, limit > 0 ? limit : -1);
	return db_query_array(db, st, out, "listing feeds");
}

/* Operator text -> FTS5 query: every word quoted (so "-", ":" or quotes
 * in names are not syntax), all words required. Caller frees. */
static char *db_fts_query(const char *text)
{
	struct strbuf b = STRBUF_INIT;
	bool in_word = false;

	for (const char *p = text; *p; p++) {
		bool space = *p == ' ' || *p == '\t' || *p == '\n';
		if (space && in_word)
			strbuf_puts(&b, "\" ");
		else if (!space && !in_word)
			strbuf_putc(&b, '"');
		if (!space)
			strbuf_append(&b, p, *p == '"' ? 0 : 1);
		in_word = !space;
	}
	if (in_word)
		strbuf_putc(&b, '"');
	return strbuf_steal(&b);
}

#define DB_SEARCH_RECENT "5000"  /* docs/protocol.md, search */

static const char sql_search[] =
	"SELECT 'agreement' AS kind, g.id, " DB_PARTY_NAMES("g.id")
	" AS title, NULL AS url,"
	" snippet(agreements_fts, 0, '[', ']', '...', 12) AS snippet,"
	" bm25(agreements_fts) - 100 AS score"
	" FROM agreements_fts JOIN agreements g ON g.id = agreements_fts.rowid"
	" WHERE agreements_fts MATCH ?1"
	" UNION ALL SELECT 'article', a.id, a.title, a.url,"
	" snippet(articles_fts, 1, '[', ']', '...', 12),"
	" bm25(articles_fts)"
	" FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
	" WHERE articles_fts MATCH ?1 AND articles_fts.rowid >="
	/* Ranked among the newest DB_SEARCH_RECENT matches only (a rowid
	 * range FTS5 stops at): ranking every match of a common word took
	 * 130 ms at 100,000 articles, on the event loop. */
	"  (SELECT min(id) FROM (SELECT rowid AS id FROM articles_fts"
	"   WHERE articles_fts MATCH ?1 ORDER BY rowid DESC LIMIT " DB_SEARCH_RECENT "))"
	" ORDER BY score LIMIT ?2";

int db_query_search(struct db *db, const char *text, int limit, json_t **out)
{
	sqlite3_stmt *st;
	char *q = db_fts_query(text ? text : "");
	int rc;

	*out = NULL;
	if (!*q) {
		free(q);
		return db_failf(db, DB_EINVAL, "empty search: give words to look for");
	}
	if (!(st = db_stmt(db, sql_search))) {
		free(q);
		return DB_ERR;
	}
	db_bind_text(st, 1, q);
	sqlite3_bind_int(st, 2, limit > 0 ? limit : 50);
	rc = db_query_array(db, st, out, "searching");
	free(q);
	return rc;
}

#define DB_COUNT_BY_STATE(t) \
	"(SELECT json_group_object(state, n) FROM (SELECT state, count(*) AS n" \
	" FROM " t " GROUP BY state))"

static const char sql_status[] =
	"SELECT (SELECT user_version FROM pragma_user_version) AS schema_version,"
	" (SELECT count(*) FROM feeds WHERE removed_at IS NULL) AS feeds,"
	" (SELECT count(*) FROM feeds WHERE removed_at IS NULL AND (paused"
	"  OR disabled_reason IS NOT NULL)) AS feeds_inactive,"
	" (SELECT count(*) FROM feeds WHERE removed_at IS NULL AND stale)"
	"  AS feeds_stale,"
	" (SELECT count(*) FROM articles) AS articles,"
	" " DB_COUNT_BY_STATE("articles") " AS articles_by_state_json,"
	" (SELECT count(*) FROM agreements) AS agreements,"
	" (SELECT count(*) FROM parties) AS parties,"
	" " DB_COUNT_BY_STATE("reminders") " AS reminders_by_state_json,"
	" (SELECT count(*) FROM reminders WHERE state = 'pending'"
	"  AND due_at <= ?1) AS reminders_due,"
	" " DB_COUNT_BY_STATE("deliveries") " AS deliveries_by_state_json";

int db_query_status(struct db *db, int64_t now, json_t **out)
{
	sqlite3_stmt *st = db_stmt(db, sql_status);

	*out = NULL;
	if (!st)
		return DB_ERR;
	sqlite3_bind_int64(st, 1, now);
	return db_row_to_json(db, st, out, "counting for status");
}
