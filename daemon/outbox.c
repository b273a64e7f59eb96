/* outbox.c: owns the daemon's Redis connection and the enqueueing of
 * articles (see outbox.h). */
#include "outbox.h"
#include "outbox_check.h"
#include "daemon.h"
#include "db_watch.h"
#include "db_outbox.h"
#include "log.h"
#include "poll.h"
#include "queue.h"
#include "xalloc.h"

#include <hiredis/async.h>
#include <hiredis/adapters/libevent.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BATCH 256
#define RECONNECT_MAX_S 30

struct enqueued { int64_t id; char *stream_id; };

struct outbox {
	struct daemon *d;
	redisAsyncContext *ac;
	bool connected;
	bool group_ready;
	bool group_new;             /* XGROUP CREATE made a new group */
	struct event *timer;        /* once a second: flush, reconnect */
	struct event *kick;         /* a flush requested from elsewhere */
	size_t in_flight;
	struct enqueued *done;      /* replies of the batch in flight */
	size_t n_done;
	int64_t next_connect_at;
	int backoff_s;
	bool down_logged;
	bool checking;              /* an XLEN or a batch is under way */
	bool backlog_logged;
	bool record_failing;        /* SQLite refused the last batch's ids */
	long long backlog;          /* stream length at the last look */
	bool watching;              /* the marker/check-request look is under way */
	struct outbox_check *check; /* the stream check (outbox_check.c) */
};

struct xadd_job { struct outbox *o; int64_t id; };

static void flush(struct outbox *o);
static void connect_redis(struct outbox *o);

static void mark_down(struct outbox *o, const char *why)
{
	o->checking = false;
	o->watching = false;
	o->connected = false;
	o->group_ready = false;
	o->ac = NULL;
	if (!o->down_logged)
		log_err("Redis at %s is unreachable (%s); articles wait in SQLite and are queued when it is back",
			redis_target_describe(&o->d->redis), why);
	o->down_logged = true;
	o->next_connect_at = daemon_now() + o->backoff_s;
	o->backoff_s = o->backoff_s * 2 > RECONNECT_MAX_S ? RECONNECT_MAX_S : o->backoff_s * 2;
}

/* Writes the stream ids of a finished batch in one transaction; false
 * when SQLite refused it (disk full, locked): the articles are sent again,
 * but only at the next tick, so a failing database is not a hot loop. */
static bool record_batch(struct outbox *o)
{
	struct db *db = o->d->db;
	int64_t now = daemon_now();

	poller_commit(o->d->poller);  /* a transaction of our own, not a savepoint */
	bool ok = db_begin(db) == DB_OK;

	/* The first failure fails the batch: one line per outage, not one per
	 * article (the others would fail the same way). */
	for (size_t i = 0; i < o->n_done; i++) {
		if (ok && db_outbox_mark_enqueued(db, o->done[i].id, o->done[i].stream_id, now) != DB_OK) {
			db_rollback(db);
			ok = false;
		}
		free(o->done[i].stream_id);
	}
	ok = ok && db_commit(db) == DB_OK;
	if (!ok && !o->record_failing)
		log_msg(db_watch_level(o->d, LOG_LEVEL_ERR),
			"cannot record queued articles: %s; queueing paused, retried every second "
			"(the articles may reach workers twice, which is harmless)", db_errmsg(db));
	else if (ok && o->record_failing)
		log_notice("the database records queued articles again; queueing resumed");
	o->record_failing = !ok;
	o->d->n.enqueued += o->n_done;
	o->n_done = 0;
	return ok;
}

static void xadd_cb(redisAsyncContext *ac, void *r, void *privdata)
{
	struct xadd_job *job = privdata;
	struct outbox *o = job->o;
	redisReply *reply = r;

	(void)ac;
	o->in_flight--;
	if (reply && reply->type == REDIS_REPLY_STRING) {
		o->done[o->n_done].id = job->id;
		o->done[o->n_done].stream_id = xstrdup(reply->str);
		o->n_done++;
	} else {
		o->d->n.enqueue_errors++;
		if (reply && reply->type == REDIS_REPLY_ERROR)
			log_err("XADD of article %" PRId64 " refused: %s; it stays in SQLite and is retried",
				job->id, reply->str);
	}
	free(job);
	if (o->in_flight == 0) {
		o->checking = false;
		if (record_batch(o) && o->connected)
			outbox_kick(o); /* there may be more */
	}
}

