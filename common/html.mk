# common/html.mk: the HTML main-text extractor (html_text.h) in libmwcommon.
common_libmwcommon_a_SOURCES += \
	common/html_text.c common/html_text.h common/html_text_int.h \
	common/html_text_charset.c common/html_text_rules.c \
	common/html_text_meta.c common/html_text_clean.c \
	common/html_text_score.c common/html_text_render.c
