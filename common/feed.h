/* feed.h: the feed reader's public API. feed_parse() turns one feed document
 * (RSS 0.9x/2.0, RSS 1.0/RDF, Atom 0.3/1.0, JSON Feed 1.0/1.1; the format is
 * detected from the content) into a struct feed of clean UTF-8 strings.
 *
 * Ownership: feed_parse() allocates the whole struct feed, every entry and
 * every string in them; the caller frees it all with one feed_free().
 * Strings are NULL when the feed does not carry the field.
 *
 * Text fields: title, author, summary and categories are plain text (markup
 * removed, HTML entities decoded, whitespace collapsed; an Atom text
 * construct of type "text" is kept as written, "<" and all). content keeps
 * the feed's HTML as delivered (entities inside it are HTML's own), trimmed;
 * base64 content (Atom 0.3 mode="base64", a binary MIME type) is decoded.
 * Every string is valid UTF-8 (invalid bytes become U+FFFD). */
#ifndef MW_FEED_H
#define MW_FEED_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <time.h>

/* Bounds on what one document may cost. */
struct mw_tz;
struct feed_limits {
	size_t max_bytes;    /* larger input is refused with an error */
	size_t max_entries;  /* later entries are dropped, feed->truncated set */
	const struct mw_tz *tz; /* the feed's time zone (tz.h): dates without
	                      * a zone are its wall time; NULL: UTC */
};
#define FEED_MAX_BYTES_DEFAULT ((size_t)16 << 20)
#define FEED_MAX_ENTRIES_DEFAULT ((size_t)10000)

enum feed_format {
	FEED_FORMAT_RSS,      /* RSS 0.9x and 2.0 */
	FEED_FORMAT_RDF,      /* RSS 0.90 and 1.0 */
	FEED_FORMAT_ATOM,     /* Atom 0.3 and 1.0 */
	FEED_FORMAT_JSON,     /* JSON Feed 1.0 and 1.1 */
};

/* An attached file (RSS <enclosure>, media:content, Atom rel="enclosure",
 * JSON Feed attachments). Kept in the struct; not printed by feed_to_json()
 * because SPEC.md fixes the JSON's keys. */
struct feed_enclosure {
	char *url;           /* absolute when a base was known */
	char *type;          /* MIME type or NULL */
	long long length;    /* bytes, -1 when unknown */
};

struct feed_entry {
	char *id;            /* never NULL: the feed's id, else the link, else
	                      * "sha256:" + hex of title and content */
	char *title, *link, *author, *summary, *content;
	time_t published, updated;   /* 0 = unknown */
	char **categories;
	size_t n_categories;
	struct feed_enclosure *enclosures;
	size_t n_enclosures;
};

struct feed {
	enum feed_format format;
	char *title, *link;
	time_t updated;              /* 0 = unknown */
	int ttl_minutes;             /* RSS <ttl> or sy:updatePeriod/Frequency;
	                              * a lower bound on the poll interval; 0 unknown */
	bool truncated;              /* more entries than limits->max_entries */
	bool recovered;              /* the XML was not well-formed; this is what
	                              * libxml2 could recover */
	struct feed_entry *entries;
	size_t n_entries;
};

/* Parses len bytes of data. base_url (may be NULL) is the feed's own URL,
 * used with xml:base to make links absolute. lim NULL means the defaults.
 * On success returns 0 and sets *out (free with feed_free()). On failure
 * returns -1 and sets *err to a malloc'd message the caller frees; the
 * input never crashes the parser. */
int feed_parse(const char *data, size_t len, const char *base_url,
	       const struct feed_limits *lim, struct feed **out, char **err);

void feed_free(struct feed *f);

/* The feed as SPEC.md's JSON: {"feed": {title, link, updated}, "entries":
 * [{id, title, link, published, updated, author, summary, content,
 * categories}]}, dates RFC 3339 UTC or null. New reference; caller decrefs. */
json_t *feed_to_json(const struct feed *f);

/* Writes t as "2025-01-31T03:00:00Z" into buf (at least 21 bytes); t == 0
 * writes "". Returns buf. */
char *feed_format_date(time_t t, char *buf, size_t size);

#endif
