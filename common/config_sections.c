/* config_sections.c: section headers ([daemon], [reminders], [feed NAME],
 * [channel NAME]) and key lines: which section a key is in, whether the
 * key exists there, duplicates, and handing the value to its parser. */
#include "config_sections.h"
#include "xalloc.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define NAME_MAX_LEN 48
#define SECTIONS_HINT "sections are [daemon], [reminders], [feed NAME] and [channel NAME]"

struct section_kind {
	const char *word;
	enum section_type type;
	bool named;
};

static const struct section_kind section_kinds[] = {
	{ "daemon", SEC_DAEMON, false },
	{ "reminders", SEC_REMINDERS, false },
	{ "feed", SEC_FEED, true },
	{ "channel", SEC_CHANNEL, true },
};

static const struct section_kind *find_kind(const char *word, size_t len)
{
	for (size_t i = 0; i < sizeof section_kinds / sizeof section_kinds[0]; i++)
		if (strlen(section_kinds[i].word) == len && strncmp(section_kinds[i].word, word, len) == 0)
			return &section_kinds[i];
	return NULL;
}

static struct section_lines *lines_of(struct load_ctx *ctx, int type, size_t index)
{
	switch (type) {
	case SEC_DAEMON: return &ctx->daemon;
	case SEC_REMINDERS: return &ctx->reminders;
	case SEC_FEED: return &ctx->feed_lines[index];
	case SEC_CHANNEL: return &ctx->channel_lines[index];
	default: fatal("config: no lines for section type %d", type);
	}
}

static bool valid_name(const char *name)
{
	size_t n = strlen(name);
	if (n == 0 || n > NAME_MAX_LEN)
		return false;
	for (; *name; name++)
		if (!isalnum((unsigned char)*name) && strchr("-_.", *name) == NULL)
			return false;
	return true;
}

/* Index of the feed or channel called name, or -1. */
static long find_named(const struct load_ctx *ctx, enum section_type t, const char *name)
{
	if (t == SEC_FEED) {  /* through the index: configs of 10,000 feeds */
		const struct mw_feed_config *f = config_feed(ctx->cfg, name);
		return f ? (long)(f - ctx->cfg->feeds) : -1;
	}
	for (size_t i = 0; i < ctx->cfg->n_channels; i++)
		if (strcmp(ctx->cfg->channels[i].name, name) == 0)
			return (long)i;
	return -1;
}

/* Appends a feed or channel (zeroed, with its name) and its line record. */
static size_t add_named(struct load_ctx *ctx, enum section_type t, const char *name)
{
	struct mw_config *cfg = ctx->cfg;
	size_t i;

	if (t == SEC_FEED) {
		i = cfg->n_feeds++;
		cfg->feeds = xrealloc(cfg->feeds, cfg->n_feeds * sizeof *cfg->feeds);
		ctx->feed_lines = xrealloc(ctx->feed_lines, cfg->n_feeds * sizeof *ctx->feed_lines);
		memset(&cfg->feeds[i], 0, sizeof cfg->feeds[i]);
		cfg->feeds[i].name = xstrdup(name);
		cfg->feeds[i].line = ctx->line;
		config_index_feed(cfg, i);
		memset(&ctx->feed_lines[i], 0, sizeof ctx->feed_lines[i]);
		ctx->feed_lines[i].header = ctx->line;
	} else {
		i = cfg->n_channels++;
		cfg->channels = xrealloc(cfg->channels, cfg->n_channels * sizeof *cfg->channels);
		ctx->channel_lines = xrealloc(ctx->channel_lines, cfg->n_channels * sizeof *ctx->channel_lines);
		memset(&cfg->channels[i], 0, sizeof cfg->channels[i]);
		cfg->channels[i].name = xstrdup(name);
		cfg->channels[i].line = ctx->line;
		memset(&ctx->channel_lines[i], 0, sizeof ctx->channel_lines[i]);
		ctx->channel_lines[i].header = ctx->line;
	}
	return i;
}

