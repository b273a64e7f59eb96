# common/html.mk: the HTML main-text extractor (html_text.h) in libmwcommon.
# HTML_TEXT_SOURCES is also compiled into the fuzz target (tests/html.mk).
HTML_TEXT_SOURCES = common/html_text.c common/html_text_charset.c \
	common/html_text_rules.c common/html_text_meta.c common/html_text_clean.c \
	common/html_text_score.c common/html_text_render.c
common_libmwcommon_a_SOURCES += $(HTML_TEXT_SOURCES) \
	common/html_text.h common/html_text_int.h
