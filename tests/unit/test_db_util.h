/* test_db_util.h: what the db unit tests share: a private temp dir with a
 * real database file, fixture loading from tests/fixtures/db, row counts,
 * and fixed clock values. Header-only so each test stays one program. */
#ifndef MW_TEST_DB_UTIL_H
#define MW_TEST_DB_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db_internal.h"
#include "xalloc.h"

#ifndef MW_SRCDIR
#define MW_SRCDIR "."
#endif

/* A temp dir with one database path in it. Owns both strings. */
struct tdb {
	char *dir, *path;
	struct db *db;
};

static inline void tdb_rm_rf(const char *dir)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "# could not remove %s\n", dir);
	free(cmd);
}

static inline struct db *tdb_open_opts(const char *path,
                                       const struct db_options *o)
{
	char *err = NULL;
	struct db *db = db_open(path, o, &err);
	if (!db)
		fprintf(stderr, "# db_open: %s\n", err);
	free(err);
	return db;
}

static inline int tdb_setup(void **state)
{
	struct tdb *t = xcalloc(1, sizeof *t);
	const char *tmp = getenv("TMPDIR");

	t->dir = xasprintf("%s/mw-dbtest.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(t->dir))
		return -1;
	t->path = xasprintf("%s/mouwatch.db", t->dir);
	t->db = tdb_open_opts(t->path, NULL);
	*state = t;
	return t->db ? 0 : -1;
}

static inline int tdb_teardown(void **state)
{
	struct tdb *t = *state;

	db_close(t->db);
	tdb_rm_rf(t->dir);
	free(t->dir);
	free(t->path);
	free(t);
	return 0;
}

/* Loads tests/fixtures/db/NAME; fails the test when it does not parse. */
static inline json_t *tdb_fixture(const char *name)
{
	const char *top = getenv("top_srcdir");
	char *path = xasprintf("%s/tests/fixtures/db/%s",
	                       top && *top ? top : MW_SRCDIR, name);
	json_error_t e;
	json_t *j = json_load_file(path, 0, &e);

	if (!j)
		fail_msg("fixture %s: %s (line %d)", path, e.text, e.line);
	free(path);
	return j;
}

/* The single integer result of sql (e.g. a count). */
static inline long long tdb_int(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	long long v = -1;

	assert_int_equal(sqlite3_prepare_v2(db->sqlite, sql, -1, &st, NULL),
	                 SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Unix time of "YYYY-MM-DD" at hh:00 UTC. */
static inline int64_t tdb_time(const char *date, int hour)
{
	return db_date_days(date) * 86400 + hour * 3600;
}

/* Inserts an article with a unique URL built from n; returns its id. */
static inline int64_t tdb_article(struct db *db, int n, const char *published)
{
	char url[64];
	struct db_article_new a = { .url = url, .title = "Fixture article",
		.text = "Teks berita penandatanganan nota kesepahaman.",
		.published_at = tdb_time(published, 3),
		.fetched_at = tdb_time(published, 4) };
	int64_t id = 0;
	bool fresh = false;

	snprintf(url, sizeof url, "https://news.example.id/berita/%d", n);
	assert_int_equal(db_article_insert_new(db, &a, &id, &fresh), DB_OK);
	assert_true(fresh);
	return id;
}

#endif
