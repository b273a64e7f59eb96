/* test_feed_date.c: unit tests of feed_parse_date(): a table of inputs and
 * the UTC time each means (written as its own civil date, not as an epoch
 * computed by the code under test), and inputs that must not parse. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "feed_date.h"
#include "tz.h"

struct date_case {
	const char *in;
	const char *utc;   /* expected, as strftime("%Y-%m-%dT%H:%M:%SZ") */
};

static const struct date_case good[] = {
	/* RFC 822 / 1123 */
	{ "Mon, 26 Jan 2026 10:00:00 +0700", "2026-01-26T03:00:00Z" },
	{ "Mon, 26 Jan 2026 10:00:00 GMT", "2026-01-26T10:00:00Z" },
	{ "26 Jan 2026 10:00 +0000", "2026-01-26T10:00:00Z" },
	{ "Tue, 7 Jan 2025 23:59:60 UT", "2025-01-07T23:59:59Z" },
	{ "Wed, 01 Jan 2025 00:30:00 -0130", "2025-01-01T02:00:00Z" },
	{ "Wed, 01 Jan 2025 00:30:00 +05:30", "2024-12-31T19:00:00Z" },
	{ "Thu, 02 Jan 2025 12:00:00 EST", "2025-01-02T17:00:00Z" },
	{ "Thu, 02 Jul 2025 12:00:00 PDT", "2025-07-02T19:00:00Z" },
	{ "Thu, 02 Jan 2025 12:00:00 CST", "2025-01-02T18:00:00Z" },
	{ "Thu, 02 Jan 2025 12:00:00 A", "2025-01-02T11:00:00Z" },
	{ "Thu, 02 Jan 2025 12:00:00 Y", "2025-01-03T00:00:00Z" },
	{ "Thu, 02 Jan 2025 12:00:00 Z", "2025-01-02T12:00:00Z" },
	{ "Thu, 02 Jan 2025 12:00:00", "2025-01-02T12:00:00Z" },
	{ "Sun, 06 Nov 94 08:49:37 GMT", "1994-11-06T08:49:37Z" },
	{ "06 Nov 04 08:49:37 GMT", "2004-11-06T08:49:37Z" },
	{ "Sunday, 06-Nov-94 08:49:37 GMT", "1994-11-06T08:49:37Z" },
	{ "Sun Nov  6 08:49:37 1994", "1994-11-06T08:49:37Z" },
	{ "Jan 26, 2026 10:00 PM", "2026-01-26T22:00:00Z" },
	{ "Jan 26, 2026 12:05 am", "2026-01-26T00:05:00Z" },
	{ "2nd March 2024", "2024-03-02T00:00:00Z" },
	{ "Mon, 26 Jan 2026 10:00:00 GMT+0700", "2026-01-26T03:00:00Z" },
	{ "Mon, 26 Jan 2026 10:00:00 +0700 (WIB)", "2026-01-26T03:00:00Z" },
	/* Indonesian */
	{ "Sen, 26 Jan 2026 10:00:00 +0700", "2026-01-26T03:00:00Z" },
	{ "Jumat, 31 Januari 2025 08:15 WIB", "2025-01-31T01:15:00Z" },
	{ "Jum'at, 31 Januari 2025 08.15 WIB", "2025-01-31T01:15:00Z" },
	{ "Jum\xe2\x80\x99" "at, 31 Januari 2025 08:15 WITA", "2025-01-31T00:15:00Z" },
	{ "Rab, 22 Okt 2024", "2024-10-22T00:00:00Z" },
	{ "Selasa, 10 Desember 2024 16:45 WIT", "2024-12-10T07:45:00Z" },
	{ "Kamis, 17 Agustus 2023 pukul 10.00 WIB", "2023-08-17T03:00:00Z" },
	{ "Sabtu, 1 Agt 2022", "2022-08-01T00:00:00Z" },
	{ "Minggu, 5 Mei 2024 07:00", "2024-05-05T07:00:00Z" },
	{ "3 Maret 2024", "2024-03-03T00:00:00Z" },
	{ "29 Pebruari 2024", "2024-02-29T00:00:00Z" },
	{ "12 Nopember 2021 09:00 WIB", "2021-11-12T02:00:00Z" },
	/* Malay */
	{ "Isnin, 5 Mei 2025 09:00:00 +0800", "2025-05-05T01:00:00Z" },
	{ "Khamis, 1 Ogos 2024", "2024-08-01T00:00:00Z" },
	{ "Ahad, 8 Dis 2024 20:00 MYT", "2024-12-08T12:00:00Z" },
	{ "Jumaat, 14 Mac 2025", "2025-03-14T00:00:00Z" },
	{ "Selasa, 9 Julai 2024", "2024-07-09T00:00:00Z" },
	/* ISO 8601 / RFC 3339 */
	{ "2025-01-31T08:00:00+07:00", "2025-01-31T01:00:00Z" },
	{ "2025-01-31T08:00:00Z", "2025-01-31T08:00:00Z" },
	{ "2025-01-31t08:00:00z", "2025-01-31T08:00:00Z" },
	{ "2025-01-31T08:00:00.123456-05:00", "2025-01-31T13:00:00Z" },
	{ "2025-01-31T08:00:00,5Z", "2025-01-31T08:00:00Z" },
	{ "2025-01-31T08:00+0700", "2025-01-31T01:00:00Z" },
	{ "2025-01-31T08:00:00+07", "2025-01-31T01:00:00Z" },
	{ "2025-01-31T08:00:00", "2025-01-31T08:00:00Z" },
	{ "2025-01-31 08:00:00", "2025-01-31T08:00:00Z" },
	{ "2025-01-31 08:00:00 WIB", "2025-01-31T01:00:00Z" },
	{ "2025-01-31", "2025-01-31T00:00:00Z" },
	{ "2025/01/31 08:00", "2025-01-31T08:00:00Z" },
	{ "  2024-02-29T23:59:59Z  ", "2024-02-29T23:59:59Z" },
	{ "2000-02-29", "2000-02-29T00:00:00Z" },
};

