/* fetch_private.h: what the fetch*.c files share and the unit tests see;
 * not for other callers (they use fetch.h). */
#ifndef MW_FETCH_PRIVATE_H
#define MW_FETCH_PRIVATE_H

#include "fetch.h"
#include "strbuf.h"

#include <curl/curl.h>

/* ---- fetch_headers.c: the headers of one response ---------------------- */

/* Owns its strings; fetch_hdrs_clear() frees them and starts over. */
struct fetch_hdrs {
	long status;                /* from the status line; 0 before one */
	char *etag, *last_modified, *content_type, *cache_control, *location;
	long max_age;               /* -1 when absent */
	time_t expires;             /* -1 when absent or invalid */
	long retry_after_s;         /* -1 when absent or invalid */
};

enum fetch_hdr_event {
	FETCH_HDR_FIELD,            /* a header line (kept when we need it) */
	FETCH_HDR_STATUS,           /* a status line: a new response began */
	FETCH_HDR_END,              /* the empty line after the headers */
};

void fetch_hdrs_init(struct fetch_hdrs *h);
void fetch_hdrs_clear(struct fetch_hdrs *h);
/* Takes one raw header line (with or without CRLF) as libcurl's header
 * callback hands it over; now is the current time for Retry-After dates. */
enum fetch_hdr_event fetch_hdrs_line(struct fetch_hdrs *h, const char *line,
				     size_t len, time_t now);
/* Parses a Retry-After value: delta seconds or an HTTP-date; -1 if neither. */
long fetch_parse_retry_after(const char *value, time_t now);
/* max-age of a Cache-Control value; -1 when it has none. */
long fetch_parse_max_age(const char *value);

/* ---- fetch_xfer.c: one request from submit to completion -------------- */

struct fetch_host;

/* Allocated by fetch_xfer_new() (copying the request), freed by
 * fetch_xfer_free() after its callback ran. */
struct fetch_xfer {
	struct fetch_xfer *next;    /* in its host's queue or the error list */
	struct fetch_xfer *rprev, *rnext; /* in the engine's running list */
	struct fetch_engine *eng;
	struct fetch_host *host;    /* set while queued or running */
	char *url, *etag, *last_modified, *method, *body;
	size_t body_len;
	struct curl_slist *headers; /* ours, also the conditional headers */
	size_t max_body;
	long timeout_ms;
	long max_redirects;         /* hops we record at most */
	bool guard;                 /* check addresses (request asked for it
	                             * and the settings do not allow them) */
	bool guard_hops;            /* guard hops that leave url's origin */
	bool guard_now;             /* the hop being fetched is guarded */
	bool no_follow, is_file;
	fetch_done_cb done;
	void *user;
	/* Filled while running. */
	CURL *easy;                 /* from the engine's pool; NULL when idle */
	struct strbuf resp;
	struct fetch_hdrs hdrs;
	char *cur_url;              /* URL of the response being read */
	struct fetch_hop *hops;
	size_t n_hops;
	/* Our own error, set before the transfer starts (bad request) or by a
	 * callback that stopped it (guard, body cap); wins over libcurl's. */
	enum fetch_error error;
	char *error_msg;
	char errbuf[CURL_ERROR_SIZE];
};

struct fetch_xfer *fetch_xfer_new(struct fetch_engine *eng,
				  const struct fetch_request *req,
				  fetch_done_cb done, void *user);
