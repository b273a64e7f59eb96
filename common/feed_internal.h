/* feed_internal.h: what the parts of the feed reader share and nobody else
 * uses: the builder that collects entries under the limits, and the helpers
 * that set fields with the reader's precedence rules. */
#ifndef MW_FEED_INTERNAL_H
#define MW_FEED_INTERNAL_H

#include "feed.h"

/* One parse in progress. Owns nothing but f until feed_parse() hands it out. */
struct feed_build {
	struct feed *f;
	const char *base_url;    /* borrowed; may be NULL */
	size_t max_entries;
	const struct mw_tz *tz;  /* borrowed; NULL: naive dates are UTC */
};

/* A new zeroed entry at the end of b->f, or NULL (and f->truncated set)
 * when the entry cap is reached. */
struct feed_entry *feed_build_entry(struct feed_build *b);

/* Empties b->f (everything a first attempt put there) for a new one. */
void feed_build_reset(struct feed_build *b);

/* Gives v (malloc'd or NULL) to *field when *field is unset; frees it
 * otherwise. The first value a feed gives for a field wins. */
void feed_set(char **field, char *v);
/* Gives v to *field, replacing (and freeing) what was there. */
void feed_replace(char **field, char *v);
/* Parses s as a date (naive ones in b->tz) into *field when *field is 0
 * (or always, if replace). */
void feed_set_date(const struct feed_build *b, time_t *field, const char *s, bool replace);
/* Appends ", " + name to *field (taking name), or sets it. */
void feed_add_author(char **field, char *name);
/* Takes ownership of a non-NULL category and appends it. */
void feed_add_category(struct feed_entry *e, char *cat);
/* Takes ownership of url (non-NULL) and type (may be NULL). */
void feed_add_enclosure(struct feed_entry *e, char *url, char *type, long long length);
/* Fills the entry's id when the feed gave none: link, else a sha256. */
void feed_entry_finish(struct feed_entry *e);

/* An absolute URL for ref against base (both may be NULL); malloc'd. */
char *feed_resolve_url(const char *ref, const char *base);
/* True when s starts with a URL scheme ("https:", "mailto:"). */
bool feed_url_has_scheme(const char *s);

/* The format parsers. Return 0, or -1 with *err malloc'd. */
int feed_xml_parse(const char *data, size_t len, struct feed_build *b, char **err);
int feed_json_parse(const char *data, size_t len, struct feed_build *b, char **err);

#endif
