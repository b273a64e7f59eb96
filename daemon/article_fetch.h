/* article_fetch.h: the second request of the poller: each new article's own
 * page, reduced to its main text (html_text) so that the extractor reads
 * the whole report, not the feed's teaser. The article row is written
 * first with the feed's text; the page's text replaces it when it comes;
 * only then (or when the page fails) is the article queued. Pages still
 * pending after a restart are fetched again (article_fetch_resume). */
#ifndef MW_ARTICLE_FETCH_H
#define MW_ARTICLE_FETCH_H

#include <stdbool.h>
#include <stdint.h>

struct poller;
struct daemon;
struct feed_entry;

/* The extractor's input from a feed entry alone: title, newline, the text
 * of content (HTML) or summary. Caller frees. */
char *article_text_from_entry(const struct feed_entry *e);
/* http(s), or file:// when allowed. */
bool article_url_fetchable(const struct daemon *d, const char *url);
void article_fetch_start(struct poller *p, int64_t article_id, const char *url);
/* Restarts the page fetches a previous run left pending. */
void article_fetch_resume(struct poller *p);
/* Called every tick: when a page's result could not be stored (disk full,
 * database locked) and no page is in flight, fetches the pending ones again. */
void article_fetch_retry(struct poller *p);
/* A host answered 429/503 with Retry-After: leave it alone until then. */
void article_host_pause(struct poller *p, const char *url, long seconds);

#endif
