/* httpd_routes.c: the synthetic resources of mw-httpd that answer at once —
 * redirects and loops, arbitrary statuses, added headers, and the webhook
 * receiver /hook/... (which counts requests per path). */
#include <stdlib.h>
#include <string.h>

#include <event2/keyvalq_struct.h>

#include "httpd.h"
#include "xalloc.h"

/* Requests seen per hook path, for ?times=K. Owned by the server. */
struct hook_counter {
	struct hook_counter *next;
	char *path;
	long seen;
};

static const struct { int code; const char *reason; } reasons[] = {
	{ 200, "OK" }, { 201, "Created" }, { 202, "Accepted" }, { 204, "No Content" },
	{ 301, "Moved Permanently" }, { 302, "Found" }, { 303, "See Other" },
	{ 304, "Not Modified" }, { 307, "Temporary Redirect" },
	{ 308, "Permanent Redirect" }, { 400, "Bad Request" },
	{ 401, "Unauthorized" }, { 403, "Forbidden" }, { 404, "Not Found" },
	{ 408, "Request Timeout" }, { 410, "Gone" }, { 429, "Too Many Requests" },
	{ 500, "Internal Server Error" }, { 502, "Bad Gateway" },
	{ 503, "Service Unavailable" }, { 504, "Gateway Timeout" },
};

static const char *reason_of(int code)
{
	for (size_t i = 0; i < sizeof reasons / sizeof reasons[0]; i++)
		if (reasons[i].code == code)
			return reasons[i].reason;
	return "Status";
}

/* The number after the route's prefix ("/status/503" -> 503), or -1. */
static int code_after(const char *path, const char *prefix)
{
	const char *s = path + strlen(prefix);
	char *end;
	long v = strtol(s, &end, 10);

	if (end == s || *end != '\0' || v < 100 || v > 599)
		return -1;
	return (int)v;
}

static void send_status(struct request *r, int code)
{
	char text[64];

	snprintf(text, sizeof text, "status %d", code);
	reply_text(r, code, reason_of(code), text);
}

void handle_redirect(struct request *r)
{
	int code = code_after(r->path, "/redirect/");
	const char *to = query_get(r, "to");

	if (code != 301 && code != 302 && code != 303 && code != 307 && code != 308) {
		reply_text(r, 400, "Bad Request", "mw-httpd: /redirect/CODE takes 301, 302, 303, 307 or 308");
		return;
	}
	if (evhttp_add_header(evhttp_request_get_output_headers(r->req), "Location",
			      to ? to : "/") != 0) {
		reply_text(r, 400, "Bad Request", "mw-httpd: ?to= is not a valid header value");
		return;
	}
	send_status(r, code);
}

void handle_loop(struct request *r)
{
	evhttp_add_header(evhttp_request_get_output_headers(r->req), "Location", "/loop");
	send_status(r, 302);
}

void handle_status(struct request *r)
{
	int code = code_after(r->path, "/status/");
	const char *retry = query_get(r, "retry-after");

	if (code < 200) {
		reply_text(r, 400, "Bad Request", "mw-httpd: /status/CODE takes 200 to 599");
		return;
	}
	if (retry)
		evhttp_add_header(evhttp_request_get_output_headers(r->req), "Retry-After", retry);
	send_status(r, code);
}

void handle_headers(struct request *r)
{
	struct evkeyvalq *out = evhttp_request_get_output_headers(r->req);
	const char *path = query_get(r, "path");
	struct evkeyval *kv;

	TAILQ_FOREACH(kv, &r->query, next) {
		if (strcmp(kv->key, "path") == 0)
			continue;
		if (evhttp_add_header(out, kv->key, kv->value) != 0) {
			reply_text(r, 400, "Bad Request", "mw-httpd: a header in the query is not valid");
			return;
		}
	}
	if (path && path[0] == '/')
		dispatch_target(r->srv, r->req, path);
	else
		reply_text(r, 200, "OK", "headers added");
}

static struct hook_counter *hook_counter(struct server *srv, const char *path)
{
	struct hook_counter *c;

	for (c = srv->hooks; c != NULL; c = c->next)
		if (strcmp(c->path, path) == 0)
			return c;
	c = xcalloc(1, sizeof *c);
	c->path = xstrdup(path);
	c->next = srv->hooks;
	srv->hooks = c;
	return c;
}

void hooks_free(struct server *srv)
{
	while (srv->hooks != NULL) {
		struct hook_counter *c = srv->hooks;

		srv->hooks = c->next;
		free(c->path);
		free(c);
	}
}

/* ?status=S answers S; with ?times=K only the first K requests to this
 * path get S and later ones 200, so tests can script "fail twice, then
 * succeed" for retries; ?retry-after=N adds "Retry-After: N" to those
 * S answers. */
void handle_hook(struct request *r)
{
	struct hook_counter *c = hook_counter(r->srv, r->path);
	long status = query_long(r, "status", 200, 200, 599);
	long times = query_long(r, "times", -1, 0, 1000000);
	long retry_after = query_long(r, "retry-after", -1, 0, 86400);
	char ra[24];

	c->seen++;
	save_hook(r->srv, r->req);
	if (times >= 0 && c->seen > times)
		status = 200;
	else if (retry_after >= 0) {
		snprintf(ra, sizeof ra, "%ld", retry_after);
		evhttp_add_header(evhttp_request_get_output_headers(r->req), "Retry-After", ra);
	}
	send_status(r, (int)status);
}
