/* mouwatchd.c: the daemon's entry point: options, start-up in order
 * (config, state dir, database, Redis, event loop, poller, outbox,
 * workers), signals, and shutdown in reverse order.
 *
 *   mouwatchd [-c FILE] [--foreground] [--workers N] [--once]
 *             [--once-timeout SECONDS] [--check-config]
 *
 * mouwatchd never forks into the background: systemd (Type=notify) or the
 * shell that started it supervises it; --foreground is accepted for
 * scripts written for daemons that do. */
#include "config.h"
#include "daemon.h"
#include "article_fetch.h"
#include "control.h"
#include "db_query_ops.h"
#include "db_watch.h"
#include "heap.h"
#include "instance_lock.h"
#include "log.h"
#include "notify.h"
#include "once.h"
#include "outbox.h"
#include "poll.h"
#include "remind.h"
#include "xalloc.h"

#include <errno.h>
#include <libxml/xmlerror.h>
#include <getopt.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct options {
	const char *config_path;
	long workers;            /* -1: from the config */
	bool once;
	int once_timeout_s;
	bool check_config;
};

/* The control socket (control.c); a file static so daemon.h stays the
 * poller's business. Owned: made in start(), freed in shut_down(). */
static struct control *control;
/* The configuration read at start-up (see daemon_reload). */
static struct mw_config *boot_cfg;
/* One daemon per state_dir and database (instance_lock.h); held from
 * before the database is opened until after it is closed. */
static struct instance_lock instance = { -1, -1 };

#define N_SIGNAL_EVENTS 6
/* The signal (and timer) events of add_signal_events. They stay registered
 * until the end of shut_down: a SIGTERM or SIGINT that comes while the
 * daemon saves and stops (a second one, or one near the end of a --once
 * run) lands in libevent's handler, which only notes it; freed before
 * shut_down, they gave the signal back its default action, which killed
 * the daemon halfway through its shutdown. Owned; freed by
 * free_signal_events(). */
static struct event *sig_events[N_SIGNAL_EVENTS];

static void ignore_libxml_error(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	(void)fmt;
}

int64_t daemon_now(void) { return (int64_t)time(NULL); }

void daemon_stop(struct daemon *d, int exit_status)
{
	if (!d->stopping)
		d->exit_status = exit_status;
	d->stopping = true;
	event_base_loopexit(d->base, NULL);
}

static void usage(FILE *out)
{
	fprintf(out, "usage: mouwatchd [-c FILE] [--foreground] [--workers N] [--once] "
		     "[--once-timeout SECONDS] [--check-config]\n");
}

static int parse_options(int argc, char **argv, struct options *o)
{
	static const struct option longopts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "foreground", no_argument, NULL, 'f' },
		{ "workers", required_argument, NULL, 'w' },
		{ "once", no_argument, NULL, 'o' },
		{ "once-timeout", required_argument, NULL, 't' },
		{ "check-config", no_argument, NULL, 'k' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	char *end;

	*o = (struct options){ .workers = -1, .once_timeout_s = 600 };
	while ((c = getopt_long(argc, argv, "c:fh", longopts, NULL)) != -1) {
		switch (c) {
		case 'c': o->config_path = optarg; break;
		case 'f': break;
		case 'w':
			o->workers = strtol(optarg, &end, 10);
			if (*end || o->workers < 0 || o->workers > 256) {
				fprintf(stderr, "mouwatchd: --workers takes a number from 0 to 256\n");
				return 2;
			}
			break;
		case 'o': o->once = true; break;
		case 't':
			o->once_timeout_s = (int)strtol(optarg, &end, 10);
			if (*end || o->once_timeout_s <= 0) {
				fprintf(stderr, "mouwatchd: --once-timeout takes a positive number of seconds\n");
				return 2;
			}
			break;
		case 'k': o->check_config = true; break;
		case 'h': usage(stdout); exit(0);
		case 'V': printf("mouwatchd %s\n", PACKAGE_VERSION); exit(0);
		default: usage(stderr); return 2;
		}
	}
	if (optind < argc) {
		usage(stderr);
		return 2;
	}
	return 0;
}

