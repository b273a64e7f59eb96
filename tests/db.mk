# tests/db.mk: unit tests of the SQLite store (engineer "db"). Each runs on
# real database files in a private temp dir; fixtures in tests/fixtures/db.
if HAVE_CMOCKA
MW_DB_TESTS = tests/unit/test_db_open tests/unit/test_db_feeds \
	tests/unit/test_db_articles tests/unit/test_db_agreements \
	tests/unit/test_db_reminders tests/unit/test_db_query tests/unit/test_db_outbox
check_PROGRAMS += $(MW_DB_TESTS)
TESTS += $(MW_DB_TESTS)
MW_DB_TEST_CFLAGS = $(MW_TEST_CFLAGS) -DMW_SRCDIR='"$(abs_top_srcdir)"'

tests_unit_test_db_open_SOURCES = tests/unit/test_db_open.c tests/unit/test_db_util.h
tests_unit_test_db_open_CFLAGS = $(MW_DB_TEST_CFLAGS)
tests_unit_test_db_open_LDADD = $(MW_TEST_LIBS)
tests_unit_test_db_feeds_SOURCES = tests/unit/test_db_feeds.c tests/unit/test_db_util.h
tests_unit_test_db_feeds_CFLAGS = $(MW_DB_TEST_CFLAGS)
tests_unit_test_db_feeds_LDADD = $(MW_TEST_LIBS)
tests_unit_test_db_articles_SOURCES = tests/unit/test_db_articles.c tests/unit/test_db_util.h
tests_unit_test_db_articles_CFLAGS = $(MW_DB_TEST_CFLAGS)
tests_unit_test_db_articles_LDADD = $(MW_TEST_LIBS)
tests_unit_test_db_agreements_SOURCES = tests/unit/test_db_agreements.c tests/unit/test_db_util.h
tests_unit_test_db_agreements_CFLAGS = $(MW_DB_TEST_CFLAGS)
tests_unit_test_db_agreements_LDADD = $(MW_TEST_LIBS)
tests_unit_test_db_reminders_SOURCES = tests/unit/test_db_reminders.c tests/unit/test_db_util.h
tests_unit_test_db_reminders_CFLAGS = $(MW_DB_TEST_CFLAGS)
tests_unit_test_db_reminders_LDADD = $(MW_TEST_LIBS)
tests_unit_test_db_query_SOURCES = tests/unit/test_db_query.c tests/unit/test_db_util.h
tests_unit_test_db_query_CFLAGS = $(MW_DB_TEST_CFLAGS)
tests_unit_test_db_query_LDADD = $(MW_TEST_LIBS)
tests_unit_test_db_outbox_SOURCES = tests/unit/test_db_outbox.c tests/unit/test_db_util.h
tests_unit_test_db_outbox_CFLAGS = $(MW_DB_TEST_CFLAGS)
tests_unit_test_db_outbox_LDADD = $(MW_TEST_LIBS)
# A full disk named as such (db_stmt.c).
check_PROGRAMS += tests/unit/test_db_full
TESTS += tests/unit/test_db_full
tests_unit_test_db_full_SOURCES = tests/unit/test_db_full.c tests/unit/test_db_util.h
tests_unit_test_db_full_CFLAGS = $(MW_DB_TEST_CFLAGS)
tests_unit_test_db_full_LDADD = $(MW_TEST_LIBS)
endif
EXTRA_DIST += docs/database.md
