/* feed_text.c: owns the clean-up of feed text (see feed_text.h): UTF-8
 * repair (with the decoder of utf8.h), character references (named ones
 * from HTML5's table, feed_entities.h), and the one-pass HTML-to-plain-text
 * conversion. */
#include "feed_text.h"
#include "feed_entities.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define REPLACEMENT UTF8_REPLACEMENT

bool feed_utf8_valid(const char *s, size_t len)
{
	return utf8_valid(s, len);
}

size_t feed_utf8_encode(unsigned cp, char *out)
{
	return utf8_encode(cp == 0 ? REPLACEMENT : cp, out);
}

static void put_cp(struct strbuf *b, unsigned cp)
{
	char u[4];
	strbuf_append(b, u, feed_utf8_encode(cp, u));
}

char *feed_utf8_fix(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	struct strbuf b = STRBUF_INIT;
	size_t i = 0;

	strbuf_reserve(&b, len);
	while (i < len) {
		size_t n = utf8_seq_len(p + i, len - i);
		if (n == 0) {
			put_cp(&b, REPLACEMENT);
			i++;
		} else {
			strbuf_append(&b, s + i, n);
			i += n;
		}
	}
	return strbuf_steal(&b);
}

/* HTML maps the C1 range of numeric references to windows-1252, which old
 * feeds rely on ("&#146;" for an apostrophe). 0 = undefined there. */
static const unsigned short cp1252_c1[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

static size_t decode_numeric(const char *s, unsigned *cp)
{
	const char *p = s + 2;
	bool hex = *p == 'x' || *p == 'X';
	unsigned long v = 0;
	int digits = 0;

	if (hex)
		p++;
	for (;; p++, digits++) {
		int d;
		if (*p >= '0' && *p <= '9')
			d = *p - '0';
		else if (hex && *p >= 'a' && *p <= 'f')
			d = *p - 'a' + 10;
		else if (hex && *p >= 'A' && *p <= 'F')
			d = *p - 'A' + 10;
		else
			break;
		if (v <= 0x10FFFF)
			v = v * (hex ? 16 : 10) + (unsigned long)d;
	}
	if (digits == 0 || *p != ';')
		return 0;
	if (v >= 0x80 && v <= 0x9F)
		v = cp1252_c1[v - 0x80] ? cp1252_c1[v - 0x80] : REPLACEMENT;
	*cp = v > 0x10FFFF ? REPLACEMENT : (unsigned)v;
	return (size_t)(p + 1 - s);
}

size_t feed_decode_entity(const char *s, unsigned cp[2])
{
	size_t n = 0;

	if (s[0] != '&')
		return 0;
	cp[1] = 0;
	if (s[1] == '#')
		return decode_numeric(s, &cp[0]);
	while (n < 40 && ((s[1 + n] >= 'a' && s[1 + n] <= 'z')
	       || (s[1 + n] >= 'A' && s[1 + n] <= 'Z') || (s[1 + n] >= '0' && s[1 + n] <= '9')))
		n++;
	if (n == 0 || s[1 + n] != ';')
		return 0;
	const struct feed_entity *e = feed_entity_lookup(s + 1, n);
	if (e == NULL)
		return 0;
	cp[0] = e->cp[0];
	cp[1] = e->cp[1];
	return n + 2;
}

/* Tags after which text reads as a new word ("<p>a</p><p>b</p>" is "a b"). */
static const char *const block_tags[] = {
	"address", "article", "aside", "blockquote", "br", "dd", "div", "dl",
	"dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5",
	"h6", "header", "hr", "img", "li", "ol", "p", "pre", "section", "table",
	"td", "th", "tr", "ul",
};

static bool is_block_tag(const char *name, size_t n)
{
	for (size_t i = 0; i < sizeof block_tags / sizeof block_tags[0]; i++)
		if (strlen(block_tags[i]) == n && strncasecmp(block_tags[i], name, n) == 0)
			return true;
	return false;
}

struct plain {
	struct strbuf out;
	bool space;          /* a space is owed before the next character */
};

static void plain_char(struct plain *pl, const char *s, size_t n)
{
	if (pl->space && pl->out.len > 0)
		strbuf_putc(&pl->out, ' ');
	pl->space = false;
	strbuf_append(&pl->out, s, n);
}

static void plain_cp(struct plain *pl, unsigned cp)
{
	char u[4];

	if (cp == 0)
		cp = REPLACEMENT;
	if (cp <= 0x20 || cp == 0x7F) {
		pl->space = true;
		return;
	}
	plain_char(pl, u, feed_utf8_encode(cp, u));
}

/* Skips a tag, comment or script/style element at s (s[0] == '<').
 * Returns the first byte after it, or NULL when s does not start one. */
static const char *skip_markup(const char *s, struct plain *pl)
{
	const char *p = s + 1, *end;
	bool closing = *p == '/';

	if (strncmp(s, "<!--", 4) == 0) {
		end = strstr(s + 4, "-->");
		return end ? end + 3 : s + strlen(s);
	}
	if (closing)
		p++;
	if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '!' || *p == '?'))
		return NULL;
	const char *name = p;
	while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9'))
		p++;
	size_t n = (size_t)(p - name);
	end = strchr(p, '>');
	if (end == NULL)
		return NULL;
	if (is_block_tag(name, n))
		pl->space = true;
	if (!closing && ((n == 6 && strncasecmp(name, "script", 6) == 0)
	    || (n == 5 && strncasecmp(name, "style", 5) == 0))) {
		char close[10] = "</";
		memcpy(close + 2, name, n);
		close[2 + n] = '\0';
		const char *c = strcasestr(end, close);
		if (c == NULL)
			return s + strlen(s);
		end = strchr(c, '>');
		return end ? end + 1 : s + strlen(s);
	}
	return end + 1;
}

