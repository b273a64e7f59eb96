/* remind.c: the reminder loop of mouwatchd: finds due reminders, routes
 * each to the channels whose match filter takes its agreement (one
 * delivery per reminder and channel), starts due deliveries through
 * deliver_webhook.c / deliver_email.c and moves each delivery on from the
 * outcome (saved by remind_outcome.c, kept in memory while the database
 * refuses it): delivered, retried later per the schedule, or failed. A
 * delivery whose channel is disabled (a 410) or missing from the
 * configuration (a reload) is 'held' instead (remind_held.c): it waits,
 * and goes out when the channel is enabled again or back in the
 * configuration. A reminder is 'sent' when all its deliveries are
 * delivered, 'failed' when one failed for good (operators retry it:
 * 'mouwatch reminder retry ID').
 * Rules: docs/reminders.md. */
#include "remind.h"
#include "remind_int.h"
#include "db_remind.h"
#include "fetch_private.h"
#include "log.h"
#include "xalloc.h"

#include <event2/event.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* At most this many deliveries are in flight at once; the next due one
 * starts as soon as one finishes (on_kick). */
#define MAX_JOBS 32

static void on_timer(evutil_socket_t fd, short what, void *arg);

/* ---- transactions ----
 * The writes of a pass, and those of one finished delivery, share one
 * transaction: each write on its own would take SQLite's write lock
 * again, and while workers store agreements every take is a wait. A
 * pass commits every ROUTE_CHUNK reminders so that workers are not held
 * up by a long backlog. If the commit fails, what it held is done again:
 * unrouted reminders are routed at the next pass, a delivery left
 * 'sending' is recovered (recover_orphans). */
#define ROUTE_CHUNK 100
#define TROUBLE_LOG_S 60

/* A database failure (a lock, a full disk, I/O): a warning once a
 * minute while they last, debug lines between; the pass that met it
 * is followed by another one second later. */
void remind_db_trouble(struct remind *r, const char *fmt, ...)
{
	int64_t now = daemon_now();
	/* A lock is reported by db_watch.c (when it outlasts busy_timeout). */
	bool loud = now - r->trouble_logged_at >= TROUBLE_LOG_S && !db_locked_since(r->d->db);
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		fatal("out of memory");
	va_end(ap);
	if (loud) {
		log_warn("reminders: %s (database failures of the reminders are logged once a "
			 "minute while they last; the work is retried every second)", msg);
		r->trouble_logged_at = now;
	} else {
		log_debug("reminders: %s", msg);
	}
	free(msg);
	r->pass_failed = true;
}

static bool tx_begin(struct remind *r)
{
	return db_begin(r->d->db) == DB_OK;
}

static void tx_end(struct remind *r, bool open)
{
	if (open && db_commit(r->d->db) != DB_OK)
		remind_db_trouble(r, "%s; the work is done again at the next pass",
				  db_errmsg(r->d->db));
}

/* ---- the timer ---- */

void remind_arm_in(struct remind *r, long long seconds)
{
	struct timeval tv = { (time_t)(seconds < 0 ? 0 : seconds), 0 };

	if (r->closing)
		return;
	r->next_pass_at = daemon_now() + tv.tv_sec;
	evtimer_add(r->timer, &tv);
}

/* Brings the next pass forward when a retry now falls due before it. */
static void arm_for_retries(struct remind *r, int64_t now)
{
	int64_t next = 0;

	if (db_remind_next_attempt(r->d->db, &next) == DB_OK && next > 0 &&
	    next < r->next_pass_at)
		remind_arm_in(r, next - now < 1 ? 1 : next - now);
}

/* Next pass: at check_interval, or sooner when a retry or the digest
 * falls due. */
static void arm_timer(struct remind *r, int64_t now)
{
	long long wait = r->d->cfg->reminders.check_interval;
	int64_t next = 0;

	if (wait <= 0)
		wait = 60;
	if (db_remind_next_attempt(r->d->db, &next) == DB_OK && next > 0 &&
	    next - now < wait)
		wait = next - now < 1 ? 1 : next - now;
	next = remind_digest_next(r, now);
	if (next > 0 && next - now < wait)
		wait = next - now;
	remind_arm_in(r, wait);
}

/* ---- reminders: state and routing ---- */

