# tests/local.mk: the test suite. Every test speaks TAP, so that each case
# (not each program) is counted; unit tests are cmocka programs (one group
# each), integration tests are shell scripts using tests/lib.sh.
TEST_EXTENSIONS = .sh
LOG_DRIVER = env AM_TAP_AWK='$(AWK)' $(SHELL) $(top_srcdir)/build-aux/tap-driver.sh
SH_LOG_DRIVER = $(LOG_DRIVER)
SH_LOG_COMPILER = $(SHELL)
AM_TESTS_ENVIRONMENT = \
	CMOCKA_MESSAGE_OUTPUT=TAP; export CMOCKA_MESSAGE_OUTPUT; \
	top_srcdir='$(abs_top_srcdir)'; export top_srcdir; \
	top_builddir='$(abs_top_builddir)'; export top_builddir; \
	REDIS_SERVER='$(REDIS_SERVER)'; export REDIS_SERVER;
EXTRA_DIST += build-aux/tap-driver.sh tests/lib.sh tests/fixtures tests/integration

MW_TEST_CFLAGS = $(AM_CFLAGS) $(MW_COMMON_CFLAGS) $(CMOCKA_CFLAGS)
MW_TEST_LIBS = $(MW_COMMON_LIBS) $(CMOCKA_LIBS)

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_strbuf
TESTS += tests/unit/test_strbuf
tests_unit_test_strbuf_SOURCES = tests/unit/test_strbuf.c
tests_unit_test_strbuf_CFLAGS = $(MW_TEST_CFLAGS)
tests_unit_test_strbuf_LDADD = $(MW_TEST_LIBS)
endif

include tests/unit/local.mk
include tests/helpers/local.mk
include tests/integration/local.mk