static void send_article(struct outbox *o, json_t *a)
{
	char id[32], published[32] = "";
	int64_t aid = json_integer_value(json_object_get(a, "id"));
	json_int_t pub = json_integer_value(json_object_get(a, "published_at"));
	const char *text = json_string_value(json_object_get(a, "text"));
	struct xadd_job *job = xmalloc(sizeof *job);

#define S(k) (json_string_value(json_object_get(a, k)) ? json_string_value(json_object_get(a, k)) : "")
	snprintf(id, sizeof id, "%" PRId64, aid);
	if (pub > 0) {
		time_t t = (time_t)pub;
		struct tm tm;
		localtime_r(&t, &tm); /* the configured time zone: dates as readers see them */
		strftime(published, sizeof published, "%Y-%m-%d", &tm);
	}
	job->o = o;
	job->id = aid;
	text = text ? text : "";
	if (redisAsyncCommand(o->ac, xadd_cb, job,
			      "XADD %s * " QF_ARTICLE_ID " %s " QF_FEED " %s " QF_URL " %s " QF_TITLE
			      " %s " QF_PUBLISHED " %s " QF_LANG " %s " QF_TEXT " %b",
			      o->d->cfg->daemon.redis_stream, id, S("feed"), S("url"), S("title"),
			      published, S("lang"), text, strlen(text)) != REDIS_OK) {
		free(job);
		return;
	}
#undef S
	o->in_flight++;
}

/* Sends up to `room` waiting articles. */
static void send_batch(struct outbox *o, long long room)
{
	json_t *rows = NULL;
	size_t i;
	json_t *a;

	o->checking = false; /* set again below while XADDs are out */
	if (room <= 0) {
		if (!o->backlog_logged)
			log_warn("the queue holds %lld articles (max_queue_backlog); new articles wait in SQLite "
				 "until the workers catch up (add workers?)", o->d->cfg->daemon.max_queue_backlog);
		o->backlog_logged = true;
		return;
	}
	o->backlog_logged = false;
	poller_commit(o->d->poller);  /* only committed articles go to Redis */
	if (db_outbox_pending(o->d->db, room < BATCH ? (int)room : BATCH, &rows) != DB_OK) {
		log_warn("cannot read the articles to queue: %s; retrying", db_errmsg(o->d->db));
		return;
	}
	o->done = xrealloc(o->done, (json_array_size(rows) + 1) * sizeof *o->done);
	json_array_foreach(rows, i, a)
		send_article(o, a);
	json_decref(rows);
	o->checking = o->in_flight > 0;
}

static void xlen_cb(redisAsyncContext *ac, void *r, void *privdata)
{
	struct outbox *o = privdata;
	redisReply *reply = r;

	(void)ac;
	if (reply == NULL || reply->type != REDIS_REPLY_INTEGER) {
		o->checking = false;
		return;
	}
	o->backlog = reply->integer;
	send_batch(o, o->d->cfg->daemon.max_queue_backlog - reply->integer);
}

/* First asks how long the stream is: the backlog limit decides how many
 * articles may go in now. */
static void flush(struct outbox *o)
{
	if (!o->connected || !o->group_ready || o->in_flight > 0 || o->checking)
		return;
	/* Another process holds the database's lock: what is sent now could
	 * not be recorded (db_watch.c kicks us when it is free). */
	if (db_locked_since(o->d->db))
		return;
	if (redisAsyncCommand(o->ac, xlen_cb, o, "XLEN %s", o->d->cfg->daemon.redis_stream) == REDIS_OK)
		o->checking = true;
}

static void group_cb(redisAsyncContext *ac, void *r, void *privdata)
{
	struct outbox *o = privdata;
	redisReply *reply = r;

	(void)ac;
	if (reply == NULL)
		return;
	if (reply->type == REDIS_REPLY_ERROR && strncmp(reply->str, "BUSYGROUP", 9) != 0) {
		log_err("cannot create the consumer group on %s: %s", o->d->cfg->daemon.redis_stream, reply->str);
		return;
	}
	o->group_new = reply->type != REDIS_REPLY_ERROR;
}

/* The answer to SET <stream>:outbox NX. Redis that lost its data has lost
 * this key too, even when a worker reconnected first and already made a
 * new group (then XGROUP CREATE says BUSYGROUP here). A new group or a
 * new key: the first start, or Redis came back without its data.
 * Whatever SQLite says is waiting for a worker goes in again. */
