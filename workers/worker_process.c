/* worker_process.c: owns what a worker does with one queued article:
 * extract its record, store it with its reminders, mark the article. The
 * store is idempotent (db_agreement_store), so a message handled twice —
 * a worker killed before XACK — changes nothing the second time. */
#include "worker.h"
#include "extract.h"
#include "log.h"
#include "queue.h"

#include <string.h>
#include <time.h>

static bool transient(int rc)
{
	return rc == DB_EBUSY || rc == DB_EFULL;
}

static enum handle_result give_up(struct worker *w, const struct queue_message *m)
{
	int rc = db_article_set_state(w->db, m->article_id, DB_ARTICLE_FAILED,
				      "extraction or storage failed on every attempt");
	if (rc != DB_OK)
		log_err("article %lld: cannot even mark it failed: %s", m->article_id, db_errmsg(w->db));
	w->failures++;
	return HANDLE_DONE;
}

/* Stores the record and schedules its reminders in one transaction. */
static int store(struct worker *w, const struct queue_message *m, const json_t *rec,
		 int64_t *agreement_id)
{
	int64_t now = (int64_t)time(NULL);
	int rc = db_begin(w->db);

	if (rc != DB_OK)
		return rc;
	rc = db_agreement_store(w->db, m->article_id, rec, now, agreement_id);
	if (rc == DB_OK && *agreement_id > 0)
		rc = db_reminders_schedule(w->db, *agreement_id, w->lead_days, w->n_lead_days, now, NULL);
	if (rc != DB_OK) {
		db_rollback(w->db);
		return rc;
	}
	return db_commit(w->db);
}

enum handle_result worker_process(const struct queue_message *m, void *arg)
{
	struct worker *w = arg;
	struct mw_extract_opts opts = { 0 };
	int64_t agreement_id = 0;

	if (m->deliveries > QUEUE_MAX_DELIVERIES)
		return give_up(w, m);
	if (m->published && *m->published && mw_ymd_parse(m->published, &opts.published) != 0)
		log_debug("article %lld: publication date '%s' is not YYYY-MM-DD; ignored",
			  m->article_id, m->published);
	json_t *rec = mw_extract(m->text, strlen(m->text), &opts);
	int rc = store(w, m, rec, &agreement_id);
	json_decref(rec);
	if (rc == DB_OK) {
		w->processed++;
		if (agreement_id > 0) {
			w->agreements++;
			log_info("article %lld (%s): agreement %lld stored", m->article_id,
				 m->url ? m->url : "?", (long long)agreement_id);
		} else {
			log_debug("article %lld: no agreement", m->article_id);
		}
		return HANDLE_DONE;
	}
	if (transient(rc)) {
		w->retries++;
		log_warn("article %lld: the database is %s (%s); leaving it queued for a retry",
			 m->article_id, rc == DB_EBUSY ? "busy" : "full", db_errmsg(w->db));
		return HANDLE_RETRY;
	}
	if (rc == DB_EINVAL || rc == DB_ENOTFOUND) {
		log_err("article %lld: cannot store its record: %s; marking it failed",
			m->article_id, db_errmsg(w->db));
		return give_up(w, m);
	}
	w->retries++;
	log_err("article %lld: storing failed: %s; it will be retried", m->article_id, db_errmsg(w->db));
	return HANDLE_RETRY;
}
