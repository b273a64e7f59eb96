/* extract_party.c: the party stage. Finds institution mentions (capitalised
 * runs holding an institution head word: "SMK Negeri 7 Balikpapan",
 * "Rattanakosin Technological (R Tech) College Bangkok"), merges mentions
 * of the same institution (full name, bracketed acronym, short form) into
 * one party with aliases, and gives each its country. Which parties signed
 * is decided later (stage_select_parties). */
#include <stdlib.h>
#include <string.h>

#include "extract_int.h"
#include "strbuf.h"
#include "xalloc.h"

/* ---- string-level helpers ------------------------------------------------ */

/* Does lower-case s start with phrase at a word boundary? Returns its length. */
static size_t phrase_at(const char *s, const char *phrase)
{
	size_t n = strlen(phrase);
	if (strncmp(s, phrase, n) != 0 || (s[n] != '\0' && s[n] != ' '))
		return 0;
	return n;
}

/* Longest entry of kind k at the start of lower-case s (any language). */
static const struct lex_entry *entry_at(const char *s, enum lex_kind k, size_t *len)
{
	const struct lexicon *const all[] = { &lexicon_id, &lexicon_ms, &lexicon_en, &lexicon_common };
	const struct lex_entry *best = NULL;
	*len = 0;
	for (size_t l = 0; l < sizeof all / sizeof all[0]; l++) {
		const struct lex_entry *list = all[l]->lists[k];
		for (int i = 0; list != NULL && list[i].phrase != NULL; i++) {
			size_t n = phrase_at(s, list[i].phrase);
			if (n > *len) {
				*len = n;
				best = &list[i];
			}
		}
	}
	return best;
}

/* Lower-case, punctuation to spaces, bracketed parts dropped, spaces single. */
static char *fold_name(const char *name)
{
	struct strbuf b = STRBUF_INIT;
	int depth = 0;
	for (const char *p = name; *p; p++) {
		char c = *p;
		if (c == '(') depth++;
		else if (c == ')') depth -= depth > 0;
		if (depth > 0 || c == ')')
			continue;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		else if (c == '-' || c == '.' || c == ',' || c == '\'' || c == '"')
			c = ' ';
		if (c == ' ' && (b.len == 0 || b.s[b.len - 1] == ' '))
			continue;
		strbuf_putc(&b, c);
	}
	if (b.len > 0 && b.s[b.len - 1] == ' ')
		strbuf_truncate(&b, b.len - 1);
	return strbuf_steal(&b);
}

/* The matching key: folded, long forms replaced by their short form, so
 * "SMK Negeri 7 Balikpapan" and "SMKN 7 Balikpapan" share one key. */
char *party_key(const char *name)
{
	char *f = fold_name(name);
	struct strbuf b = STRBUF_INIT;
	for (const char *p = f; *p;) {
		size_t n;
		const struct lex_entry *e = entry_at(p, LEX_ABBREV, &n);
		if (e == NULL)
			e = entry_at(p, LEX_PLACEABBR, &n);
		if (b.len == 0 && phrase_at(p, "the") && p[3] == ' ') {
			p += 4;  /* "The University of X" is "University of X" */
			continue;
		}
		if (b.len > 0)
			strbuf_putc(&b, ' ');
		if (e != NULL) {
			for (const char *t = e->tag; *t; t++)
				strbuf_putc(&b, (char)((*t >= 'A' && *t <= 'Z') ? *t + 32 : *t));
			p += n;
		} else {
			const char *sp = strchr(p, ' ');
			n = sp ? (size_t)(sp - p) : strlen(p);
			strbuf_append(&b, p, n);
			p += n;
		}
		while (*p == ' ')
			p++;
	}
	free(f);
	return strbuf_steal(&b);
}

/* Is lower-case s exactly one place name? */
static const struct lex_entry *place_exact(const char *s)
{
	size_t n;
	const struct lex_entry *e = entry_at(s, LEX_PLACE, &n);
	return e != NULL && s[n] == '\0' ? e : NULL;
}

/* Country of a name: a place in it, else its head word's hint. */
static const char *name_country(const struct record *r, const char *name)
{
	char *f = fold_name(name);
	const char *country = NULL, *hint = NULL;
	for (const char *p = f; *p;) {
		size_t n;
		const struct lex_entry *e = entry_at(p, LEX_PLACE, &n);
		if (e != NULL) {
			country = e->tag;
			p += n;  /* "Batang Padang" (MY) is not "Padang" (ID) */
			while (*p == ' ')
				p++;
			continue;
		}
		e = entry_at(p, LEX_INST, &n);
		if (e != NULL && e->tag != NULL && hint == NULL)
			hint = strcmp(e->tag, "*") == 0 ? r->home : e->tag;
		const char *sp = strchr(p, ' ');
		p = sp ? sp + 1 : p + strlen(p);
	}
	free(f);
	return country ? country : hint;
}

/* ---- parties ---------------------------------------------------------------- */

bool party_is_unit(const struct party *p)
{
	char *f = fold_name(p->name);
	size_t n;
	const struct lex_entry *e = entry_at(f, LEX_INST, &n);
	free(f);
	return e != NULL && e->val == INST_UNIT;
}

/* Can acr[i..] be written with the starts of words[w..] (words skipped
 * allowed)? */
static bool contraction_from(const char *acr, char *const *words, int nw, int w)
{
	if (*acr == '\0')
		return true;
	for (; w < nw; w++)
		for (size_t k = 1; words[w][k - 1] != '\0' && acr[k - 1] == words[w][k - 1]; k++)
			if (contraction_from(acr + k, words, nw, w + 1))
				return true;
	return false;
}

bool party_contraction(const char *acr, const char *name)
{
	size_t n = strlen(acr);
	if (n < 3 || n > 8 || strchr(acr, ' ') != NULL)
		return false;
	char *a = fold_name(acr), *f = fold_name(name);
	char *words[16];
	int nw = 0;
	for (char *w = strtok(f, " "); w != NULL && nw < 16; w = strtok(NULL, " "))
		words[nw++] = w;
	/* the first letters agree, and the name has two words or more */
	bool ok = nw >= 2 && a[0] == words[0][0] && contraction_from(a, words, nw, 0);
	free(a);
	free(f);
	return ok;
}

