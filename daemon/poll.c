/* poll.c: owns the poll loop: the once-a-second tick that starts due feeds,
 * the set of feeds in flight, and the submission of feed requests. What
 * happens with a response is in poll_result.c. */
#include "poll.h"
#include "poll_internal.h"
#include "poll_parse.h"
#include "article_fetch.h"
#include "daemon.h"
#include "fetch.h"
#include "log.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* Parsed bodies waiting for the loop, at most: bounds the memory they hold
 * (a feed of 20 KB: 5 MB) when the threads fall behind the fetches; past
 * it the loop parses too. */
#define PARSE_MAX_QUEUED 256

/* ---- the feeds in flight: a set of names (open addressing, linear
 * probing). --once submits every feed at once, so it holds 10,000 names;
 * a linear scan per submit and per answer was a fifth of the CPU of a
 * round of 304s. ---- */

static size_t name_hash(const char *s)
{
	size_t h = 14695981039346656037u;  /* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

/* The slot holding name, or the empty slot where it would go. */
static size_t flight_slot(const struct poller *p, const char *name)
{
	size_t mask = p->flight_cap - 1, i = name_hash(name) & mask;

	while (p->flight[i] && strcmp(p->flight[i], name) != 0)
		i = (i + 1) & mask;
	return i;
}

static bool is_in_flight(const struct poller *p, const char *name)
{
	return p->flight_cap && p->flight[flight_slot(p, name)];
}

/* Keeps the table at most half full. */
static void flight_grow(struct poller *p)
{
	char **old = p->flight;
	size_t old_cap = p->flight_cap;

	if (2 * (p->n_flight + 1) <= p->flight_cap)
		return;
	p->flight_cap = old_cap ? 2 * old_cap : 64;
	p->flight = xcalloc(p->flight_cap, sizeof *p->flight);
	for (size_t i = 0; i < old_cap; i++)
		if (old[i])
			p->flight[flight_slot(p, old[i])] = old[i];
	free(old);
}

static void flight_add(struct poller *p, const char *name)
{
	flight_grow(p);
	size_t i = flight_slot(p, name);
	if (p->flight[i])
		return;
	p->flight[i] = xstrdup(name);
	p->n_flight++;
}

void poll_flight_remove(struct poller *p, const char *name)
{
	if (!is_in_flight(p, name))
		return;
	size_t mask = p->flight_cap - 1, hole = flight_slot(p, name);

	free(p->flight[hole]);
	p->flight[hole] = NULL;
	p->n_flight--;
	/* Backward shift: move up every later name of the run whose home
	 * slot is not between the hole and itself, so probes still find it. */
	for (size_t j = (hole + 1) & mask; p->flight[j]; j = (j + 1) & mask) {
		size_t home = name_hash(p->flight[j]) & mask;
		bool stays = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
		if (stays)
			continue;
		p->flight[hole] = p->flight[j];
		p->flight[j] = NULL;
		hole = j;
	}
}

/* Whether the feed's stored URL is still on the origin the operator named
 * (a 301 may have moved it elsewhere); a feed added at run time names its
 * stored URL. Only there are private addresses reached unguarded. */
static bool operator_named(const struct daemon *d, const struct db_feed *f)
{
	const struct mw_feed_config *fc = config_feed(d->cfg, f->name);

	return !fc || fetch_same_origin(fc->url, f->url);
}

/* Starts one feed's request. The feed's state is read again when the
 * response comes, so a change made meanwhile (pause, remove) is seen. */
static void submit_feed(struct poller *p, const struct db_feed *f)
{
	struct daemon *d = p->d;
	struct fetch_request req = {
		.url = f->url,
		/* Conditional GET: once the server gave validators, every
		 * request carries them (a polite client never asks again for
		 * what it has). */
		.etag = f->etag,
		.last_modified = f->last_modified,
		.max_body = (size_t)d->cfg->daemon.max_feed_size,
		/* The operator chose this URL, not where it redirects. */
		.guard_private = !operator_named(d, f),
		.guard_redirects = true,
	};
	struct poll_job *job = xcalloc(1, sizeof *job);

	job->p = p;
	job->feed_name = xstrdup(f->name);
	job->started_at = daemon_now();
	flight_add(p, f->name);
	if (fetch_submit(d->fetch, &req, poll_feed_done, job) != 0) {
		poll_flight_remove(p, f->name);
		free(job->feed_name);
		free(job);
		return;
	}
	d->n.polls++;
	log_debug("polling feed %s (%s)%s", f->name, f->url, f->etag || f->last_modified ? " conditionally" : "");
}

static void poll_feeds(struct poller *p, struct db_feed *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (is_in_flight(p, v[i].name))
			continue;
		if (v[i].paused || v[i].disabled_reason)
			continue;
		if (host_paused_until(&p->paused, v[i].url, daemon_now()))
			continue; /* stays due; asked again when the host allows */
		submit_feed(p, &v[i]);
	}
}

static void tick_cb(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	struct poller *p = arg;
	struct db_feed *v = NULL;
	size_t n = 0;

	/* While another process holds the database's lock nothing fetched
	 * could be stored: wait for it (db_watch.c retries the lock). */
	if (db_locked_since(p->d->db))
		return;
	if (!p->d->stopping)
		article_fetch_retry(p);
	if (p->d->stopping || p->d->once)
		return;
	if (db_feeds_due(p->d->db, daemon_now(), &v, &n) != DB_OK) {
		log_warn("cannot read which feeds are due: %s; trying again in a second",
			 db_errmsg(p->d->db));
		return;
	}
	poll_feeds(p, v, n);
	db_feeds_free(v, n);
}

struct poller *poller_new(struct daemon *d)
{
	struct poller *p = xcalloc(1, sizeof *p);
	struct timeval one_second = { 1, 0 };

	p->d = d;
	p->tick = event_new(d->base, -1, EV_PERSIST, tick_cb, p);
	event_add(p->tick, &one_second);
	/* Feed bodies and article pages are parsed on the other cores. */
	p->pool = parse_pool_new(d->base, parse_pool_default_threads(), PARSE_MAX_QUEUED);
	return p;
}

void poller_free(struct poller *p)
{
	if (p == NULL)
		return;
	event_free(p->tick);
	parse_pool_free(p->pool);  /* undelivered results: as if cancelled */
	poll_tx_shutdown(p);
	host_pauses_free(&p->paused);
	for (size_t i = 0; i < p->flight_cap; i++)
		free(p->flight[i]);
	free(p->flight);
	free(p);
}

void poller_poll_all_now(struct poller *p)
{
	struct db_feed *v = NULL;
	size_t n = 0;

	p->polls_done = 0;
	if (db_feeds_list(p->d->db, &v, &n) != DB_OK) {
		log_err("cannot list the feeds: %s", db_errmsg(p->d->db));
		return;
	}
	for (size_t i = 0; i < n; i++)
		if (!v[i].paused && !v[i].disabled_reason && !v[i].removed && !is_in_flight(p, v[i].name))
			submit_feed(p, &v[i]);
	db_feeds_free(v, n);
}

bool poller_poll_now(struct poller *p, const char *name)
{
	struct db_feed f;

	if (db_feed_get(p->d->db, name, &f) != DB_OK)
		return false;
	bool ok = !f.removed && !f.disabled_reason;
	if (ok && !is_in_flight(p, name))
		submit_feed(p, &f);
	db_feed_free(&f);
	return ok;
}

size_t poller_in_flight(const struct poller *p)
{
	return p->n_flight + p->pages_in_flight;
}

size_t poller_polls_done(const struct poller *p)
{
	return p->polls_done;
}
