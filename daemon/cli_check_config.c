/* cli_check_config.c: 'mouwatch check-config': loads the configuration
 * file, prints "FILE: ok (N feeds, M channels)" or every error found, one
 * "FILE:LINE: problem" per line. Exit 0 when valid, 2 when not (the file
 * is the operator's input, like a bad command line). */
#include "cli.h"
#include "mwconfig.h"

#include <getopt.h>
#include <stdio.h>

int cli_check_config(const struct cli_opts *opts, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		if (c == 'h') {
			printf("usage: mouwatch [-c FILE] check-config\n"
			       "  validates FILE (default: $MOUWATCH_CONFIG, else %s)\n",
			       MW_CONFIG_DEFAULT_PATH);
			return EXIT_OK;
		}
		return EXIT_USAGE;
	}
	if (optind < argc) {
		fprintf(stderr, "mouwatch check-config: unexpected argument '%s'; give the file with -c FILE before the command\n",
			argv[optind]);
		return EXIT_USAGE;
	}
	return config_check_report(opts->config_path, stdout, stderr);
}
