/* test_extract_date.c: the date resolver: phrase + publication date ->
 * ISO date and precision, as a table; and the calendar helpers. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "extract_int.h"

static const struct {
	const char *phrase, *published, *want, *prec;
} cases[] = {
	{ "Senin (26/1/2026)", "2026-01-27", "2026-01-26", "day" },
	{ "31 Januari 2025", "2025-02-10", "2025-01-31", "day" },
	{ "Jum'at 31 Januari 2025", "2025-02-10", "2025-01-31", "day" },
	{ "Jum\xe2\x80\x99" "at, 31 Januari 2025", "2025-02-10", "2025-01-31", "day" },
	{ "awal Maret 2024", "2024-03-20", "2024-03-01", "month" },
	{ "di Balaikota, Rabu.", "2022-11-02", "2022-11-02", "day" },
	{ "kata dia, Rabu.", "2022-11-05", "2022-11-02", "day" },
	{ "kemarin", "2025-03-01", "2025-02-28", "day" },
	{ "hari ini", "2025-03-01", "2025-03-01", "day" },
	{ "pekan lalu", "2025-03-10", "2025-03-03", "day" },
	{ "on Tuesday", "2025-03-07", "2025-03-04", "day" },
	{ "last week", "2025-03-07", "2025-02-28", "day" },
	{ "March 3, 2025", "2025-04-01", "2025-03-03", "day" },
	{ "3 March 2025", "2025-04-01", "2025-03-03", "day" },
	{ "pada Isnin", "2024-09-12", "2024-09-09", "day" },
	{ "semalam", "2024-09-12", "2024-09-11", "day" },
	{ "minggu lalu", "2024-09-12", "2024-09-05", "day" },
	{ "12 Ogos 2024", "2024-09-12", "2024-08-12", "day" },
	{ "pada 2025", "2024-10-22", "2025-01-01", "year" },
	{ "20 Desember", "2025-01-05", "2024-12-20", "day" },
	{ "5-6-2025", "2025-06-07", "2025-06-05", "day" },
	{ "29 Februari 2024", "2024-03-01", "2024-02-29", "day" },
};

static const char *prec_name(enum prec p)
{
	return p == PREC_DAY ? "day" : p == PREC_MONTH ? "month" : p == PREC_YEAR ? "year" : "none";
}

static void test_phrases(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct mw_ymd pub;
		assert_int_equal(mw_ymd_parse(cases[i].published, &pub), 0);
		struct doc *d = doc_build(cases[i].phrase, strlen(cases[i].phrase), pub);
		struct dateref dr[4];
		int n = date_scan(d, 0, d->ntok, dr, 4);
		char got[11] = "none";
		if (n > 0)
			ymd_format(dr[0].date, got);
		print_message("# %s (published %s) -> %s\n", cases[i].phrase, cases[i].published, got);
		assert_true(n >= 1);
		assert_string_equal(got, cases[i].want);
		assert_string_equal(prec_name(dr[0].prec), cases[i].prec);
		doc_free(d);
	}
}

static void test_relative_needs_published(void **state)
{
	(void)state;
	struct mw_ymd none = { 0, 0, 0 };
	const char *text = "kemarin, Selasa, 20 Desember";
	struct doc *d = doc_build(text, strlen(text), none);
	struct dateref dr[4];
	assert_int_equal(date_scan(d, 0, d->ntok, dr, 4), 0);
	doc_free(d);
}

static void test_invalid_dates(void **state)
{
	(void)state;
	struct mw_ymd v;
	assert_int_equal(mw_ymd_parse("2025-02-29", &v), -1);
	assert_int_equal(mw_ymd_parse("2025-13-01", &v), -1);
	assert_int_equal(mw_ymd_parse("2025-1-01", &v), -1);
	assert_int_equal(mw_ymd_parse("2024-02-29", &v), 0);
	const char *text = "31/2/2025 dan 32 Januari 2025";
	struct doc *d = doc_build(text, strlen(text), v);
	struct dateref dr[4];
	int n = date_scan(d, 0, d->ntok, dr, 4);
	for (int i = 0; i < n; i++)
		assert_true(dr[i].prec != PREC_DAY || ymd_valid(dr[i].date));
	doc_free(d);
}

static void test_calendar(void **state)
{
	(void)state;
	struct mw_ymd a = { 1970, 1, 1 }, b = { 2000, 2, 29 }, c = { 2026, 1, 26 };
	assert_int_equal(ymd_days(a), 0);
	assert_int_equal(ymd_weekday(a), 3);        /* Thursday */
	assert_int_equal(ymd_weekday(c), 0);        /* Monday */
	struct mw_ymd r = days_ymd(ymd_days(b));
	assert_int_equal(r.y, 2000);
	assert_int_equal(r.m, 2);
	assert_int_equal(r.d, 29);
	struct mw_ymd w = date_weekday_before(c, 0);
	assert_int_equal(ymd_cmp(w, c), 0);
	w = date_weekday_before(c, 6);              /* the Sunday before */
	assert_int_equal(w.d, 25);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_phrases),
		cmocka_unit_test(test_relative_needs_published),
		cmocka_unit_test(test_invalid_dates),
		cmocka_unit_test(test_calendar),
	};
	return cmocka_run_group_tests_name("extract_date", tests, NULL, NULL);
}
