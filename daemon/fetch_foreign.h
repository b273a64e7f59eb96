/* fetch_foreign.h: transfers the fetch engine runs but does not configure.
 * A caller that needs a protocol the HTTP engine does not speak (SMTP for
 * reminder e-mail) sets up its own libcurl easy handle and hands it to the
 * engine's multi handle here, so that it runs in the same event loop,
 * without blocking it, beside the feeds and webhooks.
 *
 * Ownership: the caller owns the easy handle and everything its options
 * point to, before and after. The engine only adds it to its multi handle
 * and removes it when it finishes; then done() runs once, from the loop
 * (never from inside fetch_submit_easy). CURLOPT_PRIVATE is the engine's:
 * do not set it. Before freeing the engine, the caller cancels what it
 * still has running with fetch_cancel_easy() (then no callback comes). */
#ifndef MW_FETCH_FOREIGN_H
#define MW_FETCH_FOREIGN_H

#include <curl/curl.h>
#include <stdbool.h>

struct fetch_engine;

typedef void (*fetch_easy_cb)(CURL *easy, CURLcode code, void *user);

/* Starts easy in eng's multi handle. Returns 0, or -1 when the engine is
 * shutting down or libcurl refuses the handle (then no callback comes). */
int fetch_submit_easy(struct fetch_engine *eng, CURL *easy, fetch_easy_cb done,
		      void *user);
/* Takes a running easy out of the engine without calling back. */
void fetch_cancel_easy(struct fetch_engine *eng, CURL *easy);

/* For fetch.c: when easy is a foreign transfer, completes it (callback)
 * and returns true; false for the engine's own transfers. */
bool fetch_foreign_finish(struct fetch_engine *eng, CURL *easy, CURLcode code);

#endif
