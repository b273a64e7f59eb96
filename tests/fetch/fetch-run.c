/* fetch-run.c: test driver of the fetch engine. Submits the URLs of its
 * command line to one engine in a libevent loop and prints one JSON object
 * per finished request (in completion order), then, with --stats, one
 * {"stats": ...} line.
 *
 *   fetch-run [ENGINE OPTIONS] [[REQUEST OPTIONS] URL]...
 *
 * Engine options (anywhere): --max-concurrent N --max-per-host N --rate R
 *   --connect-timeout S --timeout S --max-redirects N --max-body BYTES
 *   --user-agent UA --contact URL --proxy P --allow-file --allow-private
 *   --body (print bodies) --stats
 *   --cancel-after N (free the engine once N requests completed: the rest
 *   complete as cancelled)
 * Request options apply to the next URL only: --etag E --last-modified D
 *   --guard --no-follow --method M --data BODY --header "N: V" (repeatable)
 *   --req-timeout S --req-max-body BYTES --repeat K (submit K copies)
 *   --then (submit the URLs after this one from its done callback, as the
 *   poller submits article links when a feed arrives)
 *
 * Exit status: 0 when every request completed (whatever its outcome),
 * 1 on a failure of the engine itself, 2 on a usage error. */
#include "fetch.h"
#include "log.h"
#include "xalloc.h"

#include <event2/event.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_HEADERS = 16 };

struct run;

struct pending {                /* request options collected for one URL */
	struct fetch_request req;
	struct run *run;
	size_t index;               /* in run->reqs */
	bool then;                  /* submit the next ones when this is done */
	const char *headers[MAX_HEADERS + 1];
	size_t n_headers;
	long repeat;
};

struct run {
	struct fetch_settings s;
	char *contact_ua;           /* owned */
	bool print_body, print_stats;
	struct pending next;
	struct pending *reqs;       /* the requests, in order: copies of next */
	size_t n_reqs;
	size_t done;
	size_t cancel_after;        /* 0: never */
	struct event_base *base;
	struct fetch_engine *eng;
};

static void submit_from(struct run *run, size_t i);

static void json_set_str(json_t *o, const char *k, const char *v)
{
	json_object_set_new(o, k, v ? json_string(v) : json_null());
}

static void json_set_int(json_t *o, const char *k, long long v, bool opt)
{
	json_object_set_new(o, k, opt && v < 0 ? json_null() : json_integer(v));
}

static json_t *hops_json(const struct fetch_result *r)
{
	json_t *a = json_array();

	for (size_t i = 0; i < r->n_hops; i++)
		json_array_append_new(a, json_pack("{s:I, s:s}", "status",
				      (json_int_t)r->hops[i].status, "url",
				      r->hops[i].url));
	return a;
}

static void add_body(json_t *o, const struct fetch_result *r)
{
	json_t *b = json_stringn(r->body, r->body_len);
	json_object_set_new(o, "body", b ? b : json_string("(not UTF-8)"));
}

static void on_done(const struct fetch_result *r, void *user)
{
	struct pending *p = user;
	struct run *run = p->run;
	json_t *o = json_object();

	json_set_str(o, "url", r->url);
	json_set_int(o, "status", r->status, false);
	json_set_str(o, "error", fetch_error_name(r->error));
	json_set_str(o, "error_msg", r->error_msg);
	json_set_str(o, "final_url", r->final_url);
	json_set_int(o, "body_len", (long long)r->body_len, false);
	if (run->print_body)
		add_body(o, r);
	json_set_str(o, "etag", r->etag);
	json_set_str(o, "last_modified", r->last_modified);
	json_set_str(o, "content_type", r->content_type);
	json_set_str(o, "cache_control", r->cache_control);
	json_set_int(o, "max_age", r->max_age, true);
	json_set_int(o, "expires", (long long)r->expires, true);
	json_set_int(o, "retry_after", r->retry_after_s, true);
	json_set_str(o, "location", r->location);
	json_set_str(o, "permanent_url", r->permanent_url);
	json_object_set_new(o, "hops", hops_json(r));
	json_object_set_new(o, "time", json_real(r->total_time_s));
	json_dumpf(o, stdout, JSON_COMPACT);
	fputc('\n', stdout);
	fflush(stdout);
	json_decref(o);
	if (++run->done == run->n_reqs || run->done == run->cancel_after)
		event_base_loopexit(run->base, NULL);
	if (p->then && r->error != FETCH_ERR_CANCELLED)
		submit_from(run, p->index + 1);
}

