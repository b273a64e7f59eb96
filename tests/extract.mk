# tests/extract.mk: tests of the agreement extractor and 'mouwatch extract'.
TESTS += tests/extract-fixtures.sh tests/extract-cli.sh
EXTRA_DIST += tests/extract-fixtures.sh tests/extract-cli.sh

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_extract_date tests/unit/test_extract_words
TESTS += tests/unit/test_extract_date tests/unit/test_extract_words
tests_unit_test_extract_date_SOURCES = tests/unit/test_extract_date.c
tests_unit_test_extract_date_CFLAGS = $(MW_TEST_CFLAGS)
tests_unit_test_extract_date_LDADD = workers/libmwextract.a $(MW_TEST_LIBS)
tests_unit_test_extract_words_SOURCES = tests/unit/test_extract_words.c
tests_unit_test_extract_words_CFLAGS = $(MW_TEST_CFLAGS)
tests_unit_test_extract_words_LDADD = workers/libmwextract.a $(MW_TEST_LIBS)
endif
