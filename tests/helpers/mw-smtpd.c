/* mw-smtpd.c: the SMTP sink of the mouwatch test suite: a small real SMTP
 * server (RFC 5321 subset: EHLO/HELO, AUTH PLAIN, MAIL, RCPT, DATA, RSET,
 * NOOP, QUIT, and STARTTLS) on 127.0.0.1, one libevent loop, that stores
 * each accepted message and logs the dialogue, and can be told to fail.
 *
 *   mw-smtpd --dir DIR [--port-file F] [--fail-first N] [--reject]
 *            [--max-seconds N] [--tls-cert PEM --tls-key PEM [--implicit-tls]]
 *
 * With a certificate and key it offers STARTTLS (RFC 3207) after EHLO, or
 * with --implicit-tls speaks TLS from the first byte (smtps://, RFC 8314);
 * the log gets "-- tls" once a handshake succeeded and "-- tls failed:
 * REASON" when the client gave up (e.g. it does not trust the cert).
 *
 * Listens on a port the kernel picks; writes it to --port-file (by rename)
 * or prints it. Message number K (from 1, counting every DATA) is stored
 * as DIR/K.eml when accepted. DIR/dialogue.log has one line per command
 * and reply ("C: ..." / "S: ..."); AUTH lines are logged as "AUTH PLAIN
 * (user NAME)" and DIR/auth gets "NAME\nPASSWORD" of the last login, so a
 * test can check the password was sent without it reaching a log.
 * --fail-first N answers 451 to the end of the first N messages; --reject
 * answers 550 to every RCPT. Stops after --max-seconds (default 300) and
 * on SIGTERM/SIGINT. */
#include <errno.h>
#include <getopt.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>
#include <event2/bufferevent_ssl.h>
#include <event2/listener.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>

#include "xalloc.h"

struct sink {
	const char *dir;
	FILE *log;
	int fail_first;
	int reject;
	int messages;        /* DATA commands seen */
	struct event_base *base;
	SSL_CTX *tls;        /* NULL: no TLS offered */
	int implicit_tls;
};

/* One client connection; freed when it closes. */
struct session {
	struct sink *s;
	struct bufferevent *bev;
	int in_data;
	int auth_wait;       /* AUTH PLAIN sent without its argument */
	FILE *msg;           /* the message being received (a temp file) */
	char *msg_path;
	int msg_no;          /* this message's number */
	int tls;             /* the session is encrypted */
};

static void say(struct session *c, const char *reply)
{
	fprintf(c->s->log, "S: %s\n", reply);
	fflush(c->s->log);
	evbuffer_add_printf(bufferevent_get_output(c->bev), "%s\r\n", reply);
}

static void session_free(struct session *c)
{
	if (c->msg) {
		fclose(c->msg);
		unlink(c->msg_path);
	}
	free(c->msg_path);
	bufferevent_free(c->bev);
	free(c);
}

/* AUTH PLAIN base64("\0user\0password"): logs the user, saves both. */
static void auth_plain(struct session *c, const char *b64)
{
	unsigned char raw[512] = { 0 };
	int n = EVP_DecodeBlock(raw, (const unsigned char *)b64, (int)strlen(b64));
	char path[4096];

	if (n <= 0 || n >= (int)sizeof raw - 1) {
		say(c, "501 5.5.2 cannot decode the AUTH PLAIN argument");
		return;
	}
	const char *user = (const char *)raw + strlen((char *)raw) + 1;
	const char *pass = user + strlen(user) + 1;
	fprintf(c->s->log, "C: AUTH PLAIN (user %s)\n", user);
	snprintf(path, sizeof path, "%s/auth", c->s->dir);
	FILE *f = fopen(path, "w");
	if (f) {
		fprintf(f, "%s\n%s\n", user, pass);
		fclose(f);
	}
	say(c, "235 2.7.0 Authentication successful");
}

