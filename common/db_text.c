/* db_text.c: the normalizations behind the dedupe keys (article URLs,
 * party names) and calendar-date arithmetic on ISO dates. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "civil.h"
#include "strbuf.h"
#include "xalloc.h"

/* Query parameters that only track campaigns: dropped from the key. */
static const char *const db_tracking_params[] = {
	"utm_", "fbclid=", "gclid=",
};

static bool db_is_tracking(const char *p, size_t len)
{
	for (size_t i = 0; i < sizeof db_tracking_params / sizeof *db_tracking_params; i++) {
		size_t n = strlen(db_tracking_params[i]);
		if (len >= n && strncasecmp(p, db_tracking_params[i], n) == 0)
			return true;
	}
	return false;
}

/* Appends the query string q (without '?') minus tracking parameters. */
static void db_append_query(struct strbuf *b, const char *q, size_t qlen)
{
	bool first = true;
	const char *end = q + qlen;

	while (q < end) {
		const char *amp = memchr(q, '&', (size_t)(end - q));
		size_t len = amp ? (size_t)(amp - q) : (size_t)(end - q);

		if (len > 0 && !db_is_tracking(q, len)) {
			strbuf_putc(b, first ? '?' : '&');
			strbuf_append(b, q, len);
			first = false;
		}
		q += len + (amp ? 1 : 0);
	}
}

/* Lower-cases "scheme://host" (up to the first '/', '?' or '#'). */
static size_t db_append_origin(struct strbuf *b, const char *url)
{
	const char *sep = strstr(url, "://");
	size_t i = 0;

	if (!sep)
		return 0;
	i = (size_t)(sep - url) + 3;
	i += strcspn(url + i, "/?#");
	for (size_t k = 0; k < i; k++)
		strbuf_putc(b, (char)tolower((unsigned char)url[k]));
	return i;
}

char *db_url_normalize(const char *url)
{
	struct strbuf b = STRBUF_INIT;
	size_t start, pathlen, qlen = 0;
	const char *rest, *q;

	while (isspace((unsigned char)*url))
		url++;
	start = db_append_origin(&b, url);
	rest = url + start;
	pathlen = strcspn(rest, "?#");
	while (pathlen > 0 && (rest[pathlen - 1] == '/' ||
	                       isspace((unsigned char)rest[pathlen - 1])))
		pathlen--;
	strbuf_append(&b, rest, pathlen);
	q = rest + strcspn(rest, "?#");
	if (*q == '?') {
		q++;
		qlen = strcspn(q, "#");
		db_append_query(&b, q, qlen);
	}
	return strbuf_steal(&b);
}

char *db_name_normalize(const char *name)
{
	struct strbuf b = STRBUF_INIT;
	bool space = false;

	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		if (*p >= 0x80 || isalnum(*p)) {
			if (space && b.len > 0)
				strbuf_putc(&b, ' ');
			strbuf_putc(&b, (char)tolower(*p));
			space = false;
		} else if (*p != '\'' && *p != '.') {
			space = true;   /* "R-Tech" = "R Tech"; "Jum'at" = "Jumat" */
		}
	}
	return strbuf_steal(&b);
}

int64_t db_date_days(const char *iso)
{
	int y, m, d, n = 0;

	if (!iso || sscanf(iso, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10)
		return -1;
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	return civil_to_days(y, m, d);
}

void db_days_date(int64_t z, char buf[11])
{
	int64_t y;
	int m, d;

	civil_from_days(z, &y, &m, &d);
	snprintf(buf, 11, "%04d-%02d-%02d", (int)y, m, d);
}
