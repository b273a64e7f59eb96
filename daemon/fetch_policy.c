/* fetch_policy.c: which queued request starts next. Our own queue per
 * host in front of libcurl, so that limits are kept without handing
 * libcurl more than it may run (its own CURLMOPT_MAX_*_CONNECTIONS are a
 * second line), one slow host cannot starve the others (hosts are served
 * round-robin), and every host is paced by a token bucket. */
#include "fetch_private.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

double fetch_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void fetch_policy_init(struct fetch_policy *p, unsigned max_running,
		       unsigned max_per_host, double rate)
{
	memset(p, 0, sizeof *p);
	p->max_running = max_running ? max_running : 1;
	p->max_per_host = max_per_host ? max_per_host : 1;
	p->rate = rate > 0 ? rate : 0;
}

static void host_free(struct fetch_host *h)
{
	free(h->name);
	free(h);
}

void fetch_policy_free(struct fetch_policy *p)
{
	struct fetch_host *h = p->hosts, *next;

	for (; h; h = next) {
		next = h->next;
		if (h->head)
			fatal("fetch policy freed with requests queued");
		host_free(h);
	}
	p->hosts = p->cursor = NULL;
}

static double bucket_size(const struct fetch_policy *p)
{
	return p->rate < 1 ? 1 : p->rate;
}

static void refill(const struct fetch_policy *p, struct fetch_host *h,
		   double now)
{
	if (now > h->refilled_at) {
		h->tokens += (now - h->refilled_at) * p->rate;
		if (h->tokens > bucket_size(p))
			h->tokens = bucket_size(p);
	}
	h->refilled_at = now;
}

static struct fetch_host *host_get(struct fetch_policy *p, const char *name,
				   double now)
{
	for (struct fetch_host *h = p->hosts; h; h = h->next)
		if (strcmp(h->name, name) == 0)
			return h;
	struct fetch_host *h = xcalloc(1, sizeof *h);
	h->name = xstrdup(name);
	h->tokens = bucket_size(p);
	h->refilled_at = now;
	h->next = p->hosts;
	p->hosts = h;
	return h;
}

void fetch_policy_enqueue(struct fetch_policy *p, struct fetch_xfer *x,
			  const char *host, double now)
{
	struct fetch_host *h = host_get(p, host, now);

	x->host = h;
	x->next = NULL;
	if (h->tail)
		h->tail->next = x;
	else
		h->head = x;
	h->tail = x;
	p->queued++;
}

static struct fetch_xfer *pop(struct fetch_policy *p, struct fetch_host *h)
{
	struct fetch_xfer *x = h->head;

	h->head = x->next;
	if (!h->head)
		h->tail = NULL;
	x->next = NULL;
	p->queued--;
	return x;
}

static void count_start(struct fetch_policy *p, struct fetch_host *h)
{
	h->running++;
	p->running++;
	if (p->running > p->peak_running)
		p->peak_running = p->running;
	if (h->running > p->peak_host_running)
		p->peak_host_running = h->running;
}

/* Whether h may start one now (taking its token); else updates *wait_s
 * when h only lacks a token. */
static bool host_ready(struct fetch_policy *p, struct fetch_host *h,
		       double now, double *wait_s)
{
	if (!h->head || h->running >= p->max_per_host)
		return false;
	if (p->rate <= 0 || h->name[0] == '\0')   /* "": file://, unpaced */
		return true;
	refill(p, h, now);
	if (h->tokens >= 1) {
		h->tokens -= 1;
		return true;
	}
	double w = (1 - h->tokens) / p->rate;
	if (*wait_s < 0 || w < *wait_s)
		*wait_s = w;
	return false;
}

struct fetch_xfer *fetch_policy_next(struct fetch_policy *p, double now,
				     double *wait_s)
{
	*wait_s = -1;
	if (p->running >= p->max_running || !p->hosts)
		return NULL;
	struct fetch_host *start = p->cursor ? p->cursor : p->hosts;
	struct fetch_host *h = start;
	do {
		if (host_ready(p, h, now, wait_s)) {
			p->cursor = h->next;
			count_start(p, h);
			*wait_s = -1;
			return pop(p, h);
		}
		h = h->next ? h->next : p->hosts;
	} while (h != start);
	return NULL;
}

void fetch_policy_done(struct fetch_policy *p, struct fetch_xfer *x)
{
	if (!x->host || x->host->running == 0 || p->running == 0)
		fatal("fetch policy: a transfer finished that never started");
	x->host->running--;
	p->running--;
	x->host = NULL;
}

struct fetch_xfer *fetch_policy_take_any(struct fetch_policy *p)
{
	for (struct fetch_host *h = p->hosts; h; h = h->next)
		if (h->head) {
			struct fetch_xfer *x = pop(p, h);
			x->host = NULL;
			return x;
		}
	return NULL;
}

static bool host_idle(const struct fetch_policy *p, struct fetch_host *h,
		      double now)
{
	if (h->head || h->running)
		return false;
	if (p->rate <= 0)
		return true;
	refill(p, h, now);
	return h->tokens >= bucket_size(p);
}

void fetch_policy_prune(struct fetch_policy *p, double now)
{
	struct fetch_host **link = &p->hosts;

	while (*link) {
		struct fetch_host *h = *link;
		if (!host_idle(p, h, now)) {
			link = &h->next;
			continue;
		}
		*link = h->next;
		if (p->cursor == h)
			p->cursor = h->next;
		host_free(h);
	}
}
