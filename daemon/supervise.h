/* supervise.h: child processes mouwatchd starts and keeps running: the
 * workers of `--workers N` (the single-host mode; under systemd each worker
 * is its own unit instead). A child that exits is restarted after a
 * back-off that grows while it keeps dying and resets once it has run for
 * a minute. SIGCHLD is handled by the daemon, which calls supervise_reaped. */
#ifndef MW_SUPERVISE_H
#define MW_SUPERVISE_H

#include <event2/event.h>
#include <stdbool.h>
#include <sys/types.h>
#include <time.h>

struct supervised {
	char *name;            /* "worker-1" (owned) */
	char **argv;           /* NULL-terminated, owned */
	pid_t pid;             /* 0 while not running */
	time_t started_at;
	int restarts;
	int backoff_s;
	struct event *restart_timer;
	struct supervisor *sup;
};

struct supervisor {
	struct event_base *base;
	struct supervised *children;  /* owned array */
	size_t n;
	bool stopping;
	pid_t parent_pid;
};

/* argv is copied. */
void supervisor_init(struct supervisor *s, struct event_base *base);
void supervisor_add(struct supervisor *s, const char *name, char *const argv[]);
void supervisor_start_all(struct supervisor *s);
/* Returns true when pid was one of ours (a restart is then scheduled). */
bool supervise_reaped(struct supervisor *s, pid_t pid, int status);
size_t supervisor_alive(const struct supervisor *s);
/* SIGTERM to every child, wait up to timeout_ms, SIGKILL the rest. */
void supervisor_stop_all(struct supervisor *s, int timeout_ms);
void supervisor_free(struct supervisor *s);

/* The mouwatch-worker binary beside this mouwatchd (build tree or install):
 * $MOUWATCH_WORKER, else ../workers/mouwatch-worker or ./mouwatch-worker
 * relative to this executable, else SBINDIR. Caller frees. */
char *supervise_worker_binary(void);

#endif
