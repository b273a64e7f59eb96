/* poll_result.c: owns what a feed response does to the feed: 304 costs
 * nothing, 200 is parsed and its new entries become articles, 301/308 move
 * the feed, 410 disables it, 429/503 and errors back off; the new schedule
 * and state are written to SQLite. */
#include "poll_internal.h"
#include "poll_parse.h"
#include "poll_schedule.h"
#include "article_fetch.h"
#include "daemon.h"
#include "db_watch.h"
#include "db_outbox.h"
#include "feed.h"
#include "log.h"
#include "outbox.h"
#include "poll.h"
#include "tz.h"
#include "xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What one response did, gathered before the state is written. */
struct poll_outcome {
	bool ok;                 /* 200 or 304 */
	char *error;             /* owned, for last_error and the log */
	long retry_after_s;
	int ttl_minutes;
	size_t new_articles;
	size_t waiting;          /* new entries past max_new_per_poll */
	bool db_failed;          /* the store refused the entries (logged once
	                          * per outage by the group commit) */
	int64_t newest_entry_at;
	double observed_gap;     /* mean seconds between the feed's entries */
};

/* A feed body parsed on a parse thread (poll_parse.h): what feed_parse
 * gave, handed to the rest of the poll on the loop. */
struct parsed_feed {
	int rc;
	struct feed *feed;       /* owned until handle_body takes it */
	char *err;               /* owned */
};

/* A 2xx response waiting for (or back from) a parse thread. */
struct feed_task {
	struct parse_task t;     /* first: the pool's view of it */
	struct poll_job *job;    /* owned */
	struct fetch_result res; /* a copy (poll_result_copy), owned */
	struct feed_limits lim;
	struct parsed_feed out;  /* set by feed_work */
};

/* ---- the group transaction ---------------------------------------------- */

static void commit_cb(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	poller_commit(arg);
}

static void group_flush(void *arg)
{
	poller_commit(arg);
}

void poll_tx_touch(struct poller *p)
{
	static const struct timeval now = { 0, 0 };

	if (p->tx_open)
		return;
	if (p->commit_ev == NULL)
		p->commit_ev = evtimer_new(p->d->base, commit_cb, p);
	/* A worker holding the lock past the busy timeout: write one by one. */
	if (p->commit_ev == NULL || db_begin(p->d->db) != DB_OK)
		return;
	/* Anyone else's write on this connection first commits the group. */
	db_group_open(p->d->db, group_flush, p);
	p->tx_open = true;
	evtimer_add(p->commit_ev, &now);
}

/* Page fetch of a new article: after the commit when a group is open. */
static void tx_page(struct poller *p, int64_t id, const char *url)
{
	if (!p->tx_open) {
		article_fetch_start(p, id, url);
		return;
	}
	if (p->n_tx_pages == p->cap_tx_pages) {
		p->cap_tx_pages = p->cap_tx_pages ? 2 * p->cap_tx_pages : 64;
		p->tx_pages = xrealloc(p->tx_pages, p->cap_tx_pages * sizeof *p->tx_pages);
	}
	p->tx_pages[p->n_tx_pages++] = (struct poll_page){ id, xstrdup(url) };
}

/* An info line about what the group stores: logged after its commit,
 * dropped if it rolls back; logged now when no group is open (each write
 * was committed on its own). */
