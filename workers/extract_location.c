/* extract_location.c: where the signing took place: none when it was
 * signed online; a known place after "di"/"in" in a sentence naming the
 * signers ("... di Nanning"); the dateline of the first paragraph
 * ("BALIKPAPAN -", "Balikpapan, Jum'at 31 Januari 2025 -", "KUALA LUMPUR:",
 * "BANDUNG, Pikiran Kota --", "Bandung."), else "di X" in a signing sentence, else "bertempat di X". A venue ("di
 * Ruang ... , Yogyakarta") gives the place after it; a city hall
 * ("Balaikota") gives the city of the government that signed. */
#include <stdlib.h>
#include <string.h>

#include "extract_int.h"
#include "xalloc.h"

#define DATELINE_LINES 6

/* "LUBUKLINGGAU-Puluhan": an upper-case place glued to the first word. */
static char *glued_dateline(const struct tok *t)
{
	int n = 0;
	while (n < t->len && t->s[n] >= 'A' && t->s[n] <= 'Z')
		n++;
	if (n < 3 || n >= t->len || t->s[n] != '-')
		return NULL;
	char *s = xstrndup(t->s, (size_t)n);
	for (int i = 1; i < n; i++)
		s[i] = (char)(s[i] + 32);
	return s;
}

static bool datelike(const struct doc *d, int i, int end)
{
	return i < end && (d->toks[i].num || lex_match(d, i, end, LEX_WEEKDAY, NULL) > 0);
}

/* Are tokens [a, b) written in capitals ("KUALA LUMPUR")? */
static bool all_upper(const struct doc *d, int a, int b)
{
	for (int i = a; i < b; i++)
		for (int k = 0; k < d->toks[i].len; k++)
			if (d->toks[i].s[k] >= 'a' && d->toks[i].s[k] <= 'z')
				return false;
	return b > a;
}

/* A dash within a few tokens after a comma: "BANDUNG, Pikiran Kota --". */
static bool dash_soon(const struct doc *d, const struct sent *s, int k)
{
	for (int i = k + 1; i < s->end && i <= k + 5; i++)
		if (tok_punct(&d->toks[i], '-'))
			return true;
	return false;
}

/* A word of a news outlet's name ("Radar Malang", "(ANTARA)", LEX_OUTLET)
 * is never the place; nor is a web address ("KOMPAS.com"). */
static bool outlet_tok(const struct doc *d, int i)
{
	const struct tok *t = &d->toks[i];
	const char *dot = memchr(t->low, '.', (size_t)t->len);
	if (dot != NULL && t->low + t->len - dot >= 3 && dot > t->low)
		return true;  /* "KOMPAS.com", "TRIBUNNEWS.COM", "Tempo.co" */
	return lex_match(d, i, i + 1, LEX_OUTLET, NULL) > 0;
}

/* Is token i "di", "in" or "at" (with_at: also "at")? */
static bool at_tok(const struct doc *d, int i, bool with_at)
{
	const struct lex_entry *e = NULL;
	return lex_match(d, i, i + 1, LEX_AT, &e) > 0 && (with_at || e->val != 1);
}

/* Is [a, b) a province or country rather than a town ("JAWA BARAT")? */
static bool region(const struct doc *d, int a, int b)
{
	const struct lex_entry *e = NULL;
	return lex_match(d, a, b, LEX_PLACE, &e) == b - a && e->val == 1;
}

/* The capitalised run of the dateline starting at token i, outlet words
 * left off its ends ("Radar Malang" -> "Malang"); *a, *b the place kept
 * (equal when only an outlet), returns the run's end. */
static int dateline_run(const struct doc *d, const struct sent *s, int i, int *a, int *b)
{
	int j = i;
	while (j < s->end && j - i < 4 && d->toks[j].cap)
		j++;
	*a = i;
	*b = j;
	while (*a < *b && outlet_tok(d, *a))
		(*a)++;
	while (*b > *a && outlet_tok(d, *b - 1))
		(*b)--;
	return j;
}

/* The dateline's place run [*a, *b) and where it ends: after a glued or
 * an outlet's name ("TRIBUNNEWS.COM, MALANG -": the place after it). */
static int dateline_place(const struct doc *d, const struct sent *s, int *a, int *b)
{
	int j = dateline_run(d, s, s->first, a, b);
	if (*a == *b && j > s->first && j + 1 < s->end && tok_punct(&d->toks[j], ',') &&
	    d->toks[j + 1].cap && dash_soon(d, s, j))
		j = dateline_run(d, s, j + 1, a, b);
	return j;
}

