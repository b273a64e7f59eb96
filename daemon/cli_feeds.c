/* cli_feeds.c: 'mouwatch feeds' (the table of feeds and their health) and
 * 'mouwatch feed add|remove|pause|resume|poll' (the operator's changes,
 * applied by the daemon at once). */
#include "cli_client.h"
#include "cli_out.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FEEDS_PAGE 500  /* feeds per request (docs/protocol.md) */

/* MOUWATCH_FEEDS_PAGE overrides it (tests read pages of 1). */
static int feeds_page(void)
{
	const char *s = getenv("MOUWATCH_FEEDS_PAGE");
	int v = s ? atoi(s) : 0;

	return v > 0 && v <= 10000 ? v : FEEDS_PAGE;
}

static const char *feed_state(const json_t *f)
{
	if (cli_jstr(f, "disabled_reason"))
		return "disabled";
	if (cli_jint(f, "paused"))
		return "paused";
	if (cli_jint(f, "consecutive_failures") > 0)
		return "failing";
	if (cli_jint(f, "last_polled_at") == 0)
		return "new";
	return cli_jint(f, "stale") ? "stale" : "ok";
}

static void show_feeds(const json_t *arr)
{
	static const char *heads[] = { "NAME", "STATE", "LAST POLL", "NEXT POLL", "ARTICLES", "URL" };
	struct cli_table t;
	size_t i;
	json_t *f;
	char a[48], b[48];

	cli_table_init(&t, heads, 6, 5);
	json_array_foreach(arr, i, f) {
		const char *st = feed_state(f);
		cli_table_row(&t);
		cli_table_set(&t, 0, cli_jstr(f, "name"), CLI_PLAIN);
		cli_table_set(&t, 1, st, cli_state_colour(st));
		cli_table_set(&t, 2, cli_ago(cli_jint(f, "last_polled_at"), a, sizeof a), CLI_PLAIN);
		cli_table_set(&t, 3, cli_ago(cli_jint(f, "next_poll_at"), b, sizeof b), CLI_PLAIN);
		cli_table_setf(&t, 4, CLI_PLAIN, "%lld", cli_jint(f, "articles"));
		cli_table_set(&t, 5, cli_jstr(f, "url"), CLI_PLAIN);
	}
	cli_table_print(&t, stdout);
	cli_table_free(&t);
}

/* Every feed into all, a page at a time: the daemon answers each request
 * on its event loop, and 10,000 feeds at once would hold it for over 50 ms. */
static int read_feeds(const struct cli_opts *opts, json_t *all)
{
	json_t *page = NULL;
	int rc, per = feeds_page();
	size_t n;

	do {
		json_t *last = json_array_get(all, json_array_size(all) - 1);
		json_t *params = json_pack("{s:i}", "limit", per);
		if (last)
			json_object_set(params, "after", json_object_get(last, "name"));
		if ((rc = cli_call(opts, "feeds", params, &page)) != EXIT_OK)
			return rc;
		n = json_array_size(page);
		json_array_extend(all, page);
		json_decref(page);
	} while (n == (size_t)per);
	return EXIT_OK;
}

int cli_feeds(const struct cli_opts *opts, int argc, char **argv)
{
	json_t *all;
	int rc;

	if (argc > 1) {
		fprintf(stderr, "mouwatch: feeds takes no arguments\n");
		return EXIT_USAGE;
	}
	all = json_array();
	rc = read_feeds(opts, all);
	if (rc == EXIT_OK && opts->json)
		cli_print_json(all);
	else if (rc == EXIT_OK)
		show_feeds(all);
	json_decref(all);
	return rc;
}

/* ---- feed add|remove|pause|resume|poll ---- */

static void show_change(const json_t *r)
{
	const char *polling = cli_jstr(r, "polling");

	if (polling)
		printf("polling %s now\n", strcmp(polling, "all") ? polling : "every feed");
	else if (json_object_get(r, "paused"))
		printf("feed %s %s\n", cli_jstr(r, "name"),
		       json_is_true(json_object_get(r, "paused")) ? "paused" : "resumed");
	else if (cli_jstr(r, "note"))
		printf("feed %s removed (%s)\n", cli_jstr(r, "name"), cli_jstr(r, "note"));
	else
		printf("feed %s added: %s (polled now, kept across restarts)\n", cli_jstr(r, "name"),
		       cli_jstr(r, "url"));
}

static int feed_add(const struct cli_opts *opts, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "interval", required_argument, NULL, 'i' },
		{ "language", required_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 },
	};
	const char *interval = NULL, *language = NULL;
	int c;

	optind = 0; /* full re-initialisation: options may follow arguments */
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c == 'i')
			interval = optarg;
		else if (c == 'l')
			language = optarg;
		else
			return EXIT_USAGE;
	}
	if (argc - optind != 2) {
		fprintf(stderr, "usage: mouwatch feed add NAME URL [--interval DURATION] [--language id|ms|en]\n");
		return EXIT_USAGE;
	}
	json_t *p = json_pack("{s:s, s:s}", "name", argv[optind], "url", argv[optind + 1]);
	if (interval)
		json_object_set_new(p, "interval", json_string(interval));
	if (language)
		json_object_set_new(p, "language", json_string(language));
	return cli_call_show(opts, "feed.add", p, show_change);
}

static const struct { const char *verb, *method; bool name_optional; } verbs[] = {
	{ "remove", "feed.remove", false }, { "pause", "feed.pause", false },
	{ "resume", "feed.resume", false }, { "poll", "feed.poll", true },
};

int cli_feed(const struct cli_opts *opts, int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "add") == 0)
		return feed_add(opts, argc - 1, argv + 1);
	for (size_t i = 0; argc >= 2 && i < sizeof verbs / sizeof verbs[0]; i++) {
		if (strcmp(argv[1], verbs[i].verb) != 0)
			continue;
		if (argc > 3 || (argc == 2 && !verbs[i].name_optional)) {
			fprintf(stderr, "usage: mouwatch feed %s %s\n", verbs[i].verb,
				verbs[i].name_optional ? "[NAME]" : "NAME");
			return EXIT_USAGE;
		}
		json_t *p = argc == 3 ? json_pack("{s:s}", "name", argv[2]) : NULL;
		return cli_call_show(opts, verbs[i].method, p, show_change);
	}
	fprintf(stderr, "usage: mouwatch feed add|remove|pause|resume|poll ...\n");
	return EXIT_USAGE;
}
