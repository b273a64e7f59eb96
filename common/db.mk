# common/db.mk: the SQLite store (engineer "db"); see docs/database.md.
common_libmwcommon_a_SOURCES += \
	common/db.h common/db_internal.h \
	common/db_open.c common/db_lock.c common/db_stmt.c common/db_schema.c common/db_text.c \
	common/db_feeds.c common/db_articles.c common/db_parties.c \
	common/db_agreements.c common/db_reminders.c common/db_deliveries.c \
	common/db_query_agreements.c common/db_query_misc.c