bool party_has_units(const struct party *p)
{
	char *f = fold_name(p->name);
	bool found = false;
	for (const char *w = f; *w && !found; w = strchr(w, ' ') ? strchr(w, ' ') + 1 : w + strlen(w)) {
		size_t n;
		const struct lex_entry *e = entry_at(w, LEX_INST, &n);
		found = entry_at(w, LEX_PARENT, &n) != NULL || (e != NULL && e->val == INST_NAMED);
	}
	free(f);
	return found;
}

void party_add_alias(struct party *p, const char *alias)
{
	if (alias == NULL || *alias == '\0' || strcmp(alias, p->name) == 0)
		return;
	for (int i = 0; i < p->naliases; i++)
		if (strcmp(p->aliases[i], alias) == 0)
			return;
	if (p->naliases == MAX_ALIASES)
		return;
	p->aliases[p->naliases] = xstrdup(alias);
	p->akeys[p->naliases] = party_key(alias);
	p->naliases++;
}

/* Key k without place qualifiers ("provinsi", "kabupaten"): a new string. */
static char *unqualified(const char *k)
{
	struct strbuf b = STRBUF_INIT;
	for (const char *p = k; *p;) {
		size_t n = strcspn(p, " ");
		char w[24];
		size_t len;
		bool qual = false;
		if (n < sizeof w) {
			memcpy(w, p, n);
			w[n] = '\0';
			qual = entry_at(w, LEX_QUALIFIER, &len) != NULL && len == n;
		}
		if (!qual) {
			if (b.len > 0)
				strbuf_putc(&b, ' ');
			strbuf_append(&b, p, n);
		}
		p += n + (p[n] == ' ');
	}
	return strbuf_steal(&b);
}

/* Does key k name party p: equal to a form's key (also with place
 * qualifiers dropped: "dinas pariwisata badung" for "... kabupaten
 * badung"), or a form followed by a place ("bpmp kalsel" for "bpmp")? */
static bool key_names(const struct party *p, const char *k)
{
	char *ku = unqualified(k);
	bool same = false;
	for (int i = -1; i < p->naliases && !same; i++) {
		char *fu = unqualified(i < 0 ? p->key : p->akeys[i]);
		same = strchr(ku, ' ') != NULL && strcmp(fu, ku) == 0;
		free(fu);
	}
	free(ku);
	if (same)
		return true;
	for (int i = -1; i < p->naliases; i++) {
		const char *f = i < 0 ? p->key : p->akeys[i];
		size_t n = strlen(f);
		if (strcmp(f, k) == 0)
			return true;
		if (n > 0 && strncmp(f, k, n) == 0 && k[n] == ' ' &&
		    (place_exact(k + n + 1) || (strncmp(k + n + 1, "of ", 3) == 0 && place_exact(k + n + 4))))
			return true;
		size_t kn = strlen(k);  /* "uitm" for "uitm sarawak" */
		if (kn > 1 && kn < n && strncmp(f, k, kn) == 0 && f[kn] == ' ' && strchr(k, ' ') == NULL &&
		    place_exact(f + kn + 1))
			return true;
	}
	return false;
}

int party_find_key(const struct record *r, const char *key)
{
	for (int i = 0; i < r->nparties; i++)
		if (key_names(&r->parties[i], key))
			return i;
	return -1;
}

/* Adds a mention (name and other forms); returns the party's index. */
/* Is one of the forms (a bracket's short forms) the party key k? Then the
 * name written with the bracket is the full name. */
static bool form_is_key(char *const *forms, int nforms, const char *k)
{
	bool same = false;
	for (int i = 0; i < nforms && !same; i++) {
		char *fk = party_key(forms[i]);
		same = strcmp(fk, k) == 0 && strchr(forms[i], '(') == NULL;
		free(fk);
	}
	return same;
}

static int mention_add(struct record *r, int tok, const char *name,
		       char *const *forms, int nforms, bool signer)
{
	int idx = -1;
	char *key = party_key(name);
	idx = party_find_key(r, key);
	for (int i = 0; i < nforms && idx < 0; i++) {
		char *k = party_key(forms[i]);
		idx = party_find_key(r, k);
		free(k);
	}
	if (idx < 0) {
		if (r->nparties == (int)(sizeof r->parties / sizeof r->parties[0])) {
			free(key);
			return -1;
		}
		idx = r->nparties++;
		struct party *p = &r->parties[idx];
		memset(p, 0, sizeof *p);
		p->name = xstrdup(name);
		p->key = key;
		p->first_tok = tok;
		key = NULL;
		alias_generate(p);
	} else if ((strcmp(r->parties[idx].key, key) == 0 ||
		    form_is_key(forms, nforms, r->parties[idx].key)) &&
		   strlen(name) > strlen(r->parties[idx].name) && strpbrk(name, "()") == NULL) {
		/* The same institution written out in full: that is its name. */
		struct party *p = &r->parties[idx];
		char *old = p->name;
		p->name = xstrdup(name);
		free(p->key);
		p->key = key;
		key = NULL;
		party_add_alias(p, old);
		free(old);
	} else {
		party_add_alias(&r->parties[idx], name);
	}
	free(key);
	struct party *p = &r->parties[idx];
	if (tok < p->first_tok)
		p->first_tok = tok;  /* stages add mentions out of text order */
	for (int i = 0; i < nforms; i++)
		party_add_alias(p, forms[i]);
	p->signer |= signer;
	if (p->country == NULL)
		p->country = name_country(r, p->name);
	for (int i = 0; i < p->naliases && p->country == NULL; i++)
		p->country = name_country(r, p->aliases[i]);
	return idx;
}

int party_add_name(struct record *r, int tok, const char *name, bool signer)
{
	return mention_add(r, tok, name, NULL, 0, signer);
}

/* ---- runs of capitalised tokens ---------------------------------------------- */

/* A capitalised role ends a name, except right after a head word with a
 * name after it ("Kementerian Koordinator Kesejahteraan"). */
