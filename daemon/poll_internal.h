/* poll_internal.h: what poll.c, poll_result.c and article_fetch.c share. */
#ifndef MW_POLL_INTERNAL_H
#define MW_POLL_INTERNAL_H

#include "fetch.h"
#include "host_pause.h"
#include <event2/event.h>
#include <stddef.h>
#include <stdint.h>

struct daemon;

struct poller {
	struct daemon *d;
	struct event *tick;
	char **flight;          /* names of feeds being fetched: a hash set of
	                         * flight_cap slots, NULL = empty (owned) */
	size_t n_flight, flight_cap;
	size_t pages_in_flight; /* article pages being fetched */
	size_t polls_done;
	struct host_pauses paused;  /* hosts that asked us to wait */
};

/* One feed request in flight; owned by the fetch callback, which frees it. */
struct poll_job {
	struct poller *p;
	char *feed_name;
	int64_t started_at;
};

void poll_feed_done(const struct fetch_result *res, void *job);
void poll_flight_remove(struct poller *p, const char *name);

#endif
