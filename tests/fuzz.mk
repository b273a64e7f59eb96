# tests/fuzz.mk: the fuzz targets of the extractor, the date and duration
# parsers, the configuration parser and the control-socket request parser
# (engineer "fuzz"), for `make fuzz` (rule in tests/feed.mk), and the
# regression replay `make check` runs: every fuzz target is also built
# with the normal compiler and tests/fuzz/replay_main.c (a plain main()
# calling LLVMFuzzerTestOneInput once per file), and tests/fuzz/replay.sh
# runs each over the seed directories of its .seeds file, which include
# tests/fuzz/corpus/TARGET/ where the inputs of fixed findings are kept.
# A new regression case is a new file in that directory.
FUZZ_TARGETS += tests/fuzz/fuzz_extract tests/fuzz/fuzz_dates \
	tests/fuzz/fuzz_config tests/fuzz/fuzz_control
# What those need beyond FEED_SOURCES and HTML_TEXT_SOURCES. The control
# sources are not here: fuzz_control.c includes them (they need the
# daemon's symbols, which the other targets would then have to link).
FUZZ_SRCS += $(workers_libmwextract_a_SOURCES) \
	common/config.c common/config_load.c common/config_sections.c \
	common/config_keys.c common/config_values.c common/config_lists.c \
	common/config_url.c common/config_secret.c common/config_match.c \
	common/config_check.c common/config_line.c common/config_shown.c common/duration.c \
	common/db_open.c common/db_lock.c common/db_stmt.c common/db_schema.c common/db_text.c \
	common/db_feeds.c common/db_articles.c common/db_parties.c \
	common/db_agreements.c common/db_reminders.c common/db_deliveries.c \
	common/db_query_agreements.c common/db_query_misc.c \
	common/db_query_ops.c common/db_remind.c common/db_outbox.c
EXTRA_DIST += tests/fuzz.mk

# The replay programs, one per fuzz target (including the feed and HTML
# targets of tests/feed.mk and tests/html.mk).
FUZZ_REPLAYS = tests/fuzz/replay_feed tests/fuzz/replay_html_text \
	tests/fuzz/replay_extract tests/fuzz/replay_dates \
	tests/fuzz/replay_config tests/fuzz/replay_control
check_PROGRAMS += $(FUZZ_REPLAYS)
TESTS += tests/fuzz/replay.sh
FUZZ_REPLAY_CFLAGS = $(AM_CFLAGS) $(MW_COMMON_CFLAGS)
FUZZ_REPLAY_LIBS = workers/libmwextract.a $(MW_COMMON_LIBS)
tests_fuzz_replay_feed_SOURCES = tests/fuzz/fuzz_feed.c tests/fuzz/replay_main.c
tests_fuzz_replay_feed_CFLAGS = $(FUZZ_REPLAY_CFLAGS)
tests_fuzz_replay_feed_LDADD = $(FUZZ_REPLAY_LIBS)
tests_fuzz_replay_html_text_SOURCES = tests/fuzz/fuzz_html_text.c tests/fuzz/replay_main.c
tests_fuzz_replay_html_text_CFLAGS = $(FUZZ_REPLAY_CFLAGS)
tests_fuzz_replay_html_text_LDADD = $(FUZZ_REPLAY_LIBS)
tests_fuzz_replay_extract_SOURCES = tests/fuzz/fuzz_extract.c tests/fuzz/replay_main.c \
	tests/fuzz/fuzz_util.h
tests_fuzz_replay_extract_CFLAGS = $(FUZZ_REPLAY_CFLAGS)
tests_fuzz_replay_extract_LDADD = $(FUZZ_REPLAY_LIBS)
tests_fuzz_replay_dates_SOURCES = tests/fuzz/fuzz_dates.c tests/fuzz/replay_main.c \
	tests/fuzz/fuzz_util.h
tests_fuzz_replay_dates_CFLAGS = $(FUZZ_REPLAY_CFLAGS)
tests_fuzz_replay_dates_LDADD = $(FUZZ_REPLAY_LIBS)
tests_fuzz_replay_config_SOURCES = tests/fuzz/fuzz_config.c tests/fuzz/replay_main.c \
	tests/fuzz/fuzz_util.h
tests_fuzz_replay_config_CFLAGS = $(FUZZ_REPLAY_CFLAGS)
tests_fuzz_replay_config_LDADD = $(FUZZ_REPLAY_LIBS)
tests_fuzz_replay_control_SOURCES = tests/fuzz/fuzz_control.c tests/fuzz/replay_main.c \
	tests/fuzz/fuzz_util.h
tests_fuzz_replay_control_CFLAGS = $(FUZZ_REPLAY_CFLAGS)
tests_fuzz_replay_control_LDADD = $(FUZZ_REPLAY_LIBS)
