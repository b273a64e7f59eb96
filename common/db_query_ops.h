/* db_query_ops.h: the store's side of the operator interface that the
 * db_*.c files do not cover: feeds added at run time through the control
 * socket ('mouwatch feed add'), which live in SQLite and survive reloads
 * and restarts, and the feed health counts of 'mouwatch status'. */
#ifndef MW_DB_QUERY_OPS_H
#define MW_DB_QUERY_OPS_H

#include "db.h"

/* Records a feed added at run time and adds it to the feeds table, in one
 * transaction. DB_EINVAL when a live feed has that name already. */
int db_ops_runtime_feed_add(struct db *db, const struct db_feed_config *c,
			    int64_t now);
/* Forgets a runtime feed (when it is one) and marks the feed removed.
 * *was_runtime (may be NULL) tells which it was. DB_ENOTFOUND when there
 * is no live feed of that name. */
int db_ops_feed_remove(struct db *db, const char *name, int64_t now,
		       bool *was_runtime);
/* The runtime feeds as a JSON array of {name, url, language,
 * interval_seconds, added_at}; caller decrefs. */
int db_ops_runtime_feeds(struct db *db, json_t **out);

/* Feed health: {total, ok, failing, disabled, paused, stale,
 * last_polled_at, next_poll_at}; caller decrefs. */
int db_ops_feed_health(struct db *db, json_t **out);

#endif