static void print_stats(const struct fetch_engine *eng)
{
	struct fetch_stats st;
	json_t *errs = json_object();

	fetch_get_stats(eng, &st);
	for (int e = 1; e < FETCH_ERR__COUNT; e++)
		json_object_set_new(errs, fetch_error_name(e),
				    json_integer((json_int_t)st.errors[e]));
	json_t *o = json_pack("{s:{s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:o}}",
		"stats", "submitted", (json_int_t)st.submitted,
		"completed", (json_int_t)st.completed,
		"bytes", (json_int_t)st.bytes,
		"status_2xx", (json_int_t)st.status_2xx,
		"status_3xx", (json_int_t)st.status_3xx,
		"status_4xx", (json_int_t)st.status_4xx,
		"status_5xx", (json_int_t)st.status_5xx,
		"not_modified", (json_int_t)st.not_modified,
		"peak_running", (json_int_t)st.peak_running,
		"peak_host_running", (json_int_t)st.peak_host_running,
		"errors", errs);
	json_dumpf(o, stdout, JSON_COMPACT);
	fputc('\n', stdout);
	json_decref(o);
}

static void usage(void)
{
	fprintf(stderr, "usage: fetch-run [--max-concurrent N] [--max-per-host N] "
		"[--rate R] [--timeout S] ... [[--etag E] [--guard] ... URL]...\n"
		"(options are listed at the top of tests/fetch/fetch-run.c)\n");
	exit(2);
}

static long number(const char *opt, const char *v)
{
	char *end;
	long n = strtol(v, &end, 10);
	if (*v == '\0' || *end != '\0' || n < 0) {
		fprintf(stderr, "fetch-run: %s wants a number >= 0, not '%s'\n",
			opt, v);
		exit(2);
	}
	return n;
}

static void add_url(struct run *run, const char *url)
{
	struct pending *p = &run->next;
	long k = p->repeat ? p->repeat : 1;

	p->req.url = url;
	p->run = run;
	for (long i = 0; i < k; i++) {
		run->reqs = xrealloc(run->reqs, (run->n_reqs + 1) * sizeof *run->reqs);
		p->index = run->n_reqs;
		run->reqs[run->n_reqs++] = *p;
	}
	memset(p, 0, sizeof *p);
}

enum {
	O_MAXC = 256, O_MAXH, O_RATE, O_CTO, O_TO, O_REDIRS, O_MAXBODY, O_UA,
	O_CONTACT, O_PROXY, O_FILE, O_PRIV, O_BODY, O_STATS, O_ETAG, O_LM,
	O_GUARD, O_NOFOLLOW, O_METHOD, O_DATA, O_HEADER, O_RTO, O_RMAX, O_REPEAT,
	O_CANCEL, O_THEN,
};

static const struct option options[] = {
	{ "max-concurrent", 1, NULL, O_MAXC }, { "max-per-host", 1, NULL, O_MAXH },
	{ "rate", 1, NULL, O_RATE }, { "connect-timeout", 1, NULL, O_CTO },
	{ "timeout", 1, NULL, O_TO }, { "max-redirects", 1, NULL, O_REDIRS },
	{ "max-body", 1, NULL, O_MAXBODY }, { "user-agent", 1, NULL, O_UA },
	{ "contact", 1, NULL, O_CONTACT }, { "proxy", 1, NULL, O_PROXY },
	{ "allow-file", 0, NULL, O_FILE }, { "allow-private", 0, NULL, O_PRIV },
	{ "body", 0, NULL, O_BODY }, { "stats", 0, NULL, O_STATS },
	{ "etag", 1, NULL, O_ETAG }, { "last-modified", 1, NULL, O_LM },
	{ "guard", 0, NULL, O_GUARD }, { "no-follow", 0, NULL, O_NOFOLLOW },
	{ "method", 1, NULL, O_METHOD }, { "data", 1, NULL, O_DATA },
	{ "header", 1, NULL, O_HEADER }, { "req-timeout", 1, NULL, O_RTO },
	{ "req-max-body", 1, NULL, O_RMAX }, { "repeat", 1, NULL, O_REPEAT },
	{ "cancel-after", 1, NULL, O_CANCEL }, { "then", 0, NULL, O_THEN },
	{ NULL, 0, NULL, 0 },
};