/* A reminder whose deliveries are all over is 'sent' or 'failed'. */
void remind_settle(struct remind *r, int64_t reminder_id, int64_t now)
{
	struct db_remind_progress p;

	if (db_remind_progress(r->d->db, reminder_id, &p) != DB_OK || p.open > 0 ||
	    p.delivered + p.failed == 0)
		return;
	const char *state = p.failed ? "failed" : "sent";
	if (db_reminder_set_state(r->d->db, reminder_id, state, now) != DB_OK)
		remind_db_trouble(r, "cannot mark reminder %lld %s: %s", (long long)reminder_id,
				  state, db_errmsg(r->d->db));
	else if (p.failed)
		log_warn("reminder %lld failed on %d channel(s); 'mouwatch reminder retry %lld' "
			 "tries again", (long long)reminder_id, p.failed, (long long)reminder_id);
}

static int64_t int_of(const json_t *o, const char *key)
{
	return (int64_t)json_integer_value(json_object_get(o, key));
}

/* False when the database failed: the pass stops (one line, not one per
 * due reminder) and the next one tries again. */
static bool route(struct remind *r, const json_t *row, int64_t now)
{
	int64_t id = int_of(row, "id");
	const struct mw_config *cfg = r->d->cfg;
	json_t *agreement = NULL;
	size_t matched = 0;

	int rc = db_query_agreement(r->d->db, int_of(row, "agreement_id"), &agreement);
	if (rc == DB_ENOTFOUND) {
		log_warn("reminder %lld: %s; skipped", (long long)id, db_errmsg(r->d->db));
		db_reminder_set_state(r->d->db, id, "skipped", now);
		return true;
	}
	if (rc != DB_OK) {      /* busy, full, I/O: routed at the next pass */
		remind_db_trouble(r, "reminder %lld: %s", (long long)id, db_errmsg(r->d->db));
		return false;
	}
	bool created = true;
	for (size_t i = 0; i < cfg->n_channels && created; i++) {
		if (!remind_match(&cfg->channels[i].match, agreement))
			continue;
		matched++;
		if (db_delivery_create(r->d->db, id, cfg->channels[i].name, now, NULL) != DB_OK) {
			remind_db_trouble(r, "reminder %lld: cannot create its delivery to channel "
					  "%s: %s", (long long)id, cfg->channels[i].name,
					  db_errmsg(r->d->db));
			created = false;
		}
	}
	json_decref(agreement);
	if (!created)
		return false;
	if (matched == 0) {
		log_info("reminder %lld (%s) matches no channel; skipped", (long long)id,
			 json_string_value(json_object_get(row, "kind")));
		db_reminder_set_state(r->d->db, id, "skipped", now);
		return true;
	}
	remind_settle(r, id, now);
	return true;
}

static void route_due(struct remind *r, int64_t now)
{
	json_t *due = NULL, *row;
	size_t i;

	if (r->d->cfg->n_channels == 0)
		return;   /* kept pending until a channel is configured */
	/* A reminder already routed is settled as its deliveries finish; all
	 * are routed again only at the first pass and after a reload (for the
	 * channels it added). After a downtime only the most urgent due
	 * reminder of an item is sent. */
	bool all = r->routed_gen != r->d->cfg_generation, complete = true;
	if (db_reminders_to_route(r->d->db, now, all, &due) != DB_OK) {
		remind_db_trouble(r, "cannot list due reminders: %s", db_errmsg(r->d->db));
		return;
	}
	bool tx = tx_begin(r);
	json_array_foreach(due, i, row) {
		if (i > 0 && i % ROUTE_CHUNK == 0) {
			tx_end(r, tx);
			tx = tx_begin(r);
		}
		if (int_of(row, "superseded")) {
			db_reminder_set_state(r->d->db, int_of(row, "id"), "superseded", now);
			continue;
		}
		if (all || !int_of(row, "routed")) {
			if (!(complete = route(r, row, now)))
				break;
		} else if (!int_of(row, "open"))
			remind_settle(r, int_of(row, "id"), now);   /* settling it failed before */
	}
	/* After a failure every due reminder is routed again at the next pass
	 * (creating deliveries is idempotent): one may have got some of its
	 * deliveries and not the others. */
	tx_end(r, tx);
	r->routed_gen = complete ? r->d->cfg_generation : 0;
	json_decref(due);
}

/* ---- deliveries ---- */

