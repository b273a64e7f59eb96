/* config_sections.h: section headers and key lines as the loader meets
 * them. Private to common/config_*.c. */
#ifndef MW_CONFIG_SECTIONS_H
#define MW_CONFIG_SECTIONS_H

#include "config_priv.h"

/* s: the header line from its '[' on. Starts the section or reports why
 * it cannot (then the section's keys are ignored). */
void config_section_header(struct load_ctx *ctx, const char *s);
/* One 'name = value' of the current section, on line ctx->line. */
void config_key(struct load_ctx *ctx, const char *name, const char *value);

/* A key line that was refused before parsing (too long): marks the key
 * as set and failed, so that it is not also reported missing. */
void config_key_dropped(struct load_ctx *ctx, const char *line);

#endif