static void tx_log(struct poller *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void tx_log(struct poller *p, const char *fmt, ...)
{
	va_list ap;
	char *line;

	va_start(ap, fmt);
	if (vasprintf(&line, fmt, ap) < 0)
		fatal("out of memory");
	va_end(ap);
	if (!p->tx_open) {
		log_info("%s", line);
		free(line);
		return;
	}
	if (p->n_tx_lines == p->cap_tx_lines) {
		p->cap_tx_lines = p->cap_tx_lines ? 2 * p->cap_tx_lines : 64;
		p->tx_lines = xrealloc(p->tx_lines, p->cap_tx_lines * sizeof *p->tx_lines);
	}
	p->tx_lines[p->n_tx_lines++] = line;
}

/* The group's lines and counts: published when it committed, else dropped. */
static void tx_publish(struct poller *p, bool committed)
{
	for (size_t i = 0; i < p->n_tx_lines; i++) {
		if (committed)
			log_info("%s", p->tx_lines[i]);
		free(p->tx_lines[i]);
	}
	p->n_tx_lines = 0;
	if (committed)
		p->d->n.articles_new += p->tx_articles_new;
	p->tx_articles_new = 0;
}

/* Ends the group: true when it committed (or none was open). Takes the
 * pages to fetch out into *pages / *n (the caller frees them). */
static bool tx_end(struct poller *p, struct poll_page **pages, size_t *n)
{
	struct db *db = p->d->db;

	*pages = p->tx_pages;
	*n = p->n_tx_pages;
	p->tx_pages = NULL;
	p->n_tx_pages = p->cap_tx_pages = 0;
	if (!p->tx_open)
		return true;
	p->tx_open = false;
	db_group_close(db);
	event_del(p->commit_ev);
	bool ok = db_commit(db) == DB_OK;  /* rolls back when it fails */
	tx_publish(p, ok);
	/* One line per outage: with pages retried every second and results
	 * arriving in many loop passes, a full disk fails many groups. */
	if (!ok && !p->tx_failing)
		log_msg(db_watch_level(p->d, LOG_LEVEL_ERR),
			"cannot commit the results of %zu feed poll(s) and of article pages: %s; "
			"rolled back: those feeds stay due and are polled again, their new articles "
			"found again, the pages fetched again (logged once until a commit succeeds)",
			p->tx_polls, db_errmsg(db));
	else if (!ok)
		log_debug("group commit failed again: %s", db_errmsg(db));
	else if (p->tx_failing)
		log_notice("the poller's writes commit again");
	p->tx_failing = !ok;
	/* Page results rolled back leave their articles pending: the tick
	 * fetches those pages again (article_fetch_retry). */
	if (!ok && p->tx_page_saves)
		p->pages_unsaved = true;
	p->tx_page_saves = false;
	p->tx_polls = 0;
	return ok;
}

static void free_pages(struct poll_page *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].url);
	free(v);
}

void poller_commit(struct poller *p)
{
	struct poll_page *pages;
	size_t n;

	if (p == NULL)  /* before the poller exists, or after it is gone */
		return;
	bool kick = p->tx_new_articles;

	p->tx_new_articles = false;
	if (tx_end(p, &pages, &n)) {
		for (size_t i = 0; i < n; i++)
			article_fetch_start(p, pages[i].article_id, pages[i].url);
		if (kick)
			outbox_kick(p->d->outbox);
	}
	free_pages(pages, n);
}

void poll_tx_shutdown(struct poller *p)
{
	struct poll_page *pages;
	size_t n;

	tx_end(p, &pages, &n);
	free_pages(pages, n);
	tx_publish(p, false);   /* nothing left: tx_end published the group */
	free(p->tx_lines);
	p->tx_lines = NULL;
	p->cap_tx_lines = 0;
	if (p->commit_ev)
		event_free(p->commit_ev);
	p->commit_ev = NULL;
}

/* ---- one response ----------------------------------------------------- */

static void set_error(struct poll_outcome *o, char *msg)
{
	free(o->error);
	o->error = msg;
	o->ok = false;
}

/* Mean gap between the entries' publication times: the feed's rhythm. */
static double mean_entry_gap(const struct feed *f, int64_t *newest)
{
	int64_t lo = 0, hi = 0;
	size_t n = 0;

	for (size_t i = 0; i < f->n_entries; i++) {
		int64_t t = f->entries[i].published ? f->entries[i].published : f->entries[i].updated;
		if (t <= 0)
			continue;
		if (n == 0 || t < lo)
			lo = t;
		if (n == 0 || t > hi)
			hi = t;
		n++;
	}
	*newest = hi;
	return n >= 2 && hi > lo ? (double)(hi - lo) / (double)(n - 1) : 0;
}

/* An article the group just inserted: counted and logged once the group
 * commits (tx_log), its page queued for fetching or marked skipped. */
static void new_article(struct poller *p, const char *feed_name, int64_t id, const char *url,
			bool fetch_pages, struct poll_outcome *o)
{
	struct daemon *d = p->d;

	o->new_articles++;
	if (p->tx_open)
		p->tx_articles_new++;
	else
		d->n.articles_new++;
	tx_log(p, "feed %s: new article %lld: %s", feed_name, (long long)id, url);
	if (fetch_pages && article_url_fetchable(d, url))
		tx_page(p, id, url);
	else
		db_article_set_page(d->db, id, DB_PAGE_SKIPPED, NULL, NULL);
}

