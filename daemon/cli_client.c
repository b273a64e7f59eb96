/* cli_client.c: connects to mouwatchd's control socket, sends one JSON
 * request line and reads one JSON reply line; turns protocol errors and
 * a daemon that is not running into clear messages. */
#include "cli_client.h"
#include "cli_out.h"
#include "mwconfig.h"
#include "strbuf.h"
#include "xalloc.h"

#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define DEFAULT_SOCKET RUNSTATEDIR "/mouwatch/mouwatchd.sock"
#define REPLY_TIMEOUT_S 300      /* a reload or a large query may take a while */
#define REPLY_MAX (512u << 20)

struct socket_scan {
	char *socket;   /* owned: the last [daemon] socket value */
};

static int scan_handler(void *user, const char *section, const char *name, const char *value)
{
	struct socket_scan *sc = user;

	if (strcmp(section, "daemon") == 0 && strcmp(name, "socket") == 0) {
		free(sc->socket);
		sc->socket = xstrdup(value);
	}
	return 1;
}

/* [daemon] socket read leniently, for a file the full loader refuses:
 * 'mouwatch reload' must reach the daemon to show what is wrong with the
 * new file. Relative paths are resolved as the loader does. Caller frees;
 * NULL when the file cannot be read or names no socket. */
static char *scan_socket(const char *config)
{
	struct socket_scan sc = { NULL };
	char *path;

	if (ini_parse(config, scan_handler, &sc) < 0 || sc.socket == NULL || *sc.socket == '\0') {
		free(sc.socket);
		return NULL;
	}
	if (sc.socket[0] == '/')
		return sc.socket;
	const char *slash = strrchr(config, '/');
	path = slash ? xasprintf("%.*s/%s", (int)(slash - config), config, sc.socket)
		     : xstrdup(sc.socket);
	free(sc.socket);
	return path;
}

char *cli_socket_path(const struct cli_opts *opts)
{
	const char *env = getenv("MOUWATCH_SOCKET");
	const char *file = config_default_path(opts->config_path);
	struct strbuf errors = STRBUF_INIT;
	struct mw_config *cfg;
	char *path;

	if (opts->socket_path)
		return xstrdup(opts->socket_path);
	if (env && *env)
		return xstrdup(env);
	cfg = config_load(file, &errors);
	strbuf_free(&errors);
	if (cfg) {
		path = xstrdup(cfg->daemon.socket);
		config_free(cfg);
		return path;
	}
	path = scan_socket(file);
	return path ? path : xstrdup(DEFAULT_SOCKET);
}

static int connect_to(const char *path)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	struct timeval tv = { REPLY_TIMEOUT_S, 0 };
	int fd;

	if (strlen(path) >= sizeof sun.sun_path) {
		fprintf(stderr, "mouwatch: socket path %s is too long\n", path);
		return -1;
	}
	strcpy(sun.sun_path, path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || connect(fd, (struct sockaddr *)&sun, sizeof sun) < 0) {
		int e = errno;
		fprintf(stderr, "mouwatch: cannot connect to %s: %s — %s\n", path, strerror(e),
			e == EACCES ? "are you root or in the socket's group (socket_group)?"
				    : "is mouwatchd running? (systemctl status mouwatchd)");
		if (fd >= 0)
			close(fd);
		return -1;
	}
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
	return fd;
}

static bool send_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = send(fd, s, n, MSG_NOSIGNAL);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		s += w;
		n -= (size_t)w;
	}
	return true;
}

/* Reads up to the first newline. NULL on error or EOF before it, said on
 * stderr unless quiet. */
static char *read_line(int fd, const char *path, bool quiet)
{
	struct strbuf b = STRBUF_INIT;
	char buf[8192];

	for (;;) {
		ssize_t n = recv(fd, buf, sizeof buf, 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0 || b.len > REPLY_MAX) {
			if (!quiet)
				fprintf(stderr, "mouwatch: %s: %s\n", path, n == 0 ? "the daemon closed the "
				"connection without a reply (see its log: journalctl -u mouwatchd)"
				: n < 0 ? strerror(errno) : "reply too large");
			strbuf_free(&b);
			return NULL;
		}
		strbuf_append(&b, buf, (size_t)n);
		if (memchr(buf, '\n', (size_t)n))
			return strbuf_steal(&b);
	}
}

static json_t *request_json(const char *method, json_t *params)
{
	return json_pack("{s:i, s:i, s:s, s:o}", "v", 1, "id", 1, "method", method, "params",
			 params ? params : json_object());
}

/* Returns the reply object or NULL after printing why. */
static json_t *exchange(const char *path, const char *method, json_t *params)
{
	json_t *req = request_json(method, params), *reply = NULL;
	char *text = json_dumps(req, JSON_COMPACT), *line = NULL;
	int fd = connect_to(path);
	json_error_t jerr;

	json_decref(req);
	/* A daemon that refuses the client (permission, too many clients)
	 * replies and closes at once, so sending may fail with EPIPE while
	 * its reply is waiting to be read: read it either way. */
	if (fd >= 0) {
		bool sent = send_all(fd, text, strlen(text)) && send_all(fd, "\n", 1);
		int send_errno = errno;
		line = read_line(fd, path, !sent);
		if (!sent && line == NULL)
			fprintf(stderr, "mouwatch: cannot send to %s: %s\n", path, strerror(send_errno));
	}
	if (line && !(reply = json_loads(line, 0, &jerr)))
		fprintf(stderr, "mouwatch: the daemon's reply is not JSON (%s); is %s a mouwatchd "
			"socket?\n", jerr.text, path);
	if (fd >= 0)
		close(fd);
	free(text);
	free(line);
	return reply;
}

int cli_call(const struct cli_opts *opts, const char *method, json_t *params,
	     json_t **result)
{
	char *path = cli_socket_path(opts);
	json_t *reply = exchange(path, method, params);
	json_t *err = json_object_get(reply, "error");

	*result = NULL;
	free(path);
	if (reply == NULL)
		return EXIT_FAIL;
	if (json_is_true(json_object_get(reply, "ok"))) {
		*result = json_incref(json_object_get(reply, "result"));
		json_decref(reply);
		return EXIT_OK;
	}
	fprintf(stderr, "mouwatch: %s (%s)\n", cli_jstr(err, "message") ? cli_jstr(err, "message")
		: "the daemon refused the request", cli_jstr(err, "code") ? cli_jstr(err, "code") : "?");
	json_decref(reply);
	return EXIT_FAIL;
}

int cli_call_show(const struct cli_opts *opts, const char *method, json_t *params,
		  void (*show)(const json_t *result))
{
	json_t *res;
	int rc = cli_call(opts, method, params, &res);

	if (rc != EXIT_OK)
		return rc;
	if (opts->json)
		cli_print_json(res);
	else
		show(res);
	json_decref(res);
	return EXIT_OK;
}

bool cli_parse_count(const char *name, const char *s, long max, long *out)
{
	char *end;

	errno = 0;
	*out = strtol(s, &end, 10);
	if (errno || end == s || *end || *out < 0 || *out > max) {
		fprintf(stderr, "mouwatch: %s takes a whole number from 0 to %ld, not '%s'\n",
			name, max, s);
		return false;
	}
	return true;
}
