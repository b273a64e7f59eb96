/* cli_parse_feed.c: `mouwatch parse-feed [--base URL] [--timezone TZ]
 * FILE|-`: parses one feed document offline and prints it as SPEC.md's
 * JSON on stdout. Dates without a zone are read in TZ (default UTC). */
#include "cli.h"
#include "feed.h"
#include "strbuf.h"
#include "tz.h"
#include "xalloc.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reads at most max + 1 bytes of path ("-": stdin) into *out (malloc'd):
 * one byte more than the limit is enough for feed_parse() to refuse it. */
static int read_input(const char *path, size_t max, struct strbuf *out)
{
	FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	char buf[65536];
	size_t n;

	if (fp == NULL) {
		fprintf(stderr, "mouwatch: parse-feed: cannot open %s: %s\n", path, strerror(errno));
		return -1;
	}
	while (out->len <= max && (n = fread(buf, 1, sizeof buf, fp)) > 0)
		strbuf_append(out, buf, n);
	int failed = ferror(fp);
	if (fp != stdin)
		fclose(fp);
	if (failed) {
		fprintf(stderr, "mouwatch: parse-feed: cannot read %s\n", path);
		return -1;
	}
	return 0;
}

static int usage_error(const char *msg)
{
	fprintf(stderr, "mouwatch: parse-feed: %s\nusage: mouwatch parse-feed [--base URL] [--timezone TZ] FILE|-\n", msg);
	return EXIT_USAGE;
}

static void print_warnings(const char *path, const struct feed *f, const struct feed_limits *lim)
{
	if (f->recovered)
		fprintf(stderr, "mouwatch: parse-feed: %s: warning: not well-formed XML; "
			"printed what could be recovered\n", path);
	if (f->truncated)
		fprintf(stderr, "mouwatch: parse-feed: %s: warning: more than %zu entries; "
			"the rest were dropped\n", path, lim->max_entries);
}

static int parse_and_print(const char *path, const char *base, const struct mw_tz *tz)
{
	struct feed_limits lim = { FEED_MAX_BYTES_DEFAULT, FEED_MAX_ENTRIES_DEFAULT, tz };
	struct strbuf data = STRBUF_INIT;
	struct feed *f = NULL;
	char *err = NULL;
	int rc = EXIT_FAIL;

	if (read_input(path, lim.max_bytes, &data) != 0)
		goto out;
	if (feed_parse(strbuf_str(&data), data.len, base, &lim, &f, &err) != 0) {
		fprintf(stderr, "mouwatch: parse-feed: %s: %s\n", path, err);
		goto out;
	}
	print_warnings(path, f, &lim);
	json_t *j = feed_to_json(f);
	if (json_dumpf(j, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER) == 0 && fputc('\n', stdout) != EOF
	    && fflush(stdout) == 0)
		rc = EXIT_OK;
	else
		fprintf(stderr, "mouwatch: parse-feed: cannot write the output: %s\n", strerror(errno));
	json_decref(j);
out:
	free(err);
	feed_free(f);
	strbuf_free(&data);
	return rc;
}

int cli_parse_feed(const struct cli_opts *opts, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "base", required_argument, NULL, 'b' },
		{ "timezone", required_argument, NULL, 'z' },
		{ NULL, 0, NULL, 0 },
	};
	const char *base = NULL;
	const struct mw_tz *tz = NULL;
	int c;

	(void)opts;
	while ((c = getopt_long(argc, argv, "b:z:", longopts, NULL)) != -1) {
		if (c == 'b') {
			base = optarg;
		} else if (c == 'z') {
			if ((tz = mw_tz_get(optarg)) == NULL) {
				fprintf(stderr, "mouwatch: parse-feed: --timezone %s: not a time zone the tz database "
					"(/usr/share/zoneinfo or $TZDIR) has; use a name such as Asia/Jakarta or UTC\n", optarg);
				return EXIT_USAGE;
			}
		} else {
			return usage_error("unknown option");
		}
	}
	if (optind + 1 != argc)
		return usage_error("expected exactly one FILE (or - for standard input)");
	return parse_and_print(argv[optind], base, tz);
}
