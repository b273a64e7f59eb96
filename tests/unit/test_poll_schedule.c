/* test_poll_schedule.c: unit tests of poll intervals, back-off, server
 * hints, staleness, and the host pause table. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>

#include "poll_schedule.h"
#include "host_pause.h"

#define NOW 1700000000

static struct poll_timing base(void)
{
	struct poll_timing t = {
		.now = NOW, .interval = 900, .floor = 300, .ceiling = 6 * 3600,
		.retry_after_s = -1, .max_age_s = -1,
	};
	return t;
}

static void test_success_uses_interval(void **state)
{
	(void)state;
	struct poll_timing t = base();
	assert_int_equal(poll_next_after_success(&t), NOW + 900);
	t.jitter = 1.0;
	assert_int_equal(poll_next_after_success(&t), NOW + 990);
	t.jitter = -1.0;
	assert_int_equal(poll_next_after_success(&t), NOW + 810);
}

static void test_floor_applies_to_configured_interval(void **state)
{
	(void)state;
	struct poll_timing t = base();
	t.interval = 10;
	assert_int_equal(poll_effective_interval(&t), 300);
	t.interval = 86400; /* an operator may ask for a daily poll */
	assert_int_equal(poll_effective_interval(&t), 86400);
}

static void test_auto_follows_publishing_rhythm(void **state)
{
	(void)state;
	struct poll_timing t = base();
	t.interval_auto = true;
	t.avg_publish_interval = 7200; /* a new entry every two hours */
	assert_int_equal(poll_effective_interval(&t), 3600);
	t.avg_publish_interval = 60;   /* very busy: floor */
	assert_int_equal(poll_effective_interval(&t), 300);
	t.avg_publish_interval = 7 * 86400; /* weekly: ceiling */
	assert_int_equal(poll_effective_interval(&t), 6 * 3600);
	t.avg_publish_interval = 0;    /* unknown: the configured start */
	assert_int_equal(poll_effective_interval(&t), 900);
}

/* A feed added at run time has no [feed] section: its own interval comes
 * from its feeds row, not default_interval (issue 12, item 13). */
static void test_interval_sources(void **state)
{
	(void)state;
	struct poll_timing t = base();
	struct poll_interval_source runtime = { .row_seconds = 600, .default_interval = 900 };
	poll_timing_set_interval(&t, &runtime);
	assert_int_equal(t.interval, 600);
	assert_false(t.interval_auto);
	assert_int_equal(poll_next_after_success(&t), NOW + 600);
	runtime.row_seconds = 0;   /* no --interval, or "auto" */
	poll_timing_set_interval(&t, &runtime);
	assert_int_equal(t.interval, 900);
	assert_true(t.interval_auto);
	struct poll_interval_source cfg = { .configured = true, .cfg_interval = 1200,
		.row_seconds = 600, .default_interval = 900 };
	poll_timing_set_interval(&t, &cfg);
	assert_int_equal(t.interval, 1200);
	assert_false(t.interval_auto);
	cfg.cfg_interval = 0;      /* no interval key: the default */
	poll_timing_set_interval(&t, &cfg);
	assert_int_equal(t.interval, 900);
}

static void test_server_hints_are_lower_bounds(void **state)
{
	(void)state;
	struct poll_timing t = base();
	t.max_age_s = 3600;
	assert_int_equal(poll_next_after_success(&t), NOW + 3600);
	t.max_age_s = 60; /* shorter than our interval: ours wins */
	assert_int_equal(poll_next_after_success(&t), NOW + 900);
	t.max_age_s = -1;
	t.ttl_minutes = 30;
	assert_int_equal(poll_next_after_success(&t), NOW + 1800);
	t.ttl_minutes = 0;
	t.expires_at = NOW + 2000;
	assert_int_equal(poll_next_after_success(&t), NOW + 2000);
	t.expires_at = 0;
	t.max_age_s = 365L * 86400; /* absurd: capped at the ceiling */
	assert_int_equal(poll_next_after_success(&t), NOW + 6 * 3600);
}

