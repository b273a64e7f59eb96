/* fuzz_config.c: libFuzzer target for the configuration parser: any bytes
 * as a mouwatch.conf through config_load_string(), checking that it either
 * returns a configuration and no errors, or NULL and at least one error,
 * every error line naming the file ("NAME:LINE: ..."), at most
 * MW_CONFIG_MAX_ERRORS of them (plus a closing note), and that every feed
 * and channel of a valid file is found by name. The first line also goes
 * through the value parsers the control socket uses (bool, redis, match).
 * Built by `make fuzz`; replayed over its corpus by `make check`. */
#include "fuzz_util.h"
#include "mwconfig.h"
#include "strbuf.h"

#define MAX_TEXT (64 * 1024)
#define NAME "/fuzz/mouwatch.conf"

static void fuzz_values(const char *text)
{
	char line[256];
	size_t n = strcspn(text, "\n");
	struct strbuf why = STRBUF_INIT;
	struct mw_redis_addr addr;
	struct mw_match match;
	const char *w = NULL;
	bool b;

	if (n >= sizeof line)
		n = sizeof line - 1;
	memcpy(line, text, n);
	line[n] = '\0';
	if (!config_parse_bool(line, &b, &w))
		FUZZ_CHECK(w != NULL);
	if (config_parse_redis(line, &addr, &why))
		config_redis_clear(&addr);
	else
		FUZZ_CHECK(why.len > 0);
	strbuf_truncate(&why, 0);
	if (config_parse_match(line, &match, &why)) {
		for (size_t i = 0; i < match.n_rules; i++)
			FUZZ_CHECK(config_match_field_name(match.rules[i].field) != NULL);
		config_match_clear(&match);
	} else {
		FUZZ_CHECK(why.len > 0);
	}
	strbuf_free(&why);
}

static void check_errors(const char *errs)
{
	size_t lines = 0;

	for (const char *p = errs; *p; lines++) {
		const char *nl = strchr(p, '\n');
		FUZZ_CHECK(strncmp(p, NAME ":", strlen(NAME ":")) == 0);
		p = nl ? nl + 1 : p + strlen(p);
	}
	FUZZ_CHECK(lines > 0 && lines <= MW_CONFIG_MAX_ERRORS + 1);
}

static void check_config(const struct mw_config *cfg)
{
	for (size_t i = 0; i < cfg->n_feeds; i++) {
		FUZZ_CHECK(config_feed(cfg, cfg->feeds[i].name) == &cfg->feeds[i]);
		FUZZ_CHECK(cfg->feeds[i].url != NULL);
		(void)config_feed_fetches_article(cfg, &cfg->feeds[i]);
	}
	for (size_t i = 0; i < cfg->n_channels; i++)
		FUZZ_CHECK(config_channel(cfg, cfg->channels[i].name) == &cfg->channels[i]);
	FUZZ_CHECK(cfg->daemon.database != NULL && cfg->daemon.socket != NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_cstr(data, size, MAX_TEXT);
	struct strbuf errors = STRBUF_INIT;
	struct mw_config *cfg;

	fuzz_values(text);
	cfg = config_load_string(text, NAME, &errors);
	if (cfg != NULL) {
		FUZZ_CHECK(errors.len == 0);
		check_config(cfg);
		config_free(cfg);
	} else {
		check_errors(strbuf_str(&errors));
	}
	strbuf_free(&errors);
	free(text);
	return 0;
}