static void marker_cb(redisAsyncContext *ac, void *r, void *privdata)
{
	struct outbox *o = privdata;
	redisReply *reply = r;

	(void)ac;
	if (reply == NULL)
		return;
	if (reply->type == REDIS_REPLY_ERROR) {
		log_err("cannot set the outbox marker on %s: %s", o->d->cfg->daemon.redis_stream, reply->str);
		return;
	}
	if (o->group_new || reply->type == REDIS_REPLY_STATUS) {
		int n = 0;
		poller_commit(o->d->poller);
		if (db_outbox_requeue(o->d->db, 0, &n) == DB_OK && n > 0)
			log_warn("Redis has no record of %d queued article(s) (it lost its data?); queueing them again", n);
	}
	o->group_ready = true;
	outbox_check_soon(o->check, "connected to Redis");
	outbox_kick(o);
}

/* The first thing on every connection, and again when Redis lost the
 * marker while connected: the group (from id 0) and the marker key. */
static void adopt_redis(struct outbox *o)
{
	o->group_new = false;
	redisAsyncCommand(o->ac, group_cb, o, "XGROUP CREATE %s %s 0 MKSTREAM",
			  o->d->cfg->daemon.redis_stream, QUEUE_GROUP);
	redisAsyncCommand(o->ac, marker_cb, o, "SET %s:outbox 1 NX",
			  o->d->cfg->daemon.redis_stream);
}

/* EXISTS <stream>:outbox, once a second. The marker gone while the
 * connection stayed up: FLUSHALL, eviction or a failover emptied Redis
 * under us; the same as coming back to a Redis without its data. */
static void exists_cb(redisAsyncContext *ac, void *r, void *privdata)
{
	struct outbox *o = privdata;
	redisReply *reply = r;

	(void)ac;
	if (reply == NULL)
		return;
	if (reply->type == REDIS_REPLY_INTEGER && reply->integer == 0 && o->group_ready) {
		log_warn("Redis lost its data while connected: the marker key %s:outbox is gone "
			 "(FLUSHALL, eviction, a failover?); recreating the consumer group",
			 o->d->cfg->daemon.redis_stream);
		o->group_ready = false;
		adopt_redis(o);
	}
}

/* DEL <stream>:check, once a second: 1 when a worker found the consumer
 * group gone and asked for a stream check (worker_queue.c). */
static void check_request_cb(redisAsyncContext *ac, void *r, void *privdata)
{
	struct outbox *o = privdata;
	redisReply *reply = r;

	(void)ac;
	o->watching = false;
	if (reply && reply->type == REDIS_REPLY_INTEGER && reply->integer > 0)
		outbox_check_soon(o->check, "a worker found the consumer group gone");
}

/* Once a second while connected: is Redis still the one we filled, did a
 * worker ask for a check, is a stream check due. */
static void watch(struct outbox *o)
{
	const char *stream = o->d->cfg->daemon.redis_stream;

	if (!o->connected || !o->group_ready || o->watching)
		return;
	o->watching = true;
	redisAsyncCommand(o->ac, exists_cb, o, "EXISTS %s:outbox", stream);
	redisAsyncCommand(o->ac, check_request_cb, o, "DEL %s" QUEUE_CHECK_SUFFIX, stream);
	outbox_check_tick(o->check, o->ac);
}

static void on_connect(const redisAsyncContext *ac, int status)
{
	struct outbox *o = ac->data;

	if (status != REDIS_OK) {
		mark_down(o, ac->errstr);
		return;
	}
	if (o->down_logged)
		log_notice("connected to Redis at %s", redis_target_describe(&o->d->redis));
	o->down_logged = false;
	o->connected = true;
	o->backoff_s = 1;
	o->watching = false;
	adopt_redis(o);
}

static void on_disconnect(const redisAsyncContext *ac, int status)
{
	struct outbox *o = ac->data;

	if (o == NULL)
		return;
	if (status != REDIS_OK)
		mark_down(o, ac->errstr);
	else {
		o->ac = NULL;
		o->connected = o->group_ready = o->checking = o->watching = false;
	}
}

static void auth_cb(redisAsyncContext *ac, void *r, void *privdata)
{
	redisReply *reply = r;
	(void)privdata;
	if (reply && reply->type == REDIS_REPLY_ERROR)
		log_err("Redis refused AUTH/SELECT: %s; check [daemon] redis", reply->str);
	(void)ac;
}