static struct mw_config *load_config(const char *path)
{
	struct strbuf errors = STRBUF_INIT;
	struct mw_config *cfg = config_load(path, &errors);

	if (cfg == NULL) {
		fputs(strbuf_str(&errors), stderr);
		fprintf(stderr, "mouwatchd: %s is not valid; fix the lines above "
			"(mouwatch -c %s check-config checks it)\n", path, path);
	}
	strbuf_free(&errors);
	return cfg;
}

static bool make_state_dir(const char *dir)
{
	if (mkdir(dir, 0750) == 0 || errno == EEXIST)
		return true;
	log_err("cannot create the state directory %s: %s; create it (owned by the daemon's user) "
		"or set [daemon] state_dir", dir, strerror(errno));
	return false;
}

/* Feeds added with 'mouwatch feed add' (SQLite runtime_feeds) that the
 * configuration does not name; appended to v after the configured ones. */
static size_t add_runtime_feeds(struct daemon *d, json_t *rt, struct db_feed_config *v, size_t n)
{
	size_t i;
	json_t *f;

	json_array_foreach(rt, i, f) {
		const char *name = json_string_value(json_object_get(f, "name"));
		if (name == NULL || config_feed(d->cfg, name))
			continue;
		v[n++] = (struct db_feed_config){
			.name = name, .url = json_string_value(json_object_get(f, "url")),
			.language = json_string_value(json_object_get(f, "language")),
			.interval_seconds = (int)json_integer_value(json_object_get(f, "interval_seconds")),
		};
	}
	return n;
}

/* Stores the configured feeds (and keeps the runtime ones); failures are
 * logged at level (a retry after a lock or a full disk logs at debug). */
static int sync_feeds(struct daemon *d, enum log_level level)
{
	size_t n = d->cfg->n_feeds;
	json_t *rt = NULL;

	if (db_ops_runtime_feeds(d->db, &rt) != DB_OK) {
		log_msg(level, "cannot read the feeds added at run time: %s", db_errmsg(d->db));
		return DB_ERR;
	}
	struct db_feed_config *v = xcalloc(n + json_array_size(rt) + 1, sizeof *v);
	for (size_t i = 0; i < n; i++) {
		const struct mw_feed_config *f = &d->cfg->feeds[i];
		v[i] = (struct db_feed_config){
			.name = f->name, .url = f->url,
			.language = f->language[0] ? f->language : NULL,
			.interval_seconds = f->interval_auto ? 0 : (int)f->interval,
		};
	}
	size_t total = add_runtime_feeds(d, rt, v, n);
	int rc = db_feeds_sync(d->db, v, total, daemon_now());
	free(v);
	json_decref(rt);
	if (rc != DB_OK)
		log_msg(level, "cannot store the configured feeds: %s", db_errmsg(d->db));
	/* Feeds disabled in the configuration are paused in the database. */
	for (size_t i = 0; rc == DB_OK && i < n; i++)
		if (!d->cfg->feeds[i].enabled)
			db_feed_set_paused(d->db, d->cfg->feeds[i].name, true);
	return rc;
}

void daemon_feeds_retry(struct daemon *d)
{
	int64_t now = daemon_now();

	if (!d->feeds_unsynced || now < d->feeds_retry_at)
		return;
	d->feeds_retry_at = now + 1;
	if (sync_feeds(d, LOG_LEVEL_DEBUG) != DB_OK)
		return;
	d->feeds_unsynced = false;
	log_notice("the feeds of the configuration reloaded earlier are stored now: %zu feed(s)",
		   d->cfg->n_feeds);
}

static bool start_redis(struct daemon *d)
{
	char *err = NULL;

	redis_target_from_config(d->cfg, &d->redis, &d->redis_path);
	d->redis_is_embedded = d->cfg->daemon.redis.kind == MW_REDIS_EMBEDDED;
	if (!d->redis_is_embedded)
		return true;
	const char *bin = getenv("MOUWATCH_REDIS_SERVER");
	redis_embedded_init(&d->redis_emb, d->cfg->daemon.state_dir, bin ? bin : REDIS_SERVER_PATH);
	if (!redis_embedded_start(&d->redis_emb, 10000, &err)) {
		log_err("%s", err);
		free(err);
		return false;
	}
	return true;
}

