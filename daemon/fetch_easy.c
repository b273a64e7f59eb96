/* fetch_easy.c: one libcurl easy handle set up for one request, and the
 * callbacks libcurl calls during that transfer: the body (with its size
 * cap, on decoded data), the headers (validators, redirect hops) and the
 * address guard (on every connect, and on every reused connection; for a
 * feed, on every redirect hop that leaves the origin the operator named). */
#include "fetch_private.h"
#include "xalloc.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

/* CURLOPT_PROTOCOLS_STR (7.85) and CURLOPT_PREREQFUNCTION (7.80). */
#if LIBCURL_VERSION_NUM < 0x075500
#error "libcurl 7.85 or newer is needed: install libcurl4-openssl-dev from Debian 12 or later"
#endif

static size_t on_body(char *data, size_t size, size_t nmemb, void *ud)
{
	struct fetch_xfer *x = ud;
	size_t n = size * nmemb;

	if (n > x->max_body - x->resp.len) {
		fetch_xfer_fail(x, FETCH_ERR_TOO_LARGE, "body of %.200s exceeds "
				"%zu bytes (after decoding): cut off", x->url,
				x->max_body);
		return 0;       /* libcurl stops with CURLE_WRITE_ERROR */
	}
	strbuf_append(&x->resp, data, n);
	return n;
}

/* rel resolved against base, as a new string. */
static char *resolve(const char *base, const char *rel)
{
	CURLU *u = curl_url();
	char *out = NULL, *res;

	if (!u)
		fatal("out of memory parsing a URL");
	if (curl_url_set(u, CURLUPART_URL, base, 0) == CURLUE_OK &&
	    curl_url_set(u, CURLUPART_URL, rel, 0) == CURLUE_OK)
		curl_url_get(u, CURLUPART_URL, &out, 0);
	res = xstrdup(out ? out : rel);
	curl_free(out);
	curl_url_cleanup(u);
	return res;
}

static bool is_redirect(long status)
{
	return status == 301 || status == 302 || status == 303 ||
	       status == 307 || status == 308;
}

/* The headers of a response ended: if libcurl is going to follow it,
 * remember the hop. */
static void note_hop(struct fetch_xfer *x)
{
	if (x->no_follow || !is_redirect(x->hdrs.status) || !x->hdrs.location ||
	    (long)x->n_hops >= x->max_redirects)
		return;
	char *next = resolve(x->cur_url, x->hdrs.location);
	x->hops = xrealloc(x->hops, (x->n_hops + 1) * sizeof *x->hops);
	x->hops[x->n_hops].status = x->hdrs.status;
	x->hops[x->n_hops].url = next;
	x->n_hops++;
	free(x->cur_url);
	x->cur_url = xstrdup(next);
	x->guard_now = x->guard_hops && !fetch_same_origin(x->url, next);
}

static size_t on_header(char *line, size_t size, size_t nmemb, void *ud)
{
	struct fetch_xfer *x = ud;
	size_t n = size * nmemb;

	if (fetch_hdrs_line(&x->hdrs, line, n, time(NULL)) == FETCH_HDR_END)
		note_hop(x);
	return n;
}

static void refuse(struct fetch_xfer *x, const char *ip, const char *kind)
{
	if (x->guard)
		fetch_xfer_fail(x, FETCH_ERR_REFUSED, "refused: address %s is "
				"%s (set allow_private_addresses = yes to "
				"allow)", ip, kind);
	else
		fetch_xfer_fail(x, FETCH_ERR_REFUSED, "refused: %.200s "
				"redirected to %.200s, whose address %s is %s "
				"(only the URL configured is trusted; set "
				"allow_private_addresses = yes to allow)",
				x->url, x->cur_url, ip, kind);
}

/* Whether the connection being made or used now must pass the guard. */
static bool guarded(const struct fetch_xfer *x)
{
	return x->guard || x->guard_now;
}

static curl_socket_t on_open_socket(void *ud, curlsocktype purpose,
				    struct curl_sockaddr *a)
{
	struct fetch_xfer *x = ud;
	const char *kind = guarded(x) ? fetch_guard_classify(&a->addr) : NULL;

