/* once.c: owns the --once run: the progress line, the completion test and
 * the summary. */
#include "once.h"
#include "daemon.h"
#include "db_outbox.h"
#include "log.h"
#include "outbox.h"
#include "poll.h"
#include "queue.h"
#include "remind.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct once_state {
	struct daemon *d;
	struct event *timer;
	int64_t started;
	int64_t last_progress;
	size_t feeds;
	bool readers_asked;  /* a question "who reads the stream" is out */
	bool readers_warned; /* nobody did: said so, not asked again */
	int64_t readers_next;/* when to ask again while someone reads */
	long long queued;    /* waiting for a worker when it was asked */
};

/* A worker blocks 2 s per read (worker_queue.c): one Redis has not seen
 * for this long is not reading. While some consumer is counted, the
 * question is asked again this often: a worker killed or hung just before
 * this run still counts until it has been idle READER_IDLE_MS. */
#define READER_IDLE_MS 15000
#define READERS_AGAIN_S 5

static struct once_state once;

static bool finished(struct daemon *d, const struct db_outbox_counts *c)
{
	return poller_polls_done(d->poller) >= once.feeds && poller_in_flight(d->poller) == 0 &&
	       outbox_in_flight(d->outbox) == 0 && c->page_pending == 0 && c->to_enqueue == 0 &&
	       c->queued == 0 && remind_idle(d);
}

static void progress(struct daemon *d, const struct db_outbox_counts *c)
{
	fprintf(stderr, "mouwatchd --once: feeds %zu/%zu polled, pages pending %lld, "
		"waiting for Redis %lld, waiting for workers %lld, stored %lld (%lld agreements)\n",
		poller_polls_done(d->poller) < once.feeds ? poller_polls_done(d->poller) : once.feeds,
		once.feeds, c->page_pending, c->to_enqueue, c->queued, c->extracted + c->no_agreement,
		c->agreements);
}

/* The answer to "who reads the stream": nobody, with no worker of our
 * own, means nothing will store what is queued; say so now, not at the
 * end of --once-timeout. */
static void readers_cb(long long n, void *arg)
{
	struct daemon *d = arg;
	int left = d->once_timeout_s - (int)(daemon_now() - once.started);

	once.readers_asked = false;
	if (n != 0) {   /* an error: at the next tick; a reader: later */
		once.readers_next = n < 0 ? 0 : daemon_now() + READERS_AGAIN_S;
		return;
	}
	once.readers_warned = true;
	log_warn("--once: nothing reads %s: this run starts no worker (--workers 0) and Redis has seen "
		 "no consumer of group %s in the last %d s, so the %lld queued article(s) will not be "
		 "stored unless a mouwatch-worker starts; waiting %d s more for one (--once-timeout %d), "
		 "then exiting 1. Start mouwatch-worker, or run with --workers N",
		 d->cfg->daemon.redis_stream, QUEUE_GROUP, READER_IDLE_MS / 1000, once.queued,
		 left > 0 ? left : 0, d->once_timeout_s);
}

/* While articles wait for workers this run does not start, until nobody
 * reads the stream (said once). */
static void ask_readers(struct daemon *d, const struct db_outbox_counts *c)
{
	if (once.readers_asked || once.readers_warned || daemon_now() < once.readers_next ||
	    d->sup.n > 0 || c->queued == 0 || !outbox_connected(d->outbox))
		return;
	once.readers_asked = true;
	once.queued = c->queued;
	outbox_count_readers(d->outbox, READER_IDLE_MS, readers_cb, d);
}

static void check_cb(evutil_socket_t fd, short what, void *arg)
{
	struct daemon *d = arg;
	struct db_outbox_counts c = { 0 };
	int64_t now = daemon_now();
	(void)fd;
	(void)what;

	if (db_outbox_counts(d->db, &c) != DB_OK) {
		log_warn("--once: cannot count the articles: %s", db_errmsg(d->db));
		return;
	}
	if (finished(d, &c)) {
		event_del(once.timer);
		daemon_stop(d, 0);
		return;
	}
	ask_readers(d, &c);
	if (now - once.last_progress >= 5) {
		progress(d, &c);
		once.last_progress = now;
	}
	if (now - once.started > d->once_timeout_s) {
		progress(d, &c);
		log_err("--once: not finished after %d s; %s", d->once_timeout_s,
			c.queued && d->cfg->daemon.workers == 0 && d->sup.n == 0
				? "no workers are running: start mouwatch-worker or pass --workers N"
				: "see the log above for what is stuck; what is not done stays queued for the next run");
		event_del(once.timer);
		daemon_stop(d, 1);
	}
}

