# workers/extract.mk: the agreement extractor library (owned by the extractor work).
workers_libmwextract_a_SOURCES += workers/extract.c workers/extract.h
