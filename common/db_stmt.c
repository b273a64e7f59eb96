/* db_stmt.c: the per-connection prepared-statement cache, turning SQLite
 * result codes into enum db_status with a message that says what to do
 * (a full disk recognised by the errno behind an I/O error, too),
 * and the bind/column/JSON-row helpers the stores share. */
#include <errno.h>
#include <libgen.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "xalloc.h"

/* Primary result code -> our status and the advice given to the operator. */
static const struct {
	int code;
	int status;
	const char *advice;
} db_errors[] = {
	{ SQLITE_BUSY, DB_EBUSY,
	  "another process holds the lock; retry later, or look for a stuck "
	  "mouwatch process" },
	{ SQLITE_LOCKED, DB_EBUSY,
	  "a statement of this connection holds the table; retry later" },
	{ SQLITE_FULL, DB_EFULL, NULL },  /* full_advice() */
	{ SQLITE_READONLY, DB_EREADONLY,
	  "the database is read-only here; check the permissions of the file, "
	  "its -wal/-shm files and its directory, or use a read-write "
	  "connection" },
	{ SQLITE_CORRUPT, DB_ECORRUPT,
	  "the database is damaged; stop mouwatch, move the file away and "
	  "restore a backup (or let mouwatch create a new one)" },
	{ SQLITE_NOTADB, DB_ECORRUPT,
	  "the file is not an SQLite database; check the 'database' path in "
	  "the configuration" },
	{ SQLITE_CANTOPEN, DB_ERR,
	  "check that the directory exists and that mouwatch may write to it" },
	{ SQLITE_IOERR, DB_ERR, "check the disk and the kernel log" },
	{ SQLITE_PERM, DB_EREADONLY, "check the permissions of the file" },
	{ SQLITE_CONSTRAINT, DB_EINVAL,
	  "the data breaks a rule of the schema; this is a bug, report it" },
};

/* The errno values behind an I/O error that mean "no room to write": the
 * filesystem is full, a file size limit (RLIMIT_FSIZE) was hit, or the
 * user's disk quota is used up. */
static const int full_errnos[] = { ENOSPC, EFBIG, EDQUOT };

/* True when rc means there was no room to write. sqlite3_system_errno()
 * names the errno of the failed call, but SQLite 3.40 leaves it 0 after a
 * failed WAL write (EFBIG gives SQLITE_IOERR_WRITE with no errno
 * recorded), so the errno the failing call left (saved_errno, read before
 * anything else ran) is the fallback. */
static bool disk_full(struct db *db, int rc, int saved_errno)
{
	if ((rc & 0xff) == SQLITE_FULL)
		return true;
	if ((rc & 0xff) != SQLITE_IOERR || db->sqlite == NULL)
		return false;
	int e = sqlite3_system_errno(db->sqlite);
	if (e == 0)
		e = saved_errno;
	for (size_t i = 0; i < sizeof full_errnos / sizeof full_errnos[0]; i++)
		if (e == full_errnos[i])
			return true;
	return false;
}

/* The advice for a full disk, naming the database's directory. */
static char *full_advice(const struct db *db)
{
	char *dir = xstrdup(db->path ? db->path : ".");
	char *advice = xasprintf("the disk is full (or a file size limit was hit): free "
	                         "space on %s and mouwatch resumes by itself",
	                         dirname(dir));
	free(dir);
	return advice;
}

int db_fail(struct db *db, int rc, const char *what)
{
	int saved_errno = errno;
	const char *advice = "see the SQLite message";
	const char *msg = db->sqlite ? sqlite3_errmsg(db->sqlite)
	                             : sqlite3_errstr(rc);
	int status = DB_ERR;

	for (size_t i = 0; i < sizeof db_errors / sizeof db_errors[0]; i++) {
		if (db_errors[i].code == (rc & 0xff)) {
			status = db_errors[i].status;
			advice = db_errors[i].advice;
			break;
		}
	}
	char *full = NULL;
	if (disk_full(db, rc, saved_errno)) {
		status = DB_EFULL;
		advice = full = full_advice(db);
	}
	free(db->errmsg);
	db->errmsg = xasprintf("database %s: %s failed: %s (%s)", db->path,
	                       what, msg, advice);
	free(full);
	return status;
}

int db_failf(struct db *db, int status, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		fatal("out of memory formatting an error");
	va_end(ap);
	free(db->errmsg);
	db->errmsg = s;
	return status;
}

static sqlite3_stmt *db_stmt_lookup(struct db *db, const char *sql)
{
	for (size_t i = 0; i < db->nstmts; i++)
		if (db->stmts[i].sql == sql)
			return db->stmts[i].stmt;
	return NULL;
}

void db_group_open(struct db *db, void (*flush)(void *arg), void *arg)
{
	db->group_flush = flush;
	db->group_arg = arg;
	db->group_owner = false;
}

