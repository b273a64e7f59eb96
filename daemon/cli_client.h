/* cli_client.h: the CLI's side of the control socket: finding the socket,
 * sending one request and reading its one reply (docs/protocol.md), and
 * the declarations of the online commands (cli_*.c). */
#ifndef MW_CLI_CLIENT_H
#define MW_CLI_CLIENT_H

#include "cli.h"

#include <jansson.h>

/* The socket: --socket, else $MOUWATCH_SOCKET, else [daemon] socket of
 * the configuration, else the default path. Caller frees. */
char *cli_socket_path(const struct cli_opts *opts);

/* Calls method with params (a new reference the call steals; NULL for
 * none). On success returns EXIT_OK with *result set (caller decrefs);
 * otherwise prints what failed and what to do on stderr and returns
 * EXIT_FAIL (*result NULL). */
int cli_call(const struct cli_opts *opts, const char *method, json_t *params,
	     json_t **result);

/* Calls method and, with --json, prints the result as it is; otherwise
 * hands it to show(). The usual body of a read command. */
int cli_call_show(const struct cli_opts *opts, const char *method, json_t *params,
		  void (*show)(const json_t *result));

/* Online commands. argv[0] is the command name. */
int cli_status(const struct cli_opts *opts, int argc, char **argv);
int cli_reload(const struct cli_opts *opts, int argc, char **argv);
int cli_feeds(const struct cli_opts *opts, int argc, char **argv);
int cli_feed(const struct cli_opts *opts, int argc, char **argv);
int cli_articles(const struct cli_opts *opts, int argc, char **argv);
int cli_agreements(const struct cli_opts *opts, int argc, char **argv);
int cli_agreement(const struct cli_opts *opts, int argc, char **argv);
int cli_upcoming(const struct cli_opts *opts, int argc, char **argv);
int cli_reminders(const struct cli_opts *opts, int argc, char **argv);
int cli_reminder(const struct cli_opts *opts, int argc, char **argv);
int cli_search(const struct cli_opts *opts, int argc, char **argv);
int cli_channels(const struct cli_opts *opts, int argc, char **argv);
int cli_channel(const struct cli_opts *opts, int argc, char **argv);
int cli_export_ics(const struct cli_opts *opts, int argc, char **argv);

/* Parses a whole non-negative number for option name; prints a usage
 * error and returns false when s is not one. */
bool cli_parse_count(const char *name, const char *s, long max, long *out);

#endif
