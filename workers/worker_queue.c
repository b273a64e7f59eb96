/* worker_queue.c: owns the worker's Redis stream consumption: the consumer
 * group, XREADGROUP, XAUTOCLAIM of abandoned messages, XACK, and giving up
 * on messages that fail every time. */
#include "worker_queue.h"
#include "queue.h"
#include "log.h"
#include "xalloc.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void worker_queue_init(struct worker_queue *q, const struct redis_target *t,
		       const char *stream, const char *consumer)
{
	memset(q, 0, sizeof *q);
	q->target = *t;
	q->stream = stream;
	q->consumer = consumer;
	q->block_ms = 2000;
	q->claim_idle_ms = 60000;
	q->max_deliveries = 5;
	q->batch = 100;
}

bool queue_ensure_group(redisContext *c, const char *stream, char **err)
{
	redisReply *r = redisCommand(c, "XGROUP CREATE %s %s 0 MKSTREAM", stream, QUEUE_GROUP);

	if (r == NULL) {
		*err = xasprintf("XGROUP CREATE failed: %s", c->errstr);
		return false;
	}
	bool ok = r->type != REDIS_REPLY_ERROR || strncmp(r->str, "BUSYGROUP", 9) == 0;
	if (!ok)
		*err = xasprintf("XGROUP CREATE %s failed: %s", stream, r->str);
	freeReplyObject(r);
	return ok;
}

static void message_free(struct queue_message *m)
{
	free(m->id);
	free(m->feed);
	free(m->url);
	free(m->title);
	free(m->published);
	free(m->lang);
	free(m->text);
	memset(m, 0, sizeof *m);
}

static char **field_slot(struct queue_message *m, const char *name)
{
	static const struct { const char *name; size_t off; } fields[] = {
		{ QF_FEED, offsetof(struct queue_message, feed) },
		{ QF_URL, offsetof(struct queue_message, url) },
		{ QF_TITLE, offsetof(struct queue_message, title) },
		{ QF_PUBLISHED, offsetof(struct queue_message, published) },
		{ QF_LANG, offsetof(struct queue_message, lang) },
		{ QF_TEXT, offsetof(struct queue_message, text) },
	};
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (strcmp(fields[i].name, name) == 0)
			return (char **)((char *)m + fields[i].off);
	return NULL;
}

/* entry = [id, [field, value, ...]]; a deleted entry has a nil field list. */
static void message_from_entry(const redisReply *e, struct queue_message *m)
{
	memset(m, 0, sizeof *m);
	if (e->type != REDIS_REPLY_ARRAY || e->elements < 2 || e->element[0]->type != REDIS_REPLY_STRING)
		return;
	m->id = xstrdup(e->element[0]->str);
	const redisReply *kv = e->element[1];
	if (kv->type != REDIS_REPLY_ARRAY)
		return;
	for (size_t i = 0; i + 1 < kv->elements; i += 2) {
		const redisReply *k = kv->element[i], *v = kv->element[i + 1];
		if (k->type != REDIS_REPLY_STRING || v->type != REDIS_REPLY_STRING)
			continue;
		if (strcmp(k->str, QF_ARTICLE_ID) == 0) {
			m->article_id = strtoll(v->str, NULL, 10);
			continue;
		}
		char **slot = field_slot(m, k->str);
		if (slot && *slot == NULL)
			*slot = xstrndup(v->str, v->len);
	}
}

static long long delivery_count(struct worker_queue *q, const char *id)
{
	redisReply *r = redisCommand(q->c, "XPENDING %s %s %s %s 1", q->stream, QUEUE_GROUP, id, id);
	long long n = 1;

	if (r && r->type == REDIS_REPLY_ARRAY && r->elements == 1 &&
	    r->element[0]->type == REDIS_REPLY_ARRAY && r->element[0]->elements == 4)
		n = r->element[0]->element[3]->integer;
	if (r)
		freeReplyObject(r);
	return n;
}

/* Acknowledged messages are deleted too: the stream then holds only work
 * not done yet, so it needs no length cap that could cut pending work.
 * One XACK and one XDEL for the whole batch, pipelined. */
