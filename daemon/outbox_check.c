/* outbox_check.c: owns the stream check (see outbox_check.h): the pass
 * schedule, the batches read from SQLite, the EVALs that ask Redis which
 * entries it still holds, and the re-queueing of the lost ones. */
#include "outbox_check.h"
#include "daemon.h"
#include "db_outbox.h"
#include "log.h"
#include "outbox.h"
#include "poll.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define CHECK_INTERVAL_S 60  /* a regular pass this often */
#define CHECK_GRACE_S 10     /* queued less long ago: judged by a later pass */
#define READ_ROWS 2000       /* rows read from SQLite per step */
#define EVAL_IDS 500         /* ids per EVAL: READ_ROWS / EVAL_IDS pipelined */

/* 1 for each id in ARGV whose entry the stream KEYS[1] still holds, else
 * 0. Run by Redis, so the texts are not sent back. A pending delivery
 * always has its entry: workers XACK before they XDEL, and a pending id
 * whose entry is gone can no longer be read by any worker. */
static const char script[] =
	"local r = {} for i = 1, #ARGV do"
	" r[i] = #redis.call('XRANGE', KEYS[1], ARGV[i], ARGV[i]) end return r";

struct row { int64_t id; char *stream_id; bool present; };

struct outbox_check {
	struct daemon *d;
	int64_t next_at;        /* the next pass is due then */
	int64_t followup_at;    /* one more after a pass asked for; 0: none */
	const char *why_next;   /* why the next pass was asked for */
	bool running;
	bool error_logged;      /* Redis refused the EVAL; said once */
	/* the pass under way */
	const char *why;
	int64_t before, after_id;
	struct row *rows;
	size_t n_rows, evals_out;
	bool eval_failed;
	long long checked;
	int requeued;
	double started_ms, longest_ms, db_ms;
};

struct eval_job { struct outbox_check *c; size_t first, n; double sent_ms; };

static void read_step(struct outbox_check *c, redisAsyncContext *ac);

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void rows_free(struct outbox_check *c)
{
	for (size_t i = 0; i < c->n_rows; i++)
		free(c->rows[i].stream_id);
	free(c->rows);
	c->rows = NULL;
	c->n_rows = 0;
}

static void finish(struct outbox_check *c, bool complete)
{
	if (c->requeued > 0)
		log_warn("%d queued article(s) were no longer in the Redis stream (Redis lost writes: "
			 "FLUSHALL, eviction, a failover, or a crash that cut its append-only file?); "
			 "queueing them again", c->requeued);
	log_debug("stream check (%s): %lld queued article(s) checked in %.0f ms (SQLite %.0f ms, "
		  "longest EVAL %.1f ms), %d queued again%s", c->why, c->checked, now_ms() - c->started_ms,
		  c->db_ms, c->longest_ms, c->requeued, complete ? "" : "; stopped early, the next pass checks again");
	c->running = false;
	rows_free(c);
	if (c->requeued > 0)
		outbox_kick(c->d->outbox);
}

/* Forgets the stream ids of this batch's lost articles, in one transaction;
 * false when SQLite refused (the next pass finds them again). */
static bool requeue_lost(struct outbox_check *c)
{
	struct db *db = c->d->db;
	size_t lost = 0;
	int n = 0;
	double t0 = now_ms();

	for (size_t i = 0; i < c->n_rows; i++)
		lost += !c->rows[i].present;
	if (lost == 0)
		return true;
	poller_commit(c->d->poller);  /* a transaction of our own */
	bool ok = db_begin(db) == DB_OK;
	for (size_t i = 0; ok && i < c->n_rows; i++)
		if (!c->rows[i].present)
			ok = db_outbox_requeue_lost(db, c->rows[i].id, c->rows[i].stream_id, &n) == DB_OK;
	ok = ok && db_commit(db) == DB_OK;
	c->db_ms += now_ms() - t0;
	if (ok) {
		c->requeued += n;
		return true;
	}
	log_warn("cannot queue again %zu article(s) lost from the Redis stream: %s; "
		 "the next stream check tries again", lost, db_errmsg(db));
	db_rollback(db);
	return false;
}

