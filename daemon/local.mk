# daemon/local.mk: mouwatchd (the daemon) and mouwatch (the operator CLI).
sbin_PROGRAMS += daemon/mouwatchd
bin_PROGRAMS += daemon/mouwatch

daemon_mouwatchd_SOURCES = daemon/mouwatchd.c \
	daemon/redis_embedded.c daemon/redis_embedded.h \
	daemon/supervise.c daemon/supervise.h daemon/daemon.h \
	daemon/poll.c daemon/poll.h daemon/poll_internal.h daemon/poll_result.c \
	daemon/poll_schedule.c daemon/poll_schedule.h daemon/host_pause.c daemon/host_pause.h \
	daemon/article_fetch.c daemon/article_fetch.h daemon/outbox.c daemon/outbox.h \
	daemon/outbox_check.c daemon/outbox_check.h \
	daemon/once.c daemon/once.h daemon/instance_lock.c daemon/instance_lock.h \
	daemon/db_watch.c daemon/db_watch.h
daemon_mouwatchd_CFLAGS = $(AM_CFLAGS) $(MW_COMMON_CFLAGS)
daemon_mouwatchd_LDADD = daemon/libmwfetch.a $(MW_COMMON_LIBS)

daemon_mouwatch_SOURCES = daemon/mouwatch.c daemon/cli.h \
	daemon/cli_parse_feed.c daemon/cli_extract.c daemon/cli_check_config.c
daemon_mouwatch_CFLAGS = $(AM_CFLAGS) $(MW_COMMON_CFLAGS)
daemon_mouwatch_LDADD = workers/libmwextract.a $(MW_COMMON_LIBS)
daemon_mouwatchd_SOURCES += daemon/poll_parse.c daemon/poll_parse.h
