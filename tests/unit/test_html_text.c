/* test_html_text.c: the HTML main-text extractor against the pages in
 * tests/fixtures/html/. For each NAME.html:
 *   NAME.expected.txt  the extractor input (title, then the text), compared
 *                      after white space normalisation; empty means the
 *                      page must be refused with an error;
 *   NAME.meta          optional "key: value" lines (published, canonical,
 *                      lang, title) compared with the result;
 *   NAME.charset       optional HTTP charset passed in.
 * Every result must be valid UTF-8 and free of the phrases listed in
 * clutter-phrases.txt. Then a few API cases that need no page. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html_text.h"
#include "strbuf.h"
#include "xalloc.h"

#define MAX_FIXTURES 200

static char fixture_dir[4096];

/* --- helpers ---------------------------------------------------------------- */

/* Reads a whole file; NULL when it does not exist. *len gets its size. */
static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	struct strbuf b = STRBUF_INIT;
	char chunk[8192];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		strbuf_append(&b, chunk, n);
	fclose(f);
	if (len)
		*len = b.len;
	return strbuf_steal(&b);
}

static char *fixture_file(const char *name, const char *ext, size_t *len)
{
	char *path = xasprintf("%s/%s%s", fixture_dir, name, ext);
	char *s = slurp(path, len);
	free(path);
	return s;
}

/* Lines trimmed, inner white space runs made one space, empty lines
 * dropped, joined by "\n". New string. */
static char *normalise(const char *s)
{
	struct strbuf b = STRBUF_INIT;
	const char *p = s;
	while (*p) {
		const char *eol = strchr(p, '\n');
		if (eol == NULL)
			eol = p + strlen(p);
		int started = 0, space = 0;
		for (const char *q = p; q < eol; q++) {
			if (isspace((unsigned char)*q)) {
				space = started;
				continue;
			}
			if (!started && b.len)
				strbuf_putc(&b, '\n');
			else if (started && space)
				strbuf_putc(&b, ' ');
			started = 1;
			space = 0;
			strbuf_putc(&b, *q);
		}
		p = *eol ? eol + 1 : eol;
	}
	return strbuf_steal(&b);
}

static int valid_utf8(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	while (*u) {
		size_t n = *u < 0x80 ? 1 : (*u >> 5) == 6 ? 2 : (*u >> 4) == 14 ? 3 :
		           (*u >> 3) == 30 ? 4 : 0;
		if (n == 0 || (n == 2 && *u < 0xC2))
			return 0;
		for (size_t i = 1; i < n; i++)
			if ((u[i] & 0xC0) != 0x80)
				return 0;
		u += n;
	}
	return 1;
}

static const char *find_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (; *hay; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return hay;
	return NULL;
}

/* Fails when any phrase of clutter-phrases.txt occurs in text. */
static void assert_no_clutter(const char *name, const char *text)
{
	char *list = fixture_file("clutter-phrases", ".txt", NULL);
	assert_non_null(list);
	for (char *save = NULL, *p = strtok_r(list, "\n", &save); p;
	     p = strtok_r(NULL, "\n", &save)) {
		if (*p == '#' || *p == '\0')
			continue;
		if (find_ci(text, p)) {
			print_error("%s: clutter phrase \"%s\" survived\n", name, p);
			free(list);
			fail();
		}
	}
	free(list);
}

/* Prints the first differing line, for a readable failure. */
static void show_difference(const char *want, const char *got)
{
	int line = 1;
	while (*want && *want == *got) {
		if (*want == '\n')
			line++;
		want++;
		got++;
	}
	print_error("first difference at line %d:\n  want: %.80s\n  got:  %.80s\n",
	            line, want, got);
}

/* Compares the "key: value" lines of NAME.meta with the result. */
static void check_meta(const char *name, const struct html_article *a)
{
	char *meta = fixture_file(name, ".meta", NULL);
	if (meta == NULL)
		return;
	for (char *save = NULL, *p = strtok_r(meta, "\n", &save); p;
	     p = strtok_r(NULL, "\n", &save)) {
		char *colon = strstr(p, ": ");
		assert_non_null(colon);
		*colon = '\0';
		const char *want = colon + 2;
		const char *got = strcmp(p, "published") == 0 ? a->published :
		                  strcmp(p, "canonical") == 0 ? a->canonical :
		                  strcmp(p, "lang") == 0 ? a->lang :
		                  strcmp(p, "title") == 0 ? a->title : "?";
		if (strcmp(want, "(none)") == 0) {
			assert_null(got);
			continue;
		}
		assert_non_null(got);
		if (strcmp(want, got) != 0)
			print_error("%s: %s is \"%s\", want \"%s\"\n", name, p, got, want);
		assert_string_equal(got, want);
	}
	free(meta);
}

