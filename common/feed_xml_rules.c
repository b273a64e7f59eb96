/* feed_xml_rules.c: owns what the elements of RSS 0.9x/2.0, RDF (RSS
 * 0.90/1.0) and Atom 0.3/1.0 mean, with the content, dc, media and sy
 * extensions: the rule tables, and the functions that turn one field
 * element (built by the driver in feed_xml.c as a small detached DOM node)
 * into a value of the struct feed. */
#include "feed_xml.h"
#include "feed_date.h"
#include "feed_text.h"
#include "strbuf.h"
#include "xalloc.h"

#include <libxml/dict.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const namespaces[] = {
	"http://purl.org/rss/1.0/modules/content/",
	"http://purl.org/dc/elements/1.1/",
	"http://search.yahoo.com/mrss/",
	"http://search.yahoo.com/mrss",
	"http://purl.org/rss/1.0/modules/syndication/",
	"http://www.w3.org/2005/Atom",
	"http://purl.org/atom/ns#",
};
static const enum ns_kind namespace_kinds[] = {
	NS_CONTENT, NS_DC, NS_MEDIA, NS_MEDIA, NS_SY, NS_ATOM, NS_ATOM,
};

void feed_xml_intern(struct xctx *x)
{
	for (size_t i = 0; i < sizeof namespaces / sizeof namespaces[0]; i++)
		x->known_ns[i] = xmlDictLookup(x->ctxt->dict, (const xmlChar *)namespaces[i], -1);
}

static enum ns_kind ns_kind(const struct xctx *x, const xmlChar *href)
{
	if (href == x->core_ns || (href && x->core_ns && xmlStrEqual(href, x->core_ns)))
		return NS_CORE;
	if (href == NULL)
		return NS_OTHER;
	for (size_t i = 0; i < sizeof namespaces / sizeof namespaces[0]; i++)
		if (href == x->known_ns[i] || xmlStrEqual(href, x->known_ns[i]))
			return namespace_kinds[i];
	return NS_OTHER;
}

/* ---- reading text out of nodes ---- */

/* Text and CDATA below n. Entity references are skipped, never expanded:
 * that is what makes entity bombs and external entities harmless. */
static void collect_text(const xmlNode *n, struct strbuf *b)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
			strbuf_puts(b, (const char *)c->content);
		else if (c->type == XML_ELEMENT_NODE)
			collect_text(c, b);
	}
}

static bool has_element_child(const xmlNode *n)
{
	for (const xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return true;
	return false;
}

/* The markup inside n, as written (XHTML content, or HTML a feed forgot to
 * escape). An Atom xhtml <div> wrapper is left out. */
static void serialize_children(xmlDoc *doc, const xmlNode *n, struct strbuf *out)
{
	const xmlNode *only = NULL;
	int elements = 0;

	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_ELEMENT_NODE) {
			only = c;
			elements++;
		} else if (c->type == XML_TEXT_NODE && c->content
			   && strspn((const char *)c->content, " \t\r\n") != strlen((const char *)c->content)) {
			elements = 2;
		}
	}
	if (elements == 1 && xmlStrEqual(only->name, (const xmlChar *)"div"))
		n = only;
	xmlBuffer *buf = xmlBufferCreate();
	for (xmlNode *c = n->children; c; c = c->next)
		xmlNodeDump(buf, doc, c, 0, 0);
	strbuf_append(out, (const char *)xmlBufferContent(buf), (size_t)xmlBufferLength(buf));
	xmlBufferFree(buf);
}

/* The text of the open field n: gathered by the driver, or (when the field
 * holds more than text) its text and CDATA nodes. Borrowed from x or tmp. */
static const char *node_text(const struct xctx *x, const xmlNode *n, struct strbuf *tmp)
{
	if (!x->field_dom)
		return strbuf_str(&x->text);
	collect_text(n, tmp);
	return strbuf_str(tmp);
}

