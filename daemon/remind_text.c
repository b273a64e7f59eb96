/* remind_text.c: the words of a reminder for people: the e-mail subject
 * and body (what, who, when, how many days are left, sources) and its
 * calendar event. English, with the parties' names as written (often
 * Indonesian or Malay); the kinds and event types are data tables. */
#include "remind_msg.h"
#include "strbuf.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* Agreement types as people write them. */
static const struct { const char *type, *label; } type_labels[] = {
	{ "mou", "MoU" }, { "moa", "MoA" }, { "pks", "PKS (cooperation agreement)" },
	{ "loi", "LoI" }, { "agreement", "Agreement" }, { "renewal", "Renewed agreement" },
};

/* Event types of SPEC.md, as a subject starts. */
static const struct { const char *type, *label; } event_labels[] = {
	{ "exchange", "Exchange" }, { "internship", "Internship" },
	{ "training", "Training" }, { "visit", "Visit" }, { "review", "Review" },
	{ "other", "Activity" },
};

static const char *str(const json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

static const char *type_label(const char *type)
{
	for (size_t i = 0; type && i < sizeof type_labels / sizeof *type_labels; i++)
		if (strcmp(type, type_labels[i].type) == 0)
			return type_labels[i].label;
	return "Agreement";
}

static const char *event_label(const char *type)
{
	for (size_t i = 0; type && i < sizeof event_labels / sizeof *event_labels; i++)
		if (strcmp(type, event_labels[i].type) == 0)
			return event_labels[i].label;
	return "Activity";
}

int64_t remind_days_until(const char *date, int64_t today)
{
	struct tm tm = { 0 };
	char *end;

	if (!date || !(end = strptime(date, "%Y-%m-%d", &tm)) || *end)
		return INT64_MIN;
	return (int64_t)timegm(&tm) / 86400 - today;
}

/* "A + B + C": the parties' names. */
static void put_parties(struct strbuf *b, const json_t *agreement, const char *sep)
{
	const json_t *p;
	size_t i;

	json_array_foreach(json_object_get(agreement, "parties"), i, p)
		strbuf_printf(b, "%s%s", i ? sep : "", str(p, "name") ? str(p, "name") : "?");
	if (json_array_size(json_object_get(agreement, "parties")) == 0)
		strbuf_puts(b, "(parties not named)");
}

/* The event a reminder is about, or NULL. */
static const json_t *event_of(const json_t *reminder, const json_t *agreement)
{
	json_int_t id = json_integer_value(json_object_get(reminder, "event_id"));
	const json_t *e;
	size_t i;

	json_array_foreach(json_object_get(agreement, "events"), i, e)
		if (id && json_integer_value(json_object_get(e, "id")) == id)
			return e;
	return NULL;
}

static void put_in_days(struct strbuf *b, int64_t days)
{
	if (days == INT64_MIN)
		strbuf_puts(b, "soon");
	else if (days == 0)
		strbuf_puts(b, "today");
	else if (days == 1)
		strbuf_puts(b, "tomorrow");
	else if (days < 0)
		strbuf_printf(b, "%lld days ago", (long long)-days);
	else
		strbuf_printf(b, "in %lld days", (long long)days);
}

char *remind_subject(const json_t *reminder, const json_t *agreement, int64_t today)
{
	struct strbuf b = STRBUF_INIT;
	const char *kind = str(reminder, "kind") ? str(reminder, "kind") : "";
	const char *target = str(reminder, "target_date");
	int64_t days = remind_days_until(target, today);

	if (strcmp(kind, "agreement.expiring") == 0) {
		strbuf_printf(&b, "%s expires ", type_label(str(agreement, "type")));
		put_in_days(&b, days);
		strbuf_puts(&b, ": ");
	} else if (strcmp(kind, "event.upcoming") == 0) {
		const json_t *e = event_of(reminder, agreement);
		strbuf_printf(&b, "%s starts ", event_label(e ? str(e, "type") : NULL));
		put_in_days(&b, days);
		strbuf_puts(&b, ": ");
	} else {
		strbuf_printf(&b, "New %s: ", type_label(str(agreement, "type")));
	}
	put_parties(&b, agreement, " – ");
	if (target && strcmp(kind, "agreement.new") != 0)
		strbuf_printf(&b, " (%s)", target);
	return strbuf_steal(&b);
}

static void put_line(struct strbuf *b, const char *label, const char *value)
{
	if (value && *value)
		strbuf_printf(b, "%-12s %s\n", label, value);
}

static void put_who(struct strbuf *b, const json_t *agreement)
{
	const json_t *p, *s;
	size_t i;

	strbuf_puts(b, "Who:\n");
	json_array_foreach(json_object_get(agreement, "parties"), i, p) {
		const char *c = str(p, "country");
		strbuf_printf(b, "  - %s%s%s%s\n", str(p, "name") ? str(p, "name") : "?",
			      c ? " (" : "", c ? c : "", c ? ")" : "");
	}
	json_array_foreach(json_object_get(agreement, "signatories"), i, s) {
		const char *role = str(s, "role");
		strbuf_printf(b, "%s%s%s%s\n", i ? "             " : "Signed by:   ",
			      str(s, "name") ? str(s, "name") : "?", role ? ", " : "", role ? role : "");
	}
}

static void put_when(struct strbuf *b, const json_t *reminder, const json_t *agreement,
		     int64_t today)
{
	const char *kind = str(reminder, "kind") ? str(reminder, "kind") : "";
	const char *target = str(reminder, "target_date");
	int64_t days = remind_days_until(target, today);

	put_line(b, "Signed on:", str(agreement, "signed_on"));
	put_line(b, "Expires on:", str(agreement, "expires_on"));
	if (strcmp(kind, "agreement.new") == 0 || !target)
		return;
	const json_t *e = event_of(reminder, agreement);
	if (strcmp(kind, "event.upcoming") == 0)
		strbuf_printf(b, "%-12s %s starts on %s", "When:",
			      event_label(e ? str(e, "type") : NULL), target);
	else
		strbuf_printf(b, "%-12s the agreement expires on %s", "When:", target);
	if (days != INT64_MIN && days >= 0)
		strbuf_printf(b, " (%lld day%s left)", (long long)days, days == 1 ? "" : "s");
	strbuf_putc(b, '\n');
}

static void put_sources(struct strbuf *b, const json_t *agreement)
{
	const json_t *s;
	size_t i;

	strbuf_puts(b, "\nSources:\n");
	json_array_foreach(json_object_get(agreement, "sources"), i, s) {
		const char *title = str(s, "title");
		strbuf_printf(b, "  - %s%s%s\n", str(s, "url") ? str(s, "url") : "?",
			      title ? "\n    " : "", title ? title : "");
	}
}

static void put_programs(struct strbuf *b, const json_t *agreement)
{
	const json_t *p;
	size_t i;

	if (json_array_size(json_object_get(agreement, "programs")) == 0)
		return;
	strbuf_printf(b, "%-12s ", "Programmes:");
	json_array_foreach(json_object_get(agreement, "programs"), i, p)
		strbuf_printf(b, "%s%s", i ? ", " : "", json_string_value(p));
	strbuf_putc(b, '\n');
}

char *remind_text(const json_t *reminder, const json_t *agreement, int64_t today)
{
	struct strbuf b = STRBUF_INIT;
	char *subject = remind_subject(reminder, agreement, today);

	strbuf_printf(&b, "%s\n\n", subject);
	strbuf_printf(&b, "What:        %s between ", type_label(str(agreement, "type")));
	put_parties(&b, agreement, " and ");
	strbuf_putc(&b, '\n');
	put_who(&b, agreement);
	put_when(&b, reminder, agreement, today);
	put_programs(&b, agreement);
	put_line(&b, "Where:", str(agreement, "location"));
	put_sources(&b, agreement);
	strbuf_printf(&b, "\n-- \nmouwatch reminder %lld, agreement %lld ('mouwatch agreement %lld').\n",
		      (long long)json_integer_value(json_object_get(reminder, "reminder_id")),
		      (long long)json_integer_value(json_object_get(agreement, "id")),
		      (long long)json_integer_value(json_object_get(agreement, "id")));
	free(subject);
	return strbuf_steal(&b);
}

bool remind_ics_event_of(const json_t *reminder, const json_t *agreement,
			 struct remind_ics_event *ev, char **hold)
{
	const char *kind = str(reminder, "kind") ? str(reminder, "kind") : "";
	const char *date = strcmp(kind, "agreement.new") == 0 ? str(agreement, "signed_on")
							      : str(reminder, "target_date");
	long long aid = (long long)json_integer_value(json_object_get(agreement, "id"));
	long long eid = (long long)json_integer_value(json_object_get(reminder, "event_id"));
	struct strbuf b = STRBUF_INIT;

	*hold = NULL;
	if (!date || remind_days_until(date, 0) == INT64_MIN)
		return false;
	/* Parts separated by NULs in one allocation: uid, summary. */
	if (strcmp(kind, "event.upcoming") == 0)
		strbuf_printf(&b, "event-%lld@mouwatch", eid);
	else if (strcmp(kind, "agreement.expiring") == 0)
		strbuf_printf(&b, "expiry-%lld@mouwatch", aid);
	else
		strbuf_printf(&b, "signed-%lld@mouwatch", aid);
	size_t summary_at = b.len + 1;
	strbuf_putc(&b, '\0');
	const json_t *e = event_of(reminder, agreement);
	strbuf_printf(&b, "%s: ", strcmp(kind, "event.upcoming") == 0
			? event_label(e ? str(e, "type") : NULL)
			: strcmp(kind, "agreement.expiring") == 0 ? "Expiry" : "Signed");
	put_parties(&b, agreement, " – ");
	*hold = strbuf_steal(&b);
	*ev = (struct remind_ics_event){ .uid = *hold, .date = date,
		.summary = *hold + summary_at, .description = NULL, .url = NULL };
	const json_t *src = json_array_get(json_object_get(agreement, "sources"), 0);
	ev->url = src ? str(src, "url") : NULL;
	return true;
}
