/* redis_conn.h: where Redis is and how to reach it synchronously.
 * A redis_target describes a server (TCP or Unix socket, database number,
 * password); redis_connect() opens a blocking hiredis context to it with
 * AUTH and SELECT done. The daemon's async client is in daemon/outbox.c. */
#ifndef MW_REDIS_CONN_H
#define MW_REDIS_CONN_H

#include <hiredis/hiredis.h>
#include <stdbool.h>

/* Strings are borrowed: the target does not own them. */
struct redis_target {
	const char *host;      /* NULL when path is set */
	int port;
	const char *path;      /* Unix socket path, or NULL */
	int db;
	const char *password;  /* NULL or "" for none */
};

/* Connects with the given timeout (milliseconds) for connect and for each
 * command. Returns NULL and sets *err (caller frees) on failure. */
redisContext *redis_connect(const struct redis_target *t, int timeout_ms, char **err);

/* "unix:/run/x.sock db 0" or "127.0.0.1:6379 db 2" for log lines; static buffer. */
const char *redis_target_describe(const struct redis_target *t);

struct mw_config;
/* The Redis a configuration names: the configured server, or the embedded
 * server's socket in state_dir. Strings are borrowed from cfg, except
 * *owned_path (NULL or a path the caller frees). */
void redis_target_from_config(const struct mw_config *cfg, struct redis_target *t,
			      char **owned_path);

/* Runs a command and checks the reply is not an error. On failure sets
 * *err (caller frees) and returns NULL; else the reply (caller frees with
 * freeReplyObject). */
redisReply *redis_command_checked(redisContext *c, char **err, const char *fmt, ...);

#endif
