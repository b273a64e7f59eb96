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
#include <string.h>

#include "extract_int.h"

#define PLAN_WINDOW 4   /* tokens before the verb searched for a plan word */
#define FUTURE_WINDOW 4 /* tokens after the verb searched for a future cue */
#define OLD_DAYS 365

/* Is a time word at token i ("Rabu", "pada", "14", "on")? */
static bool time_at(const struct doc *d, int i, int end)
{
	const struct tok *t = &d->toks[i];
	return t->num || lex_match(d, i, end, LEX_WEEKDAY, NULL) > 0 ||
	       lex_match(d, i, end, LEX_MONTH, NULL) > 0 ||
	       lex_match(d, i, end, LEX_RELDAY, NULL) > 0 ||
	       lex_match(d, i, end, LEX_AT_TIME, NULL) > 0;
}

/* The clause [*a, *b) of token i: up to a comma or semicolon. */
static void clause_of(const struct doc *d, const struct sent *s, int i, int *a, int *b)
{
	*a = *b = i;
	while (*a > s->first && !tok_punct(&d->toks[*a - 1], ',') && !tok_punct(&d->toks[*a - 1], ';'))
		(*a)--;
	while (*b < s->end && !tok_punct(&d->toks[*b], ',') && !tok_punct(&d->toks[*b], ';'))
		(*b)++;
}

/* Does the clause of the signing word at verb put it in the future: a
 * schedule cue in the same clause ("is due to end with the signing",
 * "penandatanganan ... akan dilaksanakan Rabu"; cues of val 1 only when a
 * time follows them, as "kerja sama yang akan dilakukan" is no schedule)? */
static bool scheduled(const struct doc *d, const struct sent *s, int verb)
{
	int a, b;
	clause_of(d, s, verb, &a, &b);
	for (int i = a; i < b; i++) {
		const struct lex_entry *e = NULL;
		int n = lex_match(d, i, b, LEX_SCHEDULE, &e);
		if (n == 0)
			continue;
		if (e->val == 0)
			return true;
		for (int j = i + n; j < i + n + 3 && j < b; j++)
			if (time_at(d, j, b))
				return true;
	}
	return false;
}

/* Does the clause of the signing word at verb date it ahead only ("yang
 * akan diadakan pada 14 September depan"): a date the text says lies ahead
 * and none other? (A plain date after publication is more often a wrong
 * feed date than a plan.) */
static bool ahead_date(const struct doc *d, const struct sent *s, int verb)
{
	struct dateref dr[8];
	int a, b;
	if (d->pub.y == 0)
		return false;
	clause_of(d, s, verb, &a, &b);
	int n = date_scan(d, a, b, dr, 8);
	bool ahead = false;
	for (int i = 0; i < n; i++) {
		if (dr[i].role == DATE_END || dr[i].prec == PREC_YEAR)
			continue;
		if (dr[i].ahead)
			ahead = true;
		else
			return false;
	}
	return ahead;
}

/* Is the signing word at [verb, verb + n) a plan: a plan word just before
 * it ("akan menandatangani", "to sign": the verb may end the phrase) or a
 * future cue just after it ("penandatanganan direncanakan", "bulan depan")?
 * PLAN_FIRM when it tells of a plan; PLAN_COND for a condition ("jika",
 * "if": not a report, but no plan either). */
enum { PLAN_NONE, PLAN_COND, PLAN_FIRM };

static int planned(const struct doc *d, const struct sent *s, int verb, int n)
{
	int from = verb - PLAN_WINDOW > s->first ? verb - PLAN_WINDOW : s->first;
	const struct lex_entry *e = NULL;
	for (int i = from; i < verb; i++) {
		if (lex_match(d, i, verb + n, LEX_PLAN, &e) == 0)
			continue;
		/* tag: the one language where the word is a condition
		 * ("apabila" is "if" in Indonesian, "when" in Malay news) */
		if (e->tag != NULL && d->lang != NULL && strcmp(e->tag, d->lang) != 0)
			continue;
		return e->val == 1 ? PLAN_COND : PLAN_FIRM;
	}
	int to = verb + n + FUTURE_WINDOW < s->end ? verb + n + FUTURE_WINDOW : s->end;
	return lex_find(d, verb + n, to, LEX_FUTURE, NULL) >= 0 || scheduled(d, s, verb) ?
	       PLAN_FIRM : PLAN_NONE;
}

/* Is the signing word at verb negated: a negation word (not "tidak
 * hanya") among the few tokens before it, or further back when a relative
 * clause leads to the verb ("tidak ada dokumen kerja sama baru yang
 * ditandatangani"), within the same clause? */
static bool negated(const struct doc *d, const struct sent *s, int verb)
{
	bool relative = false;
	for (int i = verb - 1; i >= s->first && (i >= verb - PLAN_WINDOW || relative); i--) {
		if (tok_punct(&d->toks[i], ',') || tok_punct(&d->toks[i], ';'))
			return false;
		relative = relative || tok_is(&d->toks[i], "yang");
		if (lex_match(d, i, verb, LEX_NEGATE, NULL) > 0 &&
		    lex_match(d, i, s->end, LEX_NOTNEG, NULL) == 0)
			return true;
	}
	return false;
}

/* Has sentence s a word for an agreement or a cooperation, not one for
 * something else that begins alike (LEX_NOTCOOP: "perjanjian kerja
 * individual" is an employment contract)? */
