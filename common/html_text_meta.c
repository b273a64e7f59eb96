/* html_text_meta.c: the facts a page states about itself: the title, the
 * publication time, the canonical URL and the language. One walk over the
 * whole document collects candidates; the best of each is then chosen. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "html_text_int.h"
#include "xalloc.h"

/* <meta> names (property, name or itemprop) carrying the publication time,
 * best first. */
static const char *const published_meta[] = {
	"article:published_time", "datepublished", "og:published_time",
	"pubdate", "publishdate", "publish-date", "publish_date",
	"dc.date.issued", "dc.date", "dcterms.created", "content_publisheddate",
	"dtk:publishdate", "date", NULL,
};

#define JSONLD_MAX_SCRIPTS 8
#define JSONLD_MAX_DEPTH 6
#define MAX_H2 8
#define MIN_HEADLINE 12  /* bytes; shorter <h2>s are section labels */

/* Pointers into the document (owned by it) to what the walk found. */
struct meta_found {
	const char *og_title, *site_name, *og_url, *canonical, *lang;
	const char *published;   /* from <meta>, best rank so far */
	size_t published_rank;
	const char *time_datetime;
	const xmlNode *h1, *title;
	const xmlNode *h2[MAX_H2];
	size_t n_h2;
	const xmlNode *jsonld[JSONLD_MAX_SCRIPTS];
	size_t n_jsonld;
};

static size_t rank_in(const char *name, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (strcasecmp(name, list[i]) == 0)
			return i;
	return (size_t)-1;
}

/* The key a <meta> is known by: property, name or itemprop. */
static const char *meta_key(const xmlNode *n)
{
	const char *k = hx_attr(n, "property");
	if (k == NULL)
		k = hx_attr(n, "name");
	if (k == NULL)
		k = hx_attr(n, "itemprop");
	return k;
}

static void see_meta(const xmlNode *n, struct meta_found *f)
{
	const char *key = meta_key(n);
	const char *content = hx_attr(n, "content");
	if (key == NULL || content == NULL || *content == '\0')
		return;
	if (strcasecmp(key, "og:title") == 0 && f->og_title == NULL)
		f->og_title = content;
	else if (strcasecmp(key, "og:site_name") == 0 && f->site_name == NULL)
		f->site_name = content;
	else if (strcasecmp(key, "og:url") == 0 && f->og_url == NULL)
		f->og_url = content;
	size_t r = rank_in(key, published_meta);
	if (r < f->published_rank) {
		f->published = content;
		f->published_rank = r;
	}
}

static void see_link(const xmlNode *n, struct meta_found *f)
{
	const char *rel = hx_attr(n, "rel");
	const char *href = hx_attr(n, "href");
	if (rel && href && *href && strcasecmp(rel, "canonical") == 0 &&
	    f->canonical == NULL)
		f->canonical = href;
}

static void see_script(const xmlNode *n, struct meta_found *f)
{
	const char *type = hx_attr(n, "type");
	if (type && strcasecmp(type, "application/ld+json") == 0 &&
	    f->n_jsonld < JSONLD_MAX_SCRIPTS)
		f->jsonld[f->n_jsonld++] = n;
}

static void see_element(const xmlNode *n, struct meta_found *f)
{
	const char *name = (const char *)n->name;
	if (strcmp(name, "meta") == 0)
		see_meta(n, f);
	else if (strcmp(name, "link") == 0)
		see_link(n, f);
	else if (strcmp(name, "script") == 0)
		see_script(n, f);
	else if (strcmp(name, "h1") == 0 && f->h1 == NULL)
		f->h1 = n;
	else if (strcmp(name, "h2") == 0 && f->n_h2 < MAX_H2)
		f->h2[f->n_h2++] = n;
	else if (strcmp(name, "title") == 0 && f->title == NULL)
		f->title = n;
	else if (strcmp(name, "time") == 0 && f->time_datetime == NULL)
		f->time_datetime = hx_attr(n, "datetime");
	else if (strcmp(name, "html") == 0 && f->lang == NULL)
		f->lang = hx_attr(n, "lang");
}

static void walk(const xmlNode *n, struct meta_found *f, int depth)
{
	if (depth > HTML_TEXT_MAX_DEPTH)
		return;
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || n->name == NULL)
			continue;
		see_element(n, f);
		walk(n->children, f, depth + 1);
	}
}

/* --- JSON-LD ---------------------------------------------------------------- */

/* The first datePublished string in v (objects, arrays, @graph), or NULL;
 * owned by v. */
static const char *jsonld_date(json_t *v, int depth)
{
	if (depth > JSONLD_MAX_DEPTH)
		return NULL;
	if (json_is_array(v)) {
		size_t i;
		json_t *e;
		json_array_foreach(v, i, e) {
			const char *d = jsonld_date(e, depth + 1);
			if (d)
				return d;
		}
		return NULL;
	}
	if (!json_is_object(v))
		return NULL;
	const char *d = json_string_value(json_object_get(v, "datePublished"));
	if (d && *d)
		return d;
	const char *key;
	json_t *e;
	json_object_foreach(v, key, e) {
		if ((d = jsonld_date(e, depth + 1)) != NULL)
			return d;
	}
	return NULL;
}

