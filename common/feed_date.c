/* feed_date.c: owns date parsing for feeds (see feed_date.h). Two paths:
 * ISO 8601 ("2025-01-31T08:00:00+07:00", "2025-01-31 08:00", "2025-01-31")
 * and a tolerant token reader for everything RFC 822-like, where words are
 * looked up in the month, day, zone and noise tables below. Anything the
 * tables do not know makes the whole date unparseable: a wrong date is
 * worse than none. */
#include "feed_date.h"
#include "civil.h"
#include "tz.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

struct word {
	const char *name;  /* lower-case ASCII letters only */
	int value;
};

/* Months in English, Indonesian and Malay. Abbreviations of three letters
 * or more match by prefix ("Agu", "Okt", "Sept"); listed ones are those that
 * are not prefixes ("Agt", "Mac"). */
static const struct word months[] = {
	{ "january", 1 }, { "januari", 1 }, { "february", 2 }, { "februari", 2 },
	{ "pebruari", 2 }, { "march", 3 }, { "maret", 3 }, { "mac", 3 },
	{ "april", 4 }, { "may", 5 }, { "mei", 5 }, { "june", 6 }, { "juni", 6 },
	{ "july", 7 }, { "juli", 7 }, { "julai", 7 }, { "august", 8 },
	{ "agustus", 8 }, { "ogos", 8 }, { "agt", 8 }, { "ags", 8 },
	{ "september", 9 }, { "october", 10 }, { "oktober", 10 },
	{ "november", 11 }, { "nopember", 11 }, { "december", 12 },
	{ "desember", 12 }, { "disember", 12 },
};

/* Day names are recognised and ignored: the date itself decides. */
static const struct word days[] = {
	{ "monday", 1 }, { "senin", 1 }, { "isnin", 1 }, { "tuesday", 2 },
	{ "selasa", 2 }, { "wednesday", 3 }, { "rabu", 3 }, { "thursday", 4 },
	{ "thur", 4 }, { "kamis", 4 }, { "khamis", 4 }, { "friday", 5 },
	{ "jumat", 5 }, { "jumaat", 5 }, { "saturday", 6 }, { "sabtu", 6 },
	{ "sunday", 0 }, { "minggu", 0 }, { "ahad", 0 },
};

/* Named zones, offset in minutes east of UTC. Exact matches only. */
static const struct word zones[] = {
	{ "ut", 0 }, { "utc", 0 }, { "gmt", 0 }, { "z", 0 },
	{ "est", -300 }, { "edt", -240 }, { "cst", -360 }, { "cdt", -300 },
	{ "mst", -420 }, { "mdt", -360 }, { "pst", -480 }, { "pdt", -420 },
	{ "akst", -540 }, { "akdt", -480 }, { "hst", -600 },
	{ "wib", 420 }, { "wita", 480 }, { "wit", 540 }, { "myt", 480 },
	{ "sgt", 480 }, { "ict", 420 }, { "pht", 480 }, { "jst", 540 },
	{ "kst", 540 }, { "ist", 330 }, { "aest", 600 }, { "aedt", 660 },
	{ "awst", 480 }, { "cet", 60 }, { "cest", 120 }, { "bst", 60 },
	{ "eet", 120 }, { "eest", 180 }, { "wet", 0 }, { "west", 60 },
};

/* Words that may stand between the parts of a date and mean nothing. */
static const char *const noise[] = { "pukul", "jam", "at", "on", "the", "pada" };

struct date_parts {
	int year, month, day, hour, min, sec;
	int offset;          /* minutes east of UTC */
	int year_digits;
	int ampm;            /* 0 none, 1 am, 2 pm */
	bool have_year, have_month, have_day, have_time, have_zone, have_numzone;
};

static int lookup(const struct word *tab, size_t n, const char *w, bool prefix)
{
	size_t len = strlen(w);

	for (size_t i = 0; i < n; i++) {
		if (strcmp(tab[i].name, w) == 0)
			return (int)i;
	}
	if (!prefix || len < 3)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (strncmp(tab[i].name, w, len) == 0)
			return (int)i;
	}
	return -1;
}

#define LOOKUP(tab, w, prefix) lookup(tab, sizeof tab / sizeof tab[0], w, prefix)

