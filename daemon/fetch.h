/* fetch.h: the non-blocking HTTP engine of the daemon (libcurl multi driven
 * by a caller's libevent event_base). The poller fetches feeds and article
 * pages with it; reminder delivery posts webhooks with it.
 *
 * Ownership, once for all:
 * - struct fetch_settings and struct fetch_request belong to the caller; the
 *   engine copies everything it keeps (strings, body, headers) during
 *   fetch_engine_new() / fetch_submit(), so they may be freed right after.
 * - struct fetch_result and everything it points to belong to the engine
 *   and are valid only during the done callback: copy what you keep.
 * - The callback is never called from inside fetch_submit(); it runs from
 *   the event loop, exactly once per accepted request (with
 *   FETCH_ERR_CANCELLED when the engine is freed first). It may call
 *   fetch_submit() but never fetch_engine_free().
 *
 * Errors: an HTTP response of any status (404, 503, ...) is error FETCH_OK
 * with that status; errors are transfers that got no usable response. */
#ifndef MW_FETCH_H
#define MW_FETCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

struct event_base;
struct sockaddr;
struct fetch_engine;

struct fetch_settings {
	unsigned max_concurrent;    /* transfers at once (default 64) */
	unsigned max_per_host;      /* transfers at once per host (default 2) */
	double per_host_rate;       /* requests/second per host; 0 = unpaced */
	long connect_timeout_s;     /* default 10 */
	long timeout_s;             /* whole transfer; default 60 */
	long max_redirects;         /* default 5 */
	size_t max_body;            /* default cap of a response body, 10 MiB */
	const char *user_agent;     /* NULL: "mouwatch/VERSION" */
	const char *proxy;          /* NULL or "": libcurl reads http_proxy,
	                             * https_proxy and no_proxy itself */
	bool allow_file_urls;       /* also fetch file:// (demo, tests) */
	bool allow_private_addresses; /* turns the address guard off */
};

/* Fills s with the defaults above. Start every settings struct with it. */
void fetch_settings_init(struct fetch_settings *s);

/* "mouwatch/VERSION (+CONTACT)" or "mouwatch/VERSION" when contact is NULL
 * or empty. The caller frees the string. */
char *fetch_user_agent(const char *contact);

struct fetch_request {
	const char *url;            /* required: http(s)://, or file:// */
	const char *etag;           /* sent as If-None-Match when set */
	const char *last_modified;  /* sent as If-Modified-Since when set */
	size_t max_body;            /* 0: the settings' max_body */
	long timeout_s;             /* 0: the settings' timeout_s */
	bool guard_private;         /* refuse private/loopback addresses unless
	                             * the settings allow them (article links).
	                             * Through a proxy the address checked is
	                             * the proxy's: the proxy resolves names. */
	bool guard_redirects;       /* guard every redirect hop that leaves
	                             * url's origin (scheme, host, port) unless
	                             * the settings allow private addresses:
	                             * feeds, whose URL the operator named but
	                             * whose redirects the feed's server chose */
	bool no_follow;             /* report 3xx instead of following it */
	/* For POST (webhooks): method "POST" with body/body_len; headers is a
	 * NULL-terminated array of "Name: value" lines, or NULL. */
	const char *method;         /* NULL: "GET" */
	const char *body;
	size_t body_len;
	const char *const *headers;
};

/* What went wrong when no usable response came. Counted in the stats. */
enum fetch_error {
	FETCH_OK = 0,
	FETCH_ERR_REQUEST,      /* bad URL, scheme or header: fix the caller */
	FETCH_ERR_REFUSED,      /* the address guard refused the address */
	FETCH_ERR_DNS,          /* name did not resolve (or proxy name) */
	FETCH_ERR_CONNECT,      /* could not connect */
	FETCH_ERR_TIMEOUT,      /* connect or total timeout */
	FETCH_ERR_TLS,          /* handshake or certificate */
	FETCH_ERR_TOO_LARGE,    /* body over the cap (cut while downloading) */
	FETCH_ERR_REDIRECTS,    /* more than max_redirects */
	FETCH_ERR_PROTOCOL,     /* broken HTTP, bad encoding, reset stream */
	FETCH_ERR_FILE,         /* file:// could not be read */
	FETCH_ERR_CANCELLED,    /* the engine was freed first */
	FETCH_ERR_OTHER,
	FETCH_ERR__COUNT
};

