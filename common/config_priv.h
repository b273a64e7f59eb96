/* config_priv.h: what the config_*.c files share and nobody else needs:
 * the key table's types, the value parsers, and the loading context
 * (line numbers of every section and key, the error list). */
#ifndef MW_CONFIG_PRIV_H
#define MW_CONFIG_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "mwconfig.h"
#include "strbuf.h"

enum section_type { SEC_DAEMON, SEC_REMINDERS, SEC_FEED, SEC_CHANNEL, N_SECTION_TYPES };

/* How a value is parsed; one parser per kind (config_values.c). */
enum value_kind {
	V_STRING,         /* free text without spaces */
	V_PATH,           /* file system path; relative to the config's dir */
	V_URL,            /* URL with a scheme from key_def.schemes */
	V_BOOL,
	V_TRISTATE,       /* yes, no or inherit */
	V_INT,            /* integer in [min, max] */
	V_RATE,           /* decimal number > 0 and <= max */
	V_DURATION,       /* duration in [min, max] seconds */
	V_SIZE,           /* byte size in [min, max] */
	V_INTERVAL,       /* duration or 'auto' (feed) */
	V_LOG_LEVEL,
	V_LANGUAGE,       /* id, ms, en */
	V_REDIS,
	V_DAYS_LIST,      /* "90,30,7": distinct positive ints, sorted descending */
	V_DURATION_LIST,  /* "5s,5m,2h": in the order written */
	V_DIGEST,         /* "daily HH:MM" */
	V_TIMEZONE,
	V_CHANNEL_TYPE,   /* webhook, email */
	V_SECRET,         /* whsec_ + base64 */
	V_EMAIL,
	V_EMAIL_LIST,
	V_MATCH,
	V_GROUP,          /* Unix group name */
	N_VALUE_KINDS
};

enum key_flags {
	KEY_REQUIRED = 1 << 0,  /* an error when missing */
	KEY_EMPTY_OK = 1 << 1,  /* "key =" means none / the behaviour documented */
	KEY_WEBHOOK = 1 << 2,   /* channel keys: which channel types take it */
	KEY_EMAIL = 1 << 3,
};

struct key_def {
	enum section_type section;
	const char *name;
	enum value_kind kind;
	size_t offset;          /* of the field in the section's struct */
	size_t count_offset;    /* lists: of the size_t count */
	const char *def;        /* default, as it would be written; NULL: none */
	long long min, max;     /* numbers, durations, sizes */
	unsigned flags;
	const char *schemes;    /* V_URL: allowed schemes, space-separated */
};

extern const struct key_def config_keys[];
extern const size_t config_n_keys;
#define CONFIG_MAX_KEYS 64  /* bound of config_n_keys, for per-section arrays */
#define CONFIG_KEY_NAME_MAX 64  /* longer names are unknown keys anyway */

const char *config_section_label(enum section_type t);  /* "[feed NAME]" */

/* config_line.c: s ('key = value', no newline) split as libinih would;
 * false when it has no '=' or ':' before any comment. Caller frees both. */
bool config_split_line(const char *s, char **name, char **value);

/* config_shown.c: value as an error may quote it (NULL: not at all, a
 * secret; a URL without userinfo, query and fragment). Caller frees. */
char *config_value_shown(enum value_kind kind, const char *value);

/* The name index of feeds (config.c): call after feeds[i] got its name. */
void config_index_feed(struct mw_config *cfg, size_t i);

/* Where each key of one section was set; 0 = not set. */
struct section_lines {
	int header;
	int key[CONFIG_MAX_KEYS];
	bool failed[CONFIG_MAX_KEYS];  /* set, but the value was refused */
};

enum cur_section { CUR_NONE = -2, CUR_INVALID = -1 };

/* Longest line read (libinih's own buffer is 200 bytes: longer key lines
 * are split by config_split_line). */
#define CONFIG_MAX_LINE 8192

struct load_ctx {
	struct mw_config *cfg;
	const char *name;         /* file name for messages */
	char *base_dir;           /* for relative paths; owned */
	/* input: a FILE or a string */
	FILE *file;
	const char *text;
	char *linebuf;            /* getline() buffer; owned */
	size_t linecap;
	int line;                 /* number of the line being parsed */
	bool line_indented;
	/* the section being read: type, and index for feeds and channels */
	int cur_type;             /* enum section_type, CUR_NONE or CUR_INVALID */
	size_t cur_index;
	bool key_in_section;      /* a key line was seen since the header */
	char last_key[64];
	struct section_lines daemon, reminders;
	struct section_lines *feed_lines, *channel_lines;  /* parallel arrays */
	/* errors, sorted by line when loading ends */
	struct strbuf *errors;
	struct config_msg *msgs;
	int n_errors;
	bool stop;                /* too many errors: stop reading */
};

struct config_msg {
	int line;                 /* 0: about the whole file */
	int seq;                  /* order of discovery, for a stable sort */
	char *text;               /* owned */
};

void config_error(struct load_ctx *ctx, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Parses value for key k into field (the struct member at k->offset of the
 * section's struct; base is that struct). On failure appends a phrase
 * starting with a verb ("has no unit; ...") to why. */
bool config_parse_value(struct load_ctx *ctx, const struct key_def *k,
			const char *value, void *base, struct strbuf *why);
/* Releases what a value of this kind owns in base. */
void config_release_value(const struct key_def *k, void *base);

/* Resolves path against ctx->base_dir when relative; returns a new string. */
char *config_resolve_path(const struct load_ctx *ctx, const char *path);

/* config_check.c: defaults, derived values and checks across keys, run
 * once the whole file has been read. */
void config_finish(struct load_ctx *ctx);

/* The struct a section's keys write into. */
void *config_section_base(struct mw_config *cfg, enum section_type t, size_t index);

/* Splits a comma-separated list into trimmed items (owned by the caller,
 * free with config_free_list); false with why on an empty item. */
bool config_split_list(const char *s, char ***items, size_t *n, struct strbuf *why);
void config_free_list(char **items, size_t n);

#endif
