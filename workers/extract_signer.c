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

/* Does the person's full name or first name occur in tokens [a, b)? */
static bool named_in(const struct doc *d, const struct person *p, int a, int b)
{
	size_t first = strcspn(p->name, " ");
	for (int i = a; i < b; i++) {
		const struct tok *t = &d->toks[i];
		if (t->cap && (size_t)t->len == first && memcmp(t->s, p->name, first) == 0)
			return true;
	}
	return false;
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

void signers_mark(struct doc *d, struct record *r)
{
	for (int si = 0; si < d->nsent; si++) {
		const struct sent *s = &d->sents[si];
		if (!s->signer)
			continue;
		int w = lex_find(d, s->first, s->end, LEX_WITNESS, NULL);
		for (int k = 0; k < r->npeople; k++)
			if (named_in(d, &r->people[k], s->first, w < 0 ? s->end : w))
				r->people[k].signer = true;
	}
	for (int k = 0; k < r->npeople; k++) {
		struct person *p = &r->people[k];
		if (p->signer && p->party < 0 && p->role != NULL)
			p->party = party_by_role(r, p->role);
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
