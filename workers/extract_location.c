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

/* Words of news outlets' names ("Radar Malang", "Pontianak Post",
 * "(ANTARA)"): never the place; a web address ("KOMPAS.com") is one too. */
static const char *const outlet_words[] = {
	"radar", "post", "pos", "tribun", "times", "antara", "antaranews", "bernama",
	"kompas", "detik", "detiknews", "okezone", "liputan6", "republika", "tempo",
	"jpnn", "kumparan", "suara", "harian", "news", "online", "daily", "sindonews",
	"viva", "inews", "jawapos", "utusan", "malaymail", "kompastv", "tvri", "rri",
	"idntimes", "merdeka", "beritasatu", "medcom", NULL
};

static bool outlet_tok(const struct tok *t)
{
	const char *dot = memchr(t->low, '.', (size_t)t->len);
	if (dot != NULL && t->low + t->len - dot >= 3 && dot > t->low)
		return true;  /* "KOMPAS.com", "TRIBUNNEWS.COM", "Tempo.co" */
	for (int k = 0; outlet_words[k] != NULL; k++)
		if (tok_is(t, outlet_words[k]))
			return true;
	return false;
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
	while (*a < *b && outlet_tok(&d->toks[*a]))
		(*a)++;
	while (*b > *a && outlet_tok(&d->toks[*b - 1]))
		(*b)--;
	return j;
}

static char *dateline(const struct doc *d, const struct sent *s)
{
	char *g = glued_dateline(&d->toks[s->first]);
	if (g != NULL)
		return g;
	int a, b, j = dateline_run(d, s, s->first, &a, &b);
	/* "TRIBUNNEWS.COM, MALANG -": the place after the outlet */
	if (a == b && j > s->first && j + 1 < s->end && tok_punct(&d->toks[j], ',') &&
	    d->toks[j + 1].cap && dash_soon(d, s, j))
		j = dateline_run(d, s, j + 1, &a, &b);
	/* "Bandung." alone, then the story */
	bool alone = j + 1 == s->end && tok_punct(&d->toks[j], '.') && j - a <= 3 &&
		     s->end < d->ntok && !d->toks[s->end].nl;
	if (a == b || j >= s->end || region(d, a, b) ||
	    lex_find(d, a, j, LEX_WEEKDAY, NULL) >= 0 ||
	    lex_find(d, a, j, LEX_MONTH, NULL) >= 0)
		return NULL;
	int k = j;
	if (tok_punct(&d->toks[k], '(')) {  /* "Jakarta (ANTARA) -" */
		while (k < s->end && !tok_punct(&d->toks[k], ')'))
			k++;
		k++;
	}
	bool upper = all_upper(d, a, b);
	bool outlet_next = k + 1 < s->end && tok_punct(&d->toks[k], ',') && outlet_tok(&d->toks[k + 1]);
	if (alone || (k < s->end && ((tok_punct(&d->toks[k], ',') &&
				      (datelike(d, k + 1, s->end) || outlet_next ||
				       (upper && dash_soon(d, s, k)))) ||
				     tok_punct(&d->toks[k], '-') ||
				     (upper && tok_punct(&d->toks[k], ':'))))) {
		char *loc = tokens_join(d, a, b);
		/* "JAKARTA" -> "Jakarta" */
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

/* The place after "di" at token i (the token after "di"). Strict: only a
 * town, and after a possessive only a known one ("at UTAR's Kampar
 * campus", not "at ITB's Ganesha campus"). */
static char *place_after(const struct doc *d, const struct record *r, const struct sent *s, int i,
			 bool strict, bool *after_venue)
{
	bool owner = false;
	if (i < s->end && d->toks[i].len > 2 && d->toks[i].low[d->toks[i].len - 2] == '\'' &&
	    d->toks[i].low[d->toks[i].len - 1] == 's') {
		i++;  /* "at UTM's Johor Bahru campus" */
		owner = true;
	}
	if (strict) {
		if (i >= s->end || !d->toks[i].cap)
			return NULL;
		int b = name_run_end(d, i, s->end);
		return b > i && town(d, i, b, owner) ? tokens_join(d, i, b) : NULL;
	}
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
	/* "Ruang ... (UAD), Yogyakarta": the place after the venue, also
	 * after a second venue ("Aula ..., Kampus Tembalang, Semarang"). */
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
		if ((tail = place_tail(d, b + 1, c)) != NULL)
			return tail;
		b = c;
	}
	return NULL;
}

static char *di_in(const struct doc *d, const struct record *r, const struct sent *s, bool need_cue,
		   bool strict)
{
	for (int i = s->first; i + 1 < s->end; i++) {
		const struct tok *t = &d->toks[i];
		if (!(tok_is(t, "di") || tok_is(t, "in") || tok_is(t, "at")))
			continue;
		if (need_cue && !(i > s->first && (tok_is(&d->toks[i - 1], "bertempat") ||
				  tok_is(&d->toks[i - 1], "berlangsung") || tok_is(&d->toks[i - 1], "diadakan") ||
				  tok_is(&d->toks[i - 1], "held") || tok_is(&d->toks[i - 1], "place"))))
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
			if (!(tok_is(&d->toks[i], "di") || tok_is(&d->toks[i], "in")))
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
		for (int i = s->first; s->signing && i < s->end; i++)
			if (tok_is(&d->toks[i], "here") ||
			    (tok_is(&d->toks[i], "di") && i + 1 < s->end && tok_is(&d->toks[i + 1], "sini")))
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

/* Words telling where a ceremony was held, and words naming the ceremony
 * (a sentence with the first and one of the second, or naming the
 * signers, tells where the signing was). */
static const char *const held_words[] = {
	"bertempat", "berlangsung", "diadakan", "digelar", "dilangsungkan",
	"diselenggarakan", "held", "place", "hosted", NULL
};
static const char *const ceremony_words[] = {
	"penandatanganan", "acara", "majlis", "upacara", "seremoni", "ceremony",
	"signing", "prosesi", "event", "pemeteraian", NULL
};

static bool sent_has(const struct doc *d, const struct sent *s, const char *const *words)
{
	for (int i = s->first; i < s->end; i++)
		for (int k = 0; words[k] != NULL; k++)
			if (tok_is(&d->toks[i], words[k]))
				return true;
	return false;
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
		if (s->title || !sent_has(d, s, held_words) ||
		    !(s->signing || s->signer || sent_has(d, s, ceremony_words)))
			continue;
		for (int i = s->first; i + 1 < s->end && r->location == NULL; i++) {
			const struct tok *t = &d->toks[i];
			if (!(tok_is(t, "di") || tok_is(t, "in") || tok_is(t, "at")))
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

/* Prefixes of a town's administrative name ("Kota Tottori" -> "Tottori"),
 * kept when the whole is a known place ("Kota Kinabalu"). */
static const char *const town_prefixes[] = { "kota ", "kabupaten ", "city of ", NULL };

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
	for (int k = 0; town_prefixes[k] != NULL && !known; k++) {
		size_t n = strlen(town_prefixes[k]);
		if (strncmp(low, town_prefixes[k], n) == 0 && r->location[n] >= 'A' && r->location[n] <= 'Z') {
			memmove(r->location, r->location + n, strlen(r->location + n) + 1);
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
