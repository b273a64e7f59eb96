# tests/remind.mk: tests of reminders and their delivery: unit tests of the
# pure message parts, mw-smtpd (the SMTP sink; STARTTLS and implicit TLS
# through libssl + libevent_openssl), mw-remind-seed (stores an
# agreement through the real db path) and the integration test against
# mw-httpd and mw-smtpd.
check_PROGRAMS += tests/helpers/mw-smtpd tests/remind/mw-remind-seed
tests_helpers_mw_smtpd_SOURCES = tests/helpers/mw-smtpd.c
tests_helpers_mw_smtpd_CFLAGS = $(MW_TEST_CFLAGS) $(SSL_CFLAGS)
tests_helpers_mw_smtpd_LDADD = $(MW_TEST_LIBS) $(SSL_LIBS)
tests_remind_mw_remind_seed_SOURCES = tests/remind/seed.c
tests_remind_mw_remind_seed_CFLAGS = $(MW_TEST_CFLAGS)
tests_remind_mw_remind_seed_LDADD = $(MW_TEST_LIBS)

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test_remind_msg
TESTS += tests/unit/test_remind_msg
tests_unit_test_remind_msg_SOURCES = tests/unit/test_remind_msg.c $(MW_REMIND_PURE)
tests_unit_test_remind_msg_CFLAGS = $(MW_TEST_CFLAGS)
tests_unit_test_remind_msg_LDADD = $(MW_TEST_LIBS)
endif

TESTS += tests/integration/test_remind.sh
EXTRA_DIST += tests/helpers/smtpd.sh tests/remind/check_hooks.py tests/remind/check_mail.py
TESTS += tests/integration/test_remind_ops.sh
TESTS += tests/integration/test_remind_tls.sh
TESTS += tests/integration/test_remind_digest.sh
TESTS += tests/integration/test_remind_held.sh
