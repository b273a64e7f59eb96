/* worker_process.c: owns what a worker does with a batch of queued
 * articles: extract each record (outside any transaction: CPU only), then
 * store every record with its reminders and mark every article in ONE
 * SQLite transaction, each article in a savepoint of its own. The store is
 * idempotent (db_agreement_store), so a batch handled twice — a worker
 * killed before XACK — changes nothing the second time. */
#include "worker.h"
#include "extract.h"
#include "log.h"
#include "queue.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static bool transient(int rc)
{
	return rc == DB_EBUSY || rc == DB_EFULL;
}

static json_t *extract_one(const struct queue_message *m)
{
	struct mw_extract_opts opts = { 0 };

	if (m->published && *m->published && mw_ymd_parse(m->published, &opts.published) != 0)
		log_debug("article %lld: publication date '%s' is not YYYY-MM-DD; ignored",
			  m->article_id, m->published);
	return mw_extract(m->text, strlen(m->text), &opts);
}

/* One article inside the batch's transaction, in a savepoint. Returns
 * DB_OK, a transient error (the whole batch is retried) or a permanent
 * one (the article is marked failed and the batch goes on). */
static int store_one(struct worker *w, const struct queue_message *m, const json_t *rec,
		     int64_t now, int64_t *agreement_id)
{
	int rc = db_begin(w->db);

	if (rc != DB_OK)
		return rc;
	*agreement_id = 0;
	rc = db_agreement_store(w->db, m->article_id, rec, now, agreement_id);
	if (rc == DB_OK && *agreement_id > 0)
		rc = db_reminders_schedule(w->db, *agreement_id, w->lead_days, w->n_lead_days, now, NULL);
	if (rc != DB_OK) {
		db_rollback(w->db);
		return rc;
	}
	return db_commit(w->db);
}

static int mark_failed(struct worker *w, const struct queue_message *m, const char *why)
{
	int rc = db_article_set_state(w->db, m->article_id, DB_ARTICLE_FAILED, why);
	if (rc != DB_OK && !transient(rc))
		log_err("article %lld: cannot mark it failed: %s", m->article_id, db_errmsg(w->db));
	return transient(rc) ? rc : DB_OK;
}

/* Handles one message inside the open transaction. A transient error is
 * returned for the caller to abandon the whole batch. */
static int handle_one(struct worker *w, const struct queue_message *m, const json_t *rec,
		      int64_t now, enum handle_result *res, int64_t *agreement_id)
{
	int rc;

	if (m->exhausted) {
		*res = HANDLE_DEAD;
		return mark_failed(w, m, "handed out too many times without being stored (see mouwatch:dead)");
	}
	rc = store_one(w, m, rec, now, agreement_id);
	*res = HANDLE_DONE;
	if (rc == DB_OK || transient(rc))
		return rc;
	log_err("article %lld: cannot store its record: %s; marking it failed", m->article_id,
		db_errmsg(w->db));
	char *why = xasprintf("storing the record failed: %s", db_errmsg(w->db));
	rc = mark_failed(w, m, why);
	free(why);
	return rc;
}

static void count_and_log(struct worker *w, const struct queue_message *v, size_t n,
			  const enum handle_result *res, const int64_t *agreement_ids)
{
	for (size_t i = 0; i < n; i++) {
		if (res[i] == HANDLE_DEAD) {
			w->failures++;
			continue;
		}
		w->processed++;
		if (agreement_ids[i] > 0) {
			w->agreements++;
			log_info("article %lld (%s): agreement %lld stored", v[i].article_id,
				 v[i].url ? v[i].url : "?", (long long)agreement_ids[i]);
		} else {
			log_debug("article %lld: no agreement", v[i].article_id);
		}
	}
}

void worker_process_batch(const struct queue_message *v, size_t n, enum handle_result *res, void *arg)
{
	struct worker *w = arg;
	json_t **recs = xcalloc(n, sizeof *recs);
	int64_t *agreement_ids = xcalloc(n, sizeof *agreement_ids);
	int64_t now = (int64_t)time(NULL);
	int rc;

	for (size_t i = 0; i < n; i++)
		recs[i] = v[i].exhausted ? NULL : extract_one(&v[i]);
	rc = db_begin(w->db);
	for (size_t i = 0; rc == DB_OK && i < n; i++)
		rc = handle_one(w, &v[i], recs[i], now, &res[i], &agreement_ids[i]);
	if (rc == DB_OK)
		rc = db_commit(w->db);
	else
		db_rollback(w->db);
	if (rc == DB_OK) {
		count_and_log(w, v, n, res, agreement_ids);
	} else {
		/* Busy past busy_timeout, or the disk is full: nothing of the
		 * batch is stored; it stays pending and comes back. */
		w->retries += n;
		log_warn("a batch of %zu article(s) could not be stored: %s; leaving it queued for a retry",
			 n, db_errmsg(w->db));
		for (size_t i = 0; i < n; i++)
			res[i] = HANDLE_RETRY;
	}
	for (size_t i = 0; i < n; i++)
		json_decref(recs[i]);
	free(recs);
	free(agreement_ids);
}