void once_start(struct daemon *d)
{
	struct db_feed *v = NULL;
	size_t n = 0;
	struct timeval tick = { 0, 200000 };

	once.d = d;
	once.started = once.last_progress = daemon_now();
	if (db_feeds_list(d->db, &v, &n) == DB_OK) {
		for (size_t i = 0; i < n; i++)
			once.feeds += !v[i].paused && !v[i].disabled_reason && !v[i].removed;
		db_feeds_free(v, n);
	}
	poller_poll_all_now(d->poller);
	once.timer = event_new(d->base, -1, EV_PERSIST, check_cb, d);
	event_add(once.timer, &tick);
}

static const char *str_or(const json_t *o, const char *key, const char *fallback)
{
	const char *s = json_string_value(json_object_get(o, key));
	return s ? s : fallback;
}

/* One agreement as two lines: dates, then who and what. */
static void print_agreement(const json_t *a)
{
	const json_t *parties = json_object_get(a, "parties");
	const json_t *programs = json_object_get(a, "programs");
	const json_t *v;
	size_t i;

	printf("%-4lld %-9s %-10s %-10s%s ", (long long)json_integer_value(json_object_get(a, "id")),
	       str_or(a, "type", "?"), str_or(a, "signed_on", "-"), str_or(a, "expires_on", "-"),
	       json_is_true(json_object_get(a, "expires_estimated")) ? "~" : " ");
	json_array_foreach(parties, i, v) {
		const char *c = str_or(v, "country", NULL);
		printf("%s%s%s%s%s", i ? " + " : "", str_or(v, "name", "?"), c ? " (" : "", c ? c : "", c ? ")" : "");
	}
	printf("\n%-36s ", "");
	json_array_foreach(programs, i, v)
		printf("%s%s", i ? ", " : "", json_string_value(v));
	printf("\n");
}

/* What the reminders are about: the dates of the next year. */
static void print_upcoming(struct daemon *d)
{
	json_t *list = NULL;
	size_t i;
	json_t *u;

	if (db_query_upcoming(d->db, daemon_now(), 365, &list) != DB_OK || json_array_size(list) == 0) {
		json_decref(list);
		return;
	}
	printf("\nUpcoming in the next 365 days (reminders at [reminders] lead_days before each):\n");
	json_array_foreach(list, i, u) {
		const char *what = str_or(u, "what", "?");
		printf("  %-10s %-22s agreement %-4lld %s\n", str_or(u, "date", "?"),
		       strcmp(what, "expiry") == 0 ? "agreement expires" : str_or(u, "type", "event"),
		       (long long)json_integer_value(json_object_get(u, "agreement_id")),
		       str_or(u, "parties", ""));
	}
	json_decref(list);
}

void once_print_summary(struct daemon *d)
{
	struct db_outbox_counts c = { 0 };
	json_t *list = NULL;

	if (once.timer)
		event_free(once.timer);
	once.timer = NULL;
	db_outbox_counts(d->db, &c);
	printf("mouwatchd --once: %llu feed(s) polled (%llu ok, %llu not modified, %llu failed), "
	       "%llu entries seen, %llu new article(s), %llu page(s) fetched\n",
	       (unsigned long long)d->n.polls, (unsigned long long)d->n.polls_ok,
	       (unsigned long long)d->n.polls_not_modified, (unsigned long long)d->n.polls_failed,
	       (unsigned long long)d->n.entries_seen, (unsigned long long)d->n.articles_new,
	       (unsigned long long)d->n.article_pages);
	printf("articles: %lld with an agreement, %lld without, %lld failed, %lld still queued; "
	       "%lld agreement(s) in the database\n",
	       c.extracted, c.no_agreement, c.failed, c.queued, c.agreements);
	struct db_agreement_filter f = { .limit = 50 };
	if (db_query_agreements(d->db, &f, daemon_now(), &list) == DB_OK && json_array_size(list) > 0) {
		size_t i;
		json_t *a;
		printf("\n%-4s %-9s %-10s %-10s %s\n", "ID", "TYPE", "SIGNED", "EXPIRES", "PARTIES / PROGRAMMES");
		json_array_foreach(list, i, a)
			print_agreement(a);
	}
	json_decref(list);
	print_upcoming(d);
}
