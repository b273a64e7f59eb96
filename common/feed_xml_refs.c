/* feed_xml_refs.c: owns the rewriting of references before the XML parse.
 * Feeds write HTML's named references (&nbsp; &eacute; &hellip;) with no
 * DTD that declares them, and stray '&'s; libxml2's recovery then drops
 * the reference and often the text and references around it. Rewriting
 * them into what they mean, in one pass over the bytes, lets the parser
 * read the document as well-formed: nothing is lost. */
#include "feed_xml_refs.h"
#include "feed_entities.h"
#include "strbuf.h"
#include "xalloc.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DECLARED 64

struct refs {
	const char *s, *end;
	struct strbuf out;
	size_t copied;              /* s[0..copied) is in out */
	bool changed;
	const char *declared[MAX_DECLARED];  /* names of the internal subset */
	size_t declared_len[MAX_DECLARED];
	size_t n_declared;
};

static bool name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
	       || c == '_' || c == '-' || c == '.' || c == ':' || (unsigned char)c >= 0x80;
}

static bool name_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':'
	       || (unsigned char)c >= 0x80;
}

/* Replaces r->s[at..at+n) by rep in the output. */
static void replace(struct refs *r, size_t at, size_t n, const char *rep)
{
	if (!r->changed)
		strbuf_reserve(&r->out, (size_t)(r->end - r->s) + 64);
	r->changed = true;
	strbuf_append(&r->out, r->s + r->copied, at - r->copied);
	strbuf_puts(&r->out, rep);
	r->copied = at + n;
}

static const char *find(const char *p, const char *end, const char *what)
{
	size_t n = strlen(what);

	while (p && (size_t)(end - p) >= n) {
		p = memchr(p, what[0], (size_t)(end - p) - n + 1);
		if (p == NULL || memcmp(p, what, n) == 0)
			return p;
		p++;
	}
	return NULL;
}

static bool starts(const char *p, const char *end, const char *what)
{
	size_t n = strlen(what);
	return (size_t)(end - p) >= n && memcmp(p, what, n) == 0;
}

/* Notes the general entities the internal subset [p, end) declares. */
static void note_declared(struct refs *r, const char *p, const char *end)
{
	while ((p = find(p, end, "<!ENTITY")) != NULL) {
		p += 8;
		while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
			p++;
		if (p >= end || *p == '%' || r->n_declared == MAX_DECLARED)
			continue;
		const char *name = p;
		while (p < end && name_char(*p))
			p++;
		r->declared[r->n_declared] = name;
		r->declared_len[r->n_declared++] = (size_t)(p - name);
	}
}

/* The end of the DOCTYPE at p ("<!DOCTYPE"), its internal subset noted. */
static const char *skip_doctype(struct refs *r, const char *p)
{
	const char *open = NULL;

	for (; p < r->end; p++) {
		if (*p == '[' && open == NULL) {
			open = p;
			const char *close = find(p, r->end, "]");
			while (close && (close = find(close, r->end, "]")) != NULL) {
				const char *q = close + 1;
				while (q < r->end && (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n'))
					q++;
				if (q < r->end && *q == '>') {
					note_declared(r, open, close);
					return q + 1;
				}
				close++;
			}
			return r->end;
		}
		if (*p == '>')
			return p + 1;
	}
	return r->end;
}

/* The end of a markup construct at p ('<') that is not elements' content
 * (CDATA, comment, PI, DOCTYPE), or p + 1 for an ordinary tag. A '<' that
 * cannot start markup ("5 < 6") is text, and becomes "&lt;". */
static const char *skip_markup(struct refs *r, const char *p)
{
	static const struct { const char *open, *close; } kinds[] = {
		{ "<![CDATA[", "]]>" }, { "<!--", "-->" }, { "<?", "?>" },
	};

	if (p + 1 < r->end && (name_start(p[1]) || p[1] == '/'))
		return p + 1;               /* a tag: the common case */
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		if (!starts(p, r->end, kinds[i].open))
			continue;
		const char *c = find(p + strlen(kinds[i].open), r->end, kinds[i].close);
		return c ? c + strlen(kinds[i].close) : r->end;
	}
	if (starts(p, r->end, "<!DOCTYPE"))
		return skip_doctype(r, p);
	if (p + 1 < r->end && p[1] != '!')
		replace(r, (size_t)(p - r->s), 1, "&lt;");
	return p + 1;
}

static bool xml_char(unsigned long v)
{
	return v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF)
	       || (v >= 0xE000 && v <= 0xFFFD) || (v >= 0x10000 && v <= 0x10FFFF);
}

