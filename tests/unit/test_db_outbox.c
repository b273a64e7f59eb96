/* test_db_outbox.c: the outbox's periodic reads (common/db_outbox.c) on a
 * real database file: each goes through its partial index of schema v9
 * (no scan of every queued row, no sort), and still returns the right
 * rows, in id order, within the limit, none skipped from page to page. */
#include "test_db_util.h"
#include "db_outbox.h"

#define N_ARTICLES 400

/* Ten kinds of article by id % 10: 0 extracted, 1 page still to fetch,
 * 2 already in the stream, 3 a syndicated copy of the one before, the
 * others waiting to be sent, with pages fetched, failed or skipped. */
static const char seed_sql[] =
	"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400)"
	" INSERT INTO articles (id, url, url_norm, title, fetched_at, text, state,"
	" page_state, enqueued_at, stream_id, duplicate_of, updated_at)"
	" SELECT i, 'https://news.example.id/b/' || i, 'news.example.id/b/' || i,"
	" 'Judul ' || i, 100, 'Teks ' || i,"
	" CASE i % 10 WHEN 0 THEN 'extracted' ELSE 'queued' END,"
	" CASE i % 10 WHEN 1 THEN 'pending' WHEN 4 THEN 'failed' WHEN 5 THEN 'skipped'"
	"  ELSE 'fetched' END,"
	" CASE i % 10 WHEN 2 THEN 50 + i END,"
	" CASE i % 10 WHEN 2 THEN '1-' || i END,"
	" CASE i % 10 WHEN 3 THEN i - 1 END, 100 FROM n";

/* The same conditions as the queries, with no index at all: what they
 * must return. */
static const char want_send[] =
	"SELECT id FROM articles NOT INDEXED WHERE state = 'queued'"
	" AND page_state <> 'pending' AND enqueued_at IS NULL AND duplicate_of IS NULL"
	" ORDER BY id";
static const char want_stream[] =
	"SELECT id FROM articles NOT INDEXED WHERE state = 'queued'"
	" AND enqueued_at IS NOT NULL AND enqueued_at < 1000 AND stream_id IS NOT NULL"
	" AND duplicate_of IS NULL ORDER BY id";
static const char want_page[] =
	"SELECT id FROM articles NOT INDEXED WHERE state = 'queued'"
	" AND page_state = 'pending' ORDER BY id";

static int seed_setup(void **state)
{
	if (tdb_setup(state) != 0)
		return -1;
	struct tdb *t = *state;
	return db_exec(t->db, seed_sql, "seeding articles") == DB_OK ? 0 : -1;
}

