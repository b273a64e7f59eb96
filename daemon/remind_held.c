/* remind_held.c: held deliveries (see remind_int.h). A delivery whose
 * channel is disabled (a 410) or missing from the configuration (a
 * reload) waits in state 'held' instead of failing; it goes out again
 * when 'mouwatch channel enable' turns the channel back on, or when the
 * first pass after a reload (or a start) finds the channel configured
 * and enabled. Rules: docs/reminders.md. */
#include "remind.h"
#include "remind_int.h"
#include "db_remind.h"
#include "log.h"
#include "xalloc.h"

#include <stdlib.h>

/* The error of a delivery whose channel a reload removed (caller frees). */
static char *removed_reason(const char *name)
{
	return xasprintf("channel removed: %s is no longer in the configuration; the delivery "
			 "waits and goes out when a reload brings the channel back", name);
}

/* A delivery that cannot go to its channel now waits for it ('held');
 * false when that could not be written. */
bool remind_hold_row(struct remind *r, const json_t *row, const char *why, int64_t now)
{
	int64_t id = (int64_t)json_integer_value(json_object_get(row, "id"));

	if (db_delivery_update(r->d->db, id, "held", 0, 0, why, now) != DB_OK)
		return false;
	log_info("delivery %lld to channel %s held: %s", (long long)id,
		 json_string_value(json_object_get(row, "channel")), why);
	return true;
}

/* Why the channel cannot take deliveries, or NULL (caller frees). */
char *remind_channel_refusal(struct remind *r, const char *name)
{
	char *disabled = NULL;

	if (!config_channel(r->d->cfg, name))
		return removed_reason(name);
	if (db_remind_channel_disabled(r->d->db, name, &disabled) == DB_OK && disabled) {
		char *why = xasprintf("channel %s is disabled (%s); the delivery waits until "
				      "'mouwatch channel enable %s'", name, disabled, name);
		free(disabled);
		return why;
	}
	return NULL;
}

/* After a reload (and at the first pass): pending deliveries to channels
 * the configuration no longer has are held now, not when their next
 * attempt falls due; held deliveries whose channel is configured and
 * enabled again go out now. */
static bool hold_removed(struct remind *r, int64_t now)
{
	json_t *pending = NULL, *row;
	bool ok = true;
	size_t i;

	if (db_remind_in_state(r->d->db, "pending", &pending) != DB_OK) {
		remind_db_trouble(r, "cannot list pending deliveries: %s", db_errmsg(r->d->db));
		return false;
	}
	json_array_foreach(pending, i, row) {
		const char *name = json_string_value(json_object_get(row, "channel"));
		if (config_channel(r->d->cfg, name))
			continue;
		char *why = removed_reason(name);
		ok = remind_hold_row(r, row, why, now) && ok;
		free(why);
	}
	json_decref(pending);
	if (!ok)
		remind_db_trouble(r, "cannot hold the deliveries to removed channels: %s; tried "
				  "again at the next pass", db_errmsg(r->d->db));
	return ok;
}

int remind_release_channel(struct remind *r, const char *name, int64_t now)
{
	int n = 0;

	if (r == NULL)
		return 0;
	if (db_remind_release(r->d->db, name, now, &n) != DB_OK) {
		remind_db_trouble(r, "cannot release the held deliveries of channel %s: %s; tried "
				  "again at the next pass", name, db_errmsg(r->d->db));
		r->removed_gen = 0;   /* release_back tries it again */
		return 0;
	}
	if (n > 0) {
		log_notice("channel %s is back: its %d held delivery(ies) go out now", name, n);
		remind_arm_in(r, 0);
	}
	return n;
}

static void release_back(struct remind *r, int64_t now)
{
	json_t *held = NULL, *row;
	size_t i;

	if (db_remind_held_channels(r->d->db, &held) != DB_OK) {
		remind_db_trouble(r, "cannot list held deliveries: %s", db_errmsg(r->d->db));
		r->removed_gen = 0;
		return;
	}
	json_array_foreach(held, i, row) {
		const char *name = json_string_value(json_object_get(row, "name"));
		char *disabled = NULL;
		if (!config_channel(r->d->cfg, name) ||
		    db_remind_channel_disabled(r->d->db, name, &disabled) != DB_OK || disabled) {
			free(disabled);
			continue;
		}
		remind_release_channel(r, name, now);
	}
	json_decref(held);
}

/* Done once per configuration; again at the next pass when a write of it
 * failed (a lock, a full disk), so no held delivery stays behind. */
void remind_held_sync(struct remind *r, int64_t now)
{
	if (r->removed_gen == r->d->cfg_generation)
		return;    /* checked against this configuration already */
	r->removed_gen = r->d->cfg_generation;
	if (!hold_removed(r, now))
		r->removed_gen = 0;
	release_back(r, now);
}