static void engine_option(struct run *run, int c, const char *v)
{
	struct fetch_settings *s = &run->s;

	switch (c) {
	case O_MAXC: s->max_concurrent = (unsigned)number("--max-concurrent", v); break;
	case O_MAXH: s->max_per_host = (unsigned)number("--max-per-host", v); break;
	case O_RATE: s->per_host_rate = strtod(v, NULL); break;
	case O_CTO: s->connect_timeout_s = number("--connect-timeout", v); break;
	case O_TO: s->timeout_s = number("--timeout", v); break;
	case O_REDIRS: s->max_redirects = number("--max-redirects", v); break;
	case O_MAXBODY: s->max_body = (size_t)number("--max-body", v); break;
	case O_UA: s->user_agent = v; break;
	case O_CONTACT:
		free(run->contact_ua);
		run->contact_ua = fetch_user_agent(v);
		s->user_agent = run->contact_ua;
		break;
	case O_PROXY: s->proxy = v; break;
	case O_FILE: s->allow_file_urls = true; break;
	case O_PRIV: s->allow_private_addresses = true; break;
	case O_BODY: run->print_body = true; break;
	case O_STATS: run->print_stats = true; break;
	case O_CANCEL: run->cancel_after = (size_t)number("--cancel-after", v); break;
	default: usage();
	}
}

static void request_option(struct run *run, int c, const char *v)
{
	struct pending *p = &run->next;

	switch (c) {
	case O_ETAG: p->req.etag = v; break;
	case O_LM: p->req.last_modified = v; break;
	case O_GUARD: p->req.guard_private = true; break;
	case O_NOFOLLOW: p->req.no_follow = true; break;
	case O_METHOD: p->req.method = v; break;
	case O_DATA: p->req.body = v; p->req.body_len = strlen(v); break;
	case O_HEADER:
		if (p->n_headers == MAX_HEADERS)
			usage();
		p->headers[p->n_headers++] = v;
		break;
	case O_RTO: p->req.timeout_s = number("--req-timeout", v); break;
	case O_RMAX: p->req.max_body = (size_t)number("--req-max-body", v); break;
	case O_REPEAT: p->repeat = number("--repeat", v); break;
	case O_THEN: p->then = true; break;
	default: engine_option(run, c, v);
	}
}

static void parse_args(struct run *run, int argc, char **argv)
{
	int c;

	fetch_settings_init(&run->s);
	while ((c = getopt_long(argc, argv, "-", options, NULL)) != -1) {
		if (c == 1)
			add_url(run, optarg);
		else if (c == '?')
			usage();
		else
			request_option(run, c, optarg);
	}
	if (run->n_reqs == 0)
		usage();
}

/* Submits requests i, i+1, ... up to the first one marked --then. */
static void submit_from(struct run *run, size_t i)
{
	for (; i < run->n_reqs; i++) {
		struct pending *p = &run->reqs[i];
		p->req.headers = p->n_headers ? p->headers : NULL;
		if (fetch_submit(run->eng, &p->req, on_done, p) != 0)
			fprintf(stderr, "fetch-run: the engine refused %s\n",
				p->req.url);
		if (p->then)
			return;
	}
}

int main(int argc, char **argv)
{
	struct run run = { 0 };
	int rc = 1;

	log_init("fetch-run", LOG_LEVEL_INFO);
	parse_args(&run, argc, argv);
	struct event_base *base = event_base_new();
	run.base = base;
	struct fetch_engine *eng = base ? fetch_engine_new(base, &run.s) : NULL;
	run.eng = eng;
	if (eng) {
		submit_from(&run, 0);
		event_base_dispatch(base);
		if (run.print_stats)
			print_stats(eng);
	}
	fetch_engine_free(eng);
	/* Every request submitted must have had its callback by now. */
	if (eng && run.done == run.n_reqs)
		rc = 0;
	if (base)
		event_base_free(base);
	free(run.reqs);
	free(run.contact_ua);
	return rc;
}
