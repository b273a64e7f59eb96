/* extract_text.c: the cleaning stage. Raw article bytes become a doc:
 * valid UTF-8 (bad bytes replaced), capped, scraped-page clutter lines
 * dropped, repeated paragraphs removed, then a folded copy for matching
 * (curly quotes and dashes made ASCII, lower-cased), tokens and sentences. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract_int.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

/* ---- UTF-8 (the decoder is utf8.h's) ------------------------------------- */

/* Valid UTF-8 copy of at most MW_EXTRACT_MAX_INPUT bytes of text; control
 * characters other than newline become spaces, CR is dropped. */
static void sanitize(const char *text, size_t len, struct strbuf *out)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0;
	while (i < len && out->len < MW_EXTRACT_MAX_INPUT) {
		size_t n = utf8_seq_len(s + i, len - i);
		if (n == 0) {
			strbuf_puts(out, "\xEF\xBF\xBD");
			i++;
		} else if (n == 1 && s[i] == '\r') {
			i++;
		} else if (n == 1 && s[i] < 0x20 && s[i] != '\n') {
			strbuf_putc(out, ' ');
			i++;
		} else {
			strbuf_append(out, (const char *)s + i, n);
			i += n;
		}
	}
}

/* ---- lines: clutter and repeats -------------------------------------------- */

static uint64_t fnv1a(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h | 1;  /* 0 marks an empty slot */
}

/* Open-addressing set of line hashes. */
struct seen {
	uint64_t *slot;
	size_t cap;
};

static bool seen_add(struct seen *st, uint64_t h)
{
	size_t i = h & (st->cap - 1);
	while (st->slot[i] != 0) {
		if (st->slot[i] == h)
			return false;
		i = (i + 1) & (st->cap - 1);
	}
	st->slot[i] = h;
	return true;
}

static bool is_clutter(const char *line, size_t n)
{
	char low[64];
	size_t k = n < sizeof low - 1 ? n : sizeof low - 1;
	for (size_t i = 0; i < k; i++)
		low[i] = (line[i] >= 'A' && line[i] <= 'Z') ? (char)(line[i] + 32) : line[i];
	low[k] = '\0';
	return lex_prefix_str(low, LEX_CLUTTER) != NULL;
}

/* Keeps the lines worth reading, each once, joined by '\n'. */
static char *clean_lines(const char *s, size_t len)
{
	struct strbuf out = STRBUF_INIT;
	size_t lines = 1;
	for (size_t i = 0; i < len; i++)
		lines += s[i] == '\n';
	struct seen st = { NULL, 64 };
	while (st.cap < lines * 2)
		st.cap <<= 1;
	st.slot = xcalloc(st.cap, sizeof *st.slot);
	for (const char *p = s, *e = s + len; p < e;) {
		const char *nl = memchr(p, '\n', (size_t)(e - p));
		const char *end = nl ? nl : e, *a = p, *b = end;
		while (a < b && (*a == ' ' || *a == '\t'))
			a++;
		while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
			b--;
		if (b > a && !is_clutter(a, (size_t)(b - a)) && seen_add(&st, fnv1a(a, (size_t)(b - a)))) {
			strbuf_append(&out, a, (size_t)(b - a));
			strbuf_putc(&out, '\n');
		}
		p = nl ? nl + 1 : e;
	}
	free(st.slot);
	return strbuf_steal(&out);
}

/* ---- folding ------------------------------------------------------------------ */

/* ASCII stand-ins for punctuation that varies between sites. */
static const struct { const char *utf8; char ascii; } fold_tab[] = {
	{ "\xE2\x80\x98", '\'' }, { "\xE2\x80\x99", '\'' }, { "\xE2\x80\x9B", '\'' },
	{ "\xC2\xB4", '\'' }, { "\x60", '\'' },
	{ "\xE2\x80\x9C", '"' }, { "\xE2\x80\x9D", '"' }, { "\xE2\x80\x9E", '"' },
	{ "\xE2\x80\x93", '-' }, { "\xE2\x80\x94", '-' }, { "\xE2\x80\x90", '-' },
	{ "\xC2\xA0", ' ' }, { "\xE2\x80\xA2", '*' }, { "\xE2\x80\xA6", '.' },
};