static void store_entries(struct poller *p, const char *feed_name, const struct feed *f,
			  struct poll_outcome *o)
{
	struct daemon *d = p->d;
	const struct mw_feed_config *fc = config_feed(d->cfg, feed_name);
	bool fetch_pages = fc ? config_feed_fetches_article(d->cfg, fc) : d->cfg->daemon.article_fetch;
	size_t n = f->n_entries;
	struct db_article_new *v = xcalloc(n ? n : 1, sizeof *v);
	char **texts = xcalloc(n ? n : 1, sizeof *texts);
	int64_t *ids = xcalloc(n ? n : 1, sizeof *ids);
	bool *is_new = xcalloc(n ? n : 1, sizeof *is_new);
	size_t m = 0, max_new = (size_t)d->cfg->daemon.max_new_per_poll;
	int64_t now = daemon_now();

	for (size_t i = 0; i < n; i++) {
		const struct feed_entry *e = &f->entries[i];
		const char *url = e->link ? e->link : e->id;
		bool known = false;
		if (url == NULL || *url == '\0')
			continue;
		/* Most entries of a poll are known: skip them before building
		 * their text (half the poller's CPU when nothing is new). */
		if (db_article_known(d->db, feed_name, e->id, url, &known) == DB_OK && known) {
			d->n.entries_seen++;
			d->n.articles_known++;
			continue;
		}
		if (m == max_new) {      /* one feed cannot flood a poll */
			o->waiting++;
			continue;
		}
		texts[m] = article_text_from_entry(e);
		v[m] = (struct db_article_new){
			.feed_name = feed_name, .entry_id = e->id, .url = url, .title = e->title,
			.text = texts[m], .published_at = e->published ? e->published : e->updated,
			.fetched_at = now,
		};
		m++;
	}
	d->n.entries_seen += m;
	if (o->waiting)
		log_notice("feed %s: %zu more new entries than max_new_per_poll (%zu) wait for "
			   "its next poll", feed_name, o->waiting, max_new);
	int rc = m ? db_articles_insert_batch(d->db, v, m, ids, is_new) : DB_OK;
	if (rc != DB_OK) {
		set_error(o, xasprintf("cannot store the feed's entries: %s", db_errmsg(d->db)));
		o->db_failed = true;
		goto out;
	}
	for (size_t i = 0; i < m; i++) {
		if (is_new[i])
			new_article(p, feed_name, ids[i], v[i].url, fetch_pages, o);
		else
			d->n.articles_known++;
	}
out:
	for (size_t i = 0; i < m; i++)
		free(texts[i]);
	free(texts);
	free(v);
	free(ids);
	free(is_new);
}

/* The limits, and the time zone of the feed's dates without one: its own
 * timezone, else [daemon] timezone (feeds added at run time have no
 * section). */
static struct feed_limits feed_limits_of(const struct poller *p, const char *feed_name)
{
	const struct mw_config *cfg = p->d->cfg;
	const struct mw_feed_config *fc = config_feed(cfg, feed_name);
	const char *zone = fc && fc->timezone ? fc->timezone : cfg->daemon.timezone;

	return (struct feed_limits){ (size_t)cfg->daemon.max_feed_size, FEED_MAX_ENTRIES_DEFAULT,
				     mw_tz_get(zone) };
}

/* The body parsed: by a parse thread (pf, taken over here) or now. */
static void handle_body(struct poller *p, const char *feed_name, const struct fetch_result *res,
			struct parsed_feed *pf, struct poll_outcome *o)
{
	struct feed_limits lim = feed_limits_of(p, feed_name);
	struct feed *f = NULL;
	char *err = NULL;
	int rc;

	if (pf) {
		rc = pf->rc;
		f = pf->feed;
		err = pf->err;
		pf->feed = NULL;
		pf->err = NULL;
	} else {
		rc = feed_parse(res->body, res->body_len, res->final_url, &lim, &f, &err);
	}
	if (rc != 0) {
		feed_free(f);
		set_error(o, xasprintf("the response is not a feed we can read: %s", err));
		free(err);
		return;
	}
	if (f->recovered)
		log_notice("feed %s: malformed XML, used what could be recovered", feed_name);
	if (f->truncated)
		log_warn("feed %s: more than %zu entries; only the first were read", feed_name, lim.max_entries);
	o->ttl_minutes = f->ttl_minutes;
	o->observed_gap = mean_entry_gap(f, &o->newest_entry_at);
	store_entries(p, feed_name, f, o);
	feed_free(f);
}

static void classify_response(struct poller *p, const char *feed_name, const struct fetch_result *res,
			      struct parsed_feed *pf, struct db_feed *f, struct poll_outcome *o)
{
	struct daemon *d = p->d;

