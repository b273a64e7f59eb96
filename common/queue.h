/* queue.h: the article queue between mouwatchd and the workers: a Redis
 * stream read by one consumer group. Both sides use these names, so a
 * worker on another host only needs the same Redis and the same stream.
 *
 * One message = one article, self-contained (a worker needs nothing else
 * to extract it): fields below, all strings. */
#ifndef MW_QUEUE_H
#define MW_QUEUE_H

#define QUEUE_DEFAULT_STREAM "mouwatch:articles"
#define QUEUE_GROUP "workers"
/* Messages given up on (too many deliveries) are copied here, with the
 * reason, for an operator to look at. */
#define QUEUE_DEAD_STREAM "mouwatch:dead"
/* Workers delete what they acknowledge, so the stream's length is the
 * backlog; there is no length cap that could cut work not yet done. */
/* How long a message may stay pending before another worker takes it
 * over, how many deliveries before it is given up, and how many are read
 * at once: [daemon] worker_claim_idle, worker_max_deliveries, worker_batch. */

/* <stream>:check: set by a worker that found the consumer group gone; the
 * daemon deletes it and checks that every article it queued is still in
 * the stream (daemon/outbox_check.c). */
#define QUEUE_CHECK_SUFFIX ":check"

#define QF_ARTICLE_ID "article_id"  /* SQLite articles.id */
#define QF_FEED "feed"
#define QF_URL "url"
#define QF_TITLE "title"
#define QF_PUBLISHED "published"    /* YYYY-MM-DD, may be empty */
#define QF_LANG "lang"              /* the feed's language hint */
#define QF_TEXT "text"              /* title on the first line, then the text */

#endif
