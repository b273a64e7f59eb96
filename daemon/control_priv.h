/* control_priv.h: what the control_*.c files share: the server, one client
 * connection, one request being answered, and the method table. */
#ifndef MW_CONTROL_PRIV_H
#define MW_CONTROL_PRIV_H

#include "control.h"
#include "db.h"

#include <event2/bufferevent.h>
#include <event2/listener.h>
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/types.h>

/* Limits (docs/protocol.md). */
#define CONTROL_MAX_REQUEST (64 * 1024)   /* bytes per request line */
#define CONTROL_MAX_CLIENTS 32
#define CONTROL_RESERVED_CLIENTS 4        /* more, for root and the daemon's user */
#define CONTROL_MAX_PENDING (1024 * 1024) /* unread reply bytes before reading stops */
#define CONTROL_IDLE_TIMEOUT_S 30         /* MOUWATCH_CONTROL_TIMEOUT overrides */
#define CONTROL_REQUEST_DEADLINE_S 10     /* from a request's first byte to its newline */
#define CONTROL_STATUS_INTERVAL_S 15      /* STATUS= refresh; MOUWATCH_STATUS_INTERVAL overrides */

struct control_conn;

/* The server. Owns the listener, the read-only db, the connections. */
struct control {
	struct daemon *d;                 /* borrowed */
	struct evconnlistener *listener;  /* owned */
	char *path;                       /* socket file, owned */
	bool has_group;
	gid_t group;                      /* socket_group's gid */
	struct db *ro;                    /* owned, read-only */
	struct control_conn *conns;       /* owned list */
	size_t n_conns;
	int idle_timeout_s;               /* nothing sent */
	int request_deadline_s;           /* a request's first byte to its end */
	int write_timeout_s;              /* over the output cap, to drain it */
	struct event *status_timer;       /* owned */
	uint64_t n_requests, n_errors, n_refused;
	uint64_t n_busy, n_timeouts, n_dropped;
};

/* One client. Owned by the server's list; freed when it closes. */
struct control_conn {
	struct control *c;
	struct bufferevent *bev;          /* owned */
	uid_t uid;
	pid_t pid;
	bool closing;                     /* free once the reply is flushed */
	bool throttled;                   /* over CONTROL_MAX_PENDING: not reading */
	bool warned;                      /* its throttling was logged */
	struct event *deadline;           /* owned: the request deadline */
	struct event *drain;              /* owned: the write timeout when throttled */
	struct control_conn *next, *prev;
};

/* One client (control_conn.c). allowed: what control.c decided from its
 * credentials; a client that is not is answered 'forbidden' and closed. */
void control_conn_start(struct control *c, evutil_socket_t fd, const struct ucred *cr,
			bool allowed);
void control_conn_free(struct control_conn *cn);

/* One request. params is borrowed from the request; a method sets result
 * (a new reference) or fails with control_fail(). */
struct control_req {
	struct control *c;
	struct daemon *d;
	json_t *params;                   /* an object, never NULL */
	json_t *result;                   /* owned until the reply is sent */
	const char *err_code;             /* static string */
	char *err_msg;                    /* owned */
};

typedef void (*control_fn)(struct control_req *r);

struct control_method {
	const char *name;
	control_fn fn;
	const char *summary;
};

/* The method table (control_methods.c); NULL when name is unknown. */
const struct control_method *control_method_find(const char *name);
const struct control_method *control_methods(size_t *n);

/* Sets the error of r (the first one wins). Codes: docs/protocol.md. */
void control_fail(struct control_req *r, const char *code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Fails r from a db status and the connection's message. */
void control_fail_db(struct control_req *r, struct db *db, int status);

/* Parameter helpers: false (and r failed with bad_params) when the
 * parameter has the wrong type or, for required ones, is missing. */
bool control_param_str(struct control_req *r, const char *key, bool required,
		       const char **out);
bool control_param_int(struct control_req *r, const char *key, bool required,
		       long long min, long long max, long long *out);

/* Answers one request line; returns the reply object (caller decrefs). */
json_t *control_handle_line(struct control *c, const char *line, size_t len);

/* Methods, by file. */
void control_m_status(struct control_req *r);           /* control_status.c */
void control_status_refresh(struct control *c);         /* STATUS= line */
void control_m_feeds(struct control_req *r);            /* control_feeds.c */
void control_m_feed_add(struct control_req *r);
void control_m_feed_remove(struct control_req *r);
void control_m_feed_pause(struct control_req *r);
void control_m_feed_resume(struct control_req *r);
void control_m_feed_poll(struct control_req *r);
void control_m_articles(struct control_req *r);         /* control_reads.c */
void control_m_agreements(struct control_req *r);
void control_m_agreement(struct control_req *r);
void control_m_upcoming(struct control_req *r);
void control_m_reminders(struct control_req *r);
void control_m_search(struct control_req *r);
void control_m_channels(struct control_req *r);
void control_m_reminder_retry(struct control_req *r);   /* control_remind.c */
void control_m_channel_enable(struct control_req *r);
void control_m_reload(struct control_req *r);           /* control_methods.c */
void control_m_hello(struct control_req *r);
void control_m_methods(struct control_req *r);

#endif
