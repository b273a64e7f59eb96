/* extract_alias.c: alias generation. A party's name gives its usual short
 * forms by the abbreviation table (LEX_ABBREV): "SMK Negeri 7 Balikpapan"
 * -> "SMKN 7 Balikpapan", "Pemerintah Kota Banjarmasin" -> "Pemkot
 * Banjarmasin", "Pemko Banjarmasin", "Kota Banjarmasin"; and a company's
 * name without its legal form. */
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
