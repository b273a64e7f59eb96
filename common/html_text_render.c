/* html_text_render.c: turns a subtree into plain text: one line per
 * paragraph (block elements and <br> end lines), white space collapsed,
 * interruption lines ("Baca juga: ...", "ADVERTISEMENT") and the page's
 * <h1> (it is the title, which travels separately) left out. */
#include <ctype.h>
#include <string.h>

#include "html_text_int.h"
#include "xalloc.h"

struct render {
	struct strbuf *out;     /* finished lines, "\n"-separated */
	struct strbuf line;     /* the line being built */
	int space;              /* a space is pending before the next word */
	const char *skip_line;  /* the title, or NULL */
};

/* UTF-8 sequences (after the first byte 0xC2/0xE2/0xE3/0xEF) that are
 * white space or invisible. */
struct uspace {
	const char *bytes;
	int invisible;  /* dropped instead of read as a space */
};

static const struct uspace unicode_spaces[] = {
	{"\xC2\xA0", 0},          /* no-break space */
	{"\xE2\x80\x80", 0}, {"\xE2\x80\x81", 0}, {"\xE2\x80\x82", 0},
	{"\xE2\x80\x83", 0}, {"\xE2\x80\x84", 0}, {"\xE2\x80\x85", 0},
	{"\xE2\x80\x86", 0}, {"\xE2\x80\x87", 0}, {"\xE2\x80\x88", 0},
	{"\xE2\x80\x89", 0}, {"\xE2\x80\x8A", 0},   /* en quad .. hair space */
	{"\xE2\x80\xA8", 0}, {"\xE2\x80\xA9", 0},   /* line/paragraph sep. */
	{"\xE2\x80\xAF", 0}, {"\xE2\x81\x9F", 0},   /* narrow nbsp, math */
	{"\xE3\x80\x80", 0},                        /* ideographic space */
	{"\xE2\x80\x8B", 1}, {"\xE2\x80\x8C", 1},   /* zero width space, ZWNJ */
	{"\xE2\x80\x8D", 1}, {"\xE2\x81\xA0", 1},   /* ZWJ, word joiner */
	{"\xEF\xBB\xBF", 1},                        /* BOM */
	{NULL, 0},
};

/* Length of a white space sequence at s (0: none); *invisible tells
 * whether it should vanish rather than separate words. */
static size_t space_at(const char *s, int *invisible)
{
	unsigned char c = (unsigned char)*s;
	*invisible = 0;
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v')
		return 1;
	if (c != 0xC2 && c != 0xE2 && c != 0xE3 && c != 0xEF)
		return 0;
	for (size_t i = 0; unicode_spaces[i].bytes; i++) {
		size_t n = strlen(unicode_spaces[i].bytes);
		if (strncmp(s, unicode_spaces[i].bytes, n) == 0) {
			*invisible = unicode_spaces[i].invisible;
			return n;
		}
	}
	return 0;
}

/* Entities HTML lets pages write without ';' ("&nbsp ", "&copy 2026"):
 * browsers decode them, libxml2 leaves them as text. A NULL value is a
 * space. */
struct legacy_entity {
	const char *name;
	const char *value;
};

static const struct legacy_entity legacy_entities[] = {
	{"&nbsp", NULL}, {"&amp", "&"}, {"&quot", "\""}, {"&lt", "<"},
	{"&gt", ">"}, {"&copy", "\xC2\xA9"}, {"&reg", "\xC2\xAE"},
	{"&laquo", "\xC2\xAB"}, {"&raquo", "\xC2\xBB"}, {NULL, NULL},
};

/* Length of a legacy entity at s (0: none), its value in *value. */
static size_t legacy_entity_at(const char *s, const char **value)
{
	for (size_t i = 0; legacy_entities[i].name; i++) {
		size_t n = strlen(legacy_entities[i].name);
		if (strncmp(s, legacy_entities[i].name, n) == 0 &&
		    !isalnum((unsigned char)s[n]) && s[n] != ';') {
			*value = legacy_entities[i].value;
			return n;
		}
	}
	return 0;
}

/* Length of the run of ordinary text at s: up to white space or '&'
 * (a lone '&' is ordinary text). */
static size_t word_at(const char *s)
{
	int invisible;
	size_t n = *s == '&' ? 1 : 0;
	while (s[n] && s[n] != '&' && space_at(s + n, &invisible) == 0)
		n++;
	return n;
}

void hx_append_collapsed(struct strbuf *b, const char *s, int *space)
{
	while (s && *s) {
		int invisible = 0;
		const char *value = NULL;
		size_t n = space_at(s, &invisible);
		if (n == 0 && *s == '&')
			n = legacy_entity_at(s, &value);
		if (n && value == NULL) {
			if (!invisible)
				*space = 1;
			s += n;
			continue;
		}
		const char *text = value ? value : s;
		size_t len = value ? strlen(value) : (n = word_at(s));
		if (*space && b->len > 0)
			strbuf_putc(b, ' ');
		*space = 0;
		strbuf_append(b, text, len);
		s += n;
	}
}

/* Ends the current line: keeps it unless empty, the title, or clutter. */
static void flush_line(struct render *r)
{
	const char *l = strbuf_str(&r->line);
	size_t len = r->line.len;
	r->space = 0;
	if (len == 0)
		return;
	int skip = hx_is_clutter_line(l, len) ||
	           (r->skip_line && strcmp(l, r->skip_line) == 0);
	if (!skip) {
		if (r->out->len > 0)
			strbuf_putc(r->out, '\n');
		strbuf_append(r->out, l, len);
	}
	strbuf_truncate(&r->line, 0);
}

static void render_node(struct render *r, const xmlNode *n, int depth)
{
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		hx_append_collapsed(&r->line, (const char *)n->content, &r->space);
		return;
	}
	if (n->type != XML_ELEMENT_NODE || depth > HTML_TEXT_MAX_DEPTH ||
	    hx_is(n, "h1"))
		return;
	int block = hx_is_block(n);
	if (block)
		flush_line(r);
	else if (hx_is(n, "img"))
		r->space = 1;  /* an image between words separates them */
	for (const xmlNode *c = n->children; c; c = c->next)
		render_node(r, c, depth + 1);
	if (block)
		flush_line(r);
}

void hx_render(const xmlNode *n, const char *skip_line, struct strbuf *out)
{
	struct render r = { out, STRBUF_INIT, 0, skip_line };
	render_node(&r, n, 0);
	flush_line(&r);
	strbuf_free(&r.line);
}

/* Text of n without line breaks, for titles: blocks read as spaces. */
static void flat_text(const xmlNode *n, struct strbuf *b, int *space, int depth)
{
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		hx_append_collapsed(b, (const char *)n->content, space);
		return;
	}
	if (n->type != XML_ELEMENT_NODE || depth > HTML_TEXT_MAX_DEPTH)
		return;
	if (hx_is_block(n))
		*space = 1;
	for (const xmlNode *c = n->children; c; c = c->next)
		flat_text(c, b, space, depth + 1);
}

char *hx_node_text(const xmlNode *n)
{
	struct strbuf b = STRBUF_INIT;
	int space = 0;
	flat_text(n, &b, &space, 0);
	return strbuf_steal(&b);
}
