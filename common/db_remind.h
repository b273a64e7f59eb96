/* db_remind.h: what reminder delivery needs from SQLite beyond db.h:
 * recovery of deliveries cut off by a restart, per-reminder progress,
 * the next retry time, channels disabled by a 410 (kept across restarts)
 * and the day of the last digest per channel. Same conventions as db.h:
 * DB_OK or a negative enum db_status, db_errmsg() says what failed.
 *
 * Its two small tables (remind_channels, remind_digests) come with schema
 * version 4 (db_schema.c). */
#ifndef MW_DB_REMIND_H
#define MW_DB_REMIND_H

#include "db.h"

/* Deliveries left 'sending' by a process that died are 'pending' again,
 * due now (the receiver dedupes by webhook-id / Message-ID). *n (may be
 * NULL) gets how many. */
int db_remind_recover(struct db *db, int64_t now, int *n);

/* How the deliveries of a reminder stand. */
struct db_remind_progress {
	int open;        /* pending, sending or held */
	int delivered;
	int failed;
};
int db_remind_progress(struct db *db, int64_t reminder_id,
		       struct db_remind_progress *out);
/* The earliest next_attempt_at of a pending delivery; *at = 0 when none. */
int db_remind_next_attempt(struct db *db, int64_t *at);
/* Reminders pending and due by now that have no delivery yet. */
int db_remind_unrouted(struct db *db, int64_t now, int *n);
/* Pending deliveries with next_attempt_at <= until, plus those sending. */
int db_remind_open_until(struct db *db, int64_t until, int *n);

/* A channel turned off by its receiver (HTTP 410). reason NULL: enable. */
int db_remind_channel_set_disabled(struct db *db, const char *channel,
				   const char *reason, int64_t now);
/* *reason: NULL when enabled, else the reason (caller frees). */
int db_remind_channel_disabled(struct db *db, const char *channel,
			       char **reason);

/* Every channel named by a delivery or a remind_channels row, with its
 * disabled_reason / disabled_at (null when enabled) and how many of its
 * deliveries are pending (or sending), held, failed and delivered: an
 * array of objects {name, disabled_reason, disabled_at, pending, held,
 * failed, delivered} sorted by name (*out: new reference). */
int db_remind_channel_stats(struct db *db, json_t **out);
/* Deliveries in state ("pending": not yet in flight; "sending": marked
 * in flight; "held": waiting for their channel): [{id, reminder_id,
 * channel}] by id. */
int db_remind_in_state(struct db *db, const char *state, json_t **out);

/* Held deliveries: those whose channel is disabled or missing from the
 * configuration wait in state 'held' (not attempted, not failed).
 * db_remind_release makes the held deliveries of channel pending, due now,
 * with a new give_up_after window; *n (may be NULL) gets how many.
 * db_remind_held_channels: [{name, held}] of every channel with some. */
int db_remind_release(struct db *db, const char *channel, int64_t now, int *n);
int db_remind_held_channels(struct db *db, json_t **out);
/* The channels ([{name}]) of failed deliveries of failed reminders: of
 * reminder_id (0: any), to channel (NULL: any). What a retry would send. */
int db_remind_failed_channels(struct db *db, int64_t reminder_id,
			      const char *channel, json_t **out);
/* 'mouwatch reminder retry --failed [--channel NAME]': every failed
 * reminder with a failed delivery (to channel; NULL: any) is pending
 * again and those deliveries pending, due now, in one transaction. */
int db_remind_retry_failed(struct db *db, const char *channel, int64_t now,
			   int *reminders, int *deliveries);

/* The local day ("YYYY-MM-DD") the last digest went to channel; *day NULL
 * when never (caller frees). */
int db_remind_digest_day(struct db *db, const char *channel, char **day);
int db_remind_digest_set_day(struct db *db, const char *channel,
			     const char *day);

#endif
