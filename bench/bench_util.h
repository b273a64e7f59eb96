/* bench_util.h: what the in-process benchmark helpers share: a monotonic
 * clock, reading a whole file, and the one-line JSON result of a run that
 * bench/bench.py reads ({"run": i, "warmup": b, "what": w, "seconds": s,
 * "items": n, "bytes": b}). */
#ifndef MW_BENCH_UTIL_H
#define MW_BENCH_UTIL_H

#include <stdbool.h>
#include <stddef.h>

/* Seconds on CLOCK_MONOTONIC. */
double bench_now(void);

/* Reads the whole file; *len gets its size. The caller frees the result.
 * Exits with a message naming the file when it cannot be read. */
char *bench_read_file(const char *path, size_t *len);

/* Prints one run's result line on stdout (run 0 is the warm-up); what names
 * the measured phase ("parse", "produce", ...). */
void bench_report(int run, const char *what, double seconds, size_t items, size_t bytes);

/* Parses a count 1..max from argv; exits with usage on garbage. */
long bench_count(const char *s, long max, const char *usage);

#endif
