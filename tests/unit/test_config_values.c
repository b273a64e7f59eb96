/* test_config_values.c: unit tests of the value parsers of the
 * configuration: durations, sizes, booleans, Redis addresses, match
 * filters. Cases are tables: a new case is a new row. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "duration.h"
#include "mwconfig.h"
#include "config_priv.h"

struct duration_case {
	const char *text;
	long long seconds;  /* -1: must be refused */
	const char *why;    /* refused: a word the reason must contain */
};

static const struct duration_case durations[] = {
	{ "90s", 90, NULL },
	{ "15m", 900, NULL },
	{ "6h", 21600, NULL },
	{ "7d", 604800, NULL },
	{ "1h30m", 5400, NULL },
	{ "30m1h", 5400, NULL },
	{ "2d12h", 216000, NULL },
	{ "0s", 0, NULL },
	{ "", -1, "empty" },
	{ "15", -1, "no unit" },
	{ "1h30", -1, "no unit" },
	{ "15x", -1, "unknown unit" },
	{ "15M", -1, "unknown unit" },
	{ "1m2m", -1, "repeats" },
	{ "h", -1, "not a duration" },
	{ "-5m", -1, "not a duration" },
	{ "1.5h", -1, "unknown unit" },
	{ "5 m", -1, "unknown unit" },
	{ "99999999999999999999d", -1, "too long" },
	{ "40000d", -1, "too long" },
};

static void test_durations(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof durations / sizeof durations[0]; i++) {
		const struct duration_case *c = &durations[i];
		long long secs = -7;
		const char *why = NULL;
		bool ok = duration_parse(c->text, &secs, &why);
		if (c->seconds >= 0) {
			assert_true(ok);
			assert_int_equal(secs, c->seconds);
		} else {
			assert_false(ok);
			assert_int_equal(secs, -7);  /* untouched on failure */
			assert_non_null(why);
			assert_non_null(strstr(why, c->why));
		}
	}
}

static void test_duration_format_round_trip(void **state)
{
	static const long long values[] = { 0, 1, 59, 60, 61, 3600, 5400, 86400, 90061, 604800 };
	static const char *const texts[] = { "0s", "1s", "59s", "1m", "1m1s", "1h", "1h30m", "1d", "1d1h1m1s", "7d" };
	char buf[32];
	(void)state;
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
		long long back;
		const char *why;
		assert_string_equal(duration_format(values[i], buf, sizeof buf), texts[i]);
		assert_true(duration_parse(buf, &back, &why));
		assert_int_equal(back, values[i]);
	}
}

struct size_case {
	const char *text;
	unsigned long long bytes;  /* 0: refused */
};

static const struct size_case sizes[] = {
	{ "512", 512 },
	{ "1K", 1024 },
	{ "16M", 16ULL << 20 },
	{ "16m", 16ULL << 20 },
	{ "4MiB", 4ULL << 20 },
	{ "4MB", 4ULL << 20 },
	{ "2G", 2ULL << 30 },
	{ "1024G", 1ULL << 40 },
	{ "1025G", 0 },
	{ "16Q", 0 },
	{ "M", 0 },
	{ "", 0 },
	{ "-1M", 0 },
	{ "1.5M", 0 },
	{ "99999999999999999999", 0 },
};

static void test_sizes(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		unsigned long long b = 7;
		const char *why = NULL;
		bool ok = size_parse(sizes[i].text, &b, &why);
		if (sizes[i].bytes != 0) {
			assert_true(ok);
			assert_int_equal(b, sizes[i].bytes);
		} else {
			assert_false(ok);
			assert_int_equal(b, 7);
			assert_non_null(why);
		}
	}
}

static void test_booleans(void **state)
{
	static const char *const yes[] = { "yes", "YES", "true", "on", "1", "True" };
	static const char *const no[] = { "no", "false", "off", "0", "Off" };
	static const char *const bad[] = { "y", "maybe", "", "2", "yes please" };
	const char *why;
	bool b;
	(void)state;
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		b = false;
		assert_true(config_parse_bool(yes[i], &b, &why));
		assert_true(b);
	}
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) {
		b = true;
		assert_true(config_parse_bool(no[i], &b, &why));
		assert_false(b);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		why = NULL;
		assert_false(config_parse_bool(bad[i], &b, &why));
		assert_non_null(strstr(why, "yes/no"));
	}
}

struct redis_case {
	const char *text;
	bool ok;
	enum mw_redis_kind kind;
	const char *host_or_path;
	int port, db;
	const char *username, *password;
};

static const struct redis_case redis_cases[] = {
	{ "", true, MW_REDIS_EMBEDDED, NULL, 0, 0, NULL, NULL },
	{ "redis://localhost", true, MW_REDIS_TCP, "localhost", 6379, 0, NULL, NULL },
	{ "redis://10.0.0.5:6380/3", true, MW_REDIS_TCP, "10.0.0.5", 6380, 3, NULL, NULL },
	{ "redis://:s%40cret@h.example:7000/1", true, MW_REDIS_TCP, "h.example", 7000, 1, NULL, "s@cret" },
	{ "redis://mw:pw@h/", true, MW_REDIS_TCP, "h", 6379, 0, "mw", "pw" },
	{ "redis://[::1]:6379/2", true, MW_REDIS_TCP, "::1", 6379, 2, NULL, NULL },
	{ "unix:/run/redis.sock", true, MW_REDIS_UNIX, "/run/redis.sock", 0, 0, NULL, NULL },
	{ "unix:/run/redis.sock?db=5", true, MW_REDIS_UNIX, "/run/redis.sock", 0, 5, NULL, NULL },
	{ "unix:///run/redis.sock", true, MW_REDIS_UNIX, "/run/redis.sock", 0, 0, NULL, NULL },
	{ "unix:run/redis.sock", false, 0, NULL, 0, 0, NULL, NULL },
	{ "unix:/run/redis.sock?database=5", false, 0, NULL, 0, 0, NULL, NULL },
	{ "redis://h:0", false, 0, NULL, 0, 0, NULL, NULL },
	{ "redis://h:99999", false, 0, NULL, 0, 0, NULL, NULL },
	{ "redis://h/x", false, 0, NULL, 0, 0, NULL, NULL },
	{ "redis://h/1?x=y", false, 0, NULL, 0, 0, NULL, NULL },
	{ "rediss://h", false, 0, NULL, 0, 0, NULL, NULL },
	{ "localhost:6379", false, 0, NULL, 0, 0, NULL, NULL },
	{ "http://h", false, 0, NULL, 0, 0, NULL, NULL },
};