static struct fetch_engine *start_fetch(struct daemon *d)
{
	const struct mw_daemon_config *dc = &d->cfg->daemon;
	struct fetch_settings s;
	fetch_settings_init(&s);
	char *ua = fetch_user_agent(dc->user_agent_contact);

	s.max_concurrent = (unsigned)dc->max_concurrent;
	s.max_per_host = (unsigned)dc->max_per_host;
	s.per_host_rate = dc->per_host_rate;
	s.connect_timeout_s = (long)dc->connect_timeout;
	s.timeout_s = (long)dc->timeout;
	s.max_body = (size_t)dc->max_feed_size;
	s.user_agent = ua;
	s.proxy = dc->proxy;
	s.allow_file_urls = dc->allow_file_urls;
	s.allow_private_addresses = dc->allow_private_addresses;
	struct fetch_engine *e = fetch_engine_new(d->base, &s);
	free(ua);
	return e;
}

static char *absolute_path(const char *path)
{
	char buf[PATH_MAX];
	return realpath(path, buf) ? xstrdup(buf) : xstrdup(path);
}

static void start_workers(struct daemon *d, long n)
{
	char *bin = supervise_worker_binary();
	char *cfg = absolute_path(d->config_path);
	char host[128] = "localhost";

	gethostname(host, sizeof host - 1);
	for (long i = 1; i <= n; i++) {
		char name[64], wname[200];
		snprintf(name, sizeof name, "worker-%ld", i);
		snprintf(wname, sizeof wname, "%s-%ld", host, i);
		char *argv[] = { bin, "-c", cfg, "--name", wname, NULL };
		supervisor_add(&d->sup, name, argv);
	}
	supervisor_start_all(&d->sup);
	free(bin);
	free(cfg);
}

/* ---- signals ---- */

static void on_stop_signal(evutil_socket_t sig, short what, void *arg)
{
	struct daemon *d = arg;
	(void)what;
	log_notice("received %s; shutting down", strsignal((int)sig));
	daemon_stop(d, 0);
}

bool daemon_reload(struct daemon *d, struct strbuf *errors)
{
	struct mw_config *cfg;
	bool ok = false;

	notify_reloading();
	cfg = config_load(d->config_path, errors);
	if (cfg == NULL) {
		log_err("reload refused: %s has errors; still running with the old configuration:\n%s",
			d->config_path, strbuf_str(errors));
	} else {
		/* Settings that need a restart (database, socket, redis) keep
		 * their old values until then; feeds and reminders change now. */
		struct mw_config *old = d->cfg;
		d->cfg = cfg;
		d->cfg_generation++;
		ok = true;
		/* The new configuration is in effect even when its feeds cannot
		 * be stored now (another process's lock, a full disk): they are
		 * stored at the next try (daemon_feeds_retry), not lost. */
		d->feeds_unsynced = sync_feeds(d, db_watch_level(d, LOG_LEVEL_WARN)) != DB_OK;
		d->feeds_retry_at = daemon_now() + 1;
		if (d->feeds_unsynced)
			log_warn("configuration reloaded: %zu feed(s), %zu channel(s); its feeds could "
				 "not be stored yet (%s): mouwatchd stores them as soon as the database "
				 "takes writes again", cfg->n_feeds, cfg->n_channels, db_errmsg(d->db));
		else
			log_notice("configuration reloaded: %zu feed(s), %zu channel(s)", cfg->n_feeds, cfg->n_channels);
		/* Strings of the first configuration are borrowed by d->redis
		 * and the outbox until a restart, so it lives until exit;
		 * later ones are freed when replaced. */
		if (old != boot_cfg)
			config_free(old);
	}
	notify_ready();
	return ok;
}

static void on_reload(evutil_socket_t sig, short what, void *arg)
{
	struct strbuf errors = STRBUF_INIT;
	(void)sig;
	(void)what;
	daemon_reload(arg, &errors);
	strbuf_free(&errors);
}

