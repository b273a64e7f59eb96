/* control_conn.c: one control client: reading its size-capped request
 * lines, writing the replies, and the limits that keep a careless or
 * hostile client from holding the daemon (docs/protocol.md, Limits):
 * - the idle timeout (nothing sent for 30 s);
 * - the request deadline: a request must be complete within 10 s of its
 *   first byte, so a client dribbling a byte a second cannot keep a slot;
 * - the output cap: past 1 MiB of replies it has not read, its requests
 *   are not read until it has read them all, and it is dropped when that
 *   takes longer than the write timeout (30 s);
 * - 32 slots, and 4 more that only root and the daemon's own user get, so
 *   an operator (and systemctl reload) can always get in.
 * Who may connect at all is decided by control.c. */
#include "config.h"
#include "control_priv.h"
#include "daemon.h"
#include "log.h"
#include "xalloc.h"

#include <event2/buffer.h>
#include <event2/event.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- the connection's life ---- */

void control_conn_free(struct control_conn *cn)
{
	struct control *c = cn->c;

	if (cn->prev)
		cn->prev->next = cn->next;
	else
		c->conns = cn->next;
	if (cn->next)
		cn->next->prev = cn->prev;
	c->n_conns--;
	event_free(cn->deadline);
	event_free(cn->drain);
	bufferevent_free(cn->bev);
	free(cn);
}

static size_t pending_out(const struct control_conn *cn)
{
	return evbuffer_get_length(bufferevent_get_output(cn->bev));
}

static void conn_send(struct control_conn *cn, json_t *reply)
{
	char *text = json_dumps(reply, JSON_COMPACT | JSON_ENSURE_ASCII);

	if (text == NULL)
		fatal("cannot encode a control reply");
	bufferevent_write(cn->bev, text, strlen(text));
	bufferevent_write(cn->bev, "\n", 1);
	free(text);
}

static json_t *error_reply(const char *code, const char *message)
{
	return json_pack("{s:i, s:b, s:{s:s, s:s}}", "v", CONTROL_PROTOCOL, "ok", 0,
			 "error", "code", code, "message", message);
}

/* Sends an error and closes the connection once it is written. */
static void conn_refuse(struct control_conn *cn, const char *code, const char *message)
{
	json_t *reply = error_reply(code, message);

	conn_send(cn, reply);
	json_decref(reply);
	cn->closing = true;
	bufferevent_disable(cn->bev, EV_READ);
	event_del(cn->deadline);
}

/* ---- the output cap ---- */

/* Past the cap: stop reading its requests until it has read every reply;
 * the drain timer drops it if that takes longer than the write timeout. */
static void conn_throttle(struct control_conn *cn)
{
	struct timeval t = { cn->c->write_timeout_s, 0 };

	cn->throttled = true;
	bufferevent_disable(cn->bev, EV_READ);
	event_del(cn->deadline);
	event_add(cn->drain, &t);
	if (!cn->warned) {
		cn->warned = true;
		log_warn("control: client pid %d does not read its replies (%zu bytes waiting, cap %d); "
			 "not reading its requests until it does, dropping it after %d s",
			 (int)cn->pid, pending_out(cn), CONTROL_MAX_PENDING, cn->c->write_timeout_s);
	}
}

static void conn_drop(struct control_conn *cn)
{
	cn->c->n_dropped++;
	log_warn("control: client pid %d read no reply for %d s (%zu bytes waiting); dropped it",
		 (int)cn->pid, cn->c->write_timeout_s, pending_out(cn));
	control_conn_free(cn);
}

static void on_drain_timeout(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	conn_drop(arg);
}

/* ---- reading requests ---- */

static void on_request_deadline(evutil_socket_t fd, short what, void *arg)
{
	struct control_conn *cn = arg;
	(void)fd;
	(void)what;

	if (cn->closing || cn->throttled)
		return;
	cn->c->n_timeouts++;
	log_info("control: client pid %d sent no complete request within %d s of its first byte; "
		 "closing it", (int)cn->pid, cn->c->request_deadline_s);
	conn_refuse(cn, "timeout", "request not complete within the deadline; "
		    "send each request at once, ended by a newline");
}

/* The request deadline counts from a request's first byte: started when
 * a partial line is left, restarted when a line was consumed before it,
 * cleared when nothing is left. */
static void arm_deadline(struct control_conn *cn, bool consumed)
{
	struct timeval t = { cn->c->request_deadline_s, 0 };

	if (cn->closing || cn->throttled)
		return;
	if (evbuffer_get_length(bufferevent_get_input(cn->bev)) == 0)
		event_del(cn->deadline);
	else if (consumed || !event_pending(cn->deadline, EV_TIMEOUT, NULL))
		event_add(cn->deadline, &t);
}

static void conn_answer(struct control_conn *cn, const char *line, size_t len)
{
	json_t *reply = control_handle_line(cn->c, line, len);

	conn_send(cn, reply);
	json_decref(reply);
}

