/* httpd.h: the shared state and the handler interface of mw-httpd, the
 * local HTTP test server (conventions documented in mw-httpd.c and
 * tests/helpers/README.md). Every handler has the same signature and is
 * picked from the route table in mw-httpd.c. */
#ifndef MW_HTTPD_H
#define MW_HTTPD_H

#include <stddef.h>
#include <stdio.h>
#include <sys/queue.h>   /* TAILQ_* for evkeyvalq */

#include <event2/event.h>
#include <event2/http.h>
#include <event2/keyvalq_struct.h>

/* The server: created once in main(), lives until exit. */
struct server {
	struct event_base *base;
	struct evhttp *http;
	const char *root;          /* document root (from argv, not owned) */
	FILE *log;                 /* request log, or NULL (owned) */
	const char *hook_dir;      /* raw hook bodies go here, or NULL */
	unsigned hook_count;       /* hooks received so far (file numbering) */
	struct hook_counter *hooks;/* per-path request counts (owned list) */
	size_t bomb_mib;           /* size of /bomb once inflated */
	unsigned char *bomb;       /* gzip bomb, built on first use (owned) */
	size_t bomb_len;
	struct pending *pending;   /* delayed or streaming replies (owned list) */
};

/* One request as the handlers see it. Lives for one dispatch only. */
struct request {
	struct server *srv;
	struct evhttp_request *req;
	const char *path;          /* decoded path, without the query */
	struct evkeyvalq query;    /* decoded query parameters */
};

typedef void handler_fn(struct request *r);

/* Work that outlives the dispatch: a delayed answer, a trickled or endless
 * body. Owned by the server's list; freed when the reply ends, when the
 * client goes away (connection close callback) or at shutdown. */
enum pending_kind { PENDING_SLOW, PENDING_TRICKLE, PENDING_ENDLESS };

struct pending {
	struct pending *next;
	struct server *srv;
	enum pending_kind kind;
	struct evhttp_request *req;
	struct evhttp_connection *conn;
	struct event *timer;
	char *target;              /* PENDING_SLOW: path?query to answer (owned) */
	size_t left;               /* PENDING_TRICKLE: bytes still to send */
	size_t chunk;              /* bytes per tick */
	struct timeval every;      /* tick interval */
};

/* mw-httpd.c: routing. Answers r as if its path (and query) were target;
 * used by /slow and /headers to serve another resource. */
void dispatch_target(struct server *srv, struct evhttp_request *req,
		     const char *target);

/* Query helpers (mw-httpd.c). query_get returns NULL when absent;
 * query_long returns dflt when absent, clamps to [lo, hi]. */
const char *query_get(struct request *r, const char *name);
long query_long(struct request *r, const char *name, long dflt, long lo, long hi);
/* Sends a short text/plain reply with the given status. */
void reply_text(struct request *r, int status, const char *reason,
		const char *text);

/* httpd_files.c: static files from the document root. */
handler_fn handle_file;

/* httpd_routes.c: the synthetic resources. */
handler_fn handle_redirect;
handler_fn handle_loop;
handler_fn handle_status;
handler_fn handle_headers;
handler_fn handle_hook;
void hooks_free(struct server *srv);

/* httpd_stream.c: answers spread over time. */
handler_fn handle_slow;
handler_fn handle_trickle;
handler_fn handle_endless;
handler_fn handle_bomb;
void pending_free_all(struct server *srv);

/* httpd_deflate.c: compression with zlib. Both return a malloc'd buffer
 * the caller frees, or NULL (with *out_len 0) when zlib fails. */
unsigned char *deflate_buffer(const void *data, size_t len, int gzip,
			      size_t *out_len);
/* A gzip stream of mib MiB of zeros, built by streaming zeros through
 * deflate; about 1 KB per MiB. */
unsigned char *gzip_zeros(size_t mib, size_t *out_len);

/* httpd_log.c: one line per request to srv->log; raw hook bodies to
 * srv->hook_dir. */
void log_request(struct server *srv, struct evhttp_request *req,
		 int with_all_headers);
void save_hook(struct server *srv, struct evhttp_request *req);

#endif
