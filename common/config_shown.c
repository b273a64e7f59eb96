/* config_shown.c: what an error message may quote of a refused value. The
 * errors of a reload go to the log and to the control client that asked
 * (a member of socket_group, who may not read the configuration), so a
 * webhook secret is never quoted and a URL loses its userinfo (a Redis or
 * proxy password), its query and its fragment (webhook tokens). */
#include "config_priv.h"
#include "strbuf.h"
#include "xalloc.h"

#include <string.h>

#define REMOVED "(removed)"

/* url without userinfo, query and fragment, each replaced by a marker. */
static char *url_shown(const char *url)
{
	struct strbuf out = STRBUF_INIT;
	size_t end = strcspn(url, "?#");
	const char *sep = strstr(url, "://");
	const char *auth = sep && (size_t)(sep - url) < end ? sep + 3 : url;
	size_t auth_len = strcspn(auth, "/?#");
	const char *at = NULL;

	for (const char *p = auth; p < auth + auth_len; p++)
		if (*p == '@')
			at = p;   /* the last one: a password may hold '@' */
	strbuf_append(&out, url, (size_t)(auth - url));
	if (at) {
		strbuf_puts(&out, REMOVED "@");
		auth = at + 1;
	}
	strbuf_append(&out, auth, (size_t)(url + end - auth));
	if (url[end])
		strbuf_puts(&out, url[end] == '?' ? "?" REMOVED : "#" REMOVED);
	char *s = xstrdup(strbuf_str(&out));
	strbuf_free(&out);
	return s;
}

char *config_value_shown(enum value_kind kind, const char *value)
{
	switch (kind) {
	case V_SECRET:
		return NULL;
	case V_URL:
	case V_REDIS:
		return url_shown(value);
	default:
		return xstrdup(value);
	}
}
