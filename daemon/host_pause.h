/* host_pause.h: hosts that asked us to wait (429 or 503 with Retry-After).
 * Until then no feed or page on that host is requested; other hosts are not
 * affected. Kept in the daemon's memory: it is advice with a short life,
 * and after a restart the next 429 tells us again. */
#ifndef MW_HOST_PAUSE_H
#define MW_HOST_PAUSE_H

#include <stdint.h>
#include <stddef.h>

struct host_pause {
	char *host;       /* lower case, owned */
	int64_t until;
};

struct host_pauses {
	struct host_pause *v;  /* owned */
	size_t n;
};

/* The host part of an http(s) URL, lower case; NULL when none. Caller frees. */
char *url_host(const char *url);
void host_pause_set(struct host_pauses *hp, const char *url, int64_t until);
/* 0 when the URL's host may be asked now, else until when it may not. */
int64_t host_paused_until(struct host_pauses *hp, const char *url, int64_t now);
void host_pauses_free(struct host_pauses *hp);

#endif
