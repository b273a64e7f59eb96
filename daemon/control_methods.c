/* control_methods.c: the control protocol's dispatch: parsing a request
 * line, the method table, parameter helpers, error replies, and the
 * methods about the protocol itself (hello, methods) and reload. */
#include "config.h"
#include "control_priv.h"
#include "daemon.h"
#include "db_watch.h"
#include "feed_text.h"
#include "log.h"
#include "xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Adding a method is one line here and one function. */
static const struct control_method table[] = {
	{ "hello", control_m_hello, "protocol and daemon version" },
	{ "methods", control_m_methods, "the methods this daemon answers" },
	{ "status", control_m_status, "uptime, feeds, queues, workers, reminders, counters" },
	{ "feeds", control_m_feeds, "every feed with its poll state" },
	{ "feed.add", control_m_feed_add, "add a feed at run time {name, url, interval, language}" },
	{ "feed.remove", control_m_feed_remove, "stop watching a feed {name}" },
	{ "feed.pause", control_m_feed_pause, "stop polling a feed for now {name}" },
	{ "feed.resume", control_m_feed_resume, "poll a paused feed again {name}" },
	{ "feed.poll", control_m_feed_poll, "poll one feed {name} or all now" },
	{ "articles", control_m_articles, "recent articles {state, limit}" },
	{ "agreements", control_m_agreements, "agreements matching filters" },
	{ "agreement", control_m_agreement, "one agreement with everything {id}" },
	{ "upcoming", control_m_upcoming, "event starts and expiries {days}" },
	{ "reminders", control_m_reminders, "reminders {state, limit}" },
	{ "reminder.retry", control_m_reminder_retry, "retry a failed reminder {id}" },
	{ "channels", control_m_channels, "reminder channels with their state and deliveries" },
	{ "channel.enable", control_m_channel_enable, "re-enable a channel a 410 disabled {name}" },
	{ "search", control_m_search, "full-text search {text, limit}" },
	{ "reload", control_m_reload, "re-read the configuration file" },
};
#define N_METHODS (sizeof table / sizeof table[0])

const struct control_method *control_methods(size_t *n)
{
	*n = N_METHODS;
	return table;
}

const struct control_method *control_method_find(const char *name)
{
	for (size_t i = 0; i < N_METHODS; i++)
		if (strcmp(table[i].name, name) == 0)
			return &table[i];
	return NULL;
}

/* ---- errors and parameters ---- */

void control_fail(struct control_req *r, const char *code, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	if (r->err_code)
		return;
	r->err_code = code;
	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		fatal("out of memory");
	va_end(ap);
	/* The message may quote the request (jansson's parse error does, and
	 * may cut a character): keep the reply valid UTF-8, else it cannot be
	 * encoded at all. */
	r->err_msg = feed_utf8_fix(msg, strlen(msg));
	free(msg);
}

void control_fail_db(struct control_req *r, struct db *db, int status)
{
	const char *code = status == DB_ENOTFOUND ? "not_found"
		: status == DB_EINVAL ? "bad_params" : "failed";
	int64_t since = db_watch_locked_since(r->d, db);
	char when[32];

	if (status == DB_EBUSY && since) {
		db_watch_time_text(since, when, sizeof when);
		control_fail(r, "locked", "the database is locked by another process since %s "
			     "(%lld s); the daemon holds its writes back until it is free: retry in "
			     "a moment", when, (long long)(daemon_now() - since));
		return;
	}
	control_fail(r, status == DB_EBUSY ? "locked" : code, "%s", db_errmsg(db));
}

bool control_param_str(struct control_req *r, const char *key, bool required,
		       const char **out)
{
	json_t *v = json_object_get(r->params, key);

	*out = NULL;
	if (v == NULL || json_is_null(v)) {
		if (required)
			control_fail(r, "bad_params", "parameter '%s' is required", key);
		return !required;
	}
	if (!json_is_string(v)) {
		control_fail(r, "bad_params", "parameter '%s' must be a string", key);
		return false;
	}
	*out = json_string_value(v);
	return true;
}

bool control_param_int(struct control_req *r, const char *key, bool required,
		       long long min, long long max, long long *out)
{
	json_t *v = json_object_get(r->params, key);

	if (v == NULL || json_is_null(v)) {
		if (required)
			control_fail(r, "bad_params", "parameter '%s' is required", key);
		return !required;
	}
	if (!json_is_integer(v) || json_integer_value(v) < min || json_integer_value(v) > max) {
		control_fail(r, "bad_params", "parameter '%s' must be an integer from %lld to %lld",
			     key, min, max);
		return false;
	}
	*out = json_integer_value(v);
	return true;
}

