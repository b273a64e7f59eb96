# tests/fetch.mk: the tests of the fetch engine (daemon/libmwfetch.a): unit
# tests of its pure parts, and fetch-run, a driver the integration test
# runs against mw-httpd over loopback.
MW_FETCH_TEST_LIBS = daemon/libmwfetch.a $(MW_TEST_LIBS)

check_PROGRAMS += tests/fetch/fetch-run
tests_fetch_fetch_run_SOURCES = tests/fetch/fetch-run.c
tests_fetch_fetch_run_CFLAGS = $(MW_TEST_CFLAGS)
tests_fetch_fetch_run_LDADD = $(MW_FETCH_TEST_LIBS)

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_fetch_guard tests/unit/test_fetch_headers \
	tests/unit/test_fetch_policy
TESTS += tests/unit/test_fetch_guard tests/unit/test_fetch_headers \
	tests/unit/test_fetch_policy
tests_unit_test_fetch_guard_SOURCES = tests/unit/test_fetch_guard.c
tests_unit_test_fetch_guard_CFLAGS = $(MW_TEST_CFLAGS)
tests_unit_test_fetch_guard_LDADD = $(MW_FETCH_TEST_LIBS)
tests_unit_test_fetch_headers_SOURCES = tests/unit/test_fetch_headers.c
tests_unit_test_fetch_headers_CFLAGS = $(MW_TEST_CFLAGS)
tests_unit_test_fetch_headers_LDADD = $(MW_FETCH_TEST_LIBS)
tests_unit_test_fetch_policy_SOURCES = tests/unit/test_fetch_policy.c
tests_unit_test_fetch_policy_CFLAGS = $(MW_TEST_CFLAGS)
tests_unit_test_fetch_policy_LDADD = $(MW_FETCH_TEST_LIBS)
endif

TESTS += tests/integration/test_fetch.sh
