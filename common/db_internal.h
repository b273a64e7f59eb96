/* db_internal.h: what the db_*.c files share and callers never see: the
 * connection struct, the prepared-statement cache, error reporting and
 * small helpers for binding and reading rows. */
#ifndef MW_DB_INTERNAL_H
#define MW_DB_INTERNAL_H

#include <sqlite3.h>

#include "db.h"

/* A cached statement, keyed by the address of its (static) SQL text. */
struct db_stmt_slot {
	const char *sql;
	sqlite3_stmt *stmt;
};

/* One connection. Owns sqlite, the cached statements, path and errmsg. */
struct db {
	sqlite3 *sqlite;
	char *path;
	char *errmsg;
	bool read_only;
	int busy_timeout_ms;
	int64_t busy_since_ms;         /* first try of the current wait */
	bool fail_fast;                /* db_set_fail_fast */
	int64_t locked_since;          /* Unix seconds; 0: not locked out */
	int64_t locked_mono_ms;        /* the same on the monotonic clock */
	int64_t retry_at_ms;           /* fail_fast: no wait before this */
	int reminder_time_utc;
	int tx_depth;                  /* open db_begin levels */
	/* Group commit (db_group_open): set while a group transaction is open. */
	void (*group_flush)(void *arg);
	void *group_arg;
	bool group_owner;              /* the group's owner is the one running */
	struct db_stmt_slot *stmts;
	size_t nstmts, capstmts;
};

/* Before another caller's statement: commits an open group first (see
 * db_group_open in db.h). */
void db_group_yield(struct db *db);

/* Returns the cached, reset statement for sql (a string literal: the cache
 * compares addresses), or NULL with the error recorded. */
sqlite3_stmt *db_stmt(struct db *db, const char *sql);

/* Records an error from SQLite code rc while doing `what`; returns the
 * matching enum db_status. */
int db_fail(struct db *db, int rc, const char *what);
/* Records a caller error (DB_EINVAL, DB_ENOTFOUND...) with a message. */
int db_failf(struct db *db, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The busy handler (db_lock.c): waits up to busy_timeout, or not at all
 * while a fail_fast connection is locked out. */
int db_busy_wait(void *arg, int tries);
/* A write went through: another process's lock no longer keeps us out. */
void db_lock_clear(struct db *db);

/* Runs one cached statement that returns no rows; resets it. */
int db_exec_stmt(struct db *db, sqlite3_stmt *st, const char *what);
/* Runs literal SQL (possibly several statements), no parameters. */
int db_exec(struct db *db, const char *sql, const char *what);

/* Bind helpers: NULL strings and zero times bind SQL NULL. */
void db_bind_text(sqlite3_stmt *st, int i, const char *s);
/* Binds at most max bytes of s, cut at a UTF-8 character boundary. */
void db_bind_text_max(sqlite3_stmt *st, int i, const char *s, size_t max);
void db_bind_time(sqlite3_stmt *st, int i, int64_t t);
/* A column as a new string (NULL for SQL NULL); caller frees. */
char *db_col_strdup(sqlite3_stmt *st, int i);

/* Steps st to the end, appending each row as a JSON object to arr. Column
 * names ending in "_json" are parsed as JSON and the suffix dropped.
 * Resets st. */
int db_rows_to_json(struct db *db, sqlite3_stmt *st, json_t *arr,
                    const char *what);
/* The first row of st as an object, or DB_ENOTFOUND. Resets st. */
int db_row_to_json(struct db *db, sqlite3_stmt *st, json_t **out,
                   const char *what);

/* Steps st into a new JSON array in *out (NULL on error). Resets st. */
int db_query_array(struct db *db, sqlite3_stmt *st, json_t **out,
                   const char *what);

/* Wraps fn(db, arg) in db_begin/db_commit, rolling back on error. */
int db_in_tx(struct db *db, int (*fn)(struct db *, void *), void *arg);

/* Schema (db_schema.c): brings the database to the latest version;
 * db_migrate_to stops at an older one (tests of the migrations). */
int db_migrate(struct db *db);
int db_migrate_to(struct db *db, int target);

/* Hex SHA-256 of text into out[65]; "" when text is NULL (db_articles.c). */
void db_content_hash(const char *text, char out[65]);

/* Text helpers (db_text.c). */
/* "Universitas  Negeri-Malang" -> "universitas negeri malang"; caller frees. */
char *db_name_normalize(const char *name);
/* Days since 1970-01-01 of "YYYY-MM-DD..." or -1 when malformed. */
int64_t db_date_days(const char *iso);
/* Writes "YYYY-MM-DD" for days since the epoch into buf[11]. */
void db_days_date(int64_t days, char buf[11]);

/* Parties (db_parties.c): the party id of one record party, matched by
 * normalized name or alias, or inserted. */
int db_party_resolve(struct db *db, const json_t *party, int64_t *id);

#endif
