/* cli_export_ics.c: 'mouwatch export-ics [--days N] [-o FILE]': the
 * upcoming event starts and expiries as an iCalendar file (RFC 5545) for
 * the calendars of the people who must act on them. One all-day VEVENT
 * per date, with a UID stable across exports so calendars update instead
 * of duplicating. With --json the same events come as a JSON array. */
#include "cli_client.h"
#include "cli_out.h"
#include "strbuf.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* TEXT value escaping of RFC 5545 3.3.11. */
static void ics_escape(struct strbuf *b, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '\\' || *s == ';' || *s == ',')
			strbuf_putc(b, '\\');
		if (*s == '\n')
			strbuf_puts(b, "\\n");
		else if (*s != '\r')
			strbuf_putc(b, *s);
	}
}

/* Writes one content line folded at 75 octets, never inside a UTF-8
 * sequence, with CRLF. */
static void ics_line(FILE *out, const char *line)
{
	size_t col = 0;

	for (const char *p = line; *p; p++) {
		if (col >= 74 && ((unsigned char)*p & 0xC0) != 0x80) {
			fputs("\r\n ", out);
			col = 1;
		}
		fputc(*p, out);
		col++;
	}
	fputs("\r\n", out);
}

/* One calendar event, as both outputs show it (strings owned). */
struct ics_item {
	char uid[96], day[9];
	const char *date;            /* borrowed from the upcoming row */
	struct strbuf summary, description;
};

/* false when the row has no usable date. */
static bool ics_item_of(const json_t *u, struct ics_item *it)
{
	const char *what = cli_jstr(u, "what");
	bool expiry = what && strcmp(what, "expiry") == 0;

	it->date = cli_jstr(u, "date");
	if (it->date == NULL || strlen(it->date) < 10)
		return false;
	snprintf(it->day, sizeof it->day, "%.4s%.2s%.2s", it->date, it->date + 5, it->date + 8);
	/* The same UIDs as the e-mails' .ics attachments (remind_text.c), so a
	 * calendar fed by both shows each date once. */
	if (expiry)
		snprintf(it->uid, sizeof it->uid, "expiry-%lld@mouwatch", cli_jint(u, "agreement_id"));
	else
		snprintf(it->uid, sizeof it->uid, "event-%lld@mouwatch", cli_jint(u, "event_id"));
	it->summary = (struct strbuf)STRBUF_INIT;
	it->description = (struct strbuf)STRBUF_INIT;
	strbuf_printf(&it->summary, "%s%s — %s", expiry ? "Agreement expires: " : "Starts: ",
		      cli_jstr(u, "type") ? cli_jstr(u, "type") : "",
		      cli_jstr(u, "parties") ? cli_jstr(u, "parties") : "");
	strbuf_printf(&it->description, "mouwatch agreement %lld", cli_jint(u, "agreement_id"));
	return true;
}

static void ics_item_free(struct ics_item *it)
{
	strbuf_free(&it->summary);
	strbuf_free(&it->description);
}

static void ics_event(FILE *out, const struct ics_item *it, const char *stamp)
{
	struct strbuf b = STRBUF_INIT;

	ics_line(out, "BEGIN:VEVENT");
	strbuf_printf(&b, "UID:%s", it->uid);
	ics_line(out, strbuf_str(&b));
	strbuf_truncate(&b, 0);
	strbuf_printf(&b, "DTSTAMP:%s", stamp);
	ics_line(out, strbuf_str(&b));
	strbuf_truncate(&b, 0);
	strbuf_printf(&b, "DTSTART;VALUE=DATE:%s", it->day);
	ics_line(out, strbuf_str(&b));
	strbuf_truncate(&b, 0);
	strbuf_puts(&b, "SUMMARY:");
	ics_escape(&b, strbuf_str(&it->summary));
	ics_line(out, strbuf_str(&b));
	strbuf_truncate(&b, 0);
	strbuf_puts(&b, "DESCRIPTION:");
	ics_escape(&b, strbuf_str(&it->description));
	ics_line(out, strbuf_str(&b));
	ics_line(out, "END:VEVENT");
	strbuf_free(&b);
}

static void write_ics(FILE *out, const json_t *arr)
{
	char stamp[32];
	time_t now = time(NULL);
	struct tm tm;
	struct ics_item it;
	size_t i;
	json_t *u;

	gmtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
	ics_line(out, "BEGIN:VCALENDAR");
	ics_line(out, "VERSION:2.0");
	ics_line(out, "PRODID:-//mouwatch//agreements//EN");
	ics_line(out, "CALSCALE:GREGORIAN");
	ics_line(out, "X-WR-CALNAME:mouwatch agreements");
	json_array_foreach(arr, i, u)
		if (ics_item_of(u, &it)) {
			ics_event(out, &it, stamp);
			ics_item_free(&it);
		}
	ics_line(out, "END:VCALENDAR");
}

/* --json: the same events as a JSON array, one object per VEVENT with
 * its uid, date, summary and description, and the ids behind it. */
static void write_json(FILE *out, const json_t *arr)
{
	json_t *events = json_array(), *u;
	struct ics_item it;
	size_t i;

	json_array_foreach(arr, i, u)
		if (ics_item_of(u, &it)) {
			json_array_append_new(events, json_pack("{s:s, s:s, s:s, s:s, s:O, s:O, s:O}",
				"uid", it.uid, "date", it.date, "summary", strbuf_str(&it.summary),
				"description", strbuf_str(&it.description),
				"what", json_object_get(u, "what") ? json_object_get(u, "what") : json_null(),
				"agreement_id", json_object_get(u, "agreement_id") ? json_object_get(u, "agreement_id") : json_null(),
				"event_id", json_object_get(u, "event_id") ? json_object_get(u, "event_id") : json_null()));
			ics_item_free(&it);
		}
	if (json_dumpf(events, out, JSON_INDENT(2)) == 0)
		fputc('\n', out);
	json_decref(events);
}

int cli_export_ics(const struct cli_opts *opts, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "days", required_argument, NULL, 'd' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	const char *path = NULL;
	long days = 365;
	json_t *res;
	int c, rc;

	optind = 0; /* full re-initialisation: options may follow arguments */
	while ((c = getopt_long(argc, argv, "o:", longopts, NULL)) != -1) {
		if (c == 'o')
			path = optarg;
		else if (c != 'd' || !cli_parse_count("--days", optarg, 36500, &days))
			goto usage;
	}
	if (optind < argc)
		goto usage;
	rc = cli_call(opts, "upcoming", json_pack("{s:I}", "days", (json_int_t)days), &res);
	if (rc != EXIT_OK)
		return rc;
	FILE *out = path ? fopen(path, "w") : stdout;
	if (out == NULL) {
		fprintf(stderr, "mouwatch: cannot write %s: %m\n", path);
		json_decref(res);
		return EXIT_FAIL;
	}
	if (opts->json)
		write_json(out, res);
	else
		write_ics(out, res);
	json_decref(res);
	if ((path ? fclose(out) : fflush(out)) != 0) {
		fprintf(stderr, "mouwatch: cannot write %s: %m\n", path ? path : "standard output");
		return EXIT_FAIL;
	}
	return EXIT_OK;
usage:
	fprintf(stderr, "usage: mouwatch export-ics [--days N] [-o FILE]\n");
	return EXIT_USAGE;
}
