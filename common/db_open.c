/* db_open.c: opening a connection (pragmas, read-only mode, migrations),
 * closing it, and the transaction helpers. */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"

#include <unistd.h>
#include "log.h"
#include "xalloc.h"

#define DB_DEFAULT_BUSY_MS 5000

static int db_set_pragmas(struct db *db)
{
	int rc;

	rc = sqlite3_busy_handler(db->sqlite, db_busy_wait, db);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, "setting the busy handler");
	rc = db_exec(db, "PRAGMA foreign_keys=ON", "enabling foreign keys");
	if (rc != DB_OK)
		return rc;
	if (db->read_only)
		return db_exec(db, "PRAGMA query_only=ON", "setting query_only");
	/* WAL is persistent in the file; switching needs a short exclusive
	 * lock. SQLite does not always call the busy handler for it (several
	 * processes opening a new file at once), so it is retried here for
	 * as long as the busy timeout. */
	for (int waited = 0;; waited += 10) {
		rc = db_exec(db, "PRAGMA journal_mode=WAL", "switching to WAL mode");
		if (rc != DB_EBUSY || waited >= db->busy_timeout_ms)
			break;
		usleep(10000);
	}
	if (rc != DB_OK)
		return rc;
	return db_exec(db, "PRAGMA synchronous=NORMAL", "setting synchronous");
}

static void db_take_options(struct db *db, const struct db_options *o)
{
	db->busy_timeout_ms = DB_DEFAULT_BUSY_MS;
	if (!o)
		return;
	if (o->busy_timeout_ms > 0)
		db->busy_timeout_ms = o->busy_timeout_ms;
	db->read_only = o->read_only;
	if (o->reminder_time_utc > 0 && o->reminder_time_utc < 86400)
		db->reminder_time_utc = o->reminder_time_utc;
}

/* The version check a read-only connection can do: it cannot migrate. */
static int db_check_version_ro(struct db *db)
{
	int v = db_schema_version(db);

	if (v < 0)
		return v;
	if (v != db_schema_latest())
		return db_failf(db, DB_ESCHEMA,
			"database %s has schema version %d, this program needs %d: "
			"start mouwatchd (read-write) once to migrate it, or upgrade "
			"mouwatch", db->path, v, db_schema_latest());
	return DB_OK;
}

struct db *db_open(const char *path, const struct db_options *opts,
                   char **errmsg)
{
	struct db *db;
	int flags, rc;

	if (!path || !*path) {
		if (errmsg)
			*errmsg = xstrdup("no database path given: set 'database' "
			                  "in [daemon] of the configuration");
		return NULL;
	}
	db = xcalloc(1, sizeof *db);
	db->path = xstrdup(path);
	db_take_options(db, opts);
	flags = db->read_only ? SQLITE_OPEN_READONLY
	                      : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	rc = sqlite3_open_v2(db->path, &db->sqlite, flags | SQLITE_OPEN_NOMUTEX,
	                     NULL);
	if (rc != SQLITE_OK) {
		db_fail(db, rc, "opening the database");
	} else if (sqlite3_extended_result_codes(db->sqlite, 1),
	           db_set_pragmas(db) == DB_OK) {
		rc = db->read_only ? db_check_version_ro(db) : db_migrate(db);
		if (rc == DB_OK)
			return db;
	}
	if (errmsg)
		*errmsg = xstrdup(db->errmsg ? db->errmsg : "cannot open database");
	db_close(db);
	return NULL;
}

void db_close(struct db *db)
{
	if (!db)
		return;
	for (size_t i = 0; i < db->nstmts; i++)
		sqlite3_finalize(db->stmts[i].stmt);
	free(db->stmts);
	if (db->sqlite && sqlite3_close(db->sqlite) != SQLITE_OK)
		log_warn("closing database %s: %s", db->path,
		         sqlite3_errmsg(db->sqlite));
	free(db->path);
	free(db->errmsg);
	free(db);
}

const char *db_errmsg(const struct db *db)
{
	return db && db->errmsg ? db->errmsg : "no error";
}

int db_begin(struct db *db)
{
	char sql[32];
	int rc;

	db_group_yield(db);
	if (db->tx_depth == 0)
		rc = db_exec(db, "BEGIN IMMEDIATE", "starting a write transaction");
	else {
		snprintf(sql, sizeof sql, "SAVEPOINT s%d", db->tx_depth);
		rc = db_exec(db, sql, "starting a savepoint");
	}
	if (rc != DB_OK)
		return rc;
	if (db->tx_depth++ == 0)
		db_lock_clear(db);   /* BEGIN IMMEDIATE took the write lock */
	return DB_OK;
}

int db_commit(struct db *db)
{
	char sql[32];
	int rc;

	if (db->tx_depth <= 0)
		return db_failf(db, DB_EINVAL, "db_commit without db_begin (bug)");
	if (db->tx_depth == 1)
		rc = db_exec(db, "COMMIT", "committing");
	else {
		snprintf(sql, sizeof sql, "RELEASE s%d", db->tx_depth - 1);
		rc = db_exec(db, sql, "releasing a savepoint");
	}
	if (rc != DB_OK) {
		db_rollback(db);
		return rc;
	}
	db->tx_depth--;
	return DB_OK;
}

void db_rollback(struct db *db)
{
	char sql[64];

	if (db->tx_depth <= 0)
		return;
	if (db->tx_depth == 1) {
		/* Keep the error that made us roll back, not this one. */
		if (!sqlite3_get_autocommit(db->sqlite))
			sqlite3_exec(db->sqlite, "ROLLBACK", NULL, NULL, NULL);
	} else {
		snprintf(sql, sizeof sql, "ROLLBACK TO s%d; RELEASE s%d",
		         db->tx_depth - 1, db->tx_depth - 1);
		sqlite3_exec(db->sqlite, sql, NULL, NULL, NULL);
	}
	db->tx_depth--;
}

int db_in_tx(struct db *db, int (*fn)(struct db *, void *), void *arg)
{
	int rc = db_begin(db);

	if (rc != DB_OK)
		return rc;
	rc = fn(db, arg);
	if (rc != DB_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}
