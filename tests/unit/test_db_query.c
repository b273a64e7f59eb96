/* test_db_query.c: the operator's read-only views over a small store built
 * from the fixtures: agreement filters, upcoming dates, full-text search
 * (including text that is not valid FTS5 syntax), status counts, and the
 * indexes that keep the control socket's reads off a full scan (issue 12,
 * item 6; their speed is measured by bench/bench-control.c, not here). */
#include "test_db_util.h"
#include "strbuf.h"

static int load_setup(void **state)
{
	struct tdb *t;
	static const char *const fx[] = { "mou_smk_poltek.json",
		"moa_ukm_pemkot.json", "renewal_smk_poltek_2027.json" };
	static const char *const published[] = { "2025-03-10", "2024-11-06",
		"2027-02-02" };

	if (tdb_setup(state) != 0)
		return -1;
	t = *state;
	for (int i = 0; i < 3; i++) {
		json_t *rec = tdb_fixture(fx[i]);
		int64_t art = tdb_article(t->db, i, published[i]);
		int rc = db_agreement_store(t->db, art, rec, 1, NULL);
		json_decref(rec);
		if (rc != DB_OK)
			return -1;
	}
	return 0;
}

static size_t n_agreements(struct db *db, struct db_agreement_filter f,
                           const char *today)
{
	json_t *out = NULL;
	size_t n;

	assert_int_equal(db_query_agreements(db, &f, tdb_time(today, 0), &out),
	                 DB_OK);
	n = json_array_size(out);
	json_decref(out);
	return n;
}

static void test_filters(void **state)
{
	struct tdb *t = *state;
	const char *d = "2026-09-01";

	assert_int_equal(n_agreements(t->db, (struct db_agreement_filter){ 0 }, d), 3);
	assert_int_equal(n_agreements(t->db, (struct db_agreement_filter){
		.party = "polnes" }, d), 2);                 /* alias, any case */
	assert_int_equal(n_agreements(t->db, (struct db_agreement_filter){
		.party = "100%" }, d), 0);                   /* wildcard escaped */
	assert_int_equal(n_agreements(t->db, (struct db_agreement_filter){
		.country = "my" }, d), 1);
	assert_int_equal(n_agreements(t->db, (struct db_agreement_filter){
		.program = "internship" }, d), 2);
	assert_int_equal(n_agreements(t->db, (struct db_agreement_filter){
		.type = "renewal" }, d), 1);
	assert_int_equal(n_agreements(t->db, (struct db_agreement_filter){
		.signed_since = "2025-01-01" }, d), 2);
	assert_int_equal(n_agreements(t->db, (struct db_agreement_filter){
		.expiring_days = 90 }, d), 1);               /* 2026-11-05 */
	assert_int_equal(n_agreements(t->db, (struct db_agreement_filter){
		.limit = 1 }, d), 1);
}

static void test_upcoming(void **state)
{
	struct tdb *t = *state;
	json_t *out = NULL, *first;

	assert_int_equal(db_query_upcoming(t->db, tdb_time("2025-06-15", 0), 90,
	                                   &out), DB_OK);
	assert_int_equal(json_array_size(out), 2);  /* internship 07-01, exchange 09-01 */
	first = json_array_get(out, 0);
	assert_string_equal(json_string_value(json_object_get(first, "date")),
	                    "2025-07-01");
	assert_non_null(strstr(json_string_value(json_object_get(first, "parties")),
	                       "Sukamaju"));
	json_decref(out);
}

static void test_search(void **state)
{
	struct tdb *t = *state;
	json_t *out = NULL;
	static const char *const odd[] = { "R-Tech \"Bangkok", "AND OR NOT",
		"Jum'at (31)", "*", "ünïcode: tést", "\"", "a \" b", "NEAR(x y)" };

	assert_int_equal(db_query_search(t->db, "Universiti Contoh", 10, &out),
	                 DB_OK);
	assert_int_equal(json_array_size(out), 1);
	assert_string_equal(json_string_value(json_object_get(
		json_array_get(out, 0), "kind")), "agreement");
	json_decref(out);
	assert_int_equal(db_query_search(t->db, "kesepahaman", 10, &out), DB_OK);
	assert_int_equal(json_array_size(out), 3);       /* every article text */
	json_decref(out);
	for (size_t i = 0; i < sizeof odd / sizeof *odd; i++) {
		assert_int_equal(db_query_search(t->db, odd[i], 10, &out), DB_OK);
		json_decref(out);
	}
	assert_int_equal(db_query_search(t->db, "   ", 10, &out), DB_EINVAL);
}

