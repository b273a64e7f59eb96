/* html_text_charset.c: which charset a page is in, and turning its bytes
 * into clean UTF-8 before libxml2 sees them.
 *
 * We convert ourselves (iconv) instead of letting libxml2 switch encodings:
 * libxml2 stops parsing at the first byte its converter rejects, and a
 * page that claims UTF-8 but contains a stray Latin-1 byte is common. Here
 * every undecodable byte becomes U+FFFD and parsing sees valid UTF-8. */
#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html_text_int.h"
#include "utf8.h"
#include "xalloc.h"

/* How far into the page we look for <meta charset>. Browsers look at
 * 1024 bytes; pages with large inline scripts in <head> push it further. */
#define META_SCAN_BYTES 8192
#define CHARSET_NAME_MAX 40

/* Labels that browsers decode as windows-1252 (WHATWG Encoding). */
static const char *const latin1_labels[] = {
	"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "cp819",
	"us-ascii", "ascii", "ansi_x3.4-1968", "iso-ir-100", "cp1252",
	"windows-1252", "x-cp1252", NULL,
};

static const char *const utf8_labels[] = {
	"utf-8", "utf8", "unicode-1-1-utf-8", NULL,
};

static int label_in(const char *name, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (strcasecmp(name, list[i]) == 0)
			return 1;
	return 0;
}

/* A usable iconv name for label, or NULL when iconv does not know it.
 * UTF-8 comes back as "UTF-8". New string. */
static char *normalise_charset(const char *label)
{
	if (label == NULL || *label == '\0')
		return NULL;
	if (label_in(label, utf8_labels))
		return xstrdup("UTF-8");
	if (label_in(label, latin1_labels))
		return xstrdup("WINDOWS-1252");
	iconv_t cd = iconv_open("UTF-8", label);
	if (cd == (iconv_t)-1)
		return NULL;
	iconv_close(cd);
	return xstrdup(label);
}

/* Copies the charset name that starts at p (after "charset", optional
 * spaces, '=' and a quote) into a new string, or NULL. */
static char *charset_value(const char *p, const char *end)
{
	while (p < end && isspace((unsigned char)*p))
		p++;
	if (p >= end || *p != '=')
		return NULL;
	p++;
	while (p < end && (isspace((unsigned char)*p) || *p == '"' || *p == '\''))
		p++;
	const char *start = p;
	while (p < end && p - start < CHARSET_NAME_MAX &&
	       (isalnum((unsigned char)*p) || strchr("-_.:", *p)))
		p++;
	return p > start ? xstrndup(start, (size_t)(p - start)) : NULL;
}

/* Finds needle case-insensitively in [p, end). */
static const char *find_ci(const char *p, const char *end, const char *needle)
{
	size_t n = strlen(needle);
	for (; p + n <= end; p++)
		if (strncasecmp(p, needle, n) == 0)
			return p;
	return NULL;
}

char *html_charset_from_content_type(const char *content_type)
{
	if (content_type == NULL)
		return NULL;
	const char *end = content_type + strlen(content_type);
	const char *p = find_ci(content_type, end, "charset");
	return p ? charset_value(p + 7, end) : NULL;
}

/* The charset named by the first <meta> tag that names one. */
static char *sniff_meta(const char *html, size_t len)
{
	const char *end = html + (len < META_SCAN_BYTES ? len : META_SCAN_BYTES);
	const char *p = html;
	while ((p = find_ci(p, end, "<meta")) != NULL) {
		const char *tag_end = memchr(p, '>', (size_t)(end - p));
		if (tag_end == NULL)
			tag_end = end;
		const char *cs = find_ci(p, tag_end, "charset");
		if (cs) {
			char *v = charset_value(cs + 7, tag_end);
			if (v)
				return v;
		}
		p = tag_end;
	}
	return NULL;
}

static const char *bom_charset(const char *html, size_t len)
{
	const unsigned char *u = (const unsigned char *)html;
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
		return "UTF-8";
	if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE)
		return "UTF-16LE";
	if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF)
		return "UTF-16BE";
	return NULL;
}

char *hx_pick_charset(const char *html, size_t len, const char *http_charset)
{
	const char *bom = bom_charset(html, len);
	if (bom)
		return xstrdup(bom);
	char *cs = normalise_charset(http_charset);
	if (cs)
		return cs;
	char *meta = sniff_meta(html, len);
	/* A page cannot declare UTF-16 in an ASCII-readable <meta>: WHATWG
	 * says to read such a page as UTF-8. */
	if (meta && strncasecmp(meta, "utf-16", 6) == 0)
		cs = xstrdup("UTF-8");
	else
		cs = normalise_charset(meta);
	free(meta);
	return cs;
}

