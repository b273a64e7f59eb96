/* remind_outcome.c: what one delivery attempt came to, saved: the
 * attempt, the delivery's next state (delivered, retried later per the
 * schedule, failed, or held after a 410) and its reminder's, in one
 * transaction, with their log lines printed only once it committed. An
 * outcome the database refused (a lock, a full disk) is kept in its job
 * and saved again by a later pass (remind.c), so the delivery is never
 * sent again because of it. Rules: docs/reminders.md. */
#include "remind_int.h"
#include "db_remind.h"
#include "log.h"
#include "xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void remind_outcome_free(struct remind_outcome *k)
{
	if (!k)
		return;
	free((char *)k->reply);
	free((char *)k->error);
	free(k);
}

/* Log lines about a delivery's outcome, printed once it is committed
 * (an outcome saved again at every pass must not be logged at each). */
struct notes {
	int n;
	enum log_level level[2];
	char *text[2];
};

static void note(struct notes *ns, enum log_level level, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void note(struct notes *ns, enum log_level level, const char *fmt, ...)
{
	va_list ap;

	if (ns->n == 2)
		return;
	va_start(ap, fmt);
	if (vasprintf(&ns->text[ns->n], fmt, ap) < 0)
		fatal("out of memory");
	va_end(ap);
	ns->level[ns->n++] = level;
}

static void notes_end(struct notes *ns, bool print)
{
	for (int i = 0; i < ns->n; i++) {
		if (print)
			log_msg(ns->level[i], "%s", ns->text[i]);
		free(ns->text[i]);
	}
	ns->n = 0;
}

static bool record_attempt(struct remind *r, struct remind_job *j,
			   const struct remind_outcome *o, int64_t now)
{
	struct db_attempt a = { .at = now, .status = o->status, .reply = o->reply,
		.error = o->ok ? NULL : o->error,
		.duration_ms = j->duration_ms };

	return db_delivery_attempt_add(r->d->db, j->delivery_id, &a) == DB_OK;
}

static bool fail_for_good(struct remind *r, struct remind_job *j,
			  const struct remind_outcome *o, int64_t now, struct notes *ns)
{
	note(ns, LOG_LEVEL_WARN, "delivery %lld of reminder %lld to channel %s failed after %d "
	     "attempt(s): %s; 'mouwatch reminder retry %lld' tries again",
	     (long long)j->delivery_id, (long long)j->reminder_id, j->channel, j->attempts + 1,
	     o->error, (long long)j->reminder_id);
	return db_delivery_update(r->d->db, j->delivery_id, "failed", 0, o->status, o->error,
				  now) == DB_OK;
}

static bool move_on(struct remind *r, struct remind_job *j,
		    const struct remind_outcome *o, int64_t now, struct notes *ns)
{
	const struct mw_reminders_config *rc = &r->d->cfg->reminders;
	struct db *db = r->d->db;

	if (o->ok) {
		note(ns, LOG_LEVEL_INFO, "delivered reminder %lld (%s) to channel %s",
		     (long long)j->reminder_id, json_string_value(json_object_get(j->row, "kind")),
		     j->channel);
		return db_delivery_update(db, j->delivery_id, "delivered", 0, o->status, NULL,
					  now) == DB_OK;
	}
	if (o->gone) {
		char *why = xasprintf("the receiver answered 410 Gone at %lld", (long long)now);
		bool ok = db_remind_channel_set_disabled(db, j->channel, why, now) == DB_OK;
		note(ns, LOG_LEVEL_WARN, "channel %s disabled: its receiver answered 410 Gone; its "
		     "deliveries wait (held); fix the receiver, then 'mouwatch channel enable %s' "
		     "sends them", j->channel, j->channel);
		free(why);
		return db_delivery_update(db, j->delivery_id, "held", 0, o->status, o->error,
					  now) == DB_OK && ok;
	}
	double jitter = 0.9 + 0.2 * ((double)random() / RAND_MAX);
	/* give_up_after counts from the first attempt: this one, if none before. */
	int64_t first = j->first_attempt_at > 0 ? j->first_attempt_at : now;
	int64_t next = remind_retry_next(rc->retry_schedule, rc->n_retry_schedule,
					 j->attempts + 1, first, now, o->retry_after_s,
					 rc->give_up_after, jitter);
	if (next < 0)
		return fail_for_good(r, j, o, now, ns);
	note(ns, LOG_LEVEL_INFO, "delivery %lld to channel %s: %s; next attempt in %lld s",
	     (long long)j->delivery_id, j->channel, o->error, (long long)(next - now));
	return db_delivery_update(db, j->delivery_id, "pending", next, o->status, o->error,
				  now) == DB_OK;
}

/* The attempt, the delivery's next state and its reminder's, in one
 * transaction: false when it did not commit (then nothing of it is saved). */
bool remind_save_outcome(struct remind *r, struct remind_job *j,
			 const struct remind_outcome *o)
{
	struct notes ns = { 0 };
	int64_t now = j->finished_at;

	if (db_begin(r->d->db) != DB_OK)
		return false;
	bool ok = record_attempt(r, j, o, now) && move_on(r, j, o, now, &ns);
	if (ok)
		remind_settle(r, j->reminder_id, now);
	if (!ok)
		db_rollback(r->d->db);
	ok = ok && db_commit(r->d->db) == DB_OK;
	notes_end(&ns, ok);
	return ok;
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

/* Keeps an outcome that could not be saved in its job (see remind_int.h). */
void remind_keep_outcome(struct remind_job *j, const struct remind_outcome *o)
{
	struct remind_outcome *k = xmalloc(sizeof *k);

	*k = *o;
	k->reply = dup_or_null(o->reply);
	k->error = dup_or_null(o->error);
	j->kept = k;
	j->unsaved = true;
}
