/* cli_lists.c: the CLI's other lists: 'articles' (recent, by state),
 * 'reminders' (by state), 'reminder retry ID', 'search TEXT'. */
#include "cli_client.h"
#include "cli_out.h"
#include "strbuf.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

/* --state S and --limit N, the options every list shares. */
static int list_params(int argc, char **argv, json_t *p)
{
	static const struct option longopts[] = {
		{ "state", required_argument, NULL, 's' },
		{ "limit", required_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 },
	};
	long n;
	int c;

	optind = 0; /* full re-initialisation: options may follow arguments */
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c == 's')
			json_object_set_new(p, "state", json_string(optarg));
		else if (c == 'l' && cli_parse_count("--limit", optarg, 10000, &n) && n > 0)
			json_object_set_new(p, "limit", json_integer(n));
		else
			return EXIT_USAGE;
	}
	return optind < argc ? EXIT_USAGE : EXIT_OK;
}

static void show_articles(const json_t *arr)
{
	static const char *heads[] = { "ID", "FEED", "PUBLISHED", "STATE", "AGREEMENT", "TITLE" };
	struct cli_table t;
	char ago[48];
	size_t i;
	json_t *a;

	cli_table_init(&t, heads, 6, 5);
	json_array_foreach(arr, i, a) {
		cli_table_row(&t);
		cli_table_setf(&t, 0, CLI_PLAIN, "%lld", cli_jint(a, "id"));
		cli_table_set(&t, 1, cli_jstr(a, "feed"), CLI_PLAIN);
		cli_table_set(&t, 2, cli_jint(a, "published_at") ? cli_ago(cli_jint(a, "published_at"),
			      ago, sizeof ago) : NULL, CLI_PLAIN);
		cli_table_set(&t, 3, cli_jstr(a, "state"), cli_state_colour(cli_jstr(a, "state")));
		if (cli_jint(a, "agreement_id"))
			cli_table_setf(&t, 4, CLI_PLAIN, "%lld", cli_jint(a, "agreement_id"));
		cli_table_set(&t, 5, cli_jstr(a, "title"), CLI_PLAIN);
	}
	cli_table_print(&t, stdout);
	cli_table_free(&t);
}

int cli_articles(const struct cli_opts *opts, int argc, char **argv)
{
	json_t *p = json_object();

	if (list_params(argc, argv, p) != EXIT_OK) {
		json_decref(p);
		fprintf(stderr, "usage: mouwatch articles [--state queued|extracted|no_agreement|failed] "
			"[--limit N]\n");
		return EXIT_USAGE;
	}
	return cli_call_show(opts, "articles", p, show_articles);
}

/* ---- reminders ---- */

static void show_reminders(const json_t *arr)
{
	static const char *heads[] = { "ID", "KIND", "DUE", "STATE", "TARGET", "AGREEMENT", "PARTIES" };
	struct cli_table t;
	char due[48], rel[48];
	size_t i;
	json_t *r;

	cli_table_init(&t, heads, 7, 6);
	json_array_foreach(arr, i, r) {
		cli_table_row(&t);
		cli_table_setf(&t, 0, CLI_PLAIN, "%lld", cli_jint(r, "id"));
		cli_table_set(&t, 1, cli_jstr(r, "kind"), CLI_PLAIN);
		cli_table_set(&t, 2, cli_ago(cli_jint(r, "due_at"), due, sizeof due), CLI_PLAIN);
		cli_table_set(&t, 3, cli_jstr(r, "state"), cli_state_colour(cli_jstr(r, "state")));
		if (cli_jstr(r, "target_date"))
			cli_table_setf(&t, 4, CLI_PLAIN, "%s (%s)", cli_jstr(r, "target_date"),
				       cli_in_days(cli_jstr(r, "target_date"), rel, sizeof rel));
		cli_table_setf(&t, 5, CLI_PLAIN, "%lld", cli_jint(r, "agreement_id"));
		cli_table_set(&t, 6, cli_jstr(r, "parties"), CLI_PLAIN);
	}
	cli_table_print(&t, stdout);
	cli_table_free(&t);
}

