/* test_parse_pool.c: the parse threads of mouwatchd (daemon/poll_parse.c).
 * Every feed and page fixture parsed many times over on four threads at
 * once, beside the same parses on the main thread (the pool's back-pressure
 * path), gives what one parse on the main thread gave: no state is shared
 * between parses (run it under ThreadSanitizer to see the races, if any).
 * Also: every task comes back exactly once, in the loop; a full pool
 * refuses; shutdown cancels what is left; the threads block all signals. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "feed.h"
#include "html_text.h"
#include "poll_parse.h"
#include "xalloc.h"

#include <dirent.h>
#include <event2/event.h>
#include <jansson.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_INPUTS 200
#define ROUNDS 6        /* each input parsed this many times concurrently */
#define THREADS 4

/* One fixture: its bytes and what the main thread made of it (owned). */
struct input {
	bool html;
	char *data;
	size_t len;
	char *expected;
};

static struct input inputs[MAX_INPUTS];
static size_t n_inputs;

/* What a parse gives, as one string (owned): the feed as JSON, or the
 * page's text and extractor input; an error is a result too. */
static char *parse_result(const struct input *in)
{
	char *err = NULL, *out;

	if (in->html) {
		struct html_article a;
		int rc = html_main_text(in->data, in->len, NULL, &a, &err);
		char *x = rc == 0 ? html_article_extractor_input(&a) : NULL;
		out = xasprintf("%d|%s|%s|%s", rc, a.text ? a.text : "", x ? x : "", err ? err : "");
		free(x);
		html_article_free(&a);
	} else {
		struct feed *f = NULL;
		int rc = feed_parse(in->data, in->len, "http://example.test/feed", NULL, &f, &err);
		json_t *js = f ? feed_to_json(f) : NULL;
		char *j = js ? json_dumps(js, JSON_SORT_KEYS | JSON_COMPACT) : NULL;
		json_decref(js);
		out = xasprintf("%d|%s|%s", rc, j ? j : "", err ? err : "");
		free(j);
		feed_free(f);
	}
	free(err);
	return out;
}

static char *read_all(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0, r;

	if (fp == NULL)
		return NULL;
	do {
		if (n + 4096 > cap)
			buf = xrealloc(buf, cap = 2 * cap + 4096);
		r = fread(buf + n, 1, cap - n, fp);
		n += r;
	} while (r > 0);
	fclose(fp);
	*len = n;
	return buf;
}

static void load_dir(const char *top, const char *sub, const char *suffix, bool html)
{
	char dir[4096];
	DIR *d;
	struct dirent *e;

	snprintf(dir, sizeof dir, "%s/%s", top, sub);
	if ((d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL && n_inputs < MAX_INPUTS) {
		size_t l = strlen(e->d_name), sl = strlen(suffix);
		if (l <= sl || strcmp(e->d_name + l - sl, suffix) != 0)
			continue;
		char *path = xasprintf("%s/%s", dir, e->d_name);
		struct input *in = &inputs[n_inputs];
		if ((in->data = read_all(path, &in->len)) != NULL) {
			in->html = html;
			n_inputs++;
		}
		free(path);
	}
	closedir(d);
}

/* ---- tasks ---------------------------------------------------------------- */

struct test_task {
	struct parse_task t;
	const struct input *in;
	char *result;            /* set by work (owned) */
	int done_calls;
	bool cancelled;
	bool all_blocked;        /* work saw SIGTERM, SIGINT, SIGHUP blocked */
};

static pthread_mutex_t gate_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t gate_cv = PTHREAD_COND_INITIALIZER;
static bool gate_open = true;

static void task_work(struct parse_task *t)
{
	struct test_task *tt = (struct test_task *)t;
	sigset_t cur;

	pthread_mutex_lock(&gate_mu);
	while (!gate_open)
		pthread_cond_wait(&gate_cv, &gate_mu);
	pthread_mutex_unlock(&gate_mu);
	pthread_sigmask(SIG_SETMASK, NULL, &cur);
	tt->all_blocked = sigismember(&cur, SIGTERM) && sigismember(&cur, SIGINT)
			  && sigismember(&cur, SIGHUP);
	if (tt->in)
		tt->result = parse_result(tt->in);
}

static size_t delivered;

static void task_done(struct parse_task *t, bool cancelled)
{
	struct test_task *tt = (struct test_task *)t;

	tt->done_calls++;
	tt->cancelled = cancelled;
	delivered++;
}

static void set_gate(bool open)
{
	pthread_mutex_lock(&gate_mu);
	gate_open = open;
	pthread_cond_broadcast(&gate_cv);
	pthread_mutex_unlock(&gate_mu);
}

/* ---- tests ---------------------------------------------------------------- */

/* Every input ROUNDS times on the pool; when it is full the main thread
 * parses too (as the daemon does). All results equal the first parse. */
static void test_concurrent_parses_agree(void **state)
{
	(void)state;
	assert_true(n_inputs >= 20);
	struct event_base *base = event_base_new();
	struct parse_pool *pp = parse_pool_new(base, THREADS, 16);
	assert_non_null(pp);
	size_t n = n_inputs * ROUNDS, queued = 0, inline_parses = 0;
	struct test_task *v = xcalloc(n, sizeof *v);

	delivered = 0;
	for (size_t i = 0; i < n; i++) {
		v[i].t.work = task_work;
		v[i].t.done = task_done;
		v[i].in = &inputs[(i * 7) % n_inputs];
		if (parse_pool_submit(pp, &v[i].t)) {
			queued++;
		} else {
			char *r = parse_result(v[i].in);
			assert_string_equal(r, v[i].in->expected);
			free(r);
			inline_parses++;
			v[i].done_calls = 1;  /* not the pool's */
			event_base_loop(base, EVLOOP_NONBLOCK);
		}
	}
	while (delivered < queued)
		event_base_loop(base, EVLOOP_ONCE);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(v[i].done_calls, 1);
		assert_false(v[i].cancelled);
		if (v[i].result) {
			assert_string_equal(v[i].result, v[i].in->expected);
			assert_true(v[i].all_blocked);
		}
		free(v[i].result);
	}
	assert_int_equal(delivered + inline_parses, n);
	print_message("# %zu parses on %d threads, %zu on the main thread beside them\n",
		      delivered, THREADS, inline_parses);
	parse_pool_free(pp);
	event_base_free(base);
	free(v);
}

