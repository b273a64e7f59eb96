# tests/feed.mk: tests of the feed reader (fixtures, limits, unit tests of
# the date and text code) and the `make fuzz` rule.
TESTS += tests/integration/feed_fixtures.sh tests/integration/feed_limits.sh
EXTRA_DIST += tests/integration/feed_fixtures.sh tests/integration/feed_limits.sh

if HAVE_CMOCKA
FEED_UNIT_TESTS = tests/unit/test_feed_date tests/unit/test_feed_text tests/unit/test_feed_api
check_PROGRAMS += $(FEED_UNIT_TESTS)
TESTS += $(FEED_UNIT_TESTS)
tests_unit_test_feed_date_SOURCES = tests/unit/test_feed_date.c
tests_unit_test_feed_date_CFLAGS = $(MW_TEST_CFLAGS)
tests_unit_test_feed_date_LDADD = $(MW_TEST_LIBS)
tests_unit_test_feed_text_SOURCES = tests/unit/test_feed_text.c
tests_unit_test_feed_text_CFLAGS = $(MW_TEST_CFLAGS)
tests_unit_test_feed_text_LDADD = $(MW_TEST_LIBS)
tests_unit_test_feed_api_SOURCES = tests/unit/test_feed_api.c
tests_unit_test_feed_api_CFLAGS = $(MW_TEST_CFLAGS)
tests_unit_test_feed_api_LDADD = $(MW_TEST_LIBS)
# The UTF-8 decoder the feed, HTML and extract code share (common/utf8.h).
check_PROGRAMS += tests/unit/test_utf8
TESTS += tests/unit/test_utf8
tests_unit_test_utf8_SOURCES = tests/unit/test_utf8.c
tests_unit_test_utf8_CFLAGS = $(MW_TEST_CFLAGS)
tests_unit_test_utf8_LDADD = $(MW_TEST_LIBS)
endif

# make fuzz [FUZZ_SECONDS=60]: builds every FUZZ_TARGETS entry T from T.c
# plus the .c files of FUZZ_SRCS with clang's libFuzzer, ASan and UBSan, then runs it
# for FUZZ_SECONDS with a fresh corpus dir (T.corpus, in the build tree)
# and the seed dirs listed in $(srcdir)/T.seeds (one per line, relative to
# the source tree; never written to). Adding a target is one line here:
# FUZZ_TARGETS += tests/fuzz/fuzz_NAME (and FUZZ_SRCS += its sources).
FUZZ_TARGETS = tests/fuzz/fuzz_feed
FUZZ_SRCS = $(FEED_SOURCES) common/xalloc.c common/log.c common/strbuf.c common/civil.c
FUZZ_SECONDS = 60
# Extra libFuzzer flags, e.g. FUZZ_ARGS=-seed=1 for a run that repeats.
FUZZ_ARGS =
FUZZ_CFLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
FUZZ_LIBS = $(LIBEVENT_LIBS) $(HIREDIS_LIBS) $(SQLITE_LIBS) $(CURL_LIBS) \
	$(XML2_LIBS) $(JANSSON_LIBS) $(INIH_LIBS) $(CRYPTO_LIBS) $(PCRE2_LIBS) \
	$(SYSTEMD_LIBS) -lm
CLEANFILES += $(FUZZ_TARGETS)
EXTRA_DIST += tests/fuzz

if HAVE_CLANG
fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
	  srcs=; for s in $(FUZZ_SRCS); do case $$s in *.c) srcs="$$srcs $(srcdir)/$$s";; esac; done; \
	  echo "  FUZZ-CC  $$t"; mkdir -p tests/fuzz "$$t.corpus"; \
	  $(CLANG) $(FUZZ_CFLAGS) -std=c11 $(DEFS) $(DEFAULT_INCLUDES) $(AM_CPPFLAGS) \
	    $(MW_COMMON_CFLAGS) -o "$$t" "$(srcdir)/$$t.c" $$srcs $(FUZZ_LIBS); \
	  seeds=; if test -f "$(srcdir)/$$t.seeds"; then \
	    for d in `cat "$(srcdir)/$$t.seeds"`; do seeds="$$seeds $(srcdir)/$$d"; done; fi; \
	  echo "  FUZZ     $$t for $(FUZZ_SECONDS) s"; \
	  "./$$t" -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 $(FUZZ_ARGS) "$$t.corpus" $$seeds; \
	done
else
fuzz:
	@echo "make fuzz: clang was not found by configure; install the Debian package 'clang' and re-run configure" >&2; exit 1
endif
.PHONY: fuzz