static void fold_text(struct doc *d)
{
	size_t n = strlen(d->orig);
	d->fold = xmalloc(n + 1);
	d->low = xmalloc(n + 1);
	d->map = xmalloc((n + 1) * sizeof *d->map);
	size_t j = 0;
	for (size_t i = 0; i < n;) {
		size_t step = 1;
		char c = d->orig[i];
		/* Every stand-in begins with a non-ASCII byte or a backquote:
		 * plain ASCII is copied without the table. */
		bool maybe = (unsigned char)c >= 0x80 || c == '\x60';
		for (size_t k = 0; maybe && k < sizeof fold_tab / sizeof fold_tab[0]; k++) {
			size_t l = strlen(fold_tab[k].utf8);
			if (strncmp(d->orig + i, fold_tab[k].utf8, l) == 0) {
				c = fold_tab[k].ascii;
				step = l;
				break;
			}
		}
		d->map[j] = (int)i;
		d->fold[j] = c;
		d->low[j] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
		j++;
		i += step;
	}
	d->map[j] = (int)n;
	d->fold[j] = d->low[j] = '\0';
	d->fold_len = j;
}

/* ---- tokens -------------------------------------------------------------------- */

static bool is_wordc(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* Inner punctuation that keeps a word together: R-Tech, Jum'at, S.Pd, 26/1/2026. */
static bool is_joiner(unsigned char c)
{
	return c == '-' || c == '\'' || c == '.' || c == '/';
}

static void push_tok(struct doc *d, size_t *cap, int off, int len, bool word, bool nl)
{
	if ((size_t)d->ntok == *cap) {
		*cap = *cap ? *cap * 2 : 256;
		d->toks = xrealloc(d->toks, *cap * sizeof *d->toks);
	}
	struct tok *t = &d->toks[d->ntok++];
	t->s = d->fold + off;
	t->low = d->low + off;
	t->off = off;
	t->len = len;
	t->word = word;
	t->nl = nl;
	t->cap = word && t->s[0] >= 'A' && t->s[0] <= 'Z';
	t->num = word;
	for (int i = 0; i < len && t->num; i++)
		t->num = t->s[i] >= '0' && t->s[i] <= '9';
	t->root = word && !t->num ? morph_root(t->low, len) : NULL;
}

static void tokenize(struct doc *d)
{
	const unsigned char *s = (const unsigned char *)d->fold;
	size_t n = d->fold_len, cap = 0;
	bool nl = true;
	for (size_t i = 0; i < n;) {
		if (s[i] == '\n' || s[i] == ' ' || s[i] == '\t') {
			nl |= s[i] == '\n';
			i++;
			continue;
		}
		size_t j = i;
		if (is_wordc(s[i])) {
			while (j < n && (is_wordc(s[j]) ||
			       (is_joiner(s[j]) && j + 1 < n && is_wordc(s[j + 1]))))
				j++;
			push_tok(d, &cap, (int)i, (int)(j - i), true, nl);
		} else {
			j = i + 1;
			push_tok(d, &cap, (int)i, 1, false, nl);
		}
		nl = false;
		i = j;
	}
}

/* ---- sentences ------------------------------------------------------------------ */

/* May a sentence end at the '.' of token i? Not after titles or initials. */
static bool can_end_after(const struct doc *d, int i)
{
	const struct tok *t = &d->toks[i];
	if (!tok_punct(t, '.'))
		return true;  /* '!' and '?' */
	if (i == 0 || !d->toks[i - 1].word)
		return true;
	const struct tok *w = &d->toks[i - 1];
	if (w->len == 1 && w->cap)
		return false;
	/* a particle inside a name ("Melinda dP. Bandalaria") */
	if (w->len == 2 && !w->cap && w->s[1] >= 'A' && w->s[1] <= 'Z')
		return false;
	if (lex_match(d, i - 1, i, LEX_NAMEABBR, NULL) > 0)
		return false;
	return lex_match(d, i - 1, i, LEX_TITLE, NULL) == 0 &&
	       lex_match(d, i - 1, i, LEX_TITLE_NEXT, NULL) == 0;
}

static bool starts_sentence(const struct tok *t)
{
	return t->cap || t->num || tok_punct(t, '"') || tok_punct(t, '(') ||
	       (t->word && (unsigned char)t->s[0] >= 0x80);
}

static void add_sentence(struct doc *d, size_t *cap, int first, int end)
{
	if (end <= first)
		return;
	if ((size_t)d->nsent == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		d->sents = xrealloc(d->sents, *cap * sizeof *d->sents);
	}
	struct sent *s = &d->sents[d->nsent++];
	const struct tok *a = &d->toks[first], *b = &d->toks[end - 1];
	int o1 = d->map[a->off], o2 = d->map[b->off + b->len];
	s->first = first;
	s->end = end;
	s->text = xstrndup(d->orig + o1, (size_t)(o2 - o1));
	s->title = false;
	s->signing = false;
	s->signer = false;
}

/* Does the line starting at token i continue the sentence of the line
 * before (text hard-wrapped inside a sentence: "kerja sama ini\nberlangsung
 * selama tiga tahun")? When it begins with a lower-case word after a word
 * or an open clause, or follows a comma; never onto the headline. */
static bool wrapped(const struct doc *d, int i, int second_line)
{
	const struct tok *t = &d->toks[i], *p = &d->toks[i - 1];
	if (i <= second_line)
		return false;
	if (tok_punct(p, ',') || tok_punct(p, ';'))
		return true;
	bool lower = t->word && t->s[0] >= 'a' && t->s[0] <= 'z';
	return lower && (p->word || tok_punct(p, '(') || tok_punct(p, '-'));
}

static void split_sentences(struct doc *d)
{
	size_t cap = 0;
	int first = 0, second_line = 1;
	while (second_line < d->ntok && !d->toks[second_line].nl)
		second_line++;
	for (int i = 0; i < d->ntok; i++) {
		const struct tok *t = &d->toks[i];
		if (t->nl && i > first && !wrapped(d, i, second_line)) {
			add_sentence(d, &cap, first, i);
			first = i;
		}
		if (t->word || !(tok_punct(t, '.') || tok_punct(t, '!') || tok_punct(t, '?')))
			continue;
		int j = i + 1;
		/* A closing quote glued to the full stop belongs to this sentence. */
		if (j < d->ntok && tok_punct(&d->toks[j], '"') && d->toks[j].off == t->off + 1 &&
		    (j + 1 >= d->ntok || d->toks[j + 1].off > d->toks[j].off + 1))
			j++;
		if (j < d->ntok && !d->toks[j].nl && starts_sentence(&d->toks[j]) && can_end_after(d, i)) {
			add_sentence(d, &cap, first, j);
			first = j;
			i = j - 1;
		}
	}
	add_sentence(d, &cap, first, d->ntok);
	/* The first line is a headline when it does not end like a sentence. */
	if (d->nsent > 0) {
		const struct tok *last = &d->toks[d->sents[0].end - 1];
		d->sents[0].title = !tok_punct(last, '.') && (d->nsent == 1 ||
				    d->toks[d->sents[1].first].nl);
	}
}

/* ---- public --------------------------------------------------------------------- */

bool tok_is(const struct tok *t, const char *lowword)
{
	size_t n = strlen(lowword);
	return (size_t)t->len == n && memcmp(t->low, lowword, n) == 0;
}

bool tok_punct(const struct tok *t, char c)
{
	return !t->word && t->s[0] == c;
}

char *doc_span(const struct doc *d, int a, int b)
{
	if (b <= a)
		return xstrdup("");
	const struct tok *x = &d->toks[a], *y = &d->toks[b - 1];
	return xstrndup(x->s, (size_t)(y->s + y->len - x->s));
}

struct doc *doc_build(const char *text, size_t len, struct mw_ymd pub)
{
	lex_init();  /* lex_match() relies on it: once per document, not per lookup */
	struct doc *d = xcalloc(1, sizeof *d);
	struct strbuf clean = STRBUF_INIT;
	sanitize(text ? text : "", text ? len : 0, &clean);
	d->orig = clean_lines(strbuf_str(&clean), clean.len);
	strbuf_free(&clean);
	d->pub = pub;
	fold_text(d);
	tokenize(d);
	split_sentences(d);
	d->lang = lang_detect(d);
	return d;
}

void doc_free(struct doc *d)
{
	if (d == NULL)
		return;
	for (int i = 0; i < d->nsent; i++)
		free(d->sents[i].text);
	free(d->sents);
	free(d->toks);
	free(d->orig);
	free(d->fold);
	free(d->low);
	free(d->map);
	free(d);
}
