/* control.c: the control socket's server: the listening Unix socket (mode,
 * group, stale files), accepting clients and who may connect (SO_PEERCRED,
 * SO_PEERGROUPS). One client's reading, replies and limits are in
 * control_conn.c; what a request does is in control_methods.c and the
 * files it names. */
#include "config.h"
#include "control_priv.h"
#include "daemon.h"
#include "db_watch.h"
#include "log.h"
#include "xalloc.h"

#include <errno.h>
#include <event2/buffer.h>
#include <event2/event.h>
#include <grp.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

/* ---- who may connect ---- */

static bool gid_in(const gid_t *groups, size_t n, gid_t group)
{
	for (size_t i = 0; i < n; i++)
		if (groups[i] == group)
			return true;
	return false;
}

/* The peer's supplementary groups as the kernel recorded them at connect()
 * (SO_PEERGROUPS, Linux >= 4.13): their count, the list in *out (malloc'd,
 * the caller frees it), or -1 when the kernel lacks the option. */
static int peer_groups(int fd, gid_t **out)
{
	*out = NULL;
#ifdef SO_PEERGROUPS
	socklen_t len = 64 * sizeof(gid_t);
	for (int tries = 0; tries < 4; tries++) {
		gid_t *g = xmalloc(len > 0 ? len : sizeof(gid_t));
		socklen_t got = len;
		if (getsockopt(fd, SOL_SOCKET, SO_PEERGROUPS, g, &got) == 0) {
			*out = g;
			return (int)(got / sizeof(gid_t));
		}
		free(g);
		if (errno != ERANGE)
			break;
		len = got;  /* the kernel said how much room the list needs */
	}
#else
	(void)fd;
#endif
	return -1;
}

/* The fallback without SO_PEERGROUPS: uid's groups in the group database
 * (/etc/group, NSS), which may differ from what the peer process holds. */
static bool uid_in_group(uid_t uid, gid_t group)
{
	struct passwd *pw = getpwuid(uid);
	int n = 64;
	gid_t *groups = NULL;
	bool in = false;

	if (pw == NULL)
		return false;
	if (pw->pw_gid == group)
		return true;
	for (int tries = 0; tries < 4 && !in; tries++) {
		int want = n;
		groups = xrealloc(groups, (size_t)want * sizeof *groups);
		if (getgrouplist(pw->pw_name, pw->pw_gid, groups, &n) >= 0) {
			in = gid_in(groups, (size_t)n, group);
			break;
		}
		if (n <= want)  /* no larger size given: give up */
			break;
	}
	free(groups);
	return in;
}

/* Root, the daemon's own user, and members of socket_group: by the peer's
 * primary gid or its supplementary groups as the kernel gives them, or
 * (kernels before 4.13) as the group database lists them for its uid. */
static bool peer_allowed(const struct control *c, int fd, const struct ucred *cr)
{
	if (cr->uid == 0 || cr->uid == geteuid())
		return true;
	if (!c->has_group)
		return false;
	if (cr->gid == c->group)
		return true;
	gid_t *groups;
	int n = peer_groups(fd, &groups);
	bool in = n >= 0 ? gid_in(groups, (size_t)n, c->group) : uid_in_group(cr->uid, c->group);
	free(groups);
	return in;
}

static void on_accept(struct evconnlistener *l, evutil_socket_t fd, struct sockaddr *sa,
		      int salen, void *arg)
{
	(void)l;
	(void)sa;
	(void)salen;
	struct control *c = arg;
	struct ucred cr = { .pid = 0, .uid = (uid_t)-1, .gid = (gid_t)-1 };
	socklen_t crlen = sizeof cr;
	bool allowed = getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cr, &crlen) == 0 &&
		       peer_allowed(c, fd, &cr);

	control_conn_start(c, fd, &cr, allowed);
}

static void on_accept_error(struct evconnlistener *l, void *arg)
{
	(void)l;
	(void)arg;
	/* EMFILE and the like: log, keep listening; the client retries. */
	log_warn("control: accept failed: %s", strerror(errno));
}

/* ---- the socket file ---- */

/* A socket file left by a daemon that died is removed; one a live daemon
 * answers on is not. */
static bool clear_stale_socket(const char *path, const struct sockaddr_un *sun)
{
	struct stat st;

	if (lstat(path, &st) < 0)
		return errno == ENOENT;
	if (!S_ISSOCK(st.st_mode)) {
		log_err("control: %s exists and is not a socket; remove it or set [daemon] socket", path);
		return false;
	}
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd >= 0 && connect(fd, (const struct sockaddr *)sun, sizeof *sun) == 0) {
		close(fd);
		log_err("control: another mouwatchd answers on %s; stop it first "
			"(systemctl stop mouwatchd)", path);
		return false;
	}
	if (fd >= 0)
		close(fd);
	unlink(path);
	return true;
}