/* Bytes copied as they are: not markup, a reference, a space or control,
 * nor the lead byte of NBSP or a C1 control. */
static bool ordinary(unsigned char c)
{
	return c > 0x20 && c != '<' && c != '&' && c != 0x7F && c != 0xC2;
}

/* Length (at least 1) of the run of ordinary bytes at s. */
static size_t ordinary_run(const char *s)
{
	size_t n = 1;

	while (ordinary((unsigned char)s[n]))
		n++;
	return n;
}

/* True when s[0..len) is empty or no-break spaces only: nothing to read. */
static bool only_nbsp(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i += 2)
		if (len - i < 2 || memcmp(s + i, "\xC2\xA0", 2) != 0)
			return false;
	return true;
}

/* The windows-1252 byte for code point cp, or -1: what a UTF-8 byte
 * became when UTF-8 was read as windows-1252 (or Latin-1) and encoded
 * again. */
static int cp1252_byte(uint32_t cp)
{
	if (cp >= 0x80 && cp <= 0xFF)
		return (int)cp;
	if (cp < 0x152 || cp > 0x2122)
		return -1;
	for (int i = 0; i < 32; i++)
		if (cp1252_c1[i] == cp)
			return 0x80 + i;
	return -1;
}

/* The continuation bytes a UTF-8 lead byte wants, or -1. */
static int utf8_wants(int byte)
{
	return byte >= 0xC2 && byte <= 0xDF ? 1 : byte >= 0xE0 && byte <= 0xEF ? 2
	       : byte >= 0xF0 && byte <= 0xF4 ? 3 : -1;
}

/* True when every non-ASCII character of p[0..len) maps to a byte and the
 * bytes form UTF-8 sequences (checked without a copy: most fields fail
 * at their first non-ASCII character). */
static bool is_double_utf8(const unsigned char *p, size_t len)
{
	int need = 0;
	bool high = false;

	for (size_t i = 0; i < len;) {
		if (p[i] < 0x80) {
			if (need)
				return false;
			i++;
			continue;
		}
		uint32_t cp;
		size_t n = utf8_decode(p + i, len - i, &cp);
		int byte = n ? cp1252_byte(cp) : -1;
		if (byte < 0)
			return false;
		if (need > 0 && (byte & 0xC0) == 0x80)
			need--;
		else if (need > 0 || (need = utf8_wants(byte)) < 0)
			return false;
		high = true;
		i += n;
	}
	return high && need == 0;
}

/* s[0..len) (valid UTF-8) read back into the bytes it was made from when
 * the whole of it is double-encoded UTF-8 ("\xC3\xA2\xE2\x82\xAC\xC2\xA6"
 * for "\xE2\x80\xA6"). NULL otherwise (the text is left as it is). */
static char *undo_double_utf8(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	struct strbuf b = STRBUF_INIT;

	/* Every such field holds a lead byte read as U+00C2..U+00F4, which
	 * UTF-8 writes with 0xC3 first: no 0xC3, nothing to undo. */
	if (memchr(s, 0xC3, len) == NULL || !is_double_utf8(p, len))
		return NULL;
	strbuf_reserve(&b, len);
	for (size_t i = 0; i < len;) {
		uint32_t cp = p[i];
		size_t n = p[i] < 0x80 ? 1 : utf8_decode(p + i, len - i, &cp);
		strbuf_putc(&b, (char)(p[i] < 0x80 ? p[i] : cp1252_byte(cp)));
		i += n;
	}
	if (!feed_utf8_valid(b.s, b.len)) {
		strbuf_free(&b);
		return NULL;
	}
	return strbuf_steal(&b);
}

/* Takes a field's text (valid UTF-8 or not) and returns its value: NULL
 * when empty, invalid bytes U+FFFD. */
static char *finish_text(struct strbuf *out)
{
	if (only_nbsp(out->s, out->len)) {
		strbuf_free(out);
		return NULL;
	}
	if (feed_utf8_valid(out->s, out->len))
		return strbuf_steal(out);
	char *fixed = feed_utf8_fix(out->s, out->len);
	strbuf_free(out);
	return fixed;
}