/* ---- protocol methods ---- */

/* From memory only: it answers whatever the database is doing. */
void control_m_hello(struct control_req *r)
{
	int64_t since = db_watch_locked_since(r->d, r->c->ro);

	r->result = json_pack("{s:s, s:s, s:i}", "name", "mouwatchd", "version",
			      PACKAGE_VERSION, "protocol", CONTROL_PROTOCOL);
	if (since)
		json_object_set_new(r->result, "database_locked_since", json_integer(since));
}

void control_m_methods(struct control_req *r)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < N_METHODS; i++)
		json_array_append_new(arr, json_pack("{s:s, s:s}", "name", table[i].name,
						     "summary", table[i].summary));
	r->result = arr;
}

/* Answers only when the reload is done: the loop is single-threaded, so
 * the reply is sent after daemon_reload() has applied (or refused) it. */
void control_m_reload(struct control_req *r)
{
	struct strbuf errors = STRBUF_INIT;

	if (daemon_reload(r->d, &errors)) {
		r->result = json_pack("{s:s, s:I, s:I}", "config", r->d->cfg->path,
				      "feeds", (json_int_t)r->d->cfg->n_feeds,
				      "channels", (json_int_t)r->d->cfg->n_channels);
		if (r->d->feeds_unsynced)
			json_object_set_new(r->result, "warnings", json_pack("[s]",
				"the configuration is in effect, but its feeds could not be stored yet "
				"(the database is locked or full); mouwatchd stores them as soon as it "
				"takes writes again"));
	} else {
		control_fail(r, "bad_config", "the configuration was refused, the old one is kept; "
			     "fix these lines and reload again:\n%s", strbuf_str(&errors));
	}
	strbuf_free(&errors);
}

/* ---- one request ---- */

static json_t *reply_of(struct control_req *r, json_t *id)
{
	json_t *reply;

	if (r->err_code) {
		reply = json_pack("{s:i, s:b, s:{s:s, s:s}}", "v", CONTROL_PROTOCOL, "ok", 0,
				  "error", "code", r->err_code, "message", r->err_msg);
		r->c->n_errors++;
	} else {
		reply = json_pack("{s:i, s:b, s:o}", "v", CONTROL_PROTOCOL, "ok", 1, "result",
				  r->result ? r->result : json_null());
		r->result = NULL;
	}
	if (id)
		json_object_set(reply, "id", id);
	json_decref(r->result);
	free(r->err_msg);
	return reply;
}

static void dispatch(struct control_req *r, json_t *req)
{
	json_t *m = json_object_get(req, "method");
	json_t *v = json_object_get(req, "v");
	const struct control_method *method;

	if (v && (!json_is_integer(v) || json_integer_value(v) > CONTROL_PROTOCOL)) {
		control_fail(r, "bad_version", "protocol version %d is the newest this daemon speaks",
			     CONTROL_PROTOCOL);
		return;
	}
	if (!json_is_string(m)) {
		control_fail(r, "bad_request", "a request is {\"method\": NAME, \"params\": {...}}");
		return;
	}
	method = control_method_find(json_string_value(m));
	if (method == NULL) {
		control_fail(r, "unknown_method", "no method '%s'; the 'methods' method lists them",
			     json_string_value(m));
		return;
	}
	log_debug("control: %s", method->name);
	method->fn(r);
}

json_t *control_handle_line(struct control *c, const char *line, size_t len)
{
	struct control_req r = { .c = c, .d = c->d };
	json_error_t jerr;
	json_t *req = json_loadb(line, len, JSON_REJECT_DUPLICATES, &jerr);
	json_t *id = NULL, *reply;

	if (req == NULL || !json_is_object(req)) {
		control_fail(&r, "parse_error", "the request is not a JSON object on one line (%s)",
			     req ? "not an object" : jerr.text);
	} else {
		id = json_object_get(req, "id");
		json_t *params = json_object_get(req, "params");
		if (params && !json_is_object(params) && !json_is_null(params))
			control_fail(&r, "bad_request", "\"params\" must be an object");
		r.params = json_is_object(params) ? json_incref(params) : json_object();
		if (!r.err_code)
			dispatch(&r, req);
		json_decref(r.params);
	}
	reply = reply_of(&r, id);
	json_decref(req);
	return reply;
}
