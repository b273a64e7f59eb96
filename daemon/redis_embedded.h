/* redis_embedded.h: the redis-server mouwatchd starts itself when the
 * configuration names no Redis (`redis =` empty). It listens only on a Unix
 * socket in the state directory, keeps an append-only file there so queued
 * articles survive a restart, and is stopped with the daemon. */
#ifndef MW_REDIS_EMBEDDED_H
#define MW_REDIS_EMBEDDED_H

#include <stdbool.h>
#include <sys/types.h>

struct redis_embedded {
	char *dir;          /* state directory (owned) */
	char *socket_path;  /* <dir>/redis.sock (owned) */
	char *binary;       /* redis-server path (owned) */
	pid_t pid;          /* 0 when not running */
};

/* Fills r (paths derived from state_dir) without starting anything. */
void redis_embedded_init(struct redis_embedded *r, const char *state_dir, const char *binary);
/* Starts redis-server and waits until it answers PING (up to timeout_ms).
 * Returns false and sets *err (caller frees) when it cannot. */
bool redis_embedded_start(struct redis_embedded *r, int timeout_ms, char **err);
/* SIGTERM, wait up to timeout_ms, then SIGKILL. Safe when not running. */
void redis_embedded_stop(struct redis_embedded *r, int timeout_ms);
/* Called with a pid reaped by the daemon's SIGCHLD handler: true when it
 * was the embedded server (which is then marked not running). */
bool redis_embedded_reaped(struct redis_embedded *r, pid_t pid);
void redis_embedded_free(struct redis_embedded *r);

#endif
