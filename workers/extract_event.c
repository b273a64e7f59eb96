/* extract_event.c: the event stage: dated things that will happen under
 * the agreement ("berlangsung selama sebulan pada 2025, termasuk siswa
 * bertukar" -> an exchange in 2025, precision year, duration P1M). A
 * sentence holds an event when it has an event word (LEX_EVENT) and a date
 * not before publication that is not the signing date; its type is the
 * first event word, its duration the first duration of the sentence. */
#include <string.h>

#include "extract_int.h"

#define MAX_DATES 8

static bool upcoming(const struct doc *d, const struct dateref *dr)
{
	if (dr->relative || dr->role == DATE_END)
		return false;
	if (d->pub.y == 0)
		return true;
	switch (dr->prec) {
	case PREC_YEAR: return dr->date.y >= d->pub.y;
	case PREC_MONTH: return dr->date.y * 12 + dr->date.m >= d->pub.y * 12 + d->pub.m;
	default: return ymd_cmp(dr->date, d->pub) > 0;
	}
}

/* The first upcoming date of dr[0..n) starting in [a, b), or -1. */
static int pick_date(const struct doc *d, const struct record *r, struct dateref *dr, int n,
		     int a, int b)
{
	for (int i = 0; i < n; i++) {
		if (dr[i].first < a || dr[i].first >= b)
			continue;
		/* "in January" read in June: next January */
		if (dr[i].inferred && d->pub.y != 0 && !upcoming(d, &dr[i]))
			dr[i].date.y++;
		if (upcoming(d, &dr[i]) && !(r->signed_on.y && ymd_cmp(dr[i].date, r->signed_on) == 0))
			return i;
	}
	return -1;
}

static bool known(const struct record *r, const char *type, struct mw_ymd start)
{
	for (int i = 0; i < r->nevents; i++)
		if (strcmp(r->events[i].type, type) == 0 && ymd_cmp(r->events[i].start, start) == 0)
			return true;
	return false;
}

/* One event per event word: its date is the first upcoming one after it
 * and before the next event word ("internship begins on 15 September,
 * while the review is set for 3 to 5 March"), for the first word also one
 * before it ("Pada 1 Juli, magang dimulai"). */
static void sentence_event(struct doc *d, struct record *r, int si)
{
	const struct sent *s = &d->sents[si];
	if (lex_find(d, s->first, s->end, LEX_VALID, NULL) >= 0)
		return;
	struct dateref dr[MAX_DATES];
	int n = date_scan(d, s->first, s->end, dr, MAX_DATES);
	const struct lex_entry *e = NULL, *next_e = NULL;
	int at = lex_find(d, s->first, s->end, LEX_EVENT, &e), words = 0;
	while (at >= 0 && r->nevents < MAX_EVENTS) {
		int len = lex_match(d, at, s->end, LEX_EVENT, NULL);
		int next = lex_find(d, at + len, s->end, LEX_EVENT, &next_e);
		int seg_end = next >= 0 ? next : s->end;
		int pick = pick_date(d, r, dr, n, at, seg_end);
		if (pick < 0 && words == 0)
			pick = pick_date(d, r, dr, n, s->first, at);
		/* "bulan depan" before the event word may be another thing's */
		if (pick >= 0 && dr[pick].first < at && lex_match(d, dr[pick].first, s->end, LEX_RELDAY, NULL) > 0)
			pick = -1;
		words++;
		if (pick >= 0 && !known(r, e->tag, dr[pick].date)) {
			struct event *ev = &r->events[r->nevents++];
			memset(ev, 0, sizeof *ev);
			ev->type = e->tag;
			ev->start = dr[pick].date;
			ev->prec = dr[pick].prec;
			ev->sent = si;
			for (int i = pick + 1; i < n && dr[i].first < seg_end; i++)
				if (dr[i].role == DATE_END)
					ev->end = dr[i].date;
			if (dur_scan(d, at, seg_end, &ev->dur, 1) == 0 && words == 1)
				dur_scan(d, s->first, at, &ev->dur, 1);
		}
		at = next;
		e = next_e;
	}
}

void stage_events(struct doc *d, struct record *r)
{
	for (int i = 0; i < d->nsent; i++)
		if (!d->sents[i].signing)
			sentence_event(d, r, i);
}
