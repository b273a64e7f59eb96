/* mw-httpd.c: the local HTTP test server of the mouwatch test suite —
 * command line, start-up and shutdown, and the route table. One process,
 * one libevent loop; nothing ever blocks the loop (delays are timers).
 *
 *   mw-httpd --root DIR [--port-file F] [--log F] [--hook-dir D]
 *            [--max-seconds N] [--bomb-mib N]
 *
 * Listens on 127.0.0.1 on a port the kernel picks, then prints the port on
 * standard output (or writes it to --port-file, atomically, by rename).
 * Stops by itself after --max-seconds (default 600), and cleanly on SIGTERM
 * or SIGINT.
 *
 * URL conventions (tests compose them freely; numbers are clamped):
 *   /any/file             a file under --root, with ETag and Last-Modified;
 *                         If-None-Match / If-Modified-Since give 304.
 *                         ?encoding=gzip|deflate compresses the body and
 *                         sets Content-Encoding. ?type=T sets Content-Type.
 *   /redirect/CODE?to=U   CODE in 301 302 303 307 308, Location: U
 *                         (default /).
 *   /loop                 302 to /loop, for ever.
 *   /status/CODE          that status; ?retry-after=N adds Retry-After: N.
 *   /slow?ms=N&path=P     waits N ms (default 1000), then answers as P
 *                         (default /); P may be any URL of this list.
 *   /trickle?bytes=N&ms=M a chunked body of N bytes (default 10), one byte
 *                         every M ms (default 200).
 *   /endless?ms=M         a chunked body that never ends: 16 KiB every M ms
 *                         (default 10) until the client goes away.
 *   /bomb                 gzip-encoded body that inflates to --bomb-mib MiB
 *                         of zeros (default 1024), built on first use.
 *   /headers?N=V&path=P   adds each query parameter except path as a
 *                         response header, then answers as P (default: a
 *                         short text body).
 *   POST /hook/ANYTHING   records headers and body; answers ?status=S
 *                         (default 200); with ?times=K only the first K
 *                         requests to that path get S, later ones 200.
 *
 * Request log (--log): one line per request, fields separated by TABs:
 *   METHOD  TARGET  name: value  name: value ...
 * with header names lower-case and TAB, newline and backslash in values
 * escaped as \t \n \\. Ordinary requests log the headers in the table in
 * httpd_log.c (user-agent, if-none-match, ...); hooks log every header and
 * the body ("body: ..."). With --hook-dir, hook number N (from 1) also
 * leaves N.body (raw bytes) and N.headers ("Name: value" lines). */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <unistd.h>

#include <event2/buffer.h>
#include <event2/keyvalq_struct.h>

#include "httpd.h"
#include "log.h"
#include "xalloc.h"

/* A route matches a path equal to its prefix, or one that continues the
 * prefix with '/' (prefixes ending in '/' need more after them). */
struct route {
	const char *prefix;
	handler_fn *handler;
	int post;   /* accepts POST/PUT */
};

static const struct route routes[] = {
	{ "/redirect/", handle_redirect, 0 },
	{ "/loop", handle_loop, 0 },
	{ "/status/", handle_status, 1 },
	{ "/slow", handle_slow, 0 },
	{ "/trickle", handle_trickle, 0 },
	{ "/endless", handle_endless, 0 },
	{ "/bomb", handle_bomb, 0 },
	{ "/headers", handle_headers, 0 },
	{ "/hook/", handle_hook, 1 },
};

static const struct route file_route = { "/", handle_file, 0 };

static int route_matches(const struct route *rt, const char *path)
{
	size_t n = strlen(rt->prefix);

	if (strncmp(path, rt->prefix, n) != 0)
		return 0;
	if (rt->prefix[n - 1] == '/')
		return path[n] != '\0';
	return path[n] == '\0' || path[n] == '/';
}

static const struct route *route_find(const char *path)
{
	for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++)
		if (route_matches(&routes[i], path))
			return &routes[i];
	return &file_route;
}

const char *query_get(struct request *r, const char *name)
{
	return evhttp_find_header(&r->query, name);
}

long query_long(struct request *r, const char *name, long dflt, long lo, long hi)
{
	const char *s = query_get(r, name);
	char *end;
	long v;

	if (s == NULL || *s == '\0')
		return dflt;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0')
		return dflt;
	return v < lo ? lo : v > hi ? hi : v;
}