int cli_reminders(const struct cli_opts *opts, int argc, char **argv)
{
	json_t *p = json_object();

	if (list_params(argc, argv, p) != EXIT_OK) {
		json_decref(p);
		fprintf(stderr, "usage: mouwatch reminders [--state pending|sent|failed|skipped|superseded] "
			"[--limit N]\n");
		return EXIT_USAGE;
	}
	return cli_call_show(opts, "reminders", p, show_reminders);
}

static void show_retry(const json_t *r)
{
	printf("reminder %lld is pending again; it is delivered on the next check\n", cli_jint(r, "id"));
	cli_show_warnings(r);
}

static void show_retry_failed(const json_t *r)
{
	const char *ch = cli_jstr(r, "channel");

	printf("%lld failed reminder(s) pending again, %lld delivery(ies)%s%s; they are delivered "
	       "on the next check\n", cli_jint(r, "reminders"), cli_jint(r, "deliveries"),
	       ch ? " to channel " : "", ch ? ch : "");
	cli_show_warnings(r);
}

/* retry ID | retry --failed [--channel NAME]: the params, or NULL. */
static json_t *retry_params(int argc, char **argv)
{
	long id;

	if (argc == 3 && strcmp(argv[2], "--failed") != 0)
		return cli_parse_count("ID", argv[2], 0x7fffffffL, &id) && id > 0
		       ? json_pack("{s:I}", "id", (json_int_t)id) : NULL;
	if (argc == 3)
		return json_pack("{s:b}", "failed", 1);
	if (argc == 5 && strcmp(argv[2], "--failed") == 0 && strcmp(argv[3], "--channel") == 0 &&
	    argv[4][0] != '\0')
		return json_pack("{s:b, s:s}", "failed", 1, "channel", argv[4]);
	return NULL;
}

int cli_reminder(const struct cli_opts *opts, int argc, char **argv)
{
	json_t *p = argc >= 2 && strcmp(argv[1], "retry") == 0 ? retry_params(argc, argv) : NULL;

	if (p == NULL) {
		fprintf(stderr, "usage: mouwatch reminder retry ID | mouwatch reminder retry --failed "
			"[--channel NAME] ('mouwatch reminders --state failed' lists them)\n");
		return EXIT_USAGE;
	}
	bool bulk = json_object_get(p, "failed") != NULL;
	return cli_call_show(opts, "reminder.retry", p, bulk ? show_retry_failed : show_retry);
}

/* ---- search ---- */

static void show_search(const json_t *arr)
{
	static const char *heads[] = { "KIND", "ID", "TITLE", "MATCH" };
	struct cli_table t;
	size_t i;
	json_t *h;

	cli_table_init(&t, heads, 4, 3);
	json_array_foreach(arr, i, h) {
		cli_table_row(&t);
		cli_table_set(&t, 0, cli_jstr(h, "kind"), CLI_PLAIN);
		cli_table_setf(&t, 1, CLI_PLAIN, "%lld", cli_jint(h, "id"));
		cli_table_set(&t, 2, cli_jstr(h, "title"), CLI_PLAIN);
		cli_table_set(&t, 3, cli_jstr(h, "snippet"), CLI_PLAIN);
	}
	cli_table_print(&t, stdout);
	cli_table_free(&t);
}

int cli_search(const struct cli_opts *opts, int argc, char **argv)
{
	struct strbuf words = STRBUF_INIT;
	json_t *p;

	if (argc < 2) {
		fprintf(stderr, "usage: mouwatch search WORDS...\n");
		return EXIT_USAGE;
	}
	for (int i = 1; i < argc; i++)
		strbuf_printf(&words, "%s%s", i > 1 ? " " : "", argv[i]);
	p = json_pack("{s:s}", "text", strbuf_str(&words));
	strbuf_free(&words);
	return cli_call_show(opts, "search", p, show_search);
}
