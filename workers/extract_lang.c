/* extract_lang.c: the language stage: id, ms or en, from weighted counts of
 * each language's function words (LEX_FUNC). Text inside quotation marks
 * is left out while the narrative outside them says enough (an Indonesian
 * story may open with an English quote); a quote is taken to end at a line
 * break. Indonesian wins ties: it is the main language of the feeds.
 * Function words decide, not names: English words inside a capitalised
 * name ("Memorandum of Understanding", "dengan The University of
 * Queensland") do not count for English, and the words Indonesian and
 * Malay share (lexicon_common) count for both. */
#include "extract_int.h"

#define ENOUGH 12  /* narrative score that decides without the quotes */

static bool cap_word(const struct doc *d, int i)
{
	return i >= 0 && i < d->ntok && d->toks[i].word && d->toks[i].cap;
}

/* Is token i part of a capitalised name: a lower-case connector between
 * capitalised words ("Faculty of Science", "Dean of the Faculty"), or a
 * capitalised word inside a sentence ("dengan The University")? */
static bool in_name(const struct doc *d, int i)
{
	const struct tok *t = &d->toks[i];
	if (!t->cap) {
		int next = i + 1 < d->ntok && tok_is(&d->toks[i + 1], "the") ? i + 2 : i + 1;
		return cap_word(d, i - 1) && cap_word(d, next) && !d->toks[next].nl;
	}
	return i > 0 && !t->nl && d->toks[i - 1].word;
}

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
		const struct lex_entry *e = NULL;
		for (int l = 0; l < 3; l++)
			if ((l < 2 || !in_name(d, i)) &&
			    lex_match_in(langs[l], d, i, d->ntok, LEX_FUNC, &e) > 0)
				score[l] += e->val;
		if (lex_match_in(&lexicon_common, d, i, d->ntok, LEX_FUNC, &e) > 0) {
			score[0] += e->val;
			score[1] += e->val;
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
