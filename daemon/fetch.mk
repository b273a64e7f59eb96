# daemon/fetch.mk: libmwfetch.a, the non-blocking HTTP engine (libcurl multi
# on libevent) the daemon's poller and reminder delivery use.
noinst_LIBRARIES += daemon/libmwfetch.a
daemon_libmwfetch_a_SOURCES = \
	daemon/fetch.h daemon/fetch_private.h \
	daemon/fetch.c daemon/fetch_loop.c daemon/fetch_policy.c \
	daemon/fetch_xfer.c daemon/fetch_easy.c daemon/fetch_headers.c \
	daemon/fetch_guard.c daemon/fetch_origin.c daemon/fetch_error.c \
	daemon/fetch_settings.c
daemon_libmwfetch_a_CFLAGS = $(AM_CFLAGS) $(MW_COMMON_CFLAGS)
