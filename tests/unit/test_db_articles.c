/* test_db_articles.c: article dedupe by (feed, entry id) and by normalized
 * URL, batch insert, state updates, and the URL normalization table. */
#include "test_db_util.h"

static const struct { const char *in, *out; } url_cases[] = {
	{ "https://News.Example.ID/berita/1/", "https://news.example.id/berita/1" },
	{ "https://x.id/a?utm_source=rss&utm_medium=feed", "https://x.id/a" },
	{ "https://x.id/a?id=7&utm_campaign=z&page=2#comments",
	  "https://x.id/a?id=7&page=2" },
	{ "https://x.id/a#top", "https://x.id/a" },
	{ "  https://x.id/a/  ", "https://x.id/a" },
	{ "https://x.id/Path/Case", "https://x.id/Path/Case" },
	{ "https://x.id/?fbclid=abc", "https://x.id" },
	{ "https://x.id", "https://x.id" },
};

static void test_url_normalize(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof url_cases / sizeof *url_cases; i++) {
		char *n = db_url_normalize(url_cases[i].in);
		assert_string_equal(n, url_cases[i].out);
		free(n);
	}
}

static struct db_article_new article(const char *entry, const char *url)
{
	struct db_article_new a = { .feed_name = "antara", .entry_id = entry,
		.url = url, .title = "Judul", .text = "Isi berita.",
		.published_at = 1000, .fetched_at = 2000 };
	return a;
}

static int feed_setup(void **state)
{
	struct tdb *t;
	int rc = tdb_setup(state);

	t = *state;
	if (rc == 0)
		rc = db_feed_upsert(t->db, &(struct db_feed_config){ "antara",
			"https://antara.example/rss", "id", 0 }, 1);
	return rc;
}

static void test_dedupe_by_entry_id(void **state)
{
	struct tdb *t = *state;
	struct db_article_new a = article("guid-1", "https://x.id/a");
	struct db_article_new b = article("guid-1", "https://x.id/moved");
	int64_t id1, id2;
	bool fresh;

	assert_int_equal(db_article_insert_new(t->db, &a, &id1, &fresh), DB_OK);
	assert_true(fresh);
	assert_int_equal(db_article_insert_new(t->db, &b, &id2, &fresh), DB_OK);
	assert_false(fresh);
	assert_int_equal(id1, id2);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM articles"), 1);
}

static void test_dedupe_by_normalized_url(void **state)
{
	struct tdb *t = *state;
	struct db_article_new a = article("g1", "https://x.id/berita/5");
	struct db_article_new b = article("g2",
		"https://X.id/berita/5/?utm_source=twitter#x");
	struct db_article_new c = article(NULL, "https://x.id/berita/5/");
	int64_t id1, id2, id3;
	bool fresh;

	assert_int_equal(db_article_insert_new(t->db, &a, &id1, &fresh), DB_OK);
	assert_true(fresh);
	assert_int_equal(db_article_insert_new(t->db, &b, &id2, &fresh), DB_OK);
	assert_false(fresh);
	assert_int_equal(db_article_insert_new(t->db, &c, &id3, &fresh), DB_OK);
	assert_false(fresh);
	assert_int_equal(id1, id2);
	assert_int_equal(id1, id3);
}

static void test_batch(void **state)
{
	struct tdb *t = *state;
	struct db_article_new v[] = {
		article("1", "https://x.id/1"), article("2", "https://x.id/2"),
		article("1", "https://x.id/1-again"), article("3", "https://x.id/2#dup"),
		article("4", "https://x.id/4"),
	};
	int64_t ids[5];
	bool fresh[5];

	assert_int_equal(db_articles_insert_batch(t->db, v, 5, ids, fresh), DB_OK);
	assert_true(fresh[0] && fresh[1] && fresh[4]);
	assert_false(fresh[2] || fresh[3]);
	assert_int_equal(ids[2], ids[0]);
	assert_int_equal(ids[3], ids[1]);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM articles"), 3);
	/* again: nothing new */
	assert_int_equal(db_articles_insert_batch(t->db, v, 5, NULL, fresh), DB_OK);
	for (int i = 0; i < 5; i++)
		assert_false(fresh[i]);
}

static void test_state_and_get(void **state)
{
	struct tdb *t = *state;
	struct db_article_new a = article("s", "https://x.id/s");
	json_t *j = NULL;
	int64_t id;

	assert_int_equal(db_article_insert_new(t->db, &a, &id, NULL), DB_OK);
	assert_int_equal(db_article_set_state(t->db, id, DB_ARTICLE_FAILED,
	                                      "extractor crashed"), DB_OK);
	assert_int_equal(db_article_get(t->db, id, &j), DB_OK);
	assert_string_equal(json_string_value(json_object_get(j, "state")), "failed");
	assert_int_equal(json_integer_value(json_object_get(j, "attempts")), 1);
	assert_string_equal(json_string_value(json_object_get(j, "error")),
	                    "extractor crashed");
	assert_int_equal(strlen(json_string_value(json_object_get(j,
	                 "content_hash"))), 64);
	json_decref(j);
	assert_int_equal(db_article_set_state(t->db, 9999, DB_ARTICLE_FAILED,
	                                      NULL), DB_ENOTFOUND);
	a.url = "";
	assert_int_equal(db_article_insert_new(t->db, &a, NULL, NULL), DB_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_url_normalize),
		cmocka_unit_test_setup_teardown(test_dedupe_by_entry_id, feed_setup,
		                                tdb_teardown),
		cmocka_unit_test_setup_teardown(test_dedupe_by_normalized_url,
		                                feed_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_batch, feed_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_state_and_get, feed_setup,
		                                tdb_teardown),
	};
	return cmocka_run_group_tests_name("db_articles", tests, NULL, NULL);
}
