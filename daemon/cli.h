/* cli.h: the operator CLI's command table entry and the functions each
 * command file provides. Adding a command is adding one table entry in
 * mouwatch.c and one cli_*.c file. */
#ifndef MW_CLI_H
#define MW_CLI_H

#include <stdbool.h>

/* Exit statuses of every mouwatch program (SPEC: 0 ok, 1 failure, 2 usage). */
enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

/* Global options parsed before the command name. Owned by main(). */
struct cli_opts {
	const char *config_path;  /* -c FILE, or NULL for the default */
	const char *socket_path;  /* --socket PATH, or NULL: from the config */
	bool json;                /* --json: machine-readable output */
};

struct cli_command {
	const char *name;
	const char *usage;        /* arguments after the name */
	const char *summary;      /* one line for 'mouwatch help' */
	bool offline;             /* works without the daemon */
	int (*run)(const struct cli_opts *opts, int argc, char **argv);
};

/* Offline commands. argv[0] is the command name. */
int cli_parse_feed(const struct cli_opts *opts, int argc, char **argv);
int cli_extract(const struct cli_opts *opts, int argc, char **argv);
int cli_check_config(const struct cli_opts *opts, int argc, char **argv);

#endif
