/* test_config_load.c: unit tests of loading a whole configuration: the
 * defaults, values derived from others, lookups, relative paths, and the
 * error messages with their line numbers. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "mwconfig.h"
#include "strbuf.h"

/* Loads text as "/etc/mw/t.conf"; asserts it is valid. */
static struct mw_config *load_ok(const char *text)
{
	struct strbuf errors = STRBUF_INIT;
	struct mw_config *cfg = config_load_string(text, "/etc/mw/t.conf", &errors);
	if (cfg == NULL)
		print_error("unexpected errors:\n%s", strbuf_str(&errors));
	assert_non_null(cfg);
	assert_int_equal(errors.len, 0);
	strbuf_free(&errors);
	return cfg;
}

/* Loads text as "t.conf"; asserts it is refused with exactly want. */
static void load_fails(const char *text, const char *want)
{
	struct strbuf errors = STRBUF_INIT;
	struct mw_config *cfg = config_load_string(text, "t.conf", &errors);
	assert_null(cfg);
	assert_string_equal(strbuf_str(&errors), want);
	strbuf_free(&errors);
}

static void test_defaults(void **state)
{
	struct mw_config *cfg = load_ok("");
	const struct mw_daemon_config *d = &cfg->daemon;
	const struct mw_reminders_config *r = &cfg->reminders;
	(void)state;

	assert_string_equal(d->state_dir, LOCALSTATEDIR "/lib/mouwatch");
	assert_string_equal(d->database, LOCALSTATEDIR "/lib/mouwatch/mouwatch.db");
	assert_string_equal(d->socket, RUNSTATEDIR "/mouwatch/mouwatchd.sock");
	assert_null(d->socket_group);
	assert_int_equal(d->redis.kind, MW_REDIS_EMBEDDED);
	assert_string_equal(d->redis_stream, "mouwatch:articles");
	assert_null(d->user_agent_contact);
	assert_int_equal(d->max_concurrent, 64);
	assert_int_equal(d->max_per_host, 2);
	assert_true(d->per_host_rate == 1.0);
	assert_false(d->allow_private_addresses);
	assert_false(d->allow_file_urls);
	assert_null(d->proxy);
	assert_int_equal(d->connect_timeout, 10);
	assert_int_equal(d->timeout, 60);
	assert_int_equal(d->max_feed_size, 16 << 20);
	assert_int_equal(d->max_article_size, 4 << 20);
	assert_int_equal(d->interval_floor, 300);
	assert_int_equal(d->interval_ceiling, 6 * 3600);
	assert_int_equal(d->default_interval, 900);
	assert_int_equal(d->stale_after, 7 * 86400);
	assert_int_equal(d->workers, 0);
	assert_int_equal(d->log_level, LOG_LEVEL_INFO);
	assert_true(d->article_fetch);
	assert_int_equal(d->busy_timeout, 5);

	assert_int_equal(r->n_lead_days, 3);
	assert_int_equal(r->lead_days[0], 90);
	assert_int_equal(r->lead_days[2], 7);
	assert_false(r->digest);
	assert_int_equal(r->n_retry_schedule, 9);
	assert_int_equal(r->retry_schedule[0], 5);
	assert_int_equal(r->retry_schedule[8], 86400);
	assert_int_equal(r->give_up_after, 5 * 86400);
	assert_int_equal(r->check_interval, 60);
	assert_string_equal(r->timezone, "Asia/Jakarta");
	assert_int_equal(cfg->n_feeds, 0);
	assert_int_equal(cfg->n_channels, 0);
	config_free(cfg);
}

static const char spec_text[] =
	"[daemon]\n"
	"state_dir = state            ; relative: to the config's directory\n"
	"redis = redis://:pw@redis.example:6380/2\n"
	"allow_file_urls = yes\n"
	"article_fetch = no\n"
	"[feed antara-kalsel]\n"
	"url = https://kalsel.antaranews.com/rss/terkini.xml\n"
	"interval = 30m\n"
	"language = ID\n"
	"[feed local]\n"
	"url = file:site/rss.xml\n"
	"interval = auto\n"
	"fetch_article = yes\n"
	"enabled = off\n"
	"[reminders]\n"
	"lead_days = 7,90,30\n"
	"digest = daily 07:30\n"
	"retry_schedule = 5s, 5m\n"
	"[channel ops-webhook]\n"
	"type = webhook\n"
	"url = https://example.org/hooks/mouwatch\n"
	"secret = whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n"
	"match = country:TH, program:student_exchange\n"
	"[channel intl-office]\n"
	"type = email\n"
	"smtp = smtps://mail.example.org\n"
	"password_file = smtp.secret\n"
	"from = mouwatch@example.org\n"
	"to = intl@example.org, dinas@example.org\n";

