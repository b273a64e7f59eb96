/* feed_date.h: the date parser every part of mouwatch shares for the dates
 * feeds and web pages emit: RFC 822/1123/850, asctime, ISO 8601/RFC 3339,
 * Indonesian and Malay month and day names, named zones (WIB, WITA, WIT,
 * MYT, US and military zones) and common broken forms. */
#ifndef MW_FEED_DATE_H
#define MW_FEED_DATE_H

#include <stdbool.h>
#include <time.h>

/* Parses s into seconds since the epoch (UTC). A missing zone means UTC, a
 * missing time midnight, a two-digit year 19xx (>= 50) or 20xx (< 50).
 * Returns false, leaving *out alone, when s is not a complete, valid date:
 * it never guesses a day, month or year that is not written. */
bool feed_parse_date(const char *s, time_t *out);

struct mw_tz;
/* feed_parse_date() where a date without a zone (a "naive" one, also a
 * date alone) is a wall time in tz (tz.h); NULL means UTC. */
bool feed_parse_date_in(const char *s, const struct mw_tz *tz, time_t *out);

/* Seconds since the epoch of a UTC civil date and time; no range checks. */
time_t feed_date_from_civil(int year, int month, int day, int hour, int min, int sec);

#endif
