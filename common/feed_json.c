/* feed_json.c: owns JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1):
 * author (1.0) and authors (1.1), content_html/content_text, summary,
 * date_published/date_modified, tags and attachments. jansson parses. */
#include "feed_internal.h"
#include "feed_text.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

static const char *str(const json_t *obj, const char *key)
{
	return json_string_value(json_object_get(obj, key));
}

static char *url(const struct feed_build *b, const char *ref)
{
	char *t = feed_text_trim(ref);
	if (t == NULL)
		return NULL;
	char *abs = feed_resolve_url(t, b->base_url);
	free(t);
	return abs;
}

static void set_date(const struct feed_build *b, time_t *field, const char *s)
{
	if (s)
		feed_set_date(b, field, s, true);
}

/* 1.1 "authors": [{"name": ...}], 1.0 "author": {"name": ...}. */
static void read_authors(const json_t *item, char **field)
{
	const json_t *authors = json_object_get(item, "authors");
	const json_t *a;
	size_t i;

	json_array_foreach(authors, i, a)
		feed_add_author(field, feed_text_plain(str(a, "name")));
	if (*field == NULL)
		feed_add_author(field, feed_text_plain(str(json_object_get(item, "author"), "name")));
}

/* Ids are strings by the spec; some feeds write numbers. */
static char *read_id(const json_t *item)
{
	const json_t *id = json_object_get(item, "id");

	if (json_is_string(id))
		return feed_text_trim(json_string_value(id));
	if (json_is_integer(id))
		return xasprintf("%lld", (long long)json_integer_value(id));
	return NULL;
}

static void read_attachments(const struct feed_build *b, const json_t *item, struct feed_entry *e)
{
	const json_t *a;
	size_t i;

	json_array_foreach(json_object_get(item, "attachments"), i, a) {
		char *u = url(b, str(a, "url"));
		const json_t *size = json_object_get(a, "size_in_bytes");
		if (u)
			feed_add_enclosure(e, u, feed_text_trim(str(a, "mime_type")),
					   json_is_integer(size) ? (long long)json_integer_value(size) : -1);
	}
}

static void read_item(struct feed_build *b, const json_t *item, const char *feed_author)
{
	struct feed_entry *e;
	const json_t *tag;
	size_t i;

	if (!json_is_object(item) || (e = feed_build_entry(b)) == NULL)
		return;
	e->id = read_id(item);
	e->title = feed_text_plain(str(item, "title"));
	e->link = url(b, str(item, "url"));
	if (e->link == NULL)
		e->link = url(b, str(item, "external_url"));
	e->summary = feed_text_plain(str(item, "summary"));
	e->content = feed_text_trim(str(item, "content_html"));
	if (e->content == NULL)
		e->content = feed_text_trim(str(item, "content_text"));
	set_date(b, &e->published, str(item, "date_published"));
	set_date(b, &e->updated, str(item, "date_modified"));
	read_authors(item, &e->author);
	if (e->author == NULL && feed_author)
		e->author = xstrdup(feed_author);
	json_array_foreach(json_object_get(item, "tags"), i, tag) {
		char *c = feed_text_plain(json_string_value(tag));
		if (c)
			feed_add_category(e, c);
	}
	read_attachments(b, item, e);
	feed_entry_finish(e);
}

int feed_json_parse(const char *data, size_t len, struct feed_build *b, char **err)
{
	json_error_t jerr;
	json_t *root = json_loadb(data, len, 0, &jerr);
	const char *version;
	char *feed_author = NULL;
	const json_t *item;
	size_t i;

	if (root == NULL) {
		*err = xasprintf("malformed JSON at line %d: %s", jerr.line, jerr.text);
		return -1;
	}
	version = str(root, "version");
	if (version == NULL || strncmp(version, "https://jsonfeed.org/version/1", 30) != 0) {
		*err = xstrdup("not a feed (JSON without a \"version\" of https://jsonfeed.org/version/1)");
		json_decref(root);
		return -1;
	}
	b->f->format = FEED_FORMAT_JSON;
	b->f->title = feed_text_plain(str(root, "title"));
	b->f->link = url(b, str(root, "home_page_url"));
	read_authors(root, &feed_author);
	json_array_foreach(json_object_get(root, "items"), i, item)
		read_item(b, item, feed_author);
	free(feed_author);
	json_decref(root);
	return 0;
}
