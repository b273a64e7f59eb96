/* db_remind.c: reminder-delivery bookkeeping the daemon's remind part
 * needs beyond db_reminders.c and db_deliveries.c (see db_remind.h). */
#include "db_remind.h"
#include "db_internal.h"

#include <stdlib.h>

int db_remind_recover(struct db *db, int64_t now, int *n)
{
	sqlite3_stmt *st = db_stmt(db, "UPDATE deliveries SET state = 'pending',"
		" next_attempt_at = ?1, updated_at = ?1 WHERE state = 'sending'");
	int rc;

	if (n)
		*n = 0;
	if (!st)
		return DB_ERR;
	sqlite3_bind_int64(st, 1, now);
	rc = db_exec_stmt(db, st, "recovering interrupted deliveries");
	if (rc == DB_OK && n)
		*n = sqlite3_changes(db->sqlite);
	return rc;
}

/* Runs st (bound) that returns one row of integers into out[0..n). */
static int one_row(struct db *db, sqlite3_stmt *st, int64_t *out, int n,
		   const char *what)
{
	int rc = sqlite3_step(st);

	for (int i = 0; i < n; i++)
		out[i] = rc == SQLITE_ROW ? sqlite3_column_int64(st, i) : 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? DB_OK : db_fail(db, rc, what);
}

int db_remind_progress(struct db *db, int64_t reminder_id,
		       struct db_remind_progress *out)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT"
		" coalesce(sum(state IN ('pending', 'sending', 'held')), 0),"
		" coalesce(sum(state = 'delivered'), 0),"
		" coalesce(sum(state = 'failed'), 0)"
		" FROM deliveries WHERE reminder_id = ?1");
	int64_t v[3];
	int rc;

	if (!st)
		return DB_ERR;
	sqlite3_bind_int64(st, 1, reminder_id);
	rc = one_row(db, st, v, 3, "counting a reminder's deliveries");
	*out = (struct db_remind_progress){ (int)v[0], (int)v[1], (int)v[2] };
	return rc;
}

int db_remind_next_attempt(struct db *db, int64_t *at)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT coalesce(min(next_attempt_at), 0)"
		" FROM deliveries WHERE state = 'pending'");

	*at = 0;
	return st ? one_row(db, st, at, 1, "finding the next delivery") : DB_ERR;
}

int db_remind_open_until(struct db *db, int64_t until, int *n)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT count(*) FROM deliveries"
		" WHERE state = 'sending'"
		" OR (state = 'pending' AND next_attempt_at <= ?1)");
	int64_t v = 0;
	int rc;

	if (!st)
		return DB_ERR;
	sqlite3_bind_int64(st, 1, until);
	rc = one_row(db, st, &v, 1, "counting open deliveries");
	*n = (int)v;
	return rc;
}

int db_remind_unrouted(struct db *db, int64_t now, int *n)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT count(*) FROM reminders r"
		" WHERE r.state = 'pending' AND r.due_at <= ?1 AND NOT EXISTS"
		" (SELECT 1 FROM deliveries d WHERE d.reminder_id = r.id)");
	int64_t v = 0;
	int rc;

	if (!st)
		return DB_ERR;
	sqlite3_bind_int64(st, 1, now);
	rc = one_row(db, st, &v, 1, "counting reminders to route");
	*n = (int)v;
	return rc;
}

int db_remind_channel_set_disabled(struct db *db, const char *channel,
				   const char *reason, int64_t now)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO remind_channels (name,"
		" disabled_reason, disabled_at) VALUES (?1, ?2, ?3)"
		" ON CONFLICT (name) DO UPDATE SET disabled_reason = ?2,"
		" disabled_at = ?3");

	if (!st)
		return DB_ERR;
	db_bind_text(st, 1, channel);
	db_bind_text(st, 2, reason);
	db_bind_time(st, 3, reason ? now : 0);
	return db_exec_stmt(db, st, "disabling a channel");
}

/* The first text column of the row st finds, or NULL. */
static int one_text(struct db *db, sqlite3_stmt *st, char **out, const char *what)
{
	int rc = sqlite3_step(st);

	*out = rc == SQLITE_ROW ? db_col_strdup(st, 0) : NULL;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? DB_OK : db_fail(db, rc, what);
}

int db_remind_channel_disabled(struct db *db, const char *channel,
			       char **reason)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT disabled_reason FROM"
		" remind_channels WHERE name = ?1");

	*reason = NULL;
	if (!st)
		return DB_ERR;
	db_bind_text(st, 1, channel);
	return one_text(db, st, reason, "reading a channel's state");
}

int db_remind_digest_day(struct db *db, const char *channel, char **day)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT day FROM remind_digests"
		" WHERE channel = ?1");

	*day = NULL;
	if (!st)
		return DB_ERR;
	db_bind_text(st, 1, channel);
	return one_text(db, st, day, "reading the last digest day");
}

int db_remind_digest_set_day(struct db *db, const char *channel,
			     const char *day)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO remind_digests (channel, day)"
		" VALUES (?1, ?2) ON CONFLICT (channel) DO UPDATE SET day = ?2");

	if (!st)
		return DB_ERR;
	db_bind_text(st, 1, channel);
	db_bind_text(st, 2, day);
	return db_exec_stmt(db, st, "recording a digest");
}