/* After the place at k (past a bracket: "Jakarta (ANTARA) -"), does
 * what a dateline ends with follow: ", <date or weekday>", ", <outlet>",
 * a dash, or for a place in capitals ", ... --" or ":"? */
static bool dateline_end(const struct doc *d, const struct sent *s, int k, bool upper)
{
	if (tok_punct(&d->toks[k], '(')) {
		while (k < s->end && !tok_punct(&d->toks[k], ')'))
			k++;
		k++;
	}
	if (k >= s->end)
		return false;
	const struct tok *t = &d->toks[k];
	bool outlet_next = k + 1 < s->end && tok_punct(t, ',') && outlet_tok(d, k + 1);
	bool comma = tok_punct(t, ',') && (datelike(d, k + 1, s->end) || outlet_next ||
					   (upper && dash_soon(d, s, k)));
	return comma || tok_punct(t, '-') || (upper && tok_punct(t, ':'));
}

/* "JAKARTA" -> "Jakarta" */
static char *place_case(const struct doc *d, int a, int b, bool upper)
{
	char *loc = tokens_join(d, a, b);
	for (char *c = loc + 1; upper && *c; c++)
		if (*c >= 'A' && *c <= 'Z' && c[-1] != ' ')
			*c = (char)(*c + 32);
	return loc;
}

/* The place of a dateline sentence s ("BALIKPAPAN -", "Bandung, Jum'at
 * ...", "KUALA LUMPUR:", "Bandung." alone), or NULL: a place that is no
 * region and holds no weekday or month. */
static char *dateline(const struct doc *d, const struct sent *s)
{
	char *g = glued_dateline(&d->toks[s->first]);
	if (g != NULL)
		return g;
	int a, b, j = dateline_place(d, s, &a, &b);
	bool alone = j + 1 == s->end && tok_punct(&d->toks[j], '.') && j - a <= 3 &&
		     s->end < d->ntok && !d->toks[s->end].nl;
	if (a == b || j >= s->end || region(d, a, b) ||
	    lex_find(d, a, j, LEX_WEEKDAY, NULL) >= 0 ||
	    lex_find(d, a, j, LEX_MONTH, NULL) >= 0)
		return NULL;
	bool upper = all_upper(d, a, b);
	return alone || dateline_end(d, s, j, upper) ? place_case(d, a, b, upper) : NULL;
}

/* The city in a government party's name ("Pemerintah Kota Banjarmasin"). */
static char *government_city(const struct record *r)
{
	for (int i = 0; i < r->nparties; i++) {
		const char *n = r->parties[i].name, *k;
		if ((k = strstr(n, "Kota ")) != NULL || (k = strstr(n, "Kabupaten ")) != NULL)
			return xstrdup(strchr(k, ' ') + 1);
	}
	return NULL;
}

/* A known place ending the run [a, b) ("UiTM Shah Alam"), or NULL. */
static char *place_tail(const struct doc *d, int a, int b)
{
	for (int i = a; i < b; i++)
		if (lex_match(d, i, b, LEX_PLACE, NULL) == b - i)
			return tokens_join(d, i, b);
	return NULL;
}

/* Is [a, b) one town ("Mataram", "Kampar"), not a region ("Jawa Barat")? */
static bool town(const struct doc *d, int a, int b, bool known)
{
	const struct lex_entry *e = NULL;
	if (lex_match(d, a, b, LEX_MONTH, NULL) > 0 || lex_match(d, a, b, LEX_WEEKDAY, NULL) > 0)
		return false;
	if (lex_match(d, a, b, LEX_PLACE, &e) == b - a)
		return e->val != 1;
	return !known && lex_find(d, a, b, LEX_INST, NULL) < 0 && lex_find(d, a, b, LEX_VENUE, NULL) < 0;
}

/* "at UTM's Johor Bahru campus": the possessive before the place is
 * skipped (*owner set). Returns the token after it. */
static int skip_owner(const struct doc *d, const struct sent *s, int i, bool *owner)
{
	const struct tok *t = &d->toks[i];
	*owner = i < s->end && t->len > 2 && t->low[t->len - 2] == '\'' && t->low[t->len - 1] == 's';
	return i + *owner;
}

/* Strict: only a town, and after a possessive only a known one ("at
 * UTAR's Kampar campus", not "at ITB's Ganesha campus"). */