/* What an Atom text construct's type and mode say its content is. */
enum atom_type {
	AT_TEXT,     /* plain text: "<" and "&" are characters */
	AT_HTML,     /* escaped HTML */
	AT_MARKUP,   /* inline markup (xhtml, XML types, or elements met) */
	AT_BINARY,   /* base64 (Atom 0.3 mode="base64", a binary MIME type) */
};

static enum atom_type mime_type(const char *t)
{
	static const struct { const char *name; enum atom_type type; } names[] = {
		{ "text", AT_TEXT }, { "text/plain", AT_TEXT }, { "html", AT_HTML },
		{ "text/html", AT_HTML }, { "xhtml", AT_MARKUP }, { "application/xhtml+xml", AT_MARKUP },
	};
	size_t n = strlen(t);

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcasecmp(t, names[i].name) == 0)
			return names[i].type;
	if (strncasecmp(t, "text/", 5) == 0)
		return AT_TEXT;
	if ((n > 4 && strcasecmp(t + n - 4, "+xml") == 0) || (n > 4 && strcasecmp(t + n - 4, "/xml") == 0))
		return AT_MARKUP;
	return strchr(t, '/') ? AT_BINARY : AT_TEXT;
}

/* The type of the text construct n; *base64 when its content is base64. */
static enum atom_type atom_type(const xmlNode *n, bool *base64)
{
	enum atom_type t = AT_TEXT;

	*base64 = false;
	if (n->properties == NULL)
		return t;
	xmlChar *type = xmlGetProp(n, (const xmlChar *)"type");
	xmlChar *mode = xmlGetProp(n, (const xmlChar *)"mode");
	if (type)
		t = mime_type((const char *)type);
	if (mode && xmlStrEqual(mode, (const xmlChar *)"escaped") && t == AT_TEXT && type == NULL)
		t = AT_HTML;
	*base64 = t == AT_BINARY || (mode && xmlStrEqual(mode, (const xmlChar *)"base64"));
	xmlFree(type);
	xmlFree(mode);
	return t;
}

/* The content of n as its type says, in *t (AT_MARKUP when it holds
 * elements, AT_TEXT for decoded binary). Borrowed from x or tmp. */
static const char *node_typed(const struct xctx *x, const xmlNode *n, struct strbuf *tmp, enum atom_type *t)
{
	bool base64;

	*t = atom_type(n, &base64);
	if (x->field_dom && has_element_child(n)) {
		*t = AT_MARKUP;
		serialize_children(x->ctxt->myDoc, n, tmp);
		return strbuf_str(tmp);
	}
	const char *text = node_text(x, n, tmp);
	if (!base64)
		return text;
	size_t len;
	char *bytes = feed_base64_decode(text, &len);
	strbuf_truncate(tmp, 0);
	if (bytes)
		strbuf_append(tmp, bytes, len);
	free(bytes);
	if (*t == AT_BINARY || *t == AT_MARKUP)
		*t = AT_TEXT;
	return strbuf_str(tmp);
}

/* The raw content of n: markup kept when there are element children,
 * base64 decoded. Borrowed from x or tmp. */
static const char *node_raw(const struct xctx *x, const xmlNode *n, struct strbuf *tmp)
{
	enum atom_type t;

	return node_typed(x, n, tmp, &t);
}

/* An RSS text field: HTML (feeds escape it, or forget to). */
static char *node_plain(const struct xctx *x, const xmlNode *n)
{
	struct strbuf tmp = STRBUF_INIT;
	char *s = feed_text_plain(node_raw(x, n, &tmp));

	strbuf_free(&tmp);
	return s;
}

/* An Atom text construct as plain text: type="text" as written. */
static char *node_atom_plain(const struct xctx *x, const xmlNode *n)
{
	struct strbuf tmp = STRBUF_INIT;
	enum atom_type t;
	const char *raw = node_typed(x, n, &tmp, &t);
	char *s = t == AT_TEXT ? feed_text_collapse(raw) : feed_text_plain(raw);

	strbuf_free(&tmp);
	return s;
}

