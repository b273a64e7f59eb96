/* config_keys.c: every key of the configuration file, as data: its
 * section, how its value is parsed, where it is stored, its default and
 * its limits. Adding a key is adding a row here and a field in mwconfig.h
 * (and a line in config/mouwatch.conf.example). */
#include "config_priv.h"

#include <stddef.h>

#define D(field) offsetof(struct mw_daemon_config, field), 0
#define F(field) offsetof(struct mw_feed_config, field), 0
#define R(field) offsetof(struct mw_reminders_config, field), 0
#define RL(field, count) offsetof(struct mw_reminders_config, field), \
	offsetof(struct mw_reminders_config, count)
#define C(field) offsetof(struct mw_channel_config, field), 0
#define CL(field, count) offsetof(struct mw_channel_config, field), \
	offsetof(struct mw_channel_config, count)

#define MINUTE 60LL
#define HOUR 3600LL
#define DAY 86400LL
#define MIB (1LL << 20)

#define WEB "http https"
#define BOTH (KEY_WEBHOOK | KEY_EMAIL)

const struct key_def config_keys[] = {
	/* [daemon] */
	{ SEC_DAEMON, "state_dir", V_PATH, D(state_dir), LOCALSTATEDIR "/lib/mouwatch", 0, 0, 0, NULL },
	{ SEC_DAEMON, "database", V_PATH, D(database), NULL, 0, 0, 0, NULL },
	{ SEC_DAEMON, "socket", V_PATH, D(socket), RUNSTATEDIR "/mouwatch/mouwatchd.sock", 0, 0, 0, NULL },
	{ SEC_DAEMON, "socket_group", V_GROUP, D(socket_group), NULL, 0, 0, KEY_EMPTY_OK, NULL },
	{ SEC_DAEMON, "redis", V_REDIS, D(redis), NULL, 0, 0, KEY_EMPTY_OK, NULL },
	{ SEC_DAEMON, "redis_stream", V_STRING, D(redis_stream), "mouwatch:articles", 0, 0, 0, NULL },
	{ SEC_DAEMON, "max_queue_backlog", V_INT, D(max_queue_backlog), "100000", 1, 100000000, 0, NULL },
	{ SEC_DAEMON, "worker_batch", V_INT, D(worker_batch), "100", 1, 10000, 0, NULL },
	{ SEC_DAEMON, "worker_claim_idle", V_DURATION, D(worker_claim_idle), "60s", 1, DAY, 0, NULL },
	{ SEC_DAEMON, "worker_max_deliveries", V_INT, D(worker_max_deliveries), "5", 1, 1000, 0, NULL },
	{ SEC_DAEMON, "user_agent_contact", V_URL, D(user_agent_contact), NULL, 0, 0, KEY_EMPTY_OK, "http https mailto" },
	{ SEC_DAEMON, "max_concurrent", V_INT, D(max_concurrent), "64", 1, 10000, 0, NULL },
	{ SEC_DAEMON, "max_per_host", V_INT, D(max_per_host), "2", 1, 100, 0, NULL },
	{ SEC_DAEMON, "per_host_rate", V_RATE, D(per_host_rate), "1", 0, 1000, 0, NULL },
	{ SEC_DAEMON, "allow_private_addresses", V_BOOL, D(allow_private_addresses), "no", 0, 0, 0, NULL },
	{ SEC_DAEMON, "allow_file_urls", V_BOOL, D(allow_file_urls), "no", 0, 0, 0, NULL },
	{ SEC_DAEMON, "proxy", V_URL, D(proxy), NULL, 0, 0, KEY_EMPTY_OK, "http https socks4 socks4a socks5 socks5h" },
	{ SEC_DAEMON, "connect_timeout", V_DURATION, D(connect_timeout), "10s", 1, 10 * MINUTE, 0, NULL },
	{ SEC_DAEMON, "timeout", V_DURATION, D(timeout), "60s", 1, HOUR, 0, NULL },
	{ SEC_DAEMON, "max_feed_size", V_SIZE, D(max_feed_size), "16M", 1024, 1024 * MIB, 0, NULL },
	{ SEC_DAEMON, "max_article_size", V_SIZE, D(max_article_size), "4M", 1024, 1024 * MIB, 0, NULL },
	{ SEC_DAEMON, "max_new_per_poll", V_INT, D(max_new_per_poll), "100", 1, 100000, 0, NULL },
	{ SEC_DAEMON, "interval_floor", V_DURATION, D(interval_floor), "5m", 1, 7 * DAY, 0, NULL },
	{ SEC_DAEMON, "interval_ceiling", V_DURATION, D(interval_ceiling), "6h", 1, 30 * DAY, 0, NULL },
	{ SEC_DAEMON, "default_interval", V_DURATION, D(default_interval), "15m", 1, 30 * DAY, 0, NULL },
	{ SEC_DAEMON, "stale_after", V_DURATION, D(stale_after), "7d", HOUR, 365 * DAY, 0, NULL },
	{ SEC_DAEMON, "workers", V_INT, D(workers), "0", 0, 256, 0, NULL },
	{ SEC_DAEMON, "log_level", V_LOG_LEVEL, D(log_level), "info", 0, 0, 0, NULL },
	{ SEC_DAEMON, "article_fetch", V_BOOL, D(article_fetch), "yes", 0, 0, 0, NULL },
	{ SEC_DAEMON, "busy_timeout", V_DURATION, D(busy_timeout), "5s", 1, 10 * MINUTE, 0, NULL },
	{ SEC_DAEMON, "timezone", V_TIMEZONE, D(timezone), "UTC", 0, 0, 0, NULL },

	/* [feed NAME] */
	{ SEC_FEED, "url", V_URL, F(url), NULL, 0, 0, KEY_REQUIRED, "http https file" },
	{ SEC_FEED, "interval", V_INTERVAL, F(interval), NULL, 1, 30 * DAY, 0, NULL },
	{ SEC_FEED, "language", V_LANGUAGE, F(language), NULL, 0, 0, 0, NULL },
	{ SEC_FEED, "enabled", V_BOOL, F(enabled), "yes", 0, 0, 0, NULL },
	{ SEC_FEED, "fetch_article", V_TRISTATE, F(fetch_article), "inherit", 0, 0, 0, NULL },
	{ SEC_FEED, "timezone", V_TIMEZONE, F(timezone), NULL, 0, 0, 0, NULL },

	/* [reminders] */
	{ SEC_REMINDERS, "lead_days", V_DAYS_LIST, RL(lead_days, n_lead_days), "90,30,7", 1, 3650, 0, NULL },
	{ SEC_REMINDERS, "digest", V_DIGEST, R(digest), NULL, 0, 0, KEY_EMPTY_OK, NULL },
	{ SEC_REMINDERS, "retry_schedule", V_DURATION_LIST, RL(retry_schedule, n_retry_schedule),
	  "5s,5m,30m,2h,5h,10h,14h,20h,24h", 1, 7 * DAY, 0, NULL },
	{ SEC_REMINDERS, "give_up_after", V_DURATION, R(give_up_after), "5d", MINUTE, 60 * DAY, 0, NULL },
	{ SEC_REMINDERS, "check_interval", V_DURATION, R(check_interval), "1m", 1, DAY, 0, NULL },
	{ SEC_REMINDERS, "timezone", V_TIMEZONE, R(timezone), "Asia/Jakarta", 0, 0, 0, NULL },

	/* [channel NAME] */
	{ SEC_CHANNEL, "type", V_CHANNEL_TYPE, C(type), NULL, 0, 0, KEY_REQUIRED | BOTH, NULL },
	{ SEC_CHANNEL, "match", V_MATCH, C(match), NULL, 0, 0, KEY_EMPTY_OK | BOTH, NULL },
	{ SEC_CHANNEL, "timeout", V_DURATION, C(timeout), "10s", 1, 10 * MINUTE, BOTH, NULL },
	{ SEC_CHANNEL, "url", V_URL, C(url), NULL, 0, 0, KEY_REQUIRED | KEY_WEBHOOK, WEB },
	{ SEC_CHANNEL, "secret", V_SECRET, C(secret), NULL, 0, 0, KEY_WEBHOOK, NULL },
	{ SEC_CHANNEL, "smtp", V_URL, C(smtp), NULL, 0, 0, KEY_REQUIRED | KEY_EMAIL, "smtp smtps" },
	{ SEC_CHANNEL, "username", V_STRING, C(username), NULL, 0, 0, KEY_EMPTY_OK | KEY_EMAIL, NULL },
	{ SEC_CHANNEL, "password_file", V_PATH, C(password_file), NULL, 0, 0, KEY_EMAIL, NULL },
	{ SEC_CHANNEL, "ca_file", V_PATH, C(ca_file), NULL, 0, 0, KEY_EMAIL, NULL },
	{ SEC_CHANNEL, "from", V_EMAIL, C(from), NULL, 0, 0, KEY_REQUIRED | KEY_EMAIL, NULL },
	{ SEC_CHANNEL, "to", V_EMAIL_LIST, CL(to, n_to), NULL, 0, 0, KEY_REQUIRED | KEY_EMAIL, NULL },
};

const size_t config_n_keys = sizeof config_keys / sizeof config_keys[0];

_Static_assert(sizeof config_keys / sizeof config_keys[0] <= CONFIG_MAX_KEYS,
	       "raise CONFIG_MAX_KEYS");

const char *config_section_label(enum section_type t)
{
	static const char *const labels[N_SECTION_TYPES] = {
		[SEC_DAEMON] = "[daemon]",
		[SEC_REMINDERS] = "[reminders]",
		[SEC_FEED] = "[feed NAME]",
		[SEC_CHANNEL] = "[channel NAME]",
	};
	return labels[t];
}
