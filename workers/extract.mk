# workers/extract.mk: the agreement extractor library (owned by the extractor work).
workers_libmwextract_a_SOURCES += workers/extract.c workers/extract.h \
	workers/extract_int.h workers/extract_text.c workers/extract_lang.c \
	workers/extract_signing.c workers/extract_morph.c workers/extract_party.c workers/extract_alias.c \
	workers/extract_person.c workers/extract_signer.c workers/extract_select.c workers/extract_when.c \
	workers/extract_date.c workers/extract_duration.c workers/extract_program.c \
	workers/extract_event.c workers/extract_location.c workers/extract_record.c \
	workers/lexicon.c workers/lexicon_id.c workers/lexicon_ms.c \
	workers/lexicon_en.c workers/lexicon_common.c