static bool role_stops(const struct doc *d, int i, int end)
{
	const struct tok *t = &d->toks[i];
	if (!t->cap || lex_match(d, i, end, LEX_ROLE, NULL) == 0)
		return false;
	bool after_head = i > 0 && d->toks[i - 1].cap && lex_match(d, i - 1, i, LEX_INST, NULL) > 0;
	return !(after_head && i + 1 < end && d->toks[i + 1].cap && d->toks[i + 1].word);
}

/* A month ends a name, except after a number word ("Tujuh Belas
 * Agustus"). */
static bool month_stops(const struct doc *d, int i, int end)
{
	const struct tok *t = &d->toks[i];
	return t->cap && t->len > 3 && lex_match(d, i, end, LEX_MONTH, NULL) > 0 &&
	       !(i > 0 && d->toks[i - 1].cap && lex_match(d, i - 1, i, LEX_NUMBER, NULL) > 0);
}

/* A title before a name ends an institution's name, except a royal title
 * inside one ("Universiti Tunku Abdul Rahman"). */
static bool title_stops(const struct doc *d, int i, int end)
{
	if (!d->toks[i].cap || i + 1 >= end || lex_match(d, i, end, LEX_TITLE, NULL) == 0)
		return false;
	if (lex_match(d, i, end, LEX_INSIDE, NULL) > 0 && i > 0 && d->toks[i - 1].cap)
		return false;
	return d->toks[i + 1].word ||
	       (tok_punct(&d->toks[i + 1], '.') && i + 2 < end && d->toks[i + 2].word);
}

static bool stops_name(const struct doc *d, int i, int end)
{
	return lex_match(d, i, end, LEX_STOP, NULL) > 0 || lex_match(d, i, end, LEX_SIGN, NULL) > 0 ||
	       role_stops(d, i, end) || month_stops(d, i, end) || title_stops(d, i, end);
}

/* Tokens of a bracket group at i ("(R Tech)"), or 0. */
static int paren_len(const struct doc *d, int i, int end)
{
	if (i >= end || !tok_punct(&d->toks[i], '('))
		return 0;
	for (int j = i + 1; j < end && j <= i + 7; j++) {
		if (tok_punct(&d->toks[j], ')'))
			return j > i + 1 ? j + 1 - i : 0;
		if (!d->toks[j].word)
			return 0;
	}
	return 0;
}

/* Is the full stop at j glued to a company abbreviation ("Sdn.", "Bhd.")? */
static bool company_dot(const struct doc *d, int j)
{
	const struct tok *p = &d->toks[j - 1];
	const struct lex_entry *e = NULL;
	return p->off + p->len == d->toks[j].off && lex_match(d, j - 1, j, LEX_LEGAL, &e) > 0 &&
	       e->val >= 2;
}

/* End of the name-like run starting at i: capitalised words, numbers,
 * bracket groups, and "of"/"for"/"the" between capitalised words. */
/* After the comma at j, a capitalised sector word, or "dan"/"and" and one
 * ("..., Penelitian, dan Pengembangan")? */
static bool field_after_comma(const struct doc *d, int j, int end)
{
	int k = j + 1;
	if (k < end && lex_match(d, k, k + 1, LEX_AND, NULL) > 0)
		k++;
	return k < end && d->toks[k].cap && lex_match(d, k, end, LEX_FIELD, NULL) > 0;
}

/* Tokens of a lower-case government tail at i ("provincial government"),
 * or 0. */
static int gov_tail(const struct doc *d, int i, int end)
{
	return d->toks[i].cap ? 0 : lex_match(d, i, end, LEX_GOVTAIL, NULL);
}

/* Does the head word that opens run [i, .) begin again at j? */
static bool same_head_again(const struct doc *d, int i, int j, int end)
{
	const struct lex_entry *a = NULL, *b = NULL;
	return lex_match(d, i, end, LEX_INST, &a) > 0 && lex_match(d, j, end, LEX_INST, &b) > 0 &&
	       a == b && a->val != INST_SUFFIX;
}

/* Does the sector at j continue a name with a head word from i: after a
 * comma ("Badan ... (Bappeda), Penelitian, dan Pengembangan ...") or
 * after "dan" ("Dinas Pendidikan dan Kebudayaan")? */
static bool field_joins(const struct doc *d, int i, int j, int end)
{
	const struct tok *t = &d->toks[j];
	bool comma = tok_punct(t, ',') && field_after_comma(d, j, end);
	bool and = lex_match(d, j, j + 1, LEX_AND, NULL) > 0 && j + 1 < end && d->toks[j + 1].cap &&
		   lex_match(d, j + 1, end, LEX_FIELD, NULL) > 0;
	return j > i && (comma || and) && lex_find(d, i, j, LEX_INST, NULL) >= 0;
}

/* A lower-case word inside a name between capitalised ones ("of",
 * "cawangan" after a head word)? */
static bool joins_name(const struct doc *d, int i, int j, int end)
{
	const struct lex_entry *jw = NULL;
	return j > i && j + 1 < end && d->toks[j + 1].cap && lex_match(d, j, j + 1, LEX_NAMEJOIN, &jw) > 0 &&
	       (jw->val == 0 || lex_find(d, i, j, LEX_INST, NULL) >= 0);
}

/* Tokens at j that continue the run begun at i (0: it ends there); *last
 * is set when they end it (a government tail). */
static int run_step(const struct doc *d, int i, int j, int end, bool *last)
{
	const struct tok *t = &d->toks[j];
	if (field_joins(d, i, j, end))
		return 1;
	if (j > i && j + 1 < end && tok_punct(t, '\'') && d->toks[j + 1].word &&
	    d->toks[j - 1].off + d->toks[j - 1].len == t->off && t->off + 1 == d->toks[j + 1].off)
		return 2;  /* "Da'wah", "Ma'arif": an apostrophe inside a word */
	if (!t->word || (j > i && stops_name(d, j, end)))
		return 0;
	if (t->cap || t->num || (unsigned char)t->s[0] >= 0x80)
		return 1;
	int g = j > i ? gov_tail(d, j, end) : 0;
	if (g > 0) {
		*last = true;
		return g;
	}
	return joins_name(d, i, j, end) ? 1 : 0;
}

