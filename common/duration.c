/* duration.c: parsing and formatting of durations and byte sizes. */
#include "duration.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

struct unit {
	char name;
	long long seconds;
};

static const struct unit duration_units[] = {
	{ 'd', 86400 }, { 'h', 3600 }, { 'm', 60 }, { 's', 1 },
};
#define N_DURATION_UNITS (sizeof duration_units / sizeof duration_units[0])

/* Longest accepted value: 100 years is beyond any sensible setting and far
 * from overflow in every computation the daemon does with it. */
#define DURATION_MAX (100LL * 365 * 86400)

static const struct unit *find_unit(char c)
{
	for (size_t i = 0; i < N_DURATION_UNITS; i++)
		if (duration_units[i].name == c)
			return &duration_units[i];
	return NULL;
}

/* Reads the digits at *p into *n; false when there are none or too many. */
static bool read_number(const char **p, long long *n, const char **why)
{
	const char *s = *p;
	long long v = 0;

	if (!isdigit((unsigned char)*s)) {
		*why = "is not a duration; write numbers with units s, m, h or d (e.g. 15m, 1h30m)";
		return false;
	}
	for (; isdigit((unsigned char)*s); s++) {
		if (v > DURATION_MAX) {
			*why = "is too long (at most 100 years)";
			return false;
		}
		v = v * 10 + (*s - '0');
	}
	*n = v;
	*p = s;
	return true;
}

bool duration_parse(const char *s, long long *seconds, const char **why)
{
	long long total = 0;
	unsigned seen = 0;  /* bit per unit, so "1m2m" is refused */

	if (s == NULL || *s == '\0') {
		*why = "is empty; write a duration such as 30s, 15m, 6h or 7d";
		return false;
	}
	while (*s != '\0') {
		long long n;
		if (!read_number(&s, &n, why))
			return false;
		if (*s == '\0') {
			*why = "has no unit; add s, m, h or d (e.g. 15m)";
			return false;
		}
		const struct unit *u = find_unit(*s);
		if (u == NULL) {
			*why = "has an unknown unit; units are s, m, h and d (e.g. 1h30m)";
			return false;
		}
		unsigned bit = 1u << (u - duration_units);
		if (seen & bit) {
			*why = "repeats a unit; write each of d, h, m, s at most once";
			return false;
		}
		seen |= bit;
		s++;
		total += n * u->seconds;
		if (n > DURATION_MAX || total > DURATION_MAX) {
			*why = "is too long (at most 100 years)";
			return false;
		}
	}
	*seconds = total;
	return true;
}

struct size_suffix {
	const char *name;
	unsigned long long factor;
};

/* Compared case-insensitively; all are powers of 1024. */
static const struct size_suffix size_suffixes[] = {
	{ "", 1 }, { "b", 1 },
	{ "k", 1ULL << 10 }, { "kb", 1ULL << 10 }, { "kib", 1ULL << 10 },
	{ "m", 1ULL << 20 }, { "mb", 1ULL << 20 }, { "mib", 1ULL << 20 },
	{ "g", 1ULL << 30 }, { "gb", 1ULL << 30 }, { "gib", 1ULL << 30 },
};
#define N_SIZE_SUFFIXES (sizeof size_suffixes / sizeof size_suffixes[0])

#define SIZE_MAX_BYTES (1ULL << 40)  /* 1 TiB: nothing we fetch is larger */

bool size_parse(const char *s, unsigned long long *bytes, const char **why)
{
	unsigned long long n = 0;
	const char *p = s;

	if (s == NULL || !isdigit((unsigned char)*s)) {
		*why = "is not a size; write a number with an optional K, M or G (e.g. 16M)";
		return false;
	}
	for (; isdigit((unsigned char)*p); p++) {
		if (n > SIZE_MAX_BYTES) {
			*why = "is too large (at most 1024G)";
			return false;
		}
		n = n * 10 + (unsigned)(*p - '0');
	}
	for (size_t i = 0; i < N_SIZE_SUFFIXES; i++) {
		if (strcasecmp(p, size_suffixes[i].name) != 0)
			continue;
		if (n > SIZE_MAX_BYTES / size_suffixes[i].factor) {
			*why = "is too large (at most 1024G)";
			return false;
		}
		*bytes = n * size_suffixes[i].factor;
		return true;
	}
	*why = "has an unknown suffix; use K, M or G (powers of 1024, e.g. 16M)";
	return false;
}

char *duration_format(long long seconds, char *buf, size_t size)
{
	size_t off = 0;

	if (seconds <= 0) {
		snprintf(buf, size, "%llds", seconds < 0 ? seconds : 0);
		return buf;
	}
	buf[0] = '\0';
	for (size_t i = 0; i < N_DURATION_UNITS && off < size; i++) {
		long long n = seconds / duration_units[i].seconds;
		if (n == 0)
			continue;
		int w = snprintf(buf + off, size - off, "%lld%c", n, duration_units[i].name);
		if (w < 0)
			break;
		off += (size_t)w;
		seconds -= n * duration_units[i].seconds;
	}
	return buf;
}
