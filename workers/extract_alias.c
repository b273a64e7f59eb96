/* extract_alias.c: alias generation. A party's name gives its usual short
 * forms by the abbreviation table (LEX_ABBREV): "SMK Negeri 7 Balikpapan"
 * -> "SMKN 7 Balikpapan", "Pemerintah Kota Banjarmasin" -> "Pemkot
 * Banjarmasin", "Pemko Banjarmasin", "Kota Banjarmasin"; and a company's
 * name without its legal form; and the translated forms the text uses
 * ("Bina Karya University" for "Universitas Bina Karya"). */
#include <stdlib.h>
#include <string.h>

#include "extract_int.h"
#include "xalloc.h"

static void try_entries(struct party *p, const char *low, size_t pos, const struct lex_entry *list)
{
	for (int i = 0; list != NULL && list[i].phrase != NULL; i++) {
		size_t n = strlen(list[i].phrase);
		if (strncmp(low + pos, list[i].phrase, n) != 0 ||
		    (low[pos + n] != '\0' && low[pos + n] != ' '))
			continue;
		char *alias = xasprintf("%.*s%s%s", (int)pos, p->name, list[i].tag, p->name + pos + n);
		party_add_alias(p, alias);
		free(alias);
	}
}

/* Company forms: the name without its legal form ("PT Semen Nusantara
 * Tbk" -> "PT Semen Nusantara", "Semen Nusantara"; "Maju Tekno Sdn Bhd"
 * -> "Maju Tekno"). */
static const char *const legal_prefix[] = { "PT ", "CV ", NULL };
static const char *const legal_suffix[] = {
	" Tbk", " Tbk.", " Sdn Bhd", " Sdn. Bhd", " Sdn. Bhd.", " Bhd", " Ltd", " Ltd.",
	" Co. Ltd", " Co., Ltd", " Inc", " Inc.", " Pte Ltd", " Pte. Ltd", " LLC", " PLC", NULL
};

static void company_forms(struct party *p)
{
	const char *name = p->name;
	size_t n = strlen(name), pre = 0, suf = 0;
	for (int i = 0; legal_prefix[i]; i++)
		if (strncmp(name, legal_prefix[i], strlen(legal_prefix[i])) == 0)
			pre = strlen(legal_prefix[i]);
	for (int i = 0; legal_suffix[i]; i++) {
		size_t l = strlen(legal_suffix[i]);
		if (n > l + pre && strcmp(name + n - l, legal_suffix[i]) == 0 && l > suf)
			suf = l;
	}
	if (pre + suf == 0 || n <= pre + suf + 2)
		return;
	char *form;
	if (suf > 0) {
		form = xstrndup(name, n - suf);
		party_add_alias(p, form);
		free(form);
	}
	if (pre > 0) {
		form = xstrndup(name + pre, n - suf - pre);
		party_add_alias(p, form);
		free(form);
	}
}

void alias_generate(struct party *p)
{
	company_forms(p);
	char *low = xstrdup(p->name);
	for (char *c = low; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c + 32);
	for (size_t pos = 0; low[pos]; pos++) {
		if (pos > 0 && low[pos - 1] != ' ')
			continue;
		try_entries(p, low, pos, lexicon_common.lists[LEX_ABBREV]);
	}
	free(low);
}

/* ---- translated names ---------------------------------------------------- */

/* Head words and their English form: "Universitas Bina Karya" is written
 * "Bina Karya University" or "University of Bina Karya" in English text,
 * and the other way round. */
static const struct { const char *local, *english; } heads[] = {
	{"Universitas", "University"}, {"Universiti", "University"},
	{"Politeknik", "Polytechnic"}, {"Institut", "Institute"},
	{"Kolej", "College"}, {"Akademi", "Academy"}, {NULL, NULL}
};

/* Does form occur in the folded text as whole words? */
static bool in_text(const struct doc *d, const char *form)
{
	size_t n = strlen(form);
	for (const char *h = strstr(d->fold, form); h != NULL; h = strstr(h + 1, form)) {
		bool left = h == d->fold || !((h[-1] | 32) >= 'a' && (h[-1] | 32) <= 'z');
		char c = h[n];
		if (left && !((c | 32) >= 'a' && (c | 32) <= 'z'))
			return true;
	}
	return false;
}

/* Adds form (owned by the caller) as an alias when the text uses it. */
static void add_if_used(const struct doc *d, struct party *p, const char *form)
{
	if (in_text(d, form))
		party_add_alias(p, form);
}

/* The translated forms of name whose head is local or english. */
static void translated_forms(const struct doc *d, struct party *p, const char *local,
			     const char *english)
{
	const char *name = p->name;
	size_t ll = strlen(local), el = strlen(english), n = strlen(name);
	char *form = NULL;
	if (strncmp(name, local, ll) == 0 && name[ll] == ' ' && name[ll + 1] != '\0') {
		form = xasprintf("%s %s", name + ll + 1, english);
		add_if_used(d, p, form);
		free(form);
		form = xasprintf("%s of %s", english, name + ll + 1);
	} else if (n > el + 1 && strcmp(name + n - el, english) == 0 && name[n - el - 1] == ' ') {
		form = xasprintf("%s %.*s", local, (int)(n - el - 1), name);
	} else if (strncmp(name, english, el) == 0 && strncmp(name + el, " of ", 4) == 0 &&
		   name[el + 4] != '\0') {
		form = xasprintf("%s %s", local, name + el + 4);
	}
	if (form != NULL)
		add_if_used(d, p, form);
	free(form);
}

void alias_translated_party(const struct doc *d, struct party *p)
{
	for (int h = 0; heads[h].local != NULL; h++)
		translated_forms(d, p, heads[h].local, heads[h].english);
}

void alias_translated(const struct doc *d, struct record *r)
{
	for (int i = 0; i < r->nparties; i++)
		alias_translated_party(d, &r->parties[i]);
}
