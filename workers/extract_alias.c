/* extract_alias.c: alias generation. A party's name gives its usual short
 * forms by the abbreviation table (LEX_ABBREV): "SMK Negeri 7 Balikpapan"
 * -> "SMKN 7 Balikpapan", "Pemerintah Kota Banjarmasin" -> "Pemkot
 * Banjarmasin", "Pemko Banjarmasin", "Kota Banjarmasin". */
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

void alias_generate(struct party *p)
{
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
