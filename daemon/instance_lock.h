/* instance_lock.h: one daemon per state directory and per database. Two
 * mouwatchd on one database would poll and deliver in parallel (every
 * reminder sent twice), and a second one on the same state_dir would
 * replace the first one's embedded Redis socket. mouwatchd therefore takes
 * two exclusive flock(2) locks before it opens the database or starts
 * Redis, workers or the control socket: on <state_dir>/mouwatchd.lock
 * (which holds its PID) and on the database file itself. The kernel drops
 * them when the process ends, however it ends. */
#ifndef MW_INSTANCE_LOCK_H
#define MW_INSTANCE_LOCK_H

#include <stdbool.h>
#include <stddef.h>

struct instance_lock {
	int state_fd;   /* <state_dir>/mouwatchd.lock, or -1 */
	int db_fd;      /* the database file, or -1 */
};

/* Takes both locks. On failure fills why (a whole sentence naming the
 * other daemon's PID and what to do) and returns false; nothing is held. */
bool instance_lock_take(struct instance_lock *l, const char *state_dir,
			const char *database, char *why, size_t why_len);
/* Releases the locks; call after the database is closed (closing a
 * descriptor of the database file earlier would drop SQLite's own
 * POSIX locks, see fcntl(2)). */
void instance_lock_release(struct instance_lock *l);

#endif