static int military_zone(const char *w)
{
	if (w[0] == '\0' || w[1] != '\0' || w[0] == 'j')
		return -1;
	if (w[0] >= 'a' && w[0] <= 'i')
		return (w[0] - 'a' + 1) * 60;
	if (w[0] >= 'k' && w[0] <= 'm')
		return (w[0] - 'k' + 10) * 60;
	if (w[0] >= 'n' && w[0] <= 'y')
		return -(w[0] - 'n' + 1) * 60;
	return -1;
}

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int dim[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

time_t feed_date_from_civil(int year, int month, int day, int hour, int min, int sec)
{
	int64_t ndays = civil_to_days(year, month, day);

	return (time_t)(ndays * 86400 + hour * 3600 + min * 60 + sec);
}

/* Reads 1..max digits at *p; returns the count read (0: none). */
static int read_num(const char **p, int max, int *val)
{
	int n = 0, v = 0;

	while (n < max && isdigit((unsigned char)**p)) {
		v = v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	*val = v;
	return n;
}

/* "hh:mm[:ss[.frac]]" (also with '.' between the parts, as Indonesian
 * sites write "08.15"). Advances *p past it. */
static bool read_time(const char **p, struct date_parts *d)
{
	const char *s = *p;

	if (read_num(&s, 2, &d->hour) == 0 || (*s != ':' && *s != '.'))
		return false;
	char sep = *s++;
	if (read_num(&s, 2, &d->min) != 2)
		return false;
	d->sec = 0;
	if (*s == sep && isdigit((unsigned char)s[1])) {
		s++;
		if (read_num(&s, 2, &d->sec) != 2)
			return false;
		if ((*s == '.' || *s == ',') && isdigit((unsigned char)s[1])) {
			s++;
			while (isdigit((unsigned char)*s))
				s++;
		}
	}
	d->have_time = true;
	*p = s;
	return true;
}

/* "+hhmm", "+hh:mm", "+hh", "+h" at *p. */
static bool read_offset(const char **p, int *offset)
{
	const char *s = *p;
	int sign = *s == '-' ? -1 : 1;
	int h, m = 0, n;

	s++;
	n = read_num(&s, 2, &h);
	if (n == 0)
		return false;
	if (n == 2 && *s == ':')
		s++;
	if (n == 2 && isdigit((unsigned char)*s) && read_num(&s, 2, &m) != 2)
		return false;
	if (isdigit((unsigned char)*s) || h > 14 || m > 59)
		return false;
	*offset = sign * (h * 60 + m);
	*p = s;
	return true;
}

static bool is_sep(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ','
	       || c == '(' || c == ')' || c == '/' || c == '-' || c == '+';
}

/* A word: letters, apostrophes, dots and non-ASCII bytes; only ASCII
 * letters are kept (lower-cased) so "Jum'at" and "Jum’at" both read "jumat". */
static void read_word(const char **p, char *w, size_t size)
{
	const char *s = *p;
	size_t n = 0;

	while (*s && !is_sep(*s) && !isdigit((unsigned char)*s) && *s != ':') {
		if (isalpha((unsigned char)*s) && n + 1 < size)
			w[n++] = (char)tolower((unsigned char)*s);
		s++;
	}
	w[n] = '\0';
	*p = s;
}

static bool take_word(const char *w, struct date_parts *d)
{
	int i, off;

	if (w[0] == '\0')
		return true;
	if (strcmp(w, "am") == 0 || strcmp(w, "pm") == 0) {
		d->ampm = w[0] == 'a' ? 1 : 2;
		return d->have_time;
	}
	if ((i = LOOKUP(months, w, true)) >= 0) {
		if (d->have_month)
			return false;
		d->month = months[i].value;
		d->have_month = true;
		return true;
	}
	if (LOOKUP(days, w, true) >= 0)
		return true;
	for (size_t k = 0; k < sizeof noise / sizeof noise[0]; k++)
		if (strcmp(noise[k], w) == 0)
			return true;
	if ((i = LOOKUP(zones, w, false)) >= 0)
		off = zones[i].value;
	else if ((off = military_zone(w)) == -1 || !d->have_time)
		return false;
	if (!d->have_zone) {
		d->offset = off;
		d->have_zone = true;
	}
	return true;
}

static bool take_number(const char **p, struct date_parts *d)
{
	int v;
	int n = read_num(p, 9, &v);

	if (isalpha((unsigned char)**p)) {
		/* "1st", "2nd", "31st": an ordinal day. */
		char w[8];
		read_word(p, w, sizeof w);
		if (strcmp(w, "st") && strcmp(w, "nd") && strcmp(w, "rd") && strcmp(w, "th"))
			return false;
	}
	if (n == 4 && !d->have_year) {
		d->year = v;
		d->year_digits = 4;
		d->have_year = true;
	} else if (n <= 2 && !d->have_day) {
		d->day = v;
		d->have_day = true;
	} else if (n <= 2 && !d->have_year) {
		d->year = v;
		d->year_digits = n;
		d->have_year = true;
	} else {
		return false;
	}
	return true;
}

/* One token at *p, RFC 822 style. */
static bool take_token(const char **p, struct date_parts *d)
{
	const char *s = *p;
	char w[32];

	if ((*s == '+' || *s == '-') && d->have_time && !d->have_numzone
	    && isdigit((unsigned char)s[1])) {
		if (!read_offset(p, &d->offset))
			return false;
		d->have_zone = d->have_numzone = true;
		return true;
	}
	if (is_sep(*s)) {
		(*p)++;
		return true;
	}
	if (isdigit((unsigned char)*s)) {
		const char *q = s;
		int dummy;
		read_num(&q, 9, &dummy);
		if ((*q == ':' || *q == '.') && isdigit((unsigned char)q[1]))
			return !d->have_time && read_time(p, d);
		return take_number(p, d);
	}
	if (*s == ':' || *s == '.') {
		(*p)++;
		return true;
	}
	read_word(p, w, sizeof w);
	return take_word(w, d);
}

/* ISO 8601: YYYY-MM-DD[(T| )hh:mm[:ss[.frac]]][Z|+hh:mm|+hhmm|+hh| ZONE] */
static bool parse_iso(const char *s, struct date_parts *d)
{
	char sep;

	if (read_num(&s, 4, &d->year) != 4 || (*s != '-' && *s != '/'))
		return false;
	sep = *s++;
	if (read_num(&s, 2, &d->month) == 0 || *s++ != sep || read_num(&s, 2, &d->day) == 0)
		return false;
	d->year_digits = 4;
	d->have_year = d->have_month = d->have_day = true;
	if (*s == 'T' || *s == 't' || (*s == ' ' && isdigit((unsigned char)s[1]))) {
		s++;
		if (!read_time(&s, d))
			return false;
	}
	while (*s == ' ')
		s++;
	if (*s == '+' || *s == '-') {
		if (!d->have_time || !read_offset(&s, &d->offset))
			return false;
		d->have_zone = true;
	} else if (isalpha((unsigned char)*s)) {
		char w[32];
		read_word(&s, w, sizeof w);
		int i = LOOKUP(zones, w, false);
		if (i < 0)
			return false;
		d->offset = zones[i].value;
		d->have_zone = true;
	}
	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	return *s == '\0';
}

static bool parse_rfc822(const char *s, struct date_parts *d)
{
	while (*s) {
		if (!take_token(&s, d))
			return false;
	}
	return d->have_year && d->have_month && d->have_day;
}

static bool looks_iso(const char *s)
{
	for (int i = 0; i < 4; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return s[4] == '-' || s[4] == '/';
}

/* Range checks and the small repairs: two-digit years, 12-hour clocks,
 * leap seconds. */
static bool finish(struct date_parts *d, const struct mw_tz *tz, time_t *out)
{
	if (d->year_digits <= 2)
		d->year += d->year < 50 ? 2000 : 1900;
	else if (d->year_digits != 4)
		return false;
	if (d->ampm) {
		if (d->hour < 1 || d->hour > 12)
			return false;
		d->hour = d->hour % 12 + (d->ampm == 2 ? 12 : 0);
	}
	if (d->sec == 60)
		d->sec = 59;
	if (d->year < 1900 || d->month < 1 || d->month > 12 || d->day < 1
	    || d->day > days_in_month(d->year, d->month) || d->hour > 23
	    || d->min > 59 || d->sec > 59)
		return false;
	time_t local = feed_date_from_civil(d->year, d->month, d->day, d->hour, d->min, d->sec);
	/* A date without a zone is on the feed's clock (UTC when none). */
	if (!d->have_zone && tz)
		*out = local - mw_tz_local_offset(tz, (int64_t)local);
	else
		*out = local - (time_t)d->offset * 60;
	return true;
}

bool feed_parse_date(const char *s, time_t *out)
{
	return feed_parse_date_in(s, NULL, out);
}

bool feed_parse_date_in(const char *s, const struct mw_tz *tz, time_t *out)
{
	struct date_parts d = { 0 };

	if (s == NULL)
		return false;
	while (isspace((unsigned char)*s))
		s++;
	if (looks_iso(s) ? !parse_iso(s, &d) : !parse_rfc822(s, &d))
		return false;
	return finish(&d, tz, out);
}
