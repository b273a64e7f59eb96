/* poll_parse.c: owns the parse threads (see poll_parse.h): a queue of tasks
 * under one mutex, the threads that run them, and the pipe that wakes the
 * event loop to deliver the finished ones in one pass (so their SQLite
 * writes share one group commit). */
#include "poll_parse.h"
#include "fetch.h"
#include "log.h"
#include "xalloc.h"

#include <errno.h>
#include <event2/event.h>
#include <fcntl.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_THREADS 4

struct task_list {
	struct parse_task *head, *tail;
};

struct parse_pool {
	pthread_mutex_t mu;
	pthread_cond_t wake;
	struct task_list waiting, finished;   /* for a thread; done, for the loop */
	size_t queued;            /* submitted, not delivered yet */
	size_t max_queued;
	bool stopping;
	bool notified;            /* a byte is in the pipe for `finished` */
	int pipe_rd, pipe_wr;
	struct event *ev;         /* pipe_rd readable: deliver `finished` */
	pthread_t threads[MAX_THREADS];
	unsigned n_threads;
};

static void list_push(struct task_list *l, struct parse_task *t)
{
	t->next = NULL;
	if (l->tail)
		l->tail->next = t;
	else
		l->head = t;
	l->tail = t;
}

static struct parse_task *list_pop(struct task_list *l)
{
	struct parse_task *t = l->head;

	if (t && (l->head = t->next) == NULL)
		l->tail = NULL;
	return t;
}

static struct parse_task *list_take_all(struct task_list *l)
{
	struct parse_task *t = l->head;

	l->head = l->tail = NULL;
	return t;
}

/* libxml2's error channel is per thread: the loop's quiet handler
 * (mouwatchd.c) does not reach these threads, so they get their own. */
static void ignore_libxml_error(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void *thread_main(void *arg)
{
	struct parse_pool *pp = arg;

	xmlSetGenericErrorFunc(NULL, ignore_libxml_error);
	pthread_mutex_lock(&pp->mu);
	for (;;) {
		while (!pp->stopping && pp->waiting.head == NULL)
			pthread_cond_wait(&pp->wake, &pp->mu);
		if (pp->stopping)
			break;
		struct parse_task *t = list_pop(&pp->waiting);
		pthread_mutex_unlock(&pp->mu);
		t->work(t);
		pthread_mutex_lock(&pp->mu);
		list_push(&pp->finished, t);
		if (!pp->notified) {
			pp->notified = true;
			/* A full pipe already holds a wake-up: nothing is lost. */
			ssize_t w = write(pp->pipe_wr, "", 1);
			(void)w;
		}
	}
	pthread_mutex_unlock(&pp->mu);
	return NULL;
}

/* On the loop: runs done() of every finished task, in order. */
static void deliver_cb(evutil_socket_t fd, short what, void *arg)
{
	struct parse_pool *pp = arg;
	char buf[64];
	size_t n = 0;
	(void)what;

	while (read(fd, buf, sizeof buf) > 0)
		;
	pthread_mutex_lock(&pp->mu);
	struct parse_task *t = list_take_all(&pp->finished);
	pp->notified = false;
	for (struct parse_task *u = t; u; u = u->next)
		n++;
	pp->queued -= n;
	pthread_mutex_unlock(&pp->mu);
	while (t) {
		struct parse_task *next = t->next;
		t->done(t, false);
		t = next;
	}
}

unsigned parse_pool_default_threads(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN) - 1;

	return n < 1 ? 1 : n > MAX_THREADS ? MAX_THREADS : (unsigned)n;
}

static int open_pipe(struct parse_pool *pp)
{
	int fds[2];

	if (pipe(fds) != 0)
		return -1;
	pp->pipe_rd = fds[0];
	pp->pipe_wr = fds[1];
	for (int i = 0; i < 2; i++) {
		fcntl(fds[i], F_SETFL, fcntl(fds[i], F_GETFL) | O_NONBLOCK);
		fcntl(fds[i], F_SETFD, FD_CLOEXEC);
	}
	return 0;
}

/* Threads start with every signal blocked: signals stay the loop's.
 * pthread_create returns its error instead of setting errno: it is put in
 * errno for the caller's message. */
