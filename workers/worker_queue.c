/* worker_queue.c: owns the worker's Redis stream consumption: the consumer
 * group, XREADGROUP, XAUTOCLAIM of abandoned messages, XACK, and giving up
 * on messages that fail every time. */
#include "worker_queue.h"
#include "queue.h"
#include "log.h"
#include "xalloc.h"

#include <stddef.h>
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
	q->claim_idle_ms = QUEUE_CLAIM_IDLE_MS;
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
 * not done yet, so it needs no length cap that could cut pending work. */
static void ack(struct worker_queue *q, const char *id)
{
	redisReply *r = NULL;

	redisAppendCommand(q->c, "XACK %s %s %s", q->stream, QUEUE_GROUP, id);
	redisAppendCommand(q->c, "XDEL %s %s", q->stream, id);
	for (int i = 0; i < 2; i++) {
		if (redisGetReply(q->c, (void **)&r) != REDIS_OK || r == NULL) {
			log_warn("XACK %s failed (%s); the message will be handled again, harmlessly",
				 id, q->c->errstr);
			return;
		}
		if (r->type == REDIS_REPLY_ERROR)
			log_warn("acknowledging %s failed: %s; it will be handled again, harmlessly", id, r->str);
		freeReplyObject(r);
	}
}

/* Handles every entry of an array of entries; returns how many. */
static int handle_entries(struct worker_queue *q, const redisReply *entries, bool claimed,
			  queue_handler h, void *user)
{
	int n = 0;

	for (size_t i = 0; i < entries->elements; i++) {
		struct queue_message m;
		message_from_entry(entries->element[i], &m);
		if (m.id == NULL)
			continue;
		m.deliveries = claimed ? delivery_count(q, m.id) : 1;
		if (m.text == NULL || m.article_id <= 0) {
			log_warn("queue message %s is malformed (no %s or %s); dropping it",
				 m.id, QF_TEXT, QF_ARTICLE_ID);
			ack(q, m.id);
		} else if (m.deliveries > QUEUE_MAX_DELIVERIES) {
			log_err("article %lld (%s) failed %lld times; giving up on it (see 'mouwatch articles --state failed')",
				m.article_id, m.url ? m.url : "?", m.deliveries - 1);
			h(&m, user); /* the handler sees deliveries > max and records the failure */
			ack(q, m.id);
		} else if (h(&m, user) == HANDLE_DONE) {
			ack(q, m.id);
		}
		message_free(&m);
		n++;
	}
	return n;
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

static int claim_abandoned(struct worker_queue *q, queue_handler h, void *user)
{
	redisReply *r = redisCommand(q->c, "XAUTOCLAIM %s %s %s %d 0-0 COUNT 16", q->stream,
				     QUEUE_GROUP, q->consumer, q->claim_idle_ms);
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

static int read_new(struct worker_queue *q, queue_handler h, void *user)
{
	redisReply *r = redisCommand(q->c, "XREADGROUP GROUP %s %s COUNT 16 BLOCK %d STREAMS %s >",
				     QUEUE_GROUP, q->consumer, q->block_ms, q->stream);
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
		return 0;
	}
	if (r->type == REDIS_REPLY_ARRAY && r->elements == 1) {
		const redisReply *s = r->element[0];
		if (s->type == REDIS_REPLY_ARRAY && s->elements == 2 && s->element[1]->type == REDIS_REPLY_ARRAY)
			n = handle_entries(q, s->element[1], false, h, user);
	}
	freeReplyObject(r);
	return n;
}

int worker_queue_run_once(struct worker_queue *q, queue_handler h, void *user)
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
