# tests/config.mk: tests of the configuration file: unit tests of the
# parsers and the loader, and check-config over tests/fixtures/config.
if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_config_values tests/unit/test_config_load
TESTS += tests/unit/test_config_values tests/unit/test_config_load
tests_unit_test_config_values_SOURCES = tests/unit/test_config_values.c
tests_unit_test_config_values_CFLAGS = $(MW_TEST_CFLAGS)
tests_unit_test_config_values_LDADD = $(MW_TEST_LIBS)
tests_unit_test_config_load_SOURCES = tests/unit/test_config_load.c
tests_unit_test_config_load_CFLAGS = $(MW_TEST_CFLAGS)
tests_unit_test_config_load_LDADD = $(MW_TEST_LIBS)
endif
TESTS += tests/integration/test_config.sh
EXTRA_DIST += tests/integration/test_config.sh
