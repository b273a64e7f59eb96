/* feed_encoding.c: owns the encoding of an XML feed: the byte order mark,
 * the first bytes (XML 1.0 appendix F), the declaration's name under its
 * aliases (a table), and the conversion to UTF-8 with iconv, so that
 * everything after (the scrub, the reference rewriting, libxml2) reads
 * UTF-8 only. */
#include "feed_encoding.h"
#include "strbuf.h"
#include "xalloc.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Names as feeds write them, lower case without '-', '_', '.', ' ', ':',
 * and what iconv calls them. "UTF-16"/"UTF-32" without an order: the
 * bytes tell it, or the document is not wide at all. */
static const struct { const char *alias, *name; } aliases[] = {
	{ "utf8", "UTF-8" }, { "u8", "UTF-8" }, { "csutf8", "UTF-8" },
	{ "unicode11utf8", "UTF-8" }, { "unicode20utf8", "UTF-8" }, { "xunicode20utf8", "UTF-8" },
	{ "utf16", "UTF-16" }, { "u16", "UTF-16" }, { "csutf16", "UTF-16" }, { "ucs2", "UTF-16" },
	{ "iso10646ucs2", "UTF-16" }, { "unicode", "UTF-16" }, { "csunicode", "UTF-16" },
	{ "utf16le", "UTF-16LE" }, { "csutf16le", "UTF-16LE" },
	{ "utf16be", "UTF-16BE" }, { "csutf16be", "UTF-16BE" },
	{ "utf32", "UTF-32" }, { "u32", "UTF-32" }, { "csutf32", "UTF-32" }, { "ucs4", "UTF-32" },
	{ "iso10646ucs4", "UTF-32" }, { "utf32le", "UTF-32LE" }, { "csutf32le", "UTF-32LE" },
	{ "utf32be", "UTF-32BE" }, { "csutf32be", "UTF-32BE" },
	{ "latin1", "ISO-8859-1" }, { "l1", "ISO-8859-1" }, { "isolatin1", "ISO-8859-1" },
	{ "csisolatin1", "ISO-8859-1" }, { "iso88591", "ISO-8859-1" }, { "iso885911987", "ISO-8859-1" },
	{ "isoir100", "ISO-8859-1" }, { "cp819", "ISO-8859-1" }, { "ibm819", "ISO-8859-1" },
	{ "ascii", "CP1252" }, { "usascii", "CP1252" }, { "ansix341968", "CP1252" },
	{ "windows1252", "CP1252" }, { "cp1252", "CP1252" }, { "xcp1252", "CP1252" },
	{ "windows874", "CP874" }, { "cp874", "CP874" }, { "dos874", "CP874" },
	{ "xwindows874", "CP874" }, { "tis620", "CP874" }, { "iso885911", "CP874" },
	{ "shiftjis", "SHIFT_JIS" }, { "sjis", "SHIFT_JIS" }, { "xsjis", "SHIFT_JIS" },
	{ "mskanji", "SHIFT_JIS" }, { "gb2312", "GBK" }, { "xgbk", "GBK" }, { "big5", "BIG5" },
};

/* Where each kind of document starts: the byte order mark and its length,
 * or the first bytes of "<" (a = any non-zero byte). */
struct sniff { const char *name; unsigned char bytes[4]; size_t n, skip; };
static const struct sniff boms[] = {
	{ "UTF-32LE", { 0xFF, 0xFE, 0, 0 }, 4, 4 }, { "UTF-32BE", { 0, 0, 0xFE, 0xFF }, 4, 4 },
	{ "UTF-16LE", { 0xFF, 0xFE }, 2, 2 }, { "UTF-16BE", { 0xFE, 0xFF }, 2, 2 },
	{ "UTF-8", { 0xEF, 0xBB, 0xBF }, 3, 0 },
};

