/* fetch_loop.c: drives libcurl's multi interface from the caller's libevent
 * loop. libcurl tells us which sockets to watch (CURLMOPT_SOCKETFUNCTION)
 * and when to call it back (CURLMOPT_TIMERFUNCTION); we turn those into one
 * persistent event per socket and one timer, and on each of them call
 * curl_multi_socket_action() and then collect finished transfers. Nothing
 * here blocks. */
#include "fetch_private.h"
#include "log.h"
#include "xalloc.h"

#include <event2/event.h>
#include <stdlib.h>

/* One socket libcurl wants watched; assigned to the socket with
 * curl_multi_assign() and owned by the engine's list. */
struct fetch_watch {
	struct event *ev;
	struct fetch_watch *prev, *next;
};

static void after_action(struct fetch_engine *eng, CURLMcode rc)
{
	if (rc != CURLM_OK)
		log_err("fetch: curl_multi_socket_action failed: %s",
			curl_multi_strerror(rc));
	fetch_engine_drain(eng);
}

static void on_socket_ready(evutil_socket_t fd, short what, void *ud)
{
	struct fetch_engine *eng = ud;
	int action = ((what & EV_READ) ? CURL_CSELECT_IN : 0) |
		     ((what & EV_WRITE) ? CURL_CSELECT_OUT : 0);
	int running;

	after_action(eng, curl_multi_socket_action(eng->multi, fd, action,
						   &running));
}

static void on_timeout(evutil_socket_t fd, short what, void *ud)
{
	struct fetch_engine *eng = ud;
	int running;

	after_action(eng, curl_multi_socket_action(eng->multi,
						   CURL_SOCKET_TIMEOUT, 0,
						   &running));
}

static void watch_free(struct fetch_engine *eng, struct fetch_watch *w)
{
	if (w->prev)
		w->prev->next = w->next;
	else
		eng->watches = w->next;
	if (w->next)
		w->next->prev = w->prev;
	event_free(w->ev);
	free(w);
}

static struct fetch_watch *watch_new(struct fetch_engine *eng)
{
	struct fetch_watch *w = xcalloc(1, sizeof *w);

	w->next = eng->watches;
	if (w->next)
		w->next->prev = w;
	eng->watches = w;
	return w;
}

static int on_socket(CURL *easy, curl_socket_t s, int what, void *ud,
		     void *sockp)
{
	struct fetch_engine *eng = ud;
	struct fetch_watch *w = sockp;

	if (what == CURL_POLL_REMOVE) {
		if (w) {
			curl_multi_assign(eng->multi, s, NULL);
			watch_free(eng, w);
		}
		return 0;
	}
	short kind = EV_PERSIST | ((what & CURL_POLL_IN) ? EV_READ : 0) |
		     ((what & CURL_POLL_OUT) ? EV_WRITE : 0);
	if (!w) {
		w = watch_new(eng);
		curl_multi_assign(eng->multi, s, w);
	} else {
		event_free(w->ev);
	}
	w->ev = event_new(eng->base, s, kind, on_socket_ready, eng);
	if (!w->ev || event_add(w->ev, NULL) != 0)
		fatal("fetch: cannot watch socket %d in the event loop", (int)s);
	return 0;
}

/* libcurl wants on_timeout in ms milliseconds (0: as soon as possible, on
 * the next loop pass; -1: never). */
static int on_timer(CURLM *multi, long ms, void *ud)
{
	struct fetch_engine *eng = ud;

	if (ms < 0) {
		evtimer_del(eng->timer);
		return 0;
	}
	struct timeval tv = { ms / 1000, (ms % 1000) * 1000 };
	evtimer_add(eng->timer, &tv);
	return 0;
}

int fetch_loop_init(struct fetch_engine *eng)
{
	eng->timer = evtimer_new(eng->base, on_timeout, eng);
	if (!eng->timer) {
		log_err("fetch: cannot create a timer event in the event loop");
		return -1;
	}
	curl_multi_setopt(eng->multi, CURLMOPT_SOCKETFUNCTION, on_socket);
	curl_multi_setopt(eng->multi, CURLMOPT_SOCKETDATA, eng);
	curl_multi_setopt(eng->multi, CURLMOPT_TIMERFUNCTION, on_timer);
	curl_multi_setopt(eng->multi, CURLMOPT_TIMERDATA, eng);
	return 0;
}

void fetch_loop_free(struct fetch_engine *eng)
{
	while (eng->watches)
		watch_free(eng, eng->watches);
	if (eng->timer)
		event_free(eng->timer);
	eng->timer = NULL;
}
