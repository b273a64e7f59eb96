/* supervise.c: owns the start, restart and stop of mouwatchd's child
 * processes (the workers of --workers N). */
#include "supervise.h"
#include "log.h"
#include "xalloc.h"

#include <errno.h>
#include <stdio.h>
#include <libgen.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#define BACKOFF_MAX_S 60
/* A worker that ran this long before it died was not failing at start
 * (bad configuration, no Redis): it is restarted after 1 s, not after a
 * back-off that doubles to a minute. With 60 s, a worker killed every
 * 20-40 s (the soak, an OOM killer) spent most of its time waiting. */
#define HEALTHY_AFTER_S 10

void supervisor_init(struct supervisor *s, struct event_base *base)
{
	memset(s, 0, sizeof *s);
	s->base = base;
	s->parent_pid = getpid();
}

static char **copy_argv(char *const argv[])
{
	size_t n = 0;
	while (argv[n])
		n++;
	char **copy = xcalloc(n + 1, sizeof *copy);
	for (size_t i = 0; i < n; i++)
		copy[i] = xstrdup(argv[i]);
	return copy;
}

static void spawn(struct supervised *c);

static void restart_cb(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	struct supervised *c = arg;
	if (!c->sup->stopping)
		spawn(c);
}

void supervisor_add(struct supervisor *s, const char *name, char *const argv[])
{
	s->children = xrealloc(s->children, (s->n + 1) * sizeof *s->children);
	struct supervised *c = &s->children[s->n++];
	memset(c, 0, sizeof *c);
	c->name = xstrdup(name);
	c->argv = copy_argv(argv);
	c->backoff_s = 1;
	/* The array may move on the next add: timers are created at start. */
}

static void spawn(struct supervised *c)
{
	pid_t pid = fork();

	if (pid < 0) {
		log_err("cannot start %s: fork: %s; retrying in %d s", c->name, strerror(errno), c->backoff_s);
		struct timeval tv = { c->backoff_s, 0 };
		evtimer_add(c->restart_timer, &tv);
		return;
	}
	if (pid == 0) {
		/* Children must not inherit the daemon's blocked or handled signals. */
		sigset_t none;
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		/* A daemon killed with SIGKILL cannot stop its workers: the
		 * kernel tells them instead. */
		prctl(PR_SET_PDEATHSIG, SIGTERM);
		if (getppid() != c->sup->parent_pid)
			_exit(0); /* the parent died before prctl took effect */
		execv(c->argv[0], c->argv);
		log_err("cannot run %s: %s", c->argv[0], strerror(errno));
		_exit(127);
	}
	c->pid = pid;
	c->started_at = time(NULL);
	log_info("started %s (pid %d)", c->name, (int)pid);
}

void supervisor_start_all(struct supervisor *s)
{
	for (size_t i = 0; i < s->n; i++) {
		struct supervised *c = &s->children[i];
		c->sup = s;
		if (c->restart_timer == NULL)
			c->restart_timer = evtimer_new(s->base, restart_cb, c);
		if (c->pid == 0)
			spawn(c);
	}
}

static void describe_exit(int status, char *buf, size_t len)
{
	if (WIFEXITED(status))
		snprintf(buf, len, "exited with status %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(buf, len, "was killed by signal %d (%s)", WTERMSIG(status), strsignal(WTERMSIG(status)));
	else
		snprintf(buf, len, "stopped (status 0x%x)", status);
}

bool supervise_reaped(struct supervisor *s, pid_t pid, int status)
{
	for (size_t i = 0; i < s->n; i++) {
		struct supervised *c = &s->children[i];
		if (c->pid != pid)
			continue;
		c->pid = 0;
		if (s->stopping)
			return true;
		char how[128];
		describe_exit(status, how, sizeof how);
		if (time(NULL) - c->started_at >= HEALTHY_AFTER_S)
			c->backoff_s = 1;
		log_warn("%s (pid %d) %s; restarting it in %d s", c->name, (int)pid, how, c->backoff_s);
		struct timeval tv = { c->backoff_s, 0 };
		evtimer_add(c->restart_timer, &tv);
		c->restarts++;
		c->backoff_s = c->backoff_s * 2 > BACKOFF_MAX_S ? BACKOFF_MAX_S : c->backoff_s * 2;
		return true;
	}
	return false;
}

size_t supervisor_alive(const struct supervisor *s)
{
	size_t n = 0;
	for (size_t i = 0; i < s->n; i++)
		n += s->children[i].pid > 0;
	return n;
}

void supervisor_stop_all(struct supervisor *s, int timeout_ms)
{
	s->stopping = true;
	for (size_t i = 0; i < s->n; i++) {
		if (s->children[i].restart_timer)
			evtimer_del(s->children[i].restart_timer);
		if (s->children[i].pid > 0)
			kill(s->children[i].pid, SIGTERM);
	}
	for (int waited = 0; waited <= timeout_ms && supervisor_alive(s) > 0; waited += 20) {
		for (size_t i = 0; i < s->n; i++)
			if (s->children[i].pid > 0 && waitpid(s->children[i].pid, NULL, WNOHANG) == s->children[i].pid)
				s->children[i].pid = 0;
		if (supervisor_alive(s) > 0)
			usleep(20000);
	}
	for (size_t i = 0; i < s->n; i++) {
		struct supervised *c = &s->children[i];
		if (c->pid > 0) {
			log_warn("%s (pid %d) did not stop within %d ms; killing it", c->name, (int)c->pid, timeout_ms);
			kill(c->pid, SIGKILL);
			waitpid(c->pid, NULL, 0);
			c->pid = 0;
		}
	}
}

void supervisor_free(struct supervisor *s)
{
	for (size_t i = 0; i < s->n; i++) {
		struct supervised *c = &s->children[i];
		free(c->name);
		for (char **a = c->argv; *a; a++)
			free(*a);
		free(c->argv);
		if (c->restart_timer)
			event_free(c->restart_timer);
	}
	free(s->children);
	memset(s, 0, sizeof *s);
}

char *supervise_worker_binary(void)
{
	const char *env = getenv("MOUWATCH_WORKER");
	char self[PATH_MAX];
	ssize_t n;

	if (env && *env)
		return xstrdup(env);
	n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n > 0) {
		self[n] = '\0';
		char *dir = dirname(self);
		const char *candidates[] = { "../workers/mouwatch-worker", "mouwatch-worker" };
		for (size_t i = 0; i < 2; i++) {
			char *p = xasprintf("%s/%s", dir, candidates[i]);
			if (access(p, X_OK) == 0)
				return p;
			free(p);
		}
	}
	return xstrdup(SBINDIR "/mouwatch-worker");
}
