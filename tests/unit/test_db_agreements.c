/* test_db_agreements.c: storing extractor records: idempotent re-store,
 * one agreement from two reports (parties matched by alias, dates within
 * 3 days), a later agreement of the same parties kept apart, no-agreement
 * records, and malformed records rejected without a trace (every
 * tests/fixtures/db/bad_*.json). */
#include <dirent.h>
#include <sys/wait.h>

#include "test_db_util.h"

static const char *const counted[] = {
	"agreements", "parties", "party_names", "agreement_parties",
	"signatories", "agreement_programs", "events", "agreement_sources",
	"agreements_fts",
};
#define NCOUNTED (sizeof counted / sizeof *counted)

static void counts(struct db *db, long long out[NCOUNTED])
{
	for (size_t i = 0; i < NCOUNTED; i++) {
		char *sql = xasprintf("SELECT count(*) FROM %s", counted[i]);
		out[i] = tdb_int(db, sql);
		free(sql);
	}
}

static int64_t store(struct db *db, int64_t article, const char *fixture)
{
	json_t *rec = tdb_fixture(fixture);
	int64_t id = -1;
	int rc = db_agreement_store(db, article, rec, tdb_time("2025-03-15", 0),
	                            &id);

	if (rc != DB_OK)
		fail_msg("storing %s: %s", fixture, db_errmsg(db));
	json_decref(rec);
	return id;
}

static void test_store_twice_is_idempotent(void **state)
{
	struct tdb *t = *state;
	int64_t art = tdb_article(t->db, 1, "2025-03-10");
	long long before[NCOUNTED], after[NCOUNTED];
	int64_t id1 = store(t->db, art, "mou_smk_poltek.json"), id2;

	assert_true(id1 > 0);
	counts(t->db, before);
	assert_int_equal(before[0], 1);
	assert_int_equal(before[1], 2);   /* parties */
	assert_int_equal(before[4], 2);   /* signatories */
	assert_int_equal(before[6], 1);   /* events */
	id2 = store(t->db, art, "mou_smk_poltek.json");
	assert_int_equal(id1, id2);
	counts(t->db, after);
	assert_memory_equal(before, after, sizeof before);
	/* even a different record for the same article changes nothing */
	assert_int_equal(store(t->db, art, "moa_ukm_pemkot.json"), id1);
	counts(t->db, after);
	assert_memory_equal(before, after, sizeof before);
	assert_int_equal(tdb_int(t->db, "SELECT agreement_id FROM articles"), id1);
}

static void test_two_reports_one_agreement(void **state)
{
	struct tdb *t = *state;
	int64_t a1 = tdb_article(t->db, 1, "2025-03-10");
	int64_t a2 = tdb_article(t->db, 2, "2025-03-13");
	int64_t id1 = store(t->db, a1, "mou_smk_poltek.json");
	int64_t id2 = store(t->db, a2, "mou_smk_poltek_second_report.json");
	json_t *ag = NULL;

	assert_int_equal(id1, id2);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM agreements"), 1);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM parties"), 2);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM agreement_sources"), 2);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM signatories"), 2);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM events"), 2);
	assert_int_equal(tdb_int(t->db,
		"SELECT count(*) FROM agreement_programs"), 3);
	/* The second report filled the country the first did not know. */
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM parties"
		" WHERE country IS NULL"), 0);

	assert_int_equal(db_query_agreement(t->db, id1, &ag), DB_OK);
	assert_string_equal(json_string_value(json_object_get(ag, "expires_on")),
	                    "2028-03-10");
	assert_string_equal(json_string_value(json_object_get(ag, "signed_on")),
	                    "2025-03-10");
	assert_int_equal(json_array_size(json_object_get(ag, "sources")), 2);
	assert_int_equal(json_array_size(json_object_get(ag, "parties")), 2);
	assert_true(json_is_object(json_object_get(ag, "record")));
	json_t *p1 = json_array_get(json_object_get(ag, "parties"), 1);
	assert_true(json_array_size(json_object_get(p1, "aliases")) >= 2);
	json_decref(ag);
}

