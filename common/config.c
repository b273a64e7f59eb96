/* config.c: the configuration's lifetime and lookups: where the file is,
 * freeing every value through the key table, finding feeds and channels. */
#include "config_priv.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *config_default_path(const char *explicit_path)
{
	const char *env = getenv("MOUWATCH_CONFIG");

	if (explicit_path != NULL)
		return explicit_path;
	if (env != NULL && *env != '\0')
		return env;
	return MW_CONFIG_DEFAULT_PATH;
}

void *config_section_base(struct mw_config *cfg, enum section_type t, size_t index)
{
	switch (t) {
	case SEC_DAEMON: return &cfg->daemon;
	case SEC_REMINDERS: return &cfg->reminders;
	case SEC_FEED: return &cfg->feeds[index];
	case SEC_CHANNEL: return &cfg->channels[index];
	default: fatal("config: bad section type %d", (int)t);
	}
}

/* Releases every value of one section through the key table. */
static void release_section(enum section_type t, void *base)
{
	for (size_t i = 0; i < config_n_keys; i++)
		if (config_keys[i].section == t)
			config_release_value(&config_keys[i], base);
}

void config_free(struct mw_config *cfg)
{
	if (cfg == NULL)
		return;
	release_section(SEC_DAEMON, &cfg->daemon);
	release_section(SEC_REMINDERS, &cfg->reminders);
	for (size_t i = 0; i < cfg->n_feeds; i++) {
		release_section(SEC_FEED, &cfg->feeds[i]);
		free(cfg->feeds[i].name);
	}
	for (size_t i = 0; i < cfg->n_channels; i++) {
		release_section(SEC_CHANNEL, &cfg->channels[i]);
		free(cfg->channels[i].name);
	}
	free(cfg->feeds);
	free(cfg->feed_slots);
	free(cfg->channels);
	free(cfg->path);
	free(cfg);
}

/* ---- the feed name index: the poller looks a feed up twice per poll, and
 * a linear strcmp over 10,000 feeds cost 6% of the daemon's CPU ---- */

static size_t name_hash(const char *s)
{
	size_t h = 14695981039346656037u;  /* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

/* Puts index i into the table (which has room). */
static void index_put(size_t *slots, size_t n_slots, const struct mw_feed_config *feeds, size_t i)
{
	size_t mask = n_slots - 1;

	for (size_t s = name_hash(feeds[i].name) & mask;; s = (s + 1) & mask) {
		if (slots[s] == 0) {
			slots[s] = i + 1;
			return;
		}
	}
}

/* Keeps the table at most half full: doubles it and re-inserts. */
static void index_grow(struct mw_config *cfg, size_t want)
{
	size_t n = cfg->n_feed_slots ? cfg->n_feed_slots : 16;

	while (n < 2 * want)
		n *= 2;
	if (n == cfg->n_feed_slots)
		return;
	free(cfg->feed_slots);
	cfg->feed_slots = xcalloc(n, sizeof *cfg->feed_slots);
	cfg->n_feed_slots = n;
	for (size_t i = 0; i + 1 < want; i++)
		index_put(cfg->feed_slots, n, cfg->feeds, i);
}

void config_index_feed(struct mw_config *cfg, size_t i)
{
	index_grow(cfg, i + 1);
	index_put(cfg->feed_slots, cfg->n_feed_slots, cfg->feeds, i);
}

const struct mw_feed_config *config_feed(const struct mw_config *cfg, const char *name)
{
	if (cfg->n_feed_slots == 0) {  /* a config not built by config_load */
		for (size_t i = 0; i < cfg->n_feeds; i++)
			if (strcmp(cfg->feeds[i].name, name) == 0)
				return &cfg->feeds[i];
		return NULL;
	}
	size_t mask = cfg->n_feed_slots - 1;
	for (size_t s = name_hash(name) & mask; cfg->feed_slots[s]; s = (s + 1) & mask) {
		const struct mw_feed_config *f = &cfg->feeds[cfg->feed_slots[s] - 1];
		if (strcmp(f->name, name) == 0)
			return f;
	}
	return NULL;
}

const struct mw_channel_config *config_channel(const struct mw_config *cfg, const char *name)
{
	for (size_t i = 0; i < cfg->n_channels; i++)
		if (strcmp(cfg->channels[i].name, name) == 0)
			return &cfg->channels[i];
	return NULL;
}

bool config_feed_fetches_article(const struct mw_config *cfg, const struct mw_feed_config *feed)
{
	if (feed->fetch_article == MW_INHERIT)
		return cfg->daemon.article_fetch;
	return feed->fetch_article == MW_YES;
}

int config_check_report(const char *path, FILE *out, FILE *err)
{
	struct strbuf errors = STRBUF_INIT;
	const char *file = config_default_path(path);
	struct mw_config *cfg = config_load(file, &errors);

	if (cfg == NULL) {
		fputs(strbuf_str(&errors), err);
		strbuf_free(&errors);
		return 2;
	}
	/* the exact form is a contract (SPEC, tests): always plural */
	fprintf(out, "%s: ok (%zu feeds, %zu channels)\n", file, cfg->n_feeds, cfg->n_channels);
	config_free(cfg);
	strbuf_free(&errors);
	return 0;
}