/* --- the data-driven case ----------------------------------------------------- */

static void test_fixture(void **state)
{
	const char *name = *state;
	size_t len;
	char *page = fixture_file(name, ".html", &len);
	char *expected = fixture_file(name, ".expected.txt", NULL);
	char *charset = fixture_file(name, ".charset", NULL);
	assert_non_null(page);
	assert_non_null(expected);
	if (charset)
		charset[strcspn(charset, "\r\n")] = '\0';

	struct html_article a;
	char *err = NULL;
	int rc = html_main_text(page, len, charset, &a, &err);
	char *input = html_article_extractor_input(&a);
	char *want = normalise(expected);
	char *got = normalise(input);

	assert_non_null(a.text);
	assert_true(valid_utf8(input));
	if (want[0] == '\0') {
		assert_int_equal(rc, -1);
		assert_non_null(err);
		assert_string_equal(a.text, "");
	} else {
		if (rc != 0)
			print_error("%s: %s\n", name, err);
		assert_int_equal(rc, 0);
		assert_null(err);
		if (strcmp(want, got) != 0)
			show_difference(want, got);
		assert_string_equal(got, want);
	}
	assert_no_clutter(name, input);
	check_meta(name, &a);

	free(want);
	free(got);
	free(input);
	free(err);
	html_article_free(&a);
	free(page);
	free(expected);
	free(charset);
}

/* --- cases without a page ------------------------------------------------------ */

static void test_null_and_empty(void **state)
{
	struct html_article a;
	char *err = NULL;
	(void)state;
	assert_int_equal(html_main_text(NULL, 0, NULL, &a, &err), -1);
	assert_non_null(err);
	assert_string_equal(a.text, "");
	free(err);
	html_article_free(&a);
	assert_int_equal(html_main_text("   \n", 4, NULL, &a, NULL), -1);
	assert_string_equal(a.text, "");
	html_article_free(&a);
}

static void test_too_large(void **state)
{
	size_t len = HTML_TEXT_MAX_INPUT + 1;
	char *big = xmalloc(len);
	struct html_article a;
	char *err = NULL;
	(void)state;
	memset(big, 'a', len);
	assert_int_equal(html_main_text(big, len, NULL, &a, &err), -1);
	assert_non_null(strstr(err, "limit"));
	free(err);
	free(big);
	html_article_free(&a);
}

/* Far deeper than HTML_TEXT_MAX_DEPTH: must neither crash nor hang, and
 * the text before the deep part survives. */
static void test_deep_nesting(void **state)
{
	struct strbuf b = STRBUF_INIT;
	(void)state;
	strbuf_puts(&b, "<html><body><p>Paragraf pertama sebelum bagian yang "
	                "bersarang sangat dalam, dengan koma, dan titik.</p>");
	for (int i = 0; i < 20000; i++)
		strbuf_puts(&b, "<div><span>");
	strbuf_puts(&b, "dalam");
	struct html_article a;
	char *err = NULL;
	html_main_text(b.s, b.len, NULL, &a, &err);
	assert_non_null(strstr(a.text, "Paragraf pertama"));
	free(err);
	html_article_free(&a);
	strbuf_free(&b);
}

/* Bytes that are not UTF-8 in a page that claims nothing become U+FFFD,
 * and everything else of the paragraph survives. */
static void test_invalid_utf8(void **state)
{
	static const char page[] = "<html><body><p>Kerja sama \xff\xfe antara "
		"sekolah\x01 dan kampus \xe2\x82 berlaku tiga tahun.</p></body></html>";
	struct html_article a;
	(void)state;
	assert_int_equal(html_main_text(page, sizeof page - 1, NULL, &a, NULL), 0);
	assert_true(valid_utf8(a.text));
	assert_string_equal(a.text, "Kerja sama \xEF\xBF\xBD\xEF\xBF\xBD antara "
	                    "sekolah dan kampus \xEF\xBF\xBD berlaku tiga tahun.");
	html_article_free(&a);
}

