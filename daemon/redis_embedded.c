/* redis_embedded.c: owns the life of the embedded redis-server process. */
#include "redis_embedded.h"
#include "redis_conn.h"
#include "log.h"
#include "xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

void redis_embedded_init(struct redis_embedded *r, const char *state_dir, const char *binary)
{
	memset(r, 0, sizeof *r);
	r->dir = xstrdup(state_dir);
	r->socket_path = xasprintf("%s/redis.sock", state_dir);
	r->binary = xstrdup(binary && *binary ? binary : "redis-server");
}

static void sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };
	nanosleep(&ts, NULL);
}

static bool answers_ping(const char *path)
{
	struct redis_target t = { .path = path };
	char *err = NULL;
	redisContext *c = redis_connect(&t, 200, &err);

	if (c == NULL) {
		free(err);
		return false;
	}
	redisReply *rep = redis_command_checked(c, &err, "PING");
	bool ok = rep != NULL;
	if (rep)
		freeReplyObject(rep);
	free(err);
	redisFree(c);
	return ok;
}

/* In the child: exec redis-server; never returns. The server writes its own
 * log in the state directory so that its messages do not mix with ours. */
static void exec_server(const struct redis_embedded *r)
{
	char *logfile = xasprintf("%s/redis.log", r->dir);
	char *const argv[] = {
		r->binary, "--port", "0", "--unixsocket", r->socket_path,
		"--unixsocketperm", "700", "--dir", r->dir,
		"--appendonly", "yes", "--appendfsync", "everysec", "--save", "",
		"--daemonize", "no", "--logfile", logfile,
		"--maxmemory-policy", "noeviction", NULL,
	};
	int devnull = open("/dev/null", O_RDWR);

	if (devnull >= 0) {
		dup2(devnull, STDIN_FILENO);
		dup2(devnull, STDOUT_FILENO);
	}
	setpgid(0, 0); /* a Ctrl-C to the daemon's terminal must not kill it first */
	/* If the daemon is killed outright, Redis shuts down cleanly (and
	 * flushes its append-only file) rather than linger beside the next
	 * daemon's own server on the same directory. */
	prctl(PR_SET_PDEATHSIG, SIGTERM);
	execvp(r->binary, argv);
	fprintf(stderr, "cannot run %s: %s\n", r->binary, strerror(errno));
	_exit(127);
}

bool redis_embedded_start(struct redis_embedded *r, int timeout_ms, char **err)
{
	if (r->pid > 0)
		return true;
	unlink(r->socket_path); /* a stale socket from a crash */
	pid_t pid = fork();
	if (pid < 0) {
		*err = xasprintf("cannot start the embedded redis-server: fork: %s", strerror(errno));
		return false;
	}
	if (pid == 0)
		exec_server(r);
	r->pid = pid;
	for (int waited = 0; waited < timeout_ms; waited += 50) {
		int status;
		if (waitpid(pid, &status, WNOHANG) == pid) {
			r->pid = 0;
			*err = xasprintf("the embedded redis-server (%s) exited at start-up with status %d; "
					 "see %s/redis.log", r->binary,
					 WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), r->dir);
			return false;
		}
		if (answers_ping(r->socket_path)) {
			log_info("embedded redis-server started (pid %d, socket %s)", (int)pid, r->socket_path);
			return true;
		}
		sleep_ms(50);
	}
	redis_embedded_stop(r, 1000);
	*err = xasprintf("the embedded redis-server did not answer within %d ms; see %s/redis.log",
			 timeout_ms, r->dir);
	return false;
}

void redis_embedded_stop(struct redis_embedded *r, int timeout_ms)
{
	if (r->pid <= 0)
		return;
	kill(r->pid, SIGTERM);
	for (int waited = 0; waited < timeout_ms; waited += 20) {
		if (waitpid(r->pid, NULL, WNOHANG) == r->pid) {
			r->pid = 0;
			return;
		}
		sleep_ms(20);
	}
	log_warn("embedded redis-server (pid %d) did not stop within %d ms; killing it",
		 (int)r->pid, timeout_ms);
	kill(r->pid, SIGKILL);
	waitpid(r->pid, NULL, 0);
	r->pid = 0;
}

bool redis_embedded_reaped(struct redis_embedded *r, pid_t pid)
{
	if (r->pid <= 0 || pid != r->pid)
		return false;
	r->pid = 0;
	return true;
}

void redis_embedded_free(struct redis_embedded *r)
{
	free(r->dir);
	free(r->socket_path);
	free(r->binary);
	memset(r, 0, sizeof *r);
}
