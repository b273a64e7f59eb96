/* test_utf8.c: unit tests of the strict UTF-8 decoder, validator and
 * encoder (common/utf8.h), case by case in the kinds of Markus Kuhn's
 * decoder stress test: boundaries of each length, lone and missing
 * continuation bytes, impossible bytes, overlong forms, surrogates,
 * values above U+10FFFF. The byte strings are written for this test. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "utf8.h"

/* A byte string, the length a decoder must return for its first
 * sequence (0: invalid), and the code point when valid. */
struct seq_case {
	const char *what;
	const char *bytes;
	size_t len;       /* bytes given to the decoder */
	size_t want;      /* expected sequence length, 0 = invalid */
	uint32_t cp;      /* expected code point when want > 0 */
};

#define C(what, b, want, cp) { what, b, sizeof(b) - 1, want, cp }

static const struct seq_case seq_cases[] = {
	/* first and last code point of each length */
	C("U+0000", "\x00", 1, 0x0),
	C("U+0080", "\xc2\x80", 2, 0x80),
	C("U+0800", "\xe0\xa0\x80", 3, 0x800),
	C("U+10000", "\xf0\x90\x80\x80", 4, 0x10000),
	C("U+007F", "\x7f", 1, 0x7F),
	C("U+07FF", "\xdf\xbf", 2, 0x7FF),
	C("U+FFFF (a noncharacter, still UTF-8)", "\xef\xbf\xbf", 3, 0xFFFF),
	C("U+10FFFF", "\xf4\x8f\xbf\xbf", 4, 0x10FFFF),
	/* other boundaries */
	C("U+D7FF", "\xed\x9f\xbf", 3, 0xD7FF),
	C("U+E000", "\xee\x80\x80", 3, 0xE000),
	C("U+FFFD", "\xef\xbf\xbd", 3, 0xFFFD),
	C("U+FFFE", "\xef\xbf\xbe", 3, 0xFFFE),
	C("U+1F600 then more", "\xf0\x9f\x98\x80z", 4, 0x1F600),
	C("e acute then ASCII", "\xc3\xa9x", 2, 0xE9),
	/* beyond Unicode and the old 5- and 6-byte forms */
	C("U+110000", "\xf4\x90\x80\x80", 0, 0),
	C("lead 0xF5", "\xf5\x80\x80\x80", 0, 0),
	C("lead 0xF7 (U+1FFFFF)", "\xf7\xbf\xbf\xbf", 0, 0),
	C("5 bytes", "\xf8\x88\x80\x80\x80", 0, 0),
	C("6 bytes", "\xfc\x84\x80\x80\x80\x80", 0, 0),
	/* unexpected continuation bytes */
	C("lone 0x80", "\x80", 0, 0),
	C("lone 0xBF", "\xbf", 0, 0),
	C("two continuations", "\x80\xbf", 0, 0),
	/* lonely start bytes followed by a space */
	C("0xC2 space", "\xc2 ", 0, 0),
	C("0xDF space", "\xdf ", 0, 0),
	C("0xE0 space", "\xe0  ", 0, 0),
	C("0xEF space", "\xef  ", 0, 0),
	C("0xF0 space", "\xf0   ", 0, 0),
	C("0xF4 space", "\xf4   ", 0, 0),
	/* last continuation byte missing (end of input) */
	C("2-byte cut", "\xc3", 0, 0),
	C("3-byte cut", "\xe2\x82", 0, 0),
	C("4-byte cut", "\xf0\x9f\x98", 0, 0),
	/* last continuation byte missing, ASCII follows */
	C("3-byte cut, ASCII", "\xe2\x82" "a", 0, 0),
	C("4-byte cut, ASCII", "\xf0\x9f\x98" "a", 0, 0),
	/* impossible bytes */
	C("0xFE", "\xfe", 0, 0),
	C("0xFF", "\xff", 0, 0),
	C("0xFE 0xFE 0xFF 0xFF", "\xfe\xfe\xff\xff", 0, 0),
	/* overlong forms of '/' */
	C("overlong / 2", "\xc0\xaf", 0, 0),
	C("overlong / 3", "\xe0\x80\xaf", 0, 0),
	C("overlong / 4", "\xf0\x80\x80\xaf", 0, 0),
	/* the largest overlong of each length */
	C("overlong U+007F", "\xc1\xbf", 0, 0),
	C("overlong U+07FF", "\xe0\x9f\xbf", 0, 0),
	C("overlong U+FFFF", "\xf0\x8f\xbf\xbf", 0, 0),
	/* overlong NUL */
	C("overlong NUL 2", "\xc0\x80", 0, 0),
	C("overlong NUL 3", "\xe0\x80\x80", 0, 0),
	C("overlong NUL 4", "\xf0\x80\x80\x80", 0, 0),
	/* single UTF-16 surrogates */
	C("U+D800", "\xed\xa0\x80", 0, 0),
	C("U+DB7F", "\xed\xad\xbf", 0, 0),
	C("U+DB80", "\xed\xae\x80", 0, 0),
	C("U+DBFF", "\xed\xaf\xbf", 0, 0),
	C("U+DC00", "\xed\xb0\x80", 0, 0),
	C("U+DF80", "\xed\xbe\x80", 0, 0),
	C("U+DFFF", "\xed\xbf\xbf", 0, 0),
	/* a surrogate pair encoded as two sequences (CESU-8) */
	C("U+D800 U+DC00", "\xed\xa0\x80\xed\xb0\x80", 0, 0),
	C("U+DBFF U+DFFF", "\xed\xaf\xbf\xed\xbf\xbf", 0, 0),
	/* a continuation byte replaced by ASCII or a lead byte */
	C("2nd byte ASCII", "\xe2" "a\xac", 0, 0),
	C("3rd byte lead", "\xe2\x82\xc3", 0, 0),
};

