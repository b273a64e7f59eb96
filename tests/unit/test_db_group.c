/* test_db_group.c: group commit on one connection: while a group
 * transaction is open and its owner is not running, anyone else's
 * statement or transaction first commits the group, so a later failure of
 * the group never rolls back another caller's write. */
#include "test_db_util.h"

struct group { struct db *db; int flushes; };

static void flush(void *arg)
{
	struct group *g = arg;
	g->flushes++;
	db_group_close(g->db);
	assert_int_equal(db_commit(g->db), DB_OK);
}

static void open_group(struct group *g)
{
	assert_int_equal(db_begin(g->db), DB_OK);
	db_group_open(g->db, flush, g);
}

static void test_owner_statements_stay_in_the_group(void **state)
{
	struct tdb *t = *state;
	struct group g = { t->db, 0 };
	struct db_feed_config fc = { "mine", "https://example.org/feed", "id", 900 };

	open_group(&g);
	db_group_owner(t->db, true);
	assert_int_equal(db_feed_upsert(t->db, &fc, 1000), DB_OK);
	assert_int_equal(db_begin(t->db), DB_OK);   /* a savepoint inside */
	assert_int_equal(db_commit(t->db), DB_OK);
	db_group_owner(t->db, false);
	assert_int_equal(g.flushes, 0);
	db_group_close(t->db);
	db_rollback(t->db);
}

static void test_other_caller_commits_the_group_first(void **state)
{
	struct tdb *t = *state;
	struct group g = { t->db, 0 };
	struct db_feed_config fc = { "grouped", "https://example.org/feed", "id", 900 };

	open_group(&g);
	db_group_owner(t->db, true);
	assert_int_equal(db_feed_upsert(t->db, &fc, 1000), DB_OK);
	db_group_owner(t->db, false);
	/* Another part of the daemon writes: the group is committed first. */
	assert_int_equal(db_begin(t->db), DB_OK);
	assert_int_equal(g.flushes, 1);
	assert_int_equal(db_feed_set_paused(t->db, "grouped", true), DB_OK);
	db_rollback(t->db);   /* its own failure does not undo the group */
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM feeds WHERE name = 'grouped'"), 1);
	assert_int_equal(tdb_int(t->db, "SELECT paused FROM feeds WHERE name = 'grouped'"), 0);
}

static void test_plain_statement_also_yields(void **state)
{
	struct tdb *t = *state;
	struct group g = { t->db, 0 };
	struct db_feed_config fc = { "other", "https://example.org/feed", "id", 900 };

	assert_int_equal(db_feed_upsert(t->db, &fc, 1000), DB_OK);
	open_group(&g);
	assert_int_equal(db_feed_set_paused(t->db, "other", true), DB_OK);
	assert_int_equal(g.flushes, 1);
	assert_int_equal(t->db->tx_depth, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_owner_statements_stay_in_the_group, tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_other_caller_commits_the_group_first, tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_plain_statement_also_yields, tdb_setup, tdb_teardown),
	};
	return cmocka_run_group_tests_name("db_group", tests, NULL, NULL);
}
