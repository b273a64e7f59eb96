/* db_watch.c: owns the daemon's view of a lock another process holds on
 * the database (an operator's sqlite3 session, a VACUUM, a backup). The
 * loop never waits on it for more than DAEMON_DB_WAIT_MS a try
 * (db_set_fail_fast): writes that meet the lock fail at once with
 * DB_EBUSY and their owners retry them (the poller and the outbox hold
 * back while it lasts, the reminders keep undelivered outcomes in
 * memory). This timer retries the lock every few hundred ms so the others
 * see at once when it is gone, and logs the outage: once when it outlasts
 * busy_timeout, once when it ends; and stores the feeds of a reload that
 * met the lock (daemon_feeds_retry) once it is gone. docs/reliability.md. */
#include "db_watch.h"
#include "daemon.h"
#include "log.h"
#include "outbox.h"
#include "xalloc.h"

#define WATCH_TICK_MS 200

static struct {
	struct daemon *d;
	struct event *timer;
	int64_t since;      /* the outage being watched, 0 none */
	bool logged;
} w;

static void outage_over(int64_t now)
{
	if (!w.logged)
		log_debug("the database was locked for under busy_timeout (a worker's transaction?)");
	else
		log_notice("the database %s is no longer locked (after %lld s); the writes held "
			   "back go through now", w.d->cfg->daemon.database, (long long)(now - w.since));
	w.since = 0;
	w.logged = false;
	outbox_kick(w.d->outbox);
}

static void on_tick(evutil_socket_t fd, short what, void *arg)
{
	int64_t now = daemon_now(), since = db_locked_since(w.d->db);
	char when[32];

	(void)fd;
	(void)what;
	(void)arg;
	if (since == 0 && w.d->feeds_unsynced)
		daemon_feeds_retry(w.d);   /* a reload's feeds, not stored then */
	if (since == 0) {
		if (w.since)
			outage_over(now);
		return;
	}
	w.since = since;
	if (!w.logged && now - since >= w.d->cfg->daemon.busy_timeout) {
		db_watch_time_text(since, when, sizeof when);
		log_warn("the database %s is locked by another process since %s: mouwatchd keeps "
			 "running, holds its writes back and retries them every second, nothing is "
			 "lost; if an sqlite3 session or a VACUUM holds it, end it",
			 w.d->cfg->daemon.database, when);
		w.logged = true;
	}
	if (db_probe_write(w.d->db) == DB_OK)
		outage_over(now);
}

void db_watch_start(struct daemon *d)
{
	struct timeval tick = { 0, WATCH_TICK_MS * 1000 };

	db_set_fail_fast(d->db, DAEMON_DB_WAIT_MS);
	w.d = d;
	w.timer = event_new(d->base, -1, EV_PERSIST, on_tick, NULL);
	if (w.timer == NULL)
		fatal("cannot create the database watch timer");
	event_add(w.timer, &tick);
}

void db_watch_stop(void)
{
	if (w.timer)
		event_free(w.timer);
	w.timer = NULL;
	w.d = NULL;
}
