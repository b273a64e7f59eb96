/* extract.h: the agreement extractor's public API, shared by the worker and
 * the CLI: article text in, the agreement record of SPEC.md out (jansson).
 * The pipeline's stages live in extract_*.c; see extract_int.h. */
#ifndef MW_EXTRACT_H
#define MW_EXTRACT_H

#include <stddef.h>
#include <jansson.h>

/* A calendar date; y == 0 means "unknown". */
struct mw_ymd {
	int y, m, d;
};

/* Options of one extraction; zero-initialise for the defaults. */
struct mw_extract_opts {
	struct mw_ymd published;  /* the article's publication date, or y == 0 */
};

/* Inputs longer than this are cut (at a UTF-8 boundary) before extraction. */
#define MW_EXTRACT_MAX_INPUT (200 * 1024)

/* Extracts the agreement record of one article. text is any bytes (need not
 * be NUL-terminated or valid UTF-8); its first line is the title where known.
 * Returns a new reference the caller owns (json_decref); never NULL. */
json_t *mw_extract(const char *text, size_t len, const struct mw_extract_opts *opts);

/* Parses "YYYY-MM-DD" into *out: 0, or -1 when it is not a real date. */
int mw_ymd_parse(const char *s, struct mw_ymd *out);

#endif
