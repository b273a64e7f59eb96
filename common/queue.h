/* queue.h: the article queue between mouwatchd and the workers: a Redis
 * stream read by one consumer group. Both sides use these names, so a
 * worker on another host only needs the same Redis and the same stream.
 *
 * One message = one article, self-contained (a worker needs nothing else
 * to extract it): fields below, all strings. */
#ifndef MW_QUEUE_H
#define MW_QUEUE_H

#define QUEUE_DEFAULT_STREAM "mouwatch:articles"
#define QUEUE_GROUP "mouwatch-workers"
/* Workers delete what they acknowledge, so the stream's length is the
 * backlog; there is no length cap that could cut work not yet done. */
/* A message pending this long on a consumer is taken over (XAUTOCLAIM):
 * its worker has died or hung. */
#define QUEUE_CLAIM_IDLE_MS 60000
/* Deliveries after which a message that keeps failing is given up. */
#define QUEUE_MAX_DELIVERIES 5

#define QF_ARTICLE_ID "article_id"  /* SQLite articles.id */
#define QF_FEED "feed"
#define QF_URL "url"
#define QF_TITLE "title"
#define QF_PUBLISHED "published"    /* YYYY-MM-DD, may be empty */
#define QF_LANG "lang"              /* the feed's language hint */
#define QF_TEXT "text"              /* title on the first line, then the text */

#endif
