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
		   strlen(name) > strlen(r->parties[idx].name)) {
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

static bool stops_name(const struct doc *d, int i, int end)
{
	const struct tok *t = &d->toks[i];
	return lex_match(d, i, end, LEX_STOP, NULL) > 0 ||
	       lex_match(d, i, end, LEX_SIGN, NULL) > 0 ||
	       (t->cap && lex_match(d, i, end, LEX_ROLE, NULL) > 0) ||
	       (t->cap && lex_match(d, i, end, LEX_MONTH, NULL) > 0 && t->len > 3 &&
		!(i > 0 && d->toks[i - 1].cap && lex_match(d, i - 1, i, LEX_NUMBER, NULL) > 0)) ||
	       (t->cap && lex_match(d, i, end, LEX_TITLE, NULL) > 0 && i + 1 < end &&
		(d->toks[i + 1].word || (tok_punct(&d->toks[i + 1], '.') && i + 2 < end &&
					 d->toks[i + 2].word)));
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
	return p->off + p->len == d->toks[j].off &&
	       (tok_is(p, "sdn") || tok_is(p, "bhd") || tok_is(p, "co") || tok_is(p, "ltd") ||
		tok_is(p, "inc") || tok_is(p, "pte"));
}

/* End of the name-like run starting at i: capitalised words, numbers,
 * bracket groups, and "of"/"for"/"the" between capitalised words. */
/* After the comma at j, a capitalised sector word, or "dan"/"and" and one
 * ("..., Penelitian, dan Pengembangan")? */
static bool field_after_comma(const struct doc *d, int j, int end)
{
	int k = j + 1;
	if (k < end && (tok_is(&d->toks[k], "dan") || tok_is(&d->toks[k], "and")))
		k++;
	return k < end && d->toks[k].cap && lex_match(d, k, end, LEX_FIELD, NULL) > 0;
}

/* Lower-case English heads written after a place ("The East Nusa
 * Tenggara (NTT) provincial government", "Kupang city government"). */
static const char *const gov_tails[] = {
	"provincial government", "regency government", "city government",
	"state government", "municipal government", "district government",
	"regional government", "provincial administration", "city council",
	"municipal council", "district council", NULL
};

/* Tokens of a government tail at i, or 0. */
static int gov_tail(const struct doc *d, int i, int end)
{
	for (int k = 0; gov_tails[k] != NULL; k++) {
		const char *sp = strchr(gov_tails[k], ' ');
		size_t n = (size_t)(sp - gov_tails[k]);
		if (i + 1 < end && !d->toks[i].cap && (size_t)d->toks[i].len == n &&
		    memcmp(d->toks[i].low, gov_tails[k], n) == 0 && tok_is(&d->toks[i + 1], sp + 1))
			return 2;
	}
	return 0;
}

int name_run_end(const struct doc *d, int i, int end)
{
	int j = i;
	while (j < end) {
		const struct tok *t = &d->toks[j];
		int p = paren_len(d, j, end);
		if (p > 0) {
			j += p;
			continue;
		}
		if (j > i && tok_punct(t, '.') && company_dot(d, j))
			j++;  /* "Sdn. Bhd." */
		if (j >= end || j > i + 40)
			break;
		t = &d->toks[j];
		/* "Badan ... (Bappeda), Penelitian, dan Pengembangan ...": a
		 * sector after a comma continues a name with a head word. */
		if (tok_punct(t, ',') && j > i && field_after_comma(d, j, end) &&
		    lex_find(d, i, j, LEX_INST, NULL) >= 0) {
			j++;
			continue;
		}
		/* "Dinas Pendidikan dan Kebudayaan": a sector after "dan". */
		if ((tok_is(t, "dan") || tok_is(t, "and") || tok_is(t, "&")) && j > i &&
		    j + 1 < end && d->toks[j + 1].cap && lex_match(d, j + 1, end, LEX_FIELD, NULL) > 0 &&
		    lex_find(d, i, j, LEX_INST, NULL) >= 0) {
			j++;
			continue;
		}
		if (!t->word || (j > i && stops_name(d, j, end)))
			break;
		if (t->cap || t->num || (t->word && (unsigned char)t->s[0] >= 0x80)) {
			j++;
			continue;
		}
		if (j > i && gov_tail(d, j, end) > 0)
			return j + gov_tail(d, j, end);
		if ((tok_is(t, "of") || tok_is(t, "for") || tok_is(t, "the") || tok_is(t, "&")) &&
		    j > i && j + 1 < end && d->toks[j + 1].cap) {
			j++;
			continue;
		}
		break;
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

/* Head word in [a, b) outside brackets: its index, or -1; *e is the entry. */
static int find_head(const struct doc *d, int a, int b, const struct lex_entry **e)
{
	for (int i = a; i < b; i++) {
		int p = paren_len(d, i, b);
		if (p > 0) {
			i += p - 1;
			continue;
		}
		if (lex_match(d, i, b, LEX_INST, e) > 0)
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
	if (head->val == 1)
		return b;
	/* "SMKN 2 Kandangan Kabupaten HSS" ends at "Kabupaten"; in
	 * "SMA Negeri 9 Kota Lama" the number is followed by the town's name. */
	for (int i = h + 2; i < b; i++)
		if (lex_match(d, i, b, LEX_QUALIFIER, NULL) > 0 && !d->toks[i - 1].num)
			return i;
	return b;
}

/* Words of [a, b) other than "the". */
static int content_words(const struct doc *d, int a, int b)
{
	int n = 0;
	for (int i = a; i < b; i++)
		n += d->toks[i].word && !tok_is(&d->toks[i], "the");
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
			while (k > a + 1 && (tok_is(&d->toks[k - 1], "of") || tok_is(&d->toks[k - 1], "in") ||
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

/* English government heads written last ("Sarawak Health Department",
 * "Penang Island City Council"): the words before them are the name. */
static const char *const last_heads[] = {
	"department", "council", "agency", "authority", "ministry", NULL
};

/* Is the head at h such a word, ending run [., b) (a bracket may follow)? */
static bool trailing_head(const struct doc *d, int h, int b)
{
	bool last = false;
	for (int k = 0; last_heads[k] != NULL && !last; k++)
		last = d->toks[h].cap && tok_is(&d->toks[h], last_heads[k]);
	return last && (h + 1 == b || h + 1 + paren_len(d, h + 1, b) == b);
}

/* The institution named by tokens [a, b), if any: adds it and returns its
 * party index, else -1. */
/* "The East Nusa Tenggara (NTT) provincial government": the name without
 * "The" and the bracket; the bracket's forms are aliases. */
static int gov_from_run(struct doc *d, struct record *r, int a, int b, bool signer)
{
	if (tok_is(&d->toks[a], "the"))
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

int party_from_run(struct doc *d, struct record *r, int a, int b, bool signer)
{
	const struct lex_entry *head = NULL;
	int h = find_head(d, a, b, &head);
	if (h < 0 && b - a >= 3 && gov_tail(d, b - 2, b) > 0)
		return gov_from_run(d, r, a, b, signer);
	if (h < 0)
		return -1;
	/* "Maju Tekno Solutions Sdn Bhd": a suffix ends the name; other
	 * national or government heads open it. */
	int start = head->val != INST_SUFFIX && (head->tag != NULL || head->val == INST_GOV) ? h : a;
	if (start == h && trailing_head(d, h, b))
		start = a;
	/* "The Kupang State Polytechnic" (but "The University of ..." keeps it) */
	if (start < h && tok_is(&d->toks[start], "the") && lex_match(d, start + 1, b, LEX_INST, NULL) == 0)
		start++;
	/* "Japan's Hokuriku Institute": the possessive is not the name, but
	 * may give its country. */
	const char *owner = NULL;
	while (start < h && (possessive(&d->toks[start]) || based(&d->toks[start])))
		owner = possessive_country(&d->toks[start++]);
	/* A building ("Balai Kota", "Balai Senat"), unless a longer head
	 * begins there ("Pejabat Pendidikan Daerah" is an office, not a room). */
	int vn = lex_match(d, start, b, LEX_VENUE, NULL);
	if (vn > 0 && !(h == start && lex_match(d, h, b, LEX_INST, NULL) > vn))
		return -1;
	/* "(R-Tech) College Bangkok": the bracket is part of the name. */
	if (paren_len(d, start, b) > 0)
		return -1;
	int end = name_end(d, h, b, head);
	while (end > start && !d->toks[end - 1].word && !tok_punct(&d->toks[end - 1], ')'))
		end--;
	if (end <= start)
		return -1;
	char *forms[8];
	int n = paren_forms(d, start, end, forms, 8);
	/* A bracket right after the name is its acronym: "... Malaysia (IISM)". */
	int p = paren_len(d, end, d->ntok);
	if (p > 0 && n < 8)
		forms[n++] = join(d, end + 1, end + p - 1, true);
	n = place_trimmed(d, start, end, forms, n, 8);
	char *name = join(d, start, end, false);
	if (end - start == 1 && head->val != INST_NAMED) {
		free(name);  /* a bare head word: "Sekolah", "SMA" */
		for (int i = 0; i < n; i++)
			free(forms[i]);
		return -1;
	}
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

/* The longest prefix of [a, b) that names a known party, extended over a
 * following place: its party, and *used tokens. -1 if none. */
int party_lookup_prefix(const struct doc *d, const struct record *r, int a, int b, int *used)
{
	for (int k = b; k > a; k--) {
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

static void sentence_mentions(struct doc *d, struct record *r, const struct sent *s, bool listed)
{
	int witness = s->signing ? lex_find(d, s->first, s->end, LEX_WITNESS, NULL) : -1;
	if (witness < 0)
		witness = s->end;
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
		party_from_run(d, r, i, j, listed || (s->signing && !s->title && i < witness));
		i = j;
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
		if (!item)
			armed = (s->signing && !s->title) ||
				(armed && tok_punct(&d->toks[s->end - 1], ':'));
	}
}
