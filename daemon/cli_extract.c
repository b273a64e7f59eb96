/* cli_extract.c: 'mouwatch extract FILE|- [--published YYYY-MM-DD]': runs
 * the extractor on one article and prints its record as JSON. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "extract.h"
#include "strbuf.h"

/* Reads all of f, stopping a little past the extractor's cap. */
static int read_all(FILE *f, struct strbuf *out)
{
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
		if (out->len < MW_EXTRACT_MAX_INPUT + sizeof buf)
			strbuf_append(out, buf, n);
	}
	return ferror(f) ? -1 : 0;
}

static int usage(void)
{
	fprintf(stderr, "usage: mouwatch extract FILE|- [--published YYYY-MM-DD]\n");
	return EXIT_USAGE;
}

int cli_extract(const struct cli_opts *opts, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "published", required_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct mw_extract_opts xo = { { 0, 0, 0 } };
	int c;
	(void)opts;
	optind = 0;  /* glibc: re-initialise, so options may follow FILE */
	while ((c = getopt_long(argc, argv, "p:h", longopts, NULL)) != -1) {
		if (c == 'p' && mw_ymd_parse(optarg, &xo.published) == 0)
			continue;
		if (c == 'p')
			fprintf(stderr, "mouwatch extract: --published '%s' is not a date; give YYYY-MM-DD\n", optarg);
		return c == 'h' ? (usage(), EXIT_OK) : usage();
	}
	if (optind != argc - 1)
		return usage();
	const char *path = argv[optind];
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (f == NULL) {
		fprintf(stderr, "mouwatch extract: cannot open %s: %s\n", path, strerror(errno));
		return EXIT_FAIL;
	}
	struct strbuf text = STRBUF_INIT;
	int rc = read_all(f, &text);
	int saved = errno;
	if (f != stdin)
		fclose(f);
	if (rc < 0) {
		fprintf(stderr, "mouwatch extract: cannot read %s: %s\n", path, strerror(saved));
		strbuf_free(&text);
		return EXIT_FAIL;
	}
	json_t *rec = mw_extract(strbuf_str(&text), text.len, &xo);
	strbuf_free(&text);
	char *out = json_dumps(rec, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(3));
	json_decref(rec);
	if (out == NULL) {
		fprintf(stderr, "mouwatch extract: cannot encode the record as JSON\n");
		return EXIT_FAIL;
	}
	puts(out);
	free(out);
	return EXIT_OK;
}
