/* poll_schedule.h: when a feed is polled next. Pure functions of the feed's
 * state and the last response, so they are tested without a network:
 * - after a success: the feed's interval (or, with interval = auto, the
 *   feed's own publishing rhythm, between the floor and the ceiling), never
 *   sooner than the server asked (Cache-Control max-age, Expires, RSS ttl,
 *   sy:updatePeriod, Retry-After);
 * - after a failure: exponential back-off from the interval, capped at
 *   24 h, reset by the next success;
 * - always a little random jitter (±10 %) so feeds do not synchronise. */
#ifndef MW_POLL_SCHEDULE_H
#define MW_POLL_SCHEDULE_H

#include <stdbool.h>
#include <stdint.h>

#define POLL_BACKOFF_CAP_S (24 * 3600)

struct poll_timing {
	int64_t now;
	int64_t interval;          /* configured seconds (the start when auto) */
	bool interval_auto;
	double avg_publish_interval; /* seconds between new entries, 0 unknown */
	int64_t floor, ceiling;    /* bounds for auto and for server hints */
	int consecutive_failures;  /* after this poll */
	long retry_after_s;        /* -1 none */
	long max_age_s;            /* -1 none */
	int64_t expires_at;        /* 0 none */
	int ttl_minutes;           /* feed's own ttl, 0 none */
	double jitter;             /* in [-1, 1]: the caller's random draw */
};

/* Where a feed's interval comes from: its [feed] section when it has one
 * (interval unset: default_interval), else its feeds row, which is how a
 * feed added at run time ('feed add NAME URL --interval 10m') keeps its
 * own: row_seconds > 0 is that interval, 0 (no --interval, or "auto")
 * follows the feed's pace starting from default_interval. */
struct poll_interval_source {
	bool configured;           /* the feed has a [feed] section */
	long long cfg_interval;    /* its interval, 0 unset */
	bool cfg_auto;             /* interval = auto */
	int row_seconds;           /* feeds.interval_seconds, 0 automatic */
	int64_t default_interval;  /* [daemon] default_interval */
};
/* Sets t->interval and t->interval_auto from src. */
void poll_timing_set_interval(struct poll_timing *t, const struct poll_interval_source *src);
/* The interval a feed is polled at while things go well. */
int64_t poll_effective_interval(const struct poll_timing *t);
/* Absolute time of the next poll after a successful one (200 or 304). */
int64_t poll_next_after_success(const struct poll_timing *t);
/* Absolute time of the next poll after a failure (error, 4xx, 5xx). */
int64_t poll_next_after_failure(const struct poll_timing *t);
/* Moves the running average of the publishing interval towards a newly
 * observed gap between entries (exponential moving average). */
double poll_update_publish_interval(double avg, double observed_gap);
/* A feed is stale when nothing new came for stale_after and for ten times
 * its usual rhythm. */
bool poll_is_stale(int64_t now, int64_t last_new_entry_at, double avg_publish_interval,
		   int64_t stale_after);
/* A uniform draw in [-1, 1] for the jitter. */
double poll_jitter_draw(void);

#endif
