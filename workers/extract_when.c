/* extract_when.c: the date stages. signed_on comes only from a sentence
 * that reports the signing (never from quotes about other things); the
 * agreement's duration from a sentence with a validity cue ("berlaku
 * selama tiga tahun"); expires_on is signed_on + duration, else a stated
 * end ("berlaku hingga 2027": an end year means 31 December of it, an end
 * month its last day), else publication + duration, marked estimated. */
#include <string.h>

#include "extract_int.h"

#define MAX_DATES 16
#define TERM_WINDOW 10  /* tokens before "selama"/"for" searched for the agreement */

static bool year_cue(const struct doc *d, int i)
{
	if (i <= 0)
		return false;
	const struct tok *t = &d->toks[i - 1];
	return tok_is(t, "pada") || tok_is(t, "tahun") || tok_is(t, "in");
}

/* End of a newsroom dateline opening sentence s ("PENANG, June 2 -",
 * "KUALA LUMPUR, Feb 10 --"): the token after its dash or colon, or
 * s->first when there is none. */
static int dateline_end(const struct doc *d, const struct sent *s)
{
	if (!d->toks[s->first].nl || s->title)
		return s->first;
	for (int i = s->first + 1; i < s->end && i <= s->first + 8; i++) {
		const struct tok *t = &d->toks[i];
		if (tok_punct(t, '-') || tok_punct(t, ':'))
			return i + 1;
		if (t->word && !t->cap && !t->num)
			break;
	}
	return s->first;
}

/* The signing date in sentence s, if any: a day or month before a year
 * alone ("diteken pada 2020, Kamis (20/2/2025)"), and a date in the
 * sentence ("on Friday") before the dateline's (the day of the report). */
static bool date_in(const struct doc *d, const struct sent *s, struct dateref *out)
{
	struct dateref dr[MAX_DATES];
	int n = date_scan(d, s->first, s->end, dr, MAX_DATES);
	int body = dateline_end(d, s);
	for (int pass = 0; pass < 3; pass++)
	for (int i = 0; i < n; i++) {
		if ((dr[i].prec == PREC_YEAR) != (pass == 2))
			continue;
		if (pass < 2 && (dr[i].first >= body) != (pass == 0))
			continue;
		if (dr[i].role == DATE_END)
			continue;
		/* "24 Februari": the latest such day on or before publication */
		if (dr[i].inferred && d->pub.y != 0 && ymd_days(dr[i].date) > ymd_days(d->pub))
			dr[i].date.y--;
		if (d->pub.y != 0 && ymd_days(dr[i].date) > ymd_days(d->pub) + 1)
			continue;  /* a signing reported is not in the future */
		if (dr[i].prec == PREC_YEAR && !year_cue(d, dr[i].first))
			continue;
		*out = dr[i];
		return true;
	}
	return false;
}

/* Words by which a signing takes the date of an occasion told elsewhere
 * ("pada majlis sama", "at the same event", "di sela rakor"). */
static const char *const same_event[] = {
	"same event", "same occasion", "same ceremony", "majlis sama",
	"majlis yang sama", "acara yang sama", "acara sama", "kesempatan yang sama",
	"kesempatan sama", "di sela", "di sela-sela", "sidelines", NULL
};

static bool has_phrase(const struct doc *d, const struct sent *s, const char *phrase)
{
	size_t n = strlen(phrase);
	int a = d->toks[s->first].off, b = s->end < d->ntok ? d->toks[s->end].off : (int)d->fold_len;
	for (int i = a; i + (int)n <= b; i++)
		if (memcmp(d->low + i, phrase, n) == 0 && (i == 0 || d->low[i - 1] == ' '))
			return true;
	return false;
}

/* The nearest sentence before signing sentence si (else after it) that
 * dates the occasion, when si refers to it. */
static void date_of_occasion(const struct doc *d, struct record *r)
{
	for (int si = 0; si < d->nsent && r->signed_sent < 0; si++) {
		const struct sent *s = &d->sents[si];
		bool cue = false;
		for (int k = 0; s->signing && same_event[k] != NULL && !cue; k++)
			cue = has_phrase(d, s, same_event[k]);
		if (!cue)
			continue;
		for (int dist = 1; dist < d->nsent && r->signed_sent < 0; dist++)
			for (int side = -1; side <= 1 && r->signed_sent < 0; side += 2) {
				int j = si + side * dist;
				struct dateref dr;
				if (j < 0 || j >= d->nsent || d->sents[j].title || !date_in(d, &d->sents[j], &dr) ||
				    dr.prec == PREC_YEAR)
					continue;
				r->signed_on = dr.date;
				r->signed_prec = dr.prec;
				r->signed_sent = j;
			}
	}
}

/* Words telling when and where a ceremony was held ("Majlis berlangsung
 * ... pada 14 Mei", "The ceremony took place on ..."). */
static const char *const held_cues[] = {
	"berlangsung", "dilangsungkan", "diadakan", "digelar", "diselenggarakan",
	"bertempat", "took place", "was held", "held on", NULL
};

#define HELD_AHEAD 3  /* sentences after the signing searched */

/* A signing sentence without a date takes the date of a sentence just
 * after it telling when the ceremony was held. */