/* End of the name-like run starting at i: capitalised words, numbers,
 * bracket groups, joiners between capitalised words; a second name
 * glued after a bracket ends it. */
int name_run_end(const struct doc *d, int i, int end)
{
	int j = i;
	bool last = false;
	while (j < end && j <= i + 40 && !last) {
		int p = paren_len(d, j, end);
		if (p > 0) {
			j += p;
			if (j < end && j > i && same_head_again(d, i, j, end))
				return j;  /* "Universiti A (UA)Universiti B (UB)" */
			continue;
		}
		if (j > i && tok_punct(&d->toks[j], '.') && company_dot(d, j)) {
			j++;  /* "Sdn. Bhd." */
			continue;
		}
		int n = run_step(d, i, j, end, &last);
		if (n == 0)
			break;
		j += n;
	}
	return j;
}

/* Joins tokens [a, b) with spaces; bracket groups kept or dropped. */
static char *join(const struct doc *d, int a, int b, bool parens)
{
	struct strbuf s = STRBUF_INIT;
	for (int i = a; i < b; i++) {
		int p = paren_len(d, i, b);
		if (p > 0 && !parens) {
			i += p - 1;
			continue;
		}
		const struct tok *t = &d->toks[i];
		bool glue = s.len == 0 || tok_punct(t, ')') || tok_punct(t, '.') || tok_punct(t, ',') ||
			    (i > a && tok_punct(&d->toks[i - 1], '('));
		if (!glue)
			strbuf_putc(&s, ' ');
		strbuf_append(&s, t->s, (size_t)t->len);
	}
	return strbuf_steal(&s);
}

char *tokens_join(const struct doc *d, int a, int b)
{
	return join(d, a, b, true);
}

/* Is t written in capitals only (digits allowed, at least one letter)? */
static bool all_caps(const struct tok *t)
{
	bool letter = false;
	for (int k = 0; k < t->len; k++) {
		unsigned char c = (unsigned char)t->s[k];
		if (c >= 'a' && c <= 'z')
			return false;
		letter |= c >= 'A' && c <= 'Z';
	}
	return letter;
}

/* Head word in [a, b) outside brackets: its index, or -1; *e is the entry. */
static int find_head(const struct doc *d, int a, int b, const struct lex_entry **e)
{
	for (int i = a; i < b; i++) {
		int p = paren_len(d, i, b);
		if (p > 0) {
			i += p - 1;
			continue;
		}
		if (lex_match(d, i, b, LEX_INST, e) > 0 && ((*e)->val != INST_UPPER || all_caps(&d->toks[i])))
			return i;
	}
	return -1;
}

/* The forms a bracket gives: "X Y (XY) Z" -> "XY Z", "XY", "X Y (XY) Z". */
static int paren_forms(const struct doc *d, int a, int b, char **forms, int max)
{
	int n = 0;
	for (int i = a; i < b && n + 3 <= max; i++) {
		int p = paren_len(d, i, b);
		if (p == 0)
			continue;
		char *acr = join(d, i + 1, i + p - 1, true);
		if (i + p < b) {
			char *tail = join(d, i + p, b, false);
			forms[n++] = xasprintf("%s %s", acr, tail);
			forms[n++] = join(d, a, b, true);
			free(tail);
		}
		if (i + p >= b || lex_match(d, i + 1, i + p - 1, LEX_INST, NULL) == 0)
			forms[n++] = xstrdup(acr);
		free(acr);
		i += p - 1;
	}
	return n;
}

/* Where the name of run [a, b) with head h ends: at a place qualifier
 * ("Kabupaten ...") unless the head is a government one. */
static int name_end(const struct doc *d, int h, int b, const struct lex_entry *head)
{
	if (head->val == INST_SUFFIX) {
		/* "... Kyodo Kumiai Takeshi Sato": the legal form ends the name */
		int n = lex_match(d, h, b, LEX_INST, NULL);
		if (h + n < b && lex_match(d, h + n, b, LEX_INST, NULL) > 0)
			n += lex_match(d, h + n, b, LEX_INST, NULL);  /* "Pte Ltd" */
		return h + n;
	}
	for (int i = h + 1; i < b; i++) {
		const struct lex_entry *c = NULL;
		if (lex_match(d, i, b, LEX_NAMECUT, &c) > 0 && (c->val == 1 || head->val != INST_GOV))
			return i;  /* "Madrasah Bidang Humas", "... Lantai VI" */
	}
	if (head->val == 1)
		return b;
	/* "SMKN 2 Kandangan Kabupaten HSS" ends at "Kabupaten"; in
	 * "SMA Negeri 9 Kota Lama" the number is followed by the town's name. */
	int hn = lex_match(d, h, b, LEX_INST, NULL);  /* "Rumah Sakit Umum Daerah X" */
	for (int i = h + (hn > 2 ? hn : 2); i < b; i++)
		if (lex_match(d, i, b, LEX_QUALIFIER, NULL) > 0 && !d->toks[i - 1].num)
			return i;
	return b;
}

/* Words of [a, b) other than "the". */
static int content_words(const struct doc *d, int a, int b)
{
	int n = 0;
	for (int i = a; i < b; i++)
		n += d->toks[i].word && lex_match(d, i, i + 1, LEX_ARTICLE, NULL) == 0;
	return n;
}

/* Forms: the name without its trailing place ("... College Bangkok"). */
static int place_trimmed(const struct doc *d, int a, int b, char **forms, int n, int max)
{
	int words = 0;
	for (int i = a; i < b && n < max; i++) {
		words += d->toks[i].word;
		if (words < 2)
			continue;
		const struct lex_entry *e = NULL;
		if (lex_match(d, i, b, LEX_PLACE, &e) == b - i && e->tag && strcmp(e->tag, "ID") != 0) {
			int k = i;  /* "... University of Thailand", "..., Taiwan" */
			while (k > a + 1 && (lex_match(d, k - 1, k, LEX_PLACEPREP, NULL) > 0 ||
					     tok_punct(&d->toks[k - 1], ',')))
				k--;
			if (content_words(d, a, k) >= 2)  /* not "The University" */
				forms[n++] = join(d, a, k, false);
		}
	}
	return n;
}