/* --- UTF-8 repair ---------------------------------------------------------- */

static const char replacement[] = "\xEF\xBF\xBD";  /* UTF8_REPLACEMENT */

/* Length of the valid UTF-8 sequence at s (1-4), or 0 when invalid
 * (utf8.h). U+FFFE and U+FFFF are not characters and libxml2 rejects
 * them, so they count as invalid here too. */
static size_t xml_char_len(const unsigned char *s, size_t avail)
{
	uint32_t cp;

	if (s[0] < 0x80)
		return 1;
	size_t n = utf8_decode(s, avail, &cp);
	if (n == 0 || cp == 0xFFFE || cp == 0xFFFF)
		return 0;
	return n;
}

/* How many bytes one U+FFFD replaces at an invalid sequence: a lead byte
 * and the continuation bytes that follow it, up to the length it
 * announced (one replacement per broken character, as browsers do). */
static size_t invalid_run(const unsigned char *s, size_t avail)
{
	size_t want = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 1;
	size_t n = 1;
	while (n < want && n < avail && (s[n] & 0xC0) == 0x80)
		n++;
	return n < want ? n : 1;
}

char *hx_utf8_clean(const char *s, size_t len, size_t *outlen)
{
	/* Worst case: every byte becomes a 3-byte U+FFFD. */
	if (len > (SIZE_MAX - 1) / 3)
		fatal("html: input of %zu bytes too large to repair", len);
	char *out = xmalloc(len * 3 + 1);
	const unsigned char *u = (const unsigned char *)s;
	size_t o = 0;
	for (size_t i = 0; i < len;) {
		size_t n = xml_char_len(u + i, len - i);
		if (n == 0) {
			memcpy(out + o, replacement, 3);
			o += 3;
			i += invalid_run(u + i, len - i);
		} else if (n == 1 && (u[i] < 0x20 || u[i] == 0x7F) &&
		           u[i] != '\t' && u[i] != '\n' && u[i] != '\r') {
			out[o++] = ' ';
			i++;
		} else {
			memcpy(out + o, u + i, n);
			o += n;
			i += n;
		}
	}
	out[o] = '\0';
	if (outlen)
		*outlen = o;
	return out;
}

/* Decodes with iconv; each byte iconv rejects becomes U+FFFD. The result
 * may still hold controls, hx_utf8_clean() removes those. */
static char *iconv_all(iconv_t cd, const char *html, size_t len, size_t *outlen)
{
	size_t cap = len * 2 + 16, used = 0;
	char *buf = xmalloc(cap);
	char *in = (char *)html;
	size_t in_left = len;
	while (in_left > 0) {
		char *o = buf + used;
		size_t o_left = cap - used - 4;
		size_t r = iconv(cd, &in, &in_left, &o, &o_left);
		used = (size_t)(o - buf);
		if (r != (size_t)-1)
			break;
		if (errno == E2BIG) {
			cap *= 2;
			buf = xrealloc(buf, cap);
		} else {
			/* EILSEQ or EINVAL (cut short): replace one byte, go on.
			 * cap - used >= 4 always holds here. */
			memcpy(buf + used, replacement, 3);
			used += 3;
			in++;
			in_left--;
			if (cap - used < 8) {
				cap *= 2;
				buf = xrealloc(buf, cap);
			}
		}
	}
	*outlen = used;
	return buf;
}

char *hx_to_utf8(const char *html, size_t len, const char *charset,
                 size_t *outlen)
{
	/* A UTF-8 BOM is dropped here; libxml2 would read it as text. */
	if (charset == NULL || strcasecmp(charset, "UTF-8") == 0) {
		if (len >= 3 && memcmp(html, "\xEF\xBB\xBF", 3) == 0) {
			html += 3;
			len -= 3;
		}
		return hx_utf8_clean(html, len, outlen);
	}
	iconv_t cd = iconv_open("UTF-8", charset);
	if (cd == (iconv_t)-1)
		return hx_utf8_clean(html, len, outlen);
	size_t n;
	char *raw = iconv_all(cd, html, len, &n);
	iconv_close(cd);
	/* A UTF-16 BOM decodes to U+FEFF; the renderer drops it as a space. */
	char *clean = hx_utf8_clean(raw, n, outlen);
	free(raw);
	return clean;
}
