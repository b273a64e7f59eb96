/* extract_alias.c: alias generation. A party's name gives its usual short
 * forms by the abbreviation table (LEX_ABBREV): "SMK Negeri 7 Balikpapan"
 * -> "SMKN 7 Balikpapan", "Pemerintah Kota Banjarmasin" -> "Pemkot
 * Banjarmasin", "Pemko Banjarmasin", "Kota Banjarmasin"; and a company's
 * name without its legal form; and the translated forms the text uses
 * ("Bina Karya University" for "Universitas Bina Karya"). */
#include <stdio.h>
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

/* The legal-form kind (LEX_LEGAL val) of the word [w, w + n), its
 * trailing full stop or comma ignored; 0 when none. */
static int legal_word(const char *w, size_t n)
{
	while (n > 0 && (w[n - 1] == '.' || w[n - 1] == ','))
		n--;
	char low[16];
	if (n == 0 || n >= sizeof low)
		return 0;
	for (size_t k = 0; k < n; k++)
		low[k] = (char)((w[k] >= 'A' && w[k] <= 'Z') ? w[k] + 32 : w[k]);
	low[n] = '\0';
	const struct lex_entry *list = lexicon_common.lists[LEX_LEGAL];
	for (int i = 0; list != NULL && list[i].phrase != NULL; i++)
		if (strcmp(list[i].phrase, low) == 0)
			return list[i].val;
	return 0;
}

/* Company forms: the name without its legal form ("PT Semen Nusantara
 * Tbk" -> "PT Semen Nusantara", "Semen Nusantara"; "Maju Tekno Sdn Bhd"
 * -> "Maju Tekno"). Words after the name: "Tbk", "Bhd", and "Sdn", "Co"
 * only before another ("Sdn Bhd", "Co., Ltd"). */
static void company_forms(struct party *p)
{
	const char *name = p->name;
	size_t n = strlen(name), pre = 0, cut = n;
	const char *sp = strchr(name, ' ');
	if (sp != NULL && legal_word(name, (size_t)(sp - name)) == 1 && name[sp - name - 1] != '.')
		pre = (size_t)(sp - name) + 1;  /* "PT ", not "PT." */
	for (bool any = false;;) {
		size_t w = cut;
		while (w > pre && name[w - 1] != ' ')
			w--;
		int kind = w > pre ? legal_word(name + w, cut - w) : 0;
		if (kind != 2 && !(kind == 3 && any))
			break;
		any = true;
		cut = w - 1;
	}
	if ((pre == 0 && cut == n) || cut <= pre + 2)
		return;
	char *form;
	if (cut < n) {
		form = xstrndup(name, cut);
		party_add_alias(p, form);
		free(form);
	}
	if (pre > 0) {
		form = xstrndup(name + pre, cut - pre);
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

/* The head words and their English forms are LEX_TRANSLATE: "Universitas
 * Bina Karya" is written "Bina Karya University" or "University of Bina
 * Karya" in English text, and the other way round. */
void alias_translated_party(const struct doc *d, struct party *p)
{
	const struct lex_entry *list = lexicon_common.lists[LEX_TRANSLATE];
	for (int h = 0; list != NULL && list[h].phrase != NULL; h++) {
		char local[24];
		snprintf(local, sizeof local, "%s", list[h].phrase);
		local[0] = (char)(local[0] - 32);  /* "universitas" -> "Universitas" */
		translated_forms(d, p, local, list[h].tag);
	}
}

void alias_translated(const struct doc *d, struct record *r)
{
	for (int i = 0; i < r->nparties; i++)
		alias_translated_party(d, &r->parties[i]);
}