static void check_redis(const struct redis_case *c)
{
	struct mw_redis_addr a;
	struct strbuf why = STRBUF_INIT;
	bool ok = config_parse_redis(c->text, &a, &why);

	assert_int_equal(ok, c->ok);
	if (!ok) {
		assert_non_null(strstr(strbuf_str(&why), "redis://HOST"));
		strbuf_free(&why);
		return;
	}
	assert_int_equal(a.kind, c->kind);
	if (c->kind == MW_REDIS_TCP) {
		assert_string_equal(a.host, c->host_or_path);
		assert_int_equal(a.port, c->port);
	} else if (c->kind == MW_REDIS_UNIX) {
		assert_string_equal(a.path, c->host_or_path);
	}
	assert_int_equal(a.db, c->db);
	if (c->username)
		assert_string_equal(a.username, c->username);
	else
		assert_null(a.username);
	if (c->password)
		assert_string_equal(a.password, c->password);
	else
		assert_null(a.password);
	config_redis_clear(&a);
}

static void test_redis(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof redis_cases / sizeof redis_cases[0]; i++)
		check_redis(&redis_cases[i]);
}

static void test_match(void **state)
{
	struct mw_match m;
	struct strbuf why = STRBUF_INIT;
	(void)state;

	assert_true(config_parse_match("country:th, program:student_exchange, party:Politeknik Balikpapan,type:MoU, language:ms", &m, &why));
	assert_int_equal(m.n_rules, 5);
	assert_int_equal(m.rules[0].field, MW_MATCH_COUNTRY);
	assert_string_equal(m.rules[0].value, "TH");
	assert_int_equal(m.rules[1].field, MW_MATCH_PROGRAM);
	assert_string_equal(m.rules[1].value, "student_exchange");
	assert_int_equal(m.rules[2].field, MW_MATCH_PARTY);
	assert_string_equal(m.rules[2].value, "Politeknik Balikpapan");
	assert_int_equal(m.rules[3].field, MW_MATCH_TYPE);
	assert_string_equal(m.rules[3].value, "mou");
	assert_int_equal(m.rules[4].field, MW_MATCH_LANGUAGE);
	assert_string_equal(m.rules[4].value, "ms");
	assert_string_equal(config_match_field_name(m.rules[2].field), "party");
	config_match_clear(&m);
	assert_null(m.rules);

	assert_true(config_parse_match("", &m, &why));
	assert_int_equal(m.n_rules, 0);

	static const char *const bad[] = {
		"country:THA", "program:exchange", "type:treaty", "language:jv",
		"colour:blue", "country", "party:", "country:TH,,program:research",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		strbuf_free(&why);
		assert_false(config_parse_match(bad[i], &m, &why));
		assert_true(why.len > 0);
	}
	strbuf_free(&why);
}

/* What a refused value's error may quote (issue 12, item 2). */
static void test_value_shown(void **state)
{
	static const struct { enum value_kind kind; const char *v, *shown; } cases[] = {
		{ V_URL, "https://hooks.example.org/in?token=abc", "https://hooks.example.org/in?(removed)" },
		{ V_URL, "https://u:p@w@proxy.example.org:3128/x#frag", "https://(removed)@proxy.example.org:3128/x#(removed)" },
		/* A '@' after a '/', '?' or '#': a password holding them
		 * unencoded cannot be told from a path or a query. */
		{ V_URL, "http://example.org/a@b", "http://(removed)" },
		{ V_URL, "https://h.example.org/in?token=a@b", "https://(removed)" },
		{ V_REDIS, "redis://:se/cret@localhost:6379/zero", "redis://(removed)" },
		{ V_REDIS, "redis://:se?cret@localhost:6379", "redis://(removed)" },
		{ V_REDIS, "redis://u:se#cret@localhost", "redis://(removed)" },
		{ V_URL, "http://example.org/feed.xml", "http://example.org/feed.xml" },
		{ V_REDIS, "redis://:pa55@localhost:6379/zero", "redis://(removed)@localhost:6379/zero" },
		{ V_REDIS, "unix:/run/r.sock?db=x", "unix:/run/r.sock?(removed)" },
		{ V_DURATION, "5 minutes", "5 minutes" },
	};

	(void)state;
	assert_null(config_value_shown(V_SECRET, "whsec_abc"));
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *got = config_value_shown(cases[i].kind, cases[i].v);
		assert_string_equal(got, cases[i].shown);
		free(got);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_durations),
		cmocka_unit_test(test_duration_format_round_trip),
		cmocka_unit_test(test_sizes),
		cmocka_unit_test(test_booleans),
		cmocka_unit_test(test_redis),
		cmocka_unit_test(test_match),
		cmocka_unit_test(test_value_shown),
	};
	return cmocka_run_group_tests_name("config values", tests, NULL, NULL);
}
