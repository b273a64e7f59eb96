/* cli_parse_feed.c: placeholder until the owning helper lands its implementation. */
#include "cli.h"
#include <stdio.h>
int cli_parse_feed(const struct cli_opts *opts, int argc, char **argv)
{
	(void)opts; (void)argc; (void)argv;
	fprintf(stderr, "mouwatch: '%s' is not built yet\n", argv[0]);
	return EXIT_FAIL;
}