/* A pool of max_queued refuses the next task until one is delivered. */
static void test_full_pool_refuses(void **state)
{
	(void)state;
	struct event_base *base = event_base_new();
	struct parse_pool *pp = parse_pool_new(base, 2, 3);
	struct test_task v[4] = { 0 };

	delivered = 0;
	set_gate(false);
	for (int i = 0; i < 4; i++) {
		v[i].t.work = task_work;
		v[i].t.done = task_done;
	}
	for (int i = 0; i < 3; i++)
		assert_true(parse_pool_submit(pp, &v[i].t));
	assert_false(parse_pool_submit(pp, &v[3].t));
	set_gate(true);
	while (delivered < 3)
		event_base_loop(base, EVLOOP_ONCE);
	assert_true(parse_pool_submit(pp, &v[3].t));
	while (delivered < 4)
		event_base_loop(base, EVLOOP_ONCE);
	for (int i = 0; i < 4; i++) {
		assert_int_equal(v[i].done_calls, 1);
		assert_true(v[i].all_blocked);
	}
	assert_false(parse_pool_submit(NULL, &v[0].t));
	parse_pool_free(pp);
	event_base_free(base);
}

/* Freed with tasks waiting, running and finished but not delivered: each
 * gets done(cancelled) once, on the freeing thread. */
static void test_free_cancels_the_rest(void **state)
{
	(void)state;
	struct event_base *base = event_base_new();
	struct parse_pool *pp = parse_pool_new(base, 2, 64);
	struct test_task v[40] = { 0 };

	delivered = 0;
	for (int i = 0; i < 40; i++) {
		v[i].t.work = task_work;
		v[i].t.done = task_done;
		v[i].in = &inputs[(size_t)i % n_inputs];
		assert_true(parse_pool_submit(pp, &v[i].t));
	}
	parse_pool_free(pp);
	assert_int_equal(delivered, 40);
	for (int i = 0; i < 40; i++) {
		assert_int_equal(v[i].done_calls, 1);
		assert_true(v[i].cancelled);
		free(v[i].result);
	}
	event_base_free(base);
}

int main(void)
{
	const char *top = getenv("top_srcdir");

	top = top ? top : ".";
	load_dir(top, "tests/fixtures/feeds", ".xml", false);
	load_dir(top, "tests/fixtures/feeds", ".json", false);
	load_dir(top, "tests/fixtures/html", ".html", true);
	load_dir(top, "config/demo/site/berita", ".html", true);
	if (n_inputs == 0) {
		fprintf(stderr, "no fixtures under %s/tests/fixtures: set top_srcdir to the source tree\n", top);
		return 1;
	}
	for (size_t i = 0; i < n_inputs; i++)
		inputs[i].expected = parse_result(&inputs[i]);

	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_concurrent_parses_agree),
		cmocka_unit_test(test_full_pool_refuses),
		cmocka_unit_test(test_free_cancels_the_rest),
	};
	int rc = cmocka_run_group_tests_name("parse_pool", tests, NULL, NULL);
	for (size_t i = 0; i < n_inputs; i++) {
		free(inputs[i].data);
		free(inputs[i].expected);
	}
	return rc;
}
