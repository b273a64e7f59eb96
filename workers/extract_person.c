/* extract_person.c: the people stage. Finds job titles ("Kepala SMKN 2
 * Kandangan Agus Ratmono", "Direktur Poltek Balikpapan Dr. Emil ...",
 * "Khamaruddin Bin Abdul Rahman (CEO IISM)", "Wali Kota Banjarmasin H Ibnu
 * Sina") and the people holding them: name without titles or degrees, role
 * as written, institution. People named in a signing sentence (in full or
 * by first name) before any "witnessed by" are the signatories. Malay
 * honorifics (Datuk, Dato', Tan Sri, Tn, Hj) are titles and are dropped. */
#include <stdlib.h>
#include <string.h>

#include "extract_int.h"
#include "strbuf.h"
#include "xalloc.h"

/* ---- names ------------------------------------------------------------------- */

/* Is word w (n bytes) a title or degree once dots are removed and lowered? */
static bool word_in(const char *w, size_t n, enum lex_kind k)
{
	char buf[32];
	size_t j = 0;
	for (size_t i = 0; i < n && j < sizeof buf - 1; i++) {
		char c = w[i];
		if (c == '.' || c == ',')
			continue;
		buf[j++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
	}
	buf[j] = '\0';
	if (j == 0)
		return k == LEX_DEGREE;
	const struct lexicon *const all[] = { &lexicon_id, &lexicon_ms, &lexicon_en, &lexicon_common };
	for (size_t l = 0; l < sizeof all / sizeof all[0]; l++)
		for (const struct lex_entry *e = all[l]->lists[k]; e && e->phrase; e++)
			if (strcmp(e->phrase, buf) == 0)
				return true;
	return false;
}

char *person_strip_titles(const char *name)
{
	struct strbuf out = STRBUF_INIT;
	const char *p = name;
	bool started = false;
	while (*p) {
		while (*p == ' ' || *p == ',')
			p++;
		size_t n = strcspn(p, " ,");
		if (n == 0)
			break;
		/* Before the name: titles. After it: a degree ends the name. */
		if (!started && word_in(p, n, LEX_TITLE)) {
			p += n;
			continue;
		}
		if (started && (word_in(p, n, LEX_DEGREE) || memchr(p, '.', n) != NULL))
			break;
		if (out.len > 0)
			strbuf_putc(&out, ' ');
		strbuf_append(&out, p, n);
		started = true;
		p += n;
	}
	return strbuf_steal(&out);
}

/* ---- token-level helpers ----------------------------------------------------------- */

static bool is_title_tok(const struct doc *d, int i, int end)
{
	const struct tok *t = &d->toks[i];
	return t->cap && word_in(t->s, (size_t)t->len, LEX_TITLE) &&
	       lex_match(d, i, end, LEX_INST, NULL) == 0;
}

static bool is_degree_tok(const struct doc *d, int i)
{
	const struct tok *t = &d->toks[i];
	return t->word && (t->cap || t->len <= 4) && word_in(t->s, (size_t)t->len, LEX_DEGREE);
}

/* Can token i be part of a person's name? */
static bool name_tok(const struct doc *d, int i, int end)
{
	const struct tok *t = &d->toks[i];
	return t->word && t->cap && !t->num && memchr(t->s, '.', (size_t)t->len) == NULL &&
	       lex_match(d, i, end, LEX_STOP, NULL) == 0 &&
	       lex_match(d, i, end, LEX_INST, NULL) == 0 &&
	       lex_match(d, i, end, LEX_ROLE, NULL) == 0 &&
	       lex_match(d, i, end, LEX_WEEKDAY, NULL) == 0;
}

/* Skips titles ("Dr.", "Tn Hj") from i. */
static int skip_titles(const struct doc *d, int i, int end)
{
	while (i < end && is_title_tok(d, i, end)) {
		i++;
		if (i < end && tok_punct(&d->toks[i], '.'))
			i++;
	}
	return i;
}

/* The name at i (after titles): its end, at most five words. */
static int name_end(const struct doc *d, int i, int end)
{
	int j = i;
	while (j < end && j - i < 5 && name_tok(d, j, end))
		j++;
	return j;
}

/* ---- people ----------------------------------------------------------------------- */

static void person_add(struct record *r, const char *name, char *role, int party,
		       int tok, bool signer)
{
	if (*name == '\0') {
		free(role);
		return;
	}
	for (int i = 0; i < r->npeople; i++) {
		struct person *p = &r->people[i];
		if (strcmp(p->name, name) != 0)
			continue;
		if (p->role == NULL)
			p->role = role, role = NULL;
		if (p->party < 0)
			p->party = party;
		p->signer |= signer;
		free(role);
		return;
	}
	if (r->npeople == MAX_PEOPLE) {
		free(role);
		return;
	}
	struct person *p = &r->people[r->npeople++];
	p->name = xstrdup(name);
	p->role = role;
	p->party = party;
	p->first_tok = tok;
	p->signer = signer;
}

/* A government role ("Wali Kota Banjarmasin"): the place and its government. */
static int gov_inst(struct doc *d, struct record *r, const char *level, int a, int end, int *party)
{
	int pl = lex_match(d, a, end, LEX_PLACE, NULL);
	if (pl == 0 && a < end && d->toks[a].cap && !is_title_tok(d, a, end))
		pl = 1;
	if (pl == 0)
		return a;
	char *place = tokens_join(d, a, a + pl);
	char *name = xasprintf("Pemerintah %s %s", level, place);
	char *key = party_key(name);
	*party = party_find_key(r, key);
	if (*party < 0)
		*party = party_add_name(r, a, name, false);
	free(key);
	free(name);
	free(place);
	return a + pl;
}

/* Splits the run [a, b) after a role into institution [a, *inst_end) and
 * the person who follows; returns where the person starts. */
static int split_run(struct doc *d, struct record *r, int a, int b, int end,
		     int *inst_end, int *party)
{
	*inst_end = a;
	if (b == a)
		return a;
	if (b < end && (tok_punct(&d->toks[b], ',') || is_title_tok(d, b, end))) {
		*inst_end = b;
		*party = party_from_run(d, r, a, b, false);
		return tok_punct(&d->toks[b], ',') ? b + 1 : b;
	}
	int used = 0;
	int idx = party_lookup_prefix(d, r, a, b, &used);
	if (idx >= 0) {
		*inst_end = a + used;
		*party = idx;
		char *form = tokens_join(d, a, a + used);
		party_add_alias(&r->parties[idx], form);
		free(form);
		return a + used;
	}
	const struct lex_entry *e = NULL;
	bool head = false;
	for (int i = a; i < b && !head; i++)
		head = lex_match(d, i, b, LEX_INST, &e) > 0;
	if (!head)
		return a;
	int cut = b - a >= 3 ? b - 2 : b;
	*inst_end = cut;
	*party = party_from_run(d, r, a, cut, false);
	return cut;
}

/* The person written just before an appositive role: "Sony Bakhtiar, S.E.,
 * M.M., Kepala ..." or "Khamaruddin Bin Abdul Rahman (CEO IISM)". */
static int name_before(const struct doc *d, int i, int first, int *start)
{
	int j = i - 1;
	if (j < first || !(tok_punct(&d->toks[j], ',') || tok_punct(&d->toks[j], '(')))
		return -1;
	while (j >= first && (tok_punct(&d->toks[j], ',') || tok_punct(&d->toks[j], '.') ||
			      tok_punct(&d->toks[j], '(') || is_degree_tok(d, j)))
		j--;
	int e = j + 1;
	while (j >= first && e - j <= 5 && name_tok(d, j, e) && !is_title_tok(d, j, e))
		j--;
	*start = j + 1;
	return *start < e ? e : -1;
}

static void role_at(struct doc *d, struct record *r, const struct sent *s, int i, int n,
		    const struct lex_entry *role, bool signing)
{
	int party = -1, inst_end, pstart;
	if (role->tag != NULL) {
		inst_end = gov_inst(d, r, role->tag, i + n, s->end, &party);
		pstart = inst_end;
	} else {
		int b = name_run_end(d, i + n, s->end);
		pstart = split_run(d, r, i + n, b, s->end, &inst_end, &party);
	}
	pstart = skip_titles(d, pstart, s->end);
	int pend = name_end(d, pstart, s->end);
	if (pend <= pstart) {
		pend = name_before(d, i, s->first, &pstart);
		if (pend < 0)
			return;
	}
	char *raw = tokens_join(d, pstart, pend);
	char *name = person_strip_titles(raw);
	char *roletext = inst_end > i + n || role->tag == NULL ? tokens_join(d, i, inst_end) : NULL;
	if (roletext != NULL && strlen(roletext) == 0) {
		free(roletext);
		roletext = NULL;
	}
	person_add(r, name, roletext, party, pstart, signing);
	free(raw);
	free(name);
}

static void sentence_people(struct doc *d, struct record *r, const struct sent *s)
{
	int witness = s->signing ? lex_find(d, s->first, s->end, LEX_WITNESS, NULL) : -1;
	if (witness < 0)
		witness = s->end;
	for (int i = s->first; i < s->end; i++) {
		const struct lex_entry *e = NULL;
		int n = d->toks[i].cap ? lex_match(d, i, s->end, LEX_ROLE, &e) : 0;
		if (n > 0) {
			role_at(d, r, s, i, n, e, s->signing && i < witness);
			i += n - 1;
		}
	}
}

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

static void mark_signers(struct doc *d, struct record *r)
{
	for (int si = 0; si < d->nsent; si++) {
		const struct sent *s = &d->sents[si];
		if (!s->signing)
			continue;
		int w = lex_find(d, s->first, s->end, LEX_WITNESS, NULL);
		for (int k = 0; k < r->npeople; k++)
			if (named_in(d, &r->people[k], s->first, w < 0 ? s->end : w))
				r->people[k].signer = true;
	}
}

void stage_people(struct doc *d, struct record *r)
{
	for (int i = 0; i < d->nsent; i++)
		sentence_people(d, r, &d->sents[i]);
	mark_signers(d, r);
}