static void connect_redis(struct outbox *o)
{
	const struct redis_target *t = &o->d->redis;
	redisAsyncContext *ac = t->path ? redisAsyncConnectUnix(t->path)
					: redisAsyncConnect(t->host ? t->host : "127.0.0.1", t->port);

	if (ac == NULL) {
		mark_down(o, "out of memory");
		return;
	}
	if (ac->err) {
		char why[256];
		snprintf(why, sizeof why, "%s", ac->errstr);
		redisAsyncFree(ac);
		mark_down(o, why);
		return;
	}
	ac->data = o;
	o->ac = ac;
	redisLibeventAttach(ac, o->d->base);
	redisAsyncSetConnectCallback(ac, on_connect);
	redisAsyncSetDisconnectCallback(ac, on_disconnect);
	if (t->password && *t->password)
		redisAsyncCommand(ac, auth_cb, NULL, "AUTH %s", t->password);
	if (t->db)
		redisAsyncCommand(ac, auth_cb, NULL, "SELECT %d", t->db);
}

static void timer_cb(evutil_socket_t fd, short what, void *arg)
{
	struct outbox *o = arg;
	(void)fd;
	(void)what;
	if (o->ac == NULL && daemon_now() >= o->next_connect_at)
		connect_redis(o);
	watch(o);
	flush(o);
}

static void kick_cb(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	flush(arg);
}

struct outbox *outbox_new(struct daemon *d)
{
	struct outbox *o = xcalloc(1, sizeof *o);
	struct timeval one_second = { 1, 0 };

	o->d = d;
	o->backoff_s = 1;
	o->check = outbox_check_new(d);
	o->timer = event_new(d->base, -1, EV_PERSIST, timer_cb, o);
	o->kick = evtimer_new(d->base, kick_cb, o);
	event_add(o->timer, &one_second);
	connect_redis(o);
	return o;
}

void outbox_kick(struct outbox *o)
{
	struct timeval now = { 0, 0 };
	if (o && !evtimer_pending(o->kick, NULL))
		evtimer_add(o->kick, &now);
}

struct readers_job { outbox_readers_cb cb; void *arg; long long within_ms; };

/* XINFO CONSUMERS: one entry per consumer, a flat list of names and values
 * (RESP2); "idle" is the time since it last read. */
static long long idle_ms(const redisReply *c)
{
	for (size_t i = 0; c->type == REDIS_REPLY_ARRAY && i + 1 < c->elements; i += 2)
		if (c->element[i]->type == REDIS_REPLY_STRING && strcmp(c->element[i]->str, "idle") == 0 &&
		    c->element[i + 1]->type == REDIS_REPLY_INTEGER)
			return c->element[i + 1]->integer;
	return -1;
}

static void readers_cb(redisAsyncContext *ac, void *r, void *privdata)
{
	struct readers_job *job = privdata;
	redisReply *reply = r;
	long long n = -1;

	(void)ac;
	if (reply && reply->type == REDIS_REPLY_ERROR && strncmp(reply->str, "NOGROUP", 7) == 0)
		n = 0;
	else if (reply && reply->type == REDIS_REPLY_ARRAY) {
		n = 0;
		for (size_t i = 0; i < reply->elements; i++) {
			long long idle = idle_ms(reply->element[i]);
			n += idle >= 0 && idle <= job->within_ms;
		}
	}
	job->cb(n, job->arg);
	free(job);
}

void outbox_count_readers(struct outbox *o, long long within_ms, outbox_readers_cb cb, void *arg)
{
	struct readers_job *job = xmalloc(sizeof *job);

	*job = (struct readers_job){ cb, arg, within_ms };
	if (!o->connected || redisAsyncCommand(o->ac, readers_cb, job, "XINFO CONSUMERS %s %s",
					      o->d->cfg->daemon.redis_stream, QUEUE_GROUP) != REDIS_OK) {
		free(job);
		cb(-1, arg);
	}
}

bool outbox_connected(const struct outbox *o) { return o->connected && o->group_ready; }
size_t outbox_in_flight(const struct outbox *o) { return o->in_flight; }
long long outbox_backlog(const struct outbox *o) { return o->backlog; }

void outbox_free(struct outbox *o)
{
	if (o == NULL)
		return;
	if (o->ac) {
		o->ac->data = NULL; /* callbacks after this must not touch o */
		redisAsyncFree(o->ac);
	}
	outbox_check_free(o->check);  /* after the connection: its last callbacks use it */
	event_free(o->timer);
	event_free(o->kick);
	for (size_t i = 0; i < o->n_done; i++)
		free(o->done[i].stream_id);
	free(o->done);
	free(o);
}
