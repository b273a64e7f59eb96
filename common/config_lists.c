/* config_lists.c: comma-separated list values (lead_days, retry_schedule,
 * to) and e-mail addresses. */
#include "config_values.h"
#include "duration.h"
#include "xalloc.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define LIST_MAX_ITEMS 32

static char *trimmed_dup(const char *s, size_t n)
{
	while (n > 0 && isspace((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	return xstrndup(s, n);
}

bool config_split_list(const char *s, char ***items, size_t *n, struct strbuf *why)
{
	char **v = NULL;
	size_t count = 0;

	for (;;) {
		const char *comma = strchr(s, ',');
		size_t len = comma ? (size_t)(comma - s) : strlen(s);
		char *item = trimmed_dup(s, len);
		if (*item == '\0' || count == LIST_MAX_ITEMS) {
			strbuf_puts(why, *item == '\0'
				    ? "has an empty item; separate items with single commas"
				    : "has too many items (at most 32)");
			free(item);
			config_free_list(v, count);
			return false;
		}
		v = xrealloc(v, (count + 1) * sizeof *v);
		v[count++] = item;
		if (comma == NULL)
			break;
		s = comma + 1;
	}
	*items = v;
	*n = count;
	return true;
}

void config_free_list(char **items, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(items[i]);
	free(items);
}

static int cmp_desc(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;
	return (x < y) - (x > y);
}

/* Whole days, each in [min, max], no repeats; stored largest first. */
static bool parse_days(const struct value_arg *a, char **items, size_t n, long long *out)
{
	for (size_t i = 0; i < n; i++) {
		char *end;
		long long d = strtoll(items[i], &end, 10);
		if (!isdigit((unsigned char)items[i][0]) || *end != '\0'
		    || d < a->k->min || d > a->k->max) {
			strbuf_printf(a->why, "has '%s', which is not a number of days from %lld to %lld (e.g. 90,30,7)",
				      items[i], a->k->min, a->k->max);
			return false;
		}
		for (size_t j = 0; j < i; j++) {
			if (out[j] == d) {
				strbuf_printf(a->why, "lists %lld twice; list each lead time once", d);
				return false;
			}
		}
		out[i] = d;
	}
	qsort(out, n, sizeof *out, cmp_desc);
	return true;
}

static bool parse_durations(const struct value_arg *a, char **items, size_t n, long long *out)
{
	for (size_t i = 0; i < n; i++) {
		const char *why;
		char lo[32], hi[32];
		if (!duration_parse(items[i], &out[i], &why)) {
			strbuf_printf(a->why, "has '%s', which %s", items[i], why);
			return false;
		}
		if (out[i] < a->k->min || out[i] > a->k->max) {
			strbuf_printf(a->why, "has '%s'; each wait must be from %s to %s", items[i],
				      duration_format(a->k->min, lo, sizeof lo),
				      duration_format(a->k->max, hi, sizeof hi));
			return false;
		}
	}
	return true;
}

typedef bool (*item_parser)(const struct value_arg *a, char **items, size_t n, long long *out);

static bool number_list(const struct value_arg *a, item_parser parse)
{
	char **items;
	size_t n;
	if (!config_split_list(a->v, &items, &n, a->why))
		return false;
	long long *out = xcalloc(n, sizeof *out);
	bool ok = parse(a, items, n, out);
	config_free_list(items, n);
	if (!ok) {
		free(out);
		return false;
	}
	FIELD(a, long long *) = out;
	*(size_t *)((char *)a->base + a->k->count_offset) = n;
	return true;
}

bool config_p_days_list(const struct value_arg *a)
{
	return number_list(a, parse_days);
}

bool config_p_duration_list(const struct value_arg *a)
{
	return number_list(a, parse_durations);
}

/* A plain address local@domain: what an SMTP envelope takes. Display names
 * ("Name <a@b>") are refused rather than half-parsed. */
static bool email_ok(const char *s)
{
	const char *at = strchr(s, '@');
	if (at == NULL || at == s || at[1] == '\0' || strchr(at + 1, '@') != NULL)
		return false;
	for (; *s; s++)
		if (!isgraph((unsigned char)*s) || strchr("<>()[],;:\"\\", *s) != NULL)
			return false;
	return true;
}

#define EMAIL_HINT "a plain address such as intl@example.org (no display name or <>)"

bool config_p_email(const struct value_arg *a)
{
	if (!email_ok(a->v)) {
		strbuf_puts(a->why, "is not an e-mail address; write " EMAIL_HINT);
		return false;
	}
	FIELD(a, char *) = xstrdup(a->v);
	return true;
}

bool config_p_email_list(const struct value_arg *a)
{
	char **items;
	size_t n;
	if (!config_split_list(a->v, &items, &n, a->why))
		return false;
	for (size_t i = 0; i < n; i++) {
		if (!email_ok(items[i])) {
			strbuf_printf(a->why, "has '%s', which is not an e-mail address; write "
				      EMAIL_HINT ", separated by commas", items[i]);
			config_free_list(items, n);
			return false;
		}
	}
	FIELD(a, char **) = items;
	*(size_t *)((char *)a->base + a->k->count_offset) = n;
	return true;
}
