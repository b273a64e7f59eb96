/* html_text_int.h: what the html_text*.c files share and nobody else uses.
 *   html_text_charset.c  picking the page's charset, converting to UTF-8
 *   html_text_rules.c    the data tables: tags, class/id words, phrases
 *   html_text_meta.c     title, publication time, canonical URL, language
 *   html_text_clean.c    removing clutter elements from the tree
 *   html_text_score.c    finding the element that holds the article
 *   html_text_render.c   turning a subtree into lines of text */
#ifndef MW_HTML_TEXT_INT_H
#define MW_HTML_TEXT_INT_H

#include <stddef.h>
#include <libxml/tree.h>

#include "html_text.h"
#include "strbuf.h"

/* --- charset ------------------------------------------------------------ */

/* The charset the page is in: a BOM, else the HTTP charset, else the first
 * <meta> declaring one, else NULL (meaning UTF-8). Labels browsers treat as
 * windows-1252 (iso-8859-1, us-ascii) are mapped to it; unknown names are
 * skipped. Returns a new string or NULL. */
char *hx_pick_charset(const char *html, size_t len, const char *http_charset);
/* Converts html from charset (NULL: UTF-8) to UTF-8; bytes that do not
 * decode become U+FFFD, NUL and control characters a space. Returns a new
 * NUL-terminated buffer (length in *outlen) the caller frees. */
char *hx_to_utf8(const char *html, size_t len, const char *charset,
                 size_t *outlen);
/* Same repair for a string already meant to be UTF-8. New string. */
char *hx_utf8_clean(const char *s, size_t len, size_t *outlen);

/* --- rules (data tables) -------------------------------------------------- */

enum hx_hint {
	HX_HINT_NONE = 0,
	HX_HINT_ARTICLE = 1,   /* <article> */
	HX_HINT_CLASS = 2,     /* class/id like entry-content, read__content */
	HX_HINT_ITEMPROP = 3,  /* itemprop="articleBody" */
};

/* Whether the element ends a line of text (p, div, br, li, h1-h6, ...). */
int hx_is_block(const xmlNode *n);
/* Whether the element and everything in it is not article text: scripts,
 * navigation, share buttons, "baca juga" boxes, ads, comments, hidden. */
int hx_is_clutter(const xmlNode *n);
/* How strongly the element says it holds the article body. */
enum hx_hint hx_content_hint(const xmlNode *n);
/* Whether a line of text is a known interruption ("Baca juga: ...",
 * "ADVERTISEMENT", "COPYRIGHT © ..."). line is trimmed, len bytes. */
int hx_is_clutter_line(const char *line, size_t len);
/* Whether name (lowercase) equals the element's name. */
int hx_is(const xmlNode *n, const char *name);
/* The value of attribute name (case-insensitive), owned by the tree, or
 * NULL. */
const char *hx_attr(const xmlNode *n, const char *name);

/* --- metadata ------------------------------------------------------------- */

/* Fills out->title, published, canonical and lang from the whole document.
 * Must run before clutter is removed (the <h1> may sit in a <header>). */
void hx_meta_extract(xmlDoc *doc, struct html_article *out);
/* Removes a " - Site Name" / " | Site" suffix from title in place. */
void hx_title_strip_site(char *title, const char *site_name);

/* --- clean ---------------------------------------------------------------- */

/* Unlinks and frees every clutter element under root and returns how many
 * elements remain (for sizing per-element data). */
size_t hx_clean(xmlNode *root);

/* --- score ---------------------------------------------------------------- */

/* The elements whose text is the article, in document order: one element
 * for a page with a marked article body, the best-scoring element and its
 * worthy siblings otherwise. At most max; returns the count (0: nothing
 * that looks like text). n_elements is what hx_clean() returned. */
size_t hx_find_content(xmlNode *root, size_t n_elements, xmlNode **found,
                       size_t max);

/* --- render --------------------------------------------------------------- */

/* Appends the text of n to out: one line per paragraph, whitespace
 * collapsed, <h1> and clutter lines left out, lines equal to skip_line
 * (the title; may be NULL) left out. */
void hx_render(const xmlNode *n, const char *skip_line, struct strbuf *out);
/* The text of n on one line, whitespace collapsed; new string, "" when
 * there is none. */
char *hx_node_text(const xmlNode *n);
/* Appends s to b with runs of white space (ASCII, NBSP, Unicode spaces)
 * collapsed to one space; *space carries a pending space across calls. */
void hx_append_collapsed(struct strbuf *b, const char *s, int *space);

#endif
