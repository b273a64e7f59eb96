/* control_feeds.c: the control methods about feeds: the list, and the
 * operator's changes (add, remove, pause, resume, poll now). Changes go
 * through the daemon's own read-write connection; the poller reads its
 * schedule from SQLite every second, so it sees them at once.
 *
 * Feeds added here are runtime feeds: they live in SQLite (runtime_feeds,
 * common/db_query_ops.c) and survive reloads and restarts; mouwatchd's
 * feed sync merges them with the configured ones. */
#include "control_priv.h"
#include "daemon.h"
#include "db_query_ops.h"
#include "duration.h"
#include "log.h"
#include "poll.h"

#include <string.h>

#define FEED_NAME_MAX 64

static const char *const languages[] = { "id", "ms", "en", NULL };

/* Without limit: every feed (53 ms of CPU at 10,000); the CLI pages. */
void control_m_feeds(struct control_req *r)
{
	const char *after;
	long long limit = 0;
	json_t *out;

	if (!control_param_str(r, "after", false, &after) ||
	    !control_param_int(r, "limit", false, 1, 10000, &limit))
		return;
	int rc = db_query_feeds(r->c->ro, after, (int)limit, &out);

	if (rc != DB_OK)
		control_fail_db(r, r->c->ro, rc);
	else
		r->result = out;
}

/* ---- feed add: validating the parameters ---- */

static bool valid_name(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > FEED_NAME_MAX)
		return false;
	return strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") == n;
}

static bool valid_url(const struct daemon *d, const char *u)
{
	if (strchr(u, ' ') || strchr(u, '\n'))
		return false;
	if (strncmp(u, "http://", 7) == 0 || strncmp(u, "https://", 8) == 0)
		return u[u[4] == 's' ? 8 : 7] != '\0';
	return d->cfg->daemon.allow_file_urls && strncmp(u, "file://", 7) == 0;
}

static bool valid_language(const char *s)
{
	for (size_t i = 0; languages[i]; i++)
		if (strcmp(s, languages[i]) == 0)
			return true;
	return false;
}

static bool interval_param(struct control_req *r, int *seconds)
{
	const char *s, *why;
	long long v = 0;

	*seconds = 0;
	if (!control_param_str(r, "interval", false, &s))
		return false;
	if (s == NULL || strcmp(s, "auto") == 0)
		return true;
	bool parsed = duration_parse(s, &v, &why);
	if (!parsed || v < 60 || v > 7 * 86400) {
		/* why is set only when the parse failed ("0s" parses) */
		control_fail(r, "bad_params", "interval '%s': %s", s,
			     parsed ? "give a duration from 1m to 7d" : why);
		return false;
	}
	*seconds = (int)v;
	return true;
}

static bool feed_params(struct control_req *r, struct db_feed_config *fc)
{
	if (!control_param_str(r, "name", true, &fc->name) ||
	    !control_param_str(r, "url", true, &fc->url) ||
	    !control_param_str(r, "language", false, &fc->language) ||
	    !interval_param(r, &fc->interval_seconds))
		return false;
	if (!valid_name(fc->name))
		control_fail(r, "bad_params", "feed name '%s': use 1 to %d letters, digits, '.', '_' "
			     "or '-'", fc->name, FEED_NAME_MAX);
	else if (!valid_url(r->d, fc->url))
		control_fail(r, "bad_params", "feed url '%s': give an http:// or https:// URL", fc->url);
	else if (fc->language && !valid_language(fc->language))
		control_fail(r, "bad_params", "language '%s': use id, ms or en", fc->language);
	return r->err_code == NULL;
}

void control_m_feed_add(struct control_req *r)
{
	struct db_feed_config fc = { 0 };
	int rc;

	if (!feed_params(r, &fc))
		return;
	rc = db_ops_runtime_feed_add(r->d->db, &fc, daemon_now());
	if (rc != DB_OK) {
		control_fail_db(r, r->d->db, rc);
		return;
	}
	log_notice("control: feed %s added at run time (%s)", fc.name, fc.url);
	poller_poll_now(r->d->poller, fc.name);
	r->result = json_pack("{s:s, s:s, s:s}", "name", fc.name, "url", fc.url, "origin", "runtime");
}

/* ---- changes to one existing feed ---- */

void control_m_feed_remove(struct control_req *r)
{
	const char *name;
	bool runtime = false;
	int rc;

	if (!control_param_str(r, "name", true, &name))
		return;
	rc = db_ops_feed_remove(r->d->db, name, daemon_now(), &runtime);
	if (rc != DB_OK) {
		control_fail_db(r, r->d->db, rc);
		return;
	}
	log_notice("control: feed %s removed", name);
	r->result = json_pack("{s:s, s:s, s:s}", "name", name, "origin",
			      runtime ? "runtime" : "config", "note", runtime ? "removed for good"
			      : "configured feed: it comes back on the next reload or restart "
			      "unless its [feed] section is deleted");
}

/* The feed, or false with r failed (not_found). */
static bool live_feed(struct control_req *r, const char *name, struct db_feed *f)
{
	int rc = db_feed_get(r->d->db, name, f);

	if (rc == DB_OK && !f->removed)
		return true;
	if (rc == DB_OK)
		db_feed_free(f);
	if (rc == DB_OK || rc == DB_ENOTFOUND)
		control_fail(r, "not_found", "no feed named '%s'; 'mouwatch feeds' lists them", name);
	else
		control_fail_db(r, r->d->db, rc);
	return false;
}

static void set_paused(struct control_req *r, bool paused)
{
	const char *name;
	struct db_feed f;
	int rc;

	if (!control_param_str(r, "name", true, &name) || !live_feed(r, name, &f))
		return;
	db_feed_free(&f);
	rc = db_feed_set_paused(r->d->db, name, paused);
	if (rc != DB_OK) {
		control_fail_db(r, r->d->db, rc);
		return;
	}
	log_notice("control: feed %s %s", name, paused ? "paused" : "resumed");
	r->result = json_pack("{s:s, s:b}", "name", name, "paused", paused);
}

void control_m_feed_pause(struct control_req *r) { set_paused(r, true); }
void control_m_feed_resume(struct control_req *r) { set_paused(r, false); }

void control_m_feed_poll(struct control_req *r)
{
	const char *name;

	if (!control_param_str(r, "name", false, &name))
		return;
	if (name == NULL) {
		poller_poll_all_now(r->d->poller);
		r->result = json_pack("{s:s}", "polling", "all");
	} else if (poller_poll_now(r->d->poller, name)) {
		r->result = json_pack("{s:s}", "polling", name);
	} else {
		control_fail(r, "not_found", "no enabled feed named '%s' (paused feeds are not "
			     "polled; 'mouwatch feeds' lists them)", name);
	}
}