static void test_status(void **state)
{
	struct tdb *t = *state;
	json_t *s = NULL;

	assert_int_equal(db_query_status(t->db, 1, &s), DB_OK);
	assert_int_equal(json_integer_value(json_object_get(s, "agreements")), 3);
	assert_int_equal(json_integer_value(json_object_get(s, "parties")), 4);
	assert_int_equal(json_integer_value(json_object_get(s, "articles")), 3);
	assert_int_equal(json_integer_value(json_object_get(
		json_object_get(s, "articles_by_state"), "extracted")), 3);
	assert_int_equal(json_integer_value(json_object_get(s, "schema_version")),
	                 db_schema_latest());
	json_decref(s);
}

static void test_one_missing(void **state)
{
	struct tdb *t = *state;
	json_t *out = NULL;

	assert_int_equal(db_query_agreement(t->db, 12345, &out), DB_ENOTFOUND);
	assert_null(out);
	assert_non_null(strstr(db_errmsg(t->db), "12345"));
}

/* The query plan of sql, one detail per line. */
static char *plan(struct db *db, const char *sql)
{
	char *q = xasprintf("EXPLAIN QUERY PLAN %s", sql);
	sqlite3_stmt *st;
	struct strbuf b = STRBUF_INIT;

	assert_int_equal(sqlite3_prepare_v2(db->sqlite, q, -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW)
		strbuf_printf(&b, "%s\n", (const char *)sqlite3_column_text(st, 3));
	sqlite3_finalize(st);
	free(q);
	return strbuf_steal(&b);
}

static void assert_plan(struct db *db, const char *sql, const char *uses, bool sorts)
{
	char *p = plan(db, sql);

	if (!strstr(p, uses) || (strstr(p, "TEMP B-TREE") != NULL) != sorts)
		fail_msg("plan of %s:\n%s(wanted %s%s)", sql, p, uses, sorts ? "" : ", no sort");
	free(p);
}

static void test_read_indexes(void **state)
{
	struct tdb *t = *state;

	assert_plan(t->db, "SELECT count(*) FROM articles a WHERE a.feed_name = 'f1'",
	            "USING COVERING INDEX articles_feed", false);
	assert_plan(t->db, "SELECT id FROM agreements a ORDER BY"
	            " coalesce(a.signed_on, a.anchor_on) DESC, a.id DESC LIMIT 100",
	            "INDEX agreements_recent", false);
	assert_plan(t->db, "SELECT count(*) FROM deliveries d WHERE d.channel = 'hook'"
	            " AND d.state IN ('pending', 'sending')",
	            "USING COVERING INDEX deliveries_channel", false);
}

/* 'feeds' counts each feed's articles (through articles_feed). */
static void test_feed_counts(void **state)
{
	struct tdb *t = *state;
	static const char *const names[] = { "alpha", "beta", "gamma" };
	json_t *out = NULL, *f;
	size_t i;
	int n = 100;

	for (i = 0; i < 3; i++) {
		struct db_feed_config c = { .name = names[i], .url = "http://news.example/f.xml" };
		assert_int_equal(db_feed_upsert(t->db, &c, 1), DB_OK);
	}
	for (i = 0; i < 3; i++)                         /* alpha 3, beta 2, gamma 1 */
		for (size_t k = i; k < 3; k++) {
			char url[64];
			snprintf(url, sizeof url, "https://news.example/%d", n++);
			struct db_article_new a = { .feed_name = names[k - i], .url = url,
				.title = "Berita", .text = "Teks.", .fetched_at = 1 };
			assert_int_equal(db_article_insert_new(t->db, &a, NULL, NULL), DB_OK);
		}
	assert_int_equal(db_query_feeds(t->db, NULL, 0, &out), DB_OK);
	assert_int_equal(json_array_size(out), 3);
	json_array_foreach(out, i, f)
		assert_int_equal(json_integer_value(json_object_get(f, "articles")), 3 - (long long)i);
	json_decref(out);
	/* a page: after alpha, one */
	assert_int_equal(db_query_feeds(t->db, "alpha", 1, &out), DB_OK);
	assert_int_equal(json_array_size(out), 1);
	assert_string_equal(json_string_value(json_object_get(json_array_get(out, 0), "name")), "beta");
	json_decref(out);
	assert_int_equal(db_query_feeds(t->db, "gamma", 10, &out), DB_OK);
	assert_int_equal(json_array_size(out), 0);
	json_decref(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_filters, load_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_upcoming, load_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_search, load_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_status, load_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_one_missing, load_setup,
		                                tdb_teardown),
		cmocka_unit_test_setup_teardown(test_read_indexes, tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_feed_counts, tdb_setup, tdb_teardown),
	};
	return cmocka_run_group_tests_name("db_query", tests, NULL, NULL);
}
