/* db_lock.c: waiting for another process's lock. The busy handler every
 * connection uses, and for an event loop's connection (fail_fast) the
 * "locked out" state: once a wait gave up, the next calls give up at once
 * until a retry is due, so the loop never waits more than busy_timeout
 * (tens of ms in mouwatchd) per retry, however long the lock lasts. */
#include "db_internal.h"

#include <time.h>
#include <unistd.h>

/* fail_fast: the first retry after a give-up, and the longest gap. */
#define DB_RETRY_FIRST_MS 100
#define DB_RETRY_MAX_MS 1000

static int64_t db_monotonic_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* A wait gave up: the lock is someone else's for now. Retries come 100 ms
 * later at first, then at half the time locked so far, at most 1 s. */
static void db_note_locked(struct db *db, int64_t now)
{
	if (db->locked_since == 0) {
		db->locked_since = (int64_t)time(NULL);
		db->locked_mono_ms = now;
	}
	int64_t gap = (now - db->locked_mono_ms) / 2;
	if (gap < DB_RETRY_FIRST_MS)
		gap = DB_RETRY_FIRST_MS;
	if (gap > DB_RETRY_MAX_MS)
		gap = DB_RETRY_MAX_MS;
	db->retry_at_ms = now + gap;
}

/* SQLite's own handler sleeps in steps that grow to 100 ms, so a daemon
 * waiting behind workers that take the lock in turn kept missing the
 * moments it was free (the soak: deliveries at a few a second while
 * workers stored). This one looks every millisecond for the first 50 ms,
 * then every 5 ms, until busy_timeout has passed since the first try. */
int db_busy_wait(void *arg, int tries)
{
	struct db *db = arg;
	int64_t now = db_monotonic_ms();

	if (tries == 0) {
		if (db->fail_fast && db->locked_since && now < db->retry_at_ms)
			return 0;   /* locked out: no wait until the retry */
		db->busy_since_ms = now;
	}
	if (now - db->busy_since_ms >= db->busy_timeout_ms) {
		db_note_locked(db, now);
		return 0;   /* give up: SQLITE_BUSY */
	}
	usleep(now - db->busy_since_ms < 50 ? 1000 : 5000);
	return 1;
}

void db_lock_clear(struct db *db)
{
	db->locked_since = 0;
	db->locked_mono_ms = 0;
	db->retry_at_ms = 0;
}

void db_set_fail_fast(struct db *db, int busy_timeout_ms)
{
	db->fail_fast = true;
	if (busy_timeout_ms > 0)
		db->busy_timeout_ms = busy_timeout_ms;
}

int64_t db_locked_since(const struct db *db)
{
	return db ? db->locked_since : 0;
}

int db_probe_write(struct db *db)
{
	if (db->tx_depth > 0 || db->read_only)
		return DB_OK;
	int rc = db_begin(db);   /* clears the state when it takes the lock */
	if (rc == DB_OK)
		db_rollback(db);
	return rc;
}
