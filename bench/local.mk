# bench/local.mk: `make bench` — the benchmarks of docs/performance.md.
# The in-process helpers are check programs: `make check` builds them for
# the smoke test (tests/bench.mk), `make bench` builds them and runs
# bench/bench.py, which writes bench/results/*.json here and prints the table.
BENCH_HELPERS = bench/bench-parse bench/bench-extract bench/bench-queue bench/bench-control
check_PROGRAMS += $(BENCH_HELPERS)
EXTRA_DIST += bench/bench.py bench/gen-data.py bench/poll-once.sh bench/gen-feeds.py bench/outbox-check.sh

BENCH_UTIL = bench/bench_util.c bench/bench_util.h
bench_bench_parse_SOURCES = bench/bench-parse.c $(BENCH_UTIL)
bench_bench_parse_CFLAGS = $(AM_CFLAGS) $(MW_COMMON_CFLAGS)
bench_bench_parse_LDADD = $(MW_COMMON_LIBS)
bench_bench_extract_SOURCES = bench/bench-extract.c $(BENCH_UTIL)
bench_bench_extract_CFLAGS = $(AM_CFLAGS) $(MW_COMMON_CFLAGS)
bench_bench_extract_LDADD = workers/libmwextract.a $(MW_COMMON_LIBS)
bench_bench_queue_SOURCES = bench/bench-queue.c $(BENCH_UTIL) \
	workers/worker_queue.c workers/worker_queue.h
bench_bench_queue_CFLAGS = $(AM_CFLAGS) $(MW_COMMON_CFLAGS)
bench_bench_queue_LDADD = $(MW_COMMON_LIBS)

# BENCH_ARGS passes options to bench.py, e.g. BENCH_ARGS='--only parse --runs 5'.
BENCH_ENV = top_srcdir='$(abs_top_srcdir)' top_builddir='$(abs_top_builddir)' \
	REDIS_SERVER='$(REDIS_SERVER)'
bench: all $(BENCH_HELPERS) tests/helpers/mw-httpd
	$(BENCH_ENV) $(PYTHON3) $(srcdir)/bench/bench.py --out bench/results $(BENCH_ARGS)
.PHONY: bench
PYTHON3 = python3
clean-local: clean-bench
clean-bench:
	rm -rf bench/results
.PHONY: clean-bench
bench_bench_control_SOURCES = bench/bench-control.c $(BENCH_UTIL)
bench_bench_control_CFLAGS = $(AM_CFLAGS) $(MW_COMMON_CFLAGS)
bench_bench_control_LDADD = $(MW_COMMON_LIBS)