	o->retry_after_s = res->retry_after_s;
	if (res->error != FETCH_OK) {
		set_error(o, xasprintf("%s: %s", fetch_error_name(res->error),
				       res->error_msg ? res->error_msg : "no response"));
		return;
	}
	if (res->status == 304) {
		o->ok = true;
		d->n.polls_not_modified++;
		return;
	}
	if (res->status >= 200 && res->status < 300) {
		o->ok = true;
		handle_body(p, feed_name, res, pf, o);
		/* With entries left for the next poll, no validator is kept:
		 * a 304 would hide them. */
		if (o->ok && o->waiting) {
			free(f->etag);
			free(f->last_modified);
			f->etag = f->last_modified = NULL;
		} else if (o->ok) {
			free(f->etag);
			f->etag = res->etag ? xstrdup(res->etag) : NULL;
			free(f->last_modified);
			f->last_modified = res->last_modified ? xstrdup(res->last_modified) : NULL;
		}
		return;
	}
	if (res->status == 410) {
		free(f->disabled_reason);
		f->disabled_reason = xasprintf("410 Gone from %s: the publisher removed the feed", res->final_url);
		log_warn("feed %s disabled: %s; remove it from the configuration or point it elsewhere",
			 feed_name, f->disabled_reason);
		set_error(o, xstrdup("HTTP 410 Gone"));
		return;
	}
	set_error(o, xasprintf("HTTP %ld from %s", res->status, res->final_url));
	if ((res->status == 429 || res->status == 503) && res->retry_after_s > 0)
		article_host_pause(p, res->final_url, res->retry_after_s);
}

/* A 301/308 moves the feed's stored URL, but not to a hop the address
 * guard refused, and a feed added at run time only within its origin: such
 * a feed trusts its stored URL (the operator named it), so a new host
 * stored there would be fetched unguarded from then on (and could later
 * resolve to a private address). Its redirect is followed, guarded, at
 * every poll instead, until the operator adds the new URL. */
static void follow_permanent_redirect(struct daemon *d, struct db_feed *f, const struct fetch_result *res)
{
	if (res->permanent_url == NULL || strcmp(res->permanent_url, f->url) == 0 ||
	    res->error == FETCH_ERR_REFUSED)
		return;
	if (config_feed(d->cfg, f->name) == NULL && !fetch_same_origin(f->url, res->permanent_url)) {
		log_info("feed %s moved permanently to another host: %s -> %s (not stored: a feed added "
			 "at run time keeps the URL it was added with; 'mouwatch feed add' the new URL "
			 "to trust it)", f->name, f->url, res->permanent_url);
		return;
	}
	log_notice("feed %s moved permanently: %s -> %s (stored; update the configuration too)",
		   f->name, f->url, res->permanent_url);
	if (db_feed_set_url(d->db, f->name, res->permanent_url) == DB_OK) {
		free(f->url);
		f->url = xstrdup(res->permanent_url);
	}
}

static void reschedule(struct daemon *d, struct db_feed *f, const struct fetch_result *res,
		       const struct poll_outcome *o)
{
	const struct mw_feed_config *fc = config_feed(d->cfg, f->name);
	int64_t now = daemon_now();
	struct poll_interval_source src = {
		.configured = fc != NULL, .cfg_interval = fc ? fc->interval : 0,
		.cfg_auto = fc && fc->interval_auto, .row_seconds = f->interval_seconds,
		.default_interval = d->cfg->daemon.default_interval,
	};
	struct poll_timing t = {
		.now = now,
		.floor = d->cfg->daemon.interval_floor,
		.ceiling = d->cfg->daemon.interval_ceiling,
		.retry_after_s = o->retry_after_s,
		.max_age_s = res->error == FETCH_OK ? res->max_age : -1,
		.expires_at = res->error == FETCH_OK && res->expires > 0 ? (int64_t)res->expires : 0,
		.ttl_minutes = o->ttl_minutes,
		.jitter = poll_jitter_draw(),
	};

	poll_timing_set_interval(&t, &src);

	if (o->new_articles > 0) {
		f->avg_publish_interval = poll_update_publish_interval(f->avg_publish_interval, o->observed_gap);
		f->last_new_entry_at = now;
	}
	t.avg_publish_interval = f->avg_publish_interval;
	f->last_polled_at = now;
	f->last_status = (int)res->status;
	if (o->ok) {
		f->consecutive_failures = 0;
		free(f->last_error);
		f->last_error = NULL;
		f->next_poll_at = poll_next_after_success(&t);
	} else {
		f->consecutive_failures++;
		t.consecutive_failures = f->consecutive_failures;
		free(f->last_error);
		f->last_error = xstrdup(o->error ? o->error : "failed");
		f->next_poll_at = poll_next_after_failure(&t);
	}
	bool was_stale = f->stale;
	f->stale = poll_is_stale(now, f->last_new_entry_at, f->avg_publish_interval, d->cfg->daemon.stale_after);
	if (f->stale && !was_stale)
		log_warn("feed %s looks stale: nothing new since %lld s ago; check that its URL still publishes",
			 f->name, (long long)(now - f->last_new_entry_at));
}

