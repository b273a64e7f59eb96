/* fetch_origin.c: the origin (scheme, host, port) of a URL, which decides
 * whether a redirect hop stays where the operator pointed a feed. The
 * operator's trust covers the server they named, not where it sends us. */
#include "fetch_private.h"
#include "xalloc.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static char *part(CURLU *u, CURLUPart which, unsigned flags)
{
	char *v = NULL;

	if (curl_url_get(u, which, &v, flags) != CURLUE_OK || !v)
		return NULL;
	char *copy = xstrdup(v);
	curl_free(v);
	for (char *p = copy; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return copy;
}

char *fetch_url_origin(const char *url)
{
	CURLU *u = curl_url();
	char *out = NULL;

	if (!u)
		fatal("out of memory parsing a URL");
	if (url && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK) {
		char *scheme = part(u, CURLUPART_SCHEME, 0);
		char *host = part(u, CURLUPART_HOST, 0);
		char *port = part(u, CURLUPART_PORT, CURLU_DEFAULT_PORT);
		if (scheme && host)
			out = xasprintf("%s://%s:%s", scheme, host,
					port ? port : "");
		free(scheme);
		free(host);
		free(port);
	}
	curl_url_cleanup(u);
	return out;
}

bool fetch_same_origin(const char *a, const char *b)
{
	char *oa = fetch_url_origin(a), *ob = fetch_url_origin(b);
	bool same = oa && ob && strcmp(oa, ob) == 0;

	free(oa);
	free(ob);
	return same;
}
