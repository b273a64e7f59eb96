/* feed_parse.c: owns feed_parse(), the entry point: the size limit, format
 * detection from the content (never the file name), the conversion to
 * UTF-8 (feed_encoding.h), the encoding repair and reference rewriting
 * (feed_xml_refs.h) the XML parser needs, and dispatch to the XML or JSON
 * reader. */
#include "feed_internal.h"
#include "feed_encoding.h"
#include "feed_text.h"
#include "feed_xml_refs.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *skip_space(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		p++;
	return p;
}

/* True when the document is UTF-16/32 (BOM or "<\0"): left to libxml2. */
static bool is_wide(const unsigned char *p, size_t len)
{
	return len >= 2 && (p[0] == 0 || p[1] == 0 || (p[0] == 0xFE && p[1] == 0xFF)
			    || (p[0] == 0xFF && p[1] == 0xFE));
}

/* True when the XML prolog declares no encoding or UTF-8: then the bytes
 * must be UTF-8, and invalid ones are replaced before parsing (libxml2
 * would stop at the first). */
static bool declares_utf8(const char *p, const char *end)
{
	size_t n = (size_t)(end - p) < 256 ? (size_t)(end - p) : 256;
	char head[257];

	memcpy(head, p, n);
	head[n] = '\0';
	if (strncmp(head, "<?xml", 5) != 0)
		return true;
	char *close = strstr(head, "?>");
	char *enc = strstr(head, "encoding");
	if (enc == NULL || (close && enc > close))
		return true;
	enc += 8;
	while (*enc == ' ' || *enc == '=')
		enc++;
	if (*enc == '"' || *enc == '\'')
		enc++;
	return strncasecmp(enc, "utf-8", 5) == 0 || strncasecmp(enc, "utf8", 4) == 0;
}

static int parse_xml(const char *data, size_t len, const char *start, struct feed_build *b, char **err)
{
	size_t fixed_len = 0, refs_len = 0;
	bool utf8 = declares_utf8(start, data + len);
	char *fixed = feed_scrub_input(data, len, utf8, &fixed_len);
	int rc;

	if (fixed) {
		data = fixed;
		len = fixed_len;
	}
	char *refs = feed_xml_fix_refs(data, len, &refs_len);
	rc = feed_xml_parse(refs ? refs : data, refs ? refs_len : len, b, err);
	free(refs);
	free(fixed);
	return rc;
}

static int parse_json(const char *data, size_t len, struct feed_build *b, char **err)
{
	size_t fixed_len = 0;
	char *fixed = feed_scrub_input(data, len, true, &fixed_len);
	int rc = feed_json_parse(fixed ? fixed : data, fixed ? fixed_len : len, b, err);

	free(fixed);
	return rc;
}

static int dispatch_utf8(const char *data, size_t len, struct feed_build *b, char **err)
{
	const char *end = data + len, *p = data;

	if (is_wide((const unsigned char *)data, len))
		return feed_xml_parse(data, len, b, err);   /* an encoding iconv lacks */
	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	p = skip_space(p, end);
	if (p == end) {
		*err = xstrdup("empty document: not a feed");
		return -1;
	}
	if (*p == '{')
		return parse_json(data, len, b, err);
	if (*p == '<')
		return parse_xml(data, len, p, b, err);
	*err = xstrdup("not a feed (neither XML nor JSON)");
	return -1;
}

/* Any other encoding is made UTF-8 first (feed_encoding.h). */
static int dispatch(const char *data, size_t len, struct feed_build *b, char **err)
{
	size_t utf8_len = 0;
	char *utf8 = feed_to_utf8(data, len, &utf8_len);
	int rc = dispatch_utf8(utf8 ? utf8 : data, utf8 ? utf8_len : len, b, err);

	free(utf8);
	return rc;
}

int feed_parse(const char *data, size_t len, const char *base_url,
	       const struct feed_limits *lim, struct feed **out, char **err)
{
	struct feed_limits def = { FEED_MAX_BYTES_DEFAULT, FEED_MAX_ENTRIES_DEFAULT, NULL };
	struct feed_build b;

	if (lim == NULL)
		lim = &def;
	*out = NULL;
	*err = NULL;
	if (len > lim->max_bytes) {
		*err = xasprintf("document is %zu bytes, over the limit of %zu bytes", len, lim->max_bytes);
		return -1;
	}
	b.f = xcalloc(1, sizeof *b.f);
	b.base_url = base_url;
	b.max_entries = lim->max_entries;
	b.tz = lim->tz;
	if (dispatch(data, len, &b, err) != 0) {
		feed_free(b.f);
		return -1;
	}
	*out = b.f;
	return 0;
}
