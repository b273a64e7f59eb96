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

/* Where a sentence's signing date was found. */
enum date_from { FROM_BODY, FROM_DATELINE };

/* The signing date in sentence s, if any: a day or month before a year
 * alone ("diteken pada 2020, Kamis (20/2/2025)") when years are allowed,
 * and a date in the sentence ("on Friday") before the dateline's (the day
 * of the report; *from says which). */
static bool date_in(const struct doc *d, const struct sent *s, struct dateref *out,
		    bool years, enum date_from *from)
{
	struct dateref dr[MAX_DATES];
	int n = date_scan(d, s->first, s->end, dr, MAX_DATES);
	int body = dateline_end(d, s);
	for (int pass = 0; pass < (years ? 3 : 2); pass++)
	for (int i = 0; i < n; i++) {
		if ((dr[i].prec == PREC_YEAR) != (pass == 2))
			continue;
		if (pass < 2 && (dr[i].first >= body) != (pass == 0))
			continue;
		if (dr[i].role == DATE_END || dr[i].ahead)
			continue;
		/* "24 Februari": the latest such day on or before publication */
		if (dr[i].inferred && d->pub.y != 0 && ymd_days(dr[i].date) > ymd_days(d->pub))
			dr[i].date.y--;
		if (d->pub.y != 0 && ymd_days(dr[i].date) > ymd_days(d->pub) + 1)
			continue;  /* a signing reported is not in the future */
		if (dr[i].prec == PREC_YEAR && !year_cue(d, dr[i].first))
			continue;
		*out = dr[i];
		if (from != NULL)
			*from = pass == 1 ? FROM_DATELINE : FROM_BODY;
		return true;
	}
	return false;
}

static void set_signed(struct record *r, const struct dateref *dr, int si)
{
	r->signed_on = dr->date;
	r->signed_prec = dr->prec;
	r->signed_sent = si;
}

/* The nearest sentence before signing sentence si (else after it) that
 * dates the occasion, when si refers to it (LEX_OCCASION: "pada majlis
 * sama", "at the opening ceremony", "di sela rakor"). */
static bool date_of_occasion(const struct doc *d, struct record *r)
{
	for (int si = 0; si < d->nsent; si++) {
		const struct sent *s = &d->sents[si];
		if (!s->signing || lex_find(d, s->first, s->end, LEX_OCCASION, NULL) < 0)
			continue;
		for (int dist = 1; dist < d->nsent; dist++)
			for (int side = -1; side <= 1; side += 2) {
				int j = si + side * dist;
				struct dateref dr;
				if (j < 0 || j >= d->nsent || d->sents[j].title ||
				    !date_in(d, &d->sents[j], &dr, false, NULL))
					continue;
				set_signed(r, &dr, j);
				return true;
			}
	}
	return false;
}

#define HELD_AHEAD 3  /* sentences after the signing searched */

/* Is sentence s only a date ("Rabu (31/5/2023).", a fragment standing
 * after the sentence it dates)? Every word is part of a date, a weekday or
 * a time word. */
static bool date_fragment(const struct doc *d, const struct sent *s)
{
	struct dateref dr[4];
	int n = date_scan(d, s->first, s->end, dr, 4), k = 0;
	if (n == 0)
		return false;
	for (int i = s->first; i < s->end; i++) {
		while (k < n && dr[k].end <= i)
			k++;
		bool in_date = k < n && i >= dr[k].first && i < dr[k].end;
		const struct tok *t = &d->toks[i];
		if (t->word && !in_date && lex_match(d, i, s->end, LEX_WEEKDAY, NULL) == 0 &&
		    lex_match(d, i, s->end, LEX_AT_TIME, NULL) == 0)
			return false;
	}
	return true;
}

/* A signing sentence (or one naming the signers: "Penandatanganan itu
 * dilakukan oleh ...") without a date takes the date of a sentence just
 * after it telling when the ceremony was held (LEX_HELD: "berlangsung",
 * "took place"), or of the date standing alone right after it. */