/* datePublished from the page's JSON-LD scripts; new string or NULL. */
static char *jsonld_published(const struct meta_found *f)
{
	for (size_t i = 0; i < f->n_jsonld; i++) {
		xmlChar *body = xmlNodeGetContent(f->jsonld[i]);
		if (body == NULL)
			continue;
		json_t *root = json_loads((const char *)body, 0, NULL);
		xmlFree(body);
		if (root == NULL)
			continue;  /* broken JSON-LD is common; it is only a hint */
		const char *d = jsonld_date(root, 0);
		char *copy = d ? xstrdup(d) : NULL;
		json_decref(root);
		if (copy)
			return copy;
	}
	return NULL;
}

/* --- title -------------------------------------------------------------------- */

/* Separators between a title and the site's name, most specific first. */
static const char *const title_separators[] = {
	" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xBB ",
	NULL,
};

static size_t count_words(const char *s)
{
	size_t n = 0;
	int in_word = 0;
	for (; *s; s++) {
		int sp = isspace((unsigned char)*s);
		if (!sp && !in_word)
			n++;
		in_word = !sp;
	}
	return n;
}

/* Whether suffix reads like a site's name rather than part of the title:
 * the page's og:site_name, a domain ("Kompas.com"), or after " | " a short
 * name. " - " also joins places in titles ("Indonesia - Malaysia"), so
 * there it must be short and follow a long title. */
static int looks_like_site(const char *suffix, const char *site_name,
                           const char *sep, size_t title_words)
{
	if (site_name && *site_name && strcasecmp(suffix, site_name) == 0)
		return 1;
	size_t words = count_words(suffix);
	if (strchr(suffix, '.') && words <= 3)
		return 1;
	if (strcmp(sep, " | ") == 0)
		return words <= 4;
	return words <= 3 && title_words >= 5 &&
	       isupper((unsigned char)suffix[0]);
}

void hx_title_strip_site(char *title, const char *site_name)
{
	for (size_t i = 0; title_separators[i]; i++) {
		const char *sep = title_separators[i];
		char *last = NULL;
		for (char *p = strstr(title, sep); p; p = strstr(p + 1, sep))
			last = p;
		if (last == NULL || last == title)
			continue;
		const char *suffix = last + strlen(sep);
		char saved = *last;
		*last = '\0';
		size_t words = count_words(title);
		*last = saved;
		if (looks_like_site(suffix, site_name, sep, words)) {
			*last = '\0';
			return;
		}
	}
}

/* A title from a string of the document, whitespace collapsed; new string
 * or NULL when empty. */
static char *clean_title(const char *raw, const char *site_name, int strip)
{
	struct strbuf b = STRBUF_INIT;
	int space = 0;
	hx_append_collapsed(&b, raw, &space);
	char *t = strbuf_steal(&b);
	if (strip)
		hx_title_strip_site(t, site_name);
	if (*t == '\0') {
		free(t);
		return NULL;
	}
	return t;
}

/* Pages without <h1> often head the article with an <h2> that the
 * <title> repeats next to the site's name ("Site | Headline"): that <h2>
 * is the headline. New string or NULL. */
static char *h2_in_title(const struct meta_found *f, const char *title)
{
	for (size_t i = 0; i < f->n_h2; i++) {
		char *h = hx_node_text(f->h2[i]);
		size_t n = strlen(h);
		if (n >= MIN_HEADLINE && strlen(title) > n && strstr(title, h))
			return h;
		free(h);
	}
	return NULL;
}

static char *pick_title(const struct meta_found *f)
{
	char *t = NULL;
	if (f->og_title)
		t = clean_title(f->og_title, f->site_name, 1);
	if (t == NULL && f->h1) {
		char *h = hx_node_text(f->h1);
		t = clean_title(h, NULL, 0);
		free(h);
	}
	if (t == NULL && f->title) {
		char *h = hx_node_text(f->title);
		t = h2_in_title(f, h);
		if (t == NULL)
			t = clean_title(h, f->site_name, 1);
		free(h);
	}
	return t;
}

/* --- result --------------------------------------------------------------- */

/* A trimmed copy of s, or NULL when s is NULL or blank. */
static char *dup_trimmed(const char *s)
{
	if (s == NULL)
		return NULL;
	char *t = clean_title(s, NULL, 0);
	return t;
}

void hx_meta_extract(xmlDoc *doc, struct html_article *out)
{
	struct meta_found f;
	memset(&f, 0, sizeof f);
	f.published_rank = (size_t)-1;
	walk(xmlDocGetRootElement(doc), &f, 0);

	out->title = pick_title(&f);
	out->published = dup_trimmed(f.published);
	if (out->published == NULL)
		out->published = jsonld_published(&f);
	if (out->published == NULL)
		out->published = dup_trimmed(f.time_datetime);
	out->canonical = dup_trimmed(f.canonical ? f.canonical : f.og_url);
	out->lang = dup_trimmed(f.lang);
}
