/* httpd_log.c: what mw-httpd remembers of its clients — one line per
 * request in --log (format in mw-httpd.c), and the raw headers and body of
 * each hook in --hook-dir, so tests can check exactly what was sent. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>
#include <event2/keyvalq_struct.h>

#include "httpd.h"
#include "log.h"
#include "strbuf.h"
#include "xalloc.h"

/* Request headers worth logging for ordinary requests. */
static const char *const logged_headers[] = {
	"User-Agent", "Accept", "Accept-Encoding", "Accept-Language",
	"If-None-Match", "If-Modified-Since", "Cookie", "Referer", "Range",
	"Content-Type",
};

static const char *method_name(enum evhttp_cmd_type m)
{
	switch (m) {
	case EVHTTP_REQ_GET: return "GET";
	case EVHTTP_REQ_POST: return "POST";
	case EVHTTP_REQ_HEAD: return "HEAD";
	case EVHTTP_REQ_PUT: return "PUT";
	default: return "OTHER";
	}
}

/* Appends s so that the log line stays one line of TAB-separated fields. */
static void put_escaped(struct strbuf *sb, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\t') strbuf_puts(sb, "\\t");
		else if (c == '\n') strbuf_puts(sb, "\\n");
		else if (c == '\r') strbuf_puts(sb, "\\r");
		else if (c == '\\') strbuf_puts(sb, "\\\\");
		else if (c < 0x20 || c == 0x7f) strbuf_printf(sb, "\\x%02x", c);
		else strbuf_putc(sb, (char)c);
	}
}

static void put_field(struct strbuf *sb, const char *name, const char *value,
		      size_t len)
{
	strbuf_putc(sb, '\t');
	for (const char *p = name; *p; p++)
		strbuf_putc(sb, (char)tolower((unsigned char)*p));
	strbuf_puts(sb, ": ");
	put_escaped(sb, value, len);
}

static void put_headers(struct strbuf *sb, struct evkeyvalq *in, int all)
{
	struct evkeyval *kv;

	if (all) {
		TAILQ_FOREACH(kv, in, next)
			put_field(sb, kv->key, kv->value, strlen(kv->value));
		return;
	}
	for (size_t i = 0; i < sizeof logged_headers / sizeof logged_headers[0]; i++) {
		const char *v = evhttp_find_header(in, logged_headers[i]);

		if (v)
			put_field(sb, logged_headers[i], v, strlen(v));
	}
}

void log_request(struct server *srv, struct evhttp_request *req,
		 int with_all_headers)
{
	struct strbuf sb = STRBUF_INIT;
	struct evbuffer *body = evhttp_request_get_input_buffer(req);
	const char *uri = evhttp_request_get_uri(req);

	if (srv->log == NULL)
		return;
	strbuf_puts(&sb, method_name(evhttp_request_get_command(req)));
	strbuf_putc(&sb, '\t');
	put_escaped(&sb, uri, strlen(uri));
	put_headers(&sb, evhttp_request_get_input_headers(req), with_all_headers);
	if (with_all_headers) {
		size_t n = evbuffer_get_length(body);

		put_field(&sb, "body", (const char *)evbuffer_pullup(body, -1), n);
	}
	fprintf(srv->log, "%s\n", strbuf_str(&sb));
	strbuf_free(&sb);
}

static void write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	int ok = f != NULL && fwrite(data, 1, len, f) == len;

	if (f != NULL && fclose(f) != 0)
		ok = 0;
	if (!ok)
		log_err("cannot write %s: %s; check that --hook-dir exists and is writable",
			path, strerror(errno));
}

void save_hook(struct server *srv, struct evhttp_request *req)
{
	struct evbuffer *body = evhttp_request_get_input_buffer(req);
	struct evkeyval *kv;
	struct strbuf hdrs = STRBUF_INIT;
	char *path;
	size_t n = evbuffer_get_length(body);

	srv->hook_count++;
	if (srv->hook_dir == NULL)
		return;
	TAILQ_FOREACH(kv, evhttp_request_get_input_headers(req), next)
		strbuf_printf(&hdrs, "%s: %s\n", kv->key, kv->value);
	path = xasprintf("%s/%u.headers", srv->hook_dir, srv->hook_count);
	write_file(path, strbuf_str(&hdrs), hdrs.len);
	free(path);
	path = xasprintf("%s/%u.body", srv->hook_dir, srv->hook_count);
	write_file(path, n ? evbuffer_pullup(body, -1) : (unsigned char *)"", n);
	free(path);
	strbuf_free(&hdrs);
}
