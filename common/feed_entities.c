/* feed_entities.c: owns the lookup of an HTML5 named character reference
 * in the generated table (binary search; the table is sorted by name). */
#include "feed_entities.h"

#include <string.h>

static int cmp_name(const char *name, size_t len, const char *entry)
{
	int c = strncmp(name, entry, len);

	if (c != 0)
		return c;
	return entry[len] == '\0' ? 0 : -1;
}

const struct feed_entity *feed_entity_lookup(const char *name, size_t len)
{
	size_t lo = 0, hi = feed_entities_count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = cmp_name(name, len, feed_entities[mid].name);
		if (c == 0)
			return &feed_entities[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}
