/* fetch_settings.c: the engine's defaults and the User-Agent we send. */
#include "config.h"
#include "fetch_private.h"
#include "xalloc.h"

#include <string.h>

enum {
	DEFAULT_MAX_CONCURRENT = 64,
	DEFAULT_MAX_PER_HOST = 2,
	DEFAULT_CONNECT_TIMEOUT_S = 10,
	DEFAULT_TIMEOUT_S = 60,
	DEFAULT_MAX_REDIRECTS = 5,
	DEFAULT_MAX_BODY = 10 * 1024 * 1024,
};

void fetch_settings_init(struct fetch_settings *s)
{
	memset(s, 0, sizeof *s);
	s->max_concurrent = DEFAULT_MAX_CONCURRENT;
	s->max_per_host = DEFAULT_MAX_PER_HOST;
	s->connect_timeout_s = DEFAULT_CONNECT_TIMEOUT_S;
	s->timeout_s = DEFAULT_TIMEOUT_S;
	s->max_redirects = DEFAULT_MAX_REDIRECTS;
	s->max_body = DEFAULT_MAX_BODY;
}

char *fetch_user_agent(const char *contact)
{
	if (contact && *contact)
		return xasprintf("%s/%s (+%s)", PACKAGE_NAME, PACKAGE_VERSION,
				 contact);
	return xasprintf("%s/%s", PACKAGE_NAME, PACKAGE_VERSION);
}

/* Replaces values that cannot work with the defaults (a zeroed struct gets
 * sane limits; max_redirects 0 and per_host_rate 0 keep their meaning). */
void fetch_settings_normalize(struct fetch_settings *s)
{
	if (s->max_concurrent == 0)
		s->max_concurrent = DEFAULT_MAX_CONCURRENT;
	if (s->max_per_host == 0)
		s->max_per_host = DEFAULT_MAX_PER_HOST;
	if (s->max_per_host > s->max_concurrent)
		s->max_per_host = s->max_concurrent;
	if (s->connect_timeout_s <= 0)
		s->connect_timeout_s = DEFAULT_CONNECT_TIMEOUT_S;
	if (s->timeout_s <= 0)
		s->timeout_s = DEFAULT_TIMEOUT_S;
	if (s->max_redirects < 0)
		s->max_redirects = DEFAULT_MAX_REDIRECTS;
	if (s->max_body == 0)
		s->max_body = DEFAULT_MAX_BODY;
	if (!(s->per_host_rate > 0))   /* also NaN */
		s->per_host_rate = 0;
}
