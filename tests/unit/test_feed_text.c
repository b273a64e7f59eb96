/* test_feed_text.c: unit tests of the feed text clean-up: entities,
 * markup removal, whitespace, and UTF-8 repair. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "feed_text.h"

struct text_case {
	const char *in;
	const char *out;   /* NULL: nothing left */
};

static const struct text_case plain_cases[] = {
	{ "plain", "plain" },
	{ "  a \t\n b  ", "a b" },
	{ "a&nbsp;b", "a\xc2\xa0" "b" },
	{ "a&#160;b", "a\xc2\xa0" "b" },
	{ "a\xc2\xa0\xc2\xa0" "b", "a\xc2\xa0\xc2\xa0" "b" },
	{ "&rsquo;x&lsquo; &ldquo;y&rdquo; &hellip; &mdash;", "\xe2\x80\x99x\xe2\x80\x98 \xe2\x80\x9cy\xe2\x80\x9d \xe2\x80\xa6 \xe2\x80\x94" },
	{ "&amp;amp;", "&amp;" },
	/* HTML5's names, not only HTML 4's; two code points; the longest. */
	{ "&bigstar;&check;&NotEqualTilde;", "\xe2\x98\x85\xe2\x9c\x93\xe2\x89\x82\xcc\xb8" },
	{ "&CounterClockwiseContourIntegral;", "\xe2\x88\xb3" },
	{ "&#8217;&#x2019;&#X2019;", "\xe2\x80\x99\xe2\x80\x99\xe2\x80\x99" },
	{ "&#146;s", "\xe2\x80\x99s" },
	{ "\xc2\x92s", "\xe2\x80\x99s" },
	{ "&#0;x", "\xef\xbf\xbdx" },
	{ "&#xD800;", "\xef\xbf\xbd" },
	{ "&#99999999999;", "\xef\xbf\xbd" },
	{ "&apos;&quot;&lt;&gt;", "'\"<>" },
	{ "&nosuch; & &amp &#; &#x;", "&nosuch; & &amp &#; &#x;" },
	/* Double-encoded UTF-8, only when all of the field is. */
	{ "a \xc3\xa2\xe2\x82\xac\xc2\xa6 b", "a \xe2\x80\xa6 b" },
	{ "caf\xc3\xa9 \xc3\xa2\xe2\x82\xac\xc2\xa6", "caf\xc3\xa9 \xc3\xa2\xe2\x82\xac\xc2\xa6" },
	{ "\xe2\x80\x99x", "\xe2\x80\x99x" },
	{ "<b>bold</b>", "bold" },
	{ "<p>one</p><p>two</p>", "one two" },
	{ "a<br/>b", "a b" },
	{ "in<i>line</i>", "inline" },
	{ "x<script>if (a < b) alert('<p>')</script>y", "xy" },
	{ "x<STYLE>p{}</STYLE>y", "xy" },
	{ "x<!-- <p>hidden</p> -->y", "xy" },
	{ "5 < 6 and 7 > 3", "5 < 6 and 7 > 3" },
	{ "unclosed <b", "unclosed <b" },
	{ "<a href=\"x\">link</a> text", "link text" },
	{ "&lt;b&gt;escaped&lt;/b&gt;", "<b>escaped</b>" },
	{ "", NULL },
	{ "  <p> </p> &nbsp; ", NULL },
	{ "bad \xff byte", "bad \xef\xbf\xbd byte" },
	{ "ctl\x01\x02here", "ctl here" },
};

static void test_plain(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof plain_cases / sizeof plain_cases[0]; i++) {
		char *got = feed_text_plain(plain_cases[i].in);
		if (plain_cases[i].out == NULL && got != NULL)
			fail_msg("\"%s\": got \"%s\", expected nothing", plain_cases[i].in, got);
		if (plain_cases[i].out != NULL && (got == NULL || strcmp(got, plain_cases[i].out) != 0))
			fail_msg("\"%s\": got \"%s\", expected \"%s\"", plain_cases[i].in,
				 got ? got : "(null)", plain_cases[i].out);
		free(got);
	}
	assert_null(feed_text_plain(NULL));
}

static void test_trim(void **state)
{
	(void)state;
	char *s = feed_text_trim("  <p>keep &amp; markup</p>\n ");
	assert_string_equal(s, "<p>keep &amp; markup</p>");
	free(s);
	assert_null(feed_text_trim(" \t\r\n "));
	assert_null(feed_text_trim(NULL));
	s = feed_text_trim("x\xc3");
	assert_string_equal(s, "x\xef\xbf\xbd");
	free(s);
}

static void test_utf8(void **state)
{
	(void)state;
	assert_true(feed_utf8_valid("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", 14));
	assert_false(feed_utf8_valid("\xc0\xaf", 2));          /* overlong '/' */
	assert_false(feed_utf8_valid("\xed\xa0\x80", 3));      /* surrogate */
	assert_false(feed_utf8_valid("\xf4\x90\x80\x80", 4));  /* > U+10FFFF */
	assert_false(feed_utf8_valid("\xe2\x82", 2));          /* truncated */
	char *s = feed_utf8_fix("a\x80" "b\xe2\x82", 5);
	assert_string_equal(s, "a\xef\xbf\xbd" "b\xef\xbf\xbd\xef\xbf\xbd");
	free(s);
}

static void test_scrub(void **state)
{
	size_t n = 0;
	(void)state;
	assert_null(feed_scrub_input("<a>ok</a>", 9, true, &n));
	char *s = feed_scrub_input("<a>\x01\xe9</a>", 9, true, &n);
	assert_int_equal(n, 11);
	assert_memory_equal(s, "<a> \xef\xbf\xbd</a>", 11);
	free(s);
	/* Latin-1 bytes are left alone when the document declares Latin-1. */
	assert_null(feed_scrub_input("<a>\xe9</a>", 8, false, &n));
}

static void test_collapse_base64(void **state)
{
	size_t n = 0;
	(void)state;
	char *s = feed_text_collapse("  History of\n the <blink> &amp; tag ");
	assert_string_equal(s, "History of the <blink> &amp; tag");
	free(s);
	assert_null(feed_text_collapse(" \t "));
	s = feed_base64_decode("aGVs\nbG8=", &n);
	assert_int_equal(n, 5);
	assert_string_equal(s, "hello");
	free(s);
	assert_null(feed_base64_decode("not*base64", &n));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_scrub),
		cmocka_unit_test(test_collapse_base64),
	};
	return cmocka_run_group_tests_name("feed_text", tests, NULL, NULL);
}
