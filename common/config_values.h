/* config_values.h: the interface between the value parsers of
 * config_values.c and those that live in their own files (lists, URLs,
 * secrets, match filters). Private to common/config_*.c. */
#ifndef MW_CONFIG_VALUES_H
#define MW_CONFIG_VALUES_H

#include "config_priv.h"

/* One value to parse: the key, the text, and where it goes. */
struct value_arg {
	struct load_ctx *ctx;
	const struct key_def *k;
	const char *v;
	void *field;  /* the member at k->offset of base */
	void *base;   /* the section's struct */
	struct strbuf *why;
};

#define FIELD(a, type) (*(type *)(a)->field)

/* config_lists.c */
bool config_p_days_list(const struct value_arg *a);
bool config_p_duration_list(const struct value_arg *a);
bool config_p_email(const struct value_arg *a);
bool config_p_email_list(const struct value_arg *a);
/* config_secret.c */
bool config_p_secret(const struct value_arg *a);
/* config_match.c */
bool config_p_match(const struct value_arg *a);

/* config_url.c: checks a URL against the space-separated schemes; returns
 * it normalised (a new string: 'file:' URLs made absolute against the
 * config's directory) or NULL with the reason appended to why. */
char *config_check_url(const struct load_ctx *ctx, const char *s,
		       const char *schemes, struct strbuf *why);

#endif