static bool possessive(const struct tok *t)
{
	return t->len > 2 && t->low[t->len - 2] == '\'' && t->low[t->len - 1] == 's';
}

/* "Singapore-based": a description before the name. */
static bool based(const struct tok *t)
{
	return t->len > 6 && memcmp(t->low + t->len - 6, "-based", 6) == 0;
}

/* The country of a possessive or "-based" place ("Korea's",
 * "Singapore-based"), or NULL. */
static const char *possessive_country(const struct tok *t)
{
	char *w = xstrndup(t->low, (size_t)t->len - (based(t) ? 6 : 2));
	const struct lex_entry *e = place_exact(w);
	free(w);
	return e ? e->tag : NULL;
}

/* A country written right after a name ("Kobe Seiryo Daigaku, Jepun",
 * "... (Turki)"): its code, or NULL. */
static const char *trailing_country(const struct doc *d, int end)
{
	if (end + 1 >= d->ntok || !(tok_punct(&d->toks[end], ',') || tok_punct(&d->toks[end], '(')))
		return NULL;
	const struct lex_entry *e = NULL;
	int n = lex_match(d, end + 1, d->ntok, LEX_PLACE, &e);
	if (n == 0 || e->val != 1 || (end + 1 + n < d->ntok && d->toks[end + 1 + n].word))
		return NULL;  /* "X, Jepang dan Y" is fine; "X, Malaysia Airlines" is not */
	return e->tag;
}

/* Is the head at h one written last ("Sarawak Health Department"),
 * ending run [., b) (a bracket may follow)? Then the words before it are
 * the name. */
static bool trailing_head(const struct doc *d, int h, int b)
{
	bool last = d->toks[h].cap && lex_match(d, h, h + 1, LEX_LASTHEAD, NULL) > 0;
	return last && (h + 1 == b || h + 1 + paren_len(d, h + 1, b) == b);
}

/* The institution named by tokens [a, b), if any: adds it and returns its
 * party index, else -1. */
/* "The East Nusa Tenggara (NTT) provincial government": the name without
 * "The" and the bracket; the bracket's forms are aliases. */
static int gov_from_run(struct doc *d, struct record *r, int a, int b, bool signer)
{
	if (lex_match(d, a, a + 1, LEX_ARTICLE, NULL) > 0)
		a++;
	if (b - a < 3 || paren_len(d, a, b) > 0)
		return -1;
	char *forms[8];
	int n = paren_forms(d, a, b, forms, 8);
	char *name = join(d, a, b, false);
	int idx = mention_add(r, a, name, forms, n, signer);
	free(name);
	for (int i = 0; i < n; i++)
		free(forms[i]);
	return idx;
}

/* party_from_run in named steps: where the name starts (name_start),
 * what is no institution although it holds a head word (not_a_party),
 * a unit named with its university (unit_of_university), and the mention
 * with its forms and country (add_named). */

/* Where the name of run [a, b) with head h starts: national and government
 * heads open it ("Kementerian ...", "Pemerintah ..."), a legal suffix ends
 * it ("Maju Tekno Solutions Sdn Bhd"), "The" and a possessive or "-based"
 * place before it are not the name (the place may give *owner). */
static int name_start(const struct doc *d, int a, int b, int h, const struct lex_entry *head,
		      const char **owner)
{
	int start = head->val != INST_SUFFIX && (head->tag != NULL || head->val == INST_GOV) ? h : a;
	if (start == h && trailing_head(d, h, b))
		start = a;
	/* "The Kupang State Polytechnic" (but "The University of ..." keeps it) */
	if (start < h && lex_match(d, start, start + 1, LEX_ARTICLE, NULL) > 0 &&
	    lex_match(d, start + 1, b, LEX_INST, NULL) == 0)
		start++;
	/* "Japan's Hokuriku Institute" */
	*owner = NULL;
	while (start < h && (possessive(&d->toks[start]) || based(&d->toks[start])))
		*owner = possessive_country(&d->toks[start++]);
	return start;
}

/* Is run [start, b) with head h no institution: a building ("Balai Kota",
 * unless a longer head begins there: "Pejabat Pendidikan Daerah"), a
 * bracket first, the agreement document ("Nota Kesepahaman Sister
 * Hospital"), an event's title ("Temu Alumni Yayasan ..."), or a name cut
 * off by the end of the text ("Pemkab Tulang B")? */
static bool not_a_party(const struct doc *d, int start, int h, int b)
{
	int vn = lex_match(d, start, b, LEX_VENUE, NULL);
	if (vn > 0 && !(h == start && lex_match(d, h, b, LEX_INST, NULL) > vn))
		return true;
	if (paren_len(d, start, b) > 0)  /* "(R-Tech) College Bangkok" */
		return true;
	if (start < h && (lex_match(d, start, h, LEX_TYPE, NULL) > 0 ||
			  lex_match(d, start, h, LEX_EVENTNAME, NULL) > 0))
		return true;
	const struct tok *last = &d->toks[b - 1];
	return b == d->ntok && b - start >= 2 && last->word && last->len == 1 && last->cap;
}

/* Adds the institution named by [start, end) with head head: its forms
 * (bracket acronyms, a bracket right after it, the name without a foreign
 * place after it) as aliases; its country from the name, a country after
 * it or the possessive owner. Returns its index or -1. */
