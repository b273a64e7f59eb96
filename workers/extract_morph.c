/* extract_morph.c: Indonesian and Malay word morphology for the few key
 * roots of the lexicons (LEX_ROOT: "tandatangan", "teken", "meterai").
 * A word is peeled of its particle (-lah, -kah, -pun), its enclitic pronoun
 * (-nya, -ku, -mu), its suffix (-kan, -an, -i) and its prefix (meN-, peN-,
 * di-, ter-, ber-, per-, ke-) with the nasal's sound changes (men + vowel
 * was t-, mem + vowel p-, meng + vowel k-, meny- s-), and what is left is
 * compared with each root, allowing the root's few slips of the pen once
 * a prefix was peeled (the entry's val: edits, so that "penandatangan", "menandatangi",
 * "pendandatangan" and "ditekennya" are read as the words they stand for).
 *
 * Snowball's Indonesian stemmer (libstemmer) was considered: it drops a
 * nasal prefix without restoring the consonant it replaced
 * ("menandatangani" -> "andatangan", "ditandatangani" -> "tandatangan"), so
 * the forms of one verb get different stems; the few roots needed here are
 * better served by the rules below, which restore it. */
#include <string.h>
#include <threads.h>

#include "extract_int.h"

#define MAX_WORD 40
#define MAX_ROOTS 16

/* The roots of every lexicon, and for each letter pair the roots that hold
 * it (bit i: roots[i]); built once. */
static const struct lex_entry *roots[MAX_ROOTS];
static int nroots;
static unsigned short pair_roots[26][26];
static once_flag roots_once = ONCE_FLAG_INIT;

static int letter(char c)
{
	return c >= 'a' && c <= 'z' ? c - 'a' : -1;
}

static void roots_build(void)
{
	for (int li = 0; li < lex_count(); li++) {
		const struct lex_entry *list = lex_list(li, LEX_ROOT);
		for (int i = 0; list != NULL && list[i].phrase != NULL && nroots < MAX_ROOTS; i++) {
			const char *r = list[i].phrase;
			for (int j = 0; r[j] != '\0' && r[j + 1] != '\0'; j++)
				if (letter(r[j]) >= 0 && letter(r[j + 1]) >= 0)
					pair_roots[letter(r[j])][letter(r[j + 1])] |= (unsigned short)(1u << nroots);
			roots[nroots++] = &list[i];
		}
	}
}

/* The roots word w[0, n) could be a form of: a stem within e edits of a
 * root of length m keeps at least m - 1 - 2e of its letter pairs, one
 * fewer when a nasal prefix stood for its first letter; a word holds its
 * stem, so it must hold that many pairs of the root (a q-gram filter that
 * spares the edit distance for nearly every word). */
static unsigned candidates(const char *w, int n)
{
	int count[MAX_ROOTS] = { 0 };
	unsigned any = 0, out = 0;
	for (int j = 0; j + 1 < n; j++) {
		int a = letter(w[j]), b = letter(w[j + 1]);
		unsigned bits = a >= 0 && b >= 0 ? pair_roots[a][b] : 0;
		any |= bits;
		for (int r = 0; bits != 0; r++, bits >>= 1)
			count[r] += (int)(bits & 1u);
	}
	for (int r = 0; any != 0 && r < nroots; r++) {
		int need = (int)strlen(roots[r]->phrase) - 2 - 2 * roots[r]->val;
		if ((any >> r & 1u) && count[r] >= need)
			out |= 1u << r;
	}
	return out;
}

/* A prefix and what it stands for before a vowel ("men" + "a..." was
 * "t..."): both readings are tried, the assimilated consonant first. */
static const struct { const char *pre, *before_vowel; } prefixes[] = {
	{ "meng", "k" }, { "meny", "s" }, { "mem", "p" }, { "men", "t" },
	{ "me", "" }, { "peng", "k" }, { "peny", "s" }, { "pem", "p" },
	{ "pen", "t" }, { "pe", "" }, { "di", "" }, { "ter", "" }, { "ber", "" },
	{ "per", "" }, { "ke", "" }, { "", "" },
};

