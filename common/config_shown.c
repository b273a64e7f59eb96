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

/* url without userinfo, query and fragment, each replaced by a marker.
 * A refused URL may be malformed: a password may hold '/', '?', '#' or
 * '@' unencoded. When the last '@' is not plainly the end of a userinfo
 * (a '/', '?' or '#' comes before it), the password's end cannot be told
 * from a path or a query, and nothing after the scheme is shown. */
static char *url_shown(const char *url)
{
	struct strbuf out = STRBUF_INIT;
	const char *sep = strstr(url, "://");
	const char *auth = sep && (size_t)(sep - url) < strcspn(url, "?#") ? sep + 3 : url;
	const char *at = strrchr(auth, '@');

	strbuf_append(&out, url, (size_t)(auth - url));
	if (at && (size_t)(at - auth) > strcspn(auth, "/?#")) {
		strbuf_puts(&out, REMOVED);
	} else {
		if (at) {
			strbuf_puts(&out, REMOVED "@");
			auth = at + 1;
		}
		size_t end = strcspn(auth, "?#");
		strbuf_append(&out, auth, end);
		if (auth[end])
			strbuf_puts(&out, auth[end] == '?' ? "?" REMOVED : "#" REMOVED);
	}
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