void reply_text(struct request *r, int status, const char *reason,
		const char *text)
{
	struct evbuffer *body = evbuffer_new();

	evhttp_add_header(evhttp_request_get_output_headers(r->req),
			  "Content-Type", "text/plain; charset=utf-8");
	evbuffer_add_printf(body, "%s\n", text);
	evhttp_send_reply(r->req, status, reason, body);
	evbuffer_free(body);
}

static int method_allowed(const struct route *rt, struct evhttp_request *req)
{
	enum evhttp_cmd_type m = evhttp_request_get_command(req);

	if (m == EVHTTP_REQ_GET || m == EVHTTP_REQ_HEAD)
		return 1;
	return rt->post && (m == EVHTTP_REQ_POST || m == EVHTTP_REQ_PUT);
}

/* Splits target into a decoded path and query and runs its route. */
void dispatch_target(struct server *srv, struct evhttp_request *req,
		     const char *target)
{
	struct request r = { .srv = srv, .req = req };
	struct evhttp_uri *uri = evhttp_uri_parse(target);
	const char *raw_path = uri ? evhttp_uri_get_path(uri) : NULL;
	const char *raw_query = uri ? evhttp_uri_get_query(uri) : NULL;
	char *path = raw_path ? evhttp_uridecode(raw_path, 0, NULL) : NULL;
	const struct route *rt;

	TAILQ_INIT(&r.query);
	if (path == NULL || path[0] != '/' ||
	    (raw_query && evhttp_parse_query_str(raw_query, &r.query) != 0)) {
		r.path = "";
		reply_text(&r, 400, "Bad Request", "mw-httpd: cannot parse the request target");
	} else {
		r.path = path;
		rt = route_find(path);
		if (method_allowed(rt, req))
			rt->handler(&r);
		else
			reply_text(&r, 405, "Method Not Allowed", "mw-httpd: method not allowed here");
	}
	evhttp_clear_headers(&r.query);
	free(path);
	if (uri)
		evhttp_uri_free(uri);
}

static int is_hook(struct evhttp_request *req)
{
	return strncmp(evhttp_request_get_uri(req), "/hook/", 6) == 0;
}

static void on_request(struct evhttp_request *req, void *arg)
{
	struct server *srv = arg;

	log_request(srv, req, is_hook(req));
	dispatch_target(srv, req, evhttp_request_get_uri(req));
}

/* Options ---------------------------------------------------------------- */

struct options {
	const char *root;
	const char *port_file;
	const char *log_file;
	const char *hook_dir;
	long max_seconds;
	long bomb_mib;
};

static void usage(FILE *to)
{
	fprintf(to, "usage: mw-httpd --root DIR [--port-file F] [--log F] "
		"[--hook-dir D] [--max-seconds N] [--bomb-mib N]\n"
		"URL conventions: see tests/helpers/README.md\n");
}

static int parse_number(const char *opt, const char *s, long lo, long hi, long *out)
{
	char *end;

	errno = 0;
	*out = strtol(s, &end, 10);
	if (errno == 0 && *end == '\0' && end != s && *out >= lo && *out <= hi)
		return 0;
	fprintf(stderr, "mw-httpd: %s wants a number from %ld to %ld, got '%s'\n",
		opt, lo, hi, s);
	return -1;
}

/* Returns 0, or 2 (usage error) after printing why. */
static int parse_options(int argc, char **argv, struct options *o)
{
	static const struct option longopts[] = {
		{ "root", required_argument, NULL, 'r' },
		{ "port-file", required_argument, NULL, 'p' },
		{ "log", required_argument, NULL, 'l' },
		{ "hook-dir", required_argument, NULL, 'k' },
		{ "max-seconds", required_argument, NULL, 't' },
		{ "bomb-mib", required_argument, NULL, 'b' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	*o = (struct options){ .root = ".", .max_seconds = 600, .bomb_mib = 1024 };
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'r': o->root = optarg; break;
		case 'p': o->port_file = optarg; break;
		case 'l': o->log_file = optarg; break;
		case 'k': o->hook_dir = optarg; break;
		case 't':
			if (parse_number("--max-seconds", optarg, 1, 86400, &o->max_seconds))
				return 2;
			break;
		case 'b':
			if (parse_number("--bomb-mib", optarg, 1, 16384, &o->bomb_mib))
				return 2;
			break;
		case 'h': usage(stdout); exit(0);
		default: usage(stderr); return 2;
		}
	}
	if (optind != argc) {
		fprintf(stderr, "mw-httpd: unexpected argument '%s'\n", argv[optind]);
		usage(stderr);
		return 2;
	}
	return 0;
}

