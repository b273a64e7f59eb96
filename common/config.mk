# common/config.mk: the configuration file: loading (libinih), the key
# table, value parsers, checks; durations and sizes.
common_libmwcommon_a_SOURCES += \
	common/mwconfig.h common/config_priv.h common/config_values.h \
	common/config_sections.h \
	common/config.c common/config_load.c common/config_sections.c \
	common/config_keys.c common/config_values.c common/config_lists.c \
	common/config_url.c common/config_secret.c common/config_match.c \
	common/config_check.c common/config_shown.c common/config_line.c \
	common/duration.c common/duration.h