static char *node_html(const struct xctx *x, const xmlNode *n)
{
	struct strbuf tmp = STRBUF_INIT;
	char *s = feed_text_trim(node_raw(x, n, &tmp));

	strbuf_free(&tmp);
	return s;
}

static char *node_trimmed_text(const struct xctx *x, const xmlNode *n)
{
	struct strbuf tmp = STRBUF_INIT;
	char *s = feed_text_trim(node_text(x, n, &tmp));

	strbuf_free(&tmp);
	return s;
}

static char *prop(const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	if (v == NULL)
		return NULL;
	char *s = feed_text_trim((const char *)v);
	xmlFree(v);
	return s;
}

/* ref made absolute against n's xml:base chain and the document URL. */
static char *resolve(const struct xctx *x, const xmlNode *n, char *ref)
{
	(void)n;
	if (ref == NULL || feed_url_has_scheme(ref))
		return ref;
	xmlChar *base = feed_xml_base(x);
	char *abs = feed_resolve_url(ref, base ? (const char *)base : x->b->base_url);
	xmlFree(base);
	free(ref);
	char *fixed = feed_text_trim(abs);
	free(abs);
	return fixed;
}

/* "editor@example.org (Budi Santoso)" names Budi Santoso. */
static char *clean_author(char *a)
{
	char *open, *close;

	if (a == NULL || !strchr(a, '@') || !(open = strchr(a, '(')) || !(close = strrchr(a, ')')) || close < open)
		return a;
	char *inner = xstrndup(open + 1, (size_t)(close - open - 1));
	char *name = feed_text_trim(inner);
	free(inner);
	if (name == NULL)
		return a;
	free(a);
	return name;
}

static void set_date(const struct xctx *x, time_t *field, const xmlNode *n, bool replace)
{
	char *s = node_trimmed_text(x, n);
	if (s)
		feed_set_date(x->b, field, s, replace);
	free(s);
}

/* A date of rank rank: it replaces the field's value when that came from
 * an element of lower or the same rank (several <published>: the last),
 * and when it parses. */
static void set_ranked_date(const struct xctx *x, time_t *field, int *field_rank,
			    const xmlNode *n, int rank)
{
	char *s = rank >= *field_rank ? node_trimmed_text(x, n) : NULL;
	time_t t;

	if (s && feed_parse_date_in(s, x->b->tz, &t)) {
		*field = t;
		*field_rank = rank;
	}
	free(s);
}

#define RDF_NS "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

void feed_xml_entry_start(struct xctx *x, struct feed_entry *e, int nb_attrs, const xmlChar **attrs)
{
	x->link_rank = x->published_rank = x->updated_rank = 0;
	for (int i = 0; i < nb_attrs; i++) {
		const xmlChar **a = attrs + 5 * i;
		if (!xmlStrEqual(a[0], (const xmlChar *)"about") || !xmlStrEqual(a[2], (const xmlChar *)RDF_NS))
			continue;
		char *raw = xstrndup((const char *)a[3], (size_t)(a[4] - a[3]));
		feed_set(&e->id, feed_text_trim(raw));
		free(raw);
	}
}

/* ---- entry elements ---- */

typedef void entry_fn(struct xctx *x, const xmlNode *n, struct feed_entry *e);

static void e_title(struct xctx *x, const xmlNode *n, struct feed_entry *e) { feed_set(&e->title, node_plain(x, n)); }
static void e_summary(struct xctx *x, const xmlNode *n, struct feed_entry *e) { feed_set(&e->summary, node_plain(x, n)); }
static void e_content(struct xctx *x, const xmlNode *n, struct feed_entry *e) { feed_set(&e->content, node_html(x, n)); }
static void e_atom_title(struct xctx *x, const xmlNode *n, struct feed_entry *e) { feed_set(&e->title, node_atom_plain(x, n)); }
static void e_atom_summary(struct xctx *x, const xmlNode *n, struct feed_entry *e) { feed_set(&e->summary, node_atom_plain(x, n)); }
/* Dates: rank 2 for the element the format defines (pubDate, published,
 * issued, updated, modified), 1 for stand-ins (dc:date, created). */