void db_group_close(struct db *db)
{
	db->group_flush = NULL;
	db->group_arg = NULL;
	db->group_owner = false;
}

void db_group_owner(struct db *db, bool running)
{
	db->group_owner = running;
}

void db_group_yield(struct db *db)
{
	void (*flush)(void *) = db->group_flush;

	if (flush == NULL || db->group_owner)
		return;
	db->group_flush = NULL; /* the flush's own COMMIT must not recurse */
	flush(db->group_arg);
}

sqlite3_stmt *db_stmt(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	int rc;

	db_group_yield(db);
	st = db_stmt_lookup(db, sql);

	if (st) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		return st;
	}
	rc = sqlite3_prepare_v3(db->sqlite, sql, -1, SQLITE_PREPARE_PERSISTENT,
	                        &st, NULL);
	if (rc != SQLITE_OK) {
		db_fail(db, rc, "preparing a statement");
		return NULL;
	}
	if (db->nstmts == db->capstmts) {
		db->capstmts = db->capstmts ? 2 * db->capstmts : 32;
		db->stmts = xrealloc(db->stmts, db->capstmts * sizeof *db->stmts);
	}
	db->stmts[db->nstmts].sql = sql;
	db->stmts[db->nstmts++].stmt = st;
	return st;
}

int db_exec_stmt(struct db *db, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return db_fail(db, rc, what);
	/* A write outside a transaction took the lock and let it go. */
	if (!sqlite3_stmt_readonly(st) && sqlite3_get_autocommit(db->sqlite))
		db_lock_clear(db);
	return DB_OK;
}

int db_exec(struct db *db, const char *sql, const char *what)
{
	db_group_yield(db);
	int rc = sqlite3_exec(db->sqlite, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? DB_OK : db_fail(db, rc, what);
}

void db_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

void db_bind_text_max(sqlite3_stmt *st, int i, const char *s, size_t max)
{
	size_t n = s ? strnlen(s, max + 1) : 0;

	if (s == NULL || n <= max) {
		db_bind_text(st, i, s);
		return;
	}
	n = max;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;   /* s[n] continues a character: cut before that character */
	sqlite3_bind_text(st, i, s, (int)n, SQLITE_TRANSIENT);
}

void db_bind_time(sqlite3_stmt *st, int i, int64_t t)
{
	if (t)
		sqlite3_bind_int64(st, i, t);
	else
		sqlite3_bind_null(st, i);
}

char *db_col_strdup(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return s ? xstrdup((const char *)s) : NULL;
}

static json_t *db_col_json(sqlite3_stmt *st, int i, bool parse)
{
	const char *s;

	switch (sqlite3_column_type(st, i)) {
	case SQLITE_INTEGER:
		return json_integer(sqlite3_column_int64(st, i));
	case SQLITE_FLOAT:
		return json_real(sqlite3_column_double(st, i));
	case SQLITE_NULL:
		return json_null();
	default:
		s = (const char *)sqlite3_column_text(st, i);
		if (parse) {
			json_t *v = json_loads(s, JSON_DECODE_ANY, NULL);
			if (v)
				return v;
		}
		return json_string(s);
	}
}

static json_t *db_row_object(sqlite3_stmt *st)
{
	json_t *o = json_object();
	int n = sqlite3_column_count(st);

	for (int i = 0; i < n; i++) {
		const char *name = sqlite3_column_name(st, i);
		size_t len = strlen(name);
		bool parse = len > 5 && strcmp(name + len - 5, "_json") == 0;
		size_t klen = parse ? len - 5 : len;
		char key[128];

		/* the name, without "_json"; no printf: a 10,000-row listing
		 * does this 150,000 times on the event loop */
		if (klen >= sizeof key)
			klen = sizeof key - 1;
		memcpy(key, name, klen);
		key[klen] = '\0';
		json_object_set_new_nocheck(o, key, db_col_json(st, i, parse));
	}
	return o;
}

int db_rows_to_json(struct db *db, sqlite3_stmt *st, json_t *arr,
                    const char *what)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		json_array_append_new(arr, db_row_object(st));
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? DB_OK : db_fail(db, rc, what);
}

int db_row_to_json(struct db *db, sqlite3_stmt *st, json_t **out,
                   const char *what)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW) {
		*out = db_row_object(st);
		sqlite3_reset(st);
		return DB_OK;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return db_failf(db, DB_ENOTFOUND, "%s: no such row", what);
	return db_fail(db, rc, what);
}

int db_query_array(struct db *db, sqlite3_stmt *st, json_t **out,
                   const char *what)
{
	int rc;

	*out = json_array();
	rc = db_rows_to_json(db, st, *out, what);
	if (rc != DB_OK) {
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}