static void start_data(struct session *c)
{
	c->msg_no = ++c->s->messages;
	c->msg_path = xasprintf("%s/.incoming.%d", c->s->dir, c->msg_no);
	c->msg = fopen(c->msg_path, "w");
	c->in_data = 1;
	say(c, "354 End data with <CR><LF>.<CR><LF>");
}

static void end_data(struct session *c)
{
	char *final = xasprintf("%s/%d.eml", c->s->dir, c->msg_no);

	fclose(c->msg);
	c->msg = NULL;
	c->in_data = 0;
	if (c->msg_no <= c->s->fail_first) {
		unlink(c->msg_path);
		say(c, "451 4.3.0 Try again later (mw-smtpd --fail-first)");
	} else {
		rename(c->msg_path, final);
		say(c, "250 2.0.0 Ok: queued");
	}
	free(final);
	free(c->msg_path);
	c->msg_path = NULL;
}

static void data_line(struct session *c, const char *line)
{
	if (strcmp(line, ".") == 0) {
		end_data(c);
		return;
	}
	if (c->msg)
		fprintf(c->msg, "%s\r\n", line[0] == '.' ? line + 1 : line);
}

static void on_read(struct bufferevent *bev, void *arg);
static void on_write(struct bufferevent *bev, void *arg);
static void on_event(struct bufferevent *bev, short what, void *arg);

/* A new server-side TLS object, or NULL (logged). */
static SSL *tls_new(struct session *c)
{
	SSL *ssl = SSL_new(c->s->tls);

	if (!ssl)
		fprintf(c->s->log, "-- tls failed: SSL_new\n");
	return ssl;
}

/* STARTTLS: "220" in clear, then the same socket speaks TLS through a
 * filter bufferevent that takes over the plain one (and frees it). */
static void starttls(struct session *c)
{
	SSL *ssl;

	if (!c->s->tls || c->tls) {
		say(c, "502 5.5.1 STARTTLS not offered here");
		return;
	}
	say(c, "220 2.0.0 Ready to start TLS");
	if (!(ssl = tls_new(c)))
		return;
	struct bufferevent *b = bufferevent_openssl_filter_new(c->s->base, c->bev, ssl,
		BUFFEREVENT_SSL_ACCEPTING, BEV_OPT_CLOSE_ON_FREE);
	if (!b) {
		SSL_free(ssl);
		return;
	}
	c->bev = b;
	c->tls = 1;
	bufferevent_setcb(b, on_read, on_write, on_event, c);
	bufferevent_enable(b, EV_READ | EV_WRITE);
}

/* Returns 0 to keep the connection, -1 to close it after the reply, 1
 * when the connection changed (STARTTLS): stop reading the old one. */
static int command(struct session *c, const char *line)
{
	if (c->auth_wait || strncasecmp(line, "AUTH PLAIN ", 11) == 0) {
		auth_plain(c, c->auth_wait ? line : line + 11);
		c->auth_wait = 0;
		return 0;
	}
	if (strcasecmp(line, "AUTH PLAIN") == 0) {
		fprintf(c->s->log, "C: %s\n", line);
		c->auth_wait = 1;
		say(c, "334 ");
		return 0;
	}
	fprintf(c->s->log, "C: %s\n", line);
	if (strncasecmp(line, "EHLO", 4) == 0) {
		evbuffer_add_printf(bufferevent_get_output(c->bev), "250-mw-smtpd\r\n");
		if (c->s->tls && !c->tls)
			evbuffer_add_printf(bufferevent_get_output(c->bev), "250-STARTTLS\r\n");
		say(c, "250 AUTH PLAIN");
	} else if (strcasecmp(line, "STARTTLS") == 0) {
		starttls(c);
		return c->tls ? 1 : 0;
	} else if (strncasecmp(line, "HELO", 4) == 0) {
		say(c, "250 mw-smtpd");
	} else if (strncasecmp(line, "MAIL FROM:", 10) == 0) {
		say(c, "250 2.1.0 Ok");
	} else if (strncasecmp(line, "RCPT TO:", 8) == 0) {
		say(c, c->s->reject ? "550 5.1.1 Mailbox unavailable (mw-smtpd --reject)" : "250 2.1.5 Ok");
	} else if (strcasecmp(line, "DATA") == 0) {
		start_data(c);
	} else if (strcasecmp(line, "RSET") == 0 || strcasecmp(line, "NOOP") == 0) {
		say(c, "250 2.0.0 Ok");
	} else if (strcasecmp(line, "QUIT") == 0) {
		say(c, "221 2.0.0 Bye");
		return -1;
	} else {
		say(c, "502 5.5.2 Command not recognized");
	}
	return 0;
}

