# daemon/local.mk: mouwatchd (the daemon) and mouwatch (the operator CLI).
sbin_PROGRAMS += daemon/mouwatchd
bin_PROGRAMS += daemon/mouwatch

daemon_mouwatchd_SOURCES = daemon/mouwatchd.c \
	daemon/redis_embedded.c daemon/redis_embedded.h \
	daemon/supervise.c daemon/supervise.h
daemon_mouwatchd_CFLAGS = $(AM_CFLAGS) $(MW_COMMON_CFLAGS)
daemon_mouwatchd_LDADD = $(MW_COMMON_LIBS)

daemon_mouwatch_SOURCES = daemon/mouwatch.c daemon/cli.h \
	daemon/cli_parse_feed.c daemon/cli_extract.c daemon/cli_check_config.c
daemon_mouwatch_CFLAGS = $(AM_CFLAGS) $(MW_COMMON_CFLAGS)
daemon_mouwatch_LDADD = workers/libmwextract.a $(MW_COMMON_LIBS)