static void test_same_parties_later_is_new(void **state)
{
	struct tdb *t = *state;
	int64_t a1 = tdb_article(t->db, 1, "2025-03-10");
	int64_t a2 = tdb_article(t->db, 2, "2027-02-02");
	int64_t id1 = store(t->db, a1, "mou_smk_poltek.json");
	int64_t id2 = store(t->db, a2, "renewal_smk_poltek_2027.json");

	assert_true(id2 > id1);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM parties"), 2);
	assert_int_equal(tdb_int(t->db, "SELECT count(DISTINCT party_key)"
		" FROM agreements"), 1);
}

static void test_no_agreement(void **state)
{
	struct tdb *t = *state;
	int64_t a = tdb_article(t->db, 1, "2025-03-10");
	int64_t id = store(t->db, a, "no_agreement.json");

	assert_int_equal(id, 0);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM articles"
		" WHERE state = 'no_agreement'"), 1);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM agreements"), 0);
}

/* Every bad_*.json fixture is refused with DB_EINVAL and leaves nothing. */
static void test_bad_records(void **state)
{
	struct tdb *t = *state;
	const char *top = getenv("top_srcdir");
	char *dir = xasprintf("%s/tests/fixtures/db", top && *top ? top : MW_SRCDIR);
	DIR *d = opendir(dir);
	struct dirent *e;
	int64_t art = tdb_article(t->db, 1, "2025-03-10"), id;
	int seen = 0;

	assert_non_null(d);
	while ((e = readdir(d))) {
		if (strncmp(e->d_name, "bad_", 4) != 0)
			continue;
		json_t *rec = tdb_fixture(e->d_name);
		assert_int_equal(db_agreement_store(t->db, art, rec, 1, &id), DB_EINVAL);
		assert_int_equal(id, 0);
		assert_true(strlen(db_errmsg(t->db)) > 10);
		json_decref(rec);
		seen++;
	}
	closedir(d);
	free(dir);
	assert_true(seen >= 2);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM parties"), 0);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM agreements"), 0);
	/* the connection still works afterwards */
	assert_true(store(t->db, art, "mou_smk_poltek.json") > 0);
}

/* Six worker processes store reports of the same agreement at once, each
 * on its own connection: the IMMEDIATE transactions serialize them, so
 * there is one agreement, two parties and six sources. */
static void test_concurrent_workers(void **state)
{
	struct tdb *t = *state;
	enum { N = 6 };
	int64_t arts[N];
	pid_t pids[N];
	int ok = 0;

	for (int i = 0; i < N; i++)
		arts[i] = tdb_article(t->db, i, "2025-03-10");
	for (int i = 0; i < N; i++) {
		pids[i] = fork();
		assert_true(pids[i] >= 0);
		if (pids[i] == 0) {
			struct db *db = db_open(t->path, NULL, NULL);
			json_t *rec = tdb_fixture(i % 2 ? "mou_smk_poltek.json"
			                         : "mou_smk_poltek_second_report.json");
			int rc = db ? db_agreement_store(db, arts[i], rec, 1, NULL) : -1;
			json_decref(rec);
			db_close(db);
			_exit(rc == DB_OK ? 0 : 1);
		}
	}
	for (int i = 0; i < N; i++) {
		int status;
		waitpid(pids[i], &status, 0);
		ok += WIFEXITED(status) && WEXITSTATUS(status) == 0;
	}
	assert_int_equal(ok, N);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM agreements"), 1);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM parties"), 2);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM agreement_sources"), N);
}

static void test_unknown_article(void **state)
{
	struct tdb *t = *state;
	json_t *rec = tdb_fixture("mou_smk_poltek.json");

	assert_int_equal(db_agreement_store(t->db, 77, rec, 1, NULL), DB_ENOTFOUND);
	json_decref(rec);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_store_twice_is_idempotent,
		                                tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_two_reports_one_agreement,
		                                tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_same_parties_later_is_new,
		                                tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_no_agreement, tdb_setup,
		                                tdb_teardown),
		cmocka_unit_test_setup_teardown(test_bad_records, tdb_setup,
		                                tdb_teardown),
		cmocka_unit_test_setup_teardown(test_concurrent_workers, tdb_setup,
		                                tdb_teardown),
		cmocka_unit_test_setup_teardown(test_unknown_article, tdb_setup,
		                                tdb_teardown),
	};
	return cmocka_run_group_tests_name("db_agreements", tests, NULL, NULL);
}
