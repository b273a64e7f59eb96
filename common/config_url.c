/* config_url.c: URL values (feeds, webhooks, SMTP servers, proxy) checked
 * with libcurl's URL parser, 'file:' feed URLs made absolute, and the
 * [daemon] redis address. */
#include "config_values.h"
#include "xalloc.h"

#include <ctype.h>
#include <curl/curl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Whether word is one of the space-separated words of list. */
static bool word_in(const char *word, const char *list)
{
	size_t n = strlen(word);
	for (const char *p = list; *p; ) {
		size_t len = strcspn(p, " ");
		if (len == n && strncasecmp(p, word, n) == 0)
			return true;
		p += len;
		p += strspn(p, " ");
	}
	return false;
}

static void explain_schemes(struct strbuf *why, const char *schemes)
{
	strbuf_puts(why, "; allowed schemes: ");
	for (const char *p = schemes; *p; ) {
		size_t len = strcspn(p, " ");
		strbuf_append(why, p, len);
		p += len;
		p += strspn(p, " ");
		strbuf_puts(why, *p ? ", " : "");
	}
}

/* file:///abs/path, file://localhost/abs/path, file:/abs/path, or
 * file:relative/path (against the config file's directory). */
static char *file_url(const struct load_ctx *ctx, const char *s, struct strbuf *why)
{
	const char *path = s + strlen("file:");
	if (strncmp(path, "//", 2) == 0) {
		path += 2;
		if (strncasecmp(path, "localhost/", 10) == 0)
			path += 9;
		if (*path != '/') {
			strbuf_puts(why, "names a host; write file:///absolute/path or file:path/relative/to/the/config");
			return NULL;
		}
	}
	if (*path == '\0' || strpbrk(path, " \t?#") != NULL) {
		strbuf_puts(why, "is not a file URL; write file:///absolute/path or file:path/relative/to/the/config (no spaces, '?' or '#')");
		return NULL;
	}
	char *abs = config_resolve_path(ctx, path);
	char *url = xasprintf("file://%s", abs);
	free(abs);
	return url;
}

static bool curl_part(CURLU *u, CURLUPart part, unsigned flags, char **out)
{
	*out = NULL;
	return curl_url_get(u, part, out, flags) == CURLUE_OK && *out != NULL;
}

/* Parses s with libcurl; on success returns the handle and the lower-case
 * scheme (curl_free it). */
static CURLU *parse_with_curl(const char *s, char **scheme, const char *hint, struct strbuf *why)
{
	CURLU *u = curl_url();
	if (u == NULL)
		fatal("config: out of memory");
	CURLUcode rc = curl_url_set(u, CURLUPART_URL, s, CURLU_NON_SUPPORT_SCHEME);
	if (rc != CURLUE_OK || !curl_part(u, CURLUPART_SCHEME, 0, scheme)) {
		strbuf_printf(why, "is not a valid URL (%s); %s", curl_url_strerror(rc), hint);
		curl_url_cleanup(u);
		return NULL;
	}
	return u;
}

char *config_check_url(const struct load_ctx *ctx, const char *s,
		       const char *schemes, struct strbuf *why)
{
	char *scheme, *host = NULL;

	if (strncasecmp(s, "file:", 5) == 0 && word_in("file", schemes))
		return file_url(ctx, s, why);
	if (strstr(s, "://") == NULL && strncasecmp(s, "mailto:", 7) != 0) {
		strbuf_puts(why, "is not a URL (no scheme)");
		explain_schemes(why, schemes);
		return NULL;
	}
	CURLU *u = parse_with_curl(s, &scheme, "write e.g. https://example.org/path", why);
	if (u == NULL)
		return NULL;
	bool ok = word_in(scheme, schemes);
	if (!ok) {
		strbuf_printf(why, "has the scheme '%s'", scheme);
		explain_schemes(why, schemes);
	} else if (strcmp(scheme, "mailto") != 0 && !curl_part(u, CURLUPART_HOST, 0, &host)) {
		strbuf_puts(why, "has no host name; write e.g. https://example.org/path");
		ok = false;
	}
	curl_free(host);
	curl_free(scheme);
	curl_url_cleanup(u);
	return ok ? xstrdup(s) : NULL;
}

void config_redis_clear(struct mw_redis_addr *addr)
{
	free(addr->host);
	free(addr->path);
	free(addr->username);
	free(addr->password);
	memset(addr, 0, sizeof *addr);
	addr->kind = MW_REDIS_EMBEDDED;
}

