/* feed_xml.c: owns the XML formats: RSS 0.9x/2.0, RSS 0.90/1.0 (RDF) and
 * Atom 0.3/1.0, with the content, dc, media and sy extensions. libxml2
 * builds the tree (recovering from errors, never touching the network or
 * expanding entities); one walk over it fills the struct feed. What each
 * element means is in the rule tables below. */
#include "feed_internal.h"
#include "feed_text.h"
#include "strbuf.h"
#include "xalloc.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum ns_kind { NS_OTHER, NS_CORE, NS_CONTENT, NS_DC, NS_MEDIA, NS_SY, NS_ATOM };

static const struct { const char *href; enum ns_kind kind; } namespaces[] = {
	{ "http://purl.org/rss/1.0/modules/content/", NS_CONTENT },
	{ "http://purl.org/dc/elements/1.1/", NS_DC },
	{ "http://search.yahoo.com/mrss/", NS_MEDIA },
	{ "http://search.yahoo.com/mrss", NS_MEDIA },
	{ "http://purl.org/rss/1.0/modules/syndication/", NS_SY },
	{ "http://www.w3.org/2005/Atom", NS_ATOM },
	{ "http://purl.org/atom/ns#", NS_ATOM },
};

/* The walk's state. */
struct xctx {
	struct feed_build *b;
	xmlDoc *doc;
	const xmlChar *core_ns;    /* the format's own namespace, or NULL */
	char *feed_author;         /* Atom: entries without one inherit it */
	int sy_period;             /* sy:updatePeriod in minutes, 0 unset */
	int sy_frequency;          /* sy:updateFrequency, 0 unset */
};

static enum ns_kind ns_kind(const struct xctx *x, const xmlNode *n)
{
	const xmlChar *href = n->ns ? n->ns->href : NULL;

