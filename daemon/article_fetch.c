/* article_fetch.c: owns article page requests and turning a page into the
 * text the extractor reads. */
#include "article_fetch.h"
#include "poll_internal.h"
#include "poll_parse.h"
#include "daemon.h"
#include "db_watch.h"
#include "db_outbox.h"
#include "feed.h"
#include "html_text.h"
#include "log.h"
#include "outbox.h"
#include "strbuf.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A page whose main text is shorter than this is not better than the
 * feed's own text (a paywall, a cookie wall, a video page). */
#define MIN_PAGE_TEXT 200

struct page_job {
	struct poller *p;
	int64_t article_id;
};

char *article_text_from_entry(const struct feed_entry *e)
{
	struct strbuf b = STRBUF_INIT;
	char *body = NULL;

	if (e->content && *e->content) {
		struct html_article a;
		html_main_text(e->content, strlen(e->content), "UTF-8", &a, NULL);
		if (a.text && strlen(a.text) > (e->summary ? strlen(e->summary) : 0))
			body = xstrdup(a.text);
		html_article_free(&a);
	}
	if (body == NULL && e->summary)
		body = xstrdup(e->summary);
	if (e->title && *e->title) {
		strbuf_puts(&b, e->title);
		strbuf_putc(&b, '\n');
	}
	if (body)
		strbuf_puts(&b, body);
	free(body);
	return strbuf_steal(&b);
}

bool article_url_fetchable(const struct daemon *d, const char *url)
{
	if (strncasecmp(url, "http://", 7) == 0 || strncasecmp(url, "https://", 8) == 0)
		return true;
	return d->cfg->daemon.allow_file_urls && strncasecmp(url, "file://", 7) == 0;
}

/* Stores a page's outcome. When SQLite refuses (disk full, locked), the
 * article stays 'pending' and the poller's tick fetches it again
 * (article_fetch_retry); one error per outage is logged. */
static void save_page(struct poller *p, int64_t id, enum db_page_state state,
		      const char *text, const char *why)
{
	if (db_article_set_page(p->d->db, id, state, text, why) == DB_OK)
		return;
	if (!p->pages_unsaved)
		log_msg(db_watch_level(p->d, LOG_LEVEL_ERR),
			"article %lld: cannot store its page: %s; pages are fetched again "
			"once the database accepts writes", (long long)id, db_errmsg(p->d->db));
	p->pages_unsaved = true;
}

/* The page's text for the extractor (*text), or why there is none (*why);
 * touches nothing else: it runs on a parse thread. */
static void page_text(const char *body, size_t len, const char *content_type,
		      char **text, char **why)
{
	char *charset = html_charset_from_content_type(content_type);
	struct html_article a;
	char *err = NULL;
	int rc = html_main_text(body, len, charset, &a, &err);

	free(charset);
	*text = *why = NULL;
	if (rc == 0 && a.text && strlen(a.text) >= MIN_PAGE_TEXT)
		*text = html_article_extractor_input(&a);
	else
		*why = xasprintf("page has no usable main text%s%s", err ? ": " : "", err ? err : "");
	free(err);
	html_article_free(&a);
}

/* Page results join the poller's group transaction (one commit per loop
 * pass, not one per page); the outbox is kicked after that commit. */
static void page_tx_begin(struct poller *p)
{
	poll_tx_touch(p);
	db_group_owner(p->d->db, true);
	p->tx_page_saves |= p->tx_open;
}

static void page_tx_end(struct poller *p)
{
	db_group_owner(p->d->db, false);
	if (p->tx_open)
		p->tx_new_articles = true;
	else
		outbox_kick(p->d->outbox);
}

static void page_store(struct poller *p, int64_t id, const char *final_url, const char *text,
		       const char *why)
{
	page_tx_begin(p);
	if (text) {
		save_page(p, id, DB_PAGE_FETCHED, text, NULL);
		p->d->n.article_pages++;
	} else {
		log_info("article %lld (%s): %s; using the feed's text", (long long)id, final_url, why);
		save_page(p, id, DB_PAGE_FAILED, NULL, why);
	}
	page_tx_end(p);
}

/* A 2xx page waiting for (or back from) a parse thread. */
struct page_task {
	struct parse_task t;    /* first: the pool's view of it */
	struct page_job *job;   /* owned */
	struct fetch_result res; /* a copy (poll_result_copy), owned */
	char *text, *why;       /* page_text's results, owned */
};

static void page_work(struct parse_task *t)
{
	struct page_task *pt = (struct page_task *)t;

	page_text(pt->res.body, pt->res.body_len, pt->res.content_type, &pt->text, &pt->why);
}

