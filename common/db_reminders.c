/* db_reminders.c: reminder rows derived from an agreement. A reminder is
 * one (kind, agreement, event, lead days); the unique key makes scheduling
 * repeatable. due_at = target date - lead days, at the configured time of
 * day (UTC). Targets already past get nothing; of the reminders of one
 * item already overdue only the one with the smallest lead stays pending,
 * so a late-discovered agreement sends one message, not three. */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "xalloc.h"

/* One thing reminded about: the expiry, or the start of one event. */
struct db_remind_item {
	const char *kind;
	int64_t event_id;       /* 0 for the expiry */
	char target[11];
};

static const char sql_reminder_insert[] =
	"INSERT INTO reminders (kind, agreement_id, event_id, lead_days,"
	" target_date, due_at, state, created_at, updated_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8) ON CONFLICT DO NOTHING";

struct db_sched {
	int64_t agreement_id, now;
	const int *lead;
	size_t n;
	int created;
};

static int db_reminder_insert(struct db *db, struct db_sched *s,
                              const struct db_remind_item *it, int lead,
                              int64_t due_at, const char *state)
{
	sqlite3_stmt *st = db_stmt(db, sql_reminder_insert);
	int rc;

	if (!st)
		return DB_ERR;
	db_bind_text(st, 1, it->kind);
	sqlite3_bind_int64(st, 2, s->agreement_id);
	db_bind_time(st, 3, it->event_id);
	sqlite3_bind_int(st, 4, lead);
	db_bind_text(st, 5, it->target);
	sqlite3_bind_int64(st, 6, due_at);
	db_bind_text(st, 7, state);
	sqlite3_bind_int64(st, 8, s->now);
	rc = db_exec_stmt(db, st, "inserting a reminder");
	if (rc == DB_OK)
		s->created += sqlite3_changes(db->sqlite);
	return rc;
}

/* Pending reminders of the item overdue with a longer lead than the most
 * urgent overdue one are superseded (also those from earlier runs). */
static int db_reminders_supersede(struct db *db, struct db_sched *s,
                                  const struct db_remind_item *it,
                                  int urgent_lead)
{
	sqlite3_stmt *st = db_stmt(db, "UPDATE reminders SET"
		" state = 'superseded', updated_at = ?5 WHERE kind = ?1"
		" AND agreement_id = ?2 AND coalesce(event_id, 0) = ?3"
		" AND state = 'pending' AND due_at <= ?5 AND lead_days > ?4");

	if (!st)
		return DB_ERR;
	db_bind_text(st, 1, it->kind);
	sqlite3_bind_int64(st, 2, s->agreement_id);
	sqlite3_bind_int64(st, 3, it->event_id);
	sqlite3_bind_int(st, 4, urgent_lead);
	sqlite3_bind_int64(st, 5, s->now);
	return db_exec_stmt(db, st, "superseding reminders");
}

static int64_t db_due_at(struct db *db, int64_t target_days, int lead)
{
	return (target_days - lead) * 86400 + db->reminder_time_utc;
}

static int db_schedule_item(struct db *db, struct db_sched *s,
                            const struct db_remind_item *it)
{
	int64_t target = db_date_days(it->target);
	int urgent = -1, rc = DB_OK;

	if (target < 0 || target < s->now / 86400)
		return DB_OK;    /* malformed or already past */
	for (size_t i = 0; i < s->n; i++) {
		int lead = s->lead[i];
		if (lead >= 0 && db_due_at(db, target, lead) <= s->now &&
		    (urgent < 0 || lead < urgent))
			urgent = lead;
	}
	for (size_t i = 0; i < s->n && rc == DB_OK; i++) {
		int lead = s->lead[i];
		int64_t due = db_due_at(db, target, lead);
		bool stale = due <= s->now && lead != urgent;
		if (lead >= 0)
			rc = db_reminder_insert(db, s, it, lead, due,
			                        stale ? "superseded" : "pending");
	}
	if (rc == DB_OK && urgent >= 0)
		rc = db_reminders_supersede(db, s, it, urgent);
	return rc;
}

/* agreement.new: one per agreement, due now, when it is first scheduled. */
static int db_schedule_new(struct db *db, struct db_sched *s)
{
	struct db_remind_item it = { .kind = "agreement.new" };

	db_days_date(s->now / 86400, it.target);
	return db_reminder_insert(db, s, &it, 0, s->now, "pending");
}

static const char sql_items[] =
	"SELECT 'agreement.expiring', 0, expires_on FROM agreements"
	" WHERE id = ?1 AND expires_on IS NOT NULL"
	" UNION ALL SELECT 'event.upcoming', id, starts_on FROM events"
	" WHERE agreement_id = ?1 AND starts_on IS NOT NULL";

/* Reads the items first: the inserts must not run under an open SELECT
 * of the same tables' statement. */
static int db_schedule_items(struct db *db, struct db_sched *s)
{
	sqlite3_stmt *st = db_stmt(db, sql_items);
	struct db_remind_item *v = NULL;
	size_t n = 0, cap = 0;
	int rc;

	if (!st)
		return DB_ERR;
	sqlite3_bind_int64(st, 1, s->agreement_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap)
			v = xrealloc(v, (cap = cap ? 2 * cap : 8) * sizeof *v);
		v[n].kind = sqlite3_column_int64(st, 1) ? "event.upcoming"
		                                        : "agreement.expiring";
		v[n].event_id = sqlite3_column_int64(st, 1);
		snprintf(v[n].target, sizeof v[n].target, "%.10s",
		         (const char *)sqlite3_column_text(st, 2));
		n++;
	}
	sqlite3_reset(st);
	rc = rc == SQLITE_DONE ? DB_OK : db_fail(db, rc, "reading dates to remind");
	for (size_t i = 0; i < n && rc == DB_OK; i++)
		rc = db_schedule_item(db, s, &v[i]);
	free(v);
	return rc;
}