/* "ok", "request", "refused", "dns", ...: stable names for logs and JSON. */
const char *fetch_error_name(enum fetch_error e);

/* One followed redirect: the status that sent us on and where to. */
struct fetch_hop {
	long status;
	const char *url;            /* absolute */
};

struct fetch_result {
	const char *url;            /* as requested */
	const char *final_url;      /* after redirects (CURLINFO_EFFECTIVE_URL) */
	long status;                /* final HTTP status; 0 without response;
	                             * 200 for a file:// that was read */
	enum fetch_error error;
	const char *error_msg;      /* NULL when error is FETCH_OK */
	const char *body;           /* NUL-terminated, decoded (gzip, br...) */
	size_t body_len;
	/* Headers of the final response; NULL / -1 when absent or invalid. */
	const char *etag;
	const char *last_modified;
	const char *content_type;
	const char *cache_control;
	long max_age;               /* Cache-Control max-age seconds */
	time_t expires;             /* Expires as Unix time */
	long retry_after_s;         /* Retry-After, seconds from now (an
	                             * HTTP-date is converted) */
	const char *location;       /* Location of a final 3xx (no_follow) */
	/* Redirects followed, in order. permanent_url is where the leading run
	 * of 301/308 hops led (NULL when the first hop was not permanent): the
	 * only URL the poller may store in place of the one it asked for. */
	const struct fetch_hop *hops;
	size_t n_hops;
	const char *permanent_url;
	double total_time_s;
};

typedef void (*fetch_done_cb)(const struct fetch_result *res, void *user);

/* Engine on base, which the caller owns and runs. Copies settings. Returns
 * NULL (logged) when libcurl cannot be set up. */
struct fetch_engine *fetch_engine_new(struct event_base *base,
				      const struct fetch_settings *settings);
/* Cancels what is left (each callback runs with FETCH_ERR_CANCELLED), then
 * frees the engine. NULL is fine. */
void fetch_engine_free(struct fetch_engine *eng);

/* Queues req; done(result, user) runs later from the loop. Returns 0, or -1
 * when the engine is shutting down (then no callback comes). A bad request
 * is accepted and completes with FETCH_ERR_REQUEST. */
int fetch_submit(struct fetch_engine *eng, const struct fetch_request *req,
		 fetch_done_cb done, void *user);

/* Requests accepted and not completed yet (running + queued). */
size_t fetch_in_flight(const struct fetch_engine *eng);

/* Counters since fetch_engine_new(), for `mouwatch status`. */
struct fetch_stats {
	uint64_t submitted;
	uint64_t completed;
	uint64_t bytes;             /* decoded body bytes received */
	uint64_t status_2xx, status_3xx, status_4xx, status_5xx;
	uint64_t not_modified;      /* 304s, also counted in status_3xx */
	uint64_t errors[FETCH_ERR__COUNT]; /* [FETCH_OK] stays 0 */
	unsigned running;           /* transfers in libcurl now */
	unsigned queued;            /* waiting for a slot or a token */
	unsigned peak_running;      /* most transfers at once so far */
	unsigned peak_host_running; /* most at once to one host so far */
};
void fetch_get_stats(const struct fetch_engine *eng, struct fetch_stats *out);

/* The address guard. Returns NULL when sa may be connected to with the
 * guard on, else what the address is ("loopback", "private", "link-local",
 * "multicast", "unspecified", "unique-local", "reserved", ...). IPv4-mapped
 * and IPv4-compatible IPv6 forms are judged by their IPv4 address. */
const char *fetch_guard_classify(const struct sockaddr *sa);
/* The same for a numeric address string ("10.0.0.5", "::1"); what a string
 * that is no IP address is: "not an IP address". */
const char *fetch_guard_classify_ip(const char *ip);

/* "scheme://host:port" of url, lower-cased, the port explicit (80 for
 * http:// without one); NULL when url does not parse. Caller frees. */
char *fetch_url_origin(const char *url);
/* Whether a and b have the same origin (false when either does not parse). */
bool fetch_same_origin(const char *a, const char *b);

#endif
