/* control_remind.c: the control methods that change reminder delivery,
 * on the daemon's own connection:
 * - 'reminder.retry' {id} retries one failed reminder; {failed: true,
 *   channel?} every failed one (with a failed delivery to that channel);
 *   the reply warns about channels that are disabled or not configured,
 *   whose retried deliveries then wait (held) until the channel is back;
 * - 'channel.enable' {name} turns on again a channel a 410 disabled, and
 *   its held deliveries go out at once.
 * Rules: docs/reminders.md. */
#include "control_priv.h"
#include "daemon.h"
#include "db_remind.h"
#include "log.h"
#include "remind.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Why a delivery to channel name would wait now, or NULL (caller frees). */
static char *waits_because(struct control_req *r, const char *name)
{
	char *reason = NULL;

	if (!config_channel(r->d->cfg, name))
		return xasprintf("channel %s is not in the configuration: its retried deliveries "
				 "wait until a reload brings it back", name);
	if (db_remind_channel_disabled(r->d->db, name, &reason) != DB_OK || reason == NULL)
		return NULL;
	char *w = xasprintf("channel %s is disabled (%s): its retried deliveries wait until "
			    "'mouwatch channel enable %s'", name, reason, name);
	free(reason);
	return w;
}

/* The warnings for the channels ([{name}]) a retry sends to. */
static json_t *warnings_for(struct control_req *r, const json_t *channels)
{
	json_t *out = json_array(), *c;
	size_t i;

	json_array_foreach(channels, i, c) {
		char *w = waits_because(r, json_string_value(json_object_get(c, "name")));
		if (w) {
			log_notice("control: reminder retry: %s", w);
			json_array_append_new(out, json_string(w));
			free(w);
		}
	}
	return out;
}

static void retry_one(struct control_req *r, long long id)
{
	json_t *channels = NULL;
	int rc = db_remind_failed_channels(r->d->db, id, NULL, &channels);

	if (rc == DB_OK)
		rc = db_reminder_retry(r->d->db, id, daemon_now());
	if (rc == DB_ENOTFOUND)
		control_fail(r, "not_found", "no reminder %lld; 'mouwatch reminders' lists them", id);
	else if (rc != DB_OK)
		control_fail_db(r, r->d->db, rc);
	else
		r->result = json_pack("{s:I, s:s, s:o}", "id", (json_int_t)id, "state", "pending",
				      "warnings", warnings_for(r, channels));
	json_decref(channels);
}

static void retry_failed(struct control_req *r, const char *channel)
{
	json_t *channels = NULL;
	int reminders = 0, deliveries = 0;
	int rc = db_remind_failed_channels(r->d->db, 0, channel, &channels);

	if (rc == DB_OK)
		rc = db_remind_retry_failed(r->d->db, channel, daemon_now(), &reminders, &deliveries);
	if (rc != DB_OK) {
		control_fail_db(r, r->d->db, rc);
		json_decref(channels);
		return;
	}
	log_notice("control: %d failed reminder(s) retried, %d delivery(ies)%s%s", reminders,
		   deliveries, channel ? " to channel " : "", channel ? channel : "");
	if (channel && json_array_size(channels) == 0 && !config_channel(r->d->cfg, channel))
		json_array_append_new(channels, json_pack("{s:s}", "name", channel));
	r->result = json_pack("{s:i, s:i, s:s?, s:o}", "reminders", reminders,
			      "deliveries", deliveries, "channel", channel,
			      "warnings", warnings_for(r, channels));
	json_decref(channels);
}

void control_m_reminder_retry(struct control_req *r)
{
	const json_t *failed = json_object_get(r->params, "failed");
	const char *channel = NULL;
	long long id = 0;

	if (!control_param_int(r, "id", false, 1, INT64_MAX, &id) ||
	    !control_param_str(r, "channel", false, &channel))
		return;
	if (failed && !json_is_boolean(failed)) {
		control_fail(r, "bad_params", "'failed' must be true or false");
		return;
	}
	if ((id > 0) == json_is_true(failed) || (channel && id > 0)) {
		control_fail(r, "bad_params", "give either 'id', or 'failed': true (with an "
			     "optional 'channel')");
		return;
	}
	if (id > 0)
		retry_one(r, id);
	else
		retry_failed(r, channel);
	if (r->err_code == NULL)
		remind_wake(r->d->remind);
}

void control_m_channel_enable(struct control_req *r)
{
	const char *name;
	char *reason = NULL;
	int rc;

	if (!control_param_str(r, "name", true, &name))
		return;
	if (!config_channel(r->d->cfg, name)) {
		control_fail(r, "not_found", "no channel '%s' in the configuration; 'mouwatch "
			     "channels' lists them", name);
		return;
	}
	if ((rc = db_remind_channel_disabled(r->d->db, name, &reason)) != DB_OK ||
	    (reason && (rc = db_remind_channel_set_disabled(r->d->db, name, NULL, daemon_now())) != DB_OK)) {
		free(reason);
		control_fail_db(r, r->d->db, rc);
		return;
	}
	if (reason)
		log_notice("channel %s enabled again by an operator (it was disabled: %s)", name, reason);
	int released = remind_release_channel(r->d->remind, name, daemon_now());
	r->result = json_pack("{s:s, s:b, s:s?, s:i}", "name", name, "was_disabled", reason != NULL,
			      "reason", reason, "released", released);
	free(reason);
}
