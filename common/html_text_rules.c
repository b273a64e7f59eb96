/* html_text_rules.c: the data that decides what is article text, as
 * tables: which tags break lines, which tags and class/id names are
 * clutter, which class/id names mark the article body, which lines are
 * interruptions ("Baca juga: ..."). Indonesian, Malay and English names.
 * A new site quirk is a new table row. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "html_text_int.h"

/* --- tags ----------------------------------------------------------------- */

static const char *const block_tags[] = {
	"address", "article", "aside", "blockquote", "body", "br", "caption",
	"center", "dd", "details", "dir", "div", "dl", "dt", "fieldset",
	"figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
	"h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "nav",
	"ol", "p", "pre", "section", "summary", "table", "tbody", "td",
	"tfoot", "th", "thead", "tr", "ul", NULL,
};

/* Tags never holding article text. form is handled apart: some sites
 * (ASP.NET) wrap the whole page in one. */
static const char *const drop_tags[] = {
	"script", "style", "noscript", "nav", "header", "footer", "aside",
	"iframe", "svg", "button", "select", "input", "textarea", "template",
	"object", "embed", "canvas", "audio", "video", "map", "figcaption",
	"dialog", "menu", "frameset", "frame", "label", "title", "head",
	"link", "meta", NULL,
};

/* ARIA landmarks that are page furniture. */
static const char *const drop_roles[] = {
	"navigation", "complementary", "contentinfo", "banner", "search",
	"dialog", "alertdialog", "menu", "menubar", "toolbar", NULL,
};

static int in_list(const char *s, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (strcasecmp(s, list[i]) == 0)
			return 1;
	return 0;
}

int hx_is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->name &&
	       strcmp((const char *)n->name, name) == 0;
}

const char *hx_attr(const xmlNode *n, const char *name)
{
	if (n->type != XML_ELEMENT_NODE)
		return NULL;
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		if (a->name && strcasecmp((const char *)a->name, name) == 0) {
			const xmlNode *v = a->children;
			if (v && v->type == XML_TEXT_NODE && v->content)
				return (const char *)v->content;
			return "";
		}
	}
	return NULL;
}

int hx_is_block(const xmlNode *n)
{
	return n->type == XML_ELEMENT_NODE && n->name &&
	       in_list((const char *)n->name, block_tags);
}

/* --- class and id names --------------------------------------------------- */

/* A pattern is words joined by '-'; class and id tokens are compared after
 * lower-casing and turning runs of '-' and '_' into one '-', so
 * "read__content" and "Read-Content" both read "read-content". */
enum name_match {
	NM_WORD,    /* the pattern's words appear as whole words */
	NM_PREFIX,  /* ... the last one may continue: "comment" ~ "comments" */
	NM_SUBSTR,  /* anywhere: "bacajuga" in "boxbacajuga" */
};

struct name_rule {
	const char *pattern;
	enum name_match how;
};

/* Clutter whatever else the name says. */
static const struct name_rule clutter_strong[] = {
	{"share", NM_PREFIX}, {"sharing", NM_PREFIX}, {"social", NM_PREFIX},
	{"sosmed", NM_PREFIX}, {"comment", NM_PREFIX}, {"komentar", NM_PREFIX},
	{"disqus", NM_SUBSTR}, {"related", NM_PREFIX}, {"terkait", NM_WORD},
	{"baca-juga", NM_WORD}, {"bacajuga", NM_SUBSTR},
	{"berita-terkait", NM_WORD}, {"beritaterkait", NM_SUBSTR},
	{"artikel-terkait", NM_WORD}, {"lihat-juga", NM_WORD},
	{"berkaitan", NM_WORD}, {"komen", NM_PREFIX}, {"kongsi", NM_PREFIX},
	{"read-also", NM_WORD}, {"also-read", NM_WORD}, {"more-news", NM_WORD},
	{"recommend", NM_PREFIX}, {"rekomendasi", NM_PREFIX},
	{"ad", NM_WORD}, {"ads", NM_WORD}, {"advert", NM_PREFIX},
	{"adsbygoogle", NM_SUBSTR}, {"iklan", NM_PREFIX},
	{"sponsor", NM_PREFIX}, {"promo", NM_WORD}, {"newsletter", NM_PREFIX},
	{"subscribe", NM_PREFIX}, {"langgan", NM_PREFIX},
	{"breadcrumb", NM_PREFIX}, {"cookie", NM_PREFIX}, {"consent", NM_PREFIX},
	{"gdpr", NM_WORD}, {"popup", NM_PREFIX}, {"modal", NM_PREFIX},
	{"linksisip", NM_SUBSTR}, {"trending", NM_PREFIX},
	{"populer", NM_PREFIX}, {"popular", NM_PREFIX},
	{"terpopuler", NM_PREFIX}, {"most-read", NM_WORD}, {"tags", NM_WORD},
	{"tag", NM_WORD}, {"header", NM_PREFIX}, {"footer", NM_PREFIX},
	{"masthead", NM_WORD}, {"byline", NM_WORD}, {"print", NM_WORD},
	{"toolbar", NM_PREFIX}, {"pagination", NM_PREFIX}, {"paging", NM_WORD},
	{"caption", NM_PREFIX}, {"skip-link", NM_WORD}, {"sr-only", NM_WORD},
	{"screen-reader-text", NM_WORD}, {"visually-hidden", NM_WORD},
	{NULL, NM_WORD},
};