/* A numeric reference at p ("&#"): left alone when it is well-formed and
 * names an XML character. Returns where scanning goes on. */
static const char *numeric(struct refs *r, const char *p)
{
	const char *q = p + 2;
	bool hex = q < r->end && (*q == 'x' || *q == 'X');
	unsigned long v = 0;
	int digits = 0;

	if (hex)
		q++;
	for (; q < r->end; q++, digits++) {
		int d;
		if (*q >= '0' && *q <= '9')
			d = *q - '0';
		else if (hex && *q >= 'a' && *q <= 'f')
			d = *q - 'a' + 10;
		else if (hex && *q >= 'A' && *q <= 'F')
			d = *q - 'A' + 10;
		else
			break;
		if (v <= 0x10FFFF)
			v = v * (hex ? 16 : 10) + (unsigned long)d;
	}
	size_t at = (size_t)(p - r->s);
	if (digits == 0 || q >= r->end || *q != ';') {
		replace(r, at, 1, "&amp;");
		return p + 1;
	}
	if (!xml_char(v))
		replace(r, at, (size_t)(q + 1 - p), "&#65533;");
	return q + 1;
}

static bool known(const struct refs *r, const char *name, size_t n)
{
	static const char *const predefined[] = { "amp", "lt", "gt", "quot", "apos" };

	for (size_t i = 0; i < sizeof predefined / sizeof predefined[0]; i++)
		if (strlen(predefined[i]) == n && memcmp(predefined[i], name, n) == 0)
			return true;
	for (size_t i = 0; i < r->n_declared; i++)
		if (r->declared_len[i] == n && memcmp(r->declared[i], name, n) == 0)
			return true;
	return false;
}

/* A reference at p ('&'). Returns where scanning goes on. */
static const char *reference(struct refs *r, const char *p)
{
	const char *q = p + 1;
	size_t at = (size_t)(p - r->s);

	if (q < r->end && *q == '#')
		return numeric(r, p);
	if (q < r->end && name_start(*q))
		while (q < r->end && name_char(*q))
			q++;
	size_t n = (size_t)(q - p - 1);
	if (n == 0 || q >= r->end || *q != ';') {
		replace(r, at, 1, "&amp;");
		return p + 1;
	}
	if (known(r, p + 1, n))
		return q + 1;
	const struct feed_entity *e = feed_entity_lookup(p + 1, n);
	if (e == NULL) {
		replace(r, at, 1, "&amp;");
		return q + 1;
	}
	char rep[32];
	if (e->cp[1])
		snprintf(rep, sizeof rep, "&#%u;&#%u;", e->cp[0], e->cp[1]);
	else
		snprintf(rep, sizeof rep, "&#%u;", e->cp[0]);
	replace(r, at, n + 2, rep);
	return q + 1;
}

/* The first '<' or '&' at or after p, or NULL; *lt and *amp cache the
 * next of each (NULL: none left), so each memchr runs once per find. */
static const char *next_special(const char *p, const char *end, const char **lt, const char **amp)
{
	if (*lt && *lt < p)
		*lt = memchr(p, '<', (size_t)(end - p));
	if (*amp && *amp < p)
		*amp = memchr(p, '&', (size_t)(end - p));
	if (*lt == NULL)
		return *amp;
	if (*amp == NULL)
		return *lt;
	return *lt < *amp ? *lt : *amp;
}

char *feed_xml_fix_refs(const char *data, size_t len, size_t *out_len)
{
	struct refs r = { .s = data, .end = data + len, .out = STRBUF_INIT };
	const char *p = data, *at;
	const char *lt = memchr(data, '<', len), *amp = memchr(data, '&', len);

	while (p < r.end && (at = next_special(p, r.end, &lt, &amp)) != NULL)
		p = *at == '<' ? skip_markup(&r, at) : reference(&r, at);
	if (!r.changed)
		return NULL;
	strbuf_append(&r.out, data + r.copied, len - r.copied);
	*out_len = r.out.len;
	return strbuf_steal(&r.out);
}