static void date_of_ceremony(const struct doc *d, struct record *r)
{
	for (int si = 0; si < d->nsent && r->signed_sent < 0; si++) {
		if (!d->sents[si].signing || d->sents[si].title)
			continue;
		for (int j = si + 1; j < d->nsent && j <= si + HELD_AHEAD && r->signed_sent < 0; j++) {
			bool cue = false;
			for (int k = 0; held_cues[k] != NULL && !cue; k++)
				cue = has_phrase(d, &d->sents[j], held_cues[k]);
			struct dateref dr;
			if (!cue || !date_in(d, &d->sents[j], &dr) || dr.prec == PREC_YEAR)
				continue;
			r->signed_on = dr.date;
			r->signed_prec = dr.prec;
			r->signed_sent = j;
		}
	}
}

void stage_dates(struct doc *d, struct record *r)
{
	r->signed_sent = -1;
	for (int pass = 0; pass < 2 && r->signed_sent < 0; pass++) {
		for (int i = 0; i < d->nsent; i++) {
			const struct sent *s = &d->sents[i];
			struct dateref dr;
			if (!s->signing || s->title != (pass == 1) || !date_in(d, s, &dr))
				continue;
			r->signed_on = dr.date;
			r->signed_prec = dr.prec;
			r->signed_sent = i;
			break;
		}
	}
	date_of_occasion(d, r);
	date_of_ceremony(d, r);
}

/* ---- validity ------------------------------------------------------------ */

static struct mw_ymd end_of(const struct dateref *dr)
{
	struct mw_ymd v = dr->date;
	if (dr->prec == PREC_YEAR) {
		v.m = 12;
		v.d = 31;
	} else if (dr->prec == PREC_MONTH) {
		struct duration one = { 1, 'M', 0, 0 };
		v = days_ymd(ymd_days(dur_add(v, &one)) - 1);
	}
	return v;
}

/* Is the duration at [first, ...) introduced as the agreement's term? A
 * validity cue before it; else, when weak, "selama"/"for" just before it
 * in the signing sentence or after a word for the agreement. */
static bool term_cue(const struct doc *d, const struct sent *s, int at, bool weak)
{
	int cue = lex_find(d, s->first, at, LEX_VALID, NULL);
	if (cue >= 0 && lex_find(d, cue, at, LEX_EVENT, NULL) < 0)
		return true;
	if (!weak || at == s->first)
		return false;
	/* "a five-year MoU" */
	const struct tok *h = &d->toks[at];
	if (h->word && memchr(h->low, '-', (size_t)h->len) != NULL && at + 1 < s->end &&
	    (lex_match(d, at + 1, s->end, LEX_TYPE, NULL) > 0 || lex_match(d, at + 1, s->end, LEX_COOP, NULL) > 0))
		return true;
	int k = at - 1;
	if (k > s->first && (tok_is(&d->toks[k], "another") || tok_is(&d->toks[k], "further")))
		k--;
	const struct tok *t = &d->toks[k];
	if (!(tok_is(t, "for") || tok_is(t, "selama") || tok_is(t, "tempoh") || tok_is(t, "untuk")))
		return false;
	/* "kerjasama selama lima tahun itu": the agreement's own term; in the
	 * signing sentence the agreement or the signing may stand further back,
	 * but not a company's own plans ("which has run for three years"). */
	int back = s->signing ? TERM_WINDOW : 4;
	int from = k - back > s->first ? k - back : s->first;
	return lex_find(d, from, k, LEX_COOP, NULL) >= 0 || lex_find(d, from, k, LEX_TYPE, NULL) >= 0 ||
	       (s->signing && (lex_find(d, from, k, LEX_SIGN, NULL) >= 0 ||
			       lex_find(d, from, k, LEX_RENEW, NULL) >= 0));
}

static void sentence_validity(struct doc *d, struct record *r, int si, bool weak)
{
	const struct sent *s = &d->sents[si];
	struct duration du[4];
	int n = dur_scan(d, s->first, s->end, du, 4);
	for (int i = 0; i < n && r->valid.unit == 0; i++) {
		if (term_cue(d, s, du[i].first, weak)) {
			r->valid = du[i];
			r->valid_sent = si;
		}
	}
	if (r->expires.y != 0 || lex_find(d, s->first, s->end, LEX_VALID, NULL) < 0)
		return;
	struct dateref dr[MAX_DATES];
	int m = date_scan(d, s->first, s->end, dr, MAX_DATES);
	for (int i = 0; i < m; i++) {
		if (dr[i].role == DATE_END && !dr[i].relative) {
			r->expires = end_of(&dr[i]);
			r->expires_sent = si;
			break;
		}
	}
}

void stage_duration(struct doc *d, struct record *r)
{
	r->valid_sent = r->expires_sent = -1;
	for (int weak = 0; weak < 2 && r->valid.unit == 0; weak++)
		for (int i = 0; i < d->nsent; i++)
			if (lex_find(d, d->sents[i].first, d->sents[i].end, LEX_COOP, NULL) >= 0 ||
			    lex_find(d, d->sents[i].first, d->sents[i].end, LEX_VALID, NULL) >= 0)
				sentence_validity(d, r, i, weak);
	if (r->expires.y != 0 || r->valid.unit == 0)
		return;
	if (r->signed_on.y != 0 && r->signed_prec != PREC_YEAR) {
		r->expires = dur_add(r->signed_on, &r->valid);
		r->expires_sent = r->valid_sent;
	} else if (d->pub.y != 0) {
		r->expires = dur_add(d->pub, &r->valid);
		r->expires_estimated = true;
		r->expires_sent = r->valid_sent;
	}
}