static int db_schedule_tx(struct db *db, void *arg)
{
	struct db_sched *s = arg;
	sqlite3_stmt *st = db_stmt(db, "SELECT 1 FROM agreements WHERE id = ?1");
	int rc;

	if (!st)
		return DB_ERR;
	sqlite3_bind_int64(st, 1, s->agreement_id);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return db_failf(db, DB_ENOTFOUND, "no agreement with id %lld",
		                (long long)s->agreement_id);
	if (rc != SQLITE_ROW)
		return db_fail(db, rc, "reading an agreement");
	rc = db_schedule_new(db, s);
	return rc == DB_OK ? db_schedule_items(db, s) : rc;
}

int db_reminders_schedule(struct db *db, int64_t agreement_id,
                          const int *lead_days, size_t n, int64_t now,
                          int *created)
{
	struct db_sched s = { agreement_id, now, lead_days, n, 0 };
	int rc = db_in_tx(db, db_schedule_tx, &s);

	if (created)
		*created = rc == DB_OK ? s.created : 0;
	return rc;
}

int db_reminders_to_route(struct db *db, int64_t now, bool all, json_t **out)
{
	/* routed: it has deliveries already; open: some of them are still
	 * pending, sending or held (a routed one that is not open was not settled:
	 * its last state change failed); superseded: another due one of
	 * the same item has a shorter lead. All come from indexes, so a long
	 * backlog costs a remind pass neither a quadratic scan nor a re-read
	 * of every routed reminder. */
	sqlite3_stmt *st = db_stmt(db, "SELECT * FROM (SELECT id, kind,"
		" agreement_id, event_id, lead_days, target_date, due_at,"
		" EXISTS (SELECT 1 FROM deliveries d WHERE d.reminder_id = r.id) AS routed,"
		" EXISTS (SELECT 1 FROM deliveries d WHERE d.reminder_id = r.id"
		"  AND d.state IN ('pending','sending','held')) AS open,"
		" EXISTS (SELECT 1 FROM reminders o WHERE o.kind = r.kind"
		"  AND o.agreement_id = r.agreement_id"
		"  AND coalesce(o.event_id, 0) = coalesce(r.event_id, 0)"
		"  AND o.lead_days < r.lead_days AND o.state = 'pending'"
		"  AND o.due_at <= ?1) AS superseded"
		" FROM reminders r WHERE state = 'pending' AND due_at <= ?1)"
		" WHERE ?2 OR NOT routed OR NOT open OR superseded ORDER BY due_at, id");

	*out = NULL;
	if (!st)
		return DB_ERR;
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int(st, 2, all);
	return db_query_array(db, st, out, "listing due reminders");
}

int db_reminders_due(struct db *db, int64_t now, json_t **out)
{
	return db_reminders_to_route(db, now, true, out);
}

static const char *const db_reminder_states[] = {
	"pending", "sent", "failed", "skipped", "superseded",
};

int db_reminder_set_state(struct db *db, int64_t id, const char *state,
                          int64_t now)
{
	sqlite3_stmt *st;
	bool known = false;
	int rc;

	for (size_t i = 0; state && i < sizeof db_reminder_states / sizeof *db_reminder_states; i++)
		known = known || strcmp(state, db_reminder_states[i]) == 0;
	if (!known)
		return db_failf(db, DB_EINVAL, "unknown reminder state '%s': use "
			"pending, sent, failed, skipped or superseded",
			state ? state : "(null)");
	if (!(st = db_stmt(db, "UPDATE reminders SET state = ?2,"
	                       " updated_at = ?3 WHERE id = ?1")))
		return DB_ERR;
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, state);
	sqlite3_bind_int64(st, 3, now);
	rc = db_exec_stmt(db, st, "updating a reminder");
	if (rc == DB_OK && sqlite3_changes(db->sqlite) == 0)
		return db_failf(db, DB_ENOTFOUND, "no reminder with id %lld: see "
			"'mouwatch reminders'", (long long)id);
	return rc;
}

static int db_retry_tx(struct db *db, void *arg)
{
	const int64_t *a = arg;   /* id, now */
	sqlite3_stmt *st;
	int rc = db_reminder_set_state(db, a[0], "pending", a[1]);

	if (rc != DB_OK)
		return rc;
	/* An operator's retry opens a new give_up_after window. */
	if (!(st = db_stmt(db, "UPDATE deliveries SET state = 'pending',"
	                       " next_attempt_at = ?2, updated_at = ?2,"
	                       " first_attempt_at = NULL"
	                       " WHERE reminder_id = ?1 AND state = 'failed'")))
		return DB_ERR;
	sqlite3_bind_int64(st, 1, a[0]);
	sqlite3_bind_int64(st, 2, a[1]);
	return db_exec_stmt(db, st, "retrying deliveries");
}

int db_reminder_retry(struct db *db, int64_t id, int64_t now)
{
	int64_t a[2] = { id, now };

	return db_in_tx(db, db_retry_tx, a);
}
