/* fetch_xfer.c: one request's life outside libcurl: the copy made at
 * submit (with its checks: scheme, header injection), and at the end the
 * result handed to the callback and counted. */
#include "fetch_private.h"
#include "xalloc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void fetch_xfer_fail(struct fetch_xfer *x, enum fetch_error e,
		     const char *fmt, ...)
{
	va_list ap;

	if (x->error != FETCH_OK)
		return;
	x->error = e;
	va_start(ap, fmt);
	if (vasprintf(&x->error_msg, fmt, ap) < 0)
		fatal("out of memory formatting an error message");
	va_end(ap);
}

/* A line break would let a value smuggle in headers of its own. */
static bool one_line(const char *s)
{
	return !s || strpbrk(s, "\r\n") == NULL;
}

static void add_header(struct fetch_xfer *x, const char *name,
		       const char *value)
{
	char *line = value ? xasprintf("%s: %s", name, value) : xstrdup(name);
	struct curl_slist *l = curl_slist_append(x->headers, line);

	free(line);
	if (!l)
		fatal("out of memory adding a request header");
	x->headers = l;
}

static void copy_headers(struct fetch_xfer *x, const struct fetch_request *r)
{
	if (!one_line(r->etag) || !one_line(r->last_modified))
		fetch_xfer_fail(x, FETCH_ERR_REQUEST, "invalid request for %.200s: "
				"the ETag or Last-Modified given contains a line "
				"break", x->url);
	if (r->etag && *r->etag)
		add_header(x, "If-None-Match", r->etag);
	if (r->last_modified && *r->last_modified)
		add_header(x, "If-Modified-Since", r->last_modified);
	for (size_t i = 0; r->headers && r->headers[i]; i++) {
		const char *h = r->headers[i];
		if (!one_line(h) || !strchr(h, ':') || *h == ':')
			fetch_xfer_fail(x, FETCH_ERR_REQUEST, "invalid request "
					"header \"%.60s\": write it as one "
					"\"Name: value\" line", h);
		else
			add_header(x, h, NULL);
	}
}