/* Endings peeled from the right, outermost first; "" is no ending. */
static const char *const particles[] = { "", "lah", "kah", "pun" };
static const char *const enclitics[] = { "", "nya", "ku", "mu" };
static const char *const suffixes[] = { "", "kan", "an", "i" };

#define N_OF(a) (int)(sizeof a / sizeof a[0])

static bool is_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static bool ends_with(const char *w, int n, const char *end)
{
	int k = (int)strlen(end);
	return k <= n && memcmp(w + n - k, end, (size_t)k) == 0;
}

/* Edit distance of a[0..n) and b[0..m), or max + 1 when over max (a band
 * of width 2 * max + 1 around the diagonal is enough). */
static int edits_within(const char *a, int n, const char *b, int m, int max)
{
	int row[MAX_WORD + 1], prev[MAX_WORD + 1];
	if (n > MAX_WORD || m > MAX_WORD || n - m > max || m - n > max)
		return max + 1;
	for (int j = 0; j <= m; j++)
		prev[j] = j;
	for (int i = 1; i <= n; i++) {
		int best = row[0] = i;
		for (int j = 1; j <= m; j++) {
			int v = prev[j - 1] + (a[i - 1] != b[j - 1]);
			if (prev[j] + 1 < v)
				v = prev[j] + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			row[j] = v;
			best = v < best ? v : best;
		}
		if (best > max)
			return max + 1;
		memcpy(prev, row, (size_t)(m + 1) * sizeof row[0]);
	}
	return prev[m];
}

/* Does stem (subst + w[a, b)) match one of the roots in mask? Slips are
 * tolerated only after a prefix: a bare word is matched exactly, as the
 * bare forms have close neighbours ("tantangan" is a challenge). */
static const struct lex_entry *root_of(const char *subst, const char *w, int a, int b,
				       unsigned mask)
{
	char stem[MAX_WORD + 4];
	int sl = (int)strlen(subst), n = b - a;
	if (n < 3 || sl + n > MAX_WORD)
		return NULL;
	memcpy(stem, subst, (size_t)sl);
	memcpy(stem + sl, w + a, (size_t)n);
	for (int r = 0; r < nroots; r++) {
		if (!(mask >> r & 1u))
			continue;
		int rl = (int)strlen(roots[r]->phrase), tol = a > 0 ? roots[r]->val : 0;
		if (edits_within(stem, sl + n, roots[r]->phrase, rl, tol) <= tol)
			return roots[r];
	}
	return NULL;
}

/* The root of stem w[0, n) once its prefix is peeled. */
static const struct lex_entry *peel_prefix(const char *w, int n, unsigned mask)
{
	for (int i = 0; i < N_OF(prefixes); i++) {
		int pl = (int)strlen(prefixes[i].pre);
		if (pl >= n || memcmp(w, prefixes[i].pre, (size_t)pl) != 0)
			continue;
		const struct lex_entry *e = NULL;
		if (*prefixes[i].before_vowel && is_vowel(w[pl]))
			e = root_of(prefixes[i].before_vowel, w, pl, n, mask);
		if (e == NULL)
			e = root_of("", w, pl, n, mask);
		if (e != NULL)
			return e;
	}
	return NULL;
}

const struct lex_entry *morph_root(const char *w, int n)
{
	if (n < 5 || n > MAX_WORD)
		return NULL;
	call_once(&roots_once, roots_build);
	unsigned mask = candidates(w, n);
	if (mask == 0)
		return NULL;
	for (int p = 0; p < N_OF(particles); p++) {
		if (!ends_with(w, n, particles[p]))
			continue;
		int n1 = n - (int)strlen(particles[p]);
		for (int c = 0; c < N_OF(enclitics); c++) {
			if (!ends_with(w, n1, enclitics[c]))
				continue;
			int n2 = n1 - (int)strlen(enclitics[c]);
			for (int s = 0; s < N_OF(suffixes); s++) {
				if (!ends_with(w, n2, suffixes[s]))
					continue;
				const struct lex_entry *e =
					peel_prefix(w, n2 - (int)strlen(suffixes[s]), mask);
				if (e != NULL)
					return e;
			}
		}
	}
	return NULL;
}