static void begin_single(struct load_ctx *ctx, const struct section_kind *k, const char *name)
{
	struct section_lines *l = lines_of(ctx, (int)k->type, 0);
	if (*name != '\0') {
		config_error(ctx, ctx->line, "[%s] takes no name; write just [%s]", k->word, k->word);
		return;
	}
	if (l->header != 0) {
		config_error(ctx, ctx->line, "[%s] appears twice (first on line %d); merge the two into one section",
			     k->word, l->header);
		return;
	}
	l->header = ctx->line;
	ctx->cur_type = (int)k->type;
}

static void begin_named(struct load_ctx *ctx, const struct section_kind *k, const char *name)
{
	if (!valid_name(name)) {
		config_error(ctx, ctx->line, *name == '\0'
			     ? "[%s] needs a name: write [%s NAME]%.0s; a name has letters, digits, '-', '_' and '.'"
			     : "[%s] name '%s' is not valid; a name has 1 to 48 letters, digits, '-', '_' and '.'",
			     k->word, *name == '\0' ? k->word : name, name);
		return;
	}
	long other = find_named(ctx, k->type, name);
	if (other >= 0) {
		config_error(ctx, ctx->line, "%s '%s' is defined twice (first on line %d); %s names must be unique",
			     k->word, name, lines_of(ctx, (int)k->type, (size_t)other)->header, k->word);
		return;
	}
	ctx->cur_index = add_named(ctx, k->type, name);
	ctx->cur_type = (int)k->type;
}

void config_section_header(struct load_ctx *ctx, const char *s)
{
	const char *close = strchr(s, ']');

	ctx->cur_type = CUR_INVALID;
	ctx->key_in_section = false;
	if (close == NULL) {
		config_error(ctx, ctx->line, "section header has no closing ']'; " SECTIONS_HINT);
		return;
	}
	const char *after = close + 1;
	while (isspace((unsigned char)*after))
		after++;
	if (*after != '\0' && *after != ';' && *after != '#') {
		config_error(ctx, ctx->line, "unexpected text after ']'; start comments with ;");
		return;
	}
	const char *word = s + 1;
	while (isspace((unsigned char)*word))
		word++;
	size_t wlen = strcspn(word, " \t]");
	const char *rest = word + wlen;
	while (rest < close && isspace((unsigned char)*rest))
		rest++;
	size_t nlen = (size_t)(close - rest);
	while (nlen > 0 && isspace((unsigned char)rest[nlen - 1]))
		nlen--;
	char *name = xstrndup(rest, nlen);
	const struct section_kind *k = find_kind(word, wlen);
	if (k == NULL)
		config_error(ctx, ctx->line, "unknown section [%.*s]; " SECTIONS_HINT, (int)(close - s - 1), s + 1);
	else if (k->named)
		begin_named(ctx, k, name);
	else
		begin_single(ctx, k, name);
	free(name);
}

/* Edit distance, for "did you mean"; keys are short. */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t row[CONFIG_KEY_NAME_MAX + 1];

	if (la > CONFIG_KEY_NAME_MAX || lb > CONFIG_KEY_NAME_MAX)
		return (size_t)-1;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

static const struct key_def *find_key(enum section_type t, const char *name)
{
	for (size_t i = 0; i < config_n_keys; i++)
		if (config_keys[i].section == t && strcmp(config_keys[i].name, name) == 0)
			return &config_keys[i];
	return NULL;
}

/* "[feed NAME] and [channel NAME]": where else name is a key. */
static bool other_sections(enum section_type t, const char *name, struct strbuf *out)
{
	for (int s = 0; s < N_SECTION_TYPES; s++) {
		if (s == (int)t || find_key((enum section_type)s, name) == NULL)
			continue;
		strbuf_printf(out, "%s%s", out->len ? " and " : "", config_section_label((enum section_type)s));
	}
	return out->len > 0;
}

