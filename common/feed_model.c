/* feed_model.c: owns the struct feed in memory: growing its arrays, the
 * field precedence helpers, stable ids for entries without one, and
 * feed_free(). */
#include "feed_internal.h"
#include "feed_date.h"
#include "strbuf.h"
#include "xalloc.h"

#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>

/* Arrays grow to the next power of two when their length reaches one, so
 * appending n items costs O(n) without storing a capacity. */
static void *grow(void *arr, size_t n, size_t elem)
{
	if (n != 0 && (n & (n - 1)) != 0)
		return arr;
	if (n > ((size_t)-1 / 2) / elem)
		fatal("feed array size overflow");
	return xrealloc(arr, (n ? n * 2 : 1) * elem);
}

struct feed_entry *feed_build_entry(struct feed_build *b)
{
	struct feed *f = b->f;

	if (f->n_entries >= b->max_entries) {
		f->truncated = true;
		return NULL;
	}
	f->entries = grow(f->entries, f->n_entries, sizeof *f->entries);
	struct feed_entry *e = &f->entries[f->n_entries++];
	memset(e, 0, sizeof *e);
	return e;
}

void feed_set(char **field, char *v)
{
	if (*field == NULL)
		*field = v;
	else
		free(v);
}

void feed_replace(char **field, char *v)
{
	if (v == NULL)
		return;
	free(*field);
	*field = v;
}

void feed_set_date(const struct feed_build *b, time_t *field, const char *s, bool replace)
{
	time_t t;

	if ((replace || *field == 0) && feed_parse_date_in(s, b->tz, &t))
		*field = t;
}

void feed_add_author(char **field, char *name)
{
	if (name == NULL)
		return;
	if (*field == NULL) {
		*field = name;
		return;
	}
	char *both = xasprintf("%s, %s", *field, name);
	free(*field);
	free(name);
	*field = both;
}

void feed_add_category(struct feed_entry *e, char *cat)
{
	for (size_t i = 0; i < e->n_categories; i++) {
		if (strcmp(e->categories[i], cat) == 0) {
			free(cat);
			return;
		}
	}
	e->categories = grow(e->categories, e->n_categories, sizeof *e->categories);
	e->categories[e->n_categories++] = cat;
}

void feed_add_enclosure(struct feed_entry *e, char *url, char *type, long long length)
{
	e->enclosures = grow(e->enclosures, e->n_enclosures, sizeof *e->enclosures);
	e->enclosures[e->n_enclosures++] = (struct feed_enclosure){ url, type, length };
}

/* "sha256:" + hex digest of title, a newline and the content (or summary). */
static char *hash_id(const struct feed_entry *e)
{
	struct strbuf b = STRBUF_INIT;
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned md_len = 0;
	const char *body = e->content ? e->content : e->summary;

	strbuf_puts(&b, e->title ? e->title : "");
	strbuf_putc(&b, '\n');
	strbuf_puts(&b, body ? body : "");
	if (!EVP_Digest(b.s, b.len, md, &md_len, EVP_sha256(), NULL))
		fatal("EVP_Digest(sha256) failed");
	strbuf_truncate(&b, 0);
	strbuf_puts(&b, "sha256:");
	for (unsigned i = 0; i < md_len; i++)
		strbuf_printf(&b, "%02x", md[i]);
	return strbuf_steal(&b);
}

void feed_entry_finish(struct feed_entry *e)
{
	if (e->id == NULL && e->link != NULL)
		e->id = xstrdup(e->link);
	if (e->id == NULL)
		e->id = hash_id(e);
}

static void entry_free(struct feed_entry *e)
{
	free(e->id);
	free(e->title);
	free(e->link);
	free(e->author);
	free(e->summary);
	free(e->content);
	for (size_t i = 0; i < e->n_categories; i++)
		free(e->categories[i]);
	free(e->categories);
	for (size_t i = 0; i < e->n_enclosures; i++) {
		free(e->enclosures[i].url);
		free(e->enclosures[i].type);
	}
	free(e->enclosures);
}

static void feed_clear(struct feed *f)
{
	for (size_t i = 0; i < f->n_entries; i++)
		entry_free(&f->entries[i]);
	free(f->entries);
	free(f->title);
	free(f->link);
	memset(f, 0, sizeof *f);
}

void feed_build_reset(struct feed_build *b)
{
	feed_clear(b->f);
}

void feed_free(struct feed *f)
{
	if (f == NULL)
		return;
	feed_clear(f);
	free(f);
}