/* The ids sql returns, in its order; n gets their count. */
static int64_t *ids_of(struct db *db, const char *sql, size_t *n)
{
	sqlite3_stmt *st;
	int64_t *ids = xcalloc(N_ARTICLES + 1, sizeof *ids);

	*n = 0;
	assert_int_equal(sqlite3_prepare_v2(db->sqlite, sql, -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW)
		ids[(*n)++] = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return ids;
}

/* EXPLAIN QUERY PLAN of the cached statement of db_outbox.c whose SQL
 * holds `part` (the real query, as db_stmt prepared it): one line per
 * step of the plan. */
static char *plan_of(struct db *db, const char *part)
{
	sqlite3_stmt *st = NULL, *eqp;
	char plan[2048] = "";

	while ((st = sqlite3_next_stmt(db->sqlite, st)) != NULL)
		if (strstr(sqlite3_sql(st), part) && strncmp(sqlite3_sql(st), "EXPLAIN", 7) != 0)
			break;
	assert_non_null(st);
	char *sql = xasprintf("EXPLAIN QUERY PLAN %s", sqlite3_sql(st));
	assert_int_equal(sqlite3_prepare_v2(db->sqlite, sql, -1, &eqp, NULL), SQLITE_OK);
	while (sqlite3_step(eqp) == SQLITE_ROW) {
		strncat(plan, (const char *)sqlite3_column_text(eqp, 3), sizeof plan - strlen(plan) - 2);
		strcat(plan, "\n");
	}
	sqlite3_finalize(eqp);
	free(sql);
	return xstrdup(plan);
}

/* The plan reads articles through `index`: not the rows of articles_state
 * (every queued row; its covering counts read the index alone) nor the
 * whole table, and sorts nothing. */
static void assert_plan(struct db *db, const char *part, const char *index)
{
	char *plan = plan_of(db, part);
	char *want = xasprintf("USING INDEX %s", index);
	char *want_cov = xasprintf("USING COVERING INDEX %s", index);

	print_message("# plan of %s:\n%s", index, plan);
	assert_true(strstr(plan, want) || strstr(plan, want_cov));
	assert_null(strstr(plan, "USING INDEX articles_state"));
	assert_null(strstr(plan, "TEMP B-TREE"));
	for (const char *l = plan; *l; l = strchr(l, '\n') + 1)
		if (strncmp(l, "SCAN a\n", 7) == 0 || strncmp(l, "SCAN articles\n", 14) == 0)
			fail_msg("full scan of the table: %s", plan);
	free(want_cov);
	free(want);
	free(plan);
}

/* Sends what db_outbox_pending returns, 7 at a time, as outbox.c does
 * (marks each enqueued), until nothing is left. A page that became
 * fetched meanwhile, below the ids already sent, is sent too. */
static void test_pending_pages(void **state)
{
	struct tdb *t = *state;
	size_t n_want, n_got = 0;
	int64_t *want = ids_of(t->db, want_send, &n_want), got[N_ARTICLES + 1];
	json_t *rows = NULL, *a;
	size_t i;
	bool late_page = false;

	assert_true(n_want > 100);
	for (;;) {
		assert_int_equal(db_outbox_pending(t->db, 7, &rows), DB_OK);
		assert_true(json_array_size(rows) <= 7);
		if (json_array_size(rows) == 0)
			break;
		json_array_foreach(rows, i, a) {
			int64_t id = json_integer_value(json_object_get(a, "id"));
			assert_true(n_got == 0 || id > got[n_got - 1] || late_page);
			char *title = xasprintf("Judul %lld", (long long)id);
			assert_string_equal(json_string_value(json_object_get(a, "title")), title);
			free(title);
			got[n_got++] = id;
			assert_int_equal(db_outbox_mark_enqueued(t->db, id, "9-9", 500), DB_OK);
		}
		json_decref(rows);
		if (n_got > 50 && !late_page) { /* article 11's page arrives late */
			assert_int_equal(db_article_set_page(t->db, 11, DB_PAGE_FETCHED,
							     "Teks halaman 11", NULL), DB_OK);
			want[n_want++] = 11;
			late_page = true;
		}
	}
	json_decref(rows);
	assert_int_equal(n_got, n_want);
	for (i = 0; i < n_got; i++) /* the late one comes where it was sent */
		if (got[i] == 11)
			break;
	assert_true(i < n_got);
	memmove(&got[i], &got[i + 1], (n_got - i - 1) * sizeof *got);
	got[n_got - 1] = 11;
	assert_memory_equal(got, want, n_got * sizeof *got);
	assert_plan(t->db, "enqueued_at IS NULL AND a.duplicate_of IS NULL", "articles_to_enqueue");
	free(want);
}

/* The stream check's pages (after_id keyset, 50 a step) are what the
 * conditions say, each id once, in order. */
static void test_enqueued_before_pages(void **state)
{
	struct tdb *t = *state;
	size_t n_want, n_got = 0;
	int64_t *want = ids_of(t->db, want_stream, &n_want), got[N_ARTICLES + 1], after = 0;
	json_t *rows = NULL, *a;
	size_t i;

	assert_true(n_want > 10);
	do {
		json_decref(rows);
		assert_int_equal(db_outbox_enqueued_before(t->db, 1000, after, 15, &rows), DB_OK);
		assert_true(json_array_size(rows) <= 15);
		json_array_foreach(rows, i, a) {
			got[n_got++] = after = json_integer_value(json_object_get(a, "id"));
			char *sid = xasprintf("1-%lld", (long long)after);
			assert_string_equal(json_string_value(json_object_get(a, "stream_id")), sid);
			free(sid);
		}
	} while (json_array_size(rows) > 0);
	json_decref(rows);
	assert_int_equal(n_got, n_want);
	assert_memory_equal(got, want, n_got * sizeof *got);
	assert_plan(t->db, "stream_id FROM articles", "articles_in_stream");
	free(want);
}

/* Pages left to fetch (start-up), and the counts of status and --once. */
static void test_page_pending_and_counts(void **state)
{
	struct tdb *t = *state;
	size_t n_want, n_send;
	int64_t *want = ids_of(t->db, want_page, &n_want), *send = ids_of(t->db, want_send, &n_send);
	json_t *rows = NULL;
	struct db_outbox_counts c = { 0 };

	assert_int_equal(db_articles_page_pending(t->db, 1000, &rows), DB_OK);
	assert_int_equal(json_array_size(rows), n_want);
	for (size_t i = 0; i < n_want; i++)
		assert_int_equal(json_integer_value(json_object_get(json_array_get(rows, i), "id")),
				 want[i]);
	json_decref(rows);
	assert_plan(t->db, "page_state = 'pending' ORDER BY id", "articles_page_pending");

	assert_int_equal(db_outbox_counts(t->db, &c), DB_OK);
	assert_int_equal(c.page_pending, n_want);
	assert_int_equal(c.to_enqueue, n_send);
	assert_int_equal(c.queued, tdb_int(t->db, "SELECT count(*) FROM articles WHERE state = 'queued'"));
	assert_plan(t->db, "(SELECT count(*) FROM articles INDEXED", "articles_to_enqueue");
	free(send);
	free(want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_pending_pages, seed_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_enqueued_before_pages, seed_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_page_pending_and_counts, seed_setup, tdb_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
