/* poll.h: the poller: every second it asks SQLite which feeds are due,
 * fetches them through the fetch engine (conditional GET after the first
 * fetch), parses what changed, records new entries as articles and hands
 * them to article_fetch. A feed is never fetched twice at once. */
#ifndef MW_POLL_H
#define MW_POLL_H

#include <stdbool.h>
#include <stddef.h>

struct daemon;
struct poller;

struct poller *poller_new(struct daemon *d);
void poller_free(struct poller *p);
/* Polls every enabled feed now, whatever its schedule (--once, `feed poll`). */
void poller_poll_all_now(struct poller *p);
/* Polls one feed now; false when there is no such enabled feed. */
bool poller_poll_now(struct poller *p, const char *name);
/* Feed polls and article page fetches not finished yet. */
size_t poller_in_flight(const struct poller *p);
/* Commits the poller's group transaction now, if one is open: whoever
 * reads what the poller wrote as finished work (the outbox) or writes in
 * a transaction of its own calls it first. NULL is fine. */
void poller_commit(struct poller *p);
/* Feeds polled (finished) since poller_poll_all_now, for --once. */
size_t poller_polls_done(const struct poller *p);

#endif