#define REDIS_FORMS "write redis://HOST[:PORT][/DB], redis://:PASSWORD@HOST[:PORT][/DB], " \
	"unix:/PATH[?db=N], or nothing for the embedded server"

/* Digits only, value in [0, max]. */
static bool small_number(const char *s, long max, int *out)
{
	char *end;
	if (!isdigit((unsigned char)*s))
		return false;
	long v = strtol(s, &end, 10);
	if (*end != '\0' || v > max)
		return false;
	*out = (int)v;
	return true;
}

static bool redis_unix(const char *s, struct mw_redis_addr *out, struct strbuf *why)
{
	const char *path = s + strlen("unix:");
	const char *q = strchr(path, '?');
	size_t len = q ? (size_t)(q - path) : strlen(path);

	if (strncmp(path, "//", 2) == 0) {
		path += 2;
		len -= 2;
	}
	if (*path != '/' || len < 2) {
		strbuf_puts(why, "needs an absolute socket path after unix:; " REDIS_FORMS);
		return false;
	}
	out->db = 0;
	if (q != NULL && (strncmp(q, "?db=", 4) != 0 || !small_number(q + 4, 65535, &out->db))) {
		strbuf_puts(why, "has a query other than ?db=N; " REDIS_FORMS);
		return false;
	}
	out->kind = MW_REDIS_UNIX;
	out->path = xstrndup(path, len);
	return true;
}

/* Copies a curl-allocated string to our allocator (or NULL). */
static char *take(char *curl_str)
{
	char *s = curl_str ? xstrdup(curl_str) : NULL;
	curl_free(curl_str);
	return s;
}

static bool redis_tcp_parts(CURLU *u, struct mw_redis_addr *out, struct strbuf *why)
{
	char *host, *port = NULL, *path = NULL, *query = NULL;
	bool ok = false;

	if (!curl_part(u, CURLUPART_HOST, 0, &host)) {
		strbuf_puts(why, "has no host; " REDIS_FORMS);
		return false;
	}
	curl_part(u, CURLUPART_PORT, 0, &port);
	curl_part(u, CURLUPART_PATH, 0, &path);
	curl_part(u, CURLUPART_QUERY, 0, &query);
	out->port = 6379;
	out->db = 0;
	if (port != NULL && (!small_number(port, 65535, &out->port) || out->port == 0))
		strbuf_puts(why, "has a bad port; " REDIS_FORMS);
	else if (path != NULL && strcmp(path, "/") != 0 && !small_number(path + 1, 65535, &out->db))
		strbuf_puts(why, "has a path that is not a database number; " REDIS_FORMS);
	else if (query != NULL)
		strbuf_puts(why, "has a query; " REDIS_FORMS);
	else
		ok = true;
	/* hiredis wants an IPv6 address without the URL's brackets */
	size_t hl = strlen(host);
	if (hl > 2 && host[0] == '[' && host[hl - 1] == ']')
		out->host = xstrndup(host + 1, hl - 2);
	else
		out->host = xstrdup(host);
	curl_free(host);
	curl_free(port);
	curl_free(path);
	curl_free(query);
	return ok;
}

bool config_parse_redis(const char *s, struct mw_redis_addr *out, struct strbuf *why)
{
	struct mw_redis_addr a = { .kind = MW_REDIS_EMBEDDED };
	char *scheme = NULL, *user = NULL, *password = NULL;

	if (*s == '\0') {
		*out = a;
		return true;
	}
	if (strncmp(s, "unix:", 5) == 0)
		return redis_unix(s, out, why);
	if (strncmp(s, "redis://", 8) != 0) {
		strbuf_puts(why, strncmp(s, "rediss://", 9) == 0
			    ? "uses TLS, which mouwatch does not support; use a local redis or an SSH/stunnel tunnel and "
			    : "is not a Redis address; ");
		strbuf_puts(why, REDIS_FORMS);
		return false;
	}
	CURLU *u = parse_with_curl(s, &scheme, REDIS_FORMS, why);
	if (u == NULL)
		return false;
	curl_free(scheme);
	a.kind = MW_REDIS_TCP;
	bool ok = redis_tcp_parts(u, &a, why);
	curl_part(u, CURLUPART_USER, CURLU_URLDECODE, &user);
	curl_part(u, CURLUPART_PASSWORD, CURLU_URLDECODE, &password);
	curl_url_cleanup(u);
	a.username = (user && *user) ? take(user) : (curl_free(user), NULL);
	a.password = take(password);
	if (!ok) {
		config_redis_clear(&a);
		return false;
	}
	*out = a;
	return true;
}
