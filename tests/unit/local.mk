# tests/unit/local.mk: unit tests of the daemon's and workers' own logic.
if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_poll_schedule
TESTS += tests/unit/test_poll_schedule
tests_unit_test_poll_schedule_SOURCES = tests/unit/test_poll_schedule.c \
	daemon/poll_schedule.c daemon/host_pause.c
tests_unit_test_poll_schedule_CFLAGS = $(MW_TEST_CFLAGS)
tests_unit_test_poll_schedule_LDADD = $(MW_TEST_LIBS)
endif

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_db_group
TESTS += tests/unit/test_db_group
tests_unit_test_db_group_SOURCES = tests/unit/test_db_group.c tests/unit/test_db_util.h
tests_unit_test_db_group_CFLAGS = $(MW_DB_TEST_CFLAGS)
tests_unit_test_db_group_LDADD = $(MW_TEST_LIBS)
endif

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_heap
TESTS += tests/unit/test_heap
tests_unit_test_heap_SOURCES = tests/unit/test_heap.c
tests_unit_test_heap_CFLAGS = $(MW_TEST_CFLAGS)
tests_unit_test_heap_LDADD = $(MW_TEST_LIBS)
endif

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_parse_pool
TESTS += tests/unit/test_parse_pool
tests_unit_test_parse_pool_SOURCES = tests/unit/test_parse_pool.c daemon/poll_parse.c
tests_unit_test_parse_pool_CFLAGS = $(MW_TEST_CFLAGS)
tests_unit_test_parse_pool_LDADD = $(MW_TEST_LIBS)
endif