static void eval_cb(redisAsyncContext *ac, void *r, void *privdata)
{
	struct eval_job *job = privdata;
	struct outbox_check *c = job->c;
	redisReply *reply = r;
	double ms = now_ms() - job->sent_ms;

	c->evals_out--;
	if (reply && reply->type == REDIS_REPLY_ARRAY && reply->elements == job->n) {
		for (size_t i = 0; i < job->n; i++)
			c->rows[job->first + i].present = reply->element[i]->type != REDIS_REPLY_INTEGER ||
							  reply->element[i]->integer > 0;
		c->checked += (long long)job->n;
		c->longest_ms = ms > c->longest_ms ? ms : c->longest_ms;
		c->error_logged = false;
	} else if (reply == NULL) {
		c->eval_failed = true;  /* the connection went; the next pass checks again */
	} else {
		c->eval_failed = true;
		if (!c->error_logged)
			log_err("Redis refused the stream check (EVAL): %s; articles it loses are queued "
				"again only when it comes back without its data",
				reply->type == REDIS_REPLY_ERROR ? reply->str : "an unexpected reply");
		c->error_logged = true;
	}
	free(job);
	if (c->evals_out > 0)
		return;
	if (c->eval_failed || !requeue_lost(c))
		finish(c, false);
	else if (c->n_rows < READ_ROWS)
		finish(c, true);
	else
		read_step(c, ac);
}

static void send_eval(struct outbox_check *c, redisAsyncContext *ac, size_t first, size_t n)
{
	const char **argv = xcalloc(n + 4, sizeof *argv);
	struct eval_job *job = xmalloc(sizeof *job);

	argv[0] = "EVAL";
	argv[1] = script;
	argv[2] = "1";
	argv[3] = c->d->cfg->daemon.redis_stream;
	for (size_t i = 0; i < n; i++)
		argv[4 + i] = c->rows[first + i].stream_id;
	*job = (struct eval_job){ c, first, n, now_ms() };
	if (redisAsyncCommandArgv(ac, eval_cb, job, (int)(n + 4), argv, NULL) == REDIS_OK) {
		c->evals_out++;
	} else {
		free(job);
		c->eval_failed = true;  /* unasked is not lost: requeue nothing of this pass */
	}
	free(argv);
}

/* The next READ_ROWS articles after the last one checked, and their EVALs. */
static void read_step(struct outbox_check *c, redisAsyncContext *ac)
{
	json_t *rows = NULL, *a;
	size_t i;

	double t0 = now_ms();
	int rc = db_outbox_enqueued_before(c->d->db, c->before, c->after_id, READ_ROWS, &rows);

	c->db_ms += now_ms() - t0;
	rows_free(c);
	c->eval_failed = false;
	if (rc != DB_OK) {
		log_warn("stream check: cannot read the queued articles: %s; the next pass tries again",
			 db_errmsg(c->d->db));
		finish(c, false);
		return;
	}
	c->rows = xcalloc(json_array_size(rows) + 1, sizeof *c->rows);
	json_array_foreach(rows, i, a) {
		const char *sid = json_string_value(json_object_get(a, "stream_id"));
		c->rows[i].id = json_integer_value(json_object_get(a, "id"));
		c->rows[i].stream_id = xstrdup(sid ? sid : "0-0");
	}
	c->n_rows = json_array_size(rows);
	json_decref(rows);
	if (c->n_rows == 0) {
		finish(c, true);
		return;
	}
	c->after_id = c->rows[c->n_rows - 1].id;
	for (i = 0; i < c->n_rows; i += EVAL_IDS)
		send_eval(c, ac, i, c->n_rows - i < EVAL_IDS ? c->n_rows - i : EVAL_IDS);
	if (c->evals_out == 0)
		finish(c, false);
}

void outbox_check_tick(struct outbox_check *c, redisAsyncContext *ac)
{
	int64_t now = daemon_now();
	bool followup = c->followup_at && now >= c->followup_at;

	if (c->running || (now < c->next_at && !followup))
		return;
	if (followup)
		c->followup_at = 0;
	c->why = c->why_next ? c->why_next : followup ? "after the grace period" : "regular";
	c->why_next = NULL;
	c->next_at = now + CHECK_INTERVAL_S;
	c->running = true;
	c->before = now - CHECK_GRACE_S;
	c->after_id = 0;
	c->checked = 0;
	c->requeued = 0;
	c->longest_ms = c->db_ms = 0;
	c->started_ms = now_ms();
	read_step(c, ac);
}

void outbox_check_soon(struct outbox_check *c, const char *why)
{
	int64_t now = daemon_now();

	c->next_at = now;
	c->why_next = why;
	c->followup_at = now + CHECK_GRACE_S + 1;
}

struct outbox_check *outbox_check_new(struct daemon *d)
{
	struct outbox_check *c = xcalloc(1, sizeof *c);
	c->d = d;
	c->next_at = daemon_now() + CHECK_INTERVAL_S;
	return c;
}

void outbox_check_free(struct outbox_check *c)
{
	if (c == NULL)
		return;
	rows_free(c);
	free(c);
}
