/* mouwatch-worker.c: the worker process: takes articles from the Redis
 * stream, extracts their agreement records and stores them in SQLite.
 *
 *   mouwatch-worker [-c FILE] [--name NAME] [--drain]
 *
 * --drain exits once the queue is empty (tests, batch use). */
#include "config.h"
#include "worker.h"
#include "heap.h"
#include "log.h"
#include "notify.h"
#include "queue.h"
#include "xalloc.h"

#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
	(void)sig;
	stop_requested = 1;
}

static void usage(FILE *out)
{
	fprintf(out, "usage: mouwatch-worker [-c FILE] [--name NAME] [--drain]\n");
}

static char *default_name(void)
{
	char host[256] = "localhost";
	gethostname(host, sizeof host - 1);
	return xasprintf("%s-%d", host, (int)getpid());
}

static void install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	sigaction(SIGXFSZ, &sa, NULL);   /* past RLIMIT_FSIZE: EFBIG, not death */
}

static int run(struct worker *w, struct worker_queue *q, bool drain)
{
	int backoff_s = 1;
	bool ready = false;
	unsigned long last_reported = (unsigned long)-1;

	while (!stop_requested) {
		if (!ready && worker_queue_connect(q)) {
			notify_ready();
			log_info("worker %s ready: reading %s from %s", q->consumer, q->stream,
				 redis_target_describe(&q->target));
			ready = true;
		}
		int n = worker_queue_run_once(q, worker_process_batch, w);
		if (n < 0) {
			notify_status("waiting for Redis at %s", redis_target_describe(&q->target));
			for (int i = 0; i < backoff_s * 10 && !stop_requested; i++)
				usleep(100000);
			backoff_s = backoff_s < 30 ? backoff_s * 2 : 30;
			continue;
		}
		backoff_s = 1;
		notify_watchdog();
		if (w->processed != last_reported) {
			notify_status("%lu articles processed, %lu agreements, %lu failed",
				      w->processed, w->agreements, w->failures);
			last_reported = w->processed;
		}
		if (drain && n == 0)
			break;
		if (n == 0)    /* idle: freed memory back to the kernel (heap.c) */
			heap_release(4u << 20);
	}
	notify_stopping();
	log_info("worker %s stopping: %lu articles processed, %lu agreements stored, %lu failed",
		 q->consumer, w->processed, w->agreements, w->failures);
	return 0;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "name", required_argument, NULL, 'n' },
		{ "drain", no_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	const char *config_path = NULL;
	char *name = NULL;
	bool drain = false;
	int c;

	log_init("mouwatch-worker", LOG_LEVEL_INFO);
	heap_tune();
	while ((c = getopt_long(argc, argv, "c:n:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'c': config_path = optarg; break;
		case 'n': free(name); name = xstrdup(optarg); break;
		case 'd': drain = true; break;
		case 'h': usage(stdout); return 0;
		case 'V': printf("mouwatch-worker %s\n", PACKAGE_VERSION); return 0;
		default: usage(stderr); return 2;
		}
	}
	if (optind < argc) {
		usage(stderr);
		return 2;
	}
	if (name == NULL)
		name = default_name();

	struct strbuf errors = STRBUF_INIT;
	const char *path = config_default_path(config_path);
	struct mw_config *cfg = config_load(path, &errors);
	if (cfg == NULL) {
		fprintf(stderr, "%s", strbuf_str(&errors));
		fprintf(stderr, "mouwatch-worker: %s is not valid; fix it and start again\n", path);
		strbuf_free(&errors);
		free(name);
		return 2;
	}
	strbuf_free(&errors);
	log_set_level((enum log_level)cfg->daemon.log_level);
	if (getenv("MOUWATCH_LOG_LEVEL"))
		log_init("mouwatch-worker", (enum log_level)cfg->daemon.log_level);

	struct worker w = { .cfg = cfg };
	struct db_options dbo = { .busy_timeout_ms = (int)(cfg->daemon.busy_timeout * 1000) };
	char *err = NULL;
	w.db = db_open(cfg->daemon.database, &dbo, &err);
	if (w.db == NULL) {
		log_err("cannot open the database %s: %s", cfg->daemon.database, err);
		free(err);
		config_free(cfg);
		free(name);
		return 1;
	}
	w.n_lead_days = cfg->reminders.n_lead_days;
	w.lead_days = xcalloc(w.n_lead_days ? w.n_lead_days : 1, sizeof *w.lead_days);
	for (size_t i = 0; i < w.n_lead_days; i++)
		w.lead_days[i] = (int)cfg->reminders.lead_days[i];

	install_signals();
	struct redis_target t;
	char *embedded_path;
	redis_target_from_config(cfg, &t, &embedded_path);
	struct worker_queue q;
	worker_queue_init(&q, &t, cfg->daemon.redis_stream, name);
	q.batch = (int)cfg->daemon.worker_batch;
	q.claim_idle_ms = cfg->daemon.worker_claim_idle * 1000;
	q.max_deliveries = cfg->daemon.worker_max_deliveries;
	int rc = run(&w, &q, drain);

	worker_queue_close(&q);
	free(embedded_path);
	free(w.lead_days);
	db_close(w.db);
	config_free(cfg);
	free(name);
	return rc;
}
