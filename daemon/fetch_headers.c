/* fetch_headers.c: reads the response headers the poller needs (validators
 * for the conditional GET, freshness, Retry-After, Location) from the raw
 * lines libcurl's header callback passes, one response after another
 * (redirects and interim 1xx responses included). Which header goes where
 * is the table `fields`. */
#include "fetch_private.h"
#include "xalloc.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void fetch_hdrs_init(struct fetch_hdrs *h)
{
	memset(h, 0, sizeof *h);
	h->max_age = -1;
	h->expires = -1;
	h->retry_after_s = -1;
}

void fetch_hdrs_clear(struct fetch_hdrs *h)
{
	free(h->etag);
	free(h->last_modified);
	free(h->content_type);
	free(h->cache_control);
	free(h->location);
	fetch_hdrs_init(h);
}

/* A non-negative decimal number filling all of s; -1 otherwise (also on
 * overflow, which no sane server sends). */
static long parse_seconds(const char *s)
{
	if (!isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	char *end;
	long v = strtol(s, &end, 10);
	if (errno || *end != '\0')
		return -1;
	return v;
}

long fetch_parse_retry_after(const char *value, time_t now)
{
	long secs = parse_seconds(value);
	if (secs >= 0 || isdigit((unsigned char)*value))
		return secs;
	time_t when = curl_getdate(value, NULL);
	if (when == -1)
		return -1;
	if (when <= now)
		return 0;
	return when - now > LONG_MAX ? LONG_MAX : (long)(when - now);
}

/* Copies the value of directive at p (after "max-age") when it is
 * "=N" or "=\"N\"", else returns -1. */
static long directive_seconds(const char *p)
{
	char num[24];
	size_t n = 0;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p++ != '=')
		return -1;
	if (*p == '"')
		p++;
	while (isdigit((unsigned char)*p) && n < sizeof num - 1)
		num[n++] = *p++;
	num[n] = '\0';
	if (*p == '"')
		p++;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p != '\0' && *p != ',')
		return -1;
	return n ? parse_seconds(num) : -1;
}

long fetch_parse_max_age(const char *value)
{
	static const char name[] = "max-age";

	for (const char *p = value; *p; ) {
		while (*p == ' ' || *p == '\t' || *p == ',')
			p++;
		if (strncasecmp(p, name, sizeof name - 1) == 0) {
			long v = directive_seconds(p + sizeof name - 1);
			if (v >= 0)
				return v;
		}
		p += strcspn(p, ",");
	}
	return -1;
}

static void parse_cache_control(struct fetch_hdrs *h, const char *v, time_t now)
{
	h->max_age = fetch_parse_max_age(v);
}

static void parse_expires(struct fetch_hdrs *h, const char *v, time_t now)
{
	h->expires = curl_getdate(v, NULL);
}

static void parse_retry_after(struct fetch_hdrs *h, const char *v, time_t now)
{
	h->retry_after_s = fetch_parse_retry_after(v, now);
}

#define NO_STR ((size_t)-1)

static const struct field {
	const char *name;
	size_t str;                 /* offset of the char * that keeps it */
	void (*parse)(struct fetch_hdrs *, const char *value, time_t now);
} fields[] = {
	{ "etag", offsetof(struct fetch_hdrs, etag), NULL },
	{ "last-modified", offsetof(struct fetch_hdrs, last_modified), NULL },
	{ "content-type", offsetof(struct fetch_hdrs, content_type), NULL },
	{ "location", offsetof(struct fetch_hdrs, location), NULL },
	{ "cache-control", offsetof(struct fetch_hdrs, cache_control),
	  parse_cache_control },
	{ "expires", NO_STR, parse_expires },
	{ "retry-after", NO_STR, parse_retry_after },
};

static void keep_field(struct fetch_hdrs *h, const struct field *f,
		       const char *value, time_t now)
{
	if (f->str != NO_STR) {
		char **slot = (char **)((char *)h + f->str);
		free(*slot);    /* a repeated header: the last one counts */
		*slot = xstrdup(value);
	}
	if (f->parse)
		f->parse(h, value, now);
}

static void header_field(struct fetch_hdrs *h, const char *line, time_t now)
{
	const char *colon = strchr(line, ':');
	if (!colon)
		return;
	size_t name_len = (size_t)(colon - line);
	const char *value = colon + 1;
	while (*value == ' ' || *value == '\t')
		value++;
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		if (strlen(fields[i].name) == name_len &&
		    strncasecmp(fields[i].name, line, name_len) == 0) {
			keep_field(h, &fields[i], value, now);
			return;
		}
}

/* "HTTP/1.1 301 Moved" or "HTTP/2 200": the status, or 0. */
static long status_of(const char *line)
{
	const char *sp = strchr(line, ' ');
	if (!sp || !isdigit((unsigned char)sp[1]))
		return 0;
	return strtol(sp + 1, NULL, 10);
}

enum fetch_hdr_event fetch_hdrs_line(struct fetch_hdrs *h, const char *line,
				     size_t len, time_t now)
{
	while (len && (line[len - 1] == '\n' || line[len - 1] == '\r' ||
		       line[len - 1] == ' ' || line[len - 1] == '\t'))
		len--;
	if (len == 0)
		return FETCH_HDR_END;
	char *copy = xstrndup(line, len);
	enum fetch_hdr_event ev = FETCH_HDR_FIELD;
	if (strncmp(copy, "HTTP/", 5) == 0) {
		fetch_hdrs_clear(h);
		h->status = status_of(copy);
		ev = FETCH_HDR_STATUS;
	} else {
		header_field(h, copy, now);
	}
	free(copy);
	return ev;
}
