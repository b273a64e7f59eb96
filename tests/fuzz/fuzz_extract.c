/* fuzz_extract.c: libFuzzer target for the agreement extractor: any bytes
 * through mw_extract(), checking the record against SPEC.md's schema (every
 * key present with its type, closed vocabularies, real dates, party indexes
 * in range), that every string is valid UTF-8, that it serialises, and that
 * a second run gives the same record. An input whose first line is
 * "@YYYY-MM-DD" sets the publication date (else 2025-06-15). Built by
 * `make fuzz`; replayed over its corpus by `make check` (replay.sh). */
#include "extract.h"
#include "fuzz_util.h"

static const char *const types[] = { "mou", "moa", "pks", "loi", "agreement", "renewal", NULL };
static const char *const precisions[] = { "day", "month", "year", NULL };
static const char *const languages[] = { "id", "ms", "en", NULL };
static const char *const event_types[] = {
	"exchange", "internship", "training", "visit", "review", "other", NULL,
};
static const char *const programs[] = {
	"student_exchange", "teacher_exchange", "staff_exchange", "internship",
	"research", "applied_research", "curriculum", "training", "e_learning",
	"language", "culture", "scholarship", "benchmarking", "immersion",
	"joint_degree", "community_service", "job_placement", "mentoring",
	"quality_assurance", "facilities", "publication", NULL,
};

static json_t *need(const json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	if (v == NULL) {
		fprintf(stderr, "fuzz: key '%s' missing\n", key);
		fuzz_fail("every key of the schema is present");
	}
	return v;
}

static const char *str_or_null(const json_t *o, const char *key)
{
	json_t *v = need(o, key);

	FUZZ_CHECK(json_is_string(v) || json_is_null(v));
	return json_string_value(v);
}

static void check_date(const json_t *o, const char *key)
{
	const char *s = str_or_null(o, key);
	struct mw_ymd d;

	FUZZ_CHECK(s == NULL || (strlen(s) == 10 && mw_ymd_parse(s, &d) == 0));
}

/* "P" digits unit, unit one of Y M W D. */
static void check_duration(const char *s)
{
	size_t n = s ? strlen(s) : 0;

	if (s == NULL)
		return;
	FUZZ_CHECK(n >= 3 && s[0] == 'P' && strchr("YMWD", s[n - 1]) != NULL);
	FUZZ_CHECK(strspn(s + 1, "0123456789") == n - 2);
}

static void check_parties(const json_t *rec)
{
	json_t *ps = need(rec, "parties"), *p, *a;
	size_t i, k;

	FUZZ_CHECK(json_is_array(ps));
	json_array_foreach(ps, i, p) {
		FUZZ_CHECK(json_is_object(p));
		FUZZ_CHECK(json_is_string(need(p, "name")));
		FUZZ_CHECK(json_string_length(need(p, "name")) > 0);
		FUZZ_CHECK(json_is_array(need(p, "aliases")));
		json_array_foreach(need(p, "aliases"), k, a)
			FUZZ_CHECK(json_is_string(a));
		const char *c = str_or_null(p, "country");
		FUZZ_CHECK(c == NULL || (strlen(c) == 2 && c[0] >= 'A' && c[0] <= 'Z' &&
					 c[1] >= 'A' && c[1] <= 'Z'));
	}
}

static void check_signatories(const json_t *rec)
{
	json_t *ss = need(rec, "signatories"), *s, *party;
	size_t i, nparties = json_array_size(need(rec, "parties"));

	FUZZ_CHECK(json_is_array(ss));
	json_array_foreach(ss, i, s) {
		FUZZ_CHECK(json_is_object(s));
		FUZZ_CHECK(json_is_string(need(s, "name")));
		(void)str_or_null(s, "role");
		party = need(s, "party");
		FUZZ_CHECK(json_is_null(party) || (json_is_integer(party) &&
			   json_integer_value(party) >= 0 &&
			   (size_t)json_integer_value(party) < nparties));
	}
}

static void check_lists(const json_t *rec)
{
	json_t *v, *e;
	size_t i;

	FUZZ_CHECK(json_is_array(need(rec, "programs")));
	json_array_foreach(need(rec, "programs"), i, v)
		FUZZ_CHECK(fuzz_one_of(json_string_value(v), programs));
	FUZZ_CHECK(json_is_array(need(rec, "events")));
	json_array_foreach(need(rec, "events"), i, e) {
		FUZZ_CHECK(json_is_object(e));
		FUZZ_CHECK(fuzz_one_of(json_string_value(need(e, "type")), event_types));
		check_date(e, "starts_on");
		check_date(e, "ends_on");
		FUZZ_CHECK(fuzz_one_of(str_or_null(e, "precision"), precisions) ||
			   json_is_null(need(e, "precision")));
		check_duration(str_or_null(e, "duration"));
	}
}

static void check_record(const json_t *rec)
{
	FUZZ_CHECK(json_is_object(rec));
	FUZZ_CHECK(json_is_boolean(need(rec, "agreement")));
	FUZZ_CHECK(fuzz_one_of(json_string_value(need(rec, "language")), languages));
	FUZZ_CHECK(json_is_number(need(rec, "confidence")));
	FUZZ_CHECK(json_number_value(need(rec, "confidence")) >= 0 &&
		   json_number_value(need(rec, "confidence")) <= 1);
	FUZZ_CHECK(json_is_object(need(rec, "evidence")));
	FUZZ_CHECK(fuzz_json_utf8(rec));
	if (!json_is_true(need(rec, "agreement")))
		return;
	FUZZ_CHECK(fuzz_one_of(json_string_value(need(rec, "type")), types));
	check_parties(rec);
	check_signatories(rec);
	check_date(rec, "signed_on");
	const char *prec = str_or_null(rec, "signed_precision");
	FUZZ_CHECK(prec == NULL || fuzz_one_of(prec, precisions));
	FUZZ_CHECK((prec == NULL) == json_is_null(need(rec, "signed_on")));
	check_duration(str_or_null(rec, "valid_for"));
	check_date(rec, "expires_on");
	FUZZ_CHECK(json_is_boolean(need(rec, "expires_estimated")));
	check_lists(rec);
	(void)str_or_null(rec, "location");
}

/* Strips a leading "@YYYY-MM-DD\n" into opts->published. */
static size_t published_line(const uint8_t *data, size_t size, struct mw_extract_opts *o)
{
	char buf[11];

	o->published = (struct mw_ymd){ 2025, 6, 15 };
	if (size < 12 || data[0] != '@' || data[11] != '\n')
		return 0;
	memcpy(buf, data + 1, 10);
	buf[10] = '\0';
	if (mw_ymd_parse(buf, &o->published) != 0)
		o->published = (struct mw_ymd){ 0, 0, 0 };
	return 12;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mw_extract_opts opts = { 0 };
	size_t skip = published_line(data, size, &opts);
	const char *text = (const char *)data + skip;
	json_t *rec = mw_extract(text, size - skip, &opts);
	char *out;

	FUZZ_CHECK(rec != NULL);
	check_record(rec);
	out = json_dumps(rec, JSON_COMPACT);
	FUZZ_CHECK(out != NULL);
	free(out);
	json_t *again = mw_extract(text, size - skip, &opts);
	FUZZ_CHECK(json_equal(rec, again));
	json_decref(again);
	json_decref(rec);
	return 0;
}
