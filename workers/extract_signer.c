/* extract_signer.c: who signed, and for whom. People named in a sentence
 * that names the signers (sent.signer: the signing sentence, "Dokumen
 * ditandatangani ...", "diwakili", "on behalf of"), in full or by first
 * name, before any "witnessed by", are signatories. A signatory's party is
 * the institution in the role; else the party whose name shares the most
 * of the role's words ("Terengganu education director" -> "JPN
 * Terengganu"); after the parties are chosen, a signatory still without
 * one gets the party no other signatory holds. */
#include <stdlib.h>
#include <string.h>

#include "extract_int.h"
#include "xalloc.h"

/* Do the words of name (from its word w on) follow at token i? */
static bool name_at(const struct doc *d, const char *w, int i, int b)
{
	while (*w) {
		size_t n = strcspn(w, " ");
		if (i >= b || (size_t)d->toks[i].len != n || memcmp(d->toks[i].s, w, n) != 0)
			return false;
		w += n + (w[n] == ' ');
		i++;
	}
	return true;
}

/* Does the person's full name, or the first name alone (not followed by
 * another capitalised word: "Mohd" of "Mohd Hamdi" is not "Mohd
 * Yusoff"), occur in the span? */
static bool named_in(const struct doc *d, const struct person *p, const struct span *sp)
{
	size_t first = strcspn(p->name, " ");
	int b = sp->to;
	for (int i = sp->from; i < b; i++) {
		const struct tok *t = &d->toks[i];
		if (!span_has(sp, i) || !t->cap || (size_t)t->len != first ||
		    memcmp(t->s, p->name, first) != 0)
			continue;
		if (name_at(d, p->name, i, b) || i + 1 >= b || !d->toks[i + 1].cap)
			return true;
	}
	return false;
}

/* Is the signing word at i told as what came before or after ("usai
 * penandatanganan", "after the signing")? */
static bool around_signing(const struct doc *d, const struct sent *s, int i)
{
	for (int j = i - 1; j >= s->first && j >= i - 3; j--)
		if (lex_match(d, j, i, LEX_AFTERSIGN, NULL) > 0)
			return true;
	return false;
}

bool span_has(const struct span *sp, int i)
{
	if (i < sp->from || i >= sp->to)
		return false;
	for (int k = 0; k < sp->ngaps; k++)
		if (i >= sp->gap[k][0] && i < sp->gap[k][1])
			return false;
	return true;
}

/* The witness parts from cue w on: each up to the next clause ("manakala
 * bagi pihak Y, Z menandatangani"), else to the end of the sentence. */
static void witness_gaps(const struct doc *d, const struct sent *s, int w, struct span *sp)
{
	while (w >= 0 && sp->ngaps < MAX_GAPS) {
		int c = lex_find(d, w, s->end, LEX_CLAUSE, NULL);
		sp->gap[sp->ngaps][0] = w;
		sp->gap[sp->ngaps][1] = c < 0 ? s->end : c;
		sp->ngaps++;
		w = c < 0 ? -1 : lex_find(d, c, s->end, LEX_WITNESS, NULL);
	}
}

void signer_span(const struct doc *d, const struct sent *s, struct span *sp)
{
	sp->from = sp->to = s->first;
	sp->ngaps = 0;
	int *from = &sp->from, *to = &sp->to;
	if (!s->signer)
		return;
	int w = lex_find(d, s->first, s->end, LEX_WITNESS, NULL);
	int sign = -1;
	bool plain = false;  /* a signing word not told as before or after */
	for (int i = s->first; i < s->end; i++) {
		int n = lex_match(d, i, s->end, LEX_SIGN, NULL);
		if (n == 0)
			continue;
		if (sign < 0)
			sign = i;
		plain |= !around_signing(d, s, i);
		i += n - 1;
	}
	if (sign >= 0 && !plain)
		return;  /* "Usai penandatanganan, Rektor ... mengatakan" */
	*to = s->end;
	if (w >= 0 && (sign < 0 || w > sign))
		witness_gaps(d, s, w, sp);
	if (w < 0 || sign < 0 || w > sign)
		return;
	/* The witness cue comes first. Opening the sentence ("Disaksikan
	 * Gubernur, A dan B menandatangani"), it ends at the first comma;
	 * else its subject witnessed ("X, yang turut hadir, menyaksikan
	 * penandatanganan"): nobody signs here. */
	*to = *from;
	if (w > s->first + 1)
		return;
	for (int i = w; i < sign; i++)
		if (tok_punct(&d->toks[i], ',')) {
			*from = i + 1;
			*to = s->end;
			return;
		}
}

/* Share of the words of key form f that are words of key k (0..1). */
static double overlap(const char *f, const char *k)
{
	int words = 0, hits = 0;
	for (const char *p = f; *p;) {
		size_t n = strcspn(p, " ");
		words++;
		for (const char *q = k; *q;) {
			size_t m = strcspn(q, " ");
			if (m == n && memcmp(p, q, n) == 0) {
				hits++;
				break;
			}
			q += m + (q[m] == ' ');
		}
		p += n + (p[n] == ' ');
	}
	return words ? (double)hits / words : 0;
}

/* The party whose name or alias shares the largest part of its words with
 * the role, or -1. */
