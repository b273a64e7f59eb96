/* test_remind_msg.c: the pure parts of reminder messages (remind_msg.h):
 * the Standard Webhooks signature against the specification's published
 * example, RFC 2047 encoded-words, quoted-printable, the iCalendar text,
 * the assembled e-mail, the retry schedule, channel matching and the
 * words of each kind of reminder. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "remind_msg.h"
#include "strbuf.h"
#include "xalloc.h"

/* The example of the Standard Webhooks specification (also derivable
 * with python3: hmac.new(b64decode(key), id.ts.body, sha256)). */
static void test_signature_vector(void **state)
{
	(void)state;
	unsigned char key[64];
	int n = EVP_DecodeBlock(key, (const unsigned char *)"MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", 32);
	const char *body = "{\"test\": 2432232314}";
	char *sig = remind_sign(key, (size_t)n, "msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330",
				body, strlen(body));

	assert_int_equal(n, 24);
	assert_string_equal(sig, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	free(sig);
}

/* Decodes every =?UTF-8?B?...?= word of s back into one string, checking
 * each word's length on the way. */
static char *decode_words(const char *s)
{
	struct strbuf out = STRBUF_INIT;
	const char *p = s;

	while ((p = strstr(p, "=?UTF-8?B?"))) {
		const char *start = p + 10, *end = strstr(start, "?=");
		assert_non_null(end);
		assert_true(end + 2 - p <= 75);
		unsigned char buf[128];
		int n = EVP_DecodeBlock(buf, (const unsigned char *)start, (int)(end - start));
		while (n > 0 && end[-1] == '=' && buf[n - 1] == 0)
			n--, end--;   /* padding decodes to NULs */
		strbuf_append(&out, (const char *)buf, (size_t)n);
		p = strstr(start, "?=") + 2;
	}
	return strbuf_steal(&out);
}

static void test_rfc2047(void **state)
{
	(void)state;
	char *plain = remind_rfc2047("Agreement expires in 30 days");
	assert_string_equal(plain, "Agreement expires in 30 days");
	free(plain);

	const char *subject = "MoU expires in 30 days: SMA Negeri 3 Kotabaru – Songkhla "
			      "Wittaya School, Universiti Teknologi Malaysia – Perjanjian "
			      "kerja sama ÄÖÜ 日本語";
	char *enc = remind_rfc2047(subject);
	assert_null(strpbrk(enc, "\xe2\xc3"));           /* 7-bit only */
	assert_non_null(strstr(enc, "?=\r\n =?UTF-8?B?")); /* folded */
	char *back = decode_words(enc);
	assert_string_equal(back, subject);                 /* whole characters */
	free(back);
	free(enc);
}

static void test_quoted_printable(void **state)
{
	(void)state;
	char long_line[200];
	memset(long_line, 'a', sizeof long_line - 1);
	long_line[sizeof long_line - 1] = '\0';
	char *qp = remind_qp("Kerja sama – 1=1 \nline two");
	assert_string_equal(qp, "Kerja sama =E2=80=93 1=3D1=20\r\nline two\r\n");
	free(qp);
	qp = remind_qp(long_line);
	for (char *l = qp; *l;) {
		char *e = strstr(l, "\r\n");
		assert_non_null(e);
		assert_true(e - l <= 76);
		l = e + 2;
	}
	free(qp);
}

static void test_ics(void **state)
{
	(void)state;
	struct remind_ics_event ev[] = {
		{ .uid = "expiry-7@mouwatch", .date = "2026-03-31",
		  .summary = "Expiry: SMA Negeri 3; Songkhla, a very long name that goes on and on "
			     "and on – beyond seventy-five octets",
		  .description = "line one\nline two", .url = "https://example.org/a" },
		{ .uid = "bad", .date = "2026-13-45", .summary = "skipped" },
	};
	char *ics = remind_ics(ev, 2, 1767225600);  /* 2026-01-01 00:00:00 UTC */

	assert_non_null(strstr(ics, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
	assert_non_null(strstr(ics, "\r\nUID:expiry-7@mouwatch\r\n"));
	assert_non_null(strstr(ics, "\r\nDTSTAMP:20260101T000000Z\r\n"));
	assert_non_null(strstr(ics, "\r\nDTSTART;VALUE=DATE:20260331\r\n"));
	assert_non_null(strstr(ics, "\r\nDTEND;VALUE=DATE:20260401\r\n"));
	assert_non_null(strstr(ics, "SUMMARY:Expiry: SMA Negeri 3\\; Songkhla\\, a very"));
	assert_non_null(strstr(ics, "DESCRIPTION:line one\\nline two"));
	assert_null(strstr(ics, "skipped"));        /* malformed date: left out */
	assert_non_null(strstr(ics, "END:VEVENT\r\nEND:VCALENDAR\r\n"));
	for (char *l = ics; *l;) {                  /* folded at 75 octets */
		char *e = strstr(l, "\r\n");
		assert_non_null(e);
		assert_true(e - l <= 75);
		l = e + 2;
	}
	free(ics);
}

static void test_mail(void **state)
{
	(void)state;
	char *to[] = { "intl@example.org", "dinas@example.org" };
	struct remind_mail m = { .from = "mouwatch@example.org", .to = to, .n_to = 2,
		.subject = "Exchange starts in 5 days: SMAN 3 – Songkhla", .text = "Hello\nÄ\n",
		.ics = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", .ics_name = "mouwatch.ics",
		.message_id = "msg_mw_3_mail@example.org", .date = 1767225600 };
	char *msg = remind_mail_build(&m);

	assert_non_null(strstr(msg, "Date: Thu, 01 Jan 2026 00:00:00 +0000\r\n"));
	assert_non_null(strstr(msg, "Message-ID: <msg_mw_3_mail@example.org>\r\n"));
	assert_non_null(strstr(msg, "To: intl@example.org,\r\n dinas@example.org\r\n"));
	assert_non_null(strstr(msg, "Subject: =?UTF-8?B?"));
	assert_non_null(strstr(msg, "boundary=\"=_mw_msg_mw_3_mail.example.org\""));
	assert_non_null(strstr(msg, "Hello\r\n=C3=84\r\n"));
	assert_non_null(strstr(msg, "filename=\"mouwatch.ics\""));
	assert_non_null(strstr(msg, "\r\n--=_mw_msg_mw_3_mail.example.org--\r\n"));
	free(msg);
}

static void test_retry(void **state)
{
	(void)state;
	const long long sched[] = { 5, 300, 1800 };
	const int64_t t0 = 1000000, day = 86400;

	/* the n-th failure waits schedule[n-1]; the last entry repeats */
	assert_int_equal(remind_retry_next(sched, 3, 1, t0, t0, -1, 5 * day, 1.0), t0 + 5);
	assert_int_equal(remind_retry_next(sched, 3, 2, t0, t0 + 5, -1, 5 * day, 1.0), t0 + 305);
	assert_int_equal(remind_retry_next(sched, 3, 7, t0, t0, -1, 5 * day, 1.0), t0 + 1800);
	/* jitter scales the wait */
	assert_int_equal(remind_retry_next(sched, 3, 2, t0, t0, -1, 5 * day, 1.1), t0 + 330);
	assert_int_equal(remind_retry_next(sched, 3, 2, t0, t0, -1, 5 * day, 0.9), t0 + 270);
	/* Retry-After wins when longer, not when shorter */
	assert_int_equal(remind_retry_next(sched, 3, 1, t0, t0, 120, 5 * day, 1.0), t0 + 120);
	assert_int_equal(remind_retry_next(sched, 3, 2, t0, t0, 10, 5 * day, 1.0), t0 + 300);
	/* past give_up_after (from the first attempt at t0): give up */
	assert_int_equal(remind_retry_next(sched, 3, 3, t0, t0 + 5 * day - 100, -1, 5 * day, 1.0), -1);
	/* within it: a first attempt made now, however old the delivery is,
	 * is retried (the time it waited in the queue does not count) */
	assert_int_equal(remind_retry_next(sched, 3, 1, t0 + 9 * day, t0 + 9 * day, -1, 5 * day, 1.0),
			 t0 + 9 * day + 5);
	/* the limit itself: a retry at exactly first + give_up_after is made */
	assert_int_equal(remind_retry_next(sched, 3, 3, t0, t0 + 5 * day - 1800, -1, 5 * day, 1.0),
			 t0 + 5 * day);
	/* no schedule: a minute */
	assert_int_equal(remind_retry_next(NULL, 0, 1, t0, t0, -1, day, 1.0), t0 + 60);
}

static void test_match(void **state)
{
	(void)state;
	json_t *a = json_loads("{\"type\":\"mou\",\"language\":\"id\","
		"\"programs\":[\"student_exchange\",\"culture\"],"
		"\"parties\":[{\"name\":\"SMA Negeri 3 Kotabaru\",\"aliases\":[\"SMAN 3\"],\"country\":\"ID\"},"
		"{\"name\":\"Songkhla Wittaya School\",\"aliases\":[],\"country\":\"TH\"}]}", 0, NULL);
	struct {
		const char *filter;
		bool want;
	} cases[] = {
		{ "", true }, { "country:TH", true }, { "country:my", false },
		{ "country:MY, program:student_exchange", true }, { "program:internship", false },
		{ "party:songkhla", true }, { "party:sman 3", true }, { "party:Universitas", false },
		{ "type:moa", false }, { "type:MOU", true }, { "language:ms", false },
		{ "language:id", true },
	};
	struct strbuf why = STRBUF_INIT;

	assert_non_null(a);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct mw_match m;
		assert_true(config_parse_match(cases[i].filter, &m, &why));
		if (remind_match(&m, a) != cases[i].want)
			fail_msg("match \"%s\" should be %s", cases[i].filter, cases[i].want ? "true" : "false");
		config_match_clear(&m);
	}
	strbuf_free(&why);
	json_decref(a);
}

/* Subjects and text of each kind, against a fixed "today". */
static void test_text(void **state)
{
	(void)state;
	json_t *a = json_loads("{\"id\":4,\"type\":\"moa\",\"signed_on\":\"2026-01-02\","
		"\"expires_on\":\"2026-03-01\",\"programs\":[\"internship\"],"
		"\"parties\":[{\"name\":\"Politeknik A\",\"country\":\"ID\"},{\"name\":\"Syarikat B\"}],"
		"\"events\":[{\"id\":9,\"type\":\"internship\",\"starts_on\":\"2026-02-01\"}],"
		"\"sources\":[{\"url\":\"https://example.org/x\",\"title\":\"T\"}]}", 0, NULL);
	json_t *expiring = json_pack("{s:s, s:s, s:i, s:i}", "kind", "agreement.expiring",
				     "target_date", "2026-03-01", "lead_days", 30, "reminder_id", 5);
	json_t *event = json_pack("{s:s, s:s, s:i}", "kind", "event.upcoming",
				  "target_date", "2026-02-01", "event_id", 9);
	json_t *fresh = json_pack("{s:s, s:s}", "kind", "agreement.new", "target_date", "2026-01-03");
	int64_t today = remind_days_until("2026-01-30", 0);   /* days since the epoch */
	char *s;

	s = remind_subject(expiring, a, today);
	assert_string_equal(s, "MoA expires in 30 days: Politeknik A – Syarikat B (2026-03-01)");
	free(s);
	s = remind_subject(event, a, today);
	assert_string_equal(s, "Internship starts in 2 days: Politeknik A – Syarikat B (2026-02-01)");
	free(s);
	s = remind_subject(fresh, a, today);
	assert_string_equal(s, "New MoA: Politeknik A – Syarikat B");
	free(s);
	s = remind_text(event, a, today);
	assert_non_null(strstr(s, "When:        Internship starts on 2026-02-01 (2 days left)\n"));
	assert_non_null(strstr(s, "  - Politeknik A (ID)\n  - Syarikat B\n"));
	assert_non_null(strstr(s, "Sources:\n  - https://example.org/x\n    T\n"));
	free(s);
	json_decref(expiring);
	json_decref(event);
	json_decref(fresh);
	json_decref(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_signature_vector),
		cmocka_unit_test(test_rfc2047),
		cmocka_unit_test(test_quoted_printable),
		cmocka_unit_test(test_ics),
		cmocka_unit_test(test_mail),
		cmocka_unit_test(test_retry),
		cmocka_unit_test(test_match),
		cmocka_unit_test(test_text),
	};
	return cmocka_run_group_tests_name("remind_msg", tests, NULL, NULL);
}
