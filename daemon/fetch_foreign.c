/* fetch_foreign.c: easy handles configured by other parts of the daemon
 * (SMTP) run in the engine's multi handle. They are kept in a list of
 * their own, outside the per-host policy: the caller limits how many it
 * starts (one per delivery). */
#include "fetch_foreign.h"
#include "fetch_private.h"
#include "log.h"
#include "xalloc.h"

#include <stdlib.h>

/* One foreign transfer in flight; owned by the list below. */
struct foreign {
	struct foreign *next;
	struct fetch_engine *eng;
	CURL *easy;
	fetch_easy_cb done;
	void *user;
};

static struct foreign *foreigners;

static struct foreign *take(struct fetch_engine *eng, CURL *easy)
{
	for (struct foreign **p = &foreigners; *p; p = &(*p)->next) {
		struct foreign *f = *p;
		if (f->easy == easy && f->eng == eng) {
			*p = f->next;
			return f;
		}
	}
	return NULL;
}

int fetch_submit_easy(struct fetch_engine *eng, CURL *easy, fetch_easy_cb done,
		      void *user)
{
	if (!eng || !easy || !done || eng->closing)
		return -1;
	CURLMcode rc = curl_multi_add_handle(eng->multi, easy);
	if (rc != CURLM_OK) {
		log_err("fetch: cannot start a transfer: %s", curl_multi_strerror(rc));
		return -1;
	}
	struct foreign *f = xcalloc(1, sizeof *f);
	*f = (struct foreign){ foreigners, eng, easy, done, user };
	foreigners = f;
	return 0;
}

void fetch_cancel_easy(struct fetch_engine *eng, CURL *easy)
{
	struct foreign *f = take(eng, easy);

	if (f) {
		curl_multi_remove_handle(eng->multi, easy);
		free(f);
	}
}

bool fetch_foreign_finish(struct fetch_engine *eng, CURL *easy, CURLcode code)
{
	struct foreign *f = take(eng, easy);

	if (!f)
		return false;
	curl_multi_remove_handle(eng->multi, easy);
	f->done(easy, code, f->user);
	free(f);
	return true;
}