static void on_child(evutil_socket_t sig, short what, void *arg)
{
	struct daemon *d = arg;
	int status;
	pid_t pid;
	(void)sig;
	(void)what;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		if (supervise_reaped(&d->sup, pid, status))
			continue;
		if (redis_embedded_reaped(&d->redis_emb, pid) && !d->stopping) {
			char *err = NULL;
			log_err("the embedded redis-server (pid %d) died; restarting it", (int)pid);
			if (!redis_embedded_start(&d->redis_emb, 10000, &err)) {
				log_err("%s; articles wait in SQLite until it can be started", err);
				free(err);
			}
		}
	}
}

static void on_watchdog(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	(void)arg;
	notify_watchdog();
}

/* Freed memory goes back to the kernel every HEAP_RELEASE_S when the
 * allocator holds more than HEAP_RELEASE_BYTES of it (see heap.c). */
#define HEAP_RELEASE_S 30
#define HEAP_RELEASE_BYTES (4u << 20)

static void on_heap_release(evutil_socket_t fd, short what, void *arg)
{
	size_t kept;

	(void)fd;
	(void)what;
	(void)arg;
	if ((kept = heap_release(HEAP_RELEASE_BYTES)) > 0)
		log_debug("returned up to %zu KiB of freed memory to the kernel", kept / 1024);
}

static void add_signal_events(struct daemon *d, struct event **ev)
{
	ev[0] = evsignal_new(d->base, SIGTERM, on_stop_signal, d);
	ev[1] = evsignal_new(d->base, SIGINT, on_stop_signal, d);
	ev[2] = evsignal_new(d->base, SIGHUP, on_reload, d);
	ev[3] = evsignal_new(d->base, SIGCHLD, on_child, d);
	ev[4] = NULL;
	uint64_t wd = notify_watchdog_usec();
	if (wd) {
		struct timeval tv = { (time_t)(wd / 2000000), (suseconds_t)((wd / 2) % 1000000) };
		ev[4] = event_new(d->base, -1, EV_PERSIST, on_watchdog, d);
		event_add(ev[4], &tv);
	}
	for (int i = 0; i < 4; i++)
		event_add(ev[i], NULL);
	struct timeval heap_tv = { HEAP_RELEASE_S, 0 };
	ev[5] = event_new(d->base, -1, EV_PERSIST, on_heap_release, d);
	event_add(ev[5], &heap_tv);
	signal(SIGPIPE, SIG_IGN);
	/* A file past RLIMIT_FSIZE must fail the write (EFBIG: SQLite reports
	 * an I/O error, the work is retried), not kill the daemon. */
	signal(SIGXFSZ, SIG_IGN);
}

/* Last in shut_down, before the event base goes: freeing an event gives
 * its signal the default action back, so the stop and reload signals are
 * blocked first and then ignored for what is left of the exit. */
static void free_signal_events(void)
{
	static const int stop_signals[] = { SIGTERM, SIGINT, SIGHUP };
	sigset_t set;

	sigemptyset(&set);
	for (size_t i = 0; i < sizeof stop_signals / sizeof *stop_signals; i++)
		sigaddset(&set, stop_signals[i]);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	for (int i = 0; i < N_SIGNAL_EVENTS; i++) {
		if (sig_events[i])
			event_free(sig_events[i]);
		sig_events[i] = NULL;
	}
	for (size_t i = 0; i < sizeof stop_signals / sizeof *stop_signals; i++)
		signal(stop_signals[i], SIG_IGN);
}

/* ---- life ---- */

