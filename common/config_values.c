/* config_values.c: one parser per kind of value (enum value_kind) and the
 * matching release function, dispatched through a table. Each parser
 * stores into the field only on success; on failure it appends to why a
 * phrase that starts with a verb and says what to write instead. */
#include "config_priv.h"
#include "config_values.h"
#include "duration.h"
#include "log.h"
#include "xalloc.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static bool has_space(const char *s)
{
	for (; *s; s++)
		if (isspace((unsigned char)*s) || iscntrl((unsigned char)*s))
			return true;
	return false;
}

static bool p_string(const struct value_arg *a)
{
	if (has_space(a->v)) {
		strbuf_puts(a->why, "contains a space or control character; write one word");
		return false;
	}
	FIELD(a, char *) = xstrdup(a->v);
	return true;
}

static bool p_path(const struct value_arg *a)
{
	for (const char *s = a->v; *s; s++) {
		if (iscntrl((unsigned char)*s)) {
			strbuf_puts(a->why, "contains a control character; write a plain path");
			return false;
		}
	}
	FIELD(a, char *) = config_resolve_path(a->ctx, a->v);
	return true;
}

static bool p_url(const struct value_arg *a)
{
	char *url = config_check_url(a->ctx, a->v, a->k->schemes, a->why);
	if (url == NULL)
		return false;
	FIELD(a, char *) = url;
	return true;
}

static bool p_bool(const struct value_arg *a)
{
	const char *why;
	if (!config_parse_bool(a->v, &FIELD(a, bool), &why)) {
		strbuf_puts(a->why, why);
		return false;
	}
	return true;
}

static bool p_tristate(const struct value_arg *a)
{
	bool b;
	const char *why;
	if (strcasecmp(a->v, "inherit") == 0) {
		FIELD(a, enum mw_tristate) = MW_INHERIT;
		return true;
	}
	if (!config_parse_bool(a->v, &b, &why)) {
		strbuf_puts(a->why, "is not yes, no or inherit (inherit: use [daemon] article_fetch)");
		return false;
	}
	FIELD(a, enum mw_tristate) = b ? MW_YES : MW_NO;
	return true;
}

static bool in_range(const struct value_arg *a, long long n, bool duration)
{
	char lo[32], hi[32];

	if (n >= a->k->min && n <= a->k->max)
		return true;
	if (duration)
		strbuf_printf(a->why, "is out of range; write a duration from %s to %s",
			      duration_format(a->k->min, lo, sizeof lo),
			      duration_format(a->k->max, hi, sizeof hi));
	else
		strbuf_printf(a->why, "is out of range; write a whole number from %lld to %lld",
			      a->k->min, a->k->max);
	return false;
}

static bool p_int(const struct value_arg *a)
{
	char *end;
	errno = 0;
	long long n = strtoll(a->v, &end, 10);
	if (errno != 0 || end == a->v || *end != '\0' || !isdigit((unsigned char)a->v[0])) {
		strbuf_printf(a->why, "is not a whole number; write one from %lld to %lld",
			      a->k->min, a->k->max);
		return false;
	}
	if (!in_range(a, n, false))
		return false;
	FIELD(a, long long) = n;
	return true;
}

static bool p_rate(const struct value_arg *a)
{
	char *end;
	errno = 0;
	double d = strtod(a->v, &end);
	if (errno != 0 || end == a->v || *end != '\0' || !isfinite(d)
	    || !isdigit((unsigned char)a->v[0])) {
		strbuf_puts(a->why, "is not a number; write e.g. 1 or 0.5 (requests per second)");
		return false;
	}
	if (d <= 0 || d > (double)a->k->max) {
		strbuf_printf(a->why, "is out of range; write a number above 0 and at most %lld",
			      a->k->max);
		return false;
	}
	FIELD(a, double) = d;
	return true;
}

static bool p_duration(const struct value_arg *a)
{
	long long secs;
	const char *why;
	if (!duration_parse(a->v, &secs, &why)) {
		strbuf_puts(a->why, why);
		return false;
	}
	if (!in_range(a, secs, true))
		return false;
	FIELD(a, long long) = secs;
	return true;
}

