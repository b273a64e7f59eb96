# daemon/remind.mk: reminders and their delivery (webhook, e-mail) in
# mouwatchd, the engine hook for foreign transfers (SMTP), and the SQLite
# bookkeeping they need. Tests: tests/remind.mk.
daemon_libmwfetch_a_SOURCES += daemon/fetch_foreign.c daemon/fetch_foreign.h
common_libmwcommon_a_SOURCES += common/db_remind.c common/db_remind.h

# The pure parts (messages, signature, schedule, matching): also compiled
# into the unit tests.
MW_REMIND_PURE = daemon/remind_msg.h daemon/remind_sign.c daemon/remind_mime.c \
	daemon/remind_ics.c daemon/remind_mail.c daemon/remind_text.c \
	daemon/remind_retry.c daemon/remind_match.c

daemon_mouwatchd_SOURCES += $(MW_REMIND_PURE) \
	daemon/remind.h daemon/remind_int.h daemon/remind.c daemon/remind_outcome.c daemon/remind_held.c \
	daemon/remind_digest.c \
	daemon/deliver_webhook.c daemon/deliver_email.c
EXTRA_DIST += docs/reminders.md
