/* extract_duration.c: how long something runs: "tiga tahun",
 * "5 (lima) tahun", "sebulan", "dua minggu", "for three years", and adding
 * such a duration to a date. Durations are ISO 8601 (P3Y, P1M, P2W, P10D). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract_int.h"

int number_at(const struct doc *d, int i, int end, int *value)
{
	if (i >= end)
		return 0;
	const struct tok *t = &d->toks[i];
	if (t->num && t->len <= 3) {
		*value = atoi(t->s);
		return *value > 0 ? 1 : 0;
	}
	const struct lex_entry *e = NULL;
	int n = lex_match(d, i, end, LEX_NUMBER, &e);
	if (n > 0)
		*value = e->val;
	return n;
}

/* Skips a spelled-out repeat in brackets: "5 (lima) tahun". */
static int skip_paren_number(const struct doc *d, int i, int end)
{
	int v;
	if (i < end && tok_punct(&d->toks[i], '(')) {
		int n = number_at(d, i + 1, end, &v);
		if (n > 0 && i + 1 + n < end && tok_punct(&d->toks[i + 1 + n], ')'))
			return n + 2;
	}
	return 0;
}

/* The value of lower-case word w (n bytes) in table k of any language. */
static const struct lex_entry *word_entry(const char *w, size_t n, enum lex_kind k)
{
	const struct lexicon *const all[] = { &lexicon_id, &lexicon_ms, &lexicon_en, &lexicon_common };
	for (size_t l = 0; l < sizeof all / sizeof all[0]; l++)
		for (const struct lex_entry *e = all[l]->lists[k]; e && e->phrase; e++)
			if (strlen(e->phrase) == n && memcmp(e->phrase, w, n) == 0)
				return e;
	return NULL;
}

/* One hyphenated token: "two-week", "3-month", "five-year". */
static int hyphenated(const struct doc *d, int i, struct duration *du)
{
	const struct tok *t = &d->toks[i];
	const char *h = memchr(t->low, '-', (size_t)t->len);
	if (!t->word || h == NULL)
		return 0;
	size_t a = (size_t)(h - t->low), b = (size_t)t->len - a - 1;
	const struct lex_entry *num = word_entry(t->low, a, LEX_NUMBER);
	const struct lex_entry *unit = word_entry(h + 1, b, LEX_UNIT);
	int v = num ? num->val : (a > 0 && a <= 3 && t->low[0] >= '0' && t->low[0] <= '9') ? atoi(t->low) : 0;
	if (v <= 0 || unit == NULL)
		return 0;
	du->n = v;
	du->unit = (char)unit->val;
	du->first = i;
	du->end = i + 1;
	return 1;
}

/* A duration at token i: tokens used (0: none), filled into *du. */
static int dur_at(const struct doc *d, int i, int end, struct duration *du)
{
	if (hyphenated(d, i, du))
		return 1;
	const struct lex_entry *e = NULL;
	int n = lex_match(d, i, end, LEX_SEUNIT, &e);
	if (n > 0) {
		du->n = 1;
		du->unit = (char)e->val;
		du->first = i;
		du->end = i + n;
		return n;
	}
	int v, k = number_at(d, i, end, &v);
	if (k == 0)
		return 0;
	int j = i + k;
	j += skip_paren_number(d, j, end);
	int u = lex_match(d, j, end, LEX_UNIT, &e);
	/* "Minggu" with a capital is Sunday, not weeks. */
	if (u == 0 || d->toks[j].cap)
		return 0;
	du->n = v;
	du->unit = (char)e->val;
	du->first = i;
	du->end = j + u;
	return du->end - i;
}

int dur_scan(const struct doc *d, int a, int b, struct duration *out, int max)
{
	int n = 0;
	for (int i = a; i < b && n < max;) {
		int used = dur_at(d, i, b, &out[n]);
		if (used > 0)
			n++;
		i += used > 0 ? used : 1;
	}
	return n;
}

void dur_format(const struct duration *du, char out[16])
{
	snprintf(out, 16, "P%d%c", du->n % 10000, du->unit);
}

static struct mw_ymd add_months(struct mw_ymd v, int months)
{
	int m0 = v.y * 12 + (v.m - 1) + months;
	struct mw_ymd r = { m0 / 12, m0 % 12 + 1, v.d };
	while (!ymd_valid(r) && r.d > 28)
		r.d--;
	return r;
}

struct mw_ymd dur_add(struct mw_ymd v, const struct duration *du)
{
	switch (du->unit) {
	case 'Y': return add_months(v, du->n * 12);
	case 'M': return add_months(v, du->n);
	case 'W': return days_ymd(ymd_days(v) + 7L * du->n);
	case 'D': return days_ymd(ymd_days(v) + du->n);
	default: return v;
	}
}
