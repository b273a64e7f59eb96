/* extract.c: the extractor's pipeline: clean and split the text, decide
 * whether a signing is reported, then find parties, people, dates,
 * durations, programmes, events and place, and assemble the record. Each
 * stage is one file (extract_*.c); the word tables are lexicon_*.c. */
#include <stdlib.h>
#include <string.h>

#include "extract_int.h"
#include "xalloc.h"

/* A non-agreement's confidence: lower when a plan or a signing word was
 * seen, since the call was closer. */
static double negative_confidence(const struct doc *d)
{
	return lex_find(d, 0, d->ntok, LEX_SIGN, NULL) >= 0 ? 0.6 : 0.9;
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
		stage_dates(d, r);
		stage_duration(d, r);
		stage_programs(d, r);
		stage_events(d, r);
		stage_location(d, r);
	} else {
		r->confidence = negative_confidence(d);
	}
	json_t *out = record_json(d, r);
	record_free(r);
	free(r);
	doc_free(d);
	return out;
}