char *feed_text_plain(const char *html)
{
	struct plain pl = { STRBUF_INIT, false };
	char *undone = html ? undo_double_utf8(html, strlen(html)) : NULL;
	const char *s = undone ? undone : html;

	if (html == NULL)
		return NULL;
	while (*s) {
		unsigned char c = (unsigned char)*s;
		unsigned cp[2];
		size_t n;
		const char *next;

		if (c == '<' && (next = skip_markup(s, &pl)) != NULL) {
			s = next;
		} else if (c == '&' && (n = feed_decode_entity(s, cp)) > 0) {
			plain_cp(&pl, cp[0]);
			if (cp[1])
				plain_cp(&pl, cp[1]);
			s += n;
		} else if (c <= 0x20 || c == 0x7F) {
			pl.space = true;
			s++;
		} else if (c == 0xC2 && (unsigned char)s[1] >= 0x80 && (unsigned char)s[1] <= 0xA0) {
			/* NBSP, and C1 controls that mean windows-1252 characters. */
			unsigned c1 = (unsigned char)s[1];
			plain_cp(&pl, c1 == 0xA0 ? 0xA0 : cp1252_c1[c1 - 0x80] ? cp1252_c1[c1 - 0x80] : ' ');
			s += 2;
		} else {
			size_t run = ordinary_run(s);
			plain_char(&pl, s, run);
			s += run;
		}
	}
	free(undone);
	return finish_text(&pl.out);
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

char *feed_text_collapse(const char *text)
{
	struct plain pl = { STRBUF_INIT, false };
	char *undone = text ? undo_double_utf8(text, strlen(text)) : NULL;
	const char *s = undone ? undone : text;

	if (text == NULL)
		return NULL;
	while (*s) {
		if (is_space(*s)) {
			pl.space = true;
			s++;
			continue;
		}
		size_t n = 1;
		while (s[n] && !is_space(s[n]))
			n++;
		plain_char(&pl, s, n);
		s += n;
	}
	free(undone);
	return finish_text(&pl.out);
}

/* The value of base64 digit c, or -1. */
static int b64_digit(char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	return c == '+' || c == '-' ? 62 : c == '/' || c == '_' ? 63 : -1;
}

char *feed_base64_decode(const char *s, size_t *len)
{
	struct strbuf b = STRBUF_INIT;
	unsigned long acc = 0;
	int bits = 0;

	strbuf_reserve(&b, strlen(s) / 4 * 3 + 1);
	for (; *s && *s != '='; s++) {
		int d = b64_digit(*s);
		if (d < 0 && is_space(*s))
			continue;
		if (d < 0) {
			strbuf_free(&b);
			return NULL;
		}
		acc = (acc << 6 | (unsigned long)d) & 0xFFFFFF;
		if ((bits += 6) >= 8) {
			bits -= 8;
			strbuf_putc(&b, (char)(acc >> bits & 0xFF));
		}
	}
	*len = b.len;
	return strbuf_steal(&b);
}

char *feed_text_trim(const char *s)
{
	if (s == NULL)
		return NULL;
	while (is_space(*s))
		s++;
	size_t len = strlen(s);
	while (len > 0 && is_space(s[len - 1]))
		len--;
	if (len == 0)
		return NULL;
	char *undone = undo_double_utf8(s, len);
	if (undone)
		return undone;
	return feed_utf8_valid(s, len) ? xstrndup(s, len) : feed_utf8_fix(s, len);
}

static bool forbidden_control(unsigned char c)
{
	return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
}

/* True when data holds a control byte XML forbids or (when utf8) is not
 * valid UTF-8. One pass, eight bytes at a time while they are printable
 * ASCII: almost every feed needs no change, and this is all it costs. */
static bool needs_scrub(const char *data, size_t len, bool utf8)
{
	const unsigned char *p = (const unsigned char *)data;
	size_t i = 0;

	while (i < len) {
		if (len - i >= 8) {
			uint64_t w;
			memcpy(&w, p + i, 8);
			/* No byte >= 0x80 and none below 0x20 (a borrow may give a
			 * false alarm, which only takes the slow path). */
			if (((w | (w - 0x2020202020202020ull)) & 0x8080808080808080ull) == 0) {
				i += 8;
				continue;
			}
		}
		if (p[i] < 0x80) {
			if (forbidden_control(p[i]))
				return true;
			i++;
		} else if (!utf8) {
			i++;
		} else {
			size_t n = utf8_seq_len(p + i, len - i);
			if (n == 0)
				return true;
			i += n;
		}
	}
	return false;
}

char *feed_scrub_input(const char *data, size_t len, bool utf8, size_t *out_len)
{
	const unsigned char *p = (const unsigned char *)data;
	struct strbuf b = STRBUF_INIT;
	size_t i = 0;

	if (!needs_scrub(data, len, utf8))
		return NULL;
	strbuf_reserve(&b, len);
	while (i < len) {
		size_t n = utf8 ? utf8_seq_len(p + i, len - i) : 1;
		if (n == 0) {
			put_cp(&b, REPLACEMENT);
			n = 1;
		} else if (n == 1 && forbidden_control(p[i])) {
			strbuf_putc(&b, ' ');
		} else {
			strbuf_append(&b, data + i, n);
		}
		i += n;
	}
	*out_len = b.len;
	return strbuf_steal(&b);
}