static void test_values_and_derived(void **state)
{
	struct mw_config *cfg = load_ok(spec_text);
	(void)state;

	assert_string_equal(cfg->path, "/etc/mw/t.conf");
	assert_string_equal(cfg->daemon.state_dir, "/etc/mw/state");
	assert_string_equal(cfg->daemon.database, "/etc/mw/state/mouwatch.db");
	assert_int_equal(cfg->daemon.redis.kind, MW_REDIS_TCP);
	assert_string_equal(cfg->daemon.redis.password, "pw");
	assert_int_equal(cfg->daemon.redis.db, 2);

	assert_int_equal(cfg->n_feeds, 2);
	const struct mw_feed_config *a = config_feed(cfg, "antara-kalsel");
	const struct mw_feed_config *l = config_feed(cfg, "local");
	assert_non_null(a);
	assert_non_null(l);
	assert_null(config_feed(cfg, "nope"));
	assert_int_equal(a->line, 6);
	assert_int_equal(a->interval, 1800);
	assert_false(a->interval_auto);
	assert_string_equal(a->language, "id");
	assert_true(a->enabled);
	assert_false(config_feed_fetches_article(cfg, a));  /* inherits no */
	assert_string_equal(l->url, "file:///etc/mw/site/rss.xml");
	assert_true(l->interval_auto);
	assert_int_equal(l->interval, 900);  /* auto starts at default_interval */
	assert_string_equal(l->language, "");
	assert_false(l->enabled);
	assert_true(config_feed_fetches_article(cfg, l));

	const struct mw_reminders_config *r = &cfg->reminders;
	assert_int_equal(r->n_lead_days, 3);
	assert_int_equal(r->lead_days[0], 90);
	assert_int_equal(r->lead_days[1], 30);
	assert_int_equal(r->lead_days[2], 7);
	assert_true(r->digest);
	assert_int_equal(r->digest_minute, 7 * 60 + 30);
	assert_int_equal(r->n_retry_schedule, 2);
	assert_int_equal(r->retry_schedule[1], 300);

	const struct mw_channel_config *w = config_channel(cfg, "ops-webhook");
	assert_non_null(w);
	assert_int_equal(w->type, MW_CHANNEL_WEBHOOK);
	assert_int_equal(w->timeout, 10);
	assert_int_equal(w->secret_key_len, 24);
	/* base64 "MfKQ" is the bytes 0x31 0xf2 0x90 */
	assert_int_equal(w->secret_key[0], 0x31);
	assert_int_equal(w->secret_key[1], 0xf2);
	assert_int_equal(w->secret_key[2], 0x90);
	assert_int_equal(w->match.n_rules, 2);
	assert_string_equal(w->match.rules[0].value, "TH");

	const struct mw_channel_config *e = config_channel(cfg, "intl-office");
	assert_non_null(e);
	assert_int_equal(e->type, MW_CHANNEL_EMAIL);
	assert_string_equal(e->password_file, "/etc/mw/smtp.secret");
	assert_int_equal(e->n_to, 2);
	assert_string_equal(e->to[1], "dinas@example.org");
	assert_int_equal(e->match.n_rules, 0);
	assert_null(e->url);
	config_free(cfg);
}

static void test_line_endings_and_bom(void **state)
{
	(void)state;
	struct mw_config *cfg = load_ok("\xEF\xBB\xBF[daemon]\r\ntimeout = 30s\r\n\r\n[feed a]\r\nurl = https://example.org/a.xml\r\n");
	assert_int_equal(cfg->daemon.timeout, 30);
	assert_string_equal(cfg->feeds[0].url, "https://example.org/a.xml");
	config_free(cfg);
	load_fails("\xEF\xBB\xBF[daemon]\r\ntimeout = 30\r\n",
		   "t.conf:2: timeout: '30' has no unit; add s, m, h or d (e.g. 15m)\n");
}

/* Lines longer than libinih's 200-byte buffer (issue 12, item 16): split
 * by the same rules as short ones, BOM and CRLF included. */
static void test_long_lines(void **state)
{
	struct strbuf url = STRBUF_INIT, text = STRBUF_INIT;

	(void)state;
	strbuf_puts(&url, "https://news.example.org/feeds");
	for (int i = 0; i < 120; i++)
		strbuf_printf(&url, "/bagian-%03d", i);
	strbuf_puts(&url, "/rss.xml?a=1;b=2");
	strbuf_printf(&text, "\xEF\xBB\xBF[feed long]\r\nurl   =   %s   ; a comment\r\n"
		      "[channel w]\r\ntype = webhook\r\nurl: %s\r\n"
		      "secret = whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\r\n",
		      strbuf_str(&url), strbuf_str(&url));
	struct mw_config *cfg = load_ok(strbuf_str(&text));
	assert_true(url.len > 1200);
	assert_string_equal(cfg->feeds[0].url, strbuf_str(&url));
	assert_string_equal(cfg->channels[0].url, strbuf_str(&url));
	config_free(cfg);
	strbuf_truncate(&text, 0);
	strbuf_printf(&text, "[daemon]\ntimeout = %0300d\n[feed x]\n%0300d\n", 1, 2);
	load_fails(strbuf_str(&text),
		   "t.conf:2: timeout: '000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001' has no unit; add s, m, h or d (e.g. 15m)\n"
		   "t.conf:3: [feed x] has no 'url'; add 'url = ...', it is required\n"
		   "t.conf:4: expected 'key = value', a [section] header or a ; comment\n");
	strbuf_free(&url);
	strbuf_free(&text);
}