static char *strict_town(const struct doc *d, const struct sent *s, int i, bool owner)
{
	if (i >= s->end || !d->toks[i].cap)
		return NULL;
	int b = name_run_end(d, i, s->end);
	return b > i && town(d, i, b, owner) ? tokens_join(d, i, b) : NULL;
}

/* "Ruang ... (UAD), Yogyakarta": the place after the venue [., b), also
 * after a second venue ("Aula ..., Kampus Tembalang, Semarang"). */
static char *after_venue_place(const struct doc *d, const struct sent *s, int b, bool *after_venue)
{
	for (int hop = 0; hop < 3 && b + 1 < s->end && tok_punct(&d->toks[b], ',') &&
			  d->toks[b + 1].cap; hop++) {
		int c = name_run_end(d, b + 1, s->end);
		if (c <= b + 1 || datelike(d, b + 1, s->end))
			break;
		if (lex_find(d, b + 1, c, LEX_INST, NULL) < 0 && lex_find(d, b + 1, c, LEX_VENUE, NULL) < 0) {
			if (after_venue != NULL)
				*after_venue = true;
			return tokens_join(d, b + 1, c);
		}
		char *tail = place_tail(d, b + 1, c);
		if (tail != NULL)
			return tail;
		b = c;
	}
	return NULL;
}

/* The place after "di" at token i (the token after "di"): strict, only a
 * town (strict_town); else a city hall gives the government's city, a
 * venue the place after it, any other name itself. */
static char *place_after(const struct doc *d, const struct record *r, const struct sent *s, int i,
			 bool strict, bool *after_venue)
{
	bool owner;
	i = skip_owner(d, s, i, &owner);
	if (strict)
		return strict_town(d, s, i, owner);
	const struct lex_entry *v = NULL;
	int vn = lex_match(d, i, s->end, LEX_VENUE, &v);
	if (vn > 0 && v->val == 1)
		return government_city(r);
	int a = i + vn;
	if (a >= s->end || !d->toks[a].cap)
		return NULL;
	int b = name_run_end(d, a, s->end);
	bool venue = vn > 0 || lex_find(d, a, b, LEX_INST, NULL) >= 0 ||
		     lex_find(d, a, b, LEX_VENUE, NULL) >= 0;
	char *tail = place_tail(d, a, b);
	if (tail != NULL)
		return tail;
	if (!venue)
		return b > a ? tokens_join(d, a, b) : NULL;
	return after_venue_place(d, s, b, after_venue);
}

static char *di_in(const struct doc *d, const struct record *r, const struct sent *s, bool need_cue,
		   bool strict)
{
	for (int i = s->first; i + 1 < s->end; i++) {
		if (!at_tok(d, i, true))
			continue;
		if (need_cue && !(i > s->first && lex_match_val(d, i - 1, i, LEX_HELD, HELD_BEFORE_AT, HELD_WHEN, NULL) > 0))
			continue;
		char *p = place_after(d, r, s, i + 1, strict, NULL);
		if (p != NULL)
			return p;
	}
	return NULL;
}

/* "di Nanning" in a sentence naming the signers: a known place abroad
 * (not in the country of the article's language), which outweighs the
 * newsroom's dateline. */
static char *signing_place(const struct doc *d, const struct record *r, int *sent)
{
	for (int si = 0; si < d->nsent; si++) {
		const struct sent *s = &d->sents[si];
		if (!s->signer || s->title)
			continue;
		for (int i = s->first; i + 1 < s->end; i++) {
			if (!at_tok(d, i, false))
				continue;
			const struct lex_entry *e = NULL;
			int n = lex_match(d, i + 1, s->end, LEX_PLACE, &e);
			if (n > 0 && d->toks[i + 1].cap && (i + 1 + n >= s->end || !d->toks[i + 1 + n].cap) &&
			    r->home != NULL && strcmp(e->tag, r->home) != 0) {
				*sent = si;
				return tokens_join(d, i + 1, i + 1 + n);
			}
		}
	}
	return NULL;
}

/* Was the signing done online ("secara daring", "virtually")? */
static bool online(const struct doc *d)
{
	for (int si = 0; si < d->nsent; si++)
		if (d->sents[si].signing &&
		    lex_find(d, d->sents[si].first, d->sents[si].end, LEX_ONLINE, NULL) >= 0)
			return true;
	return false;
}

/* Does a signing sentence say it was signed "here" ("di sini")? */
static bool signed_here(const struct doc *d)
{
	for (int si = 0; si < d->nsent; si++) {
		const struct sent *s = &d->sents[si];
		if (s->signing && lex_find(d, s->first, s->end, LEX_HERE, NULL) >= 0)
			return true;
	}
	return false;
}