/* Clutter unless a guard word says the element may hold the content too
 * ("content-with-sidebar"). */
static const struct name_rule clutter_weak[] = {
	{"sidebar", NM_PREFIX}, {"side", NM_WORD}, {"widget", NM_PREFIX},
	{"nav", NM_WORD}, {"navbar", NM_PREFIX}, {"navigation", NM_PREFIX},
	{"menu", NM_PREFIX}, {"banner", NM_PREFIX}, {"topbar", NM_PREFIX},
	{"top-bar", NM_WORD}, {"meta", NM_WORD}, {"author", NM_WORD},
	{"search", NM_PREFIX}, {NULL, NM_WORD},
};

static const struct name_rule guard_words[] = {
	{"content", NM_PREFIX}, {"article", NM_PREFIX}, {"body", NM_WORD},
	{"main", NM_WORD}, {"konten", NM_PREFIX}, {"isi", NM_WORD},
	{"story", NM_WORD}, {NULL, NM_WORD},
};

/* Names sites give the element holding the article body. */
static const struct name_rule content_names[] = {
	{"post-content", NM_WORD}, {"entry-content", NM_WORD},
	{"article-body", NM_WORD}, {"article-content", NM_WORD},
	{"article-text", NM_WORD}, {"articlebody", NM_SUBSTR},
	{"detail-text", NM_WORD}, {"detail-body", NM_WORD},
	{"detail-content", NM_WORD}, {"content-detail", NM_WORD},
	{"read-content", NM_WORD}, {"isi", NM_WORD}, {"isi-berita", NM_WORD},
	{"isiberita", NM_SUBSTR}, {"isi-artikel", NM_WORD},
	{"konten", NM_WORD}, {"konten-berita", NM_WORD},
	{"konten-artikel", NM_WORD}, {"story-body", NM_WORD},
	{"story-content", NM_WORD}, {"post-body", NM_WORD},
	{"post-entry", NM_WORD}, {"entry-body", NM_WORD},
	{"news-content", NM_WORD}, {"news-body", NM_WORD},
	{"news-text", NM_WORD}, {"body-text", NM_WORD},
	{"text-content", NM_WORD}, {"itp-bodycontent", NM_WORD},
	{"content-article", NM_WORD}, {"txt-article", NM_WORD},
	{"post-text", NM_WORD}, {"single-content", NM_WORD},
	{NULL, NM_WORD},
};

#define TOKEN_MAX 128

/* Lower-cases tok[0..len) into out, '-'/'_' runs to one '-', no '-' at
 * either end. */
static void normalise_token(const char *tok, size_t len, char *out)
{
	size_t o = 0;
	int dash = 0;
	for (size_t i = 0; i < len && o < TOKEN_MAX - 1; i++) {
		char c = tok[i];
		if (c == '-' || c == '_') {
			dash = o > 0;
			continue;
		}
		if (dash && o < TOKEN_MAX - 2)
			out[o++] = '-';
		dash = 0;
		out[o++] = (char)tolower((unsigned char)c);
	}
	out[o] = '\0';
}

static int rule_matches(const char *tok, const struct name_rule *r)
{
	size_t n = strlen(r->pattern);
	for (const char *p = strstr(tok, r->pattern); p;
	     p = strstr(p + 1, r->pattern)) {
		if (r->how == NM_SUBSTR)
			return 1;
		if (p != tok && p[-1] != '-')
			continue;
		if (r->how == NM_PREFIX || p[n] == '\0' || p[n] == '-')
			return 1;
	}
	return 0;
}

/* Whether any whitespace-separated token of value matches a rule. */
static int value_matches(const char *value, const struct name_rule *rules)
{
	char tok[TOKEN_MAX];
	const char *p = value;
	while (*p) {
		while (*p && isspace((unsigned char)*p))
			p++;
		const char *start = p;
		while (*p && !isspace((unsigned char)*p))
			p++;
		if (p == start)
			break;
		normalise_token(start, (size_t)(p - start), tok);
		for (size_t i = 0; rules[i].pattern; i++)
			if (rule_matches(tok, &rules[i]))
				return 1;
	}
	return 0;
}

/* Whether the element's class or id matches one of rules. */
static int names_match(const xmlNode *n, const struct name_rule *rules)
{
	const char *cls = hx_attr(n, "class");
	const char *id = hx_attr(n, "id");
	return (cls && value_matches(cls, rules)) ||
	       (id && value_matches(id, rules));
}

