/* bench_util.c: clock, file reading and result lines of the benchmark
 * helpers (see bench_util.h). */
#include "bench_util.h"
#include "xalloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

double bench_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Prints the message and exits 1: bad input of a helper is not a bug. */
static void die(const char *what, const char *path)
{
	fprintf(stderr, "%s %s: %s; generate it with bench/gen-data.py\n", what, path, strerror(errno));
	exit(1);
}

char *bench_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		die("cannot open", path);
	size_t cap = 1 << 20, n = 0;
	char *buf = xmalloc(cap);
	size_t got;
	while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap)
			buf = xrealloc(buf, cap *= 2);
	}
	if (ferror(f))
		die("cannot read", path);
	fclose(f);
	buf[n] = '\0'; /* n < cap: the loop grows a full buffer */
	*len = n;
	return buf;
}

void bench_report(int run, const char *what, double seconds, size_t items, size_t bytes)
{
	printf("{\"run\": %d, \"warmup\": %s, \"what\": \"%s\", \"seconds\": %.6f,"
	       " \"items\": %zu, \"bytes\": %zu}\n",
	       run, run == 0 ? "true" : "false", what, seconds, items, bytes);
	fflush(stdout);
}

long bench_count(const char *s, long max, const char *usage)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 1 || v > max) {
		fprintf(stderr, "bad count '%s' (1..%ld)\n%s", s, max, usage);
		exit(2);
	}
	return v;
}
