/* remind_msg.h: the pure parts of reminder messages, with no I/O, so the
 * unit tests can check them: webhook signature, RFC 2047 headers, quoted-
 * printable bodies, iCalendar (RFC 5545), the e-mail (RFC 5322 + MIME),
 * the human text of a reminder, the retry schedule and channel matching.
 * Every returned string is new and the caller frees it. */
#ifndef MW_REMIND_MSG_H
#define MW_REMIND_MSG_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mwconfig.h"

/* ---- remind_sign.c ---- */
char *remind_base64(const unsigned char *data, size_t len);
/* "v1,<base64 HMAC-SHA256 of id.timestamp.body>" keyed with key. */
char *remind_sign(const unsigned char *key, size_t key_len, const char *id,
		  const char *timestamp, const char *body, size_t body_len);

/* ---- remind_mime.c ---- */
/* A header value: as is when printable ASCII, else RFC 2047 encoded-words
 * (=?UTF-8?B?...?=, at most 75 characters each, whole UTF-8 characters)
 * folded with CRLF SP. */
char *remind_rfc2047(const char *utf8);
/* Quoted-printable (RFC 2045) of UTF-8 text with LF or CRLF lines; lines
 * end in CRLF and are at most 76 characters. */
char *remind_qp(const char *text);

/* ---- remind_ics.c ---- */
/* One all-day event of a calendar. Borrowed strings. */
struct remind_ics_event {
	const char *uid;          /* stable per item, e.g. "expiry-12@mouwatch" */
	const char *date;         /* YYYY-MM-DD */
	const char *summary;
	const char *description;  /* or NULL */
	const char *url;          /* or NULL */
};
/* A VCALENDAR with the events, CRLF lines folded at 75 octets; now is the
 * DTSTAMP. */
char *remind_ics(const struct remind_ics_event *v, size_t n, int64_t now);

/* ---- remind_mail.c ---- */
/* Borrowed strings. */
struct remind_mail {
	const char *from;
	char *const *to;
	size_t n_to;
	const char *subject;      /* UTF-8 */
	const char *text;         /* UTF-8 body, LF lines */
	const char *ics;          /* attachment or NULL */
	const char *ics_name;     /* its file name */
	const char *message_id;   /* without <>; stable per delivery */
	int64_t date;
};
/* The whole RFC 5322 message, CRLF lines. */
char *remind_mail_build(const struct remind_mail *m);

/* ---- remind_text.c: what a person reads ---- */
/* The reminder (a row of db_deliveries_due/db_reminders_due: kind,
 * lead_days, target_date, event_id) about agreement (db_query_agreement's
 * object). today is days since the epoch. */
char *remind_subject(const json_t *reminder, const json_t *agreement, int64_t today);
char *remind_text(const json_t *reminder, const json_t *agreement, int64_t today);
/* The calendar event of the reminder's date (expiry, event start, or the
 * signing day for agreement.new); false when it has no date. The strings
 * written to ev are owned by *hold (caller frees it with free()). */
bool remind_ics_event_of(const json_t *reminder, const json_t *agreement,
			 struct remind_ics_event *ev, char **hold);
/* Days from today to "YYYY-MM-DD"; INT64_MIN when malformed. */
int64_t remind_days_until(const char *date, int64_t today);

/* ---- remind_retry.c ---- */
/* When to try again after the attempts-th failed attempt (1 = the first):
 * schedule[attempts - 1] (the last entry repeats) scaled by jitter (a
 * factor, e.g. 0.9..1.1), at least retry_after_s (< 0: none), from now.
 * -1 when that is later than first_attempt_at + give_up_after: give up
 * (counted from the first attempt, not the creation: time in the queue
 * before it does not count). */
int64_t remind_retry_next(const long long *schedule, size_t n, int attempts,
			  int64_t first_attempt_at, int64_t now, long retry_after_s,
			  long long give_up_after, double jitter);

/* ---- remind_match.c ---- */
/* Whether a channel's match filter takes the agreement (its record: parties
 * with country, name, aliases; programs; type; language). No rules: yes. */
bool remind_match(const struct mw_match *m, const json_t *agreement);

#endif
