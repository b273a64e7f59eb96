/* extract_program.c: the programme stage: SPEC's closed vocabulary from
 * each language's phrases (LEX_PROGRAM), plus exchanges read around the
 * word "pertukaran"/"exchange"/"bertukar" ("pertukaran guru dan siswa" is
 * both a teacher and a student exchange). A phrase starting with a capital
 * inside a sentence is part of a name ("Balai Penjaminan Mutu") and does
 * not count. */
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

static bool in_name(const struct doc *d, const struct sent *s, int i)
{
	const struct tok *t = &d->toks[i];
	if (i == s->first || !t->cap)
		return false;
	for (int k = 1; k < t->len; k++)
		if (t->s[k] >= 'a' && t->s[k] <= 'z')
			return true;  /* "Penjaminan", not "PKL" */
	return false;
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

static int sentence_programs(const struct doc *d, const struct sent *s, struct record *r)
{
	int found = 0;
	for (int i = s->first; i < s->end; i++) {
		const struct lex_entry *e = NULL;
		if (lex_match(d, i, s->end, LEX_EVENT, &e) > 0 && strcmp(e->tag, "exchange") == 0)
			found += exchangees(d, s, i, r);
		int n = lex_match(d, i, s->end, LEX_PROGRAM, &e);
		if (n == 0 || in_name(d, s, i))
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
