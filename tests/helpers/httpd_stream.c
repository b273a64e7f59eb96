/* httpd_stream.c: the answers of mw-httpd that are spread over time —
 * /slow (a timer, then the real answer), /trickle (a few bytes per tick),
 * /endless (a body that never ends) — and /bomb. Each lives in a struct
 * pending on the server's list until it ends or the client goes away.
 *
 * libevent detail that shapes this file: when a client disconnects while
 * a chunked reply is still open, evhttp detaches the request from the
 * connection, frees the connection (calling our close callback) and leaves
 * the request to us; a request whose connection is still set belongs to
 * libevent. */
#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>
#include <event2/bufferevent.h>

#include "httpd.h"
#include "xalloc.h"

/* Chunks wait while this much is still unsent, so a client that stops
 * reading does not make the server buffer without bound. */
#define ENDLESS_CHUNK (16 * 1024)
#define MAX_QUEUED (256 * 1024)

static void pending_unlink(struct pending *p)
{
	struct pending **pp = &p->srv->pending;

	while (*pp != NULL && *pp != p)
		pp = &(*pp)->next;
	if (*pp == p)
		*pp = p->next;
}

/* Forgets p; the request itself is not touched. */
static void pending_free(struct pending *p)
{
	pending_unlink(p);
	if (p->conn)
		evhttp_connection_set_closecb(p->conn, NULL, NULL);
	event_free(p->timer);
	free(p->target);
	free(p);
}

/* The client went away (or the server is shutting down). */
static void on_close(struct evhttp_connection *conn, void *arg)
{
	struct pending *p = arg;
	struct evhttp_request *req = p->req;

	p->conn = NULL;   /* the connection is being freed: leave its callback */
	pending_free(p);
	if (evhttp_request_get_connection(req) == NULL)
		evhttp_request_free(req);
}

static struct pending *pending_new(struct request *r, enum pending_kind kind,
				   event_callback_fn tick, long ms)
{
	struct pending *p = xcalloc(1, sizeof *p);

	p->srv = r->srv;
	p->kind = kind;
	p->req = r->req;
	p->conn = evhttp_request_get_connection(r->req);
	p->timer = evtimer_new(r->srv->base, tick, p);
	p->every = (struct timeval){ .tv_sec = ms / 1000, .tv_usec = (ms % 1000) * 1000 };
	p->next = r->srv->pending;
	r->srv->pending = p;
	evhttp_connection_set_closecb(p->conn, on_close, p);
	evtimer_add(p->timer, &p->every);
	return p;
}

void pending_free_all(struct server *srv)
{
	while (srv->pending != NULL)
		pending_free(srv->pending);
}

/* /slow ------------------------------------------------------------------ */

static void slow_tick(evutil_socket_t fd, short what, void *arg)
{
	struct pending *p = arg;
	struct server *srv = p->srv;
	struct evhttp_request *req = p->req;
	char *target = p->target;

	p->target = NULL;
	pending_free(p);
	dispatch_target(srv, req, target);
	free(target);
}

void handle_slow(struct request *r)
{
	long ms = query_long(r, "ms", 1000, 0, 3600 * 1000);
	const char *path = query_get(r, "path");
	struct pending *p = pending_new(r, PENDING_SLOW, slow_tick, ms);

	p->target = xstrdup(path && path[0] == '/' ? path : "/");
}

/* /trickle and /endless: chunked bodies --------------------------------- */

static int output_full(struct pending *p)
{
	struct bufferevent *bev = evhttp_connection_get_bufferevent(p->conn);

	return bev && evbuffer_get_length(bufferevent_get_output(bev)) > MAX_QUEUED;
}

static void send_bytes(struct pending *p, int c, size_t n)
{
	struct evbuffer *buf = evbuffer_new();
	char block[1024];

	memset(block, c, sizeof block);
	while (n > 0) {
		size_t k = n < sizeof block ? n : sizeof block;

		evbuffer_add(buf, block, k);
		n -= k;
	}
	evhttp_send_reply_chunk(p->req, buf);
	evbuffer_free(buf);
}

static void stream_tick(evutil_socket_t fd, short what, void *arg)
{
	struct pending *p = arg;
	struct evhttp_request *req = p->req;

	if (p->kind == PENDING_ENDLESS) {
		if (!output_full(p))
			send_bytes(p, 'z', p->chunk);
	} else {
		send_bytes(p, 'x', 1);
		if (--p->left == 0) {
			pending_free(p);
			evhttp_send_reply_end(req);
			return;
		}
	}
	evtimer_add(p->timer, &p->every);
}

static void stream_start(struct request *r, enum pending_kind kind, long ms,
			 size_t bytes)
{
	struct pending *p;

	evhttp_add_header(evhttp_request_get_output_headers(r->req),
			  "Content-Type", "text/plain");
	evhttp_send_reply_start(r->req, 200, "OK");
	p = pending_new(r, kind, stream_tick, ms);
	p->left = bytes;
	p->chunk = ENDLESS_CHUNK;
}

void handle_trickle(struct request *r)
{
	long bytes = query_long(r, "bytes", 10, 0, 1000000);
	long ms = query_long(r, "ms", 200, 1, 60000);

	if (bytes == 0) {
		reply_text(r, 200, "OK", "");
		return;
	}
	stream_start(r, PENDING_TRICKLE, ms, (size_t)bytes);
}

void handle_endless(struct request *r)
{
	stream_start(r, PENDING_ENDLESS, query_long(r, "ms", 10, 1, 60000), 0);
}

/* /bomb ------------------------------------------------------------------ */

void handle_bomb(struct request *r)
{
	struct server *srv = r->srv;
	struct evkeyvalq *h = evhttp_request_get_output_headers(r->req);
	struct evbuffer *body;

	if (srv->bomb == NULL)
		srv->bomb = gzip_zeros(srv->bomb_mib, &srv->bomb_len);
	if (srv->bomb == NULL) {
		reply_text(r, 500, "Internal Server Error", "mw-httpd: zlib failed to build the bomb");
		return;
	}
	evhttp_add_header(h, "Content-Type", "text/plain");
	evhttp_add_header(h, "Content-Encoding", "gzip");
	body = evbuffer_new();
	evbuffer_add_reference(body, srv->bomb, srv->bomb_len, NULL, NULL);
	evhttp_send_reply(r->req, 200, "OK", body);
	evbuffer_free(body);
}
