/* cli_agreements.c: the agreement views of the CLI: 'agreements' (list
 * with filters), 'agreement ID' (everything about one), 'upcoming'
 * (what starts or expires soon). */
#include "cli_client.h"
#include "cli_out.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

/* "A / B / C" from the parties array of an agreement. */
static void party_names(const json_t *parties, char *buf, size_t size)
{
	size_t i, used = 0;
	json_t *p;

	buf[0] = '\0';
	json_array_foreach(parties, i, p) {
		int n = snprintf(buf + used, size - used, "%s%s", i ? " / " : "", cli_jstr(p, "name"));
		if (n < 0 || (size_t)n >= size - used)
			break;
		used += (size_t)n;
	}
}

static void join_strings(const json_t *arr, char *buf, size_t size)
{
	size_t i, used = 0;
	json_t *s;

	buf[0] = '\0';
	json_array_foreach(arr, i, s) {
		int n = snprintf(buf + used, size - used, "%s%s", i ? ", " : "", json_string_value(s));
		if (n < 0 || (size_t)n >= size - used)
			break;
		used += (size_t)n;
	}
}

/* "2027-03-01 (in 23 days)" */
static void date_rel(const char *ymd, bool estimated, char *buf, size_t size)
{
	char rel[48];

	if (ymd == NULL) {
		snprintf(buf, size, "-");
		return;
	}
	snprintf(buf, size, "%s%s (%s)", ymd, estimated ? "~" : "", cli_in_days(ymd, rel, sizeof rel));
}

static enum cli_colour expiry_colour(const char *ymd)
{
	long d;

	if (!cli_days_until(ymd, &d))
		return CLI_PLAIN;
	return d < 0 ? CLI_DIM : d <= 30 ? CLI_BAD : d <= 90 ? CLI_WARN : CLI_PLAIN;
}

static void show_agreements(const json_t *arr)
{
	static const char *heads[] = { "ID", "TYPE", "SIGNED", "EXPIRES", "PROGRAMS", "PARTIES" };
	struct cli_table t;
	char buf[1024];
	size_t i;
	json_t *a;

	cli_table_init(&t, heads, 6, 5);
	json_array_foreach(arr, i, a) {
		const char *exp = cli_jstr(a, "expires_on");
		cli_table_row(&t);
		cli_table_setf(&t, 0, CLI_PLAIN, "%lld", cli_jint(a, "id"));
		cli_table_set(&t, 1, cli_jstr(a, "type"), CLI_PLAIN);
		cli_table_set(&t, 2, cli_jstr(a, "signed_on"), CLI_PLAIN);
		date_rel(exp, cli_jint(a, "expires_estimated"), buf, sizeof buf);
		cli_table_set(&t, 3, exp ? buf : NULL, expiry_colour(exp));
		join_strings(json_object_get(a, "programs"), buf, sizeof buf);
		cli_table_set(&t, 4, buf, CLI_PLAIN);
		party_names(json_object_get(a, "parties"), buf, sizeof buf);
		cli_table_set(&t, 5, buf, CLI_PLAIN);
	}
	cli_table_print(&t, stdout);
	printf("%zu agreement(s)\n", json_array_size(arr));
	cli_table_free(&t);
}

static const struct option agreement_opts[] = {
	{ "party", required_argument, NULL, 'p' },
	{ "country", required_argument, NULL, 'c' },
	{ "program", required_argument, NULL, 'g' },
	{ "type", required_argument, NULL, 't' },
	{ "signed-since", required_argument, NULL, 's' },
	{ "expiring", required_argument, NULL, 'e' },
	{ "limit", required_argument, NULL, 'l' },
	{ NULL, 0, NULL, 0 },
};

/* Option letter -> request parameter; numbers for 'e' and 'l'. */
static const char *const agreement_keys[128] = {
	['p'] = "party", ['c'] = "country", ['g'] = "program", ['t'] = "type",
	['s'] = "signed_since", ['e'] = "expiring_days", ['l'] = "limit",
};

int cli_agreements(const struct cli_opts *opts, int argc, char **argv)
{
	json_t *p = json_object();
	long n;
	int c;

	optind = 0; /* full re-initialisation: options may follow arguments */
	while ((c = getopt_long(argc, argv, "", agreement_opts, NULL)) != -1) {
		if (c <= 0 || c >= 128 || agreement_keys[c] == NULL)
			goto usage;
		if (c == 'e' || c == 'l') {
			if (!cli_parse_count(c == 'e' ? "--expiring" : "--limit", optarg, 36500, &n))
				goto usage;
			json_object_set_new(p, agreement_keys[c], json_integer(n));
		} else {
			json_object_set_new(p, agreement_keys[c], json_string(optarg));
		}
	}
	if (optind < argc)
		goto usage;
	return cli_call_show(opts, "agreements", p, show_agreements);
usage:
	json_decref(p);
	fprintf(stderr, "usage: mouwatch agreements [--party P] [--country CC] [--program P] "
		"[--type T] [--signed-since YYYY-MM-DD] [--expiring DAYS] [--limit N]\n");
	return EXIT_USAGE;
}

/* ---- one agreement ---- */

static void show_parties(const json_t *a)
{
	size_t i;
	json_t *p;

	printf("%sparties%s\n", cli_sgr(CLI_BOLD), cli_sgr(CLI_PLAIN));
	json_array_foreach(json_object_get(a, "parties"), i, p)
		printf("  %s (%s)\n", cli_jstr(p, "name"), cli_jstr(p, "country") ? cli_jstr(p, "country") : "?");
	json_array_foreach(json_object_get(a, "signatories"), i, p)
		printf("  signed by %s%s%s\n", cli_jstr(p, "name"), cli_jstr(p, "role") ? ", " : "",
		       cli_jstr(p, "role") ? cli_jstr(p, "role") : "");
}

