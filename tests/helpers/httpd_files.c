/* httpd_files.c: static files of mw-httpd — the document root, validators
 * (ETag, Last-Modified), conditional requests (304), Content-Type by
 * extension and ?encoding=gzip|deflate. Test files are small: each is read
 * whole into memory. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <event2/buffer.h>

#include "httpd.h"
#include "strbuf.h"
#include "xalloc.h"

#define MAX_FILE (64L * 1024 * 1024)

static const struct { const char *ext, *type; } content_types[] = {
	{ ".html", "text/html; charset=utf-8" },
	{ ".htm", "text/html; charset=utf-8" },
	{ ".txt", "text/plain; charset=utf-8" },
	{ ".xml", "application/xml" },
	{ ".rss", "application/rss+xml" },
	{ ".atom", "application/atom+xml" },
	{ ".rdf", "application/rdf+xml" },
	{ ".json", "application/json" },
	{ ".css", "text/css" },
	{ ".js", "application/javascript" },
	{ ".png", "image/png" },
	{ ".jpg", "image/jpeg" },
	{ ".gz", "application/gzip" },
};

static const char *content_type(const char *path)
{
	const char *dot = strrchr(path, '.');

	for (size_t i = 0; dot && i < sizeof content_types / sizeof content_types[0]; i++)
		if (strcmp(dot, content_types[i].ext) == 0)
			return content_types[i].type;
	return "application/octet-stream";
}

/* A path may not climb out of the root: no ".." segment at all. */
static int path_is_safe(const char *path)
{
	const char *p = path;

	while ((p = strstr(p, "..")) != NULL) {
		if ((p == path || p[-1] == '/') && (p[2] == '\0' || p[2] == '/'))
			return 0;
		p += 2;
	}
	return 1;
}

/* HTTP dates are always English and GMT, whatever the locale. */
static void http_date(time_t t, char out[40])
{
	static const char days[7][4] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char months[12][4] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tm tm;

	gmtime_r(&t, &tm);
	snprintf(out, 40, "%s, %02d %s %04d %02d:%02d:%02d GMT", days[tm.tm_wday],
		 tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour,
		 tm.tm_min, tm.tm_sec);
}

static int not_modified(struct evhttp_request *req, const char *etag, time_t mtime)
{
	struct evkeyvalq *in = evhttp_request_get_input_headers(req);
	const char *inm = evhttp_find_header(in, "If-None-Match");
	const char *ims = evhttp_find_header(in, "If-Modified-Since");
	struct tm tm = { 0 };
	const char *end;

	if (inm != NULL)  /* If-None-Match wins over If-Modified-Since */
		return strstr(inm, etag) != NULL || strcmp(inm, "*") == 0;
	if (ims == NULL)
		return 0;
	end = strptime(ims, "%a, %d %b %Y %H:%M:%S GMT", &tm);
	return end != NULL && *end == '\0' && mtime <= timegm(&tm);
}

/* Reads path whole; NULL on error (errno set, EFBIG when too large). */
static char *read_whole(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct strbuf sb = STRBUF_INIT;
	char block[8192];
	size_t n;

	if (f == NULL)
		return NULL;
	while ((n = fread(block, 1, sizeof block, f)) > 0 && sb.len <= MAX_FILE)
		strbuf_append(&sb, block, n);
	fclose(f);
	if (sb.len > MAX_FILE) {
		strbuf_free(&sb);
		errno = EFBIG;
		return NULL;
	}
	*len = sb.len;
	return strbuf_steal(&sb);
}

/* Replaces *body with its compressed form; -1 if the encoding is unknown. */
static int encode(struct request *r, char **body, size_t *len, const char *enc)
{
	int gzip = strcmp(enc, "gzip") == 0;
	unsigned char *z;
	size_t zlen;

	if (!gzip && strcmp(enc, "deflate") != 0)
		return -1;
	z = deflate_buffer(*body, *len, gzip, &zlen);
	if (z == NULL)
		return -1;
	free(*body);
	*body = (char *)z;
	*len = zlen;
	evhttp_add_header(evhttp_request_get_output_headers(r->req), "Content-Encoding", enc);
	evhttp_add_header(evhttp_request_get_output_headers(r->req), "Vary", "Accept-Encoding");
	return 0;
}

static void send_body(struct request *r, char *body, size_t len)
{
	struct evbuffer *buf = evbuffer_new();

	evbuffer_add(buf, body, len);
	evhttp_send_reply(r->req, 200, "OK", buf);
	evbuffer_free(buf);
}

/* Sets validators and answers 304 or the (possibly encoded) body. */
static void serve(struct request *r, const char *file, const struct stat *st)
{
	struct evkeyvalq *out = evhttp_request_get_output_headers(r->req);
	const char *enc = query_get(r, "encoding");
	const char *type = query_get(r, "type");
	char etag[80], date[40];
	char *body;
	size_t len;

	snprintf(etag, sizeof etag, "\"%llx-%llx%s%s\"", (unsigned long long)st->st_size,
		 (unsigned long long)st->st_mtime, enc ? "-" : "", enc ? enc : "");
	http_date(st->st_mtime, date);
	evhttp_add_header(out, "ETag", etag);
	evhttp_add_header(out, "Last-Modified", date);
	if (not_modified(r->req, etag, st->st_mtime)) {
		evhttp_send_reply(r->req, 304, "Not Modified", NULL);
		return;
	}
	body = read_whole(file, &len);
	if (body == NULL) {
		reply_text(r, 500, "Internal Server Error", strerror(errno));
		return;
	}
	if (enc && encode(r, &body, &len, enc) != 0) {
		free(body);
		reply_text(r, 400, "Bad Request", "mw-httpd: encoding must be gzip or deflate");
		return;
	}
	evhttp_add_header(out, "Content-Type", type ? type : content_type(file));
	send_body(r, body, len);
	free(body);
}

void handle_file(struct request *r)
{
	char *file;
	struct stat st;

	if (!path_is_safe(r->path)) {
		reply_text(r, 403, "Forbidden", "mw-httpd: '..' is not allowed in paths");
		return;
	}
	file = xasprintf("%s%s", r->srv->root, r->path);
	if (stat(file, &st) == 0 && S_ISDIR(st.st_mode)) {
		char *index = xasprintf("%s/index.html", file);

		free(file);
		file = index;
	}
	if (stat(file, &st) != 0 || !S_ISREG(st.st_mode))
		reply_text(r, 404, "Not Found", "mw-httpd: no such file under --root");
	else
		serve(r, file, &st);
	free(file);
}
