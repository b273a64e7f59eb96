/* test_strbuf.c: unit tests of the growable string buffer. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"

static void test_append_grows(void **state)
{
	struct strbuf b = STRBUF_INIT;
	(void)state;
	for (int i = 0; i < 1000; i++)
		strbuf_puts(&b, "ab");
	assert_int_equal(b.len, 2000);
	assert_int_equal(strlen(b.s), 2000);
	assert_memory_equal(b.s + 1998, "ab", 2);
	strbuf_free(&b);
	assert_null(b.s);
}

static void test_printf_long(void **state)
{
	struct strbuf b = STRBUF_INIT;
	char big[600];
	(void)state;
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	strbuf_printf(&b, "<%s|%d>", big, 42);
	assert_int_equal(b.len, 599 + 5);
	assert_string_equal(b.s + 600, "|42>");
	strbuf_free(&b);
}

static void test_steal_empty(void **state)
{
	struct strbuf b = STRBUF_INIT;
	(void)state;
	assert_string_equal(strbuf_str(&b), "");
	char *s = strbuf_steal(&b);
	assert_string_equal(s, "");
	free(s);
	strbuf_puts(&b, "hello");
	strbuf_truncate(&b, 2);
	assert_string_equal(strbuf_str(&b), "he");
	strbuf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_append_grows),
		cmocka_unit_test(test_printf_long),
		cmocka_unit_test(test_steal_empty),
	};
	return cmocka_run_group_tests_name("strbuf", tests, NULL, NULL);
}
