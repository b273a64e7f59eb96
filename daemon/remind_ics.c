/* remind_ics.c: iCalendar (RFC 5545) text of all-day events: the .ics
 * attached to reminder e-mail (and, later, 'mouwatch export-ics'). Text
 * values are escaped (backslash, semicolon, comma, newline) and content
 * lines folded at 75 octets without splitting a UTF-8 character. */
#include "remind_msg.h"
#include "strbuf.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Appends one content line, folded, with CRLF. */
static void ics_line(struct strbuf *b, const char *line)
{
	size_t len = strlen(line), col = 0;

	for (size_t i = 0; i < len;) {
		size_t c = 1;
		unsigned char u = (unsigned char)line[i];
		c = u >= 0xf0 ? 4 : u >= 0xe0 ? 3 : u >= 0xc0 ? 2 : 1;
		if (i + c > len)
			c = len - i;
		if (col + c > 75) {
			strbuf_puts(b, "\r\n ");
			col = 1;
		}
		strbuf_append(b, line + i, c);
		col += c;
		i += c;
	}
	strbuf_puts(b, "\r\n");
}

static char *ics_escape(const char *s)
{
	struct strbuf b = STRBUF_INIT;

	for (; *s; s++) {
		if (*s == '\\' || *s == ';' || *s == ',')
			strbuf_putc(&b, '\\');
		if (*s == '\n')
			strbuf_puts(&b, "\\n");
		else if (*s != '\r')
			strbuf_putc(&b, *s);
	}
	return strbuf_steal(&b);
}

static void ics_prop(struct strbuf *b, const char *name, const char *value,
		     bool escape)
{
	char *v = escape ? ics_escape(value) : xstrdup(value);
	char *line = xasprintf("%s:%s", name, v);

	ics_line(b, line);
	free(line);
	free(v);
}

/* "YYYY-MM-DD" -> "YYYYMMDD" in buf[9]; false when malformed. */
static bool ics_date(const char *iso, char buf[9], int64_t *days_out)
{
	struct tm tm = { 0 };
	char *end;

	if (!iso || !(end = strptime(iso, "%Y-%m-%d", &tm)) || *end)
		return false;
	strftime(buf, 9, "%Y%m%d", &tm);
	*days_out = (int64_t)timegm(&tm) / 86400;
	return true;
}

static void ics_event(struct strbuf *b, const struct remind_ics_event *e,
		      const char *stamp)
{
	char start[9], end[9];
	int64_t days;

	if (!ics_date(e->date, start, &days))
		return;
	time_t next = (time_t)((days + 1) * 86400);
	struct tm tm;
	gmtime_r(&next, &tm);
	strftime(end, sizeof end, "%Y%m%d", &tm);
	ics_line(b, "BEGIN:VEVENT");
	ics_prop(b, "UID", e->uid, false);
	ics_prop(b, "DTSTAMP", stamp, false);
	ics_prop(b, "DTSTART;VALUE=DATE", start, false);
	ics_prop(b, "DTEND;VALUE=DATE", end, false);
	ics_prop(b, "SUMMARY", e->summary, true);
	if (e->description)
		ics_prop(b, "DESCRIPTION", e->description, true);
	if (e->url)
		ics_prop(b, "URL", e->url, false);
	ics_line(b, "TRANSP:TRANSPARENT");
	ics_line(b, "END:VEVENT");
}

char *remind_ics(const struct remind_ics_event *v, size_t n, int64_t now)
{
	struct strbuf b = STRBUF_INIT;
	char stamp[17];
	time_t t = (time_t)now;
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
	ics_line(&b, "BEGIN:VCALENDAR");
	ics_line(&b, "VERSION:2.0");
	ics_line(&b, "PRODID:-//mouwatch//reminders//EN");
	ics_line(&b, "CALSCALE:GREGORIAN");
	ics_line(&b, "METHOD:PUBLISH");
	for (size_t i = 0; i < n; i++)
		ics_event(&b, &v[i], stamp);
	ics_line(&b, "END:VCALENDAR");
	return strbuf_steal(&b);
}