static bool date_of_ceremony(const struct doc *d, struct record *r)
{
	for (int si = 0; si < d->nsent; si++) {
		if (!(d->sents[si].signing || d->sents[si].signer) || d->sents[si].title)
			continue;
		for (int j = si + 1; j < d->nsent && j <= si + HELD_AHEAD; j++) {
			const struct sent *s = &d->sents[j];
			struct dateref dr;
			bool cue = lex_find_val(d, s->first, s->end, LEX_HELD, 0, HELD_WHERE) >= 0 ||
				   (j == si + 1 && date_fragment(d, s));
			if (!cue || !date_in(d, s, &dr, false, NULL))
				continue;
			set_signed(r, &dr, j);
			return true;
		}
	}
	return false;
}

/* No signing sentence is dated: the lead (the first body sentence, or the
 * second after a byline) names the agreement and dates its day ("Pemkab
 * dan Unitri buat kesepakatan ..., selasa (19/7/2022)"). Not when a
 * signing sentence says it was "recently" (LEX_RECENT): then the lead's
 * date is the report's. */
static void date_of_lead(const struct doc *d, struct record *r)
{
	for (int i = 0; i < d->nsent; i++)
		if (d->sents[i].signing &&
		    lex_find(d, d->sents[i].first, d->sents[i].end, LEX_RECENT, NULL) >= 0)
			return;
	for (int i = 0, body = 0; i < d->nsent && body < 2; i++) {
		const struct sent *s = &d->sents[i];
		struct dateref dr;
		if (s->title)
			continue;
		body++;
		if (lex_find(d, s->first, s->end, LEX_COOP, NULL) < 0 ||
		    !date_in(d, s, &dr, false, NULL) || dr.prec != PREC_DAY)
			continue;
		set_signed(r, &dr, i);
		return;
	}
}

/* signed_on: a day or month of a signing sentence (the body before the
 * headline), else a year of one; a date from a dateline or a year alone
 * yields to the occasion's or the ceremony's; with none, the lead's. */
void stage_dates(struct doc *d, struct record *r)
{
	enum date_from from = FROM_BODY;
	r->signed_sent = -1;
	for (int pass = 0; pass < 4 && r->signed_sent < 0; pass++) {
		for (int i = 0; i < d->nsent; i++) {
			const struct sent *s = &d->sents[i];
			struct dateref dr;
			if (!s->signing || s->title != (pass % 2 == 1) ||
			    !date_in(d, s, &dr, pass >= 2, &from))
				continue;
			set_signed(r, &dr, i);
			break;
		}
	}
	if (r->signed_sent >= 0 && from == FROM_BODY && r->signed_prec != PREC_YEAR)
		return;
	struct mw_ymd on = r->signed_on;
	enum prec prec = r->signed_prec;
	int sent = r->signed_sent;
	if (date_of_occasion(d, r) || date_of_ceremony(d, r))
		return;
	r->signed_on = on;
	r->signed_prec = prec;
	r->signed_sent = sent;
	if (r->signed_sent < 0)
		date_of_lead(d, r);
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
/* Is the nearest owner before token at a programme ("The programme offers
 * a fellowship ... with a duration of three years", LEX_PROGNOUN) rather
 * than the agreement (LEX_COOP, LEX_TYPE)? Then the length is the
 * programme's. */
static bool programme_owns(const struct doc *d, const struct sent *s, int at)
{
	for (int i = at - 1; i >= s->first; i--) {
		if (lex_match(d, i, at, LEX_COOP, NULL) > 0 || lex_match(d, i, at, LEX_TYPE, NULL) > 0)
			return false;
		if (lex_match(d, i, at, LEX_PROGNOUN, NULL) > 0)
			return true;
	}
	return false;
}

static bool term_cue(const struct doc *d, const struct sent *s, int at, bool weak)
{
	if (programme_owns(d, s, at))
		return false;
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