void remind_job_free(struct remind_job *j)
{
	free(j->channel);
	free(j->webhook_id);
	free(j->digest_day);
	free(j->digest_text);
	free(j->digest_ics);
	free(j->digest_subject);
	free(j->mail);
	remind_outcome_free(j->kept);
	if (j->password) {
		explicit_bzero(j->password, strlen(j->password));
		free(j->password);
	}
	curl_slist_free_all(j->rcpt);
	json_decref(j->row);
	json_decref(j->agreement);
	free(j);
}

static void job_unlink(struct remind *r, struct remind_job *j)
{
	for (struct remind_job **p = &r->jobs; *p; p = &(*p)->next)
		if (*p == j) {
			*p = j->next;
			r->n_jobs--;
			return;
		}
}

static void kick_soon(struct remind *r)
{
	if (!r->closing && !evtimer_pending(r->kick, NULL)) {
		struct timeval zero = { 0, 0 };
		evtimer_add(r->kick, &zero);   /* start what waited for this one */
	}
}

/* Outcomes kept in memory, saved again; the jobs saved are done. */
static void save_kept(struct remind *r)
{
	struct remind_job *next;
	size_t saved = 0, left = 0;

	for (struct remind_job *j = r->jobs; j; j = next) {
		next = j->next;
		if (!j->unsaved)
			continue;
		if (!remind_save_outcome(r, j, j->kept)) {
			left++;
			continue;
		}
		job_unlink(r, j);
		remind_job_free(j);
		saved++;
	}
	if (left)
		remind_db_trouble(r, "the outcome of %zu delivery(ies) still cannot be saved: %s; "
				  "kept in memory (they are not sent again)", left,
				  db_errmsg(r->d->db));
	else if (saved)
		log_notice("reminders: saved the outcome of %zu delivery(ies) kept in memory while "
			   "the database refused writes", saved);
	if (saved)
		kick_soon(r);
}

void remind_job_finish(struct remind_job *j, const struct remind_outcome *o)
{
	struct remind *r = j->r;
	int64_t now = daemon_now();

	if (!r) {           /* orphaned by remind_free: the row is pending again */
		remind_job_free(j);
		return;
	}
	if (j->digest_day) {
		job_unlink(r, j);
		remind_digest_finish(r, j, o);
		remind_job_free(j);
		return;
	}
	j->finished_at = now;
	j->duration_ms = (int)((fetch_now() - j->started) * 1000);
	if (!remind_save_outcome(r, j, o)) {
		/* Not sent again: kept until a pass can save it. */
		remind_keep_outcome(j, o);
		remind_db_trouble(r, "cannot save the outcome of delivery %lld to channel %s: %s; "
				  "kept in memory and saved at the next pass (it is not sent again)",
				  (long long)j->delivery_id, j->channel, db_errmsg(r->d->db));
		remind_arm_in(r, 1);
		return;
	}
	job_unlink(r, j);
	remind_job_free(j);
	kick_soon(r);
}

/* lead_days of the delivery's reminder, from the agreement's reminders. */
static void add_lead_days(json_t *row, const json_t *agreement)
{
	const json_t *o;
	size_t i;

	json_array_foreach(json_object_get(agreement, "reminders"), i, o)
		if (int_of(o, "id") == int_of(row, "reminder_id"))
			json_object_set(row, "lead_days", json_object_get(o, "lead_days"));
}

struct remind_job *remind_job_add(struct remind *r)
{
	struct remind_job *j = xcalloc(1, sizeof *j);

	j->r = r;
	j->started = fetch_now();
	j->next = r->jobs;
	r->jobs = j;
	r->n_jobs++;
	return j;
}

static struct remind_job *job_new(struct remind *r, json_t *row, json_t *agreement)
{
	struct remind_job *j = remind_job_add(r);

	j->delivery_id = int_of(row, "id");
	j->reminder_id = int_of(row, "reminder_id");
	j->first_attempt_at = int_of(row, "first_attempt_at");
	j->attempts = (int)int_of(row, "attempts");
	j->channel = xstrdup(json_string_value(json_object_get(row, "channel")));
	j->webhook_id = xstrdup(json_string_value(json_object_get(row, "webhook_id")));
	j->row = json_incref(row);
	j->agreement = agreement;
	add_lead_days(j->row, agreement);
	return j;
}

/* A delivery that cannot be attempted at all fails now, visibly. */
static void fail_row(struct remind *r, const json_t *row, const char *why, int64_t now)
{
	int64_t id = int_of(row, "id");

	db_delivery_update(r->d->db, id, "failed", 0, 0, why, now);
	log_warn("delivery %lld to channel %s failed: %s", (long long)id,
		 json_string_value(json_object_get(row, "channel")), why);
	remind_settle(r, int_of(row, "reminder_id"), now);
}