static bool p_size(const struct value_arg *a)
{
	unsigned long long bytes;
	const char *why;
	if (!size_parse(a->v, &bytes, &why)) {
		strbuf_puts(a->why, why);
		return false;
	}
	if (bytes < (unsigned long long)a->k->min || bytes > (unsigned long long)a->k->max) {
		strbuf_printf(a->why, "is out of range; write a size from %lldK to %lldM",
			      a->k->min >> 10, a->k->max >> 20);
		return false;
	}
	FIELD(a, long long) = (long long)bytes;
	return true;
}

static bool p_interval(const struct value_arg *a)
{
	struct mw_feed_config *feed = a->base;
	if (strcasecmp(a->v, "auto") == 0) {
		feed->interval_auto = true;
		return true;
	}
	if (!p_duration(a)) {
		strbuf_puts(a->why, "; or write 'auto' to follow the feed's pace");
		return false;
	}
	return true;
}

static bool p_log_level(const struct value_arg *a)
{
	int level = log_level_from_name(a->v);
	if (level < 0) {
		strbuf_puts(a->why, "is not a log level; use debug, info, notice, warning or error");
		return false;
	}
	FIELD(a, int) = level;
	return true;
}

static const char *const languages[] = { "id", "ms", "en" };

static bool p_language(const struct value_arg *a)
{
	for (size_t i = 0; i < sizeof languages / sizeof languages[0]; i++) {
		if (strcasecmp(a->v, languages[i]) == 0) {
			memcpy(a->field, languages[i], 3);
			return true;
		}
	}
	strbuf_puts(a->why, "is not a language of mouwatch; use id (Indonesian), ms (Malay) or en (English)");
	return false;
}

static bool p_redis(const struct value_arg *a)
{
	return config_parse_redis(a->v, a->field, a->why);
}

static bool p_channel_type(const struct value_arg *a)
{
	if (strcasecmp(a->v, "webhook") == 0)
		FIELD(a, enum mw_channel_type) = MW_CHANNEL_WEBHOOK;
	else if (strcasecmp(a->v, "email") == 0)
		FIELD(a, enum mw_channel_type) = MW_CHANNEL_EMAIL;
	else {
		strbuf_puts(a->why, "is not a channel type; use webhook or email");
		return false;
	}
	return true;
}

/* Group names as useradd(8) accepts them by default. */
static bool p_group(const struct value_arg *a)
{
	const char *s = a->v;
	bool ok = (islower((unsigned char)*s) || *s == '_') && strlen(s) <= 32;
	for (s++; ok && *s; s++)
		ok = islower((unsigned char)*s) || isdigit((unsigned char)*s)
		     || *s == '_' || *s == '-' || (*s == '$' && s[1] == '\0');
	if (!ok) {
		strbuf_puts(a->why, "is not a group name; use lower-case letters, digits, '_' and '-' (e.g. mouwatch)");
		return false;
	}
	FIELD(a, char *) = xstrdup(a->v);
	return true;
}

/* A zone name must be safe to append to the zoneinfo directory and, where
 * that directory exists, name a file in it. */
static bool p_timezone(const struct value_arg *a)
{
	const char *s = a->v;
	bool ok = *s != '/' && strstr(s, "..") == NULL;
	for (; ok && *s; s++)
		ok = isalnum((unsigned char)*s) || strchr("/_+-", *s) != NULL;
	if (ok) {
		const char *dir = getenv("TZDIR");
		struct stat st;
		if (dir == NULL || *dir == '\0')
			dir = "/usr/share/zoneinfo";
		if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode)) {
			char *file = xasprintf("%s/%s", dir, a->v);
			ok = stat(file, &st) == 0 && S_ISREG(st.st_mode);
			free(file);
		}
	}
	if (!ok) {
		strbuf_puts(a->why, "is not a known time zone; use a tz database name such as Asia/Jakarta, Asia/Makassar, Asia/Kuala_Lumpur or UTC");
		return false;
	}
	FIELD(a, char *) = xstrdup(a->v);
	return true;
}

