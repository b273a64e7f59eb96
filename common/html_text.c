/* html_text.c: html_main_text(), the article extractor's entry point, as a
 * sequence of steps over one parse:
 *   1. refuse empty and oversized input;
 *   2. pick the charset and convert to clean UTF-8 (html_text_charset.c);
 *   3. parse with libxml2's forgiving HTML parser;
 *   4. read title, date, canonical URL and language (html_text_meta.c);
 *   5. drop clutter elements (html_text_clean.c);
 *   6. find the article element(s) (html_text_score.c);
 *   7. render them as lines of text (html_text_render.c). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include "html_text.h"
#include "html_text_int.h"
#include "xalloc.h"

#define MAX_CONTENT_PARTS 64
#define BINARY_SCAN_BYTES 1024
#define BINARY_MAX_CONTROLS 8
#define PARSE_OPTIONS (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | \
	HTML_PARSE_NOWARNING | HTML_PARSE_NONET | \
	HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT)

static void set_err(char **err, char *msg)
{
	if (err)
		*err = msg;
	else
		free(msg);
}

static xmlNode *find_body(xmlNode *root)
{
	for (xmlNode *c = root ? root->children : NULL; c; c = c->next)
		if (hx_is(c, "body"))
			return c;
	return root;
}

/* Steps 5-7 on a parsed document: the article text, "" when none. */
static char *article_text(xmlDoc *doc, const char *title)
{
	xmlNode *body = find_body(xmlDocGetRootElement(doc));
	size_t n_elements = hx_clean(body);
	xmlNode *parts[MAX_CONTENT_PARTS];
	size_t n = hx_find_content(body, n_elements, parts, MAX_CONTENT_PARTS);
	struct strbuf out = STRBUF_INIT;
	for (size_t i = 0; i < n; i++)
		hx_render(parts[i], title, &out);
	/* Nothing looked like an article: the whole (cleaned) body is
	 * better than nothing for a short page. */
	if (out.len == 0 && body)
		hx_render(body, title, &out);
	return strbuf_steal(&out);
}

/* Why the bytes are not an HTML page worth parsing (binary data, no
 * markup at all), or NULL. A new message for the caller, or NULL. */
static char *not_html(const char *html, size_t len, const char *charset)
{
	int wide = charset && (strncasecmp(charset, "UTF-16", 6) == 0 ||
	                       strncasecmp(charset, "UTF-32", 6) == 0);
	size_t head = len < BINARY_SCAN_BYTES ? len : BINARY_SCAN_BYTES;
	size_t controls = 0;
	for (size_t i = 0; i < head && !wide; i++) {
		unsigned char c = (unsigned char)html[i];
		if (c == 0)
			return xasprintf("html: the body is binary data (a NUL byte "
			                 "at offset %zu), not an HTML page; not "
			                 "extracted (check the URL and Content-Type)", i);
		if ((c < 0x20 && !strchr("\t\n\r\f", c)) || c == 0x7F)
			controls++;
	}
	if (controls > BINARY_MAX_CONTROLS)
		return xasprintf("html: the body is binary data (%zu control bytes "
		                 "in the first %zu), not an HTML page; not extracted "
		                 "(check the URL and Content-Type)", controls, head);
	if (!wide && memchr(html, '<', len) == NULL)
		return xasprintf("html: no markup in %zu bytes, not an HTML page; "
		                 "not extracted (plain text needs no HTML step)", len);
	return NULL;
}

static xmlDoc *parse_utf8(const char *buf, size_t len)
{
	if (len > (size_t)INT_MAX)
		return NULL;
	xmlInitParser();
	return htmlReadMemory(buf, (int)len, NULL, "UTF-8", PARSE_OPTIONS);
}

int html_main_text(const char *html, size_t len, const char *charset,
                   struct html_article *out, char **err)
{
	memset(out, 0, sizeof *out);
	if (err)
		*err = NULL;
	if (html == NULL || len == 0) {
		out->text = xstrdup("");
		set_err(err, xstrdup("html: the page is empty; nothing to extract "
		                     "(check the fetch: status and body size)"));
		return -1;
	}
	if (len > HTML_TEXT_MAX_INPUT) {
		out->text = xstrdup("");
		set_err(err, xasprintf("html: the page is %zu bytes, more than "
		                       "the %u-byte limit; not extracted (is the "
		                       "URL an article page?)", len,
		                       HTML_TEXT_MAX_INPUT));
		return -1;
	}
	char *cs = hx_pick_charset(html, len, charset);
	char *why = not_html(html, len, cs);
	if (why) {
		free(cs);
		out->text = xstrdup("");
		set_err(err, why);
		return -1;
	}
	size_t ulen;
	char *utf8 = hx_to_utf8(html, len, cs, &ulen);
	free(cs);
	xmlDoc *doc = parse_utf8(utf8, ulen);
	if (doc == NULL || xmlDocGetRootElement(doc) == NULL) {
		if (doc)
			xmlFreeDoc(doc);
		free(utf8);
		out->text = xstrdup("");
		set_err(err, xasprintf("html: no HTML document in %zu bytes; "
		                       "not extracted (is it an HTML page?)", len));
		return -1;
	}
	hx_meta_extract(doc, out);
	out->text = article_text(doc, out->title);
	xmlFreeDoc(doc);
	free(utf8);
	if (out->text[0] == '\0') {
		set_err(err, xasprintf("html: no article text found in %zu bytes "
		                       "of HTML (an index page, or a page built by "
		                       "JavaScript?)", len));
		return -1;
	}
	return 0;
}

void html_article_free(struct html_article *a)
{
	if (a == NULL)
		return;
	free(a->title);
	free(a->text);
	free(a->published);
	free(a->canonical);
	free(a->lang);
	memset(a, 0, sizeof *a);
}

char *html_article_extractor_input(const struct html_article *a)
{
	const char *text = a->text ? a->text : "";
	if (a->title == NULL || a->title[0] == '\0')
		return xstrdup(text);
	return xasprintf("%s\n%s", a->title, text);
}
