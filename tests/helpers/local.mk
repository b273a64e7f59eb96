# tests/helpers/local.mk: the servers the tests run against — mw-httpd (the
# local HTTP test server) and the shell helpers sourced by tests/lib.sh
# (redis.sh, httpd.sh) — and the test of those helpers themselves.
check_PROGRAMS += tests/helpers/mw-httpd
tests_helpers_mw_httpd_SOURCES = tests/helpers/mw-httpd.c tests/helpers/httpd.h \
	tests/helpers/httpd_files.c tests/helpers/httpd_routes.c \
	tests/helpers/httpd_stream.c tests/helpers/httpd_deflate.c \
	tests/helpers/httpd_log.c
tests_helpers_mw_httpd_CFLAGS = $(MW_TEST_CFLAGS) $(ZLIB_CFLAGS)
tests_helpers_mw_httpd_LDADD = $(MW_TEST_LIBS) $(ZLIB_LIBS)

TESTS += tests/integration/test_helpers.sh
EXTRA_DIST += tests/helpers/redis.sh tests/helpers/httpd.sh tests/helpers/proc.sh \
	tests/helpers/README.md