static unsigned start_threads(struct parse_pool *pp, unsigned want)
{
	sigset_t all, old;
	int rc = 0;

	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	while (pp->n_threads < want &&
	       (rc = pthread_create(&pp->threads[pp->n_threads], NULL, thread_main, pp)) == 0)
		pp->n_threads++;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0)
		errno = rc;
	return pp->n_threads;
}

struct parse_pool *parse_pool_new(struct event_base *base, unsigned threads, size_t max_queued)
{
	struct parse_pool *pp = xcalloc(1, sizeof *pp);

	xmlInitParser();  /* once, on the main thread, before any parse thread */
	pthread_mutex_init(&pp->mu, NULL);
	pthread_cond_init(&pp->wake, NULL);
	pp->max_queued = max_queued ? max_queued : 1;
	pp->pipe_rd = pp->pipe_wr = -1;
	if (open_pipe(pp) != 0 ||
	    !(pp->ev = event_new(base, pp->pipe_rd, EV_READ | EV_PERSIST, deliver_cb, pp)) ||
	    event_add(pp->ev, NULL) != 0 ||
	    start_threads(pp, threads < 1 ? 1 : threads > MAX_THREADS ? MAX_THREADS : threads) == 0) {
		log_warn("cannot start the parse threads (%s); feeds and pages are parsed on the "
			 "event loop", strerror(errno));
		parse_pool_free(pp);
		return NULL;
	}
	return pp;
}

bool parse_pool_submit(struct parse_pool *pp, struct parse_task *t)
{
	if (pp == NULL)
		return false;
	pthread_mutex_lock(&pp->mu);
	bool ok = !pp->stopping && pp->queued < pp->max_queued;
	if (ok) {
		pp->queued++;
		list_push(&pp->waiting, t);
		pthread_cond_signal(&pp->wake);
	}
	pthread_mutex_unlock(&pp->mu);
	return ok;
}

static void cancel_list(struct parse_task *t)
{
	while (t) {
		struct parse_task *next = t->next;
		t->done(t, true);
		t = next;
	}
}

void parse_pool_free(struct parse_pool *pp)
{
	if (pp == NULL)
		return;
	pthread_mutex_lock(&pp->mu);
	pp->stopping = true;
	pthread_cond_broadcast(&pp->wake);
	pthread_mutex_unlock(&pp->mu);
	for (unsigned i = 0; i < pp->n_threads; i++)
		pthread_join(pp->threads[i], NULL);
	cancel_list(list_take_all(&pp->waiting));
	cancel_list(list_take_all(&pp->finished));
	if (pp->ev)
		event_free(pp->ev);
	if (pp->pipe_rd >= 0)
		close(pp->pipe_rd);
	if (pp->pipe_wr >= 0)
		close(pp->pipe_wr);
	pthread_cond_destroy(&pp->wake);
	pthread_mutex_destroy(&pp->mu);
	free(pp);
}

/* ---- a response copied for a task ---------------------------------------- */

static const char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

void poll_result_copy(struct fetch_result *dst, const struct fetch_result *src)
{
	char *body = xmalloc(src->body_len + 1);

	*dst = *src;
	if (src->body_len)
		memcpy(body, src->body, src->body_len);
	body[src->body_len] = '\0';
	dst->body = body;
	dst->url = dup_or_null(src->url);
	dst->final_url = dup_or_null(src->final_url);
	dst->error_msg = dup_or_null(src->error_msg);
	dst->etag = dup_or_null(src->etag);
	dst->last_modified = dup_or_null(src->last_modified);
	dst->content_type = dup_or_null(src->content_type);
	dst->cache_control = dup_or_null(src->cache_control);
	dst->location = dup_or_null(src->location);
	dst->permanent_url = dup_or_null(src->permanent_url);
	dst->hops = NULL;
	dst->n_hops = 0;
}

void poll_result_free(struct fetch_result *r)
{
	const char *owned[] = { r->body, r->url, r->final_url, r->error_msg, r->etag,
				r->last_modified, r->content_type, r->cache_control,
				r->location, r->permanent_url };

	for (size_t i = 0; i < sizeof owned / sizeof *owned; i++)
		free((char *)owned[i]);
	memset(r, 0, sizeof *r);
}
