# workers/local.mk: mouwatch-worker. The extractor library is in extract.mk.
noinst_LIBRARIES += workers/libmwextract.a
workers_libmwextract_a_SOURCES =
workers_libmwextract_a_CFLAGS = $(AM_CFLAGS) $(MW_COMMON_CFLAGS)

sbin_PROGRAMS += workers/mouwatch-worker
workers_mouwatch_worker_SOURCES = workers/mouwatch-worker.c \
	workers/worker_queue.c workers/worker_queue.h \
	workers/worker.h workers/worker_process.c
workers_mouwatch_worker_CFLAGS = $(AM_CFLAGS) $(MW_COMMON_CFLAGS)
workers_mouwatch_worker_LDADD = workers/libmwextract.a $(MW_COMMON_LIBS)
