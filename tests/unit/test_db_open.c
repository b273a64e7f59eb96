/* test_db_open.c: opening the store on real files: pragmas, migrations
 * from version 0 and idempotent re-open, concurrent opens from several
 * processes, and the errors for busy, read-only, full and corrupt files. */
#include <sys/wait.h>
#include <unistd.h>

#include "test_db_util.h"

static long long pragma_int(struct db *db, const char *name)
{
	char *sql = xasprintf("PRAGMA %s", name);
	long long v = tdb_int(db, sql);
	free(sql);
	return v;
}

static void test_pragmas(void **state)
{
	struct tdb *t = *state;
	sqlite3_stmt *st;

	assert_int_equal(db_schema_version(t->db), db_schema_latest());
	assert_true(db_schema_latest() >= 1);
	assert_int_equal(pragma_int(t->db, "foreign_keys"), 1);
	assert_int_equal(pragma_int(t->db, "synchronous"), 1);  /* NORMAL */
	/* busy_timeout is our own handler's (db_busy_wait): see
	 * test_lock_released_is_waited_for and test_locked_returns_busy. */
	assert_int_equal(sqlite3_prepare_v2(t->db->sqlite, "PRAGMA journal_mode",
	                                    -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
	sqlite3_finalize(st);
}

/* A file made by plain SQLite (user_version 0, one unrelated table) is
 * migrated; opening again runs nothing and keeps the data. */
static void test_migrate_from_zero_and_reopen(void **state)
{
	struct tdb *t = *state;
	char *path = xasprintf("%s/zero.db", t->dir);
	sqlite3 *raw;
	struct db *db;

	assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
	assert_int_equal(sqlite3_exec(raw, "CREATE TABLE keep(x);"
		"INSERT INTO keep VALUES (42)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(raw);

	db = tdb_open_opts(path, NULL);
	assert_non_null(db);
	assert_int_equal(db_schema_version(db), db_schema_latest());
	assert_int_equal(db_feed_upsert(db, &(struct db_feed_config){
		.name = "f", .url = "https://example.org/rss" }, 1), DB_OK);
	long long tables = tdb_int(db,
		"SELECT count(*) FROM sqlite_master WHERE type = 'table'");
	db_close(db);

	db = tdb_open_opts(path, NULL);
	assert_non_null(db);
	assert_int_equal(tdb_int(db, "SELECT count(*) FROM sqlite_master"
		" WHERE type = 'table'"), tables);
	assert_int_equal(tdb_int(db, "SELECT count(*) FROM feeds"), 1);
	assert_int_equal(tdb_int(db, "SELECT x FROM keep"), 42);
	db_close(db);
	free(path);
}

/* A file at schema 1 holding data is brought forward at open, the data
 * kept and the new columns given their defaults. */
static void test_migrate_from_v1_keeps_data(void **state)
{
	struct tdb *t = *state;
	char *path = xasprintf("%s/v1.db", t->dir);
	struct db *old = xcalloc(1, sizeof *old), *db;

	old->path = xstrdup(path);
	assert_int_equal(sqlite3_open(path, &old->sqlite), SQLITE_OK);
	assert_int_equal(db_migrate_to(old, 1), DB_OK);
	assert_int_equal(db_schema_version(old), 1);
	assert_int_equal(db_exec(old, "INSERT INTO articles (url, url_norm,"
		" fetched_at, updated_at) VALUES ('https://x.id/a', 'https://x.id/a',"
		" 1, 1)", "seeding"), DB_OK);
	db_close(old);

	db = tdb_open_opts(path, NULL);
	assert_non_null(db);
	assert_int_equal(db_schema_version(db), db_schema_latest());
	assert_int_equal(tdb_int(db, "SELECT count(*) FROM articles"
		" WHERE page_state = 'pending' AND enqueued_at IS NULL"), 1);
	db_close(db);
	free(path);
}

/* v6 gives deliveries first_attempt_at: rows migrated from v5 take the
 * time of their earliest logged attempt; one never attempted keeps NULL. */
static void test_migrate_v5_first_attempt(void **state)
{
	struct tdb *t = *state;
	char *path = xasprintf("%s/v5.db", t->dir);
	struct db *old = xcalloc(1, sizeof *old), *db;

	old->path = xstrdup(path);
	assert_int_equal(sqlite3_open(path, &old->sqlite), SQLITE_OK);
	assert_int_equal(db_migrate_to(old, 5), DB_OK);
	/* Its reminder too: migration 7 copies deliveries with foreign keys on. */
	assert_int_equal(db_exec(old, "INSERT INTO reminders (id, kind, agreement_id,"
		" lead_days, target_date, due_at, created_at, updated_at) VALUES"
		" (7, 'agreement.new', 1, 0, '2026-01-01', 100, 100, 100)",
		"seeding a v5 reminder"), DB_OK);
	assert_int_equal(db_exec(old, "INSERT INTO deliveries (id, reminder_id, channel,"
		" attempts, next_attempt_at, webhook_id, created_at, updated_at) VALUES"
		" (1, 7, 'hook', 2, 500, 'w1', 100, 400),"
		" (2, 7, 'mail', 0, 500, 'w2', 100, 100);"
		"INSERT INTO delivery_attempts (delivery_id, attempted_at) VALUES"
		" (1, 400), (1, 300);", "seeding v5 deliveries"), DB_OK);
	db_close(old);

	db = tdb_open_opts(path, NULL);
	assert_non_null(db);
	assert_int_equal(db_schema_version(db), db_schema_latest());
	assert_int_equal(tdb_int(db, "SELECT first_attempt_at FROM deliveries WHERE id = 1"), 300);
	assert_int_equal(tdb_int(db, "SELECT count(*) FROM deliveries"
		" WHERE id = 2 AND first_attempt_at IS NULL"), 1);
	db_close(db);
	free(path);
}

/* v7: deliveries that failed only because their channel was disabled (a
 * 410) or missing from a reload are held (they go out when the channel is
 * back) and their reminders pending again; other failures stay failed,
 * and the attempt log survives the table's rebuild. */
static void test_migrate_v6_held(void **state)
{
	struct tdb *t = *state;
	char *path = xasprintf("%s/v6.db", t->dir);
	struct db *old = xcalloc(1, sizeof *old), *db;

	old->path = xstrdup(path);
	assert_int_equal(sqlite3_open(path, &old->sqlite), SQLITE_OK);
	assert_int_equal(db_migrate_to(old, 6), DB_OK);
	assert_int_equal(db_exec(old, "INSERT INTO reminders (id, kind, agreement_id,"
		" lead_days, target_date, due_at, state, created_at, updated_at) VALUES"
		" (1, 'agreement.new', 1, 0, '2026-01-01', 100, 'failed', 100, 100),"
		" (2, 'agreement.new', 2, 0, '2026-01-01', 100, 'failed', 100, 100);"
		"INSERT INTO deliveries (id, reminder_id, channel, state, attempts,"
		" next_attempt_at, last_status, last_error, webhook_id, created_at,"
		" updated_at) VALUES"
		" (1, 1, 'mail', 'failed', 0, 100, NULL, 'channel removed: mail is no longer"
		"  in the configuration', 'w1', 100, 100),"
		" (2, 1, 'hook', 'failed', 1, 100, 410, 'HTTP 410', 'w2', 100, 100),"
		" (3, 2, 'hook', 'failed', 0, 100, NULL, 'channel hook is disabled (410)', 'w3', 100, 100),"
		" (4, 2, 'down', 'failed', 9, 100, 500, 'HTTP 500', 'w4', 100, 100);"
		"INSERT INTO delivery_attempts (delivery_id, attempted_at, status_code)"
		" VALUES (2, 150, 410), (4, 160, 500);", "seeding v6 deliveries"), DB_OK);
	db_close(old);

	db = tdb_open_opts(path, NULL);
	assert_non_null(db);
	assert_int_equal(db_schema_version(db), db_schema_latest());
	assert_int_equal(tdb_int(db, "SELECT count(*) FROM deliveries WHERE state = 'held'"
		" AND id IN (1, 2, 3)"), 3);
	assert_int_equal(tdb_int(db, "SELECT count(*) FROM deliveries WHERE id = 4"
		" AND state = 'failed'"), 1);
	assert_int_equal(tdb_int(db, "SELECT count(*) FROM reminders WHERE state = 'pending'"), 2);
	assert_int_equal(tdb_int(db, "SELECT count(*) FROM delivery_attempts"), 2);
	assert_int_equal(db_delivery_update(db, 4, "held", 0, 0, NULL, 200), DB_OK);
	assert_int_equal(tdb_int(db, "SELECT count(*) FROM pragma_foreign_key_check('deliveries')"), 0);
	assert_int_equal(tdb_int(db, "SELECT count(*) FROM pragma_foreign_key_check('delivery_attempts')"), 0);
	assert_int_equal(tdb_int(db, "SELECT count(*) FROM pragma_foreign_key_list('delivery_attempts')"
		" WHERE \"table\" = 'deliveries'"), 1);
	db_close(db);
	free(path);
}

/* v9: the outbox's partial indexes, built over the rows a v8 database
 * already holds: each index has exactly the rows its WHERE names. */
static void test_migrate_v8_outbox_indexes(void **state)
{
	struct tdb *t = *state;
	char *path = xasprintf("%s/v8.db", t->dir);
	struct db *old = xcalloc(1, sizeof *old), *db;

	old->path = xstrdup(path);
	assert_int_equal(sqlite3_open(path, &old->sqlite), SQLITE_OK);
	assert_int_equal(db_migrate_to(old, 8), DB_OK);
	assert_int_equal(db_exec(old, "INSERT INTO articles (id, url, url_norm, fetched_at,"
		" state, page_state, enqueued_at, stream_id, updated_at) VALUES"
		" (1, 'u1', 'n1', 1, 'queued', 'fetched', NULL, NULL, 1),"   /* to send */
		" (2, 'u2', 'n2', 1, 'queued', 'pending', NULL, NULL, 1),"   /* page to fetch */
		" (3, 'u3', 'n3', 1, 'queued', 'fetched', 5, '1-3', 1),"     /* in the stream */
		" (4, 'u4', 'n4', 1, 'extracted', 'fetched', 5, '1-4', 1),"  /* done */
		" (5, 'u5', 'n5', 1, 'queued', 'skipped', NULL, NULL, 1)",  /* to send */
		"seeding v8 articles"), DB_OK);
	db_close(old);

	db = tdb_open_opts(path, NULL);
	assert_non_null(db);
	assert_int_equal(db_schema_version(db), db_schema_latest());
	assert_int_equal(tdb_int(db, "SELECT count(*) FROM articles"
		" INDEXED BY articles_to_enqueue WHERE state = 'queued' AND page_state <> 'pending'"
		" AND enqueued_at IS NULL AND duplicate_of IS NULL"), 2);
	assert_int_equal(tdb_int(db, "SELECT sum(id * id) FROM articles"
		" INDEXED BY articles_to_enqueue WHERE state = 'queued' AND page_state <> 'pending'"
		" AND enqueued_at IS NULL AND duplicate_of IS NULL"), 1 + 25); /* 1 and 5 */
	assert_int_equal(tdb_int(db, "SELECT group_concat(id) FROM articles"
		" INDEXED BY articles_page_pending WHERE state = 'queued' AND page_state = 'pending'"), 2);
	assert_int_equal(tdb_int(db, "SELECT group_concat(id) FROM articles"
		" INDEXED BY articles_in_stream WHERE state = 'queued' AND stream_id IS NOT NULL"
		" AND duplicate_of IS NULL"), 3);
	db_close(db);
	free(path);
}

static void test_newer_schema_refused(void **state)
{
	struct tdb *t = *state;
	char *path = xasprintf("%s/future.db", t->dir), *err = NULL;
	sqlite3 *raw;

	assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
	assert_int_equal(sqlite3_exec(raw, "PRAGMA user_version = 999", NULL,
	                              NULL, NULL), SQLITE_OK);
	sqlite3_close(raw);
	assert_null(db_open(path, NULL, &err));
	assert_non_null(strstr(err, "upgrade mouwatch"));
	free(err);
	free(path);
}

static void test_two_connections(void **state)
{
	struct tdb *t = *state;
	struct db *db2 = tdb_open_opts(t->path, NULL);
	struct db_feed f;

	assert_non_null(db2);
	assert_int_equal(db_feed_upsert(t->db, &(struct db_feed_config){
		.name = "a", .url = "https://a.example/rss" }, 10), DB_OK);
	assert_int_equal(db_feed_get(db2, "a", &f), DB_OK);
	assert_string_equal(f.url, "https://a.example/rss");
	db_feed_free(&f);
	db_close(db2);
}

/* Several processes open (and so migrate) a new file at the same time. */
static void test_concurrent_first_open(void **state)
{
	struct tdb *t = *state;
	char *path = xasprintf("%s/race.db", t->dir);
	pid_t pids[6];
	int ok = 0;

	for (int i = 0; i < 6; i++) {
		pids[i] = fork();
		assert_true(pids[i] >= 0);
		if (pids[i] == 0) {
			struct db *db = db_open(path, NULL, NULL);
			int rc = db && db_schema_version(db) == db_schema_latest();
			db_close(db);
			_exit(rc ? 0 : 1);
		}
	}
	for (int i = 0; i < 6; i++) {
		int status;
		waitpid(pids[i], &status, 0);
		ok += WIFEXITED(status) && WEXITSTATUS(status) == 0;
	}
	assert_int_equal(ok, 6);
	free(path);
}

/* Another process holds the write lock for a moment: our write waits for
 * it (the busy handler) and succeeds. */
static void test_lock_released_is_waited_for(void **state)
{
	struct tdb *t = *state;
	struct db_options o = { .busy_timeout_ms = 10000 };
	struct db *db = tdb_open_opts(t->path, &o);
	int ready[2];
	char c;

	assert_non_null(db);
	assert_int_equal(pipe(ready), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		sqlite3 *holder;
		if (sqlite3_open(t->path, &holder) != SQLITE_OK ||
		    sqlite3_exec(holder, "BEGIN EXCLUSIVE", NULL, NULL, NULL) != SQLITE_OK)
			_exit(1);
		if (write(ready[1], "x", 1) != 1)
			_exit(1);
		usleep(150000);
		sqlite3_exec(holder, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close(holder);
		_exit(0);
	}
	close(ready[1]);
	assert_int_equal(read(ready[0], &c, 1), 1);   /* the lock is held */
	assert_int_equal(db_feed_upsert(db, &(struct db_feed_config){
		.name = "c", .url = "https://c.example/rss" }, 10), DB_OK);
	int status = 0;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	close(ready[0]);
	db_close(db);
}

/* A second connection holds the write lock: our write waits busy_timeout,
 * then returns DB_EBUSY with a message that says what to do. */
static void test_locked_returns_busy(void **state)
{
	struct tdb *t = *state;
	struct db_options o = { .busy_timeout_ms = 200 };
	struct db *db = tdb_open_opts(t->path, &o);
	sqlite3 *holder;
	int rc;

	assert_non_null(db);
	assert_int_equal(sqlite3_open(t->path, &holder), SQLITE_OK);
	assert_int_equal(sqlite3_exec(holder, "BEGIN EXCLUSIVE", NULL, NULL,
	                              NULL), SQLITE_OK);
	rc = db_feed_upsert(db, &(struct db_feed_config){
		.name = "b", .url = "https://b.example/rss" }, 10);
	assert_int_equal(rc, DB_EBUSY);
	assert_non_null(strstr(db_errmsg(db), "locked"));
	assert_non_null(strstr(db_errmsg(db), "retry"));
	assert_int_equal(db_begin(db), DB_EBUSY);
	sqlite3_exec(holder, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(holder);
	assert_int_equal(db_feed_upsert(db, &(struct db_feed_config){
		.name = "b", .url = "https://b.example/rss" }, 10), DB_OK);
	db_close(db);
}

/* An event loop's connection (db_set_fail_fast) while another holds the
 * write lock: writes fail with DB_EBUSY, the connection remembers since
 * when it is locked out (the same time however often it tries), reads go
 * on (WAL), and once the lock is gone a probe clears the state. */
static void test_fail_fast_locked_out(void **state)
{
	struct tdb *t = *state;
	struct db *db = tdb_open_opts(t->path, NULL);
	struct db_feed_config fc = { .name = "d", .url = "https://d.example/rss" };
	sqlite3 *holder;

	assert_non_null(db);
	db_set_fail_fast(db, 20);
	assert_int_equal(db_locked_since(db), 0);
	assert_int_equal(db_probe_write(db), DB_OK);
	assert_int_equal(sqlite3_open(t->path, &holder), SQLITE_OK);
	assert_int_equal(sqlite3_exec(holder, "BEGIN EXCLUSIVE", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(db_feed_upsert(db, &fc, 10), DB_EBUSY);
	int64_t since = db_locked_since(db);
	assert_true(since > 0);
	for (int i = 0; i < 5; i++) {
		assert_int_equal(db_feed_upsert(db, &fc, 10), DB_EBUSY);
		assert_int_equal(db_probe_write(db), DB_EBUSY);
	}
	assert_int_equal(db_locked_since(db), since);
	assert_int_equal(tdb_int(db, "SELECT count(*) FROM feeds WHERE name = 'd'"), 0);
	sqlite3_exec(holder, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(holder);
	/* The next retry is due within a second. */
	int rc = DB_EBUSY;
	for (int i = 0; i < 300 && rc == DB_EBUSY; i++) {
		rc = db_probe_write(db);
		if (rc == DB_EBUSY)
			usleep(10000);
	}
	assert_int_equal(rc, DB_OK);
	assert_int_equal(db_locked_since(db), 0);
	assert_int_equal(db_feed_upsert(db, &fc, 10), DB_OK);
	db_close(db);
}

static void test_read_only_refuses_writes(void **state)
{
	struct tdb *t = *state;
	struct db_options o = { .read_only = true };
	struct db *ro;
	json_t *feeds = NULL;

	assert_int_equal(db_feed_upsert(t->db, &(struct db_feed_config){
		.name = "c", .url = "https://c.example/rss" }, 10), DB_OK);
	ro = tdb_open_opts(t->path, &o);
	assert_non_null(ro);
	assert_int_equal(db_query_feeds(ro, NULL, 0, &feeds), DB_OK);
	assert_int_equal(json_array_size(feeds), 1);
	json_decref(feeds);
	assert_int_equal(db_feed_upsert(ro, &(struct db_feed_config){
		.name = "d", .url = "https://d.example/rss" }, 10), DB_EREADONLY);
	assert_non_null(strstr(db_errmsg(ro), "read-only"));
	db_close(ro);
}

static void test_read_only_missing_file(void **state)
{
	struct tdb *t = *state;
	struct db_options o = { .read_only = true };
	char *path = xasprintf("%s/none.db", t->dir), *err = NULL;

	assert_null(db_open(path, &o, &err));
	assert_non_null(strstr(err, "none.db"));
	assert_int_equal(access(path, F_OK), -1);   /* not created */
	free(err);
	free(path);
	assert_null(db_open("", NULL, &err));
	assert_non_null(strstr(err, "database"));
	free(err);
}

static void test_corrupt_file(void **state)
{
	struct tdb *t = *state;
	char *path = xasprintf("%s/garbage.db", t->dir), *err = NULL;
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	for (int i = 0; i < 512; i++)
		fputs("this is not a database ", f);
	fclose(f);
	assert_null(db_open(path, NULL, &err));
	assert_non_null(strstr(err, "not"));
	assert_non_null(strstr(err, "database"));
	free(err);
	free(path);
}

/* SQLITE_FULL, simulated with a page limit on the file. */
static void test_full_database(void **state)
{
	struct tdb *t = *state;
	size_t n = 64 * 1024;
	char *text = xmalloc(n + 1);
	struct db_article_new a = { .url = "https://big.example/1",
		.text = text, .fetched_at = 1 };

	memset(text, 'x', n);
	text[n] = '\0';
	/* SQLite raises the limit to the current size: no room left. */
	sqlite3_exec(t->db->sqlite, "PRAGMA max_page_count = 1", NULL, NULL, NULL);
	assert_int_equal(db_article_insert_new(t->db, &a, NULL, NULL), DB_EFULL);
	assert_non_null(strstr(db_errmsg(t->db), "disk is full"));
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_pragmas, tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_migrate_from_zero_and_reopen,
		                                tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_migrate_v5_first_attempt,
		                                tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_migrate_v6_held, tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_migrate_v8_outbox_indexes, tdb_setup,
		                                tdb_teardown),
		cmocka_unit_test_setup_teardown(test_migrate_from_v1_keeps_data,
		                                tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_newer_schema_refused, tdb_setup,
		                                tdb_teardown),
		cmocka_unit_test_setup_teardown(test_two_connections, tdb_setup,
		                                tdb_teardown),
		cmocka_unit_test_setup_teardown(test_concurrent_first_open, tdb_setup,
		                                tdb_teardown),
		cmocka_unit_test_setup_teardown(test_lock_released_is_waited_for, tdb_setup,
		                                tdb_teardown),
		cmocka_unit_test_setup_teardown(test_locked_returns_busy, tdb_setup,
		                                tdb_teardown),
		cmocka_unit_test_setup_teardown(test_fail_fast_locked_out, tdb_setup,
		                                tdb_teardown),
		cmocka_unit_test_setup_teardown(test_read_only_refuses_writes,
		                                tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_read_only_missing_file,
		                                tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_corrupt_file, tdb_setup,
		                                tdb_teardown),
		cmocka_unit_test_setup_teardown(test_full_database, tdb_setup,
		                                tdb_teardown),
	};
	return cmocka_run_group_tests_name("db_open", tests, NULL, NULL);
}
