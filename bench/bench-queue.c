/* bench-queue.c: the article queue's throughput with the project's own
 * code paths. Per run: N article messages (2 KB of text each) are added
 * with XADD the way daemon/outbox.c does (same fields, up to 256 commands
 * in flight on one connection), then read in batches, handled (a no-op)
 * and acknowledged by workers/worker_queue.c (XREADGROUP, XACK, XDEL) until the
 * stream is empty. Prints a "produce" and a "consume" line per run; run 0
 * is the warm-up. */
#include "bench_util.h"
#include "log.h"
#include "queue.h"
#include "redis_conn.h"
#include "worker_queue.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define IN_FLIGHT 256
#define TEXT_BYTES 2048

static const char usage[] = "usage: bench-queue REDIS_SOCKET N RUNS\n";
static const char stream[] = "mouwatch:bench";

static void check_reply(redisContext *c)
{
	redisReply *r = NULL;
	if (redisGetReply(c, (void **)&r) != REDIS_OK || r == NULL || r->type == REDIS_REPLY_ERROR) {
		fprintf(stderr, "bench-queue: XADD failed: %s; is redis-server >= 6.2 running there?\n",
			r ? r->str : c->errstr);
		exit(1);
	}
	freeReplyObject(r);
}

static void produce(redisContext *c, size_t n, const char *text)
{
	size_t sent = 0, got = 0;
	char id[32];
	while (got < n) {
		while (sent < n && sent - got < IN_FLIGHT) {
			snprintf(id, sizeof id, "%zu", sent + 1);
			redisAppendCommand(c, "XADD %s * " QF_ARTICLE_ID " %s " QF_FEED " %s " QF_URL " %s "
					   QF_TITLE " %s " QF_PUBLISHED " %s " QF_LANG " %s " QF_TEXT " %b",
					   stream, id, "bench", "http://bench.example/a/1.html",
					   "Judul berita", "2025-11-30", "id", text, (size_t)TEXT_BYTES);
			sent++;
		}
		check_reply(c);
		got++;
	}
}

static void handle(const struct queue_message *v, size_t n, enum handle_result *res, void *user)
{
	size_t *bytes = user;
	for (size_t i = 0; i < n; i++) {
		*bytes += strlen(v[i].text);
		res[i] = HANDLE_DONE;
	}
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fputs(usage, stderr);
		return 2;
	}
	size_t n = (size_t)bench_count(argv[2], 100000000, usage);
	int runs = (int)bench_count(argv[3], 1000, usage);
	struct redis_target t = { .path = argv[1] };
	char *err = NULL;
	redisContext *c = redis_connect(&t, 5000, &err);
	if (!c) {
		fprintf(stderr, "bench-queue: %s\n", err);
		return 1;
	}
	char *text = xmalloc(TEXT_BYTES + 1);
	for (size_t i = 0; i < TEXT_BYTES; i++)
		text[i] = "kerja sama "[i % 11];
	text[TEXT_BYTES] = '\0';
	struct worker_queue q;
	worker_queue_init(&q, &t, stream, "bench-worker");
	q.block_ms = 100;
	log_set_level(LOG_LEVEL_WARN);

	for (int run = 0; run <= runs; run++) {
		freeReplyObject(redisCommand(c, "DEL %s", stream));
		if (!worker_queue_connect(&q)) {
			fprintf(stderr, "bench-queue: cannot reach Redis at %s\n", argv[1]);
			return 1;
		}
		double t0 = bench_now();
		produce(c, n, text);
		bench_report(run, "produce", bench_now() - t0, n, n * TEXT_BYTES);
		size_t done = 0, bytes = 0;
		t0 = bench_now();
		while (done < n) {
			int k = worker_queue_run_once(&q, handle, &bytes);
			if (k < 0) {
				fprintf(stderr, "bench-queue: Redis went away while consuming\n");
				return 1;
			}
			done += (size_t)k;
		}
		bench_report(run, "consume", bench_now() - t0, done, bytes);
	}
	worker_queue_close(&q);
	redisFree(c);
	free(text);
	return 0;
}
