/* db_watch.h: what mouwatchd does while another process holds the
 * database's lock (db_watch.c). */
#ifndef MW_DB_WATCH_H
#define MW_DB_WATCH_H

#include "daemon.h"
#include "log.h"

#include <stddef.h>
#include <stdint.h>
#include <time.h>

/* The longest the event loop waits for a lock, per try (db_set_fail_fast). */
#define DAEMON_DB_WAIT_MS 50

/* Makes d->db an event loop's connection and starts the watch: a timer
 * that retries the write lock while it is held, logs the lock once when it
 * outlasts the configured busy_timeout and once when it is gone. */
void db_watch_start(struct daemon *d);
void db_watch_stop(void);
/* Since when the database has been locked (the earlier of the daemon's
 * connection and other's), 0 when it is not. other may be NULL. Inline:
 * the control methods' fuzz target has no loop to link. */
static inline int64_t db_watch_locked_since(const struct daemon *d, const struct db *other)
{
	int64_t a = db_locked_since(d->db), b = db_locked_since(other);

	return a && (!b || a < b) ? a : b;
}

/* The level to log a database failure at: debug while another process's
 * lock keeps the daemon out (db_watch.c reports that lock, once, when it
 * outlasts busy_timeout; a worker's transaction is shorter), else level. */
static inline enum log_level db_watch_level(const struct daemon *d, enum log_level level)
{
	return db_locked_since(d->db) ? LOG_LEVEL_DEBUG : level;
}

/* "2026-12-04T18:03:12Z" */
static inline void db_watch_time_text(int64_t t, char *buf, size_t n)
{
	time_t tt = (time_t)t;
	struct tm tm;

	gmtime_r(&tt, &tm);
	strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

#endif