static void on_read(struct bufferevent *bev, void *arg)
{
	struct control_conn *cn = arg;
	struct evbuffer *in = bufferevent_get_input(bev);
	bool consumed = false;
	size_t len;
	char *line;

	while (!cn->closing && !cn->throttled &&
	       (line = evbuffer_readln(in, &len, EVBUFFER_EOL_LF))) {
		consumed = true;
		if (len > CONTROL_MAX_REQUEST) {
			conn_refuse(cn, "too_large", "request longer than 65536 bytes; send smaller requests");
		} else if (len > 0) {
			cn->c->n_requests++;
			conn_answer(cn, line, len);
		}
		free(line);
		if (!cn->closing && pending_out(cn) > CONTROL_MAX_PENDING)
			conn_throttle(cn);
	}
	if (!cn->closing && !cn->throttled && evbuffer_get_length(in) > CONTROL_MAX_REQUEST) {
		log_warn("control: client pid %d sent more than %d bytes without a newline; closing it",
			 (int)cn->pid, CONTROL_MAX_REQUEST);
		conn_refuse(cn, "too_large", "request longer than 65536 bytes; send smaller requests");
	}
	arm_deadline(cn, consumed);
}

/* Called after each write once the output is empty (low watermark 0). */
static void on_write(struct bufferevent *bev, void *arg)
{
	struct control_conn *cn = arg;

	if (pending_out(cn) != 0)
		return;
	if (cn->closing) {
		control_conn_free(cn);
	} else if (cn->throttled) {
		cn->throttled = false;
		event_del(cn->drain);
		bufferevent_enable(bev, EV_READ);
		on_read(bev, cn);  /* the requests already read and not answered */
	}
}

static void on_event(struct bufferevent *bev, short what, void *arg)
{
	struct control_conn *cn = arg;
	(void)bev;

	if ((what & BEV_EVENT_TIMEOUT) && (what & BEV_EVENT_READING) && !cn->closing) {
		cn->c->n_timeouts++;
		log_info("control: client pid %d idle for %d s; closing it", (int)cn->pid,
			 cn->c->idle_timeout_s);
		conn_refuse(cn, "timeout", "no complete request within the idle timeout; "
			    "end each request with a newline");
		return;
	}
	if ((what & BEV_EVENT_TIMEOUT) && (what & BEV_EVENT_WRITING) && !cn->closing) {
		conn_drop(cn);  /* it read nothing of its replies for the write timeout */
		return;
	}
	if (what & (BEV_EVENT_EOF | BEV_EVENT_ERROR | BEV_EVENT_TIMEOUT))
		control_conn_free(cn);
}

/* ---- a new client ---- */

/* Whether a client may have a slot: 32 for everyone, and the reserved
 * ones beyond them for root and the daemon's own user. */
static bool slot_free(const struct control *c, uid_t uid)
{
	bool privileged = uid == 0 || uid == geteuid();

	return c->n_conns <= CONTROL_MAX_CLIENTS ||
	       (privileged && c->n_conns <= CONTROL_MAX_CLIENTS + CONTROL_RESERVED_CLIENTS);
}

void control_conn_start(struct control *c, evutil_socket_t fd, const struct ucred *cr,
			bool allowed)
{
	struct control_conn *cn = xcalloc(1, sizeof *cn);
	struct timeval idle = { c->idle_timeout_s, 0 };
	struct timeval wr = { c->write_timeout_s, 0 };

	cn->c = c;
	cn->uid = cr->uid;
	cn->pid = cr->pid;
	cn->bev = bufferevent_socket_new(c->d->base, fd, BEV_OPT_CLOSE_ON_FREE);
	cn->deadline = evtimer_new(c->d->base, on_request_deadline, cn);
	cn->drain = evtimer_new(c->d->base, on_drain_timeout, cn);
	if (cn->bev == NULL || cn->deadline == NULL || cn->drain == NULL)
		fatal("cannot set up a control connection");
	cn->next = c->conns;
	if (c->conns)
		c->conns->prev = cn;
	c->conns = cn;
	c->n_conns++;
	bufferevent_setcb(cn->bev, on_read, on_write, on_event, cn);
	bufferevent_set_timeouts(cn->bev, &idle, &wr);
	bufferevent_enable(cn->bev, EV_READ | EV_WRITE);
	if (!allowed) {
		c->n_refused++;
		log_warn("control: refused a client (uid %d, pid %d): not root, the daemon's user "
			 "or a member of socket_group", (int)cr->uid, (int)cr->pid);
		conn_refuse(cn, "forbidden", "permission denied: only root, the daemon's user and "
			    "members of [daemon] socket_group may use this socket");
	} else if (!slot_free(c, cr->uid)) {
		c->n_busy++;
		if (c->n_busy == 1 || c->n_busy % 1000 == 0)
			log_warn("control: more than %d clients; refusing one (uid %d, pid %d; %llu so far); "
				 "%d more slots are kept for root and the daemon's user",
				 CONTROL_MAX_CLIENTS, (int)cr->uid, (int)cr->pid,
				 (unsigned long long)c->n_busy, CONTROL_RESERVED_CLIENTS);
		conn_refuse(cn, "busy", "too many clients at once; try again in a moment");
	}
}
