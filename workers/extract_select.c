/* extract_select.c: which mentioned institutions are parties: those named
 * in a signing sentence (not as witnesses) and those of the signatories,
 * in the order first named. When no signing sentence names one, the
 * institutions of the first sentence that names two are taken. */
#include <stdlib.h>
#include <string.h>

#include "extract_int.h"

static void fallback_signers(const struct doc *d, struct record *r)
{
	int lead = -1, count = 0;
	for (int i = 0; i < r->nparties; i++)
		if (r->parties[i].signer)
			count++;
	if (count >= 2 || r->nparties < 2)
		return;
	/* The earliest sentence naming two institutions. */
	for (int si = 0; si < d->nsent && lead < 0; si++) {
		int n = 0;
		for (int i = 0; i < r->nparties; i++) {
			int t = r->parties[i].first_tok;
			n += t >= d->sents[si].first && t < d->sents[si].end;
		}
		if (n >= 2)
			lead = si;
	}
	if (lead < 0)
		return;
	for (int i = 0; i < r->nparties; i++) {
		int t = r->parties[i].first_tok;
		if (t >= d->sents[lead].first && t < d->sents[lead].end)
			r->parties[i].signer = true;
	}
}

/* A faculty that signs without its university's name ("UKM melalui
 * Fakulti Perubatan") is a form of the nearest university that signs
 * before it (or else after it). */
static void units_to_parents(struct record *r)
{
	for (int i = 0; i < r->nparties; i++) {
		struct party *u = &r->parties[i];
		if (!u->signer || !party_is_unit(u))
			continue;
		int best = -1;
		long best_d = 0;
		for (int k = 0; k < r->nparties; k++) {
			const struct party *p = &r->parties[k];
			if (k == i || !p->signer || party_is_unit(p) || !party_has_units(p))
				continue;
			/* before it: the distance; after it: behind every one before */
			long dist = p->first_tok < u->first_tok ? u->first_tok - p->first_tok
								: 1000000L + p->first_tok - u->first_tok;
			if (best < 0 || dist < best_d)
				best = k, best_d = dist;
		}
		if (best < 0)
			continue;
		party_add_alias(&r->parties[best], u->name);
		u->signer = false;
		for (int k = 0; k < r->npeople; k++)
			if (r->people[k].party == i)
				r->people[k].party = best;
	}
}

/* Party from is another name of party into: its forms become aliases, its
 * people and first mention move over, and it is no longer a party. */
static void merge_into(struct record *r, int into, int from)
{
	struct party *a = &r->parties[into], *b = &r->parties[from];
	party_add_alias(a, b->name);
	for (int k = 0; k < b->naliases; k++)
		party_add_alias(a, b->aliases[k]);
	if (b->first_tok < a->first_tok)
		a->first_tok = b->first_tok;
	b->signer = false;
	for (int k = 0; k < r->npeople; k++)
		if (r->people[k].party == from)
			r->people[k].party = into;
}

/* Signing parties written as a contraction of another ("Unpad" for
 * "Universitas Padjadjaran", "UMS" for "Universiti Malaysia Sabah") are
 * that party, when only one party fits. */
static void merge_contractions(struct record *r)
{
	for (int i = 0; i < r->nparties; i++) {
		if (!r->parties[i].signer || strchr(r->parties[i].name, ' ') != NULL)
			continue;
		int fit = -1, nfit = 0;
		for (int k = 0; k < r->nparties; k++)
			if (k != i && party_contraction(r->parties[i].name, r->parties[k].name))
				fit = k, nfit++;
		if (nfit == 1) {
			r->parties[fit].signer = true;
			merge_into(r, fit, i);
		}
	}
}

/* Two signing parties that are one name in two languages ("TUSAS
 * Academy" and "Akademi TUSAS"): the later is the earlier's alias. */
static void merge_translations(const struct doc *d, struct record *r)
{
	for (int i = 0; i < r->nparties; i++)
		if (r->parties[i].signer)
			alias_translated_party(d, &r->parties[i]);
	for (int i = 0; i < r->nparties; i++)
		for (int k = 0; k < r->nparties && r->parties[i].signer; k++) {
			struct party *a = &r->parties[i], *b = &r->parties[k];
			if (k == i || !b->signer || b->first_tok < a->first_tok)
				continue;
			for (int x = 0; x < a->naliases; x++)
				if (strcmp(a->akeys[x], b->key) == 0) {
					merge_into(r, i, k);
					break;
				}
		}
}

static void free_party(struct party *p)
{
	free(p->name);
	free(p->key);
	for (int i = 0; i < p->naliases; i++) {
		free(p->aliases[i]);
		free(p->akeys[i]);
	}
}

static int by_first_tok(const void *a, const void *b)
{
	const struct party *x = a, *y = b;
	return x->first_tok - y->first_tok;
}

void stage_select_parties(struct doc *d, struct record *r)
{
	int remap[MAX_PARTIES * 4];
	for (int k = 0; k < r->npeople; k++)
		if (r->people[k].signer && r->people[k].party >= 0)
			r->parties[r->people[k].party].signer = true;
	/* a faculty of a signing university is none of the two the fallback
	 * needs; after it, a faculty joins the university it found */
	units_to_parents(r);
	fallback_signers(d, r);
	units_to_parents(r);
	merge_contractions(r);
	merge_translations(d, r);
	/* Parties keep their order of first mention; sort by it with the old
	 * index remembered (first_tok is unique per party). */
	int n = 0;
	for (int i = 0; i < r->nparties; i++) {
		if (r->parties[i].signer && n < MAX_PARTIES) {
			r->parties[n] = r->parties[i];
			remap[i] = n++;
		} else {
			free_party(&r->parties[i]);
			remap[i] = -1;
		}
	}
	for (int k = 0; k < r->npeople; k++)
		r->people[k].party = r->people[k].party >= 0 ? remap[r->people[k].party] : -1;
	int tok_of[MAX_PARTIES];
	for (int i = 0; i < n; i++)
		tok_of[i] = r->parties[i].first_tok;
	qsort(r->parties, (size_t)n, sizeof r->parties[0], by_first_tok);
	for (int k = 0; k < r->npeople; k++) {
		int p = r->people[k].party;
		if (p < 0)
			continue;
		for (int i = 0; i < n; i++)
			if (r->parties[i].first_tok == tok_of[p])
				r->people[k].party = i;
	}
	r->nparties = n;
	signers_fill_party(r);
}