static void e_published(struct xctx *x, const xmlNode *n, struct feed_entry *e) { set_ranked_date(x, &e->published, &x->published_rank, n, 2); }
static void e_published_alt(struct xctx *x, const xmlNode *n, struct feed_entry *e) { set_ranked_date(x, &e->published, &x->published_rank, n, 1); }
static void e_updated(struct xctx *x, const xmlNode *n, struct feed_entry *e) { set_ranked_date(x, &e->updated, &x->updated_rank, n, 2); }
static void e_author(struct xctx *x, const xmlNode *n, struct feed_entry *e) { feed_add_author(&e->author, clean_author(node_plain(x, n))); }
static void e_id(struct xctx *x, const xmlNode *n, struct feed_entry *e) { feed_set(&e->id, node_trimmed_text(x, n)); }
static void e_link(struct xctx *x, const xmlNode *n, struct feed_entry *e) { feed_set(&e->link, resolve(x, n, node_trimmed_text(x, n))); }

static void e_category(struct xctx *x, const xmlNode *n, struct feed_entry *e)
{
	char *c = node_plain(x, n);
	if (c)
		feed_add_category(e, c);
}

/* RSS <guid>: the id, and the link when it is a permalink and no <link>. */
static void e_guid(struct xctx *x, const xmlNode *n, struct feed_entry *e)
{
	char *g = node_trimmed_text(x, n);
	xmlChar *perma = xmlGetProp(n, (const xmlChar *)"isPermaLink");
	bool is_link = g && (perma == NULL || !xmlStrEqual(perma, (const xmlChar *)"false"))
		       && (strncmp(g, "http://", 7) == 0 || strncmp(g, "https://", 8) == 0);

	xmlFree(perma);
	if (is_link && e->link == NULL)
		e->link = xstrdup(g);
	feed_set(&e->id, g);
}

static void e_enclosure(struct xctx *x, const xmlNode *n, struct feed_entry *e)
{
	char *url = resolve(x, n, prop(n, "url"));
	char *len = prop(n, "length");

	if (len == NULL)
		len = prop(n, "fileSize");
	if (url)
		feed_add_enclosure(e, url, prop(n, "type"), len ? strtoll(len, NULL, 10) : -1);
	free(len);
}

/* The rank of an Atom <link> as the page of its entry or feed: 0 not at
 * all (no href, another rel), 1 an alternate of another type, 2 an
 * alternate HTML page (rel and type may be left out). */
static int link_rank(const xmlNode *n, const char *rel)
{
	if (rel != NULL && strcmp(rel, "alternate") != 0)
		return 0;
	char *type = prop(n, "type");
	int rank = type == NULL || strcasecmp(type, "text/html") == 0
		   || strcasecmp(type, "application/xhtml+xml") == 0 ? 2 : 1;
	free(type);
	return rank;
}

/* Sets *field from n's href when n ranks above what gave it (the first
 * of equal rank wins). */
static void set_ranked_link(struct xctx *x, const xmlNode *n, const char *rel, char **field, int *field_rank)
{
	int rank = link_rank(n, rel);
	char *href;

	if (rank <= *field_rank || (href = resolve(x, n, prop(n, "href"))) == NULL)
		return;
	feed_replace(field, href);
	*field_rank = rank;
}

