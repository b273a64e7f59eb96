/* db_query_ops.c: runtime feeds and feed health for the control socket
 * (see db_query_ops.h). The runtime_feeds table comes with schema version 5
 * (db_schema.c). */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "db_query_ops.h"

static bool feed_is_live(struct db *db, const char *name, int *rc)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT 1 FROM feeds WHERE name = ?1 AND removed_at IS NULL");
	int step;

	*rc = DB_OK;
	if (!st) {
		*rc = DB_ERR;
		return false;
	}
	db_bind_text(st, 1, name);
	step = sqlite3_step(st);
	sqlite3_reset(st);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		*rc = db_fail(db, step, "looking up a feed");
	return step == SQLITE_ROW;
}

struct add_args {
	const struct db_feed_config *c;
	int64_t now;
};

static int add_tx(struct db *db, void *arg)
{
	struct add_args *a = arg;
	int rc;
	sqlite3_stmt *st;

	if (feed_is_live(db, a->c->name, &rc))
		return db_failf(db, DB_EINVAL, "a feed named '%s' exists already; choose another "
				"name or remove it first", a->c->name);
	if (rc != DB_OK || !(st = db_stmt(db, "INSERT OR REPLACE INTO runtime_feeds (name, url,"
		" language, interval_seconds, added_at) VALUES (?1, ?2, ?3, ?4, ?5)")))
		return DB_ERR;
	db_bind_text(st, 1, a->c->name);
	db_bind_text(st, 2, a->c->url);
	db_bind_text(st, 3, a->c->language);
	if (a->c->interval_seconds > 0)
		sqlite3_bind_int(st, 4, a->c->interval_seconds);
	sqlite3_bind_int64(st, 5, a->now);
	rc = db_exec_stmt(db, st, "recording a runtime feed");
	return rc == DB_OK ? db_feed_upsert(db, a->c, a->now) : rc;
}

int db_ops_runtime_feed_add(struct db *db, const struct db_feed_config *c,
			    int64_t now)
{
	struct add_args a = { c, now };

	return db_in_tx(db, add_tx, &a);
}

struct remove_args {
	const char *name;
	int64_t now;
	bool was_runtime;
};

static int remove_tx(struct db *db, void *arg)
{
	struct remove_args *a = arg;
	sqlite3_stmt *st;
	int rc;

	if (!feed_is_live(db, a->name, &rc))
		return rc != DB_OK ? rc : db_failf(db, DB_ENOTFOUND, "no feed named '%s'; "
						   "'mouwatch feeds' lists them", a->name);
	if (!(st = db_stmt(db, "DELETE FROM runtime_feeds WHERE name = ?1")))
		return DB_ERR;
	db_bind_text(st, 1, a->name);
	if ((rc = db_exec_stmt(db, st, "forgetting a runtime feed")) != DB_OK)
		return rc;
	a->was_runtime = sqlite3_changes(db->sqlite) > 0;
	return db_feed_remove(db, a->name, a->now);
}

int db_ops_feed_remove(struct db *db, const char *name, int64_t now,
		       bool *was_runtime)
{
	struct remove_args a = { name, now, false };
	int rc = db_in_tx(db, remove_tx, &a);

	if (was_runtime)
		*was_runtime = a.was_runtime;
	return rc;
}

int db_ops_runtime_feeds(struct db *db, json_t **out)
{
	sqlite3_stmt *st;

	*out = NULL;
	st = db_stmt(db, "SELECT name, url, language, coalesce(interval_seconds, 0)"
		     " AS interval_seconds, added_at FROM runtime_feeds ORDER BY name");
	return st ? db_query_array(db, st, out, "listing runtime feeds") : DB_ERR;
}

/* ok: polled and not failing; failing: at least one failure in a row;
 * disabled: given up on (disabled_reason) or paused. */
static const char sql_health[] =
	"SELECT count(*) AS total,"
	" coalesce(sum(consecutive_failures = 0 AND last_polled_at IS NOT NULL"
	"  AND disabled_reason IS NULL AND NOT paused), 0) AS ok,"
	" coalesce(sum(consecutive_failures > 0 AND disabled_reason IS NULL), 0)"
	"  AS failing,"
	" coalesce(sum(disabled_reason IS NOT NULL), 0) AS disabled,"
	" coalesce(sum(paused), 0) AS paused,"
	" coalesce(sum(stale), 0) AS stale,"
	" max(last_polled_at) AS last_polled_at,"
	" min(CASE WHEN NOT paused AND disabled_reason IS NULL"
	"  THEN next_poll_at END) AS next_poll_at"
	" FROM feeds WHERE removed_at IS NULL";

int db_ops_feed_health(struct db *db, json_t **out)
{
	sqlite3_stmt *st = db_stmt(db, sql_health);

	*out = NULL;
	return st ? db_row_to_json(db, st, out, "counting feeds") : DB_ERR;
}
