/* html_text.h: turns a fetched article page (HTML) into the plain text the
 * agreement extractor reads: the title, the main text without navigation,
 * share buttons, "Baca juga" links, ads and comments, and a few facts from
 * the page's metadata (publication time, canonical URL, language).
 *
 * One libxml2 parse per page, then linear passes over the tree; see
 * html_text.c for the order of the steps. Input is never trusted: any
 * bytes give either a result or an error message, never a crash. */
#ifndef MW_HTML_TEXT_H
#define MW_HTML_TEXT_H

#include <stddef.h>

/* Pages larger than this are refused (the fetcher caps bodies too). */
#define HTML_TEXT_MAX_INPUT (8u * 1024 * 1024)
/* Elements nested deeper than this are ignored (their text is lost). */
#define HTML_TEXT_MAX_DEPTH 256

/* What html_main_text() found. Every string is valid UTF-8, allocated by
 * html_main_text() and owned by the struct; html_article_free() frees them.
 * text is never NULL after html_main_text() returns (it may be ""); the
 * other fields are NULL when the page does not say. */
struct html_article {
	char *title;      /* og:title, else the first <h1>, else <title>;
	                     a " - Site Name" suffix removed */
	char *text;       /* main text, one paragraph per line, "\n"-separated,
	                     no trailing newline */
	char *published;  /* raw publication time as the page writes it
	                     (article:published_time, JSON-LD datePublished,
	                     <time datetime>); the caller parses it */
	char *canonical;  /* <link rel=canonical> href, else og:url */
	char *lang;       /* <html lang>, e.g. "id", "ms-MY", "en" */
};

/* Extracts the article from html[0..len). charset is the charset parameter
 * of the HTTP Content-Type ("windows-1252"), or NULL; without it the
 * page's <meta charset> decides, else UTF-8 (invalid bytes become U+FFFD).
 * Returns 0 with *out filled, or -1 with *out filled as far as possible
 * (text "" at least) and, when err is not NULL, *err set to a message the
 * caller frees. out need not be initialised; free it in both cases. */
int html_main_text(const char *html, size_t len, const char *charset,
                   struct html_article *out, char **err);

/* Frees the strings of a and sets them to NULL; a itself is the caller's. */
void html_article_free(struct html_article *a);

/* The extractor's input: title, "\n", text (just the text when there is
 * no title). Returns a new string the caller frees. */
char *html_article_extractor_input(const struct html_article *a);

/* The charset parameter of a Content-Type header value
 * ("text/html; charset=\"UTF-8\"" gives "UTF-8"), or NULL when absent.
 * Returns a new string the caller frees. */
char *html_charset_from_content_type(const char *content_type);

#endif
