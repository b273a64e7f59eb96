/* config_check.c: what can only be decided once the whole file is read:
 * defaults for keys not given, values derived from others (database from
 * state_dir, feed intervals from default_interval), required keys, keys
 * that depend on another key (channel type, allow_file_urls), and limits
 * between keys (interval_floor <= interval_ceiling). */
#include "config_priv.h"
#include "duration.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <sys/un.h>

static bool key_set(const struct section_lines *l, enum section_type t, const char *name)
{
	for (size_t i = 0; i < config_n_keys; i++)
		if (config_keys[i].section == t && strcmp(config_keys[i].name, name) == 0)
			return l->key[i] != 0;
	return false;
}

static bool key_failed(const struct section_lines *l, enum section_type t, const char *name)
{
	for (size_t i = 0; i < config_n_keys; i++)
		if (config_keys[i].section == t && strcmp(config_keys[i].name, name) == 0)
			return l->failed[i];
	return false;
}

/* Whether none of the [daemon] keys in the NULL-terminated list was refused:
 * checks between keys are skipped then, the refusal was reported. */
static bool daemon_keys_ok(const struct load_ctx *ctx, const char *const *names)
{
	for (; *names; names++)
		if (key_failed(&ctx->daemon, SEC_DAEMON, *names))
			return false;
	return true;
}

static const char *const interval_keys[] = { "interval_floor", "interval_ceiling", "default_interval", NULL };
static const char *const timeout_keys[] = { "connect_timeout", "timeout", NULL };
static const char *const file_url_keys[] = { "allow_file_urls", NULL };

/* Line of key name in a section (0 when not set), for messages. */
static int key_line(const struct section_lines *l, enum section_type t, const char *name)
{
	for (size_t i = 0; i < config_n_keys; i++)
		if (config_keys[i].section == t && strcmp(config_keys[i].name, name) == 0)
			return l->key[i] ? l->key[i] : l->header;
	return l->header;
}

static void apply_defaults(struct load_ctx *ctx, enum section_type t, void *base,
			   const struct section_lines *l)
{
	for (size_t i = 0; i < config_n_keys; i++) {
		const struct key_def *k = &config_keys[i];
		struct strbuf why = STRBUF_INIT;
		if (k->section != t || k->def == NULL || l->key[i] != 0)
			continue;
		if (!config_parse_value(ctx, k, k->def, base, &why))
			fatal("config: default '%s' of %s is invalid: %s", k->def, k->name, strbuf_str(&why));
	}
}

/* Required keys of a section; mask selects channel keys by type. */
static void check_required(struct load_ctx *ctx, enum section_type t, const char *label,
			   const struct section_lines *l, unsigned mask)
{
	for (size_t i = 0; i < config_n_keys; i++) {
		const struct key_def *k = &config_keys[i];
		if (k->section != t || !(k->flags & KEY_REQUIRED) || l->key[i] != 0)
			continue;
		if (mask != 0 && !(k->flags & mask))
			continue;
		config_error(ctx, l->header, "%s has no '%s'; add '%s = ...', it is required",
			     label, k->name, k->name);
	}
}

static int daemon_line(const struct load_ctx *ctx, const char *key)
{
	return key_line(&ctx->daemon, SEC_DAEMON, key);
}

static void finish_daemon(struct load_ctx *ctx)
{
	struct mw_daemon_config *d = &ctx->cfg->daemon;
	char a[32], b[32];

	apply_defaults(ctx, SEC_DAEMON, d, &ctx->daemon);
	/* A key given with a bad value stays NULL (its error is reported) and
	 * gets no default: the checks below skip it. */
	if (d->database == NULL && d->state_dir != NULL)
		d->database = xasprintf("%s/mouwatch.db", d->state_dir);
	if (d->socket != NULL && strlen(d->socket) >= sizeof(((struct sockaddr_un *)0)->sun_path))
		config_error(ctx, daemon_line(ctx, "socket"),
			     "socket: the path is too long for a Unix socket (at most %zu bytes); choose a shorter one",
			     sizeof(((struct sockaddr_un *)0)->sun_path) - 1);
	if (!daemon_keys_ok(ctx, interval_keys))
		;  /* reported */
	else if (d->interval_floor > d->interval_ceiling)
		config_error(ctx, daemon_line(ctx, "interval_floor"),
			     "interval_floor (%s) is above interval_ceiling (%s); make the floor the smaller one",
			     duration_format(d->interval_floor, a, sizeof a),
			     duration_format(d->interval_ceiling, b, sizeof b));
	else if (d->default_interval < d->interval_floor || d->default_interval > d->interval_ceiling)
		config_error(ctx, daemon_line(ctx, "default_interval"),
			     "default_interval (%s) is outside interval_floor..interval_ceiling (%s..%s)",
			     duration_format(d->default_interval, a, sizeof a),
			     duration_format(d->interval_floor, b, sizeof b),
			     duration_format(d->interval_ceiling, (char[32]){ 0 }, 32));
	if (daemon_keys_ok(ctx, timeout_keys) && d->connect_timeout > d->timeout)
		config_error(ctx, daemon_line(ctx, "connect_timeout"),
			     "connect_timeout (%s) is longer than timeout (%s), the limit of the whole transfer; lower it",
			     duration_format(d->connect_timeout, a, sizeof a),
			     duration_format(d->timeout, b, sizeof b));
}

