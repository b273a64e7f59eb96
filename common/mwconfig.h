/* mwconfig.h: the parsed configuration file (SPEC.md "Configuration file")
 * and the functions that load, validate and free it.
 *
 * (Named mwconfig.h, not config.h: the build's generated config.h, with
 * PACKAGE_VERSION and HAVE_*, is found by '#include "config.h"' through
 * -I$(top_builddir), and a common/config.h would shadow it.)
 *
 * Ownership: config_load*() returns a struct mw_config the caller frees
 * with config_free(). Every string and array reachable from it is owned by
 * it; readers borrow pointers for as long as the config lives. A reload
 * builds a new struct and frees the old one when nobody uses it any more.
 *
 * All durations are in seconds, all sizes in bytes. Relative paths in the
 * file (state_dir, database, socket, password_file, and 'file:' feed URLs
 * without '//') are resolved against the directory of the config file and
 * stored absolute; see config/mouwatch.conf.example. */
#ifndef MW_MWCONFIG_H
#define MW_MWCONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "strbuf.h"

/* The default file; MOUWATCH_CONFIG in the environment overrides it. */
#define MW_CONFIG_DEFAULT_PATH SYSCONFDIR "/mouwatch/mouwatch.conf"
/* At most this many errors are reported; then loading stops. */
#define MW_CONFIG_MAX_ERRORS 50

/* [daemon] redis: where the article stream lives. */
enum mw_redis_kind {
	MW_REDIS_EMBEDDED,  /* empty value: mouwatchd starts its own redis-server */
	MW_REDIS_TCP,       /* redis://[[user]:password@]host[:port][/db] */
	MW_REDIS_UNIX,      /* unix:/path[?db=N] */
};

struct mw_redis_addr {
	enum mw_redis_kind kind;
	char *host;         /* TCP only, else NULL */
	int port;           /* TCP only; 6379 when not given */
	char *path;         /* UNIX only, else NULL */
	int db;             /* database number, 0 when not given */
	char *username;     /* NULL when not given (Redis 6 ACL user) */
	char *password;     /* NULL when not given; URL-decoded */
};

struct mw_daemon_config {
	char *state_dir;               /* default LOCALSTATEDIR/lib/mouwatch */
	char *database;                /* default STATE_DIR/mouwatch.db */
	char *socket;                  /* default RUNSTATEDIR/mouwatch/mouwatchd.sock */
	char *socket_group;            /* NULL: leave the group alone */
	struct mw_redis_addr redis;
	char *redis_stream;            /* default "mouwatch:articles" */
	long long max_queue_backlog;   /* articles waiting in the stream at most
	                                  (100000); more wait in SQLite */
	long long worker_batch;        /* messages a worker reads and stores at once (100) */
	long long worker_claim_idle;   /* pending this long: a dead worker's, taken over (60s) */
	long long worker_max_deliveries; /* then the message goes to the dead stream (5) */
	char *user_agent_contact;      /* URL or NULL */
	long long max_concurrent;      /* transfers at once (64) */
	long long max_per_host;        /* transfers at once per host (2) */
	double per_host_rate;          /* requests per second per host (1) */
	bool allow_private_addresses;  /* no */
	bool allow_file_urls;          /* no */
	char *proxy;                   /* NULL: libcurl reads the environment */
	long long connect_timeout;     /* 10s */
	long long timeout;             /* whole transfer, 60s */
	long long max_feed_size;       /* 16 MiB */
	long long max_article_size;    /* 4 MiB */
	long long max_new_per_poll;    /* new articles taken from one feed per
	                                  poll (100); the rest at the next */
	long long interval_floor;      /* 5m: no feed is polled more often */
	long long interval_ceiling;    /* 6h: nor less often */
	long long default_interval;    /* 15m: for feeds without 'interval' */
	long long stale_after;         /* 7d without a new entry: feed is stale */
	long long workers;             /* worker processes mouwatchd starts (0) */
	int log_level;                 /* enum log_level of log.h (info) */
	bool article_fetch;            /* fetch each entry's article page (yes) */
	long long busy_timeout;        /* SQLite busy timeout (5s) */
	char *timezone;                /* "UTC": feeds' dates without a zone,
	                                  unless the feed names its own */
};

enum mw_tristate { MW_INHERIT = -1, MW_NO = 0, MW_YES = 1 };

/* [feed NAME]; the name is the feed's id. */
struct mw_feed_config {
	char *name;
	char *url;                     /* http(s)://, or file:/// when allowed */
	bool interval_auto;            /* interval = auto: adapt to the feed */
	long long interval;            /* seconds; default_interval if unset,
	                                  the starting point when auto */
	char language[3];              /* "id", "ms", "en" or "" (unknown) */
	bool enabled;                  /* yes */
	enum mw_tristate fetch_article;/* MW_INHERIT: [daemon] article_fetch */
	char *timezone;                /* its dates without a zone are in this
	                                  zone; NULL: [daemon] timezone */
	int line;                      /* line of its [feed NAME] header */
};