/* A byte a document can start with: "<", "{" (JSON) or white space. */
static bool opening(unsigned char c)
{
	return c == '<' || c == '{' || c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* The encoding the first bytes show without a mark, or NULL (ASCII-like). */
static const char *sniff_wide(const unsigned char *p, size_t len)
{
	if (len < 4)
		return NULL;
	if (opening(p[0]) && !p[1] && !p[2] && !p[3])
		return "UTF-32LE";
	if (!p[0] && !p[1] && !p[2] && opening(p[3]))
		return "UTF-32BE";
	if (opening(p[0]) && !p[1] && p[2] && !p[3])
		return "UTF-16LE";
	if (!p[0] && opening(p[1]) && !p[2] && p[3])
		return "UTF-16BE";
	return NULL;
}

/* The declaration's encoding value in data[0..len): its offset and
 * length, false when there is none. */
static bool declared(const char *data, size_t len, size_t *at, size_t *n)
{
	size_t lim = len < 512 ? len : 512, i = 0;

	while (i < lim && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
		i++;
	if (lim - i < 6 || memcmp(data + i, "<?xml", 5) != 0)
		return false;
	for (i += 5; i + 8 < lim && !(data[i] == '?' && data[i + 1] == '>'); i++) {
		if (memcmp(data + i, "encoding", 8) != 0)
			continue;
		i += 8;
		while (i < lim && (data[i] == ' ' || data[i] == '=' || data[i] == '\t'))
			i++;
		if (i >= lim || (data[i] != '"' && data[i] != '\''))
			return false;
		char q = data[i++];
		const char *end = memchr(data + i, q, lim - i);
		if (end == NULL)
			return false;
		*at = i;
		*n = (size_t)(end - (data + i));
		return true;
	}
	return false;
}

/* iconv's name for a declared name: the alias table, ISO-8859-N and
 * windows-125N by pattern, else the name as written. */
static void canonical(const char *name, size_t n, char *out, size_t cap)
{
	char key[64];
	size_t k = 0;

	for (size_t i = 0; i < n && k < sizeof key - 1; i++)
		if (isalnum((unsigned char)name[i]))
			key[k++] = (char)tolower((unsigned char)name[i]);
	key[k] = '\0';
	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (strcmp(key, aliases[i].alias) == 0) {
			snprintf(out, cap, "%s", aliases[i].name);
			return;
		}
	if (strncmp(key, "iso8859", 7) == 0 && key[7])
		snprintf(out, cap, "ISO-8859-%.8s", key + 7);
	else if (strncmp(key, "windows125", 10) == 0 && key[10] && !key[11])
		snprintf(out, cap, "CP125%c", key[10]);
	else
		snprintf(out, cap, "%.*s", (int)(n < cap ? n : cap - 1), name);
}

/* data[0..len) converted from the encoding from to UTF-8; false when
 * iconv does not know it. A byte sequence not in the encoding is U+FFFD;
 * unit is the width of its code units, skipped on such a sequence. */
static bool convert(const char *from, const char *data, size_t len, size_t unit, struct strbuf *out)
{
	iconv_t cd = iconv_open("UTF-8", from);
	char *in = (char *)data;
	size_t left = len;

	if (cd == (iconv_t)-1)
		return false;
	strbuf_reserve(out, len * 3 / 2 + 16);
	while (left > 0) {
		char buf[8192], *o = buf;
		size_t room = sizeof buf;
		size_t rc = iconv(cd, &in, &left, &o, &room);
		strbuf_append(out, buf, (size_t)(o - buf));
		if (rc != (size_t)-1 || errno == E2BIG)
			continue;
		strbuf_puts(out, "\xEF\xBF\xBD");
		size_t skip = left < unit ? left : unit;
		in += skip;
		left -= skip;
	}
	iconv_close(cd);
	return true;
}

/* The declaration of the UTF-8 copy made to say so. */
static void declare_utf8(struct strbuf *b)
{
	size_t at, n;

	if (!declared(b->s, b->len, &at, &n))
		return;
	struct strbuf fixed = STRBUF_INIT;
	strbuf_reserve(&fixed, b->len);
	strbuf_append(&fixed, b->s, at);
	strbuf_puts(&fixed, "UTF-8");
	strbuf_append(&fixed, b->s + at + n, b->len - at - n);
	strbuf_free(b);
	*b = fixed;
}

static bool is_utf8_name(const char *name)
{
	return strcmp(name, "UTF-8") == 0;
}

/* The encoding of data, and how many leading bytes (a mark) to skip. */
static const char *detect(const char *data, size_t len, size_t *skip, char *name, size_t cap)
{
	const unsigned char *p = (const unsigned char *)data;
	size_t at, n;

	*skip = 0;
	for (size_t i = 0; i < sizeof boms / sizeof boms[0]; i++)
		if (len >= boms[i].n && memcmp(p, boms[i].bytes, boms[i].n) == 0) {
			*skip = boms[i].skip;
			return boms[i].name;
		}
	const char *wide = sniff_wide(p, len);
	if (wide)
		return wide;
	if (!declared(data, len, &at, &n))
		return "UTF-8";
	canonical(data + at, n, name, cap);
	/* A wide name on ASCII-like bytes is wrong: the bytes are UTF-8. */
	if (strncmp(name, "UTF-16", 6) == 0 || strncmp(name, "UTF-32", 6) == 0)
		return "UTF-8";
	return name;
}

char *feed_to_utf8(const char *data, size_t len, size_t *out_len)
{
	char name[64];
	size_t skip;
	const char *enc = detect(data, len, &skip, name, sizeof name);
	struct strbuf out = STRBUF_INIT;

	if (is_utf8_name(enc)) {
		size_t at, n;
		/* Only a declaration naming something else needs a change. */
		if (!declared(data, len, &at, &n) || (n == 5 && strncasecmp(data + at, "utf-8", 5) == 0))
			return NULL;
		strbuf_append(&out, data, len);
		declare_utf8(&out);
		*out_len = out.len;
		return strbuf_steal(&out);
	}
	size_t unit = strncmp(enc, "UTF-32", 6) == 0 ? 4 : strncmp(enc, "UTF-16", 6) == 0 ? 2 : 1;
	if (!convert(enc, data + skip, len - skip, unit, &out)) {
		strbuf_free(&out);
		return NULL;
	}
	declare_utf8(&out);
	*out_len = out.len;
	return strbuf_steal(&out);
}
