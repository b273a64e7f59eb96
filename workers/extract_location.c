/* extract_location.c: where the signing took place: the dateline of the
 * first paragraph ("BALIKPAPAN -", "Balikpapan, Jum'at 31 Januari 2025 -"),
 * else "di X" in a signing sentence, else "bertempat di X". A venue ("di
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

static char *dateline(const struct doc *d, const struct sent *s)
{
	char *g = glued_dateline(&d->toks[s->first]);
	if (g != NULL)
		return g;
	int j = s->first;
	while (j < s->end && j - s->first < 3 && d->toks[j].cap)
		j++;
	if (j == s->first || j >= s->end ||
	    lex_find(d, s->first, j, LEX_WEEKDAY, NULL) >= 0 ||
	    lex_find(d, s->first, j, LEX_MONTH, NULL) >= 0)
		return NULL;
	int k = j;
	if (tok_punct(&d->toks[k], '(')) {  /* "Jakarta (ANTARA) -" */
		while (k < s->end && !tok_punct(&d->toks[k], ')'))
			k++;
		k++;
	}
	if (k < s->end && ((tok_punct(&d->toks[k], ',') && datelike(d, k + 1, s->end)) ||
			   tok_punct(&d->toks[k], '-'))) {
		char *loc = tokens_join(d, s->first, j);
		bool upper = true;  /* "JAKARTA" -> "Jakarta" */
		for (const char *c = loc; *c; c++)
			upper &= !(*c >= 'a' && *c <= 'z');
		for (char *c = loc + 1; upper && *c; c++)
			if (*c >= 'A' && *c <= 'Z' && c[-1] != ' ')
				*c = (char)(*c + 32);
		return loc;
	}
	return NULL;
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

/* The place after "di" at token i (the token after "di"). */
static char *place_after(const struct doc *d, const struct record *r, const struct sent *s, int i)
{
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
	if (!venue)
		return b > a ? tokens_join(d, a, b) : NULL;
	/* "Ruang ... (UAD), Yogyakarta": the place after the venue. */
	if (b + 1 < s->end && tok_punct(&d->toks[b], ',') && d->toks[b + 1].cap) {
		int c = name_run_end(d, b + 1, s->end);
		if (c > b + 1 && lex_find(d, b + 1, c, LEX_INST, NULL) < 0 &&
		    !datelike(d, b + 1, s->end))
			return tokens_join(d, b + 1, c);
	}
	return NULL;
}

static char *di_in(const struct doc *d, const struct record *r, const struct sent *s, bool need_cue)
{
	for (int i = s->first; i + 1 < s->end; i++) {
		const struct tok *t = &d->toks[i];
		if (!(tok_is(t, "di") || tok_is(t, "in") || tok_is(t, "at")))
			continue;
		if (need_cue && !(i > s->first && (tok_is(&d->toks[i - 1], "bertempat") ||
				  tok_is(&d->toks[i - 1], "berlangsung") || tok_is(&d->toks[i - 1], "diadakan") ||
				  tok_is(&d->toks[i - 1], "held") || tok_is(&d->toks[i - 1], "place"))))
			continue;
		char *p = place_after(d, r, s, i + 1);
		if (p != NULL)
			return p;
	}
	return NULL;
}

void stage_location(struct doc *d, struct record *r)
{
	r->location_sent = -1;
	/* The dateline opens one of the first lines. */
	for (int i = 0, lines = 0; i < d->nsent && lines < DATELINE_LINES && r->location == NULL; i++) {
		if (!d->toks[d->sents[i].first].nl)
			continue;
		lines++;
		if (!d->sents[i].title && (r->location = dateline(d, &d->sents[i])) != NULL)
			r->location_sent = i;
	}
	for (int pass = 0; pass < 2 && r->location == NULL; pass++)
		for (int i = 0; i < d->nsent && r->location == NULL; i++) {
			const struct sent *s = &d->sents[i];
			if (pass == 0 && !s->signing)
				continue;
			if ((r->location = di_in(d, r, s, pass == 1)) != NULL)
				r->location_sent = i;
		}
}