/* Back on the loop. Cancelled (shutdown): the page stays pending and is
 * fetched again at the next start. */
static void page_parsed(struct parse_task *t, bool cancelled)
{
	struct page_task *pt = (struct page_task *)t;
	struct poller *p = pt->job->p;

	p->pages_in_flight--;
	if (!cancelled)
		page_store(p, pt->job->article_id, pt->res.final_url, pt->text, pt->why);
	free(pt->text);
	free(pt->why);
	poll_result_free(&pt->res);
	free(pt->job);
	free(pt);
}

/* Parses on a parse thread when one takes it, else now. */
static void page_body(struct page_job *job, const struct fetch_result *res)
{
	struct poller *p = job->p;
	struct page_task *pt = xcalloc(1, sizeof *pt);
	char *text, *why;

	pt->t.work = page_work;
	pt->t.done = page_parsed;
	pt->job = job;
	poll_result_copy(&pt->res, res);
	if (parse_pool_submit(p->pool, &pt->t))
		return;  /* counted in pages_in_flight until page_parsed */
	poll_result_free(&pt->res);
	free(pt);
	p->pages_in_flight--;
	page_text(res->body, res->body_len, res->content_type, &text, &why);
	page_store(p, job->article_id, res->final_url, text, why);
	free(text);
	free(why);
	free(job);
}

static void page_done(const struct fetch_result *res, void *arg)
{
	struct page_job *job = arg;
	struct poller *p = job->p;
	struct daemon *d = p->d;

	if (res->error == FETCH_ERR_CANCELLED) {
		p->pages_in_flight--;
		free(job); /* stays pending: fetched again after the restart */
		return;
	}
	if (res->error == FETCH_OK && res->status >= 200 && res->status < 300) {
		page_body(job, res);
		return;
	}
	p->pages_in_flight--;
	char *why = res->error != FETCH_OK
		? xasprintf("%s: %s", fetch_error_name(res->error), res->error_msg ? res->error_msg : "")
		: xasprintf("HTTP %ld", res->status);
	log_warn("article %lld: cannot fetch its page %s (%s); using the feed's text",
		 (long long)job->article_id, res->url, why);
	page_tx_begin(p);
	save_page(p, job->article_id, DB_PAGE_FAILED, NULL, why);
	page_tx_end(p);
	d->n.article_page_errors++;
	if ((res->status == 429 || res->status == 503) && res->retry_after_s > 0)
		article_host_pause(p, res->final_url, res->retry_after_s);
	free(why);
	free(job);
}

void article_fetch_start(struct poller *p, int64_t article_id, const char *url)
{
	struct daemon *d = p->d;

	if (host_paused_until(&p->paused, url, daemon_now())) {
		save_page(p, article_id, DB_PAGE_FAILED, NULL,
			  "the host asked us to wait (429/503); used the feed's text");
		return;
	}
	struct fetch_request req = {
		.url = url,
		.max_body = (size_t)d->cfg->daemon.max_article_size,
		.guard_private = true, /* links come from the feed, not the operator */
	};
	struct page_job *job = xcalloc(1, sizeof *job);
	job->p = p;
	job->article_id = article_id;
	if (fetch_submit(d->fetch, &req, page_done, job) != 0) {
		free(job);
		return;
	}
	p->pages_in_flight++;
}

void article_fetch_resume(struct poller *p)
{
	json_t *rows = NULL;
	size_t i;
	json_t *row;

	if (db_articles_page_pending(p->d->db, 10000, &rows) != DB_OK) {
		log_err("cannot list the article pages left to fetch: %s", db_errmsg(p->d->db));
		return;
	}
	if (json_array_size(rows) > 0)
		log_info("fetching %zu article page(s) a previous run left pending", json_array_size(rows));
	json_array_foreach(rows, i, row) {
		int64_t id = json_integer_value(json_object_get(row, "id"));
		const char *url = json_string_value(json_object_get(row, "url"));
		if (url && article_url_fetchable(p->d, url))
			article_fetch_start(p, id, url);
		else
			save_page(p, id, DB_PAGE_SKIPPED, NULL, NULL);
	}
	json_decref(rows);
}

void article_fetch_retry(struct poller *p)
{
	if (!p->pages_unsaved || p->pages_in_flight > 0)
		return;
	p->pages_unsaved = false;
	log_notice("fetching again the article pages whose results could not be stored");
	article_fetch_resume(p);
}

void article_host_pause(struct poller *p, const char *url, long seconds)
{
	log_notice("host of %s asked us to wait %ld s; no requests to it until then", url, seconds);
	host_pause_set(&p->paused, url, daemon_now() + seconds);
}
