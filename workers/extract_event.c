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

static void sentence_event(struct doc *d, struct record *r, int si)
{
	const struct sent *s = &d->sents[si];
	const struct lex_entry *e = NULL;
	int at = lex_find(d, s->first, s->end, LEX_EVENT, &e);
	if (at < 0 || lex_find(d, s->first, s->end, LEX_VALID, NULL) >= 0)
		return;
	struct dateref dr[MAX_DATES];
	int n = date_scan(d, s->first, s->end, dr, MAX_DATES), pick = -1;
	for (int i = 0; i < n && pick < 0; i++)
		if (upcoming(d, &dr[i]) && !(r->signed_on.y && ymd_cmp(dr[i].date, r->signed_on) == 0))
			pick = i;
	if (pick < 0 || r->nevents == MAX_EVENTS)
		return;
	struct event *ev = &r->events[r->nevents++];
	memset(ev, 0, sizeof *ev);
	ev->type = e->tag;
	ev->start = dr[pick].date;
	ev->prec = dr[pick].prec;
	ev->sent = si;
	for (int i = pick + 1; i < n; i++)
		if (dr[i].role == DATE_END)
			ev->end = dr[i].date;
	dur_scan(d, s->first, s->end, &ev->dur, 1);
}

void stage_events(struct doc *d, struct record *r)
{
	for (int i = 0; i < d->nsent; i++)
		if (!d->sents[i].signing)
			sentence_event(d, r, i);
}