static int add_named(struct doc *d, struct record *r, int start, int end,
		     const struct lex_entry *head, const char *owner, bool signer)
{
	if (end - start == 1 && head->val != INST_NAMED)
		return -1;  /* a bare head word: "Sekolah", "SMA" */
	char *forms[8];
	int n = paren_forms(d, start, end, forms, 8);
	/* A bracket right after the name (or after a country written after
	 * it) is its acronym: "... Malaysia (IISM)", "..., Indonesia (PNB)". */
	int at = end + (trailing_country(d, end) != NULL ? 1 + lex_match(d, end + 1, d->ntok, LEX_PLACE, NULL) : 0);
	int p = paren_len(d, at, d->ntok);
	if (p > 0 && n < 8)
		forms[n++] = join(d, at + 1, at + p - 1, true);
	/* "Pemerintah Kabupaten Hulu Sempadan (Kahus)" is also
	 * "Pemerintah Kabupaten Kahus". */
	int q = head->val == INST_GOV ? lex_find(d, start, end, LEX_QUALIFIER, NULL) : -1;
	int g = end - 1;  /* a bracket ending the name */
	while (g > start && !tok_punct(&d->toks[g], '('))
		g--;
	bool last = g > start && g + paren_len(d, g, end) == end;
	if (q >= 0 && n < 8 && (last || (p > 0 && at == end))) {
		char *lead = join(d, start, q + 1, false);
		char *acr = last ? join(d, g + 1, end - 1, true) : xstrdup(forms[n - 1]);
		forms[n++] = xasprintf("%s %s", lead, acr);
		free(lead);
		free(acr);
	}
	n = place_trimmed(d, start, end, forms, n, 8);
	char *name = join(d, start, end, false);
	int idx = mention_add(r, start, name, forms, n, signer);
	const char *after = trailing_country(d, end);
	if (idx >= 0 && after != NULL)
		r->parties[idx].country = after;
	else if (idx >= 0 && r->parties[idx].country == NULL)
		r->parties[idx].country = owner;
	free(name);
	for (int i = 0; i < n; i++)
		free(forms[i]);
	return idx;
}

/* A unit written with its university ("Fakulti Perubatan Universiti
 * Kebangsaan Malaysia", "Faculty of Law UTM"): the university is the
 * party, the unit's full name its alias. -2 when [h, b) is no such unit. */
static bool acronym_at(const struct doc *d, int i, int end);

static int unit_of_university(struct doc *d, struct record *r, int h, int b, bool signer)
{
	const struct lex_entry *outer = NULL;
	int u = find_head(d, h + 1, b, &outer), idx;
	if (u >= 0 && outer->val != INST_UNIT) {
		idx = party_from_run(d, r, u, b, signer);
	} else if (b - h >= 3 && acronym_at(d, b - 1, b)) {
		/* "Fakulti Kejuruteraan UTSP" */
		char *acr = tokens_join(d, b - 1, b);
		idx = mention_add(r, b - 1, acr, NULL, 0, signer);
		free(acr);
	} else {
		return -2;
	}
	if (idx >= 0) {
		int end = b;
		while (end > h && !d->toks[end - 1].word)
			end--;
		char *unit = join(d, h, end, false);
		party_add_alias(&r->parties[idx], unit);
		free(unit);
	}
	return idx;
}

int party_from_run(struct doc *d, struct record *r, int a, int b, bool signer)
{
	const struct lex_entry *head = NULL;
	int h = find_head(d, a, b, &head);
	if (h < 0 && b - a >= 3 && gov_tail(d, b - 2, b) > 0)
		return gov_from_run(d, r, a, b, signer);
	if (h < 0)
		return -1;
	if (head->val == INST_UNIT) {
		int idx = unit_of_university(d, r, h, b, signer);
		if (idx != -2)
			return idx;
	}
	const char *owner = NULL;
	int start = name_start(d, a, b, h, head, &owner);
	if (not_a_party(d, start, h, b))
		return -1;
	int end = name_end(d, h, b, head);
	while (end > start && !d->toks[end - 1].word && !tok_punct(&d->toks[end - 1], ')'))
		end--;
	if (end <= start)
		return -1;
	return add_named(d, r, start, end, head, owner, signer);
}

/* The longest prefix of [a, b) that names a known party, extended over a
 * following place: its party, and *used tokens. -1 if none. */
int party_lookup_prefix(const struct doc *d, const struct record *r, int a, int b, int *used)
{
	for (int k = b; k > a; k--) {
		if (!d->toks[k - 1].word)
			continue;  /* "UPSI)" is "UPSI" */
		char *s = join(d, a, k, false);
		char *key = party_key(s);
		int idx = party_find_key(r, key);
		free(key);
		free(s);
		if (idx >= 0) {
			int pl = lex_match(d, k, b, LEX_PLACE, NULL);
			*used = k - a + pl;
			return idx;
		}
	}
	return -1;
}

/* ---- the stage ------------------------------------------------------------------ */

/* Is token i an acronym standing for an institution ("ITS", "UPNM",
 * "UiTM"): a capital first, two capitals or more, no word of the other
 * tables (agreement words, places, roles, months, titles, degrees)? */
static bool acronym_at(const struct doc *d, int i, int end)
{
	const struct tok *t = &d->toks[i];
	int caps = 0;
	if (!t->word || !t->cap || t->len < 2 || t->len > 8)
		return false;
	for (int k = 0; k < t->len; k++) {
		char c = t->s[k];
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
			return false;  /* "USM-USK" is two */
		caps += c >= 'A' && c <= 'Z';
	}
	static const enum lex_kind not_inst[] = {
		LEX_TYPE, LEX_COOP, LEX_PLACE, LEX_ROLE, LEX_MONTH, LEX_TITLE, LEX_DEGREE,
		LEX_STOP, LEX_WEEKDAY, LEX_SIGN, LEX_INST
	};
	for (size_t k = 0; k < sizeof not_inst / sizeof not_inst[0]; k++)
		if (lex_match(d, i, end, not_inst[k], NULL) > 0)
			return false;
	return caps >= 2 && caps * 2 >= t->len;
}

/* A run without a head word that still names a party of a signing
 * sentence: a known party's form ("antara UMSU dan ..."), or an acronym
 * beside a pairing word ("antara UPNM dan TDA", "MMU and X signed"), or
 * a name ending the sentence after a party and "dan"/"and" (after_party). */
