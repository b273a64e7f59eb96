# tests/html.mk: tests of the HTML main-text extractor. Each page in
# tests/fixtures/html/NAME.html is compared with NAME.expected.txt.
if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_html_text
TESTS += tests/unit/test_html_text
tests_unit_test_html_text_SOURCES = tests/unit/test_html_text.c
tests_unit_test_html_text_CFLAGS = $(MW_TEST_CFLAGS)
tests_unit_test_html_text_LDADD = $(MW_TEST_LIBS)
endif

# make fuzz: the extractor under libFuzzer (rule in tests/feed.mk), seeded
# with the fixture pages (tests/fuzz/fuzz_html_text.seeds).
FUZZ_TARGETS += tests/fuzz/fuzz_html_text
FUZZ_SRCS += $(HTML_TEXT_SOURCES)
