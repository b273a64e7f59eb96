/* worker_queue.h: a worker's side of the article queue: reads batches of
 * new messages with XREADGROUP, takes over those of dead workers with
 * XAUTOCLAIM, acknowledges each handled batch with one XACK (and XDEL),
 * and moves messages that failed too often to the dead stream. Blocking by
 * design, on a connection of its own: a worker does one thing at a time
 * and waits for Redis in between. */
#ifndef MW_WORKER_QUEUE_H
#define MW_WORKER_QUEUE_H

#include "redis_conn.h"
#include <stdbool.h>
#include <stddef.h>

/* One message; all strings owned by the message. */
struct queue_message {
	char *id;               /* stream entry id */
	long long article_id;   /* 0 when missing or malformed */
	char *feed, *url, *title, *published, *lang, *text;
	long long deliveries;   /* how often it was handed out (from XPENDING) */
	bool exhausted;         /* deliveries > the limit: give it up */
};

enum handle_result {
	HANDLE_DONE,       /* stored (or deliberately dropped): acknowledge */
	HANDLE_RETRY,      /* transient failure: leave pending, retried later */
	HANDLE_DEAD,       /* given up: copy to the dead stream, acknowledge */
};

/* Handles n messages (at most the batch size) and sets res[i] for each. */
typedef void (*queue_batch_handler)(const struct queue_message *v, size_t n,
				    enum handle_result *res, void *user);

struct worker_queue {
	struct redis_target target;
	const char *stream;
	const char *consumer;   /* this worker's name */
	redisContext *c;        /* NULL while disconnected */
	int block_ms;           /* XREADGROUP BLOCK */
	long long claim_idle_ms;
	long long max_deliveries;
	int batch;              /* XREADGROUP / XAUTOCLAIM COUNT */
	bool down_logged;
	bool own_pending_done;  /* this consumer's old pending entries handled */
};

/* Settings start at their defaults (batch 100, idle 60 s, 5 deliveries). */
void worker_queue_init(struct worker_queue *q, const struct redis_target *t,
		       const char *stream, const char *consumer);
/* Reads and handles at most one batch (abandoned messages first, then new
 * ones). Returns the number handled, or -1 when Redis is unreachable (the
 * caller waits and calls again; the error is logged once per outage). */
int worker_queue_run_once(struct worker_queue *q, queue_batch_handler h, void *user);
/* Connects (and creates the group) unless connected; false while Redis is
 * unreachable (logged once per outage). */
bool worker_queue_connect(struct worker_queue *q);
/* Creates the consumer group if it does not exist (from the stream's start,
 * so nothing queued before the first worker is missed). */
bool queue_ensure_group(redisContext *c, const char *stream, char **err);
void worker_queue_close(struct worker_queue *q);

#endif
