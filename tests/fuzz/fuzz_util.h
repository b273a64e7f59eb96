/* fuzz_util.h: helpers the fuzz targets share: a NUL-terminated copy of
 * the input, a strict UTF-8 check, a recursive check that every string and
 * key of a JSON value is valid UTF-8, and fuzz_fail() which reports what
 * property broke and aborts (a finding for libFuzzer and for the replay
 * driver alike). Header-only so each target stays one .c file. */
#ifndef MW_FUZZ_UTIL_H
#define MW_FUZZ_UTIL_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A property of the output did not hold: say which and abort. */
static inline void fuzz_fail(const char *what)
{
	fprintf(stderr, "fuzz: property violated: %s\n", what);
	abort();
}

#define FUZZ_CHECK(cond) do { if (!(cond)) fuzz_fail(#cond); } while (0)

/* The first max bytes of data as a NUL-terminated string (embedded NULs
 * end it early). The caller frees the result. */
static inline char *fuzz_cstr(const uint8_t *data, size_t size, size_t max)
{
	size_t n = size < max ? size : max;
	char *s = malloc(n + 1);

	if (s == NULL)
		abort();
	memcpy(s, data, n);
	s[n] = '\0';
	return s;
}

/* Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above
 * U+10FFFF. n bytes of s; NUL bytes are allowed. */
static inline bool fuzz_utf8_valid(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		unsigned c = u[i];
		size_t len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2
			: c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
		if (len == 0 || i + len > n)
			return false;
		for (size_t k = 1; k < len; k++)
			if ((u[i + k] & 0xC0) != 0x80)
				return false;
		if ((c == 0xE0 && u[i + 1] < 0xA0) || (c == 0xED && u[i + 1] > 0x9F) ||
		    (c == 0xF0 && u[i + 1] < 0x90) || (c == 0xF4 && u[i + 1] > 0x8F))
			return false;
		i += len;
	}
	return true;
}

/* Every string value and object key inside v is valid UTF-8. */
static inline bool fuzz_json_utf8(const json_t *v)
{
	const char *key;
	json_t *child;
	size_t i;

	switch (json_typeof(v)) {
	case JSON_STRING:
		return fuzz_utf8_valid(json_string_value(v), json_string_length(v));
	case JSON_ARRAY:
		json_array_foreach((json_t *)v, i, child)
			if (!fuzz_json_utf8(child))
				return false;
		return true;
	case JSON_OBJECT:
		json_object_foreach((json_t *)v, key, child)
			if (!fuzz_utf8_valid(key, strlen(key)) || !fuzz_json_utf8(child))
				return false;
		return true;
	default:
		return true;
	}
}

/* s is one of the NULL-terminated list. */
static inline bool fuzz_one_of(const char *s, const char *const *list)
{
	for (size_t i = 0; s && list[i]; i++)
		if (strcmp(s, list[i]) == 0)
			return true;
	return false;
}

#endif