/* Atom <link>: rel="alternate" (the default) is the link, "enclosure" a file. */
static void e_atom_link(struct xctx *x, const xmlNode *n, struct feed_entry *e)
{
	char *rel = prop(n, "rel");

	if (rel && strcmp(rel, "enclosure") == 0) {
		char *url = resolve(x, n, prop(n, "href"));
		char *len = prop(n, "length");
		if (url)
			feed_add_enclosure(e, url, prop(n, "type"), len ? strtoll(len, NULL, 10) : -1);
		free(len);
	} else {
		set_ranked_link(x, n, rel, &e->link, &x->link_rank);
	}
	free(rel);
}

/* Atom <category>: the term is the category; the label only without one. */
static void e_atom_category(struct xctx *x, const xmlNode *n, struct feed_entry *e)
{
	char *c = prop(n, "term");

	(void)x;
	if (c == NULL)
		c = prop(n, "label");
	if (c) {
		char *plain = feed_text_collapse(c);
		free(c);
		if (plain)
			feed_add_category(e, plain);
	}
}

/* ---- feed-level elements ---- */

static void f_title(struct xctx *x, const xmlNode *n) { feed_set(&x->b->f->title, node_plain(x, n)); }
static void f_atom_title(struct xctx *x, const xmlNode *n) { feed_set(&x->b->f->title, node_atom_plain(x, n)); }
static void f_link(struct xctx *x, const xmlNode *n) { feed_set(&x->b->f->link, resolve(x, n, node_trimmed_text(x, n))); }
static void f_updated(struct xctx *x, const xmlNode *n) { set_date(x, &x->b->f->updated, n, false); }
static void f_last_build(struct xctx *x, const xmlNode *n) { set_date(x, &x->b->f->updated, n, true); }

static int node_int(const struct xctx *x, const xmlNode *n)
{
	char *s = node_trimmed_text(x, n);
	long v = s ? strtol(s, NULL, 10) : 0;
	free(s);
	return v > 0 && v < 1000000 ? (int)v : 0;
}

static void f_ttl(struct xctx *x, const xmlNode *n) { x->b->f->ttl_minutes = node_int(x, n); }
static void f_sy_frequency(struct xctx *x, const xmlNode *n) { x->sy_frequency = node_int(x, n); }

static void f_sy_period(struct xctx *x, const xmlNode *n)
{
	static const struct { const char *name; int minutes; } periods[] = {
		{ "hourly", 60 }, { "daily", 1440 }, { "weekly", 10080 },
		{ "monthly", 43200 }, { "yearly", 525600 },
	};
	char *s = node_trimmed_text(x, n);

	for (size_t i = 0; s && i < sizeof periods / sizeof periods[0]; i++)
		if (strcmp(s, periods[i].name) == 0)
			x->sy_period = periods[i].minutes;
	free(s);
}

static void f_atom_link(struct xctx *x, const xmlNode *n)
{
	char *rel = prop(n, "rel");

	set_ranked_link(x, n, rel, &x->b->f->link, &x->feed_link_rank);
	free(rel);
}

static void e_author_name(struct xctx *x, const xmlNode *n, struct feed_entry *e) { feed_add_author(&e->author, node_plain(x, n)); }
static void f_author_name(struct xctx *x, const xmlNode *n) { feed_add_author(&x->feed_author, node_plain(x, n)); }

const struct xrule feed_xml_author_name = { NS_OTHER, "name", R_FIELD, f_author_name, e_author_name };

#define E(ns, name, fn) { ns, name, R_FIELD, NULL, fn }
#define F(ns, name, fn) { ns, name, R_FIELD, fn, NULL }

/* RSS and RDF items; the first value of a field wins, so the order of the
 * elements in the item decides between e.g. pubDate and dc:date. */