static void ack(struct worker_queue *q, const char **ids, size_t n)
{
	const char **argv = xcalloc(n + 3, sizeof *argv);
	redisReply *r = NULL;

	if (n == 0) {
		free(argv);
		return;
	}
	argv[0] = "XACK";
	argv[1] = q->stream;
	argv[2] = QUEUE_GROUP;
	memcpy(argv + 3, ids, n * sizeof *ids);
	redisAppendCommandArgv(q->c, (int)n + 3, argv, NULL);
	argv[1] = "XDEL";
	argv[2] = q->stream;
	redisAppendCommandArgv(q->c, (int)n + 2, argv + 1, NULL);
	for (int i = 0; i < 2; i++) {
		if (redisGetReply(q->c, (void **)&r) != REDIS_OK || r == NULL) {
			log_warn("acknowledging %zu message(s) failed (%s); they will be handled again, harmlessly",
				 n, q->c->errstr);
			break;
		}
		if (r->type == REDIS_REPLY_ERROR)
			log_warn("acknowledging %zu message(s) failed: %s; they will be handled again, harmlessly",
				 n, r->str);
		freeReplyObject(r);
	}
	free(argv);
}

/* Copies a message given up on to the dead stream, with the reason. */
static void bury(struct worker_queue *q, const struct queue_message *m)
{
	char aid[32], n[32];
	snprintf(aid, sizeof aid, "%lld", m->article_id);
	snprintf(n, sizeof n, "%lld", m->deliveries);
	char *reason = xasprintf("handed out %lld times without being stored; see the workers' log", m->deliveries);
	const char *argv[] = { "XADD", QUEUE_DEAD_STREAM, "*", "original_id", m->id, QF_ARTICLE_ID, aid,
			       QF_URL, m->url ? m->url : "", "deliveries", n, "reason", reason };
	redisReply *r = redisCommandArgv(q->c, (int)(sizeof argv / sizeof argv[0]), argv, NULL);

	if (r == NULL || r->type == REDIS_REPLY_ERROR)
		log_warn("cannot copy message %s to %s: %s", m->id, QUEUE_DEAD_STREAM, r ? r->str : q->c->errstr);
	if (r)
		freeReplyObject(r);
	free(reason);
}

/* Parses the entries, lets the handler do the batch, then buries, acks or
 * leaves pending what it said. Returns how many entries there were. */
static int handle_entries(struct worker_queue *q, const redisReply *entries, bool claimed,
			  queue_batch_handler h, void *user)
{
	size_t n = entries->elements, m = 0;
	struct queue_message *v = xcalloc(n ? n : 1, sizeof *v);
	enum handle_result *res = xcalloc(n ? n : 1, sizeof *res);
	const char **done = xcalloc(n ? n : 1, sizeof *done);
	size_t n_done = 0;

	for (size_t i = 0; i < n; i++) {
		message_from_entry(entries->element[i], &v[m]);
		if (v[m].id == NULL)
			continue; /* deleted meanwhile: nothing to do */
		v[m].deliveries = claimed ? delivery_count(q, v[m].id) : 1;
		v[m].exhausted = v[m].deliveries > q->max_deliveries;
		if (v[m].text == NULL || v[m].article_id <= 0) {
			log_warn("queue message %s is malformed (no %s or %s); dropping it",
				 v[m].id, QF_TEXT, QF_ARTICLE_ID);
			done[n_done++] = v[m].id;
			continue;
		}
		m++;
	}
	if (m > 0)
		h(v, m, res, user);
	for (size_t i = 0; i < m; i++) {
		if (res[i] == HANDLE_DEAD) {
			log_err("article %lld (%s) failed %lld deliveries; moved to %s and marked failed",
				v[i].article_id, v[i].url ? v[i].url : "?", v[i].deliveries, QUEUE_DEAD_STREAM);
			bury(q, &v[i]);
		}
		if (res[i] != HANDLE_RETRY)
			done[n_done++] = v[i].id;
	}
	ack(q, done, n_done);
	for (size_t i = 0; i < n; i++)
		message_free(&v[i]);
	free(v);
	free(res);
	free(done);
	return (int)n;
}