static void copy_method(struct fetch_xfer *x, const struct fetch_request *r)
{
	x->method = xstrdup(r->method && *r->method ? r->method : "GET");
	if (strspn(x->method, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != strlen(x->method))
		fetch_xfer_fail(x, FETCH_ERR_REQUEST, "invalid request method "
				"\"%.20s\": use an upper-case HTTP method such "
				"as GET or POST", x->method);
	if (r->body) {
		x->body = xmalloc(r->body_len + 1);
		memcpy(x->body, r->body, r->body_len);
		x->body[r->body_len] = '\0';
		x->body_len = r->body_len;
		add_header(x, "Expect:", NULL);  /* no 100-continue round trip */
	}
}

struct fetch_xfer *fetch_xfer_new(struct fetch_engine *eng,
				  const struct fetch_request *req,
				  fetch_done_cb done, void *user)
{
	const struct fetch_settings *s = fetch_engine_settings(eng);
	struct fetch_xfer *x = xcalloc(1, sizeof *x);

	x->eng = eng;
	x->done = done;
	x->user = user;
	x->url = xstrdup(req->url ? req->url : "");
	x->max_body = req->max_body ? req->max_body : s->max_body;
	x->timeout_ms = 1000 * (req->timeout_s > 0 ? req->timeout_s : s->timeout_s);
	x->max_redirects = s->max_redirects;
	x->guard = req->guard_private && !s->allow_private_addresses;
	x->guard_hops = req->guard_redirects && !s->allow_private_addresses;
	x->no_follow = req->no_follow;
	copy_method(x, req);
	copy_headers(x, req);
	fetch_hdrs_init(&x->hdrs);
	x->cur_url = xstrdup(x->url);
	return x;
}

void fetch_xfer_free(struct fetch_xfer *x)
{
	if (!x)
		return;
	free(x->url);
	free(x->method);
	free(x->body);
	curl_slist_free_all(x->headers);
	strbuf_free(&x->resp);
	fetch_hdrs_clear(&x->hdrs);
	free(x->cur_url);
	for (size_t i = 0; i < x->n_hops; i++)
		free((char *)x->hops[i].url);
	free(x->hops);
	free(x->error_msg);
	free(x);
}

/* Lower-cased copy of part of u, or NULL. */
static char *url_part(CURLU *u, CURLUPart part)
{
	char *v = NULL;

	if (curl_url_get(u, part, &v, 0) != CURLUE_OK || !v)
		return NULL;
	char *copy = xstrdup(v);
	curl_free(v);
	for (char *p = copy; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return copy;
}

static char *host_of(struct fetch_xfer *x, CURLU *u, bool allow_file)
{
	char *scheme = url_part(u, CURLUPART_SCHEME), *host = NULL;

	if (scheme && strcmp(scheme, "file") == 0) {
		if (allow_file) {
			x->is_file = true;
			host = xstrdup("");
		} else {
			fetch_xfer_fail(x, FETCH_ERR_REQUEST, "refused: %.200s "
					"is a file:// URL (set allow_file_urls "
					"= yes to allow)", x->url);
		}
	} else if (!scheme || (strcmp(scheme, "http") != 0 &&
			       strcmp(scheme, "https") != 0)) {
		fetch_xfer_fail(x, FETCH_ERR_REQUEST, "unsupported URL scheme "
				"in %.200s: only http:// and https:// are "
				"fetched", x->url);
	} else if (!(host = url_part(u, CURLUPART_HOST))) {
		fetch_xfer_fail(x, FETCH_ERR_REQUEST, "invalid URL %.200s: "
				"it names no host", x->url);
	}
	free(scheme);
	return host;
}

char *fetch_xfer_host(struct fetch_xfer *x, bool allow_file)
{
	if (x->error)
		return NULL;
	CURLU *u = curl_url();
	if (!u)
		fatal("out of memory parsing a URL");
	CURLUcode rc = curl_url_set(u, CURLUPART_URL, x->url, 0);
	char *host = NULL;
	if (rc != CURLUE_OK)
		fetch_xfer_fail(x, FETCH_ERR_REQUEST, "invalid URL \"%.200s\": "
				"%s", x->url, curl_url_strerror(rc));
	else
		host = host_of(x, u, allow_file);
	curl_url_cleanup(u);
	return host;
}

/* Where the leading run of permanent redirects led, or NULL. */
static const char *permanent_url(const struct fetch_xfer *x)
{
	const char *url = NULL;

	for (size_t i = 0; i < x->n_hops; i++) {
		if (x->hops[i].status != 301 && x->hops[i].status != 308)
			break;
		url = x->hops[i].url;
	}
	return url;
}

static void count(struct fetch_stats *st, const struct fetch_result *r,
		  size_t received)
{
	st->completed++;
	st->bytes += received;
	if (r->error != FETCH_OK) {
		st->errors[r->error]++;
		return;
	}
	uint64_t *by_class[] = { NULL, NULL, &st->status_2xx, &st->status_3xx,
				 &st->status_4xx, &st->status_5xx };
	long cls = r->status / 100;
	if (cls >= 2 && cls <= 5)
		(*by_class[cls])++;
	if (r->status == 304)
		st->not_modified++;
}

/* Status, URLs and times libcurl knows about the finished transfer. */
static void transfer_info(struct fetch_xfer *x, struct fetch_result *r)
{
	char *eff = NULL, *redir = NULL;
	long code = 0;

	curl_easy_getinfo(x->easy, CURLINFO_EFFECTIVE_URL, &eff);
	curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &code);
	curl_easy_getinfo(x->easy, CURLINFO_TOTAL_TIME, &r->total_time_s);
	curl_easy_getinfo(x->easy, CURLINFO_REDIRECT_URL, &redir);
	if (eff)
		r->final_url = eff;
	r->status = code;
	if (code >= 300 && code < 400)
		r->location = redir ? redir : x->hdrs.location;
}

static void set_error(struct fetch_xfer *x, CURLcode code,
		      struct fetch_result *r)
{
	if (code == CURLE_TOO_MANY_REDIRECTS)
		fetch_xfer_fail(x, FETCH_ERR_REDIRECTS, "too many redirects: "
				"gave up after %ld starting at %.200s (a "
				"redirect loop?)", x->max_redirects, x->url);
	if (code == CURLE_UNSUPPORTED_PROTOCOL && x->n_hops)
		fetch_xfer_fail(x, FETCH_ERR_REDIRECTS, "refused to follow the "
				"redirect of %.200s to %.200s: redirects are "
				"followed to http:// and https:// only", x->url,
				x->hops[x->n_hops - 1].url);
	r->error = x->error ? x->error : fetch_error_from_curl(code);
	if (x->error_msg)
		r->error_msg = x->error_msg;
	else if (x->errbuf[0])
		r->error_msg = x->errbuf;
	else
		r->error_msg = curl_easy_strerror(code);
	if (r->error == FETCH_OK)    /* a callback stopped it without a word */
		r->error = FETCH_ERR_OTHER;
	r->body = "";
	r->body_len = 0;
}

static void copy_headers_out(const struct fetch_xfer *x, struct fetch_result *r)
{
	r->etag = x->hdrs.etag;
	r->last_modified = x->hdrs.last_modified;
	r->content_type = x->hdrs.content_type;
	r->cache_control = x->hdrs.cache_control;
	r->max_age = x->hdrs.max_age;
	r->expires = x->hdrs.expires;
	r->retry_after_s = x->hdrs.retry_after_s;
}

void fetch_xfer_complete(struct fetch_xfer *x, CURLcode code,
			 struct fetch_stats *st)
{
	struct fetch_result r = { .url = x->url, .final_url = x->url };

	r.body = strbuf_str(&x->resp);
	r.body_len = x->resp.len;
	copy_headers_out(x, &r);
	r.hops = x->hops;
	r.n_hops = x->n_hops;
	r.permanent_url = permanent_url(x);
	if (x->easy)
		transfer_info(x, &r);
	/* Our error counts only if libcurl failed too: the guard may refuse
	 * one address of a name and libcurl then connect to the next one. */
	if (x->easy ? code != CURLE_OK : x->error != FETCH_OK)
		set_error(x, code, &r);
	else if (x->is_file)
		r.status = 200;
	count(st, &r, x->resp.len);
	x->done(&r, x->user);
}
