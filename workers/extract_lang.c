/* extract_lang.c: the language stage: id, ms or en, from weighted counts of
 * each language's function words (LEX_FUNC). Indonesian wins ties: it is
 * the main language of the feeds. */
#include "extract_int.h"

const char *lang_detect(const struct doc *d)
{
	const struct lexicon *const langs[] = { &lexicon_id, &lexicon_ms, &lexicon_en };
	int score[3] = { 0, 0, 0 };
	for (int i = 0; i < d->ntok; i++) {
		if (!d->toks[i].word)
			continue;
		for (int l = 0; l < 3; l++) {
			const struct lex_entry *e = NULL;
			if (lex_match_in(langs[l], d, i, d->ntok, LEX_FUNC, &e) > 0)
				score[l] += e->val;
		}
	}
	int best = 0;
	for (int l = 1; l < 3; l++)
		if (score[l] > score[best])
			best = l;
	return langs[best]->lang;
}