bool worker_queue_connect(struct worker_queue *q)
{
	char *err = NULL;

	if (q->c && q->c->err == 0)
		return true;
	if (q->c) {
		redisFree(q->c);
		q->c = NULL;
	}
	q->c = redis_connect(&q->target, q->block_ms + 3000, &err);
	if (q->c == NULL || !queue_ensure_group(q->c, q->stream, &err)) {
		if (!q->down_logged)
			log_err("%s; will keep retrying", err);
		q->down_logged = true;
		free(err);
		if (q->c)
			redisFree(q->c);
		q->c = NULL;
		return false;
	}
	if (q->down_logged)
		log_notice("connected to Redis at %s again", redis_target_describe(&q->target));
	q->down_logged = false;
	return true;
}

static int claim_abandoned(struct worker_queue *q, queue_batch_handler h, void *user)
{
	redisReply *r = redisCommand(q->c, "XAUTOCLAIM %s %s %s %lld 0-0 COUNT %d", q->stream,
				     QUEUE_GROUP, q->consumer, q->claim_idle_ms, q->batch);
	int n = 0;

	if (r == NULL)
		return -1;
	if (r->type == REDIS_REPLY_ARRAY && r->elements >= 2 && r->element[1]->type == REDIS_REPLY_ARRAY) {
		if (r->element[1]->elements > 0)
			log_info("took over %zu message(s) abandoned by other workers", r->element[1]->elements);
		n = handle_entries(q, r->element[1], true, h, user);
	}
	freeReplyObject(r);
	return n;
}

/* The group was gone: what the daemon queued may be gone with it. Asks
 * the daemon for a stream check (it deletes the key when it starts one). */
static void ask_for_check(struct worker_queue *q)
{
	redisReply *r = redisCommand(q->c, "SET %s" QUEUE_CHECK_SUFFIX " 1", q->stream);

	if (r == NULL || r->type == REDIS_REPLY_ERROR)
		log_warn("cannot ask the daemon for a stream check: %s", r ? r->str : q->c->errstr);
	if (r)
		freeReplyObject(r);
}

/* One XREADGROUP: id ">" for new messages, "0" for this consumer's own
 * pending ones. Returns how many were handled, or -1. */
static int read_group(struct worker_queue *q, const char *id, queue_batch_handler h, void *user)
{
	bool own = strcmp(id, "0") == 0;
	redisReply *r = redisCommand(q->c, "XREADGROUP GROUP %s %s COUNT %d BLOCK %d STREAMS %s %s",
				     QUEUE_GROUP, q->consumer, q->batch, q->block_ms, q->stream, id);
	int n = 0;

	if (r == NULL)
		return -1;
	if (r->type == REDIS_REPLY_ERROR && strncmp(r->str, "NOGROUP", 7) == 0) {
		/* The stream was lost (Redis restarted without data): recreate. */
		log_warn("the consumer group vanished (Redis lost its data?); recreating it");
		freeReplyObject(r);
		char *err = NULL;
		if (!queue_ensure_group(q->c, q->stream, &err)) {
			log_err("%s", err);
			free(err);
		}
		ask_for_check(q);
		return 0;
	}
	if (r->type == REDIS_REPLY_ARRAY && r->elements == 1) {
		const redisReply *s = r->element[0];
		if (s->type == REDIS_REPLY_ARRAY && s->elements == 2 && s->element[1]->type == REDIS_REPLY_ARRAY)
			n = handle_entries(q, s->element[1], own, h, user);
	}
	freeReplyObject(r);
	return n;
}

/* A worker restarted under the same name (mouwatchd --workers, systemd's
 * mouwatch-worker@N) first takes back what its previous life left pending,
 * without waiting for the claim idle time; then it reads new messages. */
static int read_new(struct worker_queue *q, queue_batch_handler h, void *user)
{
	if (!q->own_pending_done) {
		int n = read_group(q, "0", h, user);
		if (n > 0)
			log_info("took back %d message(s) this worker's previous run left pending", n);
		if (n != 0)
			return n;
		q->own_pending_done = true;
	}
	return read_group(q, ">", h, user);
}

int worker_queue_run_once(struct worker_queue *q, queue_batch_handler h, void *user)
{
	if (!worker_queue_connect(q))
		return -1;
	int claimed = claim_abandoned(q, h, user);
	if (claimed < 0 || q->c->err)
		return -1;
	if (claimed > 0)
		return claimed;
	int n = read_new(q, h, user);
	if (n < 0 || q->c->err)
		return -1;
	return n;
}

void worker_queue_close(struct worker_queue *q)
{
	if (q->c)
		redisFree(q->c);
	q->c = NULL;
}