static bool coop_in(const struct doc *d, const struct sent *s)
{
	for (int i = s->first; i < s->end; i++) {
		int n = lex_match(d, i, s->end, LEX_COOP, NULL), m;
		if (n == 0)
			continue;
		if ((m = lex_match(d, i, s->end, LEX_NOTCOOP, NULL)) < n)
			return true;
		i += m - 1;
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

/* What the sentences tell beside their signings: plan is set by any
 * signing word read as a plan, a condition or a denial; firm when a
 * sentence with an agreement word tells that a signing is planned,
 * scheduled, refused, cancelled or dated ahead. */
struct reading {
	bool plan, firm;
};

/* The signing word at token i (a renewing verb too: "memperpanjang nota
 * kesepahaman" renews by signing): its length, or 0. */
static int sign_at(const struct doc *d, const struct sent *s, int i)
{
	const struct lex_entry *re = NULL;
	int n = lex_match(d, i, s->end, LEX_SIGN, NULL);
	if (n == 0 && lex_match(d, i, s->end, LEX_RENEW, &re) > 0 && re->val == 1)
		n = 1;
	return n;
}

/* Is the signing word at verb a renewing verb ("memperpanjang nota
 * kesepahaman yang pertama kali diteken pada 2020"): the old date is the
 * first signing's, the renewal is now. */
static bool renews(const struct doc *d, const struct sent *s, int verb)
{
	const struct lex_entry *re = NULL;
	return lex_match(d, verb, s->end, LEX_RENEW, &re) > 0 && re->val == 1;
}

/* Does sentence s report a signing? */
static bool reports_signing(const struct doc *d, const struct sent *s, struct reading *rd)
{
	bool coop = coop_in(d, s);
	int verb = -1;
	for (int i = s->first; i < s->end && verb < 0; i++) {
		int n = sign_at(d, s, i), p;
		if (n == 0)
			continue;
		if (negated(d, s, i)) {
			rd->plan = true;  /* explicitly not signed */
			rd->firm = rd->firm || coop;
		} else if ((p = planned(d, s, i, n)) != PLAN_NONE) {
			rd->plan = true;
			rd->firm = rd->firm || (coop && p == PLAN_FIRM);
		} else {
			verb = i;
		}
		i += n - 1;
	}
	if (verb >= 0 && (ahead_date(d, s, verb) || lex_find(d, s->first, s->end, LEX_CANCEL, NULL) >= 0)) {
		rd->plan = true;  /* ahead, or cancelled: not signed (or undone) */
		rd->firm = rd->firm || coop;
		verb = -1;
	}
	return verb >= 0 && coop && lex_find(d, s->first, s->end, LEX_PAST, NULL) < 0 &&
	       (!old_date(d, s) || renews(d, s, verb));
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
		if (n > 0 && planned(d, s, i, n) == PLAN_NONE && !negated(d, s, i))
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

/* Is the signing of sentence s told as done: a day or month on or before
 * publication, or a perfect marker ("telah", "has")? A headline or an
 * undated "the signing ceremony opens ..." is not. */
static bool told_done(const struct doc *d, const struct sent *s)
{
	struct dateref dr[8];
	if (s->title)
		return false;
	if (lex_find(d, s->first, s->end, LEX_DONE, NULL) >= 0)
		return true;
	int n = d->pub.y == 0 ? 0 : date_scan(d, s->first, s->end, dr, 8);
	for (int i = 0; i < n; i++)
		if (dr[i].role != DATE_END && dr[i].prec != PREC_YEAR && !dr[i].ahead &&
		    ymd_days(dr[i].date) <= ymd_days(d->pub))
			return true;
	return d->pub.y == 0 && n > 0;
}

/* The article tells of a plan (or a cancellation) and its other signing
 * sentences never tell a signing as done: they are the same plan
 * ("Ahead of the signing, the guests ... At the signing ceremony the
 * two sides will ..."), so none is reported. */
static void clear_signings(struct doc *d, struct record *r)
{
	for (int i = 0; i < d->nsent; i++)
		d->sents[i].signing = false;
	r->sign_sent = -1;
}

void stage_signing(struct doc *d, struct record *r)
{
	struct reading rd = { false, false };
	r->sign_sent = -1;
	for (int i = 0; i < d->nsent; i++) {
		if (denies(d, &d->sents[i])) {
			r->planned = true;  /* explicitly not signed */
			r->agr_sent = i;
			return;
		}
	}
	bool told = false;
	for (int i = 0; i < d->nsent; i++) {
		struct sent *s = &d->sents[i];
		s->signing = reports_signing(d, s, &rd);
		if (s->signing && (r->sign_sent < 0 || d->sents[r->sign_sent].title))
			r->sign_sent = i;
		told = told || (s->signing && told_done(d, s));
	}
	if (rd.firm && !told)
		clear_signings(d, r);
	r->agreement = r->sign_sent >= 0;
	r->planned = rd.plan;
	r->agr_sent = r->agreement ? r->sign_sent : (d->nsent > 1 && d->sents[0].title ? 1 : 0);
	if (!r->agreement)
		return;
	find_type(d, r);
	for (int i = 0; i < d->nsent; i++)
		d->sents[i].signer = names_signers(d, &d->sents[i]);
}
