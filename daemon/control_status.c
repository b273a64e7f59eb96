/* control_status.c: what 'mouwatch status' shows (uptime, version, feed
 * health, queue backlog, workers, reminders, counters) and the one-line
 * STATUS= summary systemd shows, refreshed on a timer. */
#include "config.h"
#include "control_priv.h"
#include "daemon.h"
#include "db_watch.h"
#include "db_outbox.h"
#include "db_query_ops.h"
#include "heap.h"
#include "notify.h"
#include "poll.h"

#include <sqlite3.h>
#include <unistd.h>

static json_t *counters_json(const struct daemon_counters *n)
{
	return json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I}",
			 "polls", (json_int_t)n->polls, "polls_ok", (json_int_t)n->polls_ok,
			 "polls_not_modified", (json_int_t)n->polls_not_modified,
			 "polls_failed", (json_int_t)n->polls_failed,
			 "entries_seen", (json_int_t)n->entries_seen,
			 "articles_new", (json_int_t)n->articles_new,
			 "article_pages", (json_int_t)n->article_pages,
			 "article_page_errors", (json_int_t)n->article_page_errors,
			 "enqueued", (json_int_t)n->enqueued,
			 "enqueue_errors", (json_int_t)n->enqueue_errors);
}

static json_t *fetch_json(const struct fetch_engine *e)
{
	struct fetch_stats s;
	uint64_t errors = 0;

	fetch_get_stats(e, &s);
	for (int i = 0; i < FETCH_ERR__COUNT; i++)
		errors += s.errors[i];
	return json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I}",
			 "submitted", (json_int_t)s.submitted, "completed", (json_int_t)s.completed,
			 "bytes", (json_int_t)s.bytes, "errors", (json_int_t)errors,
			 "not_modified", (json_int_t)s.not_modified,
			 "status_4xx", (json_int_t)s.status_4xx, "status_5xx", (json_int_t)s.status_5xx,
			 "running", (json_int_t)s.running);
}

static json_t *queue_json(const struct db_outbox_counts *q)
{
	return json_pack("{s:I, s:I, s:I, s:I, s:I, s:I}",
			 "page_pending", (json_int_t)q->page_pending,
			 "to_enqueue", (json_int_t)q->to_enqueue,
			 "queued", (json_int_t)q->queued, "extracted", (json_int_t)q->extracted,
			 "no_agreement", (json_int_t)q->no_agreement, "failed", (json_int_t)q->failed);
}

static json_t *process_json(const struct control_req *r)
{
	const struct daemon *d = r->d;

	return json_pack("{s:s, s:i, s:I, s:I, s:I, s:s, s:s}",
			 "version", PACKAGE_VERSION, "protocol", CONTROL_PROTOCOL,
			 "pid", (json_int_t)getpid(), "started_at", (json_int_t)d->started_at,
			 "uptime_s", (json_int_t)(daemon_now() - d->started_at),
			 "config", d->cfg->path, "database", d->cfg->daemon.database);
}

/* Where the daemon's memory is: resident set, the allocator's live and
 * kept-free bytes, SQLite's own (page cache, statements). */
static json_t *memory_json(void)
{
	struct heap_stats h;
	json_t *m = json_pack("{s:I, s:I}",
			      "resident", (json_int_t)heap_resident_bytes(),
			      "sqlite", (json_int_t)sqlite3_memory_used());

	if (heap_stats(&h)) {
		json_object_set_new(m, "heap_in_use", json_integer((json_int_t)h.in_use));
		json_object_set_new(m, "heap_free", json_integer((json_int_t)h.free));
	}
	return m;
}

static json_t *workers_json(const struct daemon *d)
{
	return json_pack("{s:I, s:I}", "alive", (json_int_t)supervisor_alive(&d->sup),
			 "supervised", (json_int_t)d->sup.n);
}

/* The control socket's own counters (docs/protocol.md, Limits). */
static json_t *control_json(const struct control *c)
{
	return json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:I}",
			 "clients", (json_int_t)c->n_conns, "requests", (json_int_t)c->n_requests,
			 "errors", (json_int_t)c->n_errors, "refused", (json_int_t)c->n_refused,
			 "busy", (json_int_t)c->n_busy, "timeouts", (json_int_t)c->n_timeouts,
			 "dropped", (json_int_t)c->n_dropped);
}

/* {"locked_since": T} while another process holds the database's lock,
 * {} otherwise: from memory (db_watch.c). */
static json_t *database_json(const struct control_req *r)
{
	int64_t since = db_watch_locked_since(r->d, r->c->ro);

	return since ? json_pack("{s:I}", "locked_since", (json_int_t)since) : json_object();
}

/* The store's side: feed health, queue backlog, reminders. A lock that
 * keeps the reads out leaves them out (the rest is from memory and says
 * the database is locked); other failures fail the request. */
static bool store_json(struct control_req *r, json_t *res)
{
	struct db_outbox_counts q;
	json_t *health = NULL, *counts;
	int rc;

	if ((rc = db_ops_feed_health(r->c->ro, &health)) != DB_OK ||
	    (rc = db_outbox_counts(r->c->ro, &q)) != DB_OK ||
	    (rc = db_query_status(r->c->ro, daemon_now(), &counts)) != DB_OK) {
		json_decref(health);
		if (rc == DB_EBUSY)
			return true;
		control_fail_db(r, r->c->ro, rc);
		return false;
	}
	json_object_set_new(res, "feeds", health);
	json_object_set_new(res, "queue", queue_json(&q));
	json_object_set_new(res, "store", counts);
	return true;
}

void control_m_status(struct control_req *r)
{
	json_t *res = json_object();

	json_object_set_new(res, "daemon", process_json(r));
	json_object_set_new(res, "database", database_json(r));
	if (!store_json(r, res)) {
		json_decref(res);
		return;
	}
	json_object_set_new(res, "workers", workers_json(r->d));
	json_object_set_new(res, "in_flight", json_integer((json_int_t)poller_in_flight(r->d->poller)));
	json_object_set_new(res, "counters", counters_json(&r->d->n));
	json_object_set_new(res, "fetch", fetch_json(r->d->fetch));
	json_object_set_new(res, "memory", memory_json());
	json_object_set_new(res, "control", control_json(r->c));
	r->result = res;
}

/* "12 feeds (1 failing), backlog 3, 57 agreements" */
void control_status_refresh(struct control *c)
{
	struct db_outbox_counts q;
	json_t *h = NULL;

	if (db_ops_feed_health(c->ro, &h) != DB_OK || db_outbox_counts(c->ro, &q) != DB_OK) {
		json_decref(h);
		return;
	}
	notify_status("%lld feed(s) (%lld failing), backlog %lld, %lld agreement(s)",
		      (long long)json_integer_value(json_object_get(h, "total")),
		      (long long)json_integer_value(json_object_get(h, "failing")),
		      q.page_pending + q.to_enqueue, q.agreements);
	json_decref(h);
}
