/* deliver_webhook.c: one webhook attempt: the JSON body of SPEC.md
 * ("Webhook delivery"), the Standard Webhooks headers (webhook-id fixed
 * per delivery, webhook-timestamp, webhook-signature), POSTed through the
 * fetch engine; the answer becomes a remind_outcome. The secret is only
 * ever used as the HMAC key: it is neither logged nor stored in errors. */
#include "remind_int.h"
#include "log.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The reminder part of the body. */
static json_t *reminder_json(const struct remind_job *j, int64_t now)
{
	const json_t *row = j->row;
	const char *target = json_string_value(json_object_get(row, "target_date"));
	int64_t days = remind_days_until(target, now / 86400);
	json_t *o = json_pack("{s:I, s:O, s:O, s:O, s:O}",
		"id", (json_int_t)j->reminder_id,
		"kind", json_object_get(row, "kind"),
		"lead_days", json_object_get(row, "lead_days") ? json_object_get(row, "lead_days") : json_null(),
		"target_date", json_object_get(row, "target_date"),
		"event_id", json_object_get(row, "event_id") ? json_object_get(row, "event_id") : json_null());

	json_object_set_new(o, "days_left", days == INT64_MIN ? json_null() : json_integer(days));
	return o;
}

char *remind_webhook_body(const struct remind_job *j, int64_t now)
{
	json_t *agreement = json_deep_copy(j->agreement), *sources = json_array(), *s;
	size_t i;

	json_object_del(agreement, "reminders");
	json_object_del(agreement, "record");
	if (json_is_integer(json_object_get(agreement, "expires_estimated")))   /* SQLite 0/1 */
		json_object_set_new(agreement, "expires_estimated",
				    json_boolean(json_integer_value(json_object_get(agreement, "expires_estimated"))));
	json_array_foreach(json_object_get(j->agreement, "sources"), i, s)
		if (json_is_string(json_object_get(s, "url")))
			json_array_append(sources, json_object_get(s, "url"));
	json_t *body = json_pack("{s:O, s:o, s:o, s:o}",
		"type", json_object_get(j->row, "kind"),
		"reminder", reminder_json(j, now),
		"agreement", agreement,
		"sources", sources);
	char *text = json_dumps(body, JSON_COMPACT | JSON_ENSURE_ASCII);
	json_decref(body);
	if (!text)
		fatal("out of memory writing a webhook body");
	return text;
}

static void on_done(const struct fetch_result *res, void *user)
{
	struct remind_job *j = user;
	char err[300];
	struct remind_outcome o = { .status = (int)res->status,
		.retry_after_s = res->retry_after_s };

	if (res->error != FETCH_OK) {
		snprintf(err, sizeof err, "%s: %s", fetch_error_name(res->error), res->error_msg);
		o.error = err;
	} else if (res->status >= 200 && res->status < 300) {
		o.ok = true;
	} else {
		snprintf(err, sizeof err, "the receiver answered HTTP %ld", res->status);
		o.error = err;
		o.gone = res->status == 410;
	}
	remind_job_finish(j, &o);
}

bool deliver_webhook(struct remind_job *j, const struct mw_channel_config *c)
{
	int64_t now = daemon_now();
	char ts[24];
	char *body = remind_webhook_body(j, now);

	snprintf(ts, sizeof ts, "%lld", (long long)now);
	char *sig = c->secret_key ? remind_sign(c->secret_key, c->secret_key_len, j->webhook_id,
						ts, body, strlen(body)) : NULL;
	char *h_id = xasprintf("webhook-id: %s", j->webhook_id);
	char *h_ts = xasprintf("webhook-timestamp: %s", ts);
	char *h_sig = sig ? xasprintf("webhook-signature: %s", sig) : NULL;
	const char *headers[] = { "Content-Type: application/json", h_id, h_ts, h_sig, NULL };
	struct fetch_request req = { .url = c->url, .method = "POST", .body = body,
		.body_len = strlen(body), .headers = headers, .timeout_s = (long)c->timeout,
		.no_follow = true };
	int rc = fetch_submit(j->r->d->fetch, &req, on_done, j);

	free(body);
	free(sig);
	free(h_id);
	free(h_ts);
	free(h_sig);
	if (rc != 0) {
		struct remind_outcome o = { .error = "the HTTP engine is shutting down",
			.retry_after_s = -1 };
		remind_job_finish(j, &o);
		return false;
	}
	return true;
}