/* Each case: a file and the exact messages; line numbers must be right. */
struct error_case {
	const char *text;
	const char *want;
};

static const struct error_case error_cases[] = {
	{ "[daemon]\n\n; comment\nmax_per_host = 3\nmax_per_host = 4\n",
	  "t.conf:5: max_per_host: is set twice in this section (first on line 4); keep one\n" },
	{ "[feed a]\nurl = https://example.org/a\n\n\n[feed a]\n",
	  "t.conf:5: feed 'a' is defined twice (first on line 1); feed names must be unique\n" },
	{ "[channel x]\ntype = email\nurl = https://example.org/hook\nsmtp = smtp://m\nfrom = a@b\nto = c@d\n",
	  "t.conf:3: url: is a key of webhook channels, and channel 'x' has type = email; remove it\n" },
	{ "[daemon]\nlead_days = 7\n",
	  "t.conf:2: 'lead_days' is not a key of [daemon]; it belongs in [reminders]\n" },
	{ "[reminders]\ntimeout = 5s\n",
	  "t.conf:2: 'timeout' is not a key of [reminders]; it belongs in [daemon] and [channel NAME]\n" },
	{ "[feed z]\n\n[daemon]\ntimeout = 1\n",
	  "t.conf:1: [feed z] has no 'url'; add 'url = ...', it is required\n"
	  "t.conf:4: timeout: '1' has no unit; add s, m, h or d (e.g. 15m)\n" },
	{ "[feed f]\nurl = file:///x.xml\n[daemon]\nallow_file_urls = yes\n", NULL },
	{ "[feed f]\nurl = file:///x.xml\n[daemon]\nallow_file_urls = no\n",
	  "t.conf:2: url: file: URLs are refused unless [daemon] has allow_file_urls = yes (meant for demos and tests)\n" },
	{ "[channel w]\ntype = webhook\nurl = file:///tmp/hook\n",
	  "t.conf:3: url: 'file:///tmp/hook' has the scheme 'file'; allowed schemes: http, https\n" },
	{ "[daemon]\ninterval_ceiling = 10m\ndefault_interval = 1h\n",
	  "t.conf:3: default_interval (1h) is outside interval_floor..interval_ceiling (5m..10m)\n" },
};

static void test_error_messages(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof error_cases / sizeof error_cases[0]; i++) {
		if (error_cases[i].want == NULL)
			config_free(load_ok(error_cases[i].text));
		else
			load_fails(error_cases[i].text, error_cases[i].want);
	}
}

static void test_error_cap(void **state)
{
	struct strbuf text = STRBUF_INIT, errors = STRBUF_INIT;
	(void)state;

	strbuf_puts(&text, "[daemon]\n");
	for (int i = 0; i < MW_CONFIG_MAX_ERRORS + 20; i++)
		strbuf_printf(&text, "bogus%d = 1\n", i);
	assert_null(config_load_string(strbuf_str(&text), "t.conf", &errors));
	size_t lines = 0;
	for (const char *p = strbuf_str(&errors); *p; p++)
		lines += *p == '\n';
	assert_int_equal(lines, MW_CONFIG_MAX_ERRORS + 1);
	assert_non_null(strstr(strbuf_str(&errors), "t.conf:2: unknown key 'bogus0'"));
	assert_non_null(strstr(strbuf_str(&errors), "t.conf: stopped after 50 errors"));
	strbuf_free(&text);
	strbuf_free(&errors);
}

static void test_missing_file(void **state)
{
	struct strbuf errors = STRBUF_INIT;
	(void)state;
	assert_null(config_load("/nonexistent/mouwatch.conf", &errors));
	assert_non_null(strstr(strbuf_str(&errors), "/nonexistent/mouwatch.conf: cannot open: No such file or directory"));
	strbuf_free(&errors);
}

static void test_default_path(void **state)
{
	(void)state;
	unsetenv("MOUWATCH_CONFIG");
	assert_string_equal(config_default_path(NULL), SYSCONFDIR "/mouwatch/mouwatch.conf");
	setenv("MOUWATCH_CONFIG", "/tmp/x.conf", 1);
	assert_string_equal(config_default_path(NULL), "/tmp/x.conf");
	assert_string_equal(config_default_path("/etc/y.conf"), "/etc/y.conf");
	setenv("MOUWATCH_CONFIG", "", 1);
	assert_string_equal(config_default_path(NULL), SYSCONFDIR "/mouwatch/mouwatch.conf");
	unsetenv("MOUWATCH_CONFIG");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_values_and_derived),
		cmocka_unit_test(test_line_endings_and_bom),
		cmocka_unit_test(test_long_lines),
		cmocka_unit_test(test_error_messages),
		cmocka_unit_test(test_error_cap),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_default_path),
	};
	return cmocka_run_group_tests_name("config loading", tests, NULL, NULL);
}
