/* remind.h: the daemon's reminder part: on a timer (every [reminders]
 * check_interval, and at start) it routes due reminders to the matching
 * channels (one delivery per reminder and channel) and delivers them by
 * webhook or e-mail through the fetch engine, retrying failures, in the
 * daemon's event loop. Mechanism and rules: docs/reminders.md.
 *
 * Ownership: remind_new() returns a struct the daemon frees with
 * remind_free(), which must run before fetch_engine_free(). */
#ifndef MW_REMIND_H
#define MW_REMIND_H

#include <stdbool.h>
#include <stdint.h>

struct daemon;
struct remind;

/* Prepares the tables, recovers deliveries cut off by a restart and
 * schedules the first pass. NULL (logged) when the database refuses. */
struct remind *remind_new(struct daemon *d);
/* Deliveries in flight go back to 'pending' (sent again at the next
 * start: receivers dedupe by webhook-id / Message-ID). NULL is fine. */
void remind_free(struct remind *r);
/* The held deliveries of channel name (disabled, or missing from the
 * configuration, until now) are pending again and a pass runs at once:
 * after 'mouwatch channel enable NAME'. Returns how many. NULL r: 0. */
int remind_release_channel(struct remind *r, const char *name, int64_t now);
/* A pass runs at once (after an operator's retry). NULL r is fine. */
void remind_wake(struct remind *r);
/* For --once: true when nothing is in flight and no reminder now due
 * waits for routing or for a delivery attempt before the --once deadline.
 * When something is due, it makes sure a pass runs soon. */
bool remind_idle(struct daemon *d);

#endif