/* Marks a due delivery in flight ('sending') and fetches its agreement
 * (*agreement, new reference). false when the database failed: the others
 * would fail the same way, so the pass stops there (one log line, not one
 * per due delivery). true with *agreement NULL when the delivery was
 * held instead (its channel is gone or disabled) or failed (its agreement
 * is gone). */
static bool mark_one(struct remind *r, json_t *row, int64_t now, json_t **agreement)
{
	const char *name = json_string_value(json_object_get(row, "channel"));
	char *why = remind_channel_refusal(r, name);

	*agreement = NULL;
	if (why) {
		bool held = remind_hold_row(r, row, why, now);
		free(why);
		if (!held)
			remind_db_trouble(r, "cannot hold delivery %lld to channel %s: %s; tried "
					  "again at the next pass", (long long)int_of(row, "id"), name,
					  db_errmsg(r->d->db));
		return held;
	}
	int rc = db_query_agreement(r->d->db, int_of(row, "agreement_id"), agreement);
	if (rc == DB_ENOTFOUND) {
		fail_row(r, row, db_errmsg(r->d->db), now);
		return true;
	}
	if (rc == DB_OK &&
	    db_delivery_update(r->d->db, int_of(row, "id"), "sending", 0, 0, NULL, now) == DB_OK)
		return true;
	remind_db_trouble(r, "cannot start delivery %lld: %s; tried again at the next pass",
			  (long long)int_of(row, "id"), db_errmsg(r->d->db));
	json_decref(*agreement);
	*agreement = NULL;
	return false;
}

static void start_job(struct remind *r, json_t *row, json_t *agreement)
{
	const struct mw_channel_config *c =
		config_channel(r->d->cfg, json_string_value(json_object_get(row, "channel")));
	struct remind_job *j = job_new(r, row, agreement);

	if (c->type == MW_CHANNEL_WEBHOOK)
		deliver_webhook(j, c);
	else
		deliver_email(j, c);
}

void remind_wake(struct remind *r)
{
	if (r != NULL)
		remind_arm_in(r, 0);
}

static bool in_flight(const struct remind *r, int64_t delivery_id)
{
	for (const struct remind_job *j = r->jobs; j; j = j->next)
		if (j->delivery_id == delivery_id)
			return true;
	return false;
}

/* A delivery marked 'sending' with no job behind it lost its outcome: the
 * write after its attempt failed (a full disk, a lock held too long). It
 * is sent again under the same id (receivers drop repeats). */
static void recover_orphans(struct remind *r, int64_t now)
{
	json_t *sending = NULL, *row;
	size_t i;

	if (db_remind_in_state(r->d->db, "sending", &sending) != DB_OK) {
		remind_db_trouble(r, "cannot list deliveries in flight: %s", db_errmsg(r->d->db));
		return;
	}
	json_array_foreach(sending, i, row) {
		int64_t id = int_of(row, "id");
		if (in_flight(r, id))
			continue;
		if (db_delivery_update(r->d->db, id, "pending", now, 0, NULL, now) == DB_OK)
			log_notice("delivery %lld to channel %s: the outcome of its last attempt "
				   "could not be saved; sending it again", (long long)id,
				   json_string_value(json_object_get(row, "channel")));
	}
	json_decref(sending);
}

/* Due deliveries are marked 'sending' and that is committed before any
 * is sent: a delivery whose mark could not be saved is not sent, so a
 * database that fails every write (a full disk) cannot make the daemon
 * send the same reminders again and again. */