static int headless_mention(struct doc *d, struct record *r, const struct sent *s, int i, int j,
			    bool after_party)
{
	int used = 0;
	int idx = party_lookup_prefix(d, r, i, j, &used);
	if (idx >= 0 && used == j - i) {
		r->parties[idx].signer = true;
		return idx;
	}
	if (after_party && j - i >= 2 && j - i <= 5 && (j + 1 >= s->end || lex_match(d, j, s->end, LEX_SIGN, NULL) > 0)) {
		/* "... with Tenaga Lembah Berhad (TLB) and Pusat Kajian Selat." */
		char *name = join(d, i, j, false);
		idx = mention_add(r, i, name, NULL, 0, true);
		free(name);
		return idx;
	}
	/* "UTSP Sarawak": an acronym and a place */
	int pl = j > i + 1 ? lex_match(d, i + 1, j, LEX_PLACE, NULL) : 0;
	if (j != i + 1 + pl || !acronym_at(d, i, s->end))
		return -1;
	bool paired = (i > s->first && lex_match(d, i - 1, i, LEX_PAIRWORD, NULL) > 0) ||
		      (j < s->end && lex_match(d, j, s->end, LEX_PAIRWORD, NULL) > 0) ||
		      (j < s->end && lex_match(d, j, s->end, LEX_SIGN, NULL) > 0) ||
		      (j + 1 < s->end && d->toks[j].word && lex_match(d, j + 1, s->end, LEX_SIGN, NULL) > 0);
	if (!paired)
		return -1;
	char *name = tokens_join(d, i, j);
	idx = mention_add(r, i, name, NULL, 0, true);
	free(name);
	return idx;
}

/* "X, atau Y" / "X or Y": the run after the cue is another name of party
 * idx. Returns where the mention ends. */
static int alias_after(struct doc *d, struct record *r, int idx, int j, int end)
{
	int k = j + (j < end && tok_punct(&d->toks[j], ','));
	int n = lex_match(d, k, end, LEX_ALIASCUE, NULL);
	if (n == 0 || k + n >= end || !d->toks[k + n].cap)
		return j;
	int e = name_run_end(d, k + n, end);
	if (e <= k + n + 1 || lex_find(d, k + n, e, LEX_INST, NULL) < 0)
		return j;
	char *form = join(d, k + n, e, false);
	party_add_alias(&r->parties[idx], form);
	free(form);
	return e;
}

/* Does an institution follow "melalui"/"through" right after j ("Pemkab
 * X melalui Badan Y ...")? Then Y signs, not X. A unit ("UKM melalui
 * Fakulti ...") signs for X and does not count. */
static bool signs_through(const struct doc *d, int j, int end)
{
	int n = j < end ? lex_match(d, j, end, LEX_THROUGH, NULL) : 0;
	if (n == 0)
		return false;
	const struct lex_entry *e = NULL;
	int k = name_run_end(d, j + n, end);
	int h = k > j + n ? find_head(d, j + n, k, &e) : -1;
	return h >= 0 && e->val != INST_UNIT;
}

/* Where the signing part of sentence s ends: at a witness word, or, when
 * the witness comes before every signing word ("X menyaksikan
 * penandatanganan ... antara A dan B"), the whole sentence after it.
 * *from is where it starts. */
static int signer_window(const struct doc *d, const struct sent *s, int *from)
{
	*from = s->first;
	int w = s->signing ? lex_find(d, s->first, s->end, LEX_WITNESS, NULL) : -1;
	if (w < 0)
		return s->end;
	if (lex_find(d, s->first, w, LEX_SIGN, NULL) < 0 && lex_find(d, w, s->end, LEX_SIGN, NULL) >= 0 &&
	    lex_find(d, s->first, w, LEX_TYPE, NULL) < 0) {
		*from = w;
		return s->end;
	}
	return w;
}

static void sentence_mentions(struct doc *d, struct record *r, const struct sent *s, bool listed)
{
	int from, last = -1;  /* last: where the previous party mention ended */
	int upto = signer_window(d, s, &from);
	for (int i = s->first; i < s->end;) {
		const struct tok *t = &d->toks[i];
		int role = t->cap ? lex_match(d, i, s->end, LEX_ROLE, NULL) : 0;
		if (role > 0) {
			/* Roles and the names after them are the people stage's. */
			i = name_run_end(d, i + role, s->end);
			continue;
		}
		if (!(t->cap || paren_len(d, i, s->end) > 0) || stops_name(d, i, s->end)) {
			i++;
			continue;
		}
		int j = name_run_end(d, i, s->end);
		if (j <= i) {
			i++;
			continue;
		}
		bool signer = listed || (s->signing && !s->title && i >= from && i < upto);
		signer = signer && !signs_through(d, j, s->end);
		int idx = party_from_run(d, r, i, j, signer);
		bool after = last >= 0 && i == last + 1 && lex_match(d, last, i, LEX_PAIRWORD, NULL) > 0;
		if (idx < 0 && signer)
			idx = headless_mention(d, r, s, i, j, after);
		if (idx >= 0)
			j = alias_after(d, r, idx, j, s->end);
		last = idx >= 0 ? j : -1;
		i = j;
	}
}

/* ---- lists after a count or "namely" ----------------------------------------- */

/* Is token i a count ("tiga", "7") or a collective ("Keempat")? */
static bool count_at(const struct doc *d, int i, int end)
{
	const struct tok *t = &d->toks[i];
	if (t->num || lex_match(d, i, end, LEX_NUMBER, NULL) > 0)
		return true;
	if (t->len < 5 || t->len > 16 || memcmp(t->low, "ke", 2) != 0)
		return false;
	char w[16];
	memcpy(w, t->low + 2, (size_t)t->len - 2);
	w[t->len - 2] = '\0';
	const struct lex_entry *e = lex_prefix_str(w, LEX_NUMBER);
	return e != NULL && strcmp(e->phrase, w) == 0;
}

/* Where the items of a list of institutions begin in sentence s ("Ketujuh
 * perguruan tinggi tersebut yakni A, B, ...", "The institutions involved
 * include A, B"): after the cue, or -1. A group noun stands at most four
 * words before the cue with a count before it, or at most eight with
 * "involved" after it. */
