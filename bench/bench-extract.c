/* bench-extract.c: mw_extract() throughput on one core. Reads a corpus of
 * articles (each ends with a line holding only a form feed, as
 * bench/gen-data.py writes them), extracts every article RUNS+1 times (the
 * first pass is the warm-up) and prints one JSON line per pass: seconds,
 * articles, bytes; on stderr, how many were agreements. */
#include "bench_util.h"
#include "extract.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] = "usage: bench-extract CORPUS RUNS\n";

struct article { const char *text; size_t len; };

/* Splits data in place at "\n\f\n"; the array is the caller's to free. */
static struct article *split(char *data, size_t len, size_t *n)
{
	size_t cap = 1024, k = 0;
	struct article *v = xmalloc(cap * sizeof *v);
	char *p = data, *end = data + len;
	while (p < end) {
		char *sep = memmem(p, (size_t)(end - p), "\n\f\n", 3);
		char *stop = sep ? sep : end;
		if (stop > p) {
			if (k == cap)
				v = xrealloc(v, (cap *= 2) * sizeof *v);
			v[k++] = (struct article){ p, (size_t)(stop - p) };
		}
		p = sep ? sep + 3 : end;
	}
	*n = k;
	return v;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fputs(usage, stderr);
		return 2;
	}
	int runs = (int)bench_count(argv[2], 1000, usage);
	size_t len, n;
	char *data = bench_read_file(argv[1], &len);
	struct article *v = split(data, len, &n);
	if (n == 0) {
		fprintf(stderr, "bench-extract: %s holds no article\n", argv[1]);
		return 1;
	}
	struct mw_extract_opts opts = { .published = { 2025, 11, 30 } };

	for (int run = 0; run <= runs; run++) {
		size_t agreements = 0;
		double t0 = bench_now();
		for (size_t i = 0; i < n; i++) {
			json_t *rec = mw_extract(v[i].text, v[i].len, &opts);
			agreements += json_is_true(json_object_get(rec, "agreement"));
			json_decref(rec);
		}
		bench_report(run, "extract", bench_now() - t0, n, len);
		if (run == 0)
			fprintf(stderr, "bench-extract: %zu articles, %zu agreements\n", n, agreements);
	}
	free(v);
	free(data);
	return 0;
}
