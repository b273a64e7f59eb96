/* test_fetch_policy.c: which queued request starts when — limits in total
 * and per host, round-robin between hosts, token-bucket pacing (with a
 * clock the test drives), pruning and draining. No network involved. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "fetch_private.h"

enum { N = 16 };

struct fixture {
	struct fetch_policy p;
	struct fetch_xfer x[N];
	size_t used;
};

static struct fixture *fx_new(unsigned max_running, unsigned per_host,
			      double rate)
{
	struct fixture *f = calloc(1, sizeof *f);
	fetch_policy_init(&f->p, max_running, per_host, rate);
	return f;
}

static void fx_free(struct fixture *f)
{
	while (fetch_policy_take_any(&f->p))
		;
	fetch_policy_free(&f->p);
	free(f);
}

/* Queues k requests to host at time now; returns the first one's index. */
static size_t queue(struct fixture *f, const char *host, size_t k, double now)
{
	size_t first = f->used;
	for (size_t i = 0; i < k; i++)
		fetch_policy_enqueue(&f->p, &f->x[f->used++], host, now);
	return first;
}

/* Starts all that may start at now; returns how many, and their hosts'
 * first letters in order into order (if given). */
static size_t start_all(struct fixture *f, double now, char *order,
			double *wait_s)
{
	struct fetch_xfer *x;
	size_t n = 0;
	double w;

	while ((x = fetch_policy_next(&f->p, now, &w))) {
		if (order)
			order[n] = x->host->name[0];
		n++;
	}
	if (order)
		order[n] = '\0';
	if (wait_s)
		*wait_s = w;
	return n;
}

static void test_per_host_limit(void **state)
{
	struct fixture *f = fx_new(10, 2, 0);
	size_t first = queue(f, "a.example", 5, 0);
	double w;

	assert_int_equal(start_all(f, 0, NULL, &w), 2);
	assert_true(w < 0);             /* blocked by the limit, not a token */
	assert_int_equal(f->p.running, 2);
	assert_int_equal(f->p.queued, 3);
	struct fetch_xfer *x = &f->x[first];   /* FIFO: the first started */
	assert_non_null(x->host);
	fetch_policy_done(&f->p, x);
	struct fetch_xfer *next = fetch_policy_next(&f->p, 0, &w);
	assert_ptr_equal(next, &f->x[first + 2]);
	assert_int_equal(f->p.peak_host_running, 2);
	fx_free(f);
}

static void test_total_limit_round_robin(void **state)
{
	struct fixture *f = fx_new(3, 2, 0);
	char order[N];

	queue(f, "a", 2, 0);
	queue(f, "b", 2, 0);
	queue(f, "c", 2, 0);
	assert_int_equal(start_all(f, 0, order, NULL), 3);
	/* one of each host before a second of any */
	assert_non_null(strchr(order, 'a'));
	assert_non_null(strchr(order, 'b'));
	assert_non_null(strchr(order, 'c'));
	assert_int_equal(f->p.peak_running, 3);
	fx_free(f);
}

/* A host with a long queue does not hold up one that comes later. */
static void test_no_starvation(void **state)
{
	struct fixture *f = fx_new(2, 10, 0);
	char order[N];

	queue(f, "slow", 10, 0);
	queue(f, "other", 1, 0);
	assert_int_equal(start_all(f, 0, order, NULL), 2);
	assert_non_null(strchr(order, 'o'));
	fx_free(f);
}

static void test_pacing(void **state)
{
	struct fixture *f = fx_new(10, 10, 2.0);   /* bucket of 2 */
	double w;

	queue(f, "a", 5, 100.0);
	assert_int_equal(start_all(f, 100.0, NULL, &w), 2);
	assert_float_equal(w, 0.5, 1e-9);
	assert_int_equal(start_all(f, 100.3, NULL, &w), 0);
	assert_float_equal(w, 0.2, 1e-9);
	assert_int_equal(start_all(f, 100.5, NULL, &w), 1);
	assert_float_equal(w, 0.5, 1e-9);
	assert_int_equal(start_all(f, 110.0, NULL, &w), 2);  /* bucket capped */
	assert_true(w < 0);             /* nothing left waiting */
	fx_free(f);
}

static void test_slow_rate_and_file(void **state)
{
	struct fixture *f = fx_new(10, 10, 0.5);   /* one per 2 s */
	double w;

	queue(f, "a", 2, 0);
	queue(f, "", 3, 0);             /* file:// is not paced */
	assert_int_equal(start_all(f, 0, NULL, &w), 4);
	assert_float_equal(w, 2.0, 1e-9);
	assert_int_equal(f->p.queued, 1);
	fx_free(f);
}

static void test_prune(void **state)
{
	struct fixture *f = fx_new(10, 10, 1.0);
	double w;

	size_t a = queue(f, "a", 1, 0);
	queue(f, "b", 1, 0);
	assert_int_equal(start_all(f, 0, NULL, &w), 2);
	fetch_policy_done(&f->p, &f->x[a]);
	fetch_policy_prune(&f->p, 0.5);     /* a's bucket not full yet */
	assert_non_null(f->p.hosts);
	assert_non_null(f->p.hosts->next);
	fetch_policy_prune(&f->p, 5.0);     /* a idle and full; b running */
	assert_non_null(f->p.hosts);
	assert_string_equal(f->p.hosts->name, "b");
	assert_null(f->p.hosts->next);
	fx_free(f);
}

static void test_take_any(void **state)
{
	struct fixture *f = fx_new(1, 1, 0);

	queue(f, "a", 2, 0);
	queue(f, "b", 2, 0);
	assert_int_equal(start_all(f, 0, NULL, NULL), 1);
	size_t n = 0;
	struct fetch_xfer *x;
	while ((x = fetch_policy_take_any(&f->p))) {
		assert_null(x->host);
		n++;
	}
	assert_int_equal(n, 3);
	assert_int_equal(f->p.queued, 0);
	fx_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_per_host_limit),
		cmocka_unit_test(test_total_limit_round_robin),
		cmocka_unit_test(test_no_starvation),
		cmocka_unit_test(test_pacing),
		cmocka_unit_test(test_slow_rate_and_file),
		cmocka_unit_test(test_prune),
		cmocka_unit_test(test_take_any),
	};
	return cmocka_run_group_tests_name("fetch_policy", tests, NULL, NULL);
}