static void show_events(const json_t *a)
{
	char when[96];
	size_t i;
	json_t *e;

	printf("%sevents%s\n", cli_sgr(CLI_BOLD), cli_sgr(CLI_PLAIN));
	json_array_foreach(json_object_get(a, "events"), i, e) {
		date_rel(cli_jstr(e, "starts_on"), false, when, sizeof when);
		printf("  %-20s %s%s%s\n", cli_jstr(e, "type"), when, cli_jstr(e, "ends_on") ? " to " : "",
		       cli_jstr(e, "ends_on") ? cli_jstr(e, "ends_on") : "");
	}
	printf("%sreminders%s\n", cli_sgr(CLI_BOLD), cli_sgr(CLI_PLAIN));
	json_array_foreach(json_object_get(a, "reminders"), i, e)
		printf("  #%-5lld %-18s %3lld days before %s  %s%s%s\n", cli_jint(e, "id"),
		       cli_jstr(e, "kind"), cli_jint(e, "lead_days"), cli_jstr(e, "target_date") ?
		       cli_jstr(e, "target_date") : "-", cli_sgr(cli_state_colour(cli_jstr(e, "state"))),
		       cli_jstr(e, "state"), cli_sgr(CLI_PLAIN));
}

static void show_sources(const json_t *a)
{
	const json_t *ev = json_object_get(json_object_get(a, "record"), "evidence");
	const char *k;
	json_t *v;
	size_t i;

	printf("%ssources%s\n", cli_sgr(CLI_BOLD), cli_sgr(CLI_PLAIN));
	json_array_foreach(json_object_get(a, "sources"), i, v)
		printf("  [%s] %s\n         %s\n", cli_jstr(v, "feed"), cli_jstr(v, "title"), cli_jstr(v, "url"));
	if (json_object_size(ev))
		printf("%sevidence%s\n", cli_sgr(CLI_BOLD), cli_sgr(CLI_PLAIN));
	json_object_foreach((json_t *)ev, k, v)
		if (json_is_string(v))
			printf("  %-10s \"%s\"\n", k, json_string_value(v));
}

static void show_agreement(const json_t *a)
{
	char buf[1024];

	printf("%sagreement %lld%s: %s\n", cli_sgr(CLI_BOLD), cli_jint(a, "id"), cli_sgr(CLI_PLAIN),
	       cli_jstr(a, "type"));
	date_rel(cli_jstr(a, "signed_on"), false, buf, sizeof buf);
	printf("signed:     %s%s%s\n", buf, cli_jstr(a, "location") ? " in " : "",
	       cli_jstr(a, "location") ? cli_jstr(a, "location") : "");
	printf("valid for:  %s\n", cli_jstr(a, "valid_for") ? cli_jstr(a, "valid_for") : "-");
	date_rel(cli_jstr(a, "expires_on"), cli_jint(a, "expires_estimated"), buf, sizeof buf);
	printf("expires:    %s%s\n", buf, cli_jint(a, "expires_estimated") ? " (estimated)" : "");
	join_strings(json_object_get(a, "programs"), buf, sizeof buf);
	printf("programs:   %s\n", *buf ? buf : "-");
	show_parties(a);
	show_events(a);
	show_sources(a);
}

int cli_agreement(const struct cli_opts *opts, int argc, char **argv)
{
	long id;

	if (argc != 2 || !cli_parse_count("ID", argv[1], 0x7fffffffL, &id) || id == 0) {
		fprintf(stderr, "usage: mouwatch agreement ID ('mouwatch agreements' lists them)\n");
		return EXIT_USAGE;
	}
	return cli_call_show(opts, "agreement", json_pack("{s:I}", "id", (json_int_t)id), show_agreement);
}

/* ---- upcoming ---- */

static void show_upcoming(const json_t *arr)
{
	static const char *heads[] = { "DATE", "WHEN", "WHAT", "AGREEMENT", "PARTIES" };
	struct cli_table t;
	char rel[48];
	size_t i;
	json_t *u;

	cli_table_init(&t, heads, 5, 4);
	json_array_foreach(arr, i, u) {
		const char *what = cli_jstr(u, "what");
		bool expiry = what && strcmp(what, "expiry") == 0;
		cli_table_row(&t);
		cli_table_set(&t, 0, cli_jstr(u, "date"), CLI_PLAIN);
		cli_table_set(&t, 1, cli_in_days(cli_jstr(u, "date"), rel, sizeof rel),
			      expiry ? expiry_colour(cli_jstr(u, "date")) : CLI_PLAIN);
		cli_table_setf(&t, 2, CLI_PLAIN, "%s %s", expiry ? "expires:" : "starts:",
			       cli_jstr(u, "type") ? cli_jstr(u, "type") : "?");
		cli_table_setf(&t, 3, CLI_PLAIN, "%lld", cli_jint(u, "agreement_id"));
		cli_table_set(&t, 4, cli_jstr(u, "parties"), CLI_PLAIN);
	}
	cli_table_print(&t, stdout);
	cli_table_free(&t);
}

int cli_upcoming(const struct cli_opts *opts, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "days", required_argument, NULL, 'd' }, { NULL, 0, NULL, 0 },
	};
	long days = 90;
	int c;

	optind = 0; /* full re-initialisation: options may follow arguments */
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1)
		if (c != 'd' || !cli_parse_count("--days", optarg, 36500, &days))
			goto usage;
	if (optind < argc)
		goto usage;
	return cli_call_show(opts, "upcoming", json_pack("{s:I}", "days", (json_int_t)days), show_upcoming);
usage:
	fprintf(stderr, "usage: mouwatch upcoming [--days N]\n");
	return EXIT_USAGE;
}