static void on_read(struct bufferevent *bev, void *arg)
{
	struct session *c = arg;
	char *line;
	size_t len;

	while ((line = evbuffer_readln(bufferevent_get_input(bev), &len, EVBUFFER_EOL_CRLF))) {
		int rc = c->in_data ? (data_line(c, line), 0) : command(c, line);
		free(line);
		if (rc > 0)
			return;     /* now reading through the TLS filter */
		if (rc < 0) {
			bufferevent_disable(bev, EV_READ);
			bufferevent_setwatermark(bev, EV_WRITE, 0, 0);
			return;
		}
	}
}

static void on_write(struct bufferevent *bev, void *arg)
{
	struct session *c = arg;

	if (!(bufferevent_get_enabled(bev) & EV_READ))
		session_free(c);    /* QUIT answered and flushed */
}

static void on_event(struct bufferevent *bev, short what, void *arg)
{
	struct session *c = arg;
	unsigned long e;

	if (what & BEV_EVENT_CONNECTED) {      /* a TLS handshake is done */
		fprintf(c->s->log, "-- tls\n");
		fflush(c->s->log);
	}
	if (what & BEV_EVENT_ERROR && c->tls) {
		while ((e = bufferevent_get_openssl_error(bev)))
			fprintf(c->s->log, "-- tls failed: %s\n", ERR_reason_error_string(e));
		fflush(c->s->log);
	}
	if (what & (BEV_EVENT_EOF | BEV_EVENT_ERROR))
		session_free(c);
}

static void on_accept(struct evconnlistener *l, evutil_socket_t fd, struct sockaddr *sa,
		      int socklen, void *arg)
{
	struct sink *s = arg;
	struct session *c = xcalloc(1, sizeof *c);
	(void)l;
	(void)sa;
	(void)socklen;

	c->s = s;
	if (s->implicit_tls) {
		SSL *ssl = tls_new(c);
		c->tls = 1;
		c->bev = ssl ? bufferevent_openssl_socket_new(s->base, fd, ssl,
			BUFFEREVENT_SSL_ACCEPTING, BEV_OPT_CLOSE_ON_FREE) : NULL;
	} else {
		c->bev = bufferevent_socket_new(s->base, fd, BEV_OPT_CLOSE_ON_FREE);
	}
	if (!c->bev) {
		evutil_closesocket(fd);
		free(c);
		return;
	}
	bufferevent_setcb(c->bev, on_read, on_write, on_event, c);
	bufferevent_enable(c->bev, EV_READ | EV_WRITE);
	fprintf(s->log, "-- connection\n");
	say(c, "220 mw-smtpd ESMTP test sink");
}

static void on_stop(evutil_socket_t sig, short what, void *arg)
{
	(void)sig;
	(void)what;
	event_base_loopexit(arg, NULL);
}

/* The server's TLS context from a PEM certificate (chain) and key. */
static SSL_CTX *tls_context(const char *cert, const char *key)
{
	SSL_CTX *ctx;

	if (!cert || !key) {
		fprintf(stderr, "mw-smtpd: TLS needs both --tls-cert and --tls-key\n");
		return NULL;
	}
	if (!(ctx = SSL_CTX_new(TLS_server_method())) ||
	    SSL_CTX_use_certificate_chain_file(ctx, cert) != 1 ||
	    SSL_CTX_use_PrivateKey_file(ctx, key, SSL_FILETYPE_PEM) != 1) {
		fprintf(stderr, "mw-smtpd: cannot load the TLS certificate %s / key %s: %s\n", cert,
			key, ERR_reason_error_string(ERR_get_error()));
		SSL_CTX_free(ctx);
		return NULL;
	}
	return ctx;
}