static bool p_digest(const struct value_arg *a)
{
	struct mw_reminders_config *r = a->base;
	unsigned hh, mm;
	char tail;
	if (sscanf(a->v, "daily %2u:%2u%c", &hh, &mm, &tail) != 2 || hh > 23 || mm > 59
	    || strlen(a->v) != strlen("daily HH:MM")) {
		strbuf_puts(a->why, "is not a digest schedule; write 'daily HH:MM' (24-hour clock, e.g. daily 07:00) or leave it empty for none");
		return false;
	}
	r->digest = true;
	r->digest_minute = (int)(hh * 60 + mm);
	return true;
}

typedef bool (*value_parser)(const struct value_arg *a);

static const value_parser parsers[N_VALUE_KINDS] = {
	[V_STRING] = p_string,
	[V_PATH] = p_path,
	[V_URL] = p_url,
	[V_BOOL] = p_bool,
	[V_TRISTATE] = p_tristate,
	[V_INT] = p_int,
	[V_RATE] = p_rate,
	[V_DURATION] = p_duration,
	[V_SIZE] = p_size,
	[V_INTERVAL] = p_interval,
	[V_LOG_LEVEL] = p_log_level,
	[V_LANGUAGE] = p_language,
	[V_REDIS] = p_redis,
	[V_DAYS_LIST] = config_p_days_list,
	[V_DURATION_LIST] = config_p_duration_list,
	[V_DIGEST] = p_digest,
	[V_TIMEZONE] = p_timezone,
	[V_CHANNEL_TYPE] = p_channel_type,
	[V_SECRET] = config_p_secret,
	[V_EMAIL] = config_p_email,
	[V_EMAIL_LIST] = config_p_email_list,
	[V_MATCH] = config_p_match,
	[V_GROUP] = p_group,
};

bool config_parse_value(struct load_ctx *ctx, const struct key_def *k,
			const char *value, void *base, struct strbuf *why)
{
	struct value_arg a = {
		.ctx = ctx, .k = k, .v = value,
		.field = (char *)base + k->offset, .base = base, .why = why,
	};
	if (parsers[k->kind] == NULL)
		fatal("config: no parser for value kind %d of key %s", (int)k->kind, k->name);
	return parsers[k->kind](&a);
}

void config_release_value(const struct key_def *k, void *base)
{
	void *field = (char *)base + k->offset;

	switch (k->kind) {
	case V_STRING: case V_PATH: case V_URL: case V_TIMEZONE: case V_EMAIL:
	case V_GROUP:
		free(*(char **)field);
		*(char **)field = NULL;
		break;
	case V_SECRET: {
		struct mw_channel_config *ch = base;
		free(ch->secret);
		free(ch->secret_key);
		ch->secret = NULL;
		ch->secret_key = NULL;
		ch->secret_key_len = 0;
		break;
	}
	case V_DAYS_LIST: case V_DURATION_LIST:
		free(*(long long **)field);
		*(long long **)field = NULL;
		*(size_t *)((char *)base + k->count_offset) = 0;
		break;
	case V_EMAIL_LIST:
		config_free_list(*(char ***)field, *(size_t *)((char *)base + k->count_offset));
		*(char ***)field = NULL;
		*(size_t *)((char *)base + k->count_offset) = 0;
		break;
	case V_REDIS:
		config_redis_clear(field);
		break;
	case V_MATCH:
		config_match_clear(field);
		break;
	default:
		break;  /* numbers, booleans, enums: nothing owned */
	}
}

struct bool_word {
	const char *word;
	bool value;
};

static const struct bool_word bool_words[] = {
	{ "yes", true }, { "no", false }, { "true", true }, { "false", false },
	{ "on", true }, { "off", false }, { "1", true }, { "0", false },
};

bool config_parse_bool(const char *s, bool *out, const char **why)
{
	for (size_t i = 0; i < sizeof bool_words / sizeof bool_words[0]; i++) {
		if (strcasecmp(s, bool_words[i].word) == 0) {
			*out = bool_words[i].value;
			return true;
		}
	}
	*why = "is not a boolean; use yes/no, true/false, on/off or 1/0";
	return false;
}
