# common/feed.mk: the feed reader (RSS, RDF, Atom, JSON Feed) in libmwcommon.
FEED_SOURCES = \
	common/feed.h common/feed_internal.h \
	common/feed_parse.c common/feed_model.c common/feed_json_out.c \
	common/feed_xml.c common/feed_xml.h common/feed_xml_rules.c \
	common/feed_json.c common/feed_url.c \
	common/feed_text.c common/feed_text.h \
	common/feed_entities.c common/feed_entities.h common/feed_entities_table.c \
	common/feed_xml_refs.c common/feed_xml_refs.h \
	common/feed_encoding.c common/feed_encoding.h \
	common/utf8.c common/utf8.h \
	common/feed_date.c common/feed_date.h common/tz.c common/tz.h
common_libmwcommon_a_SOURCES += $(FEED_SOURCES)