static bool resolve_group(struct control *c, const char *name)
{
	if (name == NULL || *name == '\0')
		return true;
	struct group *g = getgrnam(name);
	if (g == NULL) {
		log_err("control: [daemon] socket_group '%s' is no group on this system; create it "
			"(systemd-sysusers) or leave socket_group empty", name);
		return false;
	}
	c->has_group = true;
	c->group = g->gr_gid;
	return true;
}

static int bind_socket(struct control *c)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };

	if (strlen(c->path) >= sizeof sun.sun_path) {
		log_err("control: socket path %s is longer than %zu bytes; choose a shorter [daemon] socket",
			c->path, sizeof sun.sun_path - 1);
		return -1;
	}
	strcpy(sun.sun_path, c->path);
	if (!clear_stale_socket(c->path, &sun))
		return -1;
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	mode_t old = umask(0117);
	int rc = fd < 0 ? -1 : bind(fd, (struct sockaddr *)&sun, sizeof sun);
	umask(old);
	if (rc < 0) {
		log_err("control: cannot bind %s: %s; check that its directory exists and is "
			"writable by the daemon's user", c->path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (chmod(c->path, 0660) < 0 ||
	    (c->has_group && chown(c->path, (uid_t)-1, c->group) < 0))
		log_warn("control: cannot set mode 0660 and group of %s: %s; members of "
			 "socket_group may be unable to connect", c->path, strerror(errno));
	return fd;
}

static int idle_timeout(void)
{
	const char *s = getenv("MOUWATCH_CONTROL_TIMEOUT");
	int v = s ? atoi(s) : 0;

	return v > 0 ? v : CONTROL_IDLE_TIMEOUT_S;
}

/* The STATUS= refresh period; MOUWATCH_STATUS_INTERVAL (seconds) sets it
 * for tests and for operators who want a livelier 'systemctl status'. */
static int status_interval(void)
{
	const char *s = getenv("MOUWATCH_STATUS_INTERVAL");
	int v = s ? atoi(s) : 0;

	return v > 0 ? v : CONTROL_STATUS_INTERVAL_S;
}

static void on_status_timer(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	control_status_refresh(arg);
}

static bool open_ro_db(struct control *c)
{
	struct db_options o = { .read_only = true, .busy_timeout_ms = 2000 };
	char *err = NULL;

	c->ro = db_open(c->d->cfg->daemon.database, &o, &err);
	if (c->ro == NULL) {
		log_err("control: cannot open %s read-only: %s", c->d->cfg->daemon.database, err);
		free(err);
		return false;
	}
	/* Requests are answered on the loop: a lock never holds it long. */
	db_set_fail_fast(c->ro, DAEMON_DB_WAIT_MS);
	return true;
}

struct control *control_new(struct daemon *d)
{
	struct control *c = xcalloc(1, sizeof *c);
	struct timeval every = { status_interval(), 0 };
	int fd;

	c->d = d;
	c->path = xstrdup(d->cfg->daemon.socket);
	c->idle_timeout_s = idle_timeout();
	/* Tests shorten every limit at once with MOUWATCH_CONTROL_TIMEOUT. */
	c->write_timeout_s = c->idle_timeout_s;
	c->request_deadline_s = c->idle_timeout_s < CONTROL_REQUEST_DEADLINE_S
		? c->idle_timeout_s : CONTROL_REQUEST_DEADLINE_S;
	if (!resolve_group(c, d->cfg->daemon.socket_group) || !open_ro_db(c) ||
	    (fd = bind_socket(c)) < 0)
		goto fail;
	c->listener = evconnlistener_new(d->base, on_accept, c,
					 LEV_OPT_CLOSE_ON_FREE | LEV_OPT_CLOSE_ON_EXEC, 128, fd);
	if (c->listener == NULL) {
		log_err("control: cannot listen on %s: %s", c->path, strerror(errno));
		close(fd);
		goto fail;
	}
	evconnlistener_set_error_cb(c->listener, on_accept_error);
	c->status_timer = event_new(d->base, -1, EV_PERSIST, on_status_timer, c);
	event_add(c->status_timer, &every);
	log_info("control socket listening on %s", c->path);
	return c;
fail:
	control_free(c);
	return NULL;
}

void control_free(struct control *c)
{
	if (c == NULL)
		return;
	while (c->conns)
		control_conn_free(c->conns);
	if (c->listener) {
		evconnlistener_free(c->listener);
		unlink(c->path);
	}
	if (c->status_timer)
		event_free(c->status_timer);
	db_close(c->ro);
	free(c->path);
	free(c);
}