static int list_start(const struct doc *d, const struct sent *s)
{
	for (int c = s->first + 1; c < s->end; c++) {
		const struct lex_entry *ce = NULL;
		int cue = lex_match(d, c, s->end, LEX_LISTCUE, &ce);
		if (cue == 0)
			continue;
		if (ce->val == 1)
			return -1;  /* "Konsortium itu terdiri daripada 8 universiti termasuk ..." */
		for (int g = c - 1; g >= s->first && g >= c - 8; g--) {
			int gn = lex_match(d, g, c, LEX_GROUP, NULL);
			if (gn == 0)
				continue;
			bool counted = c - g <= 4 && ((g > s->first && count_at(d, g - 1, c)) ||
						      (g - 1 > s->first && count_at(d, g - 2, c)));
			for (int k = g + gn; k < c && !counted; k++)
				counted = lex_match(d, k, k + 1, LEX_INVOLVED, NULL) > 0;
			if (counted) {
				int i = c + cue;
				while (i < s->end && !d->toks[i].word)
					i++;
				return i;
			}
		}
	}
	return -1;
}

/* Does token i separate two items (",", ";", "dan", "and", "serta")? */
static bool item_sep(const struct doc *d, int i, int end)
{
	const struct tok *t = &d->toks[i];
	const struct lex_entry *e = NULL;
	return tok_punct(t, ',') || tok_punct(t, ';') || tok_punct(t, '.') ||
	       (lex_match(d, i, end, LEX_PAIRWORD, &e) > 0 && e->val != 1);
}

/* One item [a, e) of a list: an institution with its head word, or the
 * capitalised name as written ("Forum Rektor Indonesia (FRI)"). */
/* Where the name of list item [a, e) starts: at a capital or a
 * lower-case head ("koperasi karyawan Tjiwi Kimia": a head, at most two
 * lower-case words, then the name); *k the first capital. -1 if none. */
static int item_start(const struct doc *d, int a, int e, int *k)
{
	while (a < e && !d->toks[a].cap && lex_match(d, a, e, LEX_INST, NULL) == 0)
		a++;  /* "pabrik kertas PT ...", "the Japan ..." */
	if (a >= e)
		return -1;
	*k = a + (d->toks[a].cap ? 0 : 1);
	while (*k < e && *k <= a + 2 && !d->toks[*k].cap)
		(*k)++;
	return *k < e && d->toks[*k].cap ? a : -1;
}

/* The item's capitalised words from k, roles and brackets included
 * ("Forum Rektor Indonesia (FRI)"): where they end. */
static int item_end(const struct doc *d, int k, int e)
{
	int run = k;
	while (run < e && (d->toks[run].cap || d->toks[run].num || paren_len(d, run, e) > 0 ||
			   (run > k && lex_match(d, run, e, LEX_NAMEJOIN, NULL) > 0)))
		run += paren_len(d, run, e) > 0 ? paren_len(d, run, e) : 1;
	return run;
}

/* A name with no head word, as written; a bracket at its end is its
 * acronym. */
static void headless_item(struct doc *d, struct record *r, int a, int e)
{
	int end = e;
	for (int i = a; i < e; i++)
		if (paren_len(d, i, e) > 0 && paren_len(d, i, e) + i == e)
			end = i;
	if (end - a > 8)
		return;
	char *name = join(d, a, end, false);
	char *acr = end < e ? join(d, end + 1, e - 1, true) : NULL;
	mention_add(r, a, name, acr ? &acr : NULL, acr ? 1 : 0, true);
	free(name);
	free(acr);
}

static void list_item_party(struct doc *d, struct record *r, int a, int e)
{
	int k = 0;
	a = item_start(d, a, e, &k);
	if (a < 0)
		return;
	e = item_end(d, k, e);
	if (party_from_run(d, r, a, e, true) < 0 && d->toks[a].cap)
		headless_item(d, r, a, e);
}

/* The items of a list of institutions in sentence s signed when the
 * sentence or the one before reports the agreement. */
static void listed_parties(struct doc *d, struct record *r, int si)
{
	const struct sent *s = &d->sents[si];
	int i = list_start(d, s);
	if (i < 0)
		return;
	bool about = false;
	for (int k = si > 0 ? si - 1 : si; k <= si && !about; k++)
		about = lex_find(d, d->sents[k].first, d->sents[k].end, LEX_SIGN, NULL) >= 0 ||
			lex_find(d, d->sents[k].first, d->sents[k].end, LEX_TYPE, NULL) >= 0;
	if (!about)
		return;
	while (i < s->end) {
		int e = i;
		while (e < s->end && !item_sep(d, e, s->end))
			e++;
		int run = d->toks[i].cap ? name_run_end(d, i, s->end) : i;
		if (run > e)
			e = run;  /* "Kementerian Desa dan Pembangunan ..." */
		list_item_party(d, r, i, e);
		i = e;
		while (i < s->end && item_sep(d, i, s->end))
			i++;
	}
}

/* Is sentence s an item of a bulleted or numbered list ("- PT X", "2. Y")? */
static bool list_item(const struct doc *d, const struct sent *s)
{
	const struct tok *t = &d->toks[s->first];
	if (!t->nl || s->end - s->first < 2)
		return false;
	if (tok_punct(t, '-') || tok_punct(t, '*'))
		return true;
	return t->num && t->len <= 2 && (tok_punct(t + 1, '.') || tok_punct(t + 1, ')'));
}

/* Parties listed after a signing sentence ("Pihak yang terlibat:" and one
 * line each) signed. */
void stage_parties(struct doc *d, struct record *r)
{
	r->home = strcmp(d->lang, "ms") == 0 ? "MY" : strcmp(d->lang, "id") == 0 ? "ID" : NULL;
	bool armed = false;
	for (int i = 0; i < d->nsent; i++) {
		const struct sent *s = &d->sents[i];
		bool item = list_item(d, s);
		sentence_mentions(d, r, s, item && armed);
		listed_parties(d, r, i);
		if (!item)
			armed = (s->signing && !s->title) ||
				(armed && tok_punct(&d->toks[s->end - 1], ':'));
	}
}
