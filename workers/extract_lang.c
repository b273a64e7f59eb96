/* extract_lang.c: the language stage: id, ms or en, from weighted counts of
 * each language's function words (LEX_FUNC). Text inside quotation marks
 * is left out while the narrative outside them says enough (an Indonesian
 * story may open with an English quote); a quote is taken to end at a line
 * break. Indonesian wins ties: it is the main language of the feeds. */
#include "extract_int.h"

#define ENOUGH 12  /* narrative score that decides without the quotes */

static void count(const struct doc *d, bool quotes, int score[3])
{
	const struct lexicon *const langs[] = { &lexicon_id, &lexicon_ms, &lexicon_en };
	bool inside = false;
	for (int i = 0; i < d->ntok; i++) {
		const struct tok *t = &d->toks[i];
		if (t->nl)
			inside = false;
		if (tok_punct(t, '"'))
			inside = !inside;
		if (!t->word || (inside && !quotes))
			continue;
		for (int l = 0; l < 3; l++) {
			const struct lex_entry *e = NULL;
			if (lex_match_in(langs[l], d, i, d->ntok, LEX_FUNC, &e) > 0)
				score[l] += e->val;
		}
	}
}

const char *lang_detect(const struct doc *d)
{
	const char *const names[] = { "id", "ms", "en" };
	int score[3] = { 0, 0, 0 };
	count(d, false, score);
	if (score[0] + score[1] + score[2] < ENOUGH) {
		score[0] = score[1] = score[2] = 0;
		count(d, true, score);
	}
	int best = 0;
	for (int l = 1; l < 3; l++)
		if (score[l] > score[best])
			best = l;
	return names[best];
}
