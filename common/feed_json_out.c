/* feed_json_out.c: owns feed_to_json(), the JSON shape SPEC.md fixes for
 * `mouwatch parse-feed`, and the RFC 3339 date format. */
#include "feed.h"
#include "xalloc.h"

#include <stdio.h>

char *feed_format_date(time_t t, char *buf, size_t size)
{
	struct tm tm;

	if (t == 0 || gmtime_r(&t, &tm) == NULL || size < 21) {
		if (size)
			buf[0] = '\0';
		return buf;
	}
	snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900,
		 tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
	return buf;
}

/* Strings are valid UTF-8 by construction; json_string() refusing one is a bug. */
static json_t *jstr(const char *s)
{
	if (s == NULL)
		return json_null();
	json_t *j = json_string(s);
	if (j == NULL)
		fatal("feed_to_json: invalid UTF-8 in a feed string");
	return j;
}

static json_t *jdate(time_t t)
{
	char buf[32];

	if (t == 0)
		return json_null();
	return jstr(feed_format_date(t, buf, sizeof buf));
}

static json_t *entry_json(const struct feed_entry *e)
{
	json_t *o = json_object();
	json_t *cats = json_array();

	json_object_set_new(o, "id", jstr(e->id));
	json_object_set_new(o, "title", jstr(e->title));
	json_object_set_new(o, "link", jstr(e->link));
	json_object_set_new(o, "published", jdate(e->published));
	json_object_set_new(o, "updated", jdate(e->updated));
	json_object_set_new(o, "author", jstr(e->author));
	json_object_set_new(o, "summary", jstr(e->summary));
	json_object_set_new(o, "content", jstr(e->content));
	for (size_t i = 0; i < e->n_categories; i++)
		json_array_append_new(cats, jstr(e->categories[i]));
	json_object_set_new(o, "categories", cats);
	return o;
}

json_t *feed_to_json(const struct feed *f)
{
	json_t *root = json_object();
	json_t *feed = json_object();
	json_t *entries = json_array();

	if (root == NULL || feed == NULL || entries == NULL)
		fatal("feed_to_json: out of memory");
	json_object_set_new(feed, "title", jstr(f->title));
	json_object_set_new(feed, "link", jstr(f->link));
	json_object_set_new(feed, "updated", jdate(f->updated));
	for (size_t i = 0; i < f->n_entries; i++)
		json_array_append_new(entries, entry_json(&f->entries[i]));
	json_object_set_new(root, "feed", feed);
	json_object_set_new(root, "entries", entries);
	return root;
}
