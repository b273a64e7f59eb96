/* fuzz_html_text.c: libFuzzer target for the HTML main-text extractor:
 * any bytes through html_main_text() under one of a few HTTP charsets
 * (chosen by the first byte), checking that every string that comes out
 * is valid UTF-8; a prefix also goes through the Content-Type parser.
 * Built by `make fuzz`. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "html_text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const charsets[] = {
	NULL, "utf-8", "windows-1252", "ISO-8859-1", "UTF-16LE", "Shift_JIS",
	"x-unknown",
};

/* Aborts (a finding) when s is not valid UTF-8. */
static void check_utf8(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	while (u && *u) {
		size_t n = *u < 0x80 ? 1 : (*u >> 5) == 6 ? 2 : (*u >> 4) == 14 ? 3 :
		           (*u >> 3) == 30 ? 4 : 0;
		if (n == 0)
			abort();
		for (size_t i = 1; i < n; i++)
			if ((u[i] & 0xC0) != 0x80)
				abort();
		u += n;
	}
}

static void fuzz_content_type(const uint8_t *data, size_t size)
{
	char buf[128];
	size_t n = size < sizeof buf - 1 ? size : sizeof buf - 1;
	memcpy(buf, data, n);
	buf[n] = '\0';
	free(html_charset_from_content_type(buf));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	const char *cs = charsets[data[0] % (sizeof charsets / sizeof charsets[0])];
	fuzz_content_type(data + 1, size - 1);
	struct html_article a;
	char *err = NULL;
	int rc = html_main_text((const char *)data + 1, size - 1, cs, &a, &err);
	if (a.text == NULL || (rc == 0) == (err != NULL))
		abort();
	check_utf8(a.text);
	check_utf8(a.title);
	check_utf8(a.published);
	check_utf8(a.canonical);
	check_utf8(a.lang);
	char *input = html_article_extractor_input(&a);
	check_utf8(input);
	free(input);
	free(err);
	html_article_free(&a);
	return 0;
}