	if (href == x->core_ns || (href && x->core_ns && xmlStrEqual(href, x->core_ns)))
		return NS_CORE;
	if (href == NULL)
		return NS_OTHER;
	for (size_t i = 0; i < sizeof namespaces / sizeof namespaces[0]; i++)
		if (xmlStrEqual(href, (const xmlChar *)namespaces[i].href))
			return namespaces[i].kind;
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

/* The raw content of n: markup kept when there are element children.
 * Atom 0.3 base64 content is not read. Malloc'd, may be "". */
static char *node_raw(const struct xctx *x, const xmlNode *n)
{
	struct strbuf b = STRBUF_INIT;
	xmlChar *mode = xmlGetProp(n, (const xmlChar *)"mode");
	bool base64 = mode && xmlStrEqual(mode, (const xmlChar *)"base64");

	xmlFree(mode);
	if (!base64) {
		if (has_element_child(n))
			serialize_children(x->doc, n, &b);
		else
			collect_text(n, &b);
	}
	return strbuf_steal(&b);
}

static char *node_plain(const struct xctx *x, const xmlNode *n)
{
	char *raw = node_raw(x, n);
	char *s = feed_text_plain(raw);
	free(raw);
	return s;
}

static char *node_html(const struct xctx *x, const xmlNode *n)
{
	char *raw = node_raw(x, n);
	char *s = feed_text_trim(raw);
	free(raw);
	return s;
}

static char *node_trimmed_text(const xmlNode *n)
{
	struct strbuf b = STRBUF_INIT;
	collect_text(n, &b);
	char *s = feed_text_trim(strbuf_str(&b));
	strbuf_free(&b);
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
	if (ref == NULL || feed_url_has_scheme(ref))
		return ref;
	xmlChar *base = xmlNodeGetBase(x->doc, n);
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

static void set_date(time_t *field, const xmlNode *n, bool replace)
{
	char *s = node_trimmed_text(n);
	if (s)
		feed_set_date(field, s, replace);
	free(s);
}

/* ---- entry elements ---- */

typedef void entry_fn(struct xctx *x, const xmlNode *n, struct feed_entry *e);

static void e_title(struct xctx *x, const xmlNode *n, struct feed_entry *e) { feed_set(&e->title, node_plain(x, n)); }
static void e_summary(struct xctx *x, const xmlNode *n, struct feed_entry *e) { feed_set(&e->summary, node_plain(x, n)); }
static void e_content(struct xctx *x, const xmlNode *n, struct feed_entry *e) { feed_set(&e->content, node_html(x, n)); }
static void e_published(struct xctx *x, const xmlNode *n, struct feed_entry *e) { set_date(&e->published, n, false); }
static void e_updated(struct xctx *x, const xmlNode *n, struct feed_entry *e) { set_date(&e->updated, n, false); }
static void e_author(struct xctx *x, const xmlNode *n, struct feed_entry *e) { feed_add_author(&e->author, clean_author(node_plain(x, n))); }
static void e_id(struct xctx *x, const xmlNode *n, struct feed_entry *e) { feed_set(&e->id, node_trimmed_text(n)); }
static void e_link(struct xctx *x, const xmlNode *n, struct feed_entry *e) { feed_set(&e->link, resolve(x, n, node_trimmed_text(n))); }

static void e_category(struct xctx *x, const xmlNode *n, struct feed_entry *e)
{
	char *c = node_plain(x, n);
	if (c)
		feed_add_category(e, c);
}

/* RSS <guid>: the id, and the link when it is a permalink and no <link>. */
static void e_guid(struct xctx *x, const xmlNode *n, struct feed_entry *e)
{
	char *g = node_trimmed_text(n);
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

static void walk_entry_children(struct xctx *x, const xmlNode *parent, struct feed_entry *e);

/* media:content may hold its own media:description. */
static void e_media_content(struct xctx *x, const xmlNode *n, struct feed_entry *e)
{
	e_enclosure(x, n, e);
	walk_entry_children(x, n, e);
}

static void e_media_group(struct xctx *x, const xmlNode *n, struct feed_entry *e) { walk_entry_children(x, n, e); }

/* Atom <link>: rel="alternate" (the default) is the link, "enclosure" a file. */
static void e_atom_link(struct xctx *x, const xmlNode *n, struct feed_entry *e)
{
	char *rel = prop(n, "rel");

	if (rel == NULL || strcmp(rel, "alternate") == 0)
		feed_set(&e->link, resolve(x, n, prop(n, "href")));
	else if (strcmp(rel, "enclosure") == 0) {
		char *url = resolve(x, n, prop(n, "href"));
		char *len = prop(n, "length");
		if (url)
			feed_add_enclosure(e, url, prop(n, "type"), len ? strtoll(len, NULL, 10) : -1);
		free(len);
	}
	free(rel);
}

static void e_atom_author(struct xctx *x, const xmlNode *n, struct feed_entry *e)
{
	for (const xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, (const xmlChar *)"name"))
			feed_add_author(&e->author, node_plain(x, c));
}

static void e_atom_category(struct xctx *x, const xmlNode *n, struct feed_entry *e)
{
	char *c = prop(n, "label");

	if (c == NULL)
		c = prop(n, "term");
	if (c) {
		char *plain = feed_text_plain(c);
		free(c);
		if (plain)
			feed_add_category(e, plain);
	}
}

struct entry_rule {
	enum ns_kind ns;
	const char *name;
	entry_fn *fn;
};

/* RSS and RDF items; the first value of a field wins, so the order of the
 * elements in the item decides between e.g. pubDate and dc:date. */
static const struct entry_rule rss_item_rules[] = {
	{ NS_CORE, "title", e_title }, { NS_CORE, "link", e_link },
	{ NS_CORE, "description", e_summary }, { NS_CORE, "pubDate", e_published },
	{ NS_CORE, "guid", e_guid }, { NS_CORE, "author", e_author },
	{ NS_CORE, "category", e_category }, { NS_CORE, "enclosure", e_enclosure },
	{ NS_CONTENT, "encoded", e_content }, { NS_DC, "date", e_published },
	{ NS_DC, "creator", e_author }, { NS_DC, "subject", e_category },
	{ NS_DC, "title", e_title }, { NS_DC, "description", e_summary },
	{ NS_MEDIA, "content", e_media_content }, { NS_MEDIA, "group", e_media_group },
	{ NS_MEDIA, "description", e_summary }, { NS_ATOM, "updated", e_updated },
	{ NS_ATOM, "published", e_published },
};

static const struct entry_rule atom_entry_rules[] = {
	{ NS_CORE, "id", e_id }, { NS_CORE, "title", e_title },
	{ NS_CORE, "link", e_atom_link }, { NS_CORE, "published", e_published },
	{ NS_CORE, "issued", e_published }, { NS_CORE, "created", e_published },
	{ NS_CORE, "updated", e_updated }, { NS_CORE, "modified", e_updated },
	{ NS_CORE, "author", e_atom_author }, { NS_CORE, "summary", e_summary },
	{ NS_CORE, "content", e_content }, { NS_CORE, "category", e_atom_category },
	{ NS_DC, "subject", e_category }, { NS_DC, "creator", e_author },
	{ NS_MEDIA, "content", e_media_content }, { NS_MEDIA, "group", e_media_group },
	{ NS_MEDIA, "description", e_summary },
};

struct rules {
	const struct entry_rule *r;
	size_t n;
};

static struct rules entry_rules_for(const struct xctx *x)
{
	if (x->b->f->format == FEED_FORMAT_ATOM)
		return (struct rules){ atom_entry_rules, sizeof atom_entry_rules / sizeof atom_entry_rules[0] };
	return (struct rules){ rss_item_rules, sizeof rss_item_rules / sizeof rss_item_rules[0] };
}

static void walk_entry_children(struct xctx *x, const xmlNode *parent, struct feed_entry *e)
{
	struct rules rs = entry_rules_for(x);

	for (const xmlNode *c = parent->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		enum ns_kind k = ns_kind(x, c);
		for (size_t i = 0; i < rs.n; i++) {
			if (rs.r[i].ns == k && xmlStrEqual(c->name, (const xmlChar *)rs.r[i].name)) {
				rs.r[i].fn(x, c, e);
				break;
			}
		}
	}
}

static void read_entry(struct xctx *x, const xmlNode *n)
{
	struct feed_entry *e = feed_build_entry(x->b);

	if (e == NULL)
		return;
	walk_entry_children(x, n, e);
	if (e->author == NULL && x->feed_author)
		e->author = xstrdup(x->feed_author);
	feed_entry_finish(e);
}

/* ---- feed-level elements ---- */

typedef void feed_fn(struct xctx *x, const xmlNode *n);

static void f_title(struct xctx *x, const xmlNode *n) { feed_set(&x->b->f->title, node_plain(x, n)); }
static void f_link(struct xctx *x, const xmlNode *n) { feed_set(&x->b->f->link, resolve(x, n, node_trimmed_text(n))); }
static void f_updated(struct xctx *x, const xmlNode *n) { set_date(&x->b->f->updated, n, false); }
static void f_last_build(struct xctx *x, const xmlNode *n) { set_date(&x->b->f->updated, n, true); }
static void f_entry(struct xctx *x, const xmlNode *n) { read_entry(x, n); }

static int node_int(const xmlNode *n)
{
	char *s = node_trimmed_text(n);
	long v = s ? strtol(s, NULL, 10) : 0;
	free(s);
	return v > 0 && v < 1000000 ? (int)v : 0;
}

static void f_ttl(struct xctx *x, const xmlNode *n) { x->b->f->ttl_minutes = node_int(n); }
static void f_sy_frequency(struct xctx *x, const xmlNode *n) { x->sy_frequency = node_int(n); }

static void f_sy_period(struct xctx *x, const xmlNode *n)
{
	static const struct { const char *name; int minutes; } periods[] = {
		{ "hourly", 60 }, { "daily", 1440 }, { "weekly", 10080 },
		{ "monthly", 43200 }, { "yearly", 525600 },
	};
	char *s = node_trimmed_text(n);

	for (size_t i = 0; s && i < sizeof periods / sizeof periods[0]; i++)
		if (strcmp(s, periods[i].name) == 0)
			x->sy_period = periods[i].minutes;
	free(s);
}

static void f_atom_link(struct xctx *x, const xmlNode *n)
{
	char *rel = prop(n, "rel");

	if (rel == NULL || strcmp(rel, "alternate") == 0)
		feed_set(&x->b->f->link, resolve(x, n, prop(n, "href")));
	free(rel);
}

static void f_atom_author(struct xctx *x, const xmlNode *n)
{
	for (const xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, (const xmlChar *)"name"))
			feed_add_author(&x->feed_author, node_plain(x, c));
}

static void walk_feed_children(struct xctx *x, const xmlNode *parent);
static void f_channel(struct xctx *x, const xmlNode *n) { walk_feed_children(x, n); }

struct feed_rule {
	enum ns_kind ns;
	const char *name;
	feed_fn *fn;
};

/* RSS <rss>/<channel> and RDF <rdf:RDF>/<channel>: RSS 2.0 items sit in
 * the channel, RDF items beside it, so both levels use the same rules. */
static const struct feed_rule rss_feed_rules[] = {
	{ NS_CORE, "channel", f_channel }, { NS_CORE, "item", f_entry },
	{ NS_CORE, "title", f_title }, { NS_CORE, "link", f_link },
	{ NS_CORE, "lastBuildDate", f_last_build }, { NS_CORE, "pubDate", f_updated },
	{ NS_DC, "date", f_updated }, { NS_CORE, "ttl", f_ttl },
	{ NS_SY, "updatePeriod", f_sy_period }, { NS_SY, "updateFrequency", f_sy_frequency },
	{ NS_ATOM, "updated", f_updated },
};

static const struct feed_rule atom_feed_rules[] = {
	{ NS_CORE, "entry", f_entry }, { NS_CORE, "title", f_title },
	{ NS_CORE, "link", f_atom_link }, { NS_CORE, "updated", f_last_build },
	{ NS_CORE, "modified", f_last_build }, { NS_CORE, "author", f_atom_author },
};

static void walk_feed_children(struct xctx *x, const xmlNode *parent)
{
	bool atom = x->b->f->format == FEED_FORMAT_ATOM;
	const struct feed_rule *r = atom ? atom_feed_rules : rss_feed_rules;
	size_t n = atom ? sizeof atom_feed_rules / sizeof atom_feed_rules[0]
			: sizeof rss_feed_rules / sizeof rss_feed_rules[0];

	for (const xmlNode *c = parent->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		/* The channel's namespace is the format's (RSS 1.0 or 0.90). */
		if (!atom && parent->parent && parent->parent->type == XML_DOCUMENT_NODE
		    && xmlStrEqual(c->name, (const xmlChar *)"channel"))
			x->core_ns = c->ns ? c->ns->href : NULL;
		enum ns_kind k = ns_kind(x, c);
		for (size_t i = 0; i < n; i++) {
			if (r[i].ns == k && xmlStrEqual(c->name, (const xmlChar *)r[i].name)) {
				r[i].fn(x, c);
				break;
			}
		}
	}
}

/* ---- the document ---- */

static int parse_error(xmlParserCtxt *ctxt, char **err)
{
	const xmlError *e = &ctxt->lastError;
	char *msg = e->message ? xstrdup(e->message) : xstrdup("unknown error");
	size_t len = strlen(msg);

	while (len > 0 && (msg[len - 1] == '\n' || msg[len - 1] == ' '))
		msg[--len] = '\0';
	*err = xasprintf("malformed XML at line %d: %s", e->line, msg);
	free(msg);
	return -1;
}

static int read_root(struct xctx *x, const xmlNode *root, char **err)
{
	struct feed *f = x->b->f;
	const char *name = (const char *)root->name;

	if (strcmp(name, "rss") == 0 || strcmp(name, "RDF") == 0) {
		f->format = name[0] == 'r' ? FEED_FORMAT_RSS : FEED_FORMAT_RDF;
		x->core_ns = root->ns && f->format == FEED_FORMAT_RSS ? root->ns->href : NULL;
	} else if (strcmp(name, "feed") == 0) {
		f->format = FEED_FORMAT_ATOM;
		x->core_ns = root->ns ? root->ns->href : NULL;
	} else {
		*err = xasprintf("not a feed (root element <%s>)%s", name,
				 strcasecmp(name, "html") == 0 ? "; this is a web page: use the URL of its RSS or Atom feed" : "");
		return -1;
	}
	walk_feed_children(x, root);
	if (f->ttl_minutes == 0 && x->sy_period > 0)
		f->ttl_minutes = x->sy_period / (x->sy_frequency > 0 ? x->sy_frequency : 1);
	if (f->ttl_minutes == 0 && x->sy_period > 0)
		f->ttl_minutes = 1;
	return 0;
}

/* What libxml2 may do: recover from errors; never the network, never
 * external DTDs or entities, no entity substitution (XXE, entity bombs). */
#define XML_OPTIONS (XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR \
		     | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | XML_PARSE_COMPACT)

int feed_xml_parse(const char *data, size_t len, struct feed_build *b, char **err)
{
	struct xctx x = { .b = b };
	xmlParserCtxt *ctxt;
	int rc;

	if (len > (size_t)2147483647) {
		*err = xstrdup("document too large for the XML parser");
		return -1;
	}
	xmlInitParser();
	if ((ctxt = xmlNewParserCtxt()) == NULL)
		fatal("xmlNewParserCtxt: out of memory");
	x.doc = xmlCtxtReadMemory(ctxt, data, (int)len, b->base_url, NULL, XML_OPTIONS);
	if (x.doc == NULL || xmlDocGetRootElement(x.doc) == NULL) {
		rc = x.doc == NULL ? parse_error(ctxt, err) : -1;
		if (x.doc != NULL)
			*err = xstrdup("malformed XML: no root element");
	} else {
		b->f->recovered = !ctxt->wellFormed;
		rc = read_root(&x, xmlDocGetRootElement(x.doc), err);
	}
	free(x.feed_author);
	xmlFreeDoc(x.doc);
	xmlFreeParserCtxt(ctxt);
	return rc;
}
