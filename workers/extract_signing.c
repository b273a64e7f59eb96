/* extract_signing.c: the signing stage: is a signing reported, in which
 * sentences, and what kind of agreement. A sentence reports a signing when
 * it has a signing word (LEX_SIGN) and a word for the agreement or the
 * cooperation (LEX_COOP), no plan word just before the verb ("akan
 * menandatangani") nor a future cue just after it ("ditandatangani bulan
 * depan"), no cancellation or postponement ("ditunda"), no "earlier/pernah", and no date over
 * a year before publication (an old agreement mentioned in passing). A
 * negation just before the verb ("belum ada penandatanganan", "no agreement
 * signed") denies that signing; a denial beside an agreement word anywhere
 * ("membantah ... meneken", "menafikan dakwaan kononnya ... memeterai MoU",
 * a "hoaks") makes the article report none. */
#include "extract_int.h"

#define PLAN_WINDOW 4   /* tokens before the verb searched for a plan word */
#define FUTURE_WINDOW 4 /* tokens after the verb searched for a future cue */
#define OLD_DAYS 365

/* Is the signing word at [verb, verb + n) a plan: a plan word just before
 * it ("akan menandatangani", "to sign": the verb may end the phrase) or a
 * future cue just after it ("penandatanganan direncanakan", "bulan depan")? */
static bool planned(const struct doc *d, const struct sent *s, int verb, int n)
{
	int from = verb - PLAN_WINDOW > s->first ? verb - PLAN_WINDOW : s->first;
	for (int i = from; i < verb; i++)
		if (lex_match(d, i, verb + n, LEX_PLAN, NULL) > 0)
			return true;
	int to = verb + n + FUTURE_WINDOW < s->end ? verb + n + FUTURE_WINDOW : s->end;
	return lex_find(d, verb + n, to, LEX_FUTURE, NULL) >= 0;
}

/* Is the signing word at verb negated: a negation word (not "tidak
 * hanya") among the few tokens before it, within the same clause? */
static bool negated(const struct doc *d, const struct sent *s, int verb)
{
	for (int i = verb - 1; i >= s->first && i >= verb - PLAN_WINDOW; i--) {
		if (tok_punct(&d->toks[i], ',') || tok_punct(&d->toks[i], ';'))
			return false;
		if (lex_match(d, i, verb, LEX_NEGATE, NULL) > 0 &&
		    lex_match(d, i, s->end, LEX_NOTNEG, NULL) == 0)
			return true;
	}
	return false;
}

/* Does sentence s deny a signing: a denial word beside a signing or an
 * agreement word? */
static bool denies(const struct doc *d, const struct sent *s)
{
	return lex_find(d, s->first, s->end, LEX_DENY, NULL) >= 0 &&
	       (lex_find(d, s->first, s->end, LEX_SIGN, NULL) >= 0 ||
		lex_find(d, s->first, s->end, LEX_COOP, NULL) >= 0);
}

/* Does sentence s date what it reports over a year before publication,
 * with no recent date beside it? ("diteken pada 2020, Kamis (20/2/2025)"
 * is a renewal signed now.) */
static bool old_date(const struct doc *d, const struct sent *s)
{
	struct dateref dr[8];
	if (d->pub.y == 0)
		return false;
	int n = date_scan(d, s->first, s->end, dr, 8);
	bool old = false;
	for (int i = 0; i < n; i++) {
		if (dr[i].role == DATE_END)
			continue;
		if (ymd_days(d->pub) - ymd_days(dr[i].date) > OLD_DAYS &&
		    !(dr[i].prec == PREC_YEAR && dr[i].date.y == d->pub.y - 1))
			old = true;
		else if (dr[i].prec != PREC_YEAR)
			return false;
	}
	return old;
}