static const struct xrule rss_item_rules[] = {
	E(NS_CORE, "title", e_title), E(NS_CORE, "link", e_link),
	E(NS_CORE, "description", e_summary), E(NS_CORE, "pubDate", e_published),
	E(NS_CORE, "guid", e_guid), E(NS_CORE, "author", e_author),
	E(NS_CORE, "category", e_category), E(NS_CORE, "enclosure", e_enclosure),
	E(NS_CONTENT, "encoded", e_content), E(NS_DC, "date", e_published_alt),
	E(NS_DC, "creator", e_author), E(NS_DC, "subject", e_category),
	E(NS_DC, "title", e_title), E(NS_DC, "description", e_summary),
	{ NS_MEDIA, "content", R_MEDIA_CONTENT, NULL, e_enclosure },
	{ NS_MEDIA, "group", R_MEDIA_GROUP, NULL, NULL },
	E(NS_MEDIA, "description", e_summary), E(NS_ATOM, "updated", e_updated),
	E(NS_ATOM, "published", e_published),
};

static const struct xrule atom_entry_rules[] = {
	E(NS_CORE, "id", e_id), E(NS_CORE, "title", e_atom_title),
	E(NS_CORE, "link", e_atom_link), E(NS_CORE, "published", e_published),
	E(NS_CORE, "issued", e_published), E(NS_CORE, "created", e_published_alt),
	E(NS_CORE, "updated", e_updated), E(NS_CORE, "modified", e_updated),
	{ NS_CORE, "author", R_AUTHOR, NULL, NULL }, E(NS_CORE, "summary", e_atom_summary),
	E(NS_CORE, "content", e_content), E(NS_CORE, "category", e_atom_category),
	E(NS_DC, "subject", e_category), E(NS_DC, "creator", e_author),
	{ NS_MEDIA, "content", R_MEDIA_CONTENT, NULL, e_enclosure },
	{ NS_MEDIA, "group", R_MEDIA_GROUP, NULL, NULL },
	E(NS_MEDIA, "description", e_summary),
};

/* RSS <rss>/<channel> and RDF <rdf:RDF>/<channel>: RSS 2.0 items sit in
 * the channel, RDF items beside it, so both levels use the same rules. */
static const struct xrule rss_feed_rules[] = {
	{ NS_CORE, "channel", R_CHANNEL, NULL, NULL }, { NS_CORE, "item", R_ENTRY, NULL, NULL },
	F(NS_CORE, "title", f_title), F(NS_CORE, "link", f_link),
	F(NS_CORE, "lastBuildDate", f_last_build), F(NS_CORE, "pubDate", f_updated),
	F(NS_DC, "date", f_updated), F(NS_CORE, "ttl", f_ttl),
	F(NS_SY, "updatePeriod", f_sy_period), F(NS_SY, "updateFrequency", f_sy_frequency),
	F(NS_ATOM, "updated", f_updated),
};

static const struct xrule atom_feed_rules[] = {
	{ NS_CORE, "entry", R_ENTRY, NULL, NULL }, F(NS_CORE, "title", f_atom_title),
	F(NS_CORE, "link", f_atom_link), F(NS_CORE, "updated", f_last_build),
	F(NS_CORE, "modified", f_last_build), { NS_CORE, "author", R_AUTHOR, NULL, NULL },
};

#define N(a) (sizeof a / sizeof a[0])

const struct xrule *feed_xml_rule(const struct xctx *x, bool entry_level,
				  const xmlChar *href, const xmlChar *name)
{
	bool atom = x->b->f->format == FEED_FORMAT_ATOM;
	const struct xrule *r;
	size_t n;

	if (entry_level) {
		r = atom ? atom_entry_rules : rss_item_rules;
		n = atom ? N(atom_entry_rules) : N(rss_item_rules);
	} else {
		r = atom ? atom_feed_rules : rss_feed_rules;
		n = atom ? N(atom_feed_rules) : N(rss_feed_rules);
	}
	enum ns_kind k = ns_kind(x, href);
	for (size_t i = 0; i < n; i++)
		if (r[i].ns == k && xmlStrEqual(name, (const xmlChar *)r[i].name))
			return &r[i];
	return NULL;
}
