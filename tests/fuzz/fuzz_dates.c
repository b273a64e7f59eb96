/* fuzz_dates.c: libFuzzer target for the date and duration parsers, all
 * fed the same string:
 *   - the feed date parser, feed_parse_date() (common/feed_date.h);
 *   - the configuration's duration_parse() and size_parse(), with the
 *     round trip duration_format() -> duration_parse() (common/duration.h);
 *   - the extractor's mw_ymd_parse() and its scanners over a built
 *     document: date_scan(), dur_scan(), dur_add(), number_at(), and the
 *     calendar helpers (workers/extract_int.h).
 * The publication date the extractor resolves relative dates against comes
 * from a hash of the input, so it varies but replays the same. Built by
 * `make fuzz`; replayed over its corpus by `make check` (replay.sh). */
#include "duration.h"
#include "extract_int.h"
#include "feed_date.h"
#include "fuzz_util.h"

#include <time.h>

#define MAX_STRING 256  /* dates and durations are short; keep runs fast */

static void fuzz_feed_date(const char *s)
{
	time_t t = 12345;
	struct tm tm;

	if (!feed_parse_date(s, &t)) {
		FUZZ_CHECK(t == 12345);  /* *out left alone on failure */
		return;
	}
	FUZZ_CHECK(gmtime_r(&t, &tm) != NULL);
}

static void fuzz_duration(const char *s)
{
	long long sec = -1, again = -1;
	unsigned long long bytes;
	const char *why = NULL;
	char buf[64];

	if (duration_parse(s, &sec, &why)) {
		FUZZ_CHECK(sec >= 0);
		duration_format(sec, buf, sizeof buf);
		FUZZ_CHECK(duration_parse(buf, &again, &why) && again == sec);
	} else {
		FUZZ_CHECK(why != NULL && *why != '\0');
	}
	why = NULL;
	if (!size_parse(s, &bytes, &why))
		FUZZ_CHECK(why != NULL && *why != '\0');
}

/* The publication date: a day from 1990 to 2099, by FNV-1a of the input. */
static struct mw_ymd pub_of(const uint8_t *data, size_t size)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < size; i++)
		h = (h ^ data[i]) * 16777619u;
	return days_ymd(ymd_days((struct mw_ymd){ 1990, 1, 1 }) + (long)(h % 40000));
}

static void check_calendar(struct mw_ymd pub)
{
	char buf[11];
	struct mw_ymd back;

	FUZZ_CHECK(ymd_valid(pub));
	ymd_format(pub, buf);
	FUZZ_CHECK(mw_ymd_parse(buf, &back) == 0 && ymd_cmp(back, pub) == 0);
	for (int w = 0; w < 7; w++) {
		struct mw_ymd d = date_weekday_before(pub, w);
		FUZZ_CHECK(ymd_weekday(d) == w && ymd_cmp(d, pub) <= 0 &&
			   ymd_days(pub) - ymd_days(d) < 7);
	}
}

static void fuzz_extract_scanners(const char *s, struct mw_ymd pub)
{
	struct dateref dates[32];
	struct duration durs[32];
	struct mw_ymd ymd;
	char buf[16];
	int v;

	if (mw_ymd_parse(s, &ymd) == 0)
		FUZZ_CHECK(ymd_valid(ymd));
	struct doc *d = doc_build(s, strlen(s), pub);
	int nd = date_scan(d, 0, d->ntok, dates, 32);
	FUZZ_CHECK(nd >= 0 && nd <= 32);
	for (int i = 0; i < nd; i++) {
		FUZZ_CHECK(dates[i].first >= 0 && dates[i].first < dates[i].end &&
			   dates[i].end <= d->ntok);
		FUZZ_CHECK(dates[i].date.y == 0 || dates[i].prec != PREC_DAY ||
			   ymd_valid(dates[i].date));
	}
	int nu = dur_scan(d, 0, d->ntok, durs, 32);
	FUZZ_CHECK(nu >= 0 && nu <= 32);
	for (int i = 0; i < nu; i++) {
		FUZZ_CHECK(strchr("YMWD", durs[i].unit) != NULL && durs[i].unit != 0);
		dur_format(&durs[i], buf);
		struct mw_ymd end = dur_add(pub, &durs[i]);
		FUZZ_CHECK(ymd_cmp(end, pub) >= 0 && end.m >= 1 && end.m <= 12 &&
			   end.d >= 1 && end.d <= 31);
	}
	for (int i = 0; i < d->ntok; i++)
		if (number_at(d, i, d->ntok, &v) > 0)
			FUZZ_CHECK(v > 0);
	doc_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size, MAX_STRING);
	struct mw_ymd pub = pub_of(data, size);

	fuzz_feed_date(s);
	fuzz_duration(s);
	check_calendar(pub);
	fuzz_extract_scanners(s, pub);
	free(s);
	return 0;
}