/* Does sentence s report a signing? *plan is set when it reports a plan. */
static bool reports_signing(const struct doc *d, const struct sent *s, bool *plan)
{
	bool any = false;
	for (int i = s->first; i < s->end; i++) {
		int n = lex_match(d, i, s->end, LEX_SIGN, NULL);
		if (n == 0)  /* "memperpanjang nota kesepahaman" renews by signing */
			n = lex_match(d, i, s->end, LEX_RENEW, NULL);
		if (n == 0)
			continue;
		if (negated(d, s, i)) {
			*plan = true;  /* explicitly not signed */
			i += n - 1;
			continue;
		}
		if (planned(d, s, i, n)) {
			*plan = true;
		} else {
			any = true;
			break;
		}
		i += n - 1;
	}
	return any && lex_find(d, s->first, s->end, LEX_COOP, NULL) >= 0 &&
	       lex_find(d, s->first, s->end, LEX_CANCEL, NULL) < 0 &&
	       lex_find(d, s->first, s->end, LEX_PAST, NULL) < 0 && !old_date(d, s);
}

/* Does sentence s name the signers of an agreement already reported:
 * a signing sentence, an unplanned signing word without an agreement noun
 * ("Dokumen itu ditandatangani ..."), or a representation cue? */
static bool names_signers(const struct doc *d, const struct sent *s)
{
	if (s->signing)
		return true;
	if (s->title || lex_find(d, s->first, s->end, LEX_CANCEL, NULL) >= 0)
		return false;
	if (lex_find(d, s->first, s->end, LEX_REPRESENT, NULL) >= 0)
		return true;
	for (int i = s->first; i < s->end; i++) {
		int n = lex_match(d, i, s->end, LEX_SIGN, NULL);
		if (n > 0 && !planned(d, s, i, n) && !negated(d, s, i))
			return true;
		i += n > 0 ? n - 1 : 0;
	}
	return false;
}

/* The first agreement noun with a type in [a, b), or 0. */
static int type_in(const struct doc *d, int a, int b)
{
	for (int i = a; i < b; i++) {
		const struct lex_entry *e = NULL;
		int n = lex_match(d, i, b, LEX_TYPE, &e);
		if (n > 0 && e->val > 0)
			return e->val;
		i += n > 0 ? n - 1 : 0;
	}
	return 0;
}

static void find_type(const struct doc *d, struct record *r)
{
	for (int i = 0; i < d->nsent && r->type == 0; i++) {
		const struct sent *s = &d->sents[i];
		if (!s->signing)
			continue;
		if (lex_find(d, s->first, s->end, LEX_RENEW, NULL) >= 0)
			r->type = AGR_RENEWAL;
		else
			r->type = type_in(d, s->first, s->end);
		if (r->type != 0)
			r->type_sent = i;
	}
	for (int i = 0; i < d->nsent && r->type == 0; i++) {
		r->type = type_in(d, d->sents[i].first, d->sents[i].end);
		r->type_sent = i;
	}
	if (r->type == 0) {
		r->type = AGR_AGREEMENT;
		r->type_sent = r->sign_sent;
	}
}

void stage_signing(struct doc *d, struct record *r)
{
	bool plan = false;
	r->sign_sent = -1;
	for (int i = 0; i < d->nsent; i++) {
		if (denies(d, &d->sents[i])) {
			r->planned = true;  /* explicitly not signed */
			r->agr_sent = i;
			return;
		}
	}
	for (int i = 0; i < d->nsent; i++) {
		struct sent *s = &d->sents[i];
		s->signing = reports_signing(d, s, &plan);
		if (s->signing && (r->sign_sent < 0 || d->sents[r->sign_sent].title))
			r->sign_sent = i;
	}
	r->agreement = r->sign_sent >= 0;
	r->planned = plan;
	r->agr_sent = r->agreement ? r->sign_sent : (d->nsent > 1 && d->sents[0].title ? 1 : 0);
	if (!r->agreement)
		return;
	find_type(d, r);
	for (int i = 0; i < d->nsent; i++)
		d->sents[i].signer = names_signers(d, &d->sents[i]);
}