static void unknown_key(struct load_ctx *ctx, enum section_type t, const char *name)
{
	struct strbuf where = STRBUF_INIT;
	const struct key_def *near = NULL;

	if (other_sections(t, name, &where)) {
		config_error(ctx, ctx->line, "'%s' is not a key of %s; it belongs in %s",
			     name, config_section_label(t), strbuf_str(&where));
		strbuf_free(&where);
		return;
	}
	for (size_t i = 0; i < config_n_keys; i++)
		if (config_keys[i].section == t && distance(name, config_keys[i].name) <= 2)
			near = &config_keys[i];
	if (near != NULL)
		config_error(ctx, ctx->line, "unknown key '%s' in %s; did you mean '%s'?",
			     name, config_section_label(t), near->name);
	else
		config_error(ctx, ctx->line, "unknown key '%s' in %s; mouwatch.conf.example lists every key",
			     name, config_section_label(t));
}

static bool quoted(const char *v)
{
	size_t n = strlen(v);
	return n >= 2 && (v[0] == '"' || v[0] == '\'') && v[n - 1] == v[0];
}

/* Checks and stores one value of key k in the current section. */
static bool set_value(struct load_ctx *ctx, const struct key_def *k, const char *value)
{
	struct strbuf why = STRBUF_INIT;

	if (*value == '\0') {
		if (k->flags & KEY_EMPTY_OK)
			return true;
		config_error(ctx, ctx->line, k->def
			     ? "%s: is empty; write a value, or delete the line for the default (%s)"
			     : "%s: is empty; it needs a value%.0s", k->name, k->def ? k->def : "");
		return false;
	}
	if (quoted(value)) {
		config_error(ctx, ctx->line, "%s: write the value without quotes", k->name);
		return false;
	}
	void *base = config_section_base(ctx->cfg, (enum section_type)ctx->cur_type, ctx->cur_index);
	bool ok = config_parse_value(ctx, k, value, base, &why);
	if (!ok) {
		char *shown = config_value_shown(k->kind, value);
		if (shown)
			config_error(ctx, ctx->line, "%s: '%s' %s", k->name, shown, strbuf_str(&why));
		else
			config_error(ctx, ctx->line, "%s: the value (not shown: a secret) %s", k->name, strbuf_str(&why));
		free(shown);
	}
	strbuf_free(&why);
	return ok;
}

void config_key_dropped(struct load_ctx *ctx, const char *line)
{
	char *name = xstrndup(line, strcspn(line, "=:"));
	size_t n = strlen(name);
	while (n > 0 && isspace((unsigned char)name[n - 1]))
		name[--n] = '\0';
	if (ctx->cur_type >= 0) {
		const struct key_def *k = find_key((enum section_type)ctx->cur_type, name);
		struct section_lines *l = lines_of(ctx, ctx->cur_type, ctx->cur_index);
		if (k != NULL && l->key[k - config_keys] == 0) {
			l->key[k - config_keys] = ctx->line;
			l->failed[k - config_keys] = true;
		}
	}
	free(name);
}

void config_key(struct load_ctx *ctx, const char *name, const char *value)
{
	if (ctx->line_indented && ctx->key_in_section) {
		config_error(ctx, ctx->line, "indented line continues the value of '%s'; write each key on its own line, not indented", name);
		return;
	}
	ctx->key_in_section = true;
	if (ctx->cur_type == CUR_INVALID)
		return;  /* the header was reported */
	if (ctx->cur_type == CUR_NONE) {
		config_error(ctx, ctx->line, "'%s' is outside any section; " SECTIONS_HINT, name);
		return;
	}
	if (*name == '\0') {
		config_error(ctx, ctx->line, "missing key name before '='");
		return;
	}
	enum section_type t = (enum section_type)ctx->cur_type;
	const struct key_def *k = find_key(t, name);
	if (k == NULL) {
		unknown_key(ctx, t, name);
		return;
	}
	int *seen = &lines_of(ctx, ctx->cur_type, ctx->cur_index)->key[k - config_keys];
	if (*seen != 0) {
		config_error(ctx, ctx->line, "%s: is set twice in this section (first on line %d); keep one",
			     name, *seen);
		return;
	}
	*seen = ctx->line;
	if (!set_value(ctx, k, value))
		lines_of(ctx, ctx->cur_type, ctx->cur_index)->failed[k - config_keys] = true;
}
