/* test_fetch_headers.c: reading response headers as libcurl passes them:
 * several responses in a row (redirects), validators, Cache-Control,
 * Expires, Retry-After in both forms, and malformed values. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "fetch_private.h"

static const time_t NOW = 1795000000;   /* Wed, 18 Nov 2026 11:06:40 GMT */

static void feed(struct fetch_hdrs *h, const char *const *lines)
{
	for (size_t i = 0; lines[i]; i++)
		fetch_hdrs_line(h, lines[i], strlen(lines[i]), NOW);
}

static void test_final_response_wins(void **state)
{
	static const char *const lines[] = {
		"HTTP/1.1 301 Moved Permanently\r\n",
		"Location: /new\r\n",
		"ETag: \"old\"\r\n",
		"\r\n",
		"HTTP/2 200 \r\n",
		"etag: \"v2\"\r\n",
		"last-modified: Fri, 02 Jan 2026 03:04:05 GMT\r\n",
		"Content-Type: application/rss+xml; charset=utf-8\r\n",
		"cache-control: public, max-age=600\r\n",
		"\r\n",
		NULL,
	};
	struct fetch_hdrs h;

	fetch_hdrs_init(&h);
	feed(&h, lines);
	assert_int_equal(h.status, 200);
	assert_string_equal(h.etag, "\"v2\"");
	assert_string_equal(h.last_modified, "Fri, 02 Jan 2026 03:04:05 GMT");
	assert_string_equal(h.content_type, "application/rss+xml; charset=utf-8");
	assert_null(h.location);
	assert_int_equal(h.max_age, 600);
	assert_int_equal(h.expires, -1);
	assert_int_equal(h.retry_after_s, -1);
	fetch_hdrs_clear(&h);
}

static void test_events(void **state)
{
	struct fetch_hdrs h;

	fetch_hdrs_init(&h);
	assert_int_equal(fetch_hdrs_line(&h, "HTTP/1.1 308 X\r\n", 16, NOW),
			 FETCH_HDR_STATUS);
	assert_int_equal(fetch_hdrs_line(&h, "Location: http://b/\r\n", 21, NOW),
			 FETCH_HDR_FIELD);
	assert_int_equal(fetch_hdrs_line(&h, "\r\n", 2, NOW), FETCH_HDR_END);
	assert_int_equal(h.status, 308);
	assert_string_equal(h.location, "http://b/");
	/* a header without colon, and one we do not keep, change nothing */
	fetch_hdrs_line(&h, "garbage line", 12, NOW);
	fetch_hdrs_line(&h, "X-Other: 1", 10, NOW);
	assert_string_equal(h.location, "http://b/");
	fetch_hdrs_clear(&h);
}

static const struct {
	const char *value;
	long want;
} retry_cases[] = {
	{ "7", 7 },
	{ "0", 0 },
	{ "120", 120 },
	{ "Wed, 18 Nov 2026 11:13:40 GMT", 420 },
	{ "Tue, 01 Jan 2019 00:00:00 GMT", 0 },     /* in the past */
	{ "-5", -1 },
	{ "7s", -1 },
	{ "soon", -1 },
	{ "", -1 },
	{ "99999999999999999999999", -1 },
};

static void test_retry_after(void **state)
{
	for (size_t i = 0; i < sizeof retry_cases / sizeof *retry_cases; i++) {
		long got = fetch_parse_retry_after(retry_cases[i].value, NOW);
		if (got != retry_cases[i].want)
			fail_msg("Retry-After \"%s\": wanted %ld, got %ld",
				 retry_cases[i].value, retry_cases[i].want, got);
	}
}

static const struct {
	const char *value;
	long want;
} max_age_cases[] = {
	{ "max-age=600", 600 },
	{ "public, max-age=60, must-revalidate", 60 },
	{ "MAX-AGE=5", 5 },
	{ "max-age=\"30\"", 30 },
	{ "s-maxage=10, max-age=20", 20 },
	{ "no-cache", -1 },
	{ "max-age=", -1 },
	{ "max-age=abc", -1 },
	{ "max-age=10x", -1 },
	{ "", -1 },
};

static void test_max_age(void **state)
{
	for (size_t i = 0; i < sizeof max_age_cases / sizeof *max_age_cases; i++) {
		long got = fetch_parse_max_age(max_age_cases[i].value);
		if (got != max_age_cases[i].want)
			fail_msg("Cache-Control \"%s\": wanted %ld, got %ld",
				 max_age_cases[i].value, max_age_cases[i].want, got);
	}
}

static void test_expires_and_retry_header(void **state)
{
	static const char *const lines[] = {
		"HTTP/1.1 429 Too Many Requests\r\n",
		"Retry-After: 42\r\n",
		"Expires: Thu, 01 Jan 2026 00:00:00 GMT\r\n",
		"\r\n",
		NULL,
	};
	struct fetch_hdrs h;

	fetch_hdrs_init(&h);
	feed(&h, lines);
	assert_int_equal(h.status, 429);
	assert_int_equal(h.retry_after_s, 42);
	assert_int_equal(h.expires, 1767225600);
	fetch_hdrs_line(&h, "Expires: 0", 10, NOW);
	assert_int_equal(h.expires, -1);
	fetch_hdrs_clear(&h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_final_response_wins),
		cmocka_unit_test(test_events),
		cmocka_unit_test(test_retry_after),
		cmocka_unit_test(test_max_age),
		cmocka_unit_test(test_expires_and_retry_header),
	};
	return cmocka_run_group_tests_name("fetch_headers", tests, NULL, NULL);
}
