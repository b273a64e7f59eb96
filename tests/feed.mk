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
endif