static int write_port(const char *file, int port)
{
	char *tmp;

	if (!file) {
		printf("%d\n", port);
		fflush(stdout);
		return 0;
	}
	tmp = xasprintf("%s.tmp", file);
	FILE *f = fopen(tmp, "w");
	if (!f || fprintf(f, "%d\n", port) < 0 || fclose(f) != 0 || rename(tmp, file) != 0) {
		fprintf(stderr, "mw-smtpd: cannot write %s: %s\n", file, strerror(errno));
		free(tmp);
		return -1;
	}
	free(tmp);
	return 0;
}

static struct evconnlistener *listen_local(struct sink *s, int *port)
{
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof sin;
	struct evconnlistener *l = evconnlistener_new_bind(s->base, on_accept, s,
		LEV_OPT_CLOSE_ON_FREE | LEV_OPT_REUSEABLE, 16, (struct sockaddr *)&sin, sizeof sin);

	if (!l)
		return NULL;
	getsockname(evconnlistener_get_fd(l), (struct sockaddr *)&sin, &len);
	*port = ntohs(sin.sin_port);
	return l;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "dir", required_argument, NULL, 'd' }, { "port-file", required_argument, NULL, 'p' },
		{ "fail-first", required_argument, NULL, 'f' }, { "reject", no_argument, NULL, 'r' },
		{ "max-seconds", required_argument, NULL, 'm' },
		{ "tls-cert", required_argument, NULL, 'C' }, { "tls-key", required_argument, NULL, 'K' },
		{ "implicit-tls", no_argument, NULL, 'I' }, { NULL, 0, NULL, 0 },
	};
	struct sink s = { 0 };
	const char *port_file = NULL, *cert = NULL, *key = NULL;
	struct timeval life = { 300, 0 };
	int c, port = 0;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': s.dir = optarg; break;
		case 'p': port_file = optarg; break;
		case 'f': s.fail_first = atoi(optarg); break;
		case 'r': s.reject = 1; break;
		case 'm': life.tv_sec = atol(optarg); break;
		case 'C': cert = optarg; break;
		case 'K': key = optarg; break;
		case 'I': s.implicit_tls = 1; break;
		default:
			fprintf(stderr, "usage: mw-smtpd --dir DIR [--port-file F] [--fail-first N] "
					"[--reject] [--max-seconds N] [--tls-cert PEM --tls-key PEM "
					"[--implicit-tls]]\n");
			return 2;
		}
	}
	if (!s.dir) {
		fprintf(stderr, "mw-smtpd: --dir DIR is required (where messages are stored)\n");
		return 2;
	}
	if ((cert || key || s.implicit_tls) && !(s.tls = tls_context(cert, key)))
		return 1;
	char *log_path = xasprintf("%s/dialogue.log", s.dir);
	s.log = fopen(log_path, "a");
	free(log_path);
	s.base = event_base_new();
	signal(SIGPIPE, SIG_IGN);
	struct evconnlistener *l = s.log && s.base ? listen_local(&s, &port) : NULL;
	if (!l || write_port(port_file, port) != 0) {
		fprintf(stderr, "mw-smtpd: cannot listen on 127.0.0.1 or log in %s: %s\n", s.dir,
			strerror(errno));
		return 1;
	}
	struct event *term = evsignal_new(s.base, SIGTERM, on_stop, s.base);
	struct event *intr = evsignal_new(s.base, SIGINT, on_stop, s.base);
	event_add(term, NULL);
	event_add(intr, NULL);
	event_base_loopexit(s.base, &life);
	event_base_dispatch(s.base);
	event_free(term);
	event_free(intr);
	evconnlistener_free(l);
	event_base_free(s.base);
	fclose(s.log);
	SSL_CTX_free(s.tls);
	return 0;
}
