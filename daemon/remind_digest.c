/* remind_digest.c: the optional daily digest ([reminders] digest = daily
 * HH:MM, local time in [reminders] timezone): once a day, after that
 * time, every e-mail channel gets one message listing what is upcoming in
 * the next 30 days among the agreements its match filter takes, with all
 * of it in one .ics. The day sent is kept in SQLite, so a restart neither
 * repeats nor skips it; a failed digest is tried again at the next check.
 * A day with nothing upcoming yet is not done: it is logged once, and the
 * digest goes at the first check that finds something (a daemon started
 * on an empty database, whose workers store the first agreements later). */
#include "remind_int.h"
#include "db_remind.h"
#include "log.h"
#include "strbuf.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DIGEST_DAYS 30

static bool channel_busy(const struct remind *r, const char *name)
{
	for (const struct remind_job *j = r->jobs; j; j = j->next)
		if (j->digest_day && strcmp(j->channel, name) == 0)
			return true;
	return false;
}

static const char *str(const json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	return s ? s : "";
}

/* Appends one upcoming item to the text and the calendar events. */
static void add_item(struct strbuf *text, struct remind_ics_event *ev, char **hold,
		     const json_t *it, int64_t today)
{
	bool expiry = strcmp(str(it, "what"), "expiry") == 0;
	int64_t days = remind_days_until(str(it, "date"), today);

	strbuf_printf(text, "%s  %-9s %s (%lld day%s left)\n    %s\n    mouwatch agreement %lld\n",
		      str(it, "date"), expiry ? "expiry" : str(it, "type"), expiry ? "agreement expires" : "starts",
		      (long long)days, days == 1 ? "" : "s", str(it, "parties"),
		      (long long)json_integer_value(json_object_get(it, "agreement_id")));
	*hold = expiry
		? xasprintf("expiry-%lld@mouwatch%cExpiry: %s",
			    (long long)json_integer_value(json_object_get(it, "agreement_id")), 0, str(it, "parties"))
		: xasprintf("event-%lld@mouwatch%c%s: %s",
			    (long long)json_integer_value(json_object_get(it, "event_id")), 0, str(it, "type"), str(it, "parties"));
	*ev = (struct remind_ics_event){ .uid = *hold, .date = str(it, "date"),
		.summary = *hold + strlen(*hold) + 1 };
}

static bool takes(struct remind *r, const struct mw_channel_config *c, const json_t *it)
{
	json_t *a = NULL;
	bool yes;

	if (c->match.n_rules == 0)
		return true;
	if (db_query_agreement(r->d->db, json_integer_value(json_object_get(it, "agreement_id")), &a) != DB_OK)
		return false;
	yes = remind_match(&c->match, a);
	json_decref(a);
	return yes;
}

/* Builds and sends the digest of channel c for day; false when empty. */
static bool send_digest(struct remind *r, const struct mw_channel_config *c, const json_t *items,
			const char *day, int64_t now)
{
	size_t n = json_array_size(items), k = 0;
	struct remind_ics_event *ev = xcalloc(n ? n : 1, sizeof *ev);
	char **hold = xcalloc(n ? n : 1, sizeof *hold);
	struct strbuf text = STRBUF_INIT;
	const json_t *it;
	size_t i;

	strbuf_printf(&text, "Upcoming in the next %d days (as of %s):\n\n", DIGEST_DAYS, day);
	json_array_foreach(items, i, it)
		if (takes(r, c, it))
			add_item(&text, &ev[k], &hold[k], it, now / 86400), k++;
	if (k > 0) {
		struct remind_job *j = remind_job_add(r);
		j->channel = xstrdup(c->name);
		j->digest_day = xstrdup(day);
		j->webhook_id = xasprintf("digest_%s_%s", day, c->name);
		j->digest_subject = xasprintf("mouwatch digest %s: %zu date(s) in the next %d days",
					      day, k, DIGEST_DAYS);
		j->digest_ics = remind_ics(ev, k, now);
		j->digest_text = strbuf_steal(&text);
		deliver_email(j, c);
	}
	for (i = 0; i < k; i++)
		free(hold[i]);
	free(hold);
	free(ev);
	strbuf_free(&text);
	return k > 0;
}