static void test_failure_backs_off_exponentially_to_a_day(void **state)
{
	(void)state;
	struct poll_timing t = base();
	int64_t expect[] = { 900, 1800, 3600, 7200, 14400, 28800, 57600, 86400, 86400 };
	for (int i = 0; i < 9; i++) {
		t.consecutive_failures = i + 1;
		assert_int_equal(poll_next_after_failure(&t) - NOW, expect[i]);
	}
	t.consecutive_failures = 1000;
	assert_int_equal(poll_next_after_failure(&t) - NOW, 86400);
}

static void test_retry_after_is_honoured(void **state)
{
	(void)state;
	struct poll_timing t = base();
	t.consecutive_failures = 1;
	t.retry_after_s = 7200;
	assert_int_equal(poll_next_after_failure(&t) - NOW, 7200);
	t.retry_after_s = 10 * 86400;
	assert_int_equal(poll_next_after_failure(&t) - NOW, 86400);
}

static void test_publish_interval_average(void **state)
{
	(void)state;
	assert_true(poll_update_publish_interval(0, 3600) == 3600);
	double a = poll_update_publish_interval(3600, 7200);
	assert_true(a > 3600 && a < 7200);
	assert_true(poll_update_publish_interval(3600, 0) == 3600);
}

static void test_stale(void **state)
{
	(void)state;
	int64_t week = 7 * 86400;
	assert_false(poll_is_stale(NOW, 0, 0, week)); /* never published: unknown */
	assert_false(poll_is_stale(NOW, NOW - 3600, 600, week));
	assert_true(poll_is_stale(NOW, NOW - 8 * 86400, 3600, week));
	/* a monthly feed is not stale after eight days */
	assert_false(poll_is_stale(NOW, NOW - 8 * 86400, 30 * 86400, week));
}

static void test_url_host(void **state)
{
	(void)state;
	const char *cases[][2] = {
		{ "https://Kalsel.AntaraNews.com/rss/terkini.xml", "kalsel.antaranews.com" },
		{ "http://user:pw@example.org:8080/x?y#z", "example.org" },
		{ "http://[::1]:8080/feed", "[::1]" },
		{ "http://127.0.0.1/", "127.0.0.1" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *h = url_host(cases[i][0]);
		assert_non_null(h);
		assert_string_equal(h, cases[i][1]);
		free(h);
	}
	assert_null(url_host("not a url"));
	assert_null(url_host("http:///path"));
}

static void test_host_pause(void **state)
{
	(void)state;
	struct host_pauses hp = { 0 };
	host_pause_set(&hp, "https://a.example/feed1", NOW + 60);
	assert_int_equal(host_paused_until(&hp, "https://a.example/other", NOW), NOW + 60);
	assert_int_equal(host_paused_until(&hp, "https://b.example/feed", NOW), 0);
	host_pause_set(&hp, "https://a.example/feed2", NOW + 30); /* shorter: keeps the longer */
	assert_int_equal(host_paused_until(&hp, "https://a.example/", NOW), NOW + 60);
	assert_int_equal(host_paused_until(&hp, "https://a.example/", NOW + 61), 0);
	assert_int_equal(hp.n, 0); /* expired entries are dropped */
	host_pauses_free(&hp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_success_uses_interval),
		cmocka_unit_test(test_floor_applies_to_configured_interval),
		cmocka_unit_test(test_auto_follows_publishing_rhythm),
		cmocka_unit_test(test_interval_sources),
		cmocka_unit_test(test_server_hints_are_lower_bounds),
		cmocka_unit_test(test_failure_backs_off_exponentially_to_a_day),
		cmocka_unit_test(test_retry_after_is_honoured),
		cmocka_unit_test(test_publish_interval_average),
		cmocka_unit_test(test_stale),
		cmocka_unit_test(test_url_host),
		cmocka_unit_test(test_host_pause),
	};
	return cmocka_run_group_tests_name("poll_schedule", tests, NULL, NULL);
}