int db_remind_channel_stats(struct db *db, json_t **out)
{
	sqlite3_stmt *st = db_stmt(db, "WITH names AS (SELECT channel AS name FROM"
		" deliveries UNION SELECT name FROM remind_channels)"
		" SELECT n.name, c.disabled_reason, c.disabled_at,"
		" (SELECT count(*) FROM deliveries d WHERE d.channel = n.name"
		"  AND d.state IN ('pending', 'sending')) AS pending,"
		" (SELECT count(*) FROM deliveries d WHERE d.channel = n.name"
		"  AND d.state = 'held') AS held,"
		" (SELECT count(*) FROM deliveries d WHERE d.channel = n.name"
		"  AND d.state = 'failed') AS failed,"
		" (SELECT count(*) FROM deliveries d WHERE d.channel = n.name"
		"  AND d.state = 'delivered') AS delivered"
		" FROM names n LEFT JOIN remind_channels c ON c.name = n.name"
		" ORDER BY n.name");

	*out = NULL;
	return st ? db_query_array(db, st, out, "counting deliveries by channel") : DB_ERR;
}

int db_remind_in_state(struct db *db, const char *state, json_t **out)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id, reminder_id, channel FROM"
		" deliveries WHERE state = ?1 ORDER BY id");

	*out = NULL;
	if (!st)
		return DB_ERR;
	db_bind_text(st, 1, state);
	return db_query_array(db, st, out, "listing deliveries by state");
}

int db_remind_release(struct db *db, const char *channel, int64_t now, int *n)
{
	sqlite3_stmt *st = db_stmt(db, "UPDATE deliveries SET state = 'pending',"
		" next_attempt_at = ?2, updated_at = ?2, first_attempt_at = NULL"
		" WHERE state = 'held' AND channel = ?1");
	int rc;

	if (n)
		*n = 0;
	if (!st)
		return DB_ERR;
	db_bind_text(st, 1, channel);
	sqlite3_bind_int64(st, 2, now);
	rc = db_exec_stmt(db, st, "releasing held deliveries");
	if (rc == DB_OK && n)
		*n = sqlite3_changes(db->sqlite);
	return rc;
}

int db_remind_held_channels(struct db *db, json_t **out)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT channel AS name, count(*) AS held"
		" FROM deliveries WHERE state = 'held' GROUP BY channel ORDER BY channel");

	*out = NULL;
	return st ? db_query_array(db, st, out, "listing held deliveries") : DB_ERR;
}

int db_remind_failed_channels(struct db *db, int64_t reminder_id,
			      const char *channel, json_t **out)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT DISTINCT d.channel AS name FROM"
		" deliveries d JOIN reminders r ON r.id = d.reminder_id"
		" WHERE d.state = 'failed' AND r.state = 'failed'"
		" AND (?1 = 0 OR r.id = ?1) AND (?2 IS NULL OR d.channel = ?2)"
		" ORDER BY d.channel");

	*out = NULL;
	if (!st)
		return DB_ERR;
	sqlite3_bind_int64(st, 1, reminder_id);
	db_bind_text(st, 2, channel);
	return db_query_array(db, st, out, "listing failed deliveries' channels");
}

struct retry_failed_args {
	const char *channel;
	int64_t now;
	int reminders, deliveries;
};

/* The failed deliveries (to channel, if given) of failed reminders are
 * pending, due now, each with a new give_up_after window; then their
 * reminders are pending (a failed reminder has no other open delivery:
 * it was settled), as db_reminder_retry does for one. */
static int retry_failed_tx(struct db *db, void *arg)
{
	struct retry_failed_args *a = arg;
	sqlite3_stmt *st = db_stmt(db, "UPDATE deliveries SET state = 'pending',"
		" next_attempt_at = ?2, updated_at = ?2, first_attempt_at = NULL"
		" WHERE state = 'failed' AND (?1 IS NULL OR channel = ?1)"
		" AND reminder_id IN (SELECT id FROM reminders WHERE state = 'failed')");
	int rc;

	if (!st)
		return DB_ERR;
	db_bind_text(st, 1, a->channel);
	sqlite3_bind_int64(st, 2, a->now);
	if ((rc = db_exec_stmt(db, st, "retrying failed deliveries")) != DB_OK)
		return rc;
	a->deliveries = sqlite3_changes(db->sqlite);
	if (!(st = db_stmt(db, "UPDATE reminders SET state = 'pending', updated_at = ?1"
		" WHERE state = 'failed' AND EXISTS (SELECT 1 FROM deliveries d"
		" WHERE d.reminder_id = reminders.id AND d.state = 'pending')")))
		return DB_ERR;
	sqlite3_bind_int64(st, 1, a->now);
	rc = db_exec_stmt(db, st, "retrying failed reminders");
	a->reminders = rc == DB_OK ? sqlite3_changes(db->sqlite) : 0;
	return rc;
}

int db_remind_retry_failed(struct db *db, const char *channel, int64_t now,
			   int *reminders, int *deliveries)
{
	struct retry_failed_args a = { channel, now, 0, 0 };
	int rc = db_in_tx(db, retry_failed_tx, &a);

	*reminders = rc == DB_OK ? a.reminders : 0;
	*deliveries = rc == DB_OK ? a.deliveries : 0;
	return rc;
}