enum hx_hint hx_content_hint(const xmlNode *n)
{
	if (n->type != XML_ELEMENT_NODE)
		return HX_HINT_NONE;
	const char *ip = hx_attr(n, "itemprop");
	if (ip && strcasecmp(ip, "articleBody") == 0)
		return HX_HINT_ITEMPROP;
	if (names_match(n, content_names))
		return HX_HINT_CLASS;
	if (hx_is(n, "article"))
		return HX_HINT_ARTICLE;
	return HX_HINT_NONE;
}

/* --- hidden elements ------------------------------------------------------ */

/* Whether an inline style hides the element ("display: none"). */
static int style_hides(const char *style)
{
	char flat[256];
	size_t o = 0;
	for (const char *p = style; *p && o < sizeof flat - 1; p++)
		if (!isspace((unsigned char)*p))
			flat[o++] = (char)tolower((unsigned char)*p);
	flat[o] = '\0';
	return strstr(flat, "display:none") || strstr(flat, "visibility:hidden");
}

static int is_hidden(const xmlNode *n)
{
	const char *aria = hx_attr(n, "aria-hidden");
	const char *style = hx_attr(n, "style");
	return hx_attr(n, "hidden") != NULL ||
	       (aria && strcasecmp(aria, "true") == 0) ||
	       (style && style_hides(style));
}

/* A form that holds paragraphs is a page wrapper, not a widget. */
static int form_wraps_content(const xmlNode *n, int depth)
{
	if (depth > HTML_TEXT_MAX_DEPTH)
		return 0;
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (hx_is(c, "p") || hx_is(c, "article") ||
		    form_wraps_content(c, depth + 1))
			return 1;
	}
	return 0;
}

int hx_is_clutter(const xmlNode *n)
{
	if (n->type != XML_ELEMENT_NODE || n->name == NULL)
		return 0;
	const char *name = (const char *)n->name;
	if (strcmp(name, "html") == 0 || strcmp(name, "body") == 0)
		return 0;
	if (in_list(name, drop_tags) || is_hidden(n))
		return 1;
	if (strcmp(name, "form") == 0)
		return !form_wraps_content(n, 0);
	const char *role = hx_attr(n, "role");
	if (role && in_list(role, drop_roles))
		return 1;
	if (hx_content_hint(n) >= HX_HINT_CLASS)
		return 0;
	if (names_match(n, clutter_strong))
		return 1;
	return names_match(n, clutter_weak) && !names_match(n, guard_words);
}

/* --- lines ---------------------------------------------------------------- */

enum line_match {
	LM_EXACT,   /* the whole line */
	LM_WORDS,   /* the line starts with the phrase, then a non-letter */
	LM_START,   /* the line starts with the phrase */
};

struct line_rule {
	const char *phrase;
	enum line_match how;
};

static const struct line_rule clutter_lines[] = {
	{"baca juga", LM_WORDS}, {"baca pula", LM_WORDS},
	{"lihat juga", LM_WORDS}, {"simak juga", LM_WORDS},
	{"tonton juga", LM_WORDS}, {"saksikan juga", LM_WORDS},
	{"baca selengkapnya", LM_WORDS}, {"berita terkait", LM_WORDS},
	{"artikel terkait", LM_WORDS}, {"artikel berkaitan", LM_WORDS},
	{"berita berkaitan", LM_WORDS}, {"baca:", LM_START},
	{"read also", LM_WORDS},
	{"also read", LM_WORDS}, {"read more", LM_WORDS},
	{"see also", LM_WORDS}, {"advertisement", LM_WORDS},
	{"scroll to continue", LM_WORDS}, {"scroll to resume", LM_WORDS},
	{"copyright \xC2\xA9", LM_START}, {"copyright (c)", LM_START},
	{"hak cipta \xC2\xA9", LM_START}, {"\xC2\xA9", LM_START},
	{"dapatkan update berita", LM_WORDS}, {"ikuti kami di", LM_WORDS},
	{"follow us on", LM_WORDS}, {"share this", LM_WORDS},
	{"bagikan artikel", LM_WORDS}, {"tag:", LM_START}, {"tags:", LM_START},
	{"iklan", LM_EXACT}, {"ads", LM_EXACT}, {"ad", LM_EXACT},
	{"share", LM_EXACT}, {"bagikan", LM_EXACT}, {"komentar", LM_EXACT},
	{"tutup iklan", LM_EXACT}, {NULL, LM_EXACT},
};

int hx_is_clutter_line(const char *line, size_t len)
{
	for (size_t i = 0; clutter_lines[i].phrase; i++) {
		const struct line_rule *r = &clutter_lines[i];
		size_t n = strlen(r->phrase);
		if (len < n || strncasecmp(line, r->phrase, n) != 0)
			continue;
		if (r->how == LM_START || len == n)
			return 1;
		if (r->how == LM_WORDS && !isalnum((unsigned char)line[n]))
			return 1;
	}
	return 0;
}
