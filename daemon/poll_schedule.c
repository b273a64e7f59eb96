/* poll_schedule.c: owns the arithmetic of poll intervals, back-off and
 * jitter (see poll_schedule.h for the rules). */
#include "poll_schedule.h"

#include <stdlib.h>

static int64_t clamp64(int64_t v, int64_t lo, int64_t hi)
{
	if (hi > 0 && v > hi)
		v = hi;
	if (v < lo)
		v = lo;
	return v;
}

static int64_t with_jitter(int64_t seconds, double jitter)
{
	double j = jitter < -1 ? -1 : jitter > 1 ? 1 : jitter;
	int64_t d = (int64_t)((double)seconds * 0.1 * j);
	return seconds + d;
}

void poll_timing_set_interval(struct poll_timing *t, const struct poll_interval_source *src)
{
	if (src->configured) {
		t->interval = src->cfg_interval > 0 ? src->cfg_interval : src->default_interval;
		t->interval_auto = src->cfg_auto;
	} else {
		t->interval = src->row_seconds > 0 ? src->row_seconds : src->default_interval;
		t->interval_auto = src->row_seconds <= 0;
	}
}

int64_t poll_effective_interval(const struct poll_timing *t)
{
	int64_t iv = t->interval > 0 ? t->interval : 900;

	if (t->interval_auto && t->avg_publish_interval > 0)
		/* Poll about twice per publishing gap: new entries are seen
		 * within half a gap on average, without hammering quiet feeds. */
		iv = (int64_t)(t->avg_publish_interval / 2);
	/* The floor protects servers from every feed; the ceiling bounds
	 * only what auto chose (an operator may ask for a daily poll). */
	return clamp64(iv, t->floor > 0 ? t->floor : 1, t->interval_auto ? t->ceiling : 0);
}

/* The longest wait the server asked for, from now, or 0. */
static int64_t server_min_wait(const struct poll_timing *t)
{
	int64_t w = 0;

	if (t->max_age_s > w)
		w = t->max_age_s;
	if (t->expires_at > t->now && t->expires_at - t->now > w)
		w = t->expires_at - t->now;
	if ((int64_t)t->ttl_minutes * 60 > w)
		w = (int64_t)t->ttl_minutes * 60;
	if (t->retry_after_s > w)
		w = t->retry_after_s;
	/* A hint is a lower bound, but no server makes us wait past the
	 * ceiling (a broken max-age of a year must not silence a feed). */
	if (t->ceiling > 0 && w > t->ceiling)
		w = t->ceiling;
	return w;
}

int64_t poll_next_after_success(const struct poll_timing *t)
{
	int64_t iv = with_jitter(poll_effective_interval(t), t->jitter);
	int64_t hint = server_min_wait(t);

	if (hint > iv)
		iv = hint;
	if (iv < 1)
		iv = 1;
	return t->now + iv;
}

int64_t poll_next_after_failure(const struct poll_timing *t)
{
	int64_t base = poll_effective_interval(t);
	int n = t->consecutive_failures > 0 ? t->consecutive_failures : 1;
	int64_t wait = base;

	for (int i = 1; i < n && wait < POLL_BACKOFF_CAP_S; i++)
		wait *= 2;
	if (wait > POLL_BACKOFF_CAP_S)
		wait = POLL_BACKOFF_CAP_S;
	wait = with_jitter(wait, t->jitter);
	if (t->retry_after_s > wait)
		wait = t->retry_after_s > POLL_BACKOFF_CAP_S ? POLL_BACKOFF_CAP_S : t->retry_after_s;
	if (wait < 1)
		wait = 1;
	return t->now + wait;
}

double poll_update_publish_interval(double avg, double observed_gap)
{
	if (observed_gap <= 0)
		return avg;
	if (avg <= 0)
		return observed_gap;
	return avg * 0.7 + observed_gap * 0.3;
}

bool poll_is_stale(int64_t now, int64_t last_new_entry_at, double avg_publish_interval,
		   int64_t stale_after)
{
	if (last_new_entry_at <= 0)
		return false;
	int64_t quiet = now - last_new_entry_at;
	if (quiet < stale_after)
		return false;
	return avg_publish_interval <= 0 || (double)quiet > 10 * avg_publish_interval;
}

double poll_jitter_draw(void)
{
	return (double)random() / (double)RAND_MAX * 2.0 - 1.0;
}