/* "DAY N": the day a channel's digest found nothing among N upcoming
 * items (caller frees). */
static char *empty_key(const char *day, const json_t *items)
{
	return xasprintf("%s %zu", day, json_array_size(items));
}

/* True when the channel's digest found nothing today among as many items
 * as there are now: its filter is not run again over the same list. */
static bool still_empty(const struct remind *r, const char *channel, const char *day,
			const json_t *items)
{
	const char *noted = json_string_value(json_object_get(r->digest_empty, channel));
	char *key = empty_key(day, items);
	bool same = noted && strcmp(noted, key) == 0;

	free(key);
	return same;
}

/* Nothing upcoming for the channel: no mail; said once a day. */
static void note_empty(struct remind *r, const char *channel, const char *day, const json_t *items)
{
	const char *noted;

	if (!r->digest_empty)
		r->digest_empty = json_object();
	noted = json_string_value(json_object_get(r->digest_empty, channel));
	if (!noted || strncmp(noted, day, strlen(day)) != 0)
		log_info("digest of %s to channel %s: nothing upcoming in the next %d days yet; it "
			 "is sent as soon as there is something today", day, channel, DIGEST_DAYS);
	char *key = empty_key(day, items);
	json_object_set_new(r->digest_empty, channel, json_string(key));
	free(key);
}

void remind_digest_check(struct remind *r, int64_t now)
{
	const struct mw_config *cfg = r->d->cfg;
	time_t t = (time_t)now;
	struct tm tm;
	char day[11];
	json_t *items = NULL;

	if (!cfg->reminders.digest)
		return;
	localtime_r(&t, &tm);
	if (tm.tm_hour * 60 + tm.tm_min < cfg->reminders.digest_minute)
		return;
	strftime(day, sizeof day, "%Y-%m-%d", &tm);
	for (size_t i = 0; i < cfg->n_channels; i++) {
		const struct mw_channel_config *c = &cfg->channels[i];
		char *last = NULL;
		if (c->type != MW_CHANNEL_EMAIL || channel_busy(r, c->name) ||
		    db_remind_digest_day(r->d->db, c->name, &last) != DB_OK)
			continue;
		bool done = last && strcmp(last, day) == 0;
		free(last);
		if (done)
			continue;
		if (!items && db_query_upcoming(r->d->db, now, DIGEST_DAYS, &items) != DB_OK) {
			log_warn("digest: cannot list upcoming dates: %s", db_errmsg(r->d->db));
			return;
		}
		if (still_empty(r, c->name, day, items))
			continue;
		if (!send_digest(r, c, items, day, now))
			note_empty(r, c->name, day, items);
	}
	json_decref(items);
}

void remind_digest_finish(struct remind *r, struct remind_job *j, const struct remind_outcome *o)
{
	if (o->ok) {
		db_remind_digest_set_day(r->d->db, j->channel, j->digest_day);
		log_info("digest of %s sent to channel %s", j->digest_day, j->channel);
	} else {
		log_warn("digest of %s to channel %s failed: %s; tried again at the next check",
			 j->digest_day, j->channel, o->error);
	}
}

int64_t remind_digest_next(const struct remind *r, int64_t now)
{
	const struct mw_reminders_config *rc = &r->d->cfg->reminders;
	time_t t = (time_t)now, at;
	struct tm tm;

	if (!rc->digest)
		return 0;
	localtime_r(&t, &tm);
	tm.tm_hour = rc->digest_minute / 60;
	tm.tm_min = rc->digest_minute % 60;
	tm.tm_sec = 0;
	tm.tm_isdst = -1;
	if ((at = mktime(&tm)) == (time_t)-1)
		return 0;
	if (at <= t) {          /* today's time is past: tomorrow's */
		tm.tm_mday++;
		tm.tm_isdst = -1;
		if ((at = mktime(&tm)) == (time_t)-1)
			return 0;
	}
	return (int64_t)at;
}
