/* db_deliveries.c: one delivery per (reminder, channel) with its retry
 * state, and the log of every attempt. webhook_id is fixed when the row is
 * created, so retries carry the same idempotency key; first_attempt_at
 * is set by the first logged attempt (give_up_after counts from it). */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "xalloc.h"

static const char *const db_delivery_states[] = {
	"pending", "sending", "delivered", "failed", "held",
};

int db_delivery_create(struct db *db, int64_t reminder_id, const char *channel,
                       int64_t now, int64_t *id)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO deliveries (reminder_id,"
		" channel, next_attempt_at, webhook_id, created_at, updated_at)"
		" VALUES (?1, ?2, ?3, ?4, ?3, ?3) ON CONFLICT DO NOTHING");
	sqlite3_stmt *get;
	char *wid;
	int rc;

	if (!channel || !*channel)
		return db_failf(db, DB_EINVAL, "delivery without a channel name");
	if (!st)
		return DB_ERR;
	wid = xasprintf("msg_mw_%lld_%s", (long long)reminder_id, channel);
	sqlite3_bind_int64(st, 1, reminder_id);
	db_bind_text(st, 2, channel);
	sqlite3_bind_int64(st, 3, now);
	db_bind_text(st, 4, wid);
	rc = db_exec_stmt(db, st, "creating a delivery");
	free(wid);
	if (rc != DB_OK || !id)
		return rc;
	if (!(get = db_stmt(db, "SELECT id FROM deliveries WHERE reminder_id = ?1"
	                        " AND channel = ?2")))
		return DB_ERR;
	sqlite3_bind_int64(get, 1, reminder_id);
	db_bind_text(get, 2, channel);
	rc = sqlite3_step(get);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(get, 0) : 0;
	sqlite3_reset(get);
	return rc == SQLITE_ROW ? DB_OK : db_fail(db, rc, "reading a delivery");
}

int db_deliveries_due(struct db *db, int64_t now, int limit, json_t **out)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT d.id, d.reminder_id, d.channel,"
		" d.attempts, d.next_attempt_at, d.webhook_id, d.created_at,"
		" d.first_attempt_at,"
		" r.kind, r.agreement_id, r.event_id, r.target_date"
		" FROM deliveries d JOIN reminders r ON r.id = d.reminder_id"
		" WHERE d.state = 'pending' AND d.next_attempt_at <= ?1"
		" ORDER BY d.next_attempt_at, d.id LIMIT ?2");

	*out = NULL;
	if (!st)
		return DB_ERR;
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int(st, 2, limit < 0 ? -1 : limit);
	return db_query_array(db, st, out, "listing due deliveries");
}

int db_delivery_update(struct db *db, int64_t id, const char *state,
                       int64_t next_attempt_at, int last_status,
                       const char *last_error, int64_t now)
{
	sqlite3_stmt *st;
	bool known = false;
	int rc;

	for (size_t i = 0; state && i < sizeof db_delivery_states / sizeof *db_delivery_states; i++)
		known = known || strcmp(state, db_delivery_states[i]) == 0;
	if (!known)
		return db_failf(db, DB_EINVAL, "unknown delivery state '%s': use "
			"pending, sending, delivered, failed or held",
			state ? state : "(null)");
	if (!(st = db_stmt(db, "UPDATE deliveries SET state = ?2,"
	     " next_attempt_at = coalesce(?3, next_attempt_at),"
	     " last_status = ?4, last_error = ?5, updated_at = ?6 WHERE id = ?1")))
		return DB_ERR;
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, state);
	db_bind_time(st, 3, next_attempt_at);
	if (last_status)
		sqlite3_bind_int(st, 4, last_status);
	db_bind_text(st, 5, last_error);
	sqlite3_bind_int64(st, 6, now);
	rc = db_exec_stmt(db, st, "updating a delivery");
	if (rc == DB_OK && sqlite3_changes(db->sqlite) == 0)
		return db_failf(db, DB_ENOTFOUND, "no delivery with id %lld",
		                (long long)id);
	return rc;
}

struct db_attempt_args {
	int64_t id;
	const struct db_attempt *a;
};

static int db_attempt_tx(struct db *db, void *arg)
{
	const struct db_attempt_args *x = arg;
	sqlite3_stmt *ins = db_stmt(db, "INSERT INTO delivery_attempts"
		" (delivery_id, attempted_at, status_code, reply, error, duration_ms)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	sqlite3_stmt *upd;
	int rc;

	if (!ins)
		return DB_ERR;
	sqlite3_bind_int64(ins, 1, x->id);
	sqlite3_bind_int64(ins, 2, x->a->at);
	if (x->a->status)
		sqlite3_bind_int(ins, 3, x->a->status);
	db_bind_text(ins, 4, x->a->reply);
	db_bind_text(ins, 5, x->a->error);
	sqlite3_bind_int(ins, 6, x->a->duration_ms);
	if ((rc = db_exec_stmt(db, ins, "logging a delivery attempt")) != DB_OK)
		return rc;
	if (!(upd = db_stmt(db, "UPDATE deliveries SET attempts = attempts + 1,"
	                        " first_attempt_at = coalesce(first_attempt_at, ?2)"
	                        " WHERE id = ?1")))
		return DB_ERR;
	sqlite3_bind_int64(upd, 1, x->id);
	sqlite3_bind_int64(upd, 2, x->a->at);
	return db_exec_stmt(db, upd, "counting a delivery attempt");
}

int db_delivery_attempt_add(struct db *db, int64_t delivery_id,
                            const struct db_attempt *a)
{
	struct db_attempt_args x = { delivery_id, a };

	return db_in_tx(db, db_attempt_tx, &x);
}

int db_delivery_get(struct db *db, int64_t id, json_t **out)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id, reminder_id, channel, state,"
		" attempts, next_attempt_at, last_status, last_error, webhook_id,"
		" first_attempt_at,"
		" (SELECT json_group_array(json_object('at', attempted_at,"
		"  'status', status_code, 'reply', reply, 'error', error,"
		"  'duration_ms', duration_ms)) FROM (SELECT * FROM delivery_attempts"
		"  WHERE delivery_id = ?1 ORDER BY id)) AS attempts_log_json"
		" FROM deliveries WHERE id = ?1");

	if (!st)
		return DB_ERR;
	sqlite3_bind_int64(st, 1, id);
	return db_row_to_json(db, st, out, "reading a delivery");
}
