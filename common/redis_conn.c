/* redis_conn.c: owns blocking connections to Redis (used by workers, the
 * embedded-server start-up check and tests). */
#include "redis_conn.h"
#include "xalloc.h"
#include "mwconfig.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *redis_target_describe(const struct redis_target *t)
{
	static char buf[512];

	if (t->path)
		snprintf(buf, sizeof buf, "unix:%s db %d", t->path, t->db);
	else
		snprintf(buf, sizeof buf, "%s:%d db %d", t->host ? t->host : "127.0.0.1", t->port, t->db);
	return buf;
}

static redisReply *vcommand(redisContext *c, char **err, const char *fmt, va_list ap)
{
	redisReply *r = redisvCommand(c, fmt, ap);

	if (r == NULL) {
		*err = xasprintf("%s", c->errstr[0] ? c->errstr : "connection lost");
		return NULL;
	}
	if (r->type == REDIS_REPLY_ERROR) {
		*err = xasprintf("%s", r->str);
		freeReplyObject(r);
		return NULL;
	}
	return r;
}

redisReply *redis_command_checked(redisContext *c, char **err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	redisReply *r = vcommand(c, err, fmt, ap);
	va_end(ap);
	return r;
}

redisContext *redis_connect(const struct redis_target *t, int timeout_ms, char **err)
{
	struct timeval tv = { timeout_ms / 1000, (timeout_ms % 1000) * 1000 };
	redisContext *c;
	redisReply *r;
	char *why = NULL;

	if (t->path)
		c = redisConnectUnixWithTimeout(t->path, tv);
	else
		c = redisConnectWithTimeout(t->host ? t->host : "127.0.0.1", t->port, tv);
	if (c == NULL) {
		*err = xstrdup("cannot allocate a Redis context");
		return NULL;
	}
	if (c->err) {
		*err = xasprintf("cannot connect to Redis at %s: %s", redis_target_describe(t), c->errstr);
		redisFree(c);
		return NULL;
	}
	redisSetTimeout(c, tv);
	if (t->password && *t->password) {
		r = redis_command_checked(c, &why, "AUTH %s", t->password);
		if (r == NULL)
			goto fail;
		freeReplyObject(r);
	}
	if (t->db != 0) {
		r = redis_command_checked(c, &why, "SELECT %d", t->db);
		if (r == NULL)
			goto fail;
		freeReplyObject(r);
	}
	return c;
fail:
	*err = xasprintf("Redis at %s refused the session set-up: %s", redis_target_describe(t), why);
	free(why);
	redisFree(c);
	return NULL;
}

void redis_target_from_config(const struct mw_config *cfg, struct redis_target *t,
			      char **owned_path)
{
	const struct mw_redis_addr *a = &cfg->daemon.redis;

	memset(t, 0, sizeof *t);
	*owned_path = NULL;
	switch (a->kind) {
	case MW_REDIS_EMBEDDED:
		*owned_path = xasprintf("%s/redis.sock", cfg->daemon.state_dir);
		t->path = *owned_path;
		break;
	case MW_REDIS_UNIX:
		t->path = a->path;
		break;
	case MW_REDIS_TCP:
		t->host = a->host;
		t->port = a->port;
		break;
	}
	t->db = a->db;
	t->password = a->password;
}