static bool start(struct daemon *d, const struct options *o)
{
	struct db_options dbo = { .busy_timeout_ms = (int)(d->cfg->daemon.busy_timeout * 1000) };
	char *err = NULL;

	/* The signals are the loop's from the first step on: one that comes
	 * during the rest of the start-up is noted and handled (stop, reload)
	 * once the loop runs, instead of killing a half-started daemon. */
	d->base = event_base_new();
	if (d->base == NULL) {
		log_err("cannot set up the event loop (libevent): out of memory or file descriptors?");
		return false;
	}
	add_signal_events(d, sig_events);
	if (!make_state_dir(d->cfg->daemon.state_dir))
		return false;
	char why[1024];
	if (!instance_lock_take(&instance, d->cfg->daemon.state_dir, d->cfg->daemon.database,
				why, sizeof why)) {
		log_err("%s%s", d->once ? "--once refused: " : "", why);
		return false;
	}
	d->db = db_open(d->cfg->daemon.database, &dbo, &err);
	if (d->db == NULL) {
		log_err("cannot open the database %s: %s", d->cfg->daemon.database, err);
		free(err);
		return false;
	}
	if (sync_feeds(d, LOG_LEVEL_ERR) != DB_OK || !start_redis(d))
		return false;
	d->fetch = start_fetch(d);
	if (d->fetch == NULL) {
		log_err("cannot set up libcurl");
		return false;
	}
	d->outbox = outbox_new(d);
	d->poller = poller_new(d);
	d->remind = remind_new(d);
	article_fetch_resume(d->poller);
	long workers = o->workers >= 0 ? o->workers : d->cfg->daemon.workers;
	supervisor_init(&d->sup, d->base);
	if (workers > 0)
		start_workers(d, workers);
	if (!d->once && (control = control_new(d)) == NULL)
		return false;
	/* Started: from now on the loop never waits long on a lock. */
	db_watch_start(d);
	return true;
}

static void shut_down(struct daemon *d)
{
	notify_stopping();
	control_free(control);
	control = NULL;
	db_watch_stop();
	supervisor_stop_all(&d->sup, 5000);
	remind_free(d->remind);       /* before the engine its transfers run in */
	/* The engine's cancel callbacks (feed polls, pages) use the poller,
	 * so the poller goes after it; cancelled pages stay pending in SQLite. */
	fetch_engine_free(d->fetch);
	poller_free(d->poller);
	d->poller = NULL;             /* the outbox's last callbacks look */
	outbox_free(d->outbox);
	supervisor_free(&d->sup);
	if (d->redis_is_embedded)
		redis_embedded_stop(&d->redis_emb, 5000);
	redis_embedded_free(&d->redis_emb);
	free(d->redis_path);
	db_close(d->db);
	instance_lock_release(&instance);
	free_signal_events();
	if (d->base)
		event_base_free(d->base);
	if (boot_cfg != d->cfg)
		config_free(boot_cfg);
	config_free(d->cfg);
}

int main(int argc, char **argv)
{
	struct options o;
	struct daemon d = { 0 };
	int rc = parse_options(argc, argv, &o);

	if (rc)
		return rc;
	log_init("mouwatchd", LOG_LEVEL_INFO);
	heap_tune();
	/* libxml2 would print its own parse and encoding errors to stderr for
	 * every malformed feed or page; the poller logs one line per feed
	 * with the reason instead. */
	xmlSetGenericErrorFunc(NULL, ignore_libxml_error);
	d.config_path = config_default_path(o.config_path);
	if (o.check_config)
		return config_check_report(d.config_path, stdout, stderr);
	d.cfg = load_config(d.config_path);
	d.cfg_generation = 1;
	if (d.cfg == NULL)
		return 2;
	boot_cfg = d.cfg;
	if (!getenv("MOUWATCH_LOG_LEVEL"))
		log_set_level((enum log_level)d.cfg->daemon.log_level);
	if (d.cfg->reminders.timezone && *d.cfg->reminders.timezone) {
		setenv("TZ", d.cfg->reminders.timezone, 1);
		tzset();
	}
	srandom((unsigned)time(NULL) ^ (unsigned)getpid());
	d.started_at = time(NULL);
	d.once = o.once;
	d.once_timeout_s = o.once_timeout_s;
	if (!start(&d, &o)) {
		shut_down(&d);
		return 1;
	}
	log_info("mouwatchd %s started: %zu feed(s), database %s, Redis %s%s", PACKAGE_VERSION,
		 d.cfg->n_feeds, d.cfg->daemon.database, redis_target_describe(&d.redis),
		 d.redis_is_embedded ? " (embedded)" : "");
	notify_ready();
	notify_status("watching %zu feed(s)", d.cfg->n_feeds);
	if (d.once)
		once_start(&d);
	event_base_dispatch(d.base);
	if (d.once)
		once_print_summary(&d);
	rc = d.exit_status;
	shut_down(&d);
	return rc;
}