static void test_decode(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof seq_cases / sizeof seq_cases[0]; i++) {
		const struct seq_case *c = &seq_cases[i];
		const unsigned char *b = (const unsigned char *)c->bytes;
		uint32_t cp = 0xABCDEF;
		size_t n = utf8_decode(b, c->len, &cp);
		if (n != c->want)
			fail_msg("%s: decoded length %zu, expected %zu", c->what, n, c->want);
		if (c->want > 0 && cp != c->cp)
			fail_msg("%s: code point U+%04X, expected U+%04X", c->what,
				 (unsigned)cp, (unsigned)c->cp);
		if (c->want == 0 && cp != 0xABCDEF)
			fail_msg("%s: *cp written for an invalid sequence", c->what);
		if (utf8_seq_len(b, c->len) != c->want)
			fail_msg("%s: utf8_seq_len differs from utf8_decode", c->what);
	}
}

/* utf8_valid agrees with the decoder on each case, alone and placed after
 * ASCII runs of every length up to 17 (the validator skips eight ASCII
 * bytes at a time, so each case is seen at every alignment). */
static void test_valid(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof seq_cases / sizeof seq_cases[0]; i++) {
		const struct seq_case *c = &seq_cases[i];
		bool whole = c->want != 0;  /* what follows a valid one is ASCII */
		char buf[64];
		for (size_t pad = 0; pad <= 17; pad++) {
			memset(buf, 'a', pad);
			memcpy(buf + pad, c->bytes, c->len);
			if (utf8_valid(buf, pad + c->len) != whole)
				fail_msg("%s after %zu ASCII bytes: valid is %d, expected %d",
					 c->what, pad, !whole, whole);
		}
	}
	assert_true(utf8_valid("", 0));
	assert_true(utf8_valid("Nota Kesepahaman", 16));
	/* The length given is the limit: a sequence cut by it is invalid. */
	assert_false(utf8_valid("caf\xc3\xa9", 4));
	assert_true(utf8_valid("caf\xc3\xa9", 5));
}

static void test_encode(void **state)
{
	(void)state;
	char out[UTF8_MAX_LEN];
	for (size_t i = 0; i < sizeof seq_cases / sizeof seq_cases[0]; i++) {
		const struct seq_case *c = &seq_cases[i];
		if (c->want == 0)
			continue;
		size_t n = utf8_encode(c->cp, out);
		if (n != c->want || memcmp(out, c->bytes, n) != 0)
			fail_msg("%s: encoding differs from the bytes decoded", c->what);
	}
	/* What has no UTF-8 form becomes U+FFFD. */
	static const uint32_t bad[] = { 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0x110000,
					0x7FFFFFFF, 0xFFFFFFFF };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(utf8_encode(bad[i], out), 3);
		assert_memory_equal(out, "\xef\xbf\xbd", 3);
	}
}

/* Every scalar value survives encode then decode. */
static void test_round_trip(void **state)
{
	(void)state;
	char out[UTF8_MAX_LEN];
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		size_t n = utf8_encode(cp, out);
		uint32_t back = 0;
		size_t m = utf8_decode((const unsigned char *)out, n, &back);
		if (m != n || back != cp)
			fail_msg("U+%04X: encoded in %zu bytes, decoded %zu bytes as U+%04X",
				 (unsigned)cp, n, m, (unsigned)back);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_encode),
		cmocka_unit_test(test_round_trip),
	};
	return cmocka_run_group_tests_name("utf8", tests, NULL, NULL);
}
