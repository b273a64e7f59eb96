/* test_feed_api.c: unit tests of feed_parse() through its C API: what the
 * JSON output does not show (ttl, enclosures, format, flags) and the limits. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "feed.h"
#include "strbuf.h"

static struct feed *parse_ok(const char *doc, const char *base, const struct feed_limits *lim)
{
	struct feed *f = NULL;
	char *err = NULL;

	if (feed_parse(doc, strlen(doc), base, lim, &f, &err) != 0)
		fail_msg("feed_parse failed: %s", err);
	assert_null(err);
	assert_non_null(f);
	return f;
}

static void test_ttl(void **state)
{
	(void)state;
	struct feed *f = parse_ok("<rss><channel><ttl>45</ttl></channel></rss>", NULL, NULL);
	assert_int_equal(f->format, FEED_FORMAT_RSS);
	assert_int_equal(f->ttl_minutes, 45);
	assert_int_equal(f->n_entries, 0);
	feed_free(f);
	f = parse_ok("<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#' "
		     "xmlns:sy='http://purl.org/rss/1.0/modules/syndication/' xmlns='http://purl.org/rss/1.0/'>"
		     "<channel><sy:updatePeriod>daily</sy:updatePeriod>"
		     "<sy:updateFrequency>4</sy:updateFrequency></channel></rdf:RDF>", NULL, NULL);
	assert_int_equal(f->format, FEED_FORMAT_RDF);
	assert_int_equal(f->ttl_minutes, 360);
	feed_free(f);
	f = parse_ok("<rss><channel><ttl>-5</ttl></channel></rss>", NULL, NULL);
	assert_int_equal(f->ttl_minutes, 0);
	feed_free(f);
}

static void test_enclosures(void **state)
{
	(void)state;
	struct feed *f = parse_ok(
		"<rss xmlns:media='http://search.yahoo.com/mrss/'><channel><item>"
		"<enclosure url='a.mp3' length='100' type='audio/mpeg'/>"
		"<media:content url='https://cdn.example/b.jpg' type='image/jpeg'/>"
		"</item></channel></rss>", "https://example.org/rss/feed.xml", NULL);
	assert_int_equal(f->n_entries, 1);
	struct feed_entry *e = &f->entries[0];
	assert_int_equal(e->n_enclosures, 2);
	assert_string_equal(e->enclosures[0].url, "https://example.org/rss/a.mp3");
	assert_string_equal(e->enclosures[0].type, "audio/mpeg");
	assert_int_equal(e->enclosures[0].length, 100);
	assert_string_equal(e->enclosures[1].url, "https://cdn.example/b.jpg");
	assert_int_equal(e->enclosures[1].length, -1);
	assert_non_null(e->id);
	assert_int_equal(strncmp(e->id, "sha256:", 7), 0);
	assert_int_equal(strlen(e->id), 7 + 64);
	feed_free(f);
}

static void test_entry_cap(void **state)
{
	struct strbuf doc = STRBUF_INIT;
	struct feed_limits lim = { 1 << 20, 3 };
	(void)state;
	strbuf_puts(&doc, "<feed xmlns='http://www.w3.org/2005/Atom'>");
	for (int i = 0; i < 5; i++)
		strbuf_printf(&doc, "<entry><id>e%d</id></entry>", i);
	strbuf_puts(&doc, "</feed>");
	struct feed *f = parse_ok(doc.s, NULL, &lim);
	assert_int_equal(f->format, FEED_FORMAT_ATOM);
	assert_int_equal(f->n_entries, 3);
	assert_true(f->truncated);
	assert_string_equal(f->entries[2].id, "e2");
	feed_free(f);
	strbuf_free(&doc);
}

static void test_size_cap(void **state)
{
	struct feed_limits lim = { 10, 100 };
	struct feed *f = (struct feed *)1;
	char *err = NULL;
	(void)state;
	assert_int_equal(feed_parse("<rss><channel/></rss>", 21, NULL, &lim, &f, &err), -1);
	assert_null(f);
	assert_non_null(strstr(err, "over the limit of 10 bytes"));
	free(err);
}

/* Inputs that must give an error (never a crash), with its message. */
static void test_errors(void **state)
{
	static const struct { const char *doc; size_t len; const char *msg; } cases[] = {
		{ "", 0, "empty document" },
		{ "\xef\xbb\xbf  \n", 6, "empty document" },
		{ "\x00\x01\x02\x03", 4, "malformed XML" },
		{ "hello", 5, "not a feed" },
		{ "<html><body/></html>", 20, "not a feed (root element <html>)" },
		{ "<HTML><body/></HTML>", 20, "not a feed (root element <HTML>)" },
		{ "[1, 2]", 6, "not a feed" },
		{ "{\"version\": 2}", 14, "not a feed" },
		{ "{\"version\": \"https://jsonfeed.org/version/1\"", 44, "malformed JSON" },
		{ "<", 1, "malformed XML" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct feed *f = NULL;
		char *err = NULL;
		if (feed_parse(cases[i].doc, cases[i].len, NULL, NULL, &f, &err) != -1)
			fail_msg("case %zu parsed, should fail", i);
		assert_null(f);
		if (err == NULL || strstr(err, cases[i].msg) == NULL)
			fail_msg("case %zu: error \"%s\", expected \"%s\"", i, err ? err : "(none)", cases[i].msg);
		free(err);
	}
}

static void test_recovered_flag(void **state)
{
	(void)state;
	struct feed *f = parse_ok("<rss><channel><item><title>a</title></item><item><title>b", NULL, NULL);
	assert_true(f->recovered);
	assert_int_equal(f->n_entries, 2);
	assert_string_equal(f->entries[1].title, "b");
	feed_free(f);
}

static void test_json_shape(void **state)
{
	(void)state;
	struct feed *f = parse_ok("{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"T\","
				  " \"items\": [{\"id\": \"1\", \"date_published\": \"2025-01-31T03:00:00Z\","
				  " \"tags\": [\"a\", 5, \"b\"]}]}", NULL, NULL);
	json_t *j = feed_to_json(f);
	json_t *e = json_array_get(json_object_get(j, "entries"), 0);
	const char *keys[] = { "id", "title", "link", "published", "updated", "author",
			       "summary", "content", "categories" };
	size_t k = 0;
	const char *key;
	json_t *v;
	json_object_foreach(e, key, v)
		assert_string_equal(key, keys[k++]);
	assert_int_equal(k, 9);
	assert_string_equal(json_string_value(json_object_get(e, "published")), "2025-01-31T03:00:00Z");
	assert_true(json_is_null(json_object_get(e, "updated")));
	assert_int_equal(json_array_size(json_object_get(e, "categories")), 2);
	assert_true(json_is_null(json_object_get(json_object_get(j, "feed"), "updated")));
	json_decref(j);
	feed_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ttl),
		cmocka_unit_test(test_enclosures),
		cmocka_unit_test(test_entry_cap),
		cmocka_unit_test(test_size_cap),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_recovered_flag),
		cmocka_unit_test(test_json_shape),
	};
	return cmocka_run_group_tests_name("feed_api", tests, NULL, NULL);
}