static bool is_body(const struct fetch_result *res)
{
	return res->error == FETCH_OK && res->status >= 200 && res->status < 300;
}

/* The rest of a poll, on the loop, once the body (if any) is parsed. */
static void feed_finish(struct poll_job *job, const struct fetch_result *res, struct parsed_feed *pf)
{
	struct poller *p = job->p;
	struct daemon *d = p->d;
	struct poll_outcome o = { .retry_after_s = -1 };
	struct db_feed f;

	poll_flight_remove(p, job->feed_name);
	p->polls_done++;
	if (res->error == FETCH_ERR_CANCELLED)
		goto out;
	poll_tx_touch(p);
	db_group_owner(d->db, true);
	if (db_feed_get(d->db, job->feed_name, &f) != DB_OK)
		goto out;
	p->tx_polls++;
	follow_permanent_redirect(d, &f, res);
	classify_response(p, job->feed_name, res, pf, &f, &o);
	reschedule(d, &f, res, &o);
	if (o.ok) {
		d->n.polls_ok++;
		tx_log(p, "feed %s: %ld, %zu new article(s), next poll in %lld s", f.name, res->status,
		       o.new_articles, (long long)(f.next_poll_at - daemon_now()));
	} else if (o.db_failed) {
		/* The database's outage, not the feed's: logged once by the
		 * group commit (or the lock by db_watch.c). */
		d->n.polls_failed++;
		log_debug("feed %s: %s", f.name, o.error);
	} else {
		d->n.polls_failed++;
		log_warn("feed %s: %s (failure %d in a row); next try in %lld s", f.name, o.error,
			 f.consecutive_failures, (long long)(f.next_poll_at - daemon_now()));
	}
	/* In a group, a failing write fails its commit, which is logged once. */
	if (db_feed_save_state(d->db, &f) != DB_OK)
		log_msg(p->tx_open || o.db_failed ? LOG_LEVEL_DEBUG : LOG_LEVEL_ERR,
		       "feed %s: cannot save its poll state: %s", f.name, db_errmsg(d->db));
	db_feed_free(&f);
	if (o.new_articles && p->tx_open)
		p->tx_new_articles = true;
	else if (o.new_articles)
		outbox_kick(d->outbox);
out:
	db_group_owner(d->db, false);
	free(o.error);
	free(job->feed_name);
	free(job);
}

/* On a parse thread: touches nothing but the task. */
static void feed_work(struct parse_task *t)
{
	struct feed_task *ft = (struct feed_task *)t;

	ft->out.rc = feed_parse(ft->res.body, ft->res.body_len, ft->res.final_url, &ft->lim,
				&ft->out.feed, &ft->out.err);
}

/* Back on the loop. Cancelled (shutdown): the feed keeps its state and is
 * polled again at the next start. */
static void feed_parsed(struct parse_task *t, bool cancelled)
{
	struct feed_task *ft = (struct feed_task *)t;

	if (cancelled)
		ft->res.error = FETCH_ERR_CANCELLED;
	feed_finish(ft->job, &ft->res, &ft->out);
	feed_free(ft->out.feed);
	free(ft->out.err);
	poll_result_free(&ft->res);
	free(ft);
}

void poll_feed_done(const struct fetch_result *res, void *arg)
{
	struct poll_job *job = arg;
	struct poller *p = job->p;

	if (is_body(res) && p->pool) {
		struct feed_task *ft = xcalloc(1, sizeof *ft);
		ft->t.work = feed_work;
		ft->t.done = feed_parsed;
		ft->job = job;
		ft->lim = feed_limits_of(p, job->feed_name);
		poll_result_copy(&ft->res, res);
		if (parse_pool_submit(p->pool, &ft->t))
			return;  /* the feed stays in flight until feed_parsed */
		poll_result_free(&ft->res);
		free(ft);
	}
	feed_finish(job, res, NULL);
}
