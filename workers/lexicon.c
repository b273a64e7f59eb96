/* lexicon.c: matching the word tables of lexicon_*.c against tokens. Each
 * table is indexed once (by the first two letters of its first word) so a
 * lookup at a token touches only the few entries that could match. */
#include <string.h>
#include <threads.h>

#include "extract_int.h"
#include "xalloc.h"

#define NBUCKET 512

/* One entry in a bucket, with the length of its first word (a '*'
 * included) so that most entries are passed over on one comparison. */
struct slot {
	const struct lex_entry *e;
	size_t w0;
};

struct bucket {
	struct slot *s;
	int n;
};

static const struct lexicon *const all_lex[] = {
	&lexicon_id, &lexicon_ms, &lexicon_en, &lexicon_common,
};
#define N_LEX (int)(sizeof all_lex / sizeof all_lex[0])

/* index[lexicon][kind][bucket], and index_all[kind][bucket] holding every
 * lexicon's entries in lexicon order (lex_match looks in one bucket, not
 * four); built once, never freed (static tables). */
static struct bucket *index_tab[N_LEX][LEX_N];
static struct bucket *index_all[LEX_N];
static once_flag index_once = ONCE_FLAG_INIT;

static unsigned bucket_of(const char *w, size_t len)
{
	unsigned c0 = (unsigned char)w[0], c1 = len > 1 ? (unsigned char)w[1] : 0;
	if (c1 == '*' || c1 == ' ')
		c1 = 0;
	return (c0 * 31u + c1) % NBUCKET;
}

static void bucket_add(struct bucket *b, const struct lex_entry *e)
{
	struct bucket *x = &b[bucket_of(e->phrase, strlen(e->phrase))];
	const char *sp = strchr(e->phrase, ' ');
	x->s = xrealloc(x->s, (size_t)(x->n + 1) * sizeof *x->s);
	x->s[x->n].e = e;
	x->s[x->n++].w0 = sp ? (size_t)(sp - e->phrase) : strlen(e->phrase);
}

static void index_one(int li, int k)
{
	const struct lex_entry *list = all_lex[li]->lists[k];
	struct bucket *b = xcalloc(NBUCKET, sizeof *b);
	index_tab[li][k] = b;
	if (index_all[k] == NULL)
		index_all[k] = xcalloc(NBUCKET, sizeof *index_all[k]);
	for (int i = 0; list != NULL && list[i].phrase != NULL; i++) {
		bucket_add(b, &list[i]);
		bucket_add(index_all[k], &list[i]);
	}
}

static void index_build(void)
{
	for (int li = 0; li < N_LEX; li++)
		for (int k = 0; k < LEX_N; k++)
			index_one(li, k);
}

void lex_init(void)
{
	call_once(&index_once, index_build);
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

/* The longest entry of bucket b matching at token i (the first of equal
 * length), its length in *best. */
static const struct lex_entry *bucket_match(const struct bucket *b, const struct doc *d,
					    int i, int end, int *best)
{
	const struct tok *t = &d->toks[i];
	const struct lex_entry *found = NULL;
	*best = 0;
	for (int j = 0; j < b->n; j++) {
		if (!word_eq(b->s[j].e->phrase, b->s[j].w0, t))
			continue;
		int n = phrase_len(b->s[j].e->phrase, d, i, end);
		if (n > *best) {
			*best = n;
			found = b->s[j].e;
		}
	}
	return found;
}

int lex_match_in(const struct lexicon *lx, const struct doc *d, int i, int end,
		 enum lex_kind k, const struct lex_entry **e)
{
	lex_init();
	if (i >= end)
		return 0;
	const struct tok *t = &d->toks[i];
	int best;
	const struct lex_entry *x = bucket_match(
		&index_tab[index_of(lx)][k][bucket_of(t->low, (size_t)t->len)], d, i, end, &best);
	if (best > 0 && e)
		*e = x;
	return best;
}

/* Every lexicon's entries of kind k at once (doc_build has built the
 * index); ties go to the earlier lexicon, as they did one by one. */
int lex_match(const struct doc *d, int i, int end, enum lex_kind k,
	      const struct lex_entry **e)
{
	if (i >= end)
		return 0;
	const struct tok *t = &d->toks[i];
	int best;
	const struct lex_entry *x = bucket_match(
		&index_all[k][bucket_of(t->low, (size_t)t->len)], d, i, end, &best);
	if (best > 0 && e)
		*e = x;
	/* An inflected or misspelt form of a signing root (extract_morph.c). */
	if (best == 0 && k == LEX_SIGN && t->root != NULL && strcmp(t->root->tag, "sign") == 0) {
		best = 1;
		if (e)
			*e = t->root;
	}
	return best;
}

int lex_match_val(const struct doc *d, int i, int end, enum lex_kind k, int need, int avoid,
		  const struct lex_entry **e)
{
	if (i >= end)
		return 0;
	const struct tok *t = &d->toks[i];
	const struct bucket *b = &index_all[k][bucket_of(t->low, (size_t)t->len)];
	int best = 0;
	for (int j = 0; j < b->n; j++) {
		int v = b->s[j].e->val;
		if ((v & need) != need || (v & avoid) != 0 || !word_eq(b->s[j].e->phrase, b->s[j].w0, t))
			continue;
		int n = phrase_len(b->s[j].e->phrase, d, i, end);
		if (n > best) {
			best = n;
			if (e)
				*e = b->s[j].e;
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
		if (strncmp(s, b->s[j].e->phrase, strlen(b->s[j].e->phrase)) == 0)
			return b->s[j].e;
	return NULL;
}

/* An entry s starts with shares its first letter and either its second
 * or a one-letter first word: two buckets hold every candidate; of both,
 * the one earlier in its list wins, as in a scan of the whole list. */
const struct lex_entry *lex_prefix_str(const char *s, enum lex_kind k)
{
	lex_init();
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
