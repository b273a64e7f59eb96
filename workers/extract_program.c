/* extract_program.c: the programme stage: SPEC's closed vocabulary from
 * each language's phrases (LEX_PROGRAM), plus exchanges read around the
 * word "pertukaran"/"exchange"/"bertukar" ("pertukaran guru dan siswa" is
 * both a teacher and a student exchange). A capitalised phrase after an
 * institution head is part of a unit's name ("Balai Penjaminan Mutu") and
 * does not count. */
#include <string.h>

#include "extract_int.h"

#define EXCHANGE_AHEAD 4
#define EXCHANGE_BEHIND 2

static int add_program(struct record *r, const char *p)
{
	for (int i = 0; i < r->nprograms; i++)
		if (strcmp(r->programs[i], p) == 0)
			return 0;
	if (r->nprograms == (int)(sizeof r->programs / sizeof r->programs[0]))
		return 0;
	r->programs[r->nprograms++] = p;
	return 1;
}

#define NAME_BACK 6  /* capitalised words searched back for a unit's head */

static bool mixed_cap(const struct tok *t)
{
	if (!t->cap)
		return false;
	for (int k = 1; k < t->len; k++)
		if (t->s[k] >= 'a' && t->s[k] <= 'z')
			return true;  /* "Penjaminan", not "PKL" */
	return false;
}

/* Is the capitalised phrase at i part of a unit's name: an institution
 * head, a role or a unit word among the capitalised words just before it ("Balai Penjaminan
 * Mutu", "Direktur Riset dan Pengabdian", "Prodi Bahasa dan Sastra")? A
 * capitalised scope ("bidang Pendidikan, Penelitian dan Pengabdian kepada
 * Masyarakat") is not. */
static bool in_name(const struct doc *d, const struct sent *s, int i)
{
	if (i == s->first || !mixed_cap(&d->toks[i]))
		return false;
	for (int k = i - 1; k >= s->first && k >= i - NAME_BACK; k--) {
		const struct tok *t = &d->toks[k];
		if (t->cap && (lex_match(d, k, i, LEX_INST, NULL) > 0 ||
			       lex_match(d, k, i, LEX_ROLE, NULL) > 0 ||
			       lex_match(d, k, i, LEX_UNITHEAD, NULL) > 0))
			return true;  /* "Bidang Akademik", not "bidang Pendidikan" */
		if (!(t->cap || tok_is(t, "dan") || tok_is(t, "kepada") || tok_punct(t, ',')))
			break;
	}
	/* English names end with their head: "Education and Culture Office" */
	for (int k = i + 1; k < s->end && k <= i + NAME_BACK; k++) {
		const struct tok *t = &d->toks[k];
		if (t->cap && (lex_match(d, k, s->end, LEX_UNITHEAD, NULL) > 0 ||
			       lex_match(d, k, s->end, LEX_INST, NULL) > 0))
			return true;
		if (!(t->cap || tok_is(t, "and") || tok_is(t, "of")))
			break;
	}
	return false;
}

/* A line of title-case words inside the text ("Mahasiswa Unram Juarai
 * Lomba Debat Bahasa Inggris"): a link to another story, not this
 * agreement's scope. */
static bool title_case_line(const struct doc *d, const struct sent *s)
{
	int words = 0, caps = 0;
	if (s->title)
		return false;
	for (int i = s->first; i < s->end; i++) {
		if (!d->toks[i].word || d->toks[i].num)
			continue;
		words++;
		caps += d->toks[i].cap;
	}
	return words >= 4 && caps * 10 >= words * 8;
}

/* Who is exchanged around an exchange word at i. */
static int exchangees(const struct doc *d, const struct sent *s, int i, struct record *r)
{
	int found = 0;
	int from = i - EXCHANGE_BEHIND > s->first ? i - EXCHANGE_BEHIND : s->first;
	int to = i + 1 + EXCHANGE_AHEAD < s->end ? i + 1 + EXCHANGE_AHEAD : s->end;
	for (int k = from; k < to; k++) {
		const struct lex_entry *e = NULL;
		if (k != i && lex_match(d, k, to, LEX_EXCHANGEE, &e) > 0)
			found += add_program(r, e->tag);
	}
	return found;
}

/* Programmes that ordinary text names in passing ("budaya Indonesia", "a
 * culture of excellence", "pidato bahasa Inggris"): they count only in a
 * sentence about the agreement, its scope or what is planned under it
 * (LEX_COOP, LEX_SCOPE, LEX_PLAN: "siswa akan belajar bahasa Arab"). */
static const char *const weak_programs[] = { "culture", "language", "facilities", NULL };

static bool weak_program(const char *tag)
{
	for (int i = 0; weak_programs[i] != NULL; i++)
		if (strcmp(weak_programs[i], tag) == 0)
			return true;
	return false;
}

static int sentence_programs(const struct doc *d, const struct sent *s, struct record *r)
{
	int found = 0;
	if (title_case_line(d, s))
		return 0;
	bool scope = lex_find(d, s->first, s->end, LEX_COOP, NULL) >= 0 ||
		     lex_find(d, s->first, s->end, LEX_SCOPE, NULL) >= 0 ||
		     lex_find(d, s->first, s->end, LEX_PLAN, NULL) >= 0;
	for (int i = s->first; i < s->end; i++) {
		const struct lex_entry *e = NULL;
		if (lex_match(d, i, s->end, LEX_EVENT, &e) > 0 && strcmp(e->tag, "exchange") == 0)
			found += exchangees(d, s, i, r);
		int n = lex_match(d, i, s->end, LEX_PROGRAM, &e);
		if (n == 0 || in_name(d, s, i) || (!scope && weak_program(e->tag)))
			continue;
		found += add_program(r, e->tag);
		i += n - 1;
	}
	return found;
}

void stage_programs(struct doc *d, struct record *r)
{
	int best = 0;
	r->program_sent = -1;
	for (int i = 0; i < d->nsent; i++) {
		int n = sentence_programs(d, &d->sents[i], r);
		if (n > best) {
			best = n;
			r->program_sent = i;
		}
	}
}
