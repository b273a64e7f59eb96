/* cli_extract.c: placeholder until the owning helper lands its implementation. */
#include "cli.h"
#include <stdio.h>
int cli_extract(const struct cli_opts *opts, int argc, char **argv)
{
	(void)opts; (void)argc; (void)argv;
	fprintf(stderr, "mouwatch: '%s' is not built yet\n", argv[0]);
	return EXIT_FAIL;
}
