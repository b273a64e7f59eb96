/* cli_export_ics.c: 'mouwatch export-ics [--days N] [-o FILE]': the
 * upcoming event starts and expiries as an iCalendar file (RFC 5545) for
 * the calendars of the people who must act on them. One all-day VEVENT
 * per date, with a UID stable across exports so calendars update instead
 * of duplicating. */
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

static void ics_event(FILE *out, const json_t *u, const char *stamp)
{
	const char *date = cli_jstr(u, "date"), *what = cli_jstr(u, "what");
	bool expiry = what && strcmp(what, "expiry") == 0;
	struct strbuf b = STRBUF_INIT;
	char day[9];

	if (date == NULL || strlen(date) < 10)
		return;
	snprintf(day, sizeof day, "%.4s%.2s%.2s", date, date + 5, date + 8);
	ics_line(out, "BEGIN:VEVENT");
	strbuf_printf(&b, "UID:mouwatch-%lld-%s-%lld@mouwatch", cli_jint(u, "agreement_id"),
		      expiry ? "expiry" : "event", cli_jint(u, "event_id"));
	ics_line(out, strbuf_str(&b));
	strbuf_truncate(&b, 0);
	strbuf_printf(&b, "DTSTAMP:%s", stamp);
	ics_line(out, strbuf_str(&b));
	strbuf_truncate(&b, 0);
	strbuf_printf(&b, "DTSTART;VALUE=DATE:%s", day);
	ics_line(out, strbuf_str(&b));
	strbuf_truncate(&b, 0);
	strbuf_puts(&b, "SUMMARY:");
	ics_escape(&b, expiry ? "Agreement expires: " : "Starts: ");
	ics_escape(&b, cli_jstr(u, "type"));
	ics_escape(&b, " — ");
	ics_escape(&b, cli_jstr(u, "parties"));
	ics_line(out, strbuf_str(&b));
	strbuf_truncate(&b, 0);
	strbuf_printf(&b, "DESCRIPTION:mouwatch agreement %lld (mouwatch agreement %lld)",
		      cli_jint(u, "agreement_id"), cli_jint(u, "agreement_id"));
	ics_line(out, strbuf_str(&b));
	ics_line(out, "END:VEVENT");
	strbuf_free(&b);
}

static void write_ics(FILE *out, const json_t *arr)
{
	char stamp[32];
	time_t now = time(NULL);
	struct tm tm;
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
		ics_event(out, u, stamp);
	ics_line(out, "END:VCALENDAR");
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