static void start_due(struct remind *r, int64_t now)
{
	json_t *due = NULL, *row, *rows[MAX_JOBS], *agreements[MAX_JOBS];
	size_t i, n = 0;

	if (r->n_jobs >= MAX_JOBS)
		return;
	if (db_deliveries_due(r->d->db, now, (int)(MAX_JOBS - r->n_jobs), &due) != DB_OK) {
		remind_db_trouble(r, "cannot list due deliveries: %s", db_errmsg(r->d->db));
		return;
	}
	bool tx = tx_begin(r);
	json_array_foreach(due, i, row) {
		if (r->n_jobs + n >= MAX_JOBS)
			break;
		if (in_flight(r, int_of(row, "id")))
			continue;   /* its 'sending' was not committed */
		if (!mark_one(r, row, now, &agreements[n]))
			break;
		if (agreements[n])
			rows[n++] = row;
	}
	/* Without a transaction each mark was saved on its own. */
	bool saved = !tx || db_commit(r->d->db) == DB_OK;
	if (!saved && n > 0)
		remind_db_trouble(r, "cannot start %zu delivery(ies): %s; tried again at the "
				  "next pass", n, db_errmsg(r->d->db));
	for (i = 0; i < n; i++) {
		if (saved)
			start_job(r, rows[i], agreements[i]);
		else
			json_decref(agreements[i]);
	}
	json_decref(due);
}
/* After a job's end: the next due deliveries, and an earlier pass if the
 * job scheduled a retry before it. */
static void on_kick(evutil_socket_t fd, short what, void *arg)
{
	struct remind *r = arg;
	int64_t now = daemon_now();
	(void)fd;
	(void)what;

	if (r->closing)
		return;
	start_due(r, now);
	arm_for_retries(r, now);
}

/* ---- the pass ---- */

static void on_timer(evutil_socket_t fd, short what, void *arg)
{
	struct remind *r = arg;
	int64_t now = daemon_now();
	(void)fd;
	(void)what;

	if (r->closing)
		return;
	r->pass_failed = false;
	save_kept(r);
	route_due(r, now);
	bool tx = tx_begin(r);
	remind_held_sync(r, now);
	recover_orphans(r, now);
	tx_end(r, tx);
	if (r->pass_failed)
		r->removed_gen = 0;   /* its holds and releases may be rolled back */
	start_due(r, now);
	remind_digest_check(r, now);
	arm_timer(r, now);
	/* A lock or a full disk: the next pass in a second, not at check_interval. */
	if (r->pass_failed || db_locked_since(r->d->db))
		remind_arm_in(r, 1);
}

struct remind *remind_new(struct daemon *d)
{
	int recovered = 0;

	if (db_remind_recover(d->db, daemon_now(), &recovered) != DB_OK) {
		log_err("reminders: %s", db_errmsg(d->db));
		return NULL;
	}
	if (recovered)
		log_notice("%d delivery(ies) were in flight when mouwatchd stopped; sending them "
			   "again (receivers drop duplicates by webhook-id / Message-ID)", recovered);
	struct remind *r = xcalloc(1, sizeof *r);
	r->d = d;
	r->timer = evtimer_new(d->base, on_timer, r);
	r->kick = evtimer_new(d->base, on_kick, r);
	if (!r->timer || !r->kick)
		fatal("cannot create the reminder timer");
	if (d->cfg->n_channels == 0)
		log_notice("no [channel] is configured: reminders wait in the database");
	remind_arm_in(r, 0);
	return r;
}

void remind_free(struct remind *r)
{
	int64_t now = daemon_now();

	if (!r)
		return;
	r->closing = true;
	save_kept(r);
	while (r->jobs) {
		struct remind_job *j = r->jobs;
		r->jobs = j->next;
		if (j->unsaved) {   /* over, but its outcome is lost: sent again at the next start */
			log_warn("delivery %lld: the outcome of its last attempt could not be saved "
				 "before the exit (%s); it is sent again at the next start, with the "
				 "same id", (long long)j->delivery_id, db_errmsg(r->d->db));
			remind_job_free(j);
			continue;
		}
		if (j->delivery_id)
			db_delivery_update(r->d->db, j->delivery_id, "pending", now, 0, NULL, now);
		if (j->easy) {
			deliver_email_cancel(j);
			remind_job_free(j);
		} else {
			j->r = NULL;   /* the fetch engine calls back when it is freed */
		}
	}
	event_free(r->timer);
	event_free(r->kick);
	json_decref(r->digest_empty);
	free(r);
}

bool remind_idle(struct daemon *d)
{
	struct remind *r = d->remind;
	int open = 0, unrouted = 0;

	if (!r)
		return true;
	if (r->n_jobs)
		return false;
	if (db_remind_open_until(d->db, d->started_at + d->once_timeout_s, &open) != DB_OK)
		return true;
	if (d->cfg->n_channels > 0 &&
	    db_remind_unrouted(d->db, daemon_now(), &unrouted) == DB_OK && unrouted > 0) {
		remind_arm_in(r, 0);
		return false;
	}
	return open == 0;
}
