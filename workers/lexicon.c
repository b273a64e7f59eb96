/* lexicon.c: matching the word tables of lexicon_*.c against tokens. Each
 * table is indexed once (by the first two letters of its first word) so a
 * lookup at a token touches only the few entries that could match. */
#include <string.h>
#include <threads.h>

#include "extract_int.h"
#include "xalloc.h"

#define NBUCKET 512

struct bucket {
	const struct lex_entry **e;
	int n;
};

static const struct lexicon *const all_lex[] = {
	&lexicon_id, &lexicon_ms, &lexicon_en, &lexicon_common,
};
#define N_LEX (int)(sizeof all_lex / sizeof all_lex[0])

/* index[lexicon][kind][bucket]; built once, never freed (static tables). */
static struct bucket *index_tab[N_LEX][LEX_N];
static once_flag index_once = ONCE_FLAG_INIT;

static unsigned bucket_of(const char *w, size_t len)
{
	unsigned c0 = (unsigned char)w[0], c1 = len > 1 ? (unsigned char)w[1] : 0;
	if (c1 == '*' || c1 == ' ')
		c1 = 0;
	return (c0 * 31u + c1) % NBUCKET;
}

static void index_one(int li, int k)
{
	const struct lex_entry *list = all_lex[li]->lists[k];
	struct bucket *b = xcalloc(NBUCKET, sizeof *b);
	index_tab[li][k] = b;
	for (int i = 0; list != NULL && list[i].phrase != NULL; i++) {
		struct bucket *x = &b[bucket_of(list[i].phrase, strlen(list[i].phrase))];
		x->e = xrealloc(x->e, (size_t)(x->n + 1) * sizeof *x->e);
		x->e[x->n++] = &list[i];
	}
}

static void index_build(void)
{
	for (int li = 0; li < N_LEX; li++)
		for (int k = 0; k < LEX_N; k++)
			index_one(li, k);
}

/* Does phrase word w (len wl, maybe ending in '*') match token t? */
static bool word_eq(const char *w, size_t wl, const struct tok *t)
{
	if (!t->word && !(wl == 1 && t->len == 1))
		return false;
	if (wl > 1 && w[wl - 1] == '*')
		return (size_t)t->len >= wl - 1 && memcmp(t->low, w, wl - 1) == 0;
	return (size_t)t->len == wl && memcmp(t->low, w, wl) == 0;
}

/* Tokens matched by the phrase at i, or 0. */
static int phrase_len(const char *p, const struct doc *d, int i, int end)
{
	int n = 0;
	while (*p) {
		const char *sp = strchr(p, ' ');
		size_t wl = sp ? (size_t)(sp - p) : strlen(p);
		if (i + n >= end || !word_eq(p, wl, &d->toks[i + n]))
			return 0;
		n++;
		p += wl;
		if (*p == ' ')
			p++;
	}
	return n;
}

static int index_of(const struct lexicon *lx)
{
	for (int li = 0; li < N_LEX; li++)
		if (all_lex[li] == lx)
			return li;
	fatal("lexicon: unknown table %p", (const void *)lx);
}

int lex_match_in(const struct lexicon *lx, const struct doc *d, int i, int end,
		 enum lex_kind k, const struct lex_entry **e)
{
	call_once(&index_once, index_build);
	if (i >= end)
		return 0;
	const struct tok *t = &d->toks[i];
	const struct bucket *b = &index_tab[index_of(lx)][k][bucket_of(t->low, (size_t)t->len)];
	int best = 0;
	for (int j = 0; j < b->n; j++) {
		int n = phrase_len(b->e[j]->phrase, d, i, end);
		if (n > best) {
			best = n;
			if (e)
				*e = b->e[j];
		}
	}
	/* Single-letter tokens may match "x*" entries filed under one letter. */
	return best;
}

int lex_match(const struct doc *d, int i, int end, enum lex_kind k,
	      const struct lex_entry **e)
{
	int best = 0;
	for (int li = 0; li < N_LEX; li++) {
		const struct lex_entry *x = NULL;
		int n = lex_match_in(all_lex[li], d, i, end, k, &x);
		if (n > best) {
			best = n;
			if (e)
				*e = x;
		}
	}
	/* An inflected or misspelt form of a signing root (extract_morph.c). */
	if (best == 0 && k == LEX_SIGN && i < end && d->toks[i].root != NULL &&
	    strcmp(d->toks[i].root->tag, "sign") == 0) {
		best = 1;
		if (e)
			*e = d->toks[i].root;
	}
	return best;
}

int lex_match_val(const struct doc *d, int i, int end, enum lex_kind k, int need, int avoid,
		  const struct lex_entry **e)
{
	call_once(&index_once, index_build);
	if (i >= end)
		return 0;
	const struct tok *t = &d->toks[i];
	unsigned bk = bucket_of(t->low, (size_t)t->len);
	int best = 0;
	for (int li = 0; li < N_LEX; li++) {
		const struct bucket *b = &index_tab[li][k][bk];
		for (int j = 0; j < b->n; j++) {
			int v = b->e[j]->val;
			if ((v & need) != need || (v & avoid) != 0)
				continue;
			int n = phrase_len(b->e[j]->phrase, d, i, end);
			if (n > best) {
				best = n;
				if (e)
					*e = b->e[j];
			}
		}
	}
	return best;
}

int lex_find_val(const struct doc *d, int a, int b, enum lex_kind k, int need, int avoid)
{
	for (int i = a; i < b; i++)
		if (lex_match_val(d, i, b, k, need, avoid, NULL) > 0)
			return i;
	return -1;
}

int lex_find(const struct doc *d, int a, int b, enum lex_kind k,
	     const struct lex_entry **e)
{
	for (int i = a; i < b; i++)
		if (lex_match(d, i, b, k, e) > 0)
			return i;
	return -1;
}

int lex_count(void)
{
	return N_LEX;
}

const struct lex_entry *lex_list(int li, enum lex_kind k)
{
	return li >= 0 && li < N_LEX ? all_lex[li]->lists[k] : NULL;
}

/* The first entry (in list order) of bucket b that s starts with. */
static const struct lex_entry *prefix_in(const struct bucket *b, const char *s)
{
	for (int j = 0; j < b->n; j++)
		if (strncmp(s, b->e[j]->phrase, strlen(b->e[j]->phrase)) == 0)
			return b->e[j];
	return NULL;
}

/* An entry s starts with shares its first letter and either its second
 * or a one-letter first word: two buckets hold every candidate; of both,
 * the one earlier in its list wins, as in a scan of the whole list. */
const struct lex_entry *lex_prefix_str(const char *s, enum lex_kind k)
{
	call_once(&index_once, index_build);
	if (s[0] == '\0')
		return NULL;
	unsigned b1 = bucket_of(s, strlen(s)), b0 = bucket_of(s, 1);
	for (int li = 0; li < N_LEX; li++) {
		const struct lex_entry *x = prefix_in(&index_tab[li][k][b1], s);
		const struct lex_entry *y = b0 == b1 ? NULL : prefix_in(&index_tab[li][k][b0], s);
		if (x != NULL && (y == NULL || x < y))
			return x;
		if (y != NULL)
			return y;
	}
	return NULL;
}