/* Start-up and shutdown --------------------------------------------------- */

static int bound_port(struct evhttp_bound_socket *sock)
{
	struct sockaddr_in sin;
	socklen_t len = sizeof sin;

	if (getsockname(evhttp_bound_socket_get_fd(sock), (struct sockaddr *)&sin, &len) != 0)
		return -1;
	return ntohs(sin.sin_port);
}

/* Writes the port to path.tmp and renames it, so that a reader polling for
 * the file never sees it half written. */
static int announce_port(const char *path, int port)
{
	char *tmp;
	FILE *f;
	int rc = -1;

	if (path == NULL) {
		printf("%d\n", port);
		return fflush(stdout) == 0 ? 0 : -1;
	}
	tmp = xasprintf("%s.tmp", path);
	f = fopen(tmp, "w");
	if (f != NULL) {
		fprintf(f, "%d\n", port);
		if (fclose(f) == 0 && rename(tmp, path) == 0)
			rc = 0;
	}
	if (rc != 0)
		fprintf(stderr, "mw-httpd: cannot write the port file %s: %s; check the directory exists and is writable\n",
			path, strerror(errno));
	free(tmp);
	return rc;
}

static void on_stop(evutil_socket_t fd, short what, void *arg)
{
	event_base_loopbreak(arg);
}

/* Opens the log and the listening socket; returns the port or -1. */
static int server_open(struct server *srv, const struct options *o)
{
	struct evhttp_bound_socket *sock;

	srv->root = o->root;
	srv->hook_dir = o->hook_dir;
	srv->bomb_mib = (size_t)o->bomb_mib;
	if (o->log_file != NULL) {
		srv->log = fopen(o->log_file, "a");
		if (srv->log == NULL) {
			fprintf(stderr, "mw-httpd: cannot open the log %s: %s\n",
				o->log_file, strerror(errno));
			return -1;
		}
		setvbuf(srv->log, NULL, _IOLBF, 0);
	}
	srv->base = event_base_new();
	srv->http = srv->base ? evhttp_new(srv->base) : NULL;
	if (srv->http == NULL)
		fatal("mw-httpd: cannot create the libevent HTTP server");
	evhttp_set_allowed_methods(srv->http, EVHTTP_REQ_GET | EVHTTP_REQ_HEAD |
				   EVHTTP_REQ_POST | EVHTTP_REQ_PUT);
	evhttp_set_max_body_size(srv->http, 16 * 1024 * 1024);
	evhttp_set_gencb(srv->http, on_request, srv);
	sock = evhttp_bind_socket_with_handle(srv->http, "127.0.0.1", 0);
	if (sock == NULL) {
		fprintf(stderr, "mw-httpd: cannot listen on 127.0.0.1: %s\n", strerror(errno));
		return -1;
	}
	return bound_port(sock);
}

/* Frees in an order that lets libevent's close callbacks find the pending
 * list still alive. */
static void server_close(struct server *srv)
{
	if (srv->http)
		evhttp_free(srv->http);
	pending_free_all(srv);
	hooks_free(srv);
	if (srv->base)
		event_base_free(srv->base);
	if (srv->log)
		fclose(srv->log);
	free(srv->bomb);
}

int main(int argc, char **argv)
{
	struct options o;
	struct server srv = { 0 };
	struct event *ev_term = NULL, *ev_int = NULL, *ev_limit = NULL;
	struct timeval limit;
	int port, rc = parse_options(argc, argv, &o);

	if (rc != 0)
		return rc;
	log_init("mw-httpd", LOG_LEVEL_NOTICE);
	signal(SIGPIPE, SIG_IGN);
	port = server_open(&srv, &o);
	if (port > 0) {
		/* Stop handlers first: once the port is out, tests may signal. */
		limit = (struct timeval){ .tv_sec = o.max_seconds };
		ev_term = evsignal_new(srv.base, SIGTERM, on_stop, srv.base);
		ev_int = evsignal_new(srv.base, SIGINT, on_stop, srv.base);
		ev_limit = evtimer_new(srv.base, on_stop, srv.base);
		evsignal_add(ev_term, NULL);
		evsignal_add(ev_int, NULL);
		evtimer_add(ev_limit, &limit);
	}
	if (port > 0 && announce_port(o.port_file, port) == 0)
		event_base_dispatch(srv.base);
	else
		rc = 1;
	if (ev_term) {
		event_free(ev_term);
		event_free(ev_int);
		event_free(ev_limit);
	}
	server_close(&srv);
	return rc;
}
