/* feed_url.c: owns link resolution: relative references made absolute
 * against a base (xml:base, the feed's URL) with libxml2's RFC 3986 code. */
#include "feed_internal.h"
#include "xalloc.h"

#include <ctype.h>
#include <libxml/uri.h>
#include <libxml/xmlmemory.h>

bool feed_url_has_scheme(const char *s)
{
	if (!isalpha((unsigned char)*s))
		return false;
	while (isalnum((unsigned char)*s) || *s == '+' || *s == '-' || *s == '.')
		s++;
	return *s == ':';
}

char *feed_resolve_url(const char *ref, const char *base)
{
	if (ref == NULL)
		return NULL;
	if (base == NULL || feed_url_has_scheme(ref))
		return xstrdup(ref);
	xmlChar *abs = xmlBuildURI((const xmlChar *)ref, (const xmlChar *)base);
	if (abs == NULL)
		return xstrdup(ref);
	char *r = xstrdup((const char *)abs);
	xmlFree(abs);
	return r;
}