static const char *const bad[] = {
	"", "   ", "kemarin", "kemarin sore", "31 Februari 2025", "29 Feb 2023",
	"2025-13-01", "2025-02-30", "2025-01-31T25:00:00Z", "2025-01-31T08:60:00Z",
	"2025-01-31Tfoo", "2025-01-31 08:00:00 XYZ", "2025-01-31T08:00:00+99:00",
	"Mon, 26 Jan", "26 2026", "Jan 2026", "Blah, 26 Jan 2026", "26 Jan 2026 10:00 QQQ",
	"32 Jan 2026", "0 Jan 2026", "26 Foo 2026", "26 Jan 2026 13:00 PM",
	"26 Jan 2026 Jan", "1899-12-31", "26 Jan 202", "31/01/2025", "1706241600",
	"12345678901234567890", "2025-1-", "Mon, 26 Jan 2026 10:00:00 +07000",
};

static void test_good_dates(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		time_t t = 0;
		char buf[32];
		struct tm tm;
		if (!feed_parse_date(good[i].in, &t))
			fail_msg("did not parse: \"%s\"", good[i].in);
		gmtime_r(&t, &tm);
		strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
		if (strcmp(buf, good[i].utc) != 0)
			fail_msg("\"%s\": got %s, expected %s", good[i].in, buf, good[i].utc);
	}
}

static void test_bad_dates(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		time_t t = 12345;
		if (feed_parse_date(bad[i], &t))
			fail_msg("parsed, but should not: \"%s\"", bad[i]);
		assert_int_equal(t, 12345);
	}
	assert_false(feed_parse_date(NULL, NULL));
}

static void test_from_civil(void **state)
{
	(void)state;
	assert_int_equal(feed_date_from_civil(1970, 1, 1, 0, 0, 0), 0);
	assert_int_equal(feed_date_from_civil(2000, 3, 1, 0, 0, 0), 951868800);
	assert_int_equal(feed_date_from_civil(1969, 12, 31, 23, 59, 59), -1);
}

/* Dates without a zone in a feed's zone (the tz database's files). */
static void test_timezone(void **state)
{
	static const struct { const char *zone, *in; time_t want; } cases[] = {
		{ "Asia/Jakarta", "2026-12-03 10:00:00", 1796266800 },          /* 03:00Z */
		{ "Asia/Jakarta", "Thu, 03 Dec 2026 10:00:00", 1796266800 },
		{ "Asia/Jakarta", "Thu, 03 Dec 2026 10:00:00 GMT", 1796292000 },/* its zone wins */
		{ "Asia/Makassar", "2026-12-03T10:00:00", 1796263200 },         /* 02:00Z */
		{ "America/New_York", "2026-07-01 12:00", 1782921600 },          /* EDT: 16:00Z */
		{ "America/New_York", "2026-01-15 12:00", 1768496400 },          /* EST: 17:00Z */
		{ "UTC", "2026-12-03 10:00:00", 1796292000 },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct mw_tz *tz = mw_tz_get(cases[i].zone);
		time_t t = 0;
		if (tz == NULL)
			fail_msg("zone %s not readable", cases[i].zone);
		if (!feed_parse_date_in(cases[i].in, tz, &t) || t != cases[i].want)
			fail_msg("%s in %s: got %lld, want %lld", cases[i].in, cases[i].zone,
				 (long long)t, (long long)cases[i].want);
	}
	assert_null(mw_tz_get("Nowhere/Atlantis"));
	assert_null(mw_tz_get("../etc/passwd"));
	assert_true(mw_tz_get("Asia/Jakarta") == mw_tz_get("Asia/Jakarta"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_dates),
		cmocka_unit_test(test_bad_dates),
		cmocka_unit_test(test_from_civil),
		cmocka_unit_test(test_timezone),
	};
	return cmocka_run_group_tests_name("feed_date", tests, NULL, NULL);
}
