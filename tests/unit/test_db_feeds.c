/* test_db_feeds.c: the feeds table: upsert from the configuration keeps
 * the poll state, sync marks missing feeds removed and revives them, due
 * feeds, pause, and not-found errors. */
#include "test_db_util.h"

static const struct db_feed_config cfg_a = {
	"antara", "https://antara.example/rss", "id", 900 };
static const struct db_feed_config cfg_b = {
	"bernama", "https://bernama.example/rss", "ms", 0 };

/* Polls once: the poller's view of a successful conditional GET. */
static void poll_ok(struct db *db, const char *name, int64_t now)
{
	struct db_feed f;

	assert_int_equal(db_feed_get(db, name, &f), DB_OK);
	free(f.etag);
	f.etag = xstrdup("\"v1\"");
	f.last_status = 200;
	f.last_polled_at = now;
	f.next_poll_at = now + 900;
	f.avg_publish_interval = 3600.5;
	assert_int_equal(db_feed_save_state(db, &f), DB_OK);
	db_feed_free(&f);
}

static void test_upsert_keeps_state(void **state)
{
	struct tdb *t = *state;
	struct db_feed_config moved = cfg_a;
	struct db_feed f;

	assert_int_equal(db_feed_upsert(t->db, &cfg_a, 100), DB_OK);
	poll_ok(t->db, "antara", 200);
	moved.url = "https://antara.example/rss/terkini.xml";
	moved.interval_seconds = 0;
	assert_int_equal(db_feed_upsert(t->db, &moved, 300), DB_OK);
	assert_int_equal(db_feed_get(t->db, "antara", &f), DB_OK);
	assert_string_equal(f.url, moved.url);
	assert_int_equal(f.interval_seconds, 0);
	assert_string_equal(f.etag, "\"v1\"");
	assert_int_equal(f.last_status, 200);
	assert_int_equal(f.next_poll_at, 1100);
	assert_true(f.avg_publish_interval > 3600.0);
	assert_false(f.removed);
	db_feed_free(&f);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM feeds"), 1);
}

static void test_sync_removes_and_revives(void **state)
{
	struct tdb *t = *state;
	struct db_feed_config both[] = { cfg_a, cfg_b };
	struct db_feed *v = NULL, f;
	size_t n = 0;

	assert_int_equal(db_feeds_sync(t->db, both, 2, 100), DB_OK);
	poll_ok(t->db, "bernama", 150);
	assert_int_equal(db_feeds_sync(t->db, &cfg_a, 1, 200), DB_OK);
	assert_int_equal(db_feeds_list(t->db, &v, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].name, "antara");
	db_feeds_free(v, n);
	assert_int_equal(db_feed_get(t->db, "bernama", &f), DB_OK);
	assert_true(f.removed);
	db_feed_free(&f);

	assert_int_equal(db_feeds_sync(t->db, both, 2, 300), DB_OK);
	assert_int_equal(db_feed_get(t->db, "bernama", &f), DB_OK);
	assert_false(f.removed);
	assert_string_equal(f.etag, "\"v1\"");
	db_feed_free(&f);
}

static void test_due_and_pause(void **state)
{
	struct tdb *t = *state;
	struct db_feed_config both[] = { cfg_a, cfg_b };
	struct db_feed *v = NULL;
	size_t n = 0;

	assert_int_equal(db_feeds_sync(t->db, both, 2, 100), DB_OK);
	assert_int_equal(db_feeds_due(t->db, 100, &v, &n), DB_OK);
	assert_int_equal(n, 2);          /* never polled: due at once */
	db_feeds_free(v, n);
	poll_ok(t->db, "antara", 100);   /* next at 1000 */
	assert_int_equal(db_feeds_due(t->db, 999, &v, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].name, "bernama");
	db_feeds_free(v, n);
	assert_int_equal(db_feed_set_paused(t->db, "bernama", true), DB_OK);
	assert_int_equal(db_feeds_due(t->db, 1000, &v, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].name, "antara");
	db_feeds_free(v, n);
}

static void test_unknown_feed(void **state)
{
	struct tdb *t = *state;
	struct db_feed f;
	struct db_feed_config bad = { "x", NULL, NULL, 0 };

	assert_int_equal(db_feed_get(t->db, "nope", &f), DB_ENOTFOUND);
	assert_non_null(strstr(db_errmsg(t->db), "nope"));
	assert_int_equal(db_feed_set_paused(t->db, "nope", true), DB_ENOTFOUND);
	assert_int_equal(db_feed_remove(t->db, "nope", 1), DB_ENOTFOUND);
	assert_int_equal(db_feed_upsert(t->db, &bad, 1), DB_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_upsert_keeps_state, tdb_setup,
		                                tdb_teardown),
		cmocka_unit_test_setup_teardown(test_sync_removes_and_revives,
		                                tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_due_and_pause, tdb_setup,
		                                tdb_teardown),
		cmocka_unit_test_setup_teardown(test_unknown_feed, tdb_setup,
		                                tdb_teardown),
	};
	return cmocka_run_group_tests_name("db_feeds", tests, NULL, NULL);
}