static void from_dateline(const struct doc *d, struct record *r)
{
	for (int i = 0, lines = 0; i < d->nsent && lines < DATELINE_LINES && r->location == NULL; i++) {
		if (!d->toks[d->sents[i].first].nl)
			continue;
		lines++;
		if (!d->sents[i].title && (r->location = dateline(d, &d->sents[i])) != NULL)
			r->location_sent = i;
	}
}

/* "di X" / "at X" in a sentence reporting the signing or naming the
 * signers (pass 0), else with a cue ("bertempat di X") anywhere; strict:
 * only a town. */
static void from_di(const struct doc *d, struct record *r, int pass, bool strict)
{
	for (int i = 0; i < d->nsent && r->location == NULL; i++) {
		const struct sent *s = &d->sents[i];
		if (pass == 0 && (!(s->signing || s->signer) || s->title))
			continue;
		if ((r->location = di_in(d, r, s, pass == 1, strict)) != NULL)
			r->location_sent = i;
	}
}

/* Does sentence s hold a word of kind k: where a ceremony was held
 * (LEX_HELD) or the ceremony (LEX_CEREMONY)? A sentence with the first
 * and one of the second, or naming the signers, tells where the signing
 * was. */
static bool sent_has(const struct doc *d, const struct sent *s, enum lex_kind k)
{
	return lex_find_val(d, s->first, s->end, k, 0, HELD_WHEN) >= 0;
}

/* Is the NUL-terminated place p a known town (not a region)? */
static bool known_town(const char *p)
{
	char *low = xstrdup(p);
	for (char *c = low; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c + 32);
	const struct lex_entry *e = lex_prefix_str(low, LEX_PLACE);
	bool yes = e != NULL && strlen(e->phrase) == strlen(low) && e->val != 1;
	free(low);
	return yes;
}

/* "Penandatanganan bertempat di Gedung ..., Bengkalis", "The ceremony was
 * held at the university's hall in Bogor": a known town where the
 * ceremony was held, or the town written after its venue; it outweighs
 * the newsroom's dateline. */
static void from_ceremony(const struct doc *d, struct record *r)
{
	for (int si = 0; si < d->nsent && r->location == NULL; si++) {
		const struct sent *s = &d->sents[si];
		if (s->title || !sent_has(d, s, LEX_HELD) ||
		    !(s->signing || s->signer || sent_has(d, s, LEX_CEREMONY)))
			continue;
		for (int i = s->first; i + 1 < s->end && r->location == NULL; i++) {
			if (!at_tok(d, i, true))
				continue;
			bool venue = false;
			char *p = place_after(d, r, s, i + 1, false, &venue);
			if (p != NULL && (venue || known_town(p))) {
				r->location = p;
				r->location_sent = si;
			} else {
				free(p);
			}
		}
	}
}

/* A town's administrative prefix (LEX_TOWNPREFIX: "Kota Tottori" ->
 * "Tottori") is dropped, unless the whole is a known place ("Kota
 * Kinabalu"). */
static void tidy_place(struct record *r)
{
	if (r->location == NULL)
		return;
	char *low = xstrdup(r->location);
	for (char *c = low; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c + 32);
	const struct lex_entry *e = lex_prefix_str(low, LEX_PLACE);
	bool known = e != NULL && strlen(e->phrase) == strlen(low);
	const struct lex_entry *list = lexicon_common.lists[LEX_TOWNPREFIX];
	for (int k = 0; list != NULL && list[k].phrase != NULL && !known; k++) {
		size_t n = strlen(list[k].phrase);
		if (strncmp(low, list[k].phrase, n) == 0 && low[n] == ' ' &&
		    r->location[n + 1] >= 'A' && r->location[n + 1] <= 'Z') {
			memmove(r->location, r->location + n + 1, strlen(r->location + n + 1) + 1);
			break;
		}
	}
	free(low);
}

/* Where the signing was held outweighs the newsroom's dateline, except
 * when the text says "here". */
void stage_location(struct doc *d, struct record *r)
{
	r->location_sent = -1;
	if (online(d))
		return;
	if ((r->location = signing_place(d, r, &r->location_sent)) != NULL) {
		tidy_place(r);
		return;
	}
	if (!signed_here(d)) {
		from_di(d, r, 0, true);
		from_ceremony(d, r);
	}
	from_dateline(d, r);
	from_di(d, r, 0, false);
	from_di(d, r, 1, false);
	tidy_place(r);
}
