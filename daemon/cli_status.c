/* cli_status.c: 'mouwatch status' (how the daemon is doing, one screen)
 * and 'mouwatch reload' (re-read the configuration; returns when done). */
#include "cli_client.h"
#include "cli_out.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static bool no_args(int argc, char **argv)
{
	if (argc <= 1)
		return true;
	fprintf(stderr, "mouwatch: %s takes no arguments ('mouwatch help %s')\n", argv[0], argv[0]);
	return false;
}

static void uptime(long long s, char *buf, size_t size)
{
	if (s >= 86400)
		snprintf(buf, size, "%lldd %lldh", s / 86400, s % 86400 / 3600);
	else if (s >= 3600)
		snprintf(buf, size, "%lldh %lldm", s / 3600, s % 3600 / 60);
	else
		snprintf(buf, size, "%lldm %llds", s / 60, s % 60);
}

static long long by_state(const json_t *store, const char *table, const char *state)
{
	return cli_jint(json_object_get(store, table), state);
}

static void show_feeds(const json_t *f)
{
	char ago[48];

	printf("feeds:      %lld (%s%lld ok%s, %s%lld failing%s, %lld disabled, %lld paused, %lld stale)\n",
	       cli_jint(f, "total"), cli_sgr(CLI_GOOD), cli_jint(f, "ok"), cli_sgr(CLI_PLAIN),
	       cli_jint(f, "failing") ? cli_sgr(CLI_BAD) : "", cli_jint(f, "failing"),
	       cli_jint(f, "failing") ? cli_sgr(CLI_PLAIN) : "", cli_jint(f, "disabled"),
	       cli_jint(f, "paused"), cli_jint(f, "stale"));
	printf("last poll:  %s\n", cli_ago(cli_jint(f, "last_polled_at"), ago, sizeof ago));
}

/* "23.4 MB" (decimal megabytes, one decimal). */
static const char *megabytes(long long bytes, char *buf, size_t n)
{
	snprintf(buf, n, "%.1f MB", (double)bytes / 1e6);
	return buf;
}

static void show_memory(const json_t *m)
{
	char a[32], b[32], c[32], e[32];

	if (!m)
		return;
	if (json_object_get(m, "heap_in_use"))
		printf("memory:     %s resident (heap %s in use, %s kept free; SQLite %s)\n",
		       megabytes(cli_jint(m, "resident"), a, sizeof a),
		       megabytes(cli_jint(m, "heap_in_use"), b, sizeof b),
		       megabytes(cli_jint(m, "heap_free"), c, sizeof c),
		       megabytes(cli_jint(m, "sqlite"), e, sizeof e));
	else
		printf("memory:     %s resident (SQLite %s)\n",
		       megabytes(cli_jint(m, "resident"), a, sizeof a),
		       megabytes(cli_jint(m, "sqlite"), e, sizeof e));
}

/* "locked:     by another process since 2026-12-04 18:03:12 (42 s)" */
static void show_lock(const json_t *db)
{
	long long since = cli_jint(db, "locked_since");
	time_t t = (time_t)since;
	char when[32];
	struct tm tm;

	if (since <= 0)
		return;
	localtime_r(&t, &tm);
	strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &tm);
	printf("%slocked:     by another process since %s (%lld s)%s; mouwatchd holds its "
	       "writes back until it is free\n", cli_sgr(CLI_BAD), when,
	       (long long)time(NULL) - since, cli_sgr(CLI_PLAIN));
}

static void show_status(const json_t *r)
{
	const json_t *d = json_object_get(r, "daemon"), *q = json_object_get(r, "queue");
	const json_t *s = json_object_get(r, "store"), *w = json_object_get(r, "workers");
	const json_t *n = json_object_get(r, "counters");
	char up[48];

	uptime(cli_jint(d, "uptime_s"), up, sizeof up);
	printf("%smouwatchd %s%s (pid %lld), up %s\n", cli_sgr(CLI_BOLD), cli_jstr(d, "version"),
	       cli_sgr(CLI_PLAIN), cli_jint(d, "pid"), up);
	printf("config:     %s\ndatabase:   %s\n", cli_jstr(d, "config"), cli_jstr(d, "database"));
	show_lock(json_object_get(r, "database"));
	if (!json_object_get(r, "store")) {
		printf("store:      not readable while the lock lasts; retry in a moment\n");
		return;
	}
	show_feeds(json_object_get(r, "feeds"));
	printf("backlog:    %lld waiting for their page, %lld to enqueue, %lld queued for workers\n",
	       cli_jint(q, "page_pending"), cli_jint(q, "to_enqueue"), cli_jint(q, "queued"));
	printf("workers:    %lld alive of %lld supervised\n", cli_jint(w, "alive"), cli_jint(w, "supervised"));
	printf("articles:   %lld (%lld extracted, %lld without agreement, %lld failed)\n",
	       cli_jint(s, "articles"), cli_jint(q, "extracted"), cli_jint(q, "no_agreement"),
	       cli_jint(q, "failed"));
	printf("agreements: %lld between %lld parties\n", cli_jint(s, "agreements"), cli_jint(s, "parties"));
	printf("reminders:  %lld pending (%lld due now), %lld sent, %s%lld failed%s\n",
	       by_state(s, "reminders_by_state", "pending"), cli_jint(s, "reminders_due"),
	       by_state(s, "reminders_by_state", "sent"),
	       by_state(s, "reminders_by_state", "failed") ? cli_sgr(CLI_BAD) : "",
	       by_state(s, "reminders_by_state", "failed"),
	       by_state(s, "reminders_by_state", "failed") ? cli_sgr(CLI_PLAIN) : "");
	printf("counters:   %lld polls (%lld ok, %lld not modified, %lld failed), %lld new articles, "
	       "%lld enqueued\n", cli_jint(n, "polls"), cli_jint(n, "polls_ok"),
	       cli_jint(n, "polls_not_modified"), cli_jint(n, "polls_failed"),
	       cli_jint(n, "articles_new"), cli_jint(n, "enqueued"));
	show_memory(json_object_get(r, "memory"));
}

int cli_status(const struct cli_opts *opts, int argc, char **argv)
{
	if (!no_args(argc, argv))
		return EXIT_USAGE;
	return cli_call_show(opts, "status", NULL, show_status);
}

static void show_reload(const json_t *r)
{
	printf("reloaded %s: %lld feed(s), %lld channel(s)\n", cli_jstr(r, "config"),
	       cli_jint(r, "feeds"), cli_jint(r, "channels"));
	cli_show_warnings(r);
}

int cli_reload(const struct cli_opts *opts, int argc, char **argv)
{
	if (!no_args(argc, argv))
		return EXIT_USAGE;
	return cli_call_show(opts, "reload", NULL, show_reload);
}