	if (kind) {
		char ip[INET6_ADDRSTRLEN] = "?";
		const void *bytes = a->family == AF_INET6
			? (const void *)&((struct sockaddr_in6 *)&a->addr)->sin6_addr
			: (const void *)&((struct sockaddr_in *)&a->addr)->sin_addr;
		inet_ntop(a->family, bytes, ip, sizeof ip);
		refuse(x, ip, kind);
		return CURL_SOCKET_BAD;
	}
	return socket(a->family, a->socktype, a->protocol);
}

/* Called before each request is sent, also on a reused connection, which
 * an unguarded request to the same host may have opened. */
static int on_prereq(void *ud, char *primary_ip, char *local_ip,
		     int primary_port, int local_port)
{
	struct fetch_xfer *x = ud;
	const char *kind = guarded(x) ? fetch_guard_classify_ip(primary_ip) : NULL;

	if (!kind)
		return CURL_PREREQFUNC_OK;
	refuse(x, primary_ip, kind);
	return CURL_PREREQFUNC_ABORT;
}

static void set_guard(CURL *e, struct fetch_xfer *x)
{
	curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, on_open_socket);
	curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, x);
	curl_easy_setopt(e, CURLOPT_PREREQFUNCTION, on_prereq);
	curl_easy_setopt(e, CURLOPT_PREREQDATA, x);
}

static void set_method(CURL *e, struct fetch_xfer *x)
{
	if (strcmp(x->method, "HEAD") == 0) {
		curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
		return;
	}
	if (x->body) {
		curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE,
				 (curl_off_t)x->body_len);
		curl_easy_setopt(e, CURLOPT_POSTFIELDS, x->body);
	}
	if (strcmp(x->method, "GET") != 0 && strcmp(x->method, "POST") != 0)
		curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, x->method);
	else if (strcmp(x->method, "POST") == 0 && !x->body)
		curl_easy_setopt(e, CURLOPT_POST, 1L);  /* empty body */
}

/* What may be fetched and where redirects may lead. */
static void set_protocols(CURL *e, const struct fetch_settings *s)
{
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR,
			 s->allow_file_urls ? "http,https,file" : "http,https");
	curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
}

static void set_limits(CURL *e, struct fetch_xfer *x,
		       const struct fetch_settings *s)
{
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, x->no_follow ? 0L : 1L);
	curl_easy_setopt(e, CURLOPT_MAXREDIRS, s->max_redirects);
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS,
			 s->connect_timeout_s * 1000);
	curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, x->timeout_ms);
	curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)x->max_body);
}

static void set_identity(CURL *e, const struct fetch_settings *s)
{
	curl_easy_setopt(e, CURLOPT_USERAGENT, s->user_agent);
	curl_easy_setopt(e, CURLOPT_AUTOREFERER, 0L);  /* no Referer */
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");  /* all we decode */
	curl_easy_setopt(e, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_2TLS);
	curl_easy_setopt(e, CURLOPT_PIPEWAIT, 1L);
	if (s->proxy && *s->proxy)
		curl_easy_setopt(e, CURLOPT_PROXY, s->proxy);
	curl_easy_setopt(e, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L);
	/* The cookie engine stays off: no CURLOPT_COOKIEFILE. */
}

void fetch_xfer_setup(struct fetch_xfer *x, CURL *e,
		      const struct fetch_settings *s)
{
	x->easy = e;
	x->errbuf[0] = '\0';
	curl_easy_setopt(e, CURLOPT_URL, x->url);
	curl_easy_setopt(e, CURLOPT_PRIVATE, x);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, x->errbuf);
	set_protocols(e, s);
	set_limits(e, x, s);
	set_identity(e, s);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, x);
	curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(e, CURLOPT_HEADERDATA, x);
	if (x->headers)
		curl_easy_setopt(e, CURLOPT_HTTPHEADER, x->headers);
	set_method(e, x);
	if ((x->guard || x->guard_hops) && !x->is_file)
		set_guard(e, x);
}
