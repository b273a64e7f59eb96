/* extract.c: the extractor's pipeline: clean and split the text, decide
 * whether a signing is reported, then find parties, people, dates,
 * durations, programmes, events and place, and assemble the record. Each
 * stage is one file (extract_*.c); the word tables are lexicon_*.c. */
#include <stdlib.h>
#include <string.h>

#include "extract_int.h"
#include "xalloc.h"

/* A non-agreement's confidence is how sure we are that the article reports
 * no signed agreement: 0.95 with neither a signing word nor an agreement
 * noun; 0.85 with agreement nouns only (a programme, a visit); 0.8 when
 * signing words were read as a plan or a cancellation (explicitly not
 * signed); 0.6 when a signing word was set aside for another reason (an
 * old agreement mentioned in passing, no agreement noun beside it). */
static double negative_confidence(const struct doc *d, const struct record *r)
{
	if (lex_find(d, 0, d->ntok, LEX_SIGN, NULL) < 0)
		return lex_find(d, 0, d->ntok, LEX_TYPE, NULL) < 0 ? 0.95 : 0.85;
	if (r->planned || lex_find(d, 0, d->ntok, LEX_CANCEL, NULL) >= 0)
		return 0.8;
	return 0.6;
}

json_t *mw_extract(const char *text, size_t len, const struct mw_extract_opts *opts)
{
	struct mw_ymd pub = { 0, 0, 0 };
	if (opts != NULL && ymd_valid(opts->published))
		pub = opts->published;
	struct doc *d = doc_build(text, len, pub);
	struct record *r = xcalloc(1, sizeof *r);
	stage_signing(d, r);
	if (r->agreement) {
		stage_parties(d, r);
		stage_people(d, r);
		stage_select_parties(d, r);
		alias_translated(d, r);
		stage_dates(d, r);
		stage_duration(d, r);
		stage_programs(d, r);
		stage_events(d, r);
		stage_location(d, r);
	}
	/* An agreement is between named institutions: a signing with none
	 * ("Kerja sama ditandatangani.") is no record to store or remind of. */
	if (r->agreement && r->nparties == 0)
		r->agreement = false;
	if (!r->agreement)
		r->confidence = negative_confidence(d, r);
	json_t *out = record_json(d, r);
	record_free(r);
	free(r);
	doc_free(d);
	return out;
}