static void check_feed_interval(struct load_ctx *ctx, struct mw_feed_config *f, int line)
{
	const struct mw_daemon_config *d = &ctx->cfg->daemon;
	char a[32], b[32];

	if (f->interval == 0) {  /* not given, or 'auto': start from the default */
		f->interval = d->default_interval;
		return;
	}
	if (!daemon_keys_ok(ctx, interval_keys))
		return;
	if (f->interval < d->interval_floor)
		config_error(ctx, line, "interval: %s is shorter than interval_floor (%s); poll less often or lower interval_floor in [daemon]",
			     duration_format(f->interval, a, sizeof a),
			     duration_format(d->interval_floor, b, sizeof b));
	else if (f->interval > d->interval_ceiling)
		config_error(ctx, line, "interval: %s is longer than interval_ceiling (%s); poll more often or raise interval_ceiling in [daemon]",
			     duration_format(f->interval, a, sizeof a),
			     duration_format(d->interval_ceiling, b, sizeof b));
}

static void finish_feed(struct load_ctx *ctx, size_t i)
{
	struct mw_feed_config *f = &ctx->cfg->feeds[i];
	const struct section_lines *l = &ctx->feed_lines[i];
	char *label = xasprintf("[feed %s]", f->name);

	apply_defaults(ctx, SEC_FEED, f, l);
	check_required(ctx, SEC_FEED, label, l, 0);
	check_feed_interval(ctx, f, key_line(l, SEC_FEED, "interval"));
	if (f->url != NULL && strncmp(f->url, "file:", 5) == 0 && !ctx->cfg->daemon.allow_file_urls
	    && daemon_keys_ok(ctx, file_url_keys))
		config_error(ctx, key_line(l, SEC_FEED, "url"),
			     "url: file: URLs are refused unless [daemon] has allow_file_urls = yes (meant for demos and tests)");
	free(label);
}

/* Keys set in a channel that belong to the other channel type. */
static void check_channel_keys(struct load_ctx *ctx, const struct mw_channel_config *c,
			       const struct section_lines *l)
{
	unsigned mine = c->type == MW_CHANNEL_WEBHOOK ? KEY_WEBHOOK : KEY_EMAIL;
	const char *type = c->type == MW_CHANNEL_WEBHOOK ? "webhook" : "email";
	const char *other = c->type == MW_CHANNEL_WEBHOOK ? "email" : "webhook";

	for (size_t i = 0; i < config_n_keys; i++) {
		const struct key_def *k = &config_keys[i];
		if (k->section == SEC_CHANNEL && l->key[i] != 0 && !(k->flags & mine))
			config_error(ctx, l->key[i], "%s: is a key of %s channels, and channel '%s' has type = %s; remove it",
				     k->name, other, c->name, type);
	}
}

static void finish_channel(struct load_ctx *ctx, size_t i)
{
	struct mw_channel_config *c = &ctx->cfg->channels[i];
	const struct section_lines *l = &ctx->channel_lines[i];
	char *label = xasprintf("[channel %s]", c->name);

	if (!key_set(l, SEC_CHANNEL, "type")) {
		config_error(ctx, l->header, "%s has no 'type'; add 'type = webhook' or 'type = email'", label);
	} else if (!key_failed(l, SEC_CHANNEL, "type")) {  /* else: reported */
		apply_defaults(ctx, SEC_CHANNEL, c, l);
		check_channel_keys(ctx, c, l);
		check_required(ctx, SEC_CHANNEL, label, l,
			       c->type == MW_CHANNEL_WEBHOOK ? KEY_WEBHOOK : KEY_EMAIL);
	}
	free(label);
}

void config_finish(struct load_ctx *ctx)
{
	finish_daemon(ctx);
	apply_defaults(ctx, SEC_REMINDERS, &ctx->cfg->reminders, &ctx->reminders);
	for (size_t i = 0; i < ctx->cfg->n_feeds; i++)
		finish_feed(ctx, i);
	for (size_t i = 0; i < ctx->cfg->n_channels; i++)
		finish_channel(ctx, i);
}
