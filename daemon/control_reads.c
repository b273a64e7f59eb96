/* control_reads.c: the control methods that read the store: articles,
 * agreements, one agreement, upcoming dates, reminders, search; and the
 * one reminder write (retry). Reads use the server's read-only connection
 * (SQLite WAL: they never block the daemon's writes); writes use the
 * daemon's own connection. */
#include "control_priv.h"
#include "daemon.h"

#include "strbuf.h"

#include <stdint.h>
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

void control_m_reminder_retry(struct control_req *r)
{
	long long id;
	int rc;

	if (!control_param_int(r, "id", true, 1, INT64_MAX, &id))
		return;
	rc = db_reminder_retry(r->d->db, id, daemon_now());
	if (rc == DB_ENOTFOUND)
		control_fail(r, "not_found", "no reminder %lld; 'mouwatch reminders' lists them", id);
	else if (rc != DB_OK)
		control_fail_db(r, r->d->db, rc);
	else
		r->result = json_pack("{s:I, s:s}", "id", (json_int_t)id, "state", "pending");
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
