/* mouwatch.c: the operator CLI's entry point: global options, the command
 * table, 'help', and dispatch. Each command lives in its own cli_*.c. */
#include "config.h"
#include "cli.h"
#include "cli_client.h"
#include "log.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const struct cli_command commands[] = {
	{ "parse-feed", "[--base URL] [--timezone TZ] FILE|-", "parse one feed document and print it as JSON (dates without a zone in TZ, default UTC)", true, cli_parse_feed },
	{ "extract", "FILE|- [--published YYYY-MM-DD]", "extract the agreement record of one article", true, cli_extract },
	{ "check-config", "", "validate the configuration file and exit", true, cli_check_config },
	{ "status", "", "how the daemon is doing: feeds, queues, workers, reminders", false, cli_status },
	{ "feeds", "", "every feed with its state and last poll", false, cli_feeds },
	{ "feed", "add NAME URL [--interval D] [--language L] | remove|pause|resume NAME | poll [NAME]", "change a feed at run time", false, cli_feed },
	{ "articles", "[--state S] [--limit N]", "recent articles and what became of them", false, cli_articles },
	{ "agreements", "[--party P] [--country CC] [--program P] [--type T] [--signed-since DATE] [--expiring DAYS] [--limit N]", "agreements matching filters", false, cli_agreements },
	{ "agreement", "ID", "everything about one agreement", false, cli_agreement },
	{ "upcoming", "[--days N]", "event starts and expiries in the next N days (90)", false, cli_upcoming },
	{ "reminders", "[--state pending|sent|failed|skipped|superseded] [--limit N]", "reminders and their deliveries", false, cli_reminders },
	{ "reminder", "retry ID", "deliver a failed reminder again", false, cli_reminder },
	{ "channels", "", "reminder channels: type, match, disabled or not, deliveries", false, cli_channels },
	{ "channel", "enable NAME", "re-enable a channel its receiver disabled (HTTP 410)", false, cli_channel },
	{ "search", "WORDS...", "full-text search of articles and parties", false, cli_search },
	{ "export-ics", "[--days N] [-o FILE]", "upcoming dates as an iCalendar file", false, cli_export_ics },
	{ "reload", "", "re-read the configuration; fails with its errors", false, cli_reload },
};
#define N_COMMANDS (sizeof commands / sizeof commands[0])

static void usage(FILE *out)
{
	fprintf(out, "usage: mouwatch [-c FILE] [--socket PATH] [--json] COMMAND [ARGS...]\n\ncommands:\n");
	for (size_t i = 0; i < N_COMMANDS; i++)
		fprintf(out, "  %-14s %s\n", commands[i].name, commands[i].summary);
	fprintf(out, "\n'mouwatch help COMMAND' shows a command's arguments.\n");
}

static const struct cli_command *find_command(const char *name)
{
	for (size_t i = 0; i < N_COMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static int help(int argc, char **argv)
{
	if (argc < 2) {
		usage(stdout);
		return EXIT_OK;
	}
	const struct cli_command *cmd = find_command(argv[1]);
	if (cmd == NULL) {
		fprintf(stderr, "mouwatch: unknown command '%s'; 'mouwatch help' lists them\n", argv[1]);
		return EXIT_USAGE;
	}
	printf("usage: mouwatch %s %s\n  %s%s\n", cmd->name, cmd->usage, cmd->summary,
	       cmd->offline ? " (works without the daemon)" : "");
	return EXIT_OK;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "socket", required_argument, NULL, 's' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_opts opts = { 0 };
	int c;

	log_init("mouwatch", LOG_LEVEL_WARN);
	/* '+': stop at the command name; its own options are parsed by it. */
	while ((c = getopt_long(argc, argv, "+c:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'c': opts.config_path = optarg; break;
		case 's': opts.socket_path = optarg; break;
		case 'j': opts.json = true; break;
		case 'h': usage(stdout); return EXIT_OK;
		case 'V': printf("mouwatch %s\n", PACKAGE_VERSION); return EXIT_OK;
		default: usage(stderr); return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return EXIT_USAGE;
	}
	argc -= optind;
	argv += optind;
	if (strcmp(argv[0], "help") == 0)
		return help(argc, argv);
	const struct cli_command *cmd = find_command(argv[0]);
	if (cmd == NULL) {
		fprintf(stderr, "mouwatch: unknown command '%s'; 'mouwatch help' lists them\n", argv[0]);
		return EXIT_USAGE;
	}
	/* Let the command run getopt over its own arguments; 0 makes glibc
	 * re-initialise, dropping the '+' (stop at the first operand) mode, so
	 * options may follow operands ("extract FILE --published D"). */
	optind = 0;
	return cmd->run(&opts, argc, argv);
}
