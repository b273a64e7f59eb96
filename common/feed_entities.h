/* feed_entities.h: HTML5's named character references (the generated
 * table in feed_entities_table.c, see scripts/gen-html-entities) and
 * their lookup. */
#ifndef MW_FEED_ENTITIES_H
#define MW_FEED_ENTITIES_H

#include <stddef.h>

struct feed_entity {
	const char *name;      /* without '&' and ';' */
	unsigned cp[2];        /* one or two code points; cp[1] 0 when one */
};

extern const struct feed_entity feed_entities[];
extern const size_t feed_entities_count;

/* The entry for name[0..len) (case-sensitive), or NULL. */
const struct feed_entity *feed_entity_lookup(const char *name, size_t len);

#endif
