/* test_db_full.c: a full disk is reported as one (db_stmt.c): a write
 * that fails with EFBIG (the file size limit RLIMIT_FSIZE, which needs no
 * privileges to lower, stands in for ENOSPC) returns DB_EFULL with advice
 * naming the database's directory, and the same connection writes again
 * once there is room. */
#include "test_db_util.h"

#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>

static struct rlimit saved_fsize;

static void limit_fsize(rlim_t bytes)
{
	struct rlimit r = saved_fsize;

	r.rlim_cur = bytes;
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &r), 0);
}

static int full_setup(void **state)
{
	if (getrlimit(RLIMIT_FSIZE, &saved_fsize) != 0)
		return -1;
	signal(SIGXFSZ, SIG_IGN);  /* as mouwatchd and the workers do */
	return tdb_setup(state);
}

static int full_teardown(void **state)
{
	setrlimit(RLIMIT_FSIZE, &saved_fsize);
	return tdb_teardown(state);
}

static void test_full_disk_advice(void **state)
{
	struct tdb *t = *state;
	struct stat st;

	assert_int_equal(db_exec(t->db, "CREATE TABLE filler(b BLOB)", "creating a table"),
	                 DB_OK);
	assert_int_equal(db_exec(t->db, "PRAGMA wal_checkpoint(TRUNCATE)", "a checkpoint"),
	                 DB_OK);
	assert_int_equal(stat(t->path, &st), 0);
	limit_fsize((rlim_t)st.st_size);

	int rc = db_exec(t->db, "INSERT INTO filler VALUES (zeroblob(1000000))",
	                 "storing a blob");
	const char *msg = db_errmsg(t->db);
	if (rc != DB_EFULL)
		fail_msg("status %d, not DB_EFULL: %s (errno %d)", rc, msg,
			 sqlite3_system_errno(t->db->sqlite));
	char *want = xasprintf("the disk is full (or a file size limit was hit): free space "
	                       "on %s and mouwatch resumes by itself", t->dir);
	if (strstr(msg, want) == NULL)
		fail_msg("message '%s' lacks '%s'", msg, want);
	free(want);
	assert_non_null(strstr(msg, "storing a blob failed"));

	setrlimit(RLIMIT_FSIZE, &saved_fsize);
	assert_int_equal(db_exec(t->db, "INSERT INTO filler VALUES (zeroblob(1000000))",
	                         "storing a blob"), DB_OK);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM filler"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_full_disk_advice, full_setup,
		                                full_teardown),
	};
	return cmocka_run_group_tests_name("db_full", tests, NULL, NULL);
}
