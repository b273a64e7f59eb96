# common/local.mk: libmwcommon.a, the code the daemon, the workers and the CLI share.
noinst_LIBRARIES += common/libmwcommon.a
common_libmwcommon_a_SOURCES = \
	common/xalloc.c common/xalloc.h \
	common/log.c common/log.h \
	common/strbuf.c common/strbuf.h \
	common/redis_conn.c common/redis_conn.h common/queue.h \
	common/notify.c common/notify.h common/civil.c common/civil.h \
	common/db_outbox.c common/db_outbox.h \
	common/heap.c common/heap.h

# Every program links the shared code and all the libraries it may use.
MW_COMMON_CFLAGS = $(LIBEVENT_CFLAGS) $(HIREDIS_CFLAGS) $(SQLITE_CFLAGS) \
	$(CURL_CFLAGS) $(XML2_CFLAGS) $(JANSSON_CFLAGS) $(INIH_CFLAGS) \
	$(CRYPTO_CFLAGS) $(PCRE2_CFLAGS) $(SYSTEMD_CFLAGS)
MW_COMMON_LIBS = common/libmwcommon.a $(LIBEVENT_LIBS) $(HIREDIS_LIBS) \
	$(SQLITE_LIBS) $(CURL_LIBS) $(XML2_LIBS) $(JANSSON_LIBS) $(INIH_LIBS) \
	$(CRYPTO_LIBS) $(PCRE2_LIBS) $(SYSTEMD_LIBS) -lm
common_libmwcommon_a_CFLAGS = $(AM_CFLAGS) $(MW_COMMON_CFLAGS)