static int party_by_role(const struct record *r, const char *role)
{
	char *k = party_key(role);
	int best = -1;
	double score = 0;
	for (int i = 0; i < r->nparties; i++) {
		const struct party *p = &r->parties[i];
		for (int a = -1; a < p->naliases; a++) {
			double o = overlap(a < 0 ? p->key : p->akeys[a], k);
			if (o > score) {
				score = o;
				best = i;
			}
		}
	}
	free(k);
	return best;
}

/* Does key k begin with a word of list k of lexicon_common followed by a
 * space ("pemkab x")? */
static bool key_starts_with(const char *k, enum lex_kind kind)
{
	for (const struct lex_entry *e = lexicon_common.lists[kind]; e && e->phrase; e++) {
		size_t n = strlen(e->phrase);
		if (strncmp(k, e->phrase, n) == 0 && k[n] == ' ')
			return true;
	}
	return false;
}

static bool ends_with_word(const char *s, const char *tail)
{
	size_t n = strlen(s), m = strlen(tail);
	return m > 0 && m < n && strcmp(s + n - m, tail) == 0 && s[n - m - 1] == ' ';
}

/* Is key k a regional government's ("pemkab x", "pemerintah x")? */
static bool gov_key(const char *k)
{
	return key_starts_with(k, LEX_GOVKEY);
}

/* The signing party that unit party u belongs to, or -1: its key (or its
 * key less "pemerintah") ends the unit's key. A unit's key begins with a
 * LEX_UNITKEY word: a signatory whose institution is such a unit of a
 * party named as signing signed for that party ("Kepala Badan ...
 * Kabupaten X" for "Pemerintah Kabupaten X", "Dekan Fakultas Teknik
 * Universitas Y" for "Universitas Y"). */
static int unit_parent(const struct record *r, int u)
{
	const char *k = r->parties[u].key;
	if (!key_starts_with(k, LEX_UNITKEY))
		return -1;
	for (int g = 0; g < r->nparties; g++) {
		const char *gk = r->parties[g].key;
		if (g == u || !r->parties[g].signer)
			continue;
		const char *place = strchr(gk, ' ');
		if (place != NULL && gov_key(gk) && ends_with_word(k, place + 1))
			return g;
		if (ends_with_word(k, gk))
			return g;
	}
	return -1;
}


/* Generic words naming a kind of institution ("the polytechnic's
 * director", "the regency secretary"): LEX_KIND, tag = a word of party
 * keys of that kind. */
static bool kind_is(const struct lex_entry *e, const char *w, size_t n)
{
	return strlen(e->phrase) == n && memcmp(e->phrase, w, n) == 0;
}

bool signer_kind_word(const char *w, size_t n)
{
	for (const struct lex_entry *e = lexicon_common.lists[LEX_KIND]; e && e->phrase; e++)
		if (kind_is(e, w, n))
			return true;
	return false;
}

/* Does key k have the word w (NUL-terminated) as one of its words? */
static bool key_has_word(const char *k, const char *w)
{
	size_t n = strlen(w);
	for (const char *p = k; *p;) {
		size_t m = strcspn(p, " ");
		if (m == n && memcmp(p, w, n) == 0)
			return true;
		p += m + (p[m] == ' ');
	}
	return false;
}

/* Is party p of the kind named by generic word w? */
static bool party_of_kind(const struct party *p, const char *w, size_t n)
{
	for (const struct lex_entry *e = lexicon_common.lists[LEX_KIND]; e && e->phrase; e++) {
		if (!kind_is(e, w, n))
			continue;
		for (int a = -1; a < p->naliases; a++)
			if (key_has_word(a < 0 ? p->key : p->akeys[a], e->tag))
				return true;
	}
	return false;
}

int party_by_kind(const struct record *r, const char *w, size_t n)
{
	if (n > 2 && w[n - 2] == '\'' && w[n - 1] == 's')
		n -= 2;
	int found = -1;
	for (int i = 0; i < r->nparties; i++) {
		if (!party_of_kind(&r->parties[i], w, n))
			continue;
		if (found >= 0)
			return -1;
		found = i;
	}
	return found;
}

void signers_mark(struct doc *d, struct record *r)
{
	for (int si = 0; si < d->nsent; si++) {
		struct span sp;
		signer_span(d, &d->sents[si], &sp);
		for (int k = 0; k < r->npeople && sp.from < sp.to; k++)
			if (r->people[k].spoke_sent != si && named_in(d, &r->people[k], &sp)) {
				if (!r->people[k].signer)
					r->people[k].sign_tok = sp.from;
				r->people[k].signer = true;
			}
	}
	for (int k = 0; k < r->npeople; k++) {
		struct person *p = &r->people[k];
		if (p->signer && p->party < 0 && p->role != NULL)
			p->party = party_by_role(r, p->role);
		int g = p->signer && p->party >= 0 ? unit_parent(r, p->party) : -1;
		if (g >= 0)
			p->party = g;
	}
}

void signers_fill_party(struct record *r)
{
	for (int k = 0; k < r->npeople; k++) {
		struct person *p = &r->people[k];
		if (!p->signer || p->party >= 0)
			continue;
		for (int i = 0; i < r->nparties && p->party < 0; i++) {
			bool held = false;
			for (int j = 0; j < r->npeople && !held; j++)
				held = r->people[j].signer && r->people[j].party == i;
			if (!held)
				p->party = i;
		}
	}
}
