/* bench-parse.c: feed_parse() throughput. Parses one file RUNS+1 times in
 * process (the first run is the warm-up) and prints one JSON line per run:
 * seconds, entries and bytes. The whole file is read first, so only the
 * parser is timed. */
#include "bench_util.h"
#include "feed.h"

#include <stdio.h>
#include <stdlib.h>

static const char usage[] = "usage: bench-parse FILE RUNS\n";

int main(int argc, char **argv)
{
	if (argc != 3) {
		fputs(usage, stderr);
		return 2;
	}
	int runs = (int)bench_count(argv[2], 1000, usage);
	size_t len;
	char *data = bench_read_file(argv[1], &len);
	/* The benchmark files are larger than the daemon's default cap. */
	struct feed_limits lim = { len + 1, (size_t)1 << 30 };

	for (int run = 0; run <= runs; run++) {
		struct feed *f = NULL;
		char *err = NULL;
		double t0 = bench_now();
		if (feed_parse(data, len, "http://bench.example/feed", &lim, &f, &err) != 0) {
			fprintf(stderr, "bench-parse: %s is not a feed: %s\n", argv[1], err);
			free(err);
			free(data);
			return 1;
		}
		double t = bench_now() - t0;
		bench_report(run, "parse", t, f->n_entries, len);
		feed_free(f);
	}
	free(data);
	return 0;
}
