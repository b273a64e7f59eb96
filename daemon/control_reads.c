/* control_reads.c: the control methods that read the store: articles,
 * agreements, one agreement, upcoming dates, reminders, search, the
 * reminder channels. They use the server's read-only connection (SQLite
 * WAL: they never block the daemon's writes). The reminder writes (retry,
 * channel.enable) are control_remind.c. */
#include "control_priv.h"
#include "daemon.h"
#include "db_remind.h"
#include "log.h"
#include "strbuf.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LIMIT 10000

static const char *const article_states[] = { "queued", "extracted", "no_agreement", "failed", NULL };
static const char *const reminder_states[] = { "pending", "sent", "failed", "skipped", "superseded", NULL };

static bool one_of(struct control_req *r, const char *key, const char *v, const char *const *allowed)
{
	struct strbuf list = STRBUF_INIT;

	if (v == NULL)
		return true;
	for (size_t i = 0; allowed[i]; i++) {
		if (strcmp(v, allowed[i]) == 0) {
			strbuf_free(&list);
			return true;
		}
		strbuf_printf(&list, "%s%s", i ? ", " : "", allowed[i]);
	}
	control_fail(r, "bad_params", "%s '%s' is not one of: %s", key, v, strbuf_str(&list));
	strbuf_free(&list);
	return false;
}

/* Stores a query's outcome in r. */
static void done(struct control_req *r, struct db *db, int rc, json_t *out)
{
	if (rc == DB_OK)
		r->result = out;
	else
		control_fail_db(r, db, rc);
}

void control_m_articles(struct control_req *r)
{
	const char *state;
	long long limit = 0;
	json_t *out;

	if (!control_param_str(r, "state", false, &state) ||
	    !control_param_int(r, "limit", false, 1, MAX_LIMIT, &limit) ||
	    !one_of(r, "state", state, article_states))
		return;
	int rc = db_query_articles(r->c->ro, state, (int)limit, &out);

	done(r, r->c->ro, rc, out);
}

void control_m_agreements(struct control_req *r)
{
	struct db_agreement_filter f = { 0 };
	long long expiring = 0, limit = 0;
	json_t *out;

	if (!control_param_str(r, "party", false, &f.party) ||
	    !control_param_str(r, "country", false, &f.country) ||
	    !control_param_str(r, "program", false, &f.program) ||
	    !control_param_str(r, "type", false, &f.type) ||
	    !control_param_str(r, "signed_since", false, &f.signed_since) ||
	    !control_param_int(r, "expiring_days", false, 1, 36500, &expiring) ||
	    !control_param_int(r, "limit", false, 1, MAX_LIMIT, &limit))
		return;
	f.expiring_days = (int)expiring;
	f.limit = (int)limit;
	int rc = db_query_agreements(r->c->ro, &f, daemon_now(), &out);

	done(r, r->c->ro, rc, out);
}

void control_m_agreement(struct control_req *r)
{
	long long id;
	json_t *out;
	int rc;

	if (!control_param_int(r, "id", true, 1, INT64_MAX, &id))
		return;
	rc = db_query_agreement(r->c->ro, id, &out);
	if (rc == DB_ENOTFOUND)
		control_fail(r, "not_found", "no agreement %lld; 'mouwatch agreements' lists them", id);
	else
		done(r, r->c->ro, rc, out);
}

void control_m_upcoming(struct control_req *r)
{
	long long days = 90;
	json_t *out;

	if (!control_param_int(r, "days", false, 0, 36500, &days))
		return;
	int rc = db_query_upcoming(r->c->ro, daemon_now(), (int)days, &out);

	done(r, r->c->ro, rc, out);
}

void control_m_reminders(struct control_req *r)
{
	const char *state;
	long long limit = 0;
	json_t *out;

	if (!control_param_str(r, "state", false, &state) ||
	    !control_param_int(r, "limit", false, 1, MAX_LIMIT, &limit) ||
	    !one_of(r, "state", state, reminder_states))
		return;
	int rc = db_query_reminders(r->c->ro, state, (int)limit, &out);

	done(r, r->c->ro, rc, out);
}

void control_m_search(struct control_req *r)
{
	const char *text;
	long long limit = 0;
	json_t *out;

	if (!control_param_str(r, "text", true, &text) ||
	    !control_param_int(r, "limit", false, 1, MAX_LIMIT, &limit))
		return;
	int rc = db_query_search(r->c->ro, text, (int)limit, &out);

	done(r, r->c->ro, rc, out);
}

/* ---- reminder channels: 'channels' (each configured channel with its
 * type, match filter, whether a 410 disabled it, and its deliveries, plus
 * removed channels that still have deliveries).
 * URLs, addresses and secrets are not shown: a webhook URL may carry a
 * token. ---- */

static const char *const type_names[] = {
	[MW_CHANNEL_WEBHOOK] = "webhook", [MW_CHANNEL_EMAIL] = "email",
};

/* The match filter as ["field:value", ...]; [] takes everything. */
static json_t *match_json(const struct mw_match *m)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < m->n_rules; i++) {
		char *s = xasprintf("%s:%s", config_match_field_name(m->rules[i].field),
				    m->rules[i].value);
		json_array_append_new(arr, json_string(s));
		free(s);
	}
	return arr;
}

/* The stats row of name in stats, or NULL. */
static json_t *stats_of(json_t *stats, const char *name)
{
	json_t *o;
	size_t i;

	json_array_foreach(stats, i, o)
		if (strcmp(json_string_value(json_object_get(o, "name")), name) == 0)
			return o;
	return NULL;
}

static json_t *channel_json(const struct mw_channel_config *c, json_t *row)
{
	json_t *o = json_pack("{s:s, s:s, s:b, s:o}", "name", c->name,
			      "type", type_names[c->type], "configured", 1, "match", match_json(&c->match));

	json_object_set_new(o, "disabled_reason", row ? json_incref(json_object_get(row, "disabled_reason")) : json_null());
	json_object_set_new(o, "disabled_at", row ? json_incref(json_object_get(row, "disabled_at")) : json_null());
	json_object_set_new(o, "pending", row ? json_incref(json_object_get(row, "pending")) : json_integer(0));
	json_object_set_new(o, "held", row ? json_incref(json_object_get(row, "held")) : json_integer(0));
	json_object_set_new(o, "failed", row ? json_incref(json_object_get(row, "failed")) : json_integer(0));
	json_object_set_new(o, "delivered", row ? json_incref(json_object_get(row, "delivered")) : json_integer(0));
	return o;
}

void control_m_channels(struct control_req *r)
{
	const struct mw_config *cfg = r->d->cfg;
	json_t *stats = NULL, *out = json_array(), *row;
	size_t i;
	int rc = db_remind_channel_stats(r->c->ro, &stats);

	if (rc != DB_OK) {
		json_decref(out);
		control_fail_db(r, r->c->ro, rc);
		return;
	}
	for (i = 0; i < cfg->n_channels; i++)
		json_array_append_new(out, channel_json(&cfg->channels[i], stats_of(stats, cfg->channels[i].name)));
	/* Channels removed from the configuration that still have history. */
	json_array_foreach(stats, i, row)
		if (!config_channel(cfg, json_string_value(json_object_get(row, "name")))) {
			json_t *o = json_deep_copy(row);
			json_object_set_new(o, "type", json_null());
			json_object_set_new(o, "configured", json_false());
			json_object_set_new(o, "match", json_array());
			json_array_append_new(out, o);
		}
	json_decref(stats);
	r->result = out;
}