/* One 'field:value' of a channel's match filter. */
enum mw_match_field {
	MW_MATCH_COUNTRY,   /* ISO 3166-1 alpha-2 of a party, upper case */
	MW_MATCH_PARTY,     /* text found in a party's name (case-insensitive) */
	MW_MATCH_PROGRAM,   /* one of SPEC's programme vocabulary */
	MW_MATCH_TYPE,      /* agreement type: mou, moa, pks, loi, agreement, renewal */
	MW_MATCH_LANGUAGE,  /* id, ms, en */
};

struct mw_match_rule {
	enum mw_match_field field;
	char *value;
};

/* A reminder goes to the channel when ANY rule matches (SPEC: "any of");
 * no rules at all means every reminder. */
struct mw_match {
	struct mw_match_rule *rules;
	size_t n_rules;
};

enum mw_channel_type { MW_CHANNEL_WEBHOOK, MW_CHANNEL_EMAIL };

/* [channel NAME]. Fields of the other type are NULL / zero. */
struct mw_channel_config {
	char *name;
	enum mw_channel_type type;
	struct mw_match match;
	int line;                      /* line of its [channel NAME] header */
	/* webhook */
	char *url;
	char *secret;                  /* "whsec_..." as written, or NULL */
	unsigned char *secret_key;     /* its decoded key (HMAC key), or NULL */
	size_t secret_key_len;
	long long timeout;             /* 10s */
	/* email */
	char *smtp;                    /* smtp:// or smtps:// URL */
	char *username;                /* or NULL */
	char *password_file;           /* or NULL; read at each delivery, not
	                                  at load (secrets may be rotated and
	                                  check-config runs without them) */
	char *ca_file;                 /* or NULL; PEM CAs trusted for the
	                                  server's certificate (CURLOPT_CAINFO) */
	char *from;
	char **to;                     /* n_to addresses */
	size_t n_to;
};

struct mw_reminders_config {
	long long *lead_days;          /* days before, sorted descending (90,30,7) */
	size_t n_lead_days;
	bool digest;                   /* digest = daily HH:MM given */
	int digest_minute;             /* minutes after local midnight */
	long long *retry_schedule;     /* waits between delivery attempts */
	size_t n_retry_schedule;
	long long give_up_after;       /* 5d: then the delivery is 'failed' */
	long long check_interval;      /* 1m: how often due reminders are looked for */
	char *timezone;                /* "Asia/Jakarta": digest time and dates */
};

struct mw_config {
	char *path;                    /* the file name as given */
	struct mw_daemon_config daemon;
	struct mw_feed_config *feeds;  /* in file order */
	size_t n_feeds;
	struct mw_channel_config *channels;
	size_t n_channels;
	struct mw_reminders_config reminders;
	/* Name -> feed index for config_feed(): open addressing, a slot holds
	 * index + 1 (0 = empty); n_feed_slots is 0 or a power of two. Kept by
	 * config.c as feeds are added; owned by the config. */
	size_t *feed_slots;
	size_t n_feed_slots;
};

/* The file to read: explicit (from -c) if not NULL, else $MOUWATCH_CONFIG
 * if set and not empty, else MW_CONFIG_DEFAULT_PATH. Borrowed string. */
const char *config_default_path(const char *explicit_path);

/* Loads and validates a file. On any error returns NULL and appends one
 * line per problem, "FILE:LINE: what is wrong", to errors. */
struct mw_config *config_load(const char *path, struct strbuf *errors);
/* The same for text in memory; name is used in messages and its directory
 * for relative paths. */
struct mw_config *config_load_string(const char *text, const char *name,
				     struct strbuf *errors);
void config_free(struct mw_config *cfg);

/* check-config for 'mouwatch check-config' and 'mouwatchd --check-config':
 * loads path (NULL: config_default_path), prints "FILE: ok (N feeds, M
 * channels)" to out or every error to err. Returns the exit status: 0
 * valid, 2 not. */
int config_check_report(const char *path, FILE *out, FILE *err);

/* Lookups by name; NULL when absent. */
const struct mw_feed_config *config_feed(const struct mw_config *cfg, const char *name);
const struct mw_channel_config *config_channel(const struct mw_config *cfg, const char *name);
/* Whether this feed's article pages are fetched (its own setting, else the
 * daemon's article_fetch). */
bool config_feed_fetches_article(const struct mw_config *cfg, const struct mw_feed_config *feed);

/* Value parsers, exposed for the control socket and tests. On failure they
 * return false and set *why to a static explanation. */
bool config_parse_bool(const char *s, bool *out, const char **why);
/* redis: "" (embedded), redis://..., unix:/path[?db=N]. On failure appends
 * the reason to why. On success fills out, which the caller releases with
 * config_redis_clear(). */
bool config_parse_redis(const char *s, struct mw_redis_addr *out, struct strbuf *why);
void config_redis_clear(struct mw_redis_addr *addr);
/* match: "field:value, ..."; fills out (caller releases with
 * config_match_clear()) or appends the reason to why. */
bool config_parse_match(const char *s, struct mw_match *out, struct strbuf *why);
void config_match_clear(struct mw_match *m);
const char *config_match_field_name(enum mw_match_field f);

#endif