/* The HTTP charset beats the page's <meta>. */
static void test_http_charset_wins(void **state)
{
	static const char page[] = "<html><head><meta charset=\"utf-8\"></head>"
		"<body><p>Universit\xe9 de Lyon sign\xe9 un accord.</p></body></html>";
	struct html_article a;
	(void)state;
	assert_int_equal(html_main_text(page, sizeof page - 1, "ISO-8859-1",
	                                &a, NULL), 0);
	assert_string_equal(a.text, "Universit\xC3\xA9 de Lyon sign\xC3\xA9 un accord.");
	html_article_free(&a);
}

static void test_charset_from_content_type(void **state)
{
	static const struct { const char *in, *want; } cases[] = {
		{"text/html; charset=UTF-8", "UTF-8"},
		{"text/html;charset=\"windows-1252\"", "windows-1252"},
		{"text/html; Charset = 'iso-8859-1' ; q=1", "iso-8859-1"},
		{"text/html", NULL},
		{"text/html; charset=", NULL},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = html_charset_from_content_type(cases[i].in);
		if (cases[i].want == NULL) {
			assert_null(got);
		} else {
			assert_non_null(got);
			assert_string_equal(got, cases[i].want);
		}
		free(got);
	}
	assert_null(html_charset_from_content_type(NULL));
}

static void test_extractor_input(void **state)
{
	struct html_article a = { 0 };
	(void)state;
	a.text = "Isi berita.";
	char *s = html_article_extractor_input(&a);
	assert_string_equal(s, "Isi berita.");
	free(s);
	a.title = "Judul";
	s = html_article_extractor_input(&a);
	assert_string_equal(s, "Judul\nIsi berita.");
	free(s);
}

/* An unknown HTTP charset is ignored rather than fatal. */
static void test_unknown_charset(void **state)
{
	static const char page[] = "<p>Teks biasa dalam paragraf ini.</p>";
	struct html_article a;
	(void)state;
	assert_int_equal(html_main_text(page, sizeof page - 1, "x-no-such-cs",
	                                &a, NULL), 0);
	assert_string_equal(a.text, "Teks biasa dalam paragraf ini.");
	html_article_free(&a);
}

/* --- main ------------------------------------------------------------------------ */

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The NAME of every NAME.html in the fixture directory, sorted. */
static size_t list_fixtures(char **names, size_t max)
{
	DIR *d = opendir(fixture_dir);
	if (d == NULL) {
		fprintf(stderr, "cannot open %s: set top_srcdir to the source tree\n",
		        fixture_dir);
		exit(1);
	}
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL && n < max) {
		size_t len = strlen(e->d_name);
		if (len > 5 && strcmp(e->d_name + len - 5, ".html") == 0)
			names[n++] = xstrndup(e->d_name, len - 5);
	}
	closedir(d);
	qsort(names, n, sizeof *names, by_name);
	return n;
}

int main(void)
{
	const char *top = getenv("top_srcdir");
	snprintf(fixture_dir, sizeof fixture_dir, "%s/tests/fixtures/html",
	         top ? top : ".");
	char *names[MAX_FIXTURES];
	size_t n = list_fixtures(names, MAX_FIXTURES);

	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test(test_null_and_empty),
		cmocka_unit_test(test_too_large),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_http_charset_wins),
		cmocka_unit_test(test_charset_from_content_type),
		cmocka_unit_test(test_extractor_input),
		cmocka_unit_test(test_unknown_charset),
	};
	size_t n_fixed = sizeof fixed / sizeof fixed[0];
	struct CMUnitTest *tests = xcalloc(n + n_fixed, sizeof *tests);
	for (size_t i = 0; i < n; i++) {
		struct CMUnitTest t = cmocka_unit_test_prestate(test_fixture, names[i]);
		t.name = names[i];
		tests[i] = t;
	}
	memcpy(tests + n, fixed, sizeof fixed);
	int rc = _cmocka_run_group_tests("html_text", tests, n + n_fixed, NULL, NULL);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(tests);
	return rc;
}