void fetch_xfer_free(struct fetch_xfer *x);
/* Records our own error (first one wins); fmt is printf-like. */
void fetch_xfer_fail(struct fetch_xfer *x, enum fetch_error e,
		     const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* The host name queues and pacing are kept by ("" for file://), or NULL
 * with the error recorded on x when the URL is not acceptable. */
char *fetch_xfer_host(struct fetch_xfer *x, bool allow_file);
/* Sets every option of a pooled (reset) easy handle for x. */
void fetch_xfer_setup(struct fetch_xfer *x, CURL *easy,
		      const struct fetch_settings *s);
/* Builds the result from a finished transfer (code from libcurl), calls
 * the callback and updates st. The result lives until it returns. */
void fetch_xfer_complete(struct fetch_xfer *x, CURLcode code,
			 struct fetch_stats *st);

/* ---- fetch_error.c ------------------------------------------------------ */

enum fetch_error fetch_error_from_curl(CURLcode code);

/* ---- fetch_policy.c: queues, limits and per-host pacing ---------------- */

/* A host we have requests for. Owned by the policy. */
struct fetch_host {
	struct fetch_host *next;
	char *name;
	unsigned running;
	struct fetch_xfer *head, *tail;   /* queued, oldest first */
	double tokens;                    /* token bucket for per_host_rate */
	double refilled_at;               /* monotonic seconds */
};

/* Decides which queued transfer may start next: at most max_running at
 * once, max_per_host per host, per_host_rate starts/second per host
 * (a bucket of max(1, rate) tokens), hosts served round-robin so a slow
 * host does not hold up the others. Knows nothing of libcurl. */
struct fetch_policy {
	struct fetch_host *hosts;         /* circular order via next; owned */
	struct fetch_host *cursor;        /* where the next scan starts */
	unsigned max_running, max_per_host;
	double rate;                      /* 0: unpaced */
	unsigned running, queued;
	unsigned peak_running, peak_host_running;
};

void fetch_policy_init(struct fetch_policy *p, unsigned max_running,
		       unsigned max_per_host, double rate);
/* Frees the hosts; the queues must be empty (drain with policy_take_any). */
void fetch_policy_free(struct fetch_policy *p);
/* Queues x behind the other requests to host (a name, copied; "" is the
 * unpaced pseudo-host of file:// URLs). */
void fetch_policy_enqueue(struct fetch_policy *p, struct fetch_xfer *x,
			  const char *host, double now);
/* The next transfer allowed to start now, counted as running; NULL when
 * none. *wait_s is then the time until a paced host gets a token (-1 when
 * no host is waiting for one). */
struct fetch_xfer *fetch_policy_next(struct fetch_policy *p, double now,
				     double *wait_s);
/* A running transfer finished: frees its slot. */
void fetch_policy_done(struct fetch_policy *p, struct fetch_xfer *x);
/* Removes and returns any queued transfer (for shutdown), or NULL. */
struct fetch_xfer *fetch_policy_take_any(struct fetch_policy *p);
/* Forgets hosts with nothing queued or running and a full bucket. */
void fetch_policy_prune(struct fetch_policy *p, double now);

double fetch_now(void);         /* monotonic seconds */

/* ---- fetch_settings.c --------------------------------------------------- */

/* Replaces unusable values (zeros of a zeroed struct) with the defaults. */
void fetch_settings_normalize(struct fetch_settings *s);

/* ---- fetch.c: the engine ------------------------------------------------ */

struct event;
struct fetch_watch;

/* Created by fetch_engine_new(), which owns everything below. */
struct fetch_engine {
	struct event_base *base;        /* the caller's */
	struct fetch_settings s;        /* normalized copy; strings below */
	char *user_agent, *proxy;
	CURLM *multi;
	struct event *timer;            /* libcurl's one timeout */
	struct event *start_ev;         /* deferred start pass */
	struct event *pace_ev;          /* next token of a paced host */
	struct fetch_watch *watches;    /* sockets libcurl asked us to watch */
	struct fetch_policy policy;     /* queued transfers */
	struct fetch_xfer *running;     /* in libcurl, via rprev/rnext */
	struct fetch_xfer *rejected, *rejected_tail; /* failed at submit */
	size_t n_rejected;
	CURL **pool;                    /* idle easy handles, reset */
	size_t n_pool;
	struct fetch_stats stats;
	bool closing;
};

/* The engine's settings, as copied at fetch_engine_new(). */
const struct fetch_settings *fetch_engine_settings(const struct fetch_engine *e);
/* Completes every transfer libcurl reports done (fetch.c). */
void fetch_engine_drain(struct fetch_engine *eng);

/* ---- fetch_loop.c: libcurl's sockets and timer as libevent events ------ */

/* Sets the multi handle's socket and timer callbacks; 0 or -1 (logged). */
int fetch_loop_init(struct fetch_engine *eng);
/* Frees the events (after curl_multi_cleanup). */
void fetch_loop_free(struct fetch_engine *eng);

#endif
