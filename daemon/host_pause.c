/* host_pause.c: owns the table of hosts we were asked to leave alone. */
#include "host_pause.h"
#include "xalloc.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

char *url_host(const char *url)
{
	const char *p = strstr(url, "://");
	if (p == NULL)
		return NULL;
	p += 3;
	const char *at = NULL;
	const char *end = p + strcspn(p, "/?#");
	for (const char *q = p; q < end; q++)
		if (*q == '@')
			at = q;
	if (at)
		p = at + 1;
	const char *colon = NULL;
	if (*p == '[') {
		const char *close = memchr(p, ']', (size_t)(end - p));
		colon = close ? close + 1 : end;
	} else {
		colon = memchr(p, ':', (size_t)(end - p));
	}
	if (colon == NULL || colon > end)
		colon = end;
	if (colon == p)
		return NULL;
	char *h = xstrndup(p, (size_t)(colon - p));
	for (char *c = h; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	return h;
}

void host_pause_set(struct host_pauses *hp, const char *url, int64_t until)
{
	char *h = url_host(url);
	if (h == NULL)
		return;
	for (size_t i = 0; i < hp->n; i++) {
		if (strcmp(hp->v[i].host, h) == 0) {
			if (until > hp->v[i].until)
				hp->v[i].until = until;
			free(h);
			return;
		}
	}
	hp->v = xrealloc(hp->v, (hp->n + 1) * sizeof *hp->v);
	hp->v[hp->n++] = (struct host_pause){ h, until };
}

int64_t host_paused_until(struct host_pauses *hp, const char *url, int64_t now)
{
	if (hp->n == 0)
		return 0;
	char *h = url_host(url);
	int64_t until = 0;
	for (size_t i = 0; h && i < hp->n; i++) {
		if (hp->v[i].until <= now) {
			/* expired: drop it */
			free(hp->v[i].host);
			hp->v[i--] = hp->v[--hp->n];
			continue;
		}
		if (strcmp(hp->v[i].host, h) == 0)
			until = hp->v[i].until;
	}
	free(h);
	return until;
}

void host_pauses_free(struct host_pauses *hp)
{
	for (size_t i = 0; i < hp->n; i++)
		free(hp->v[i].host);
	free(hp->v);
	hp->v = NULL;
	hp->n = 0;
}
