/* log.c: owns the process-wide log settings and the formatting of log lines. */
#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

static const char *log_ident = "mouwatch";
static enum log_level log_max = LOG_LEVEL_INFO;
static int log_journal = -1; /* -1: not decided yet */

static const char *const level_names[] = {
	[LOG_LEVEL_CRIT] = "crit",   [LOG_LEVEL_ERR] = "error",
	[LOG_LEVEL_WARN] = "warning", [LOG_LEVEL_NOTICE] = "notice",
	[LOG_LEVEL_INFO] = "info",   [LOG_LEVEL_DEBUG] = "debug",
};

void log_init(const char *ident, enum log_level max_level)
{
	const char *env = getenv("MOUWATCH_LOG_LEVEL");
	int from_env = env ? log_level_from_name(env) : -1;

	log_ident = ident;
	log_max = from_env >= 0 ? (enum log_level)from_env : max_level;
	log_journal = getenv("JOURNAL_STREAM") != NULL;
}

void log_set_level(enum log_level max_level) { log_max = max_level; }
enum log_level log_get_level(void) { return log_max; }

int log_level_from_name(const char *name)
{
	for (size_t i = 0; i < sizeof level_names / sizeof level_names[0]; i++)
		if (level_names[i] && strcasecmp(name, level_names[i]) == 0)
			return (int)i;
	if (strcasecmp(name, "warn") == 0)
		return LOG_LEVEL_WARN;
	if (strcasecmp(name, "err") == 0)
		return LOG_LEVEL_ERR;
	return -1;
}

void log_msg(enum log_level level, const char *fmt, ...)
{
	char line[4096];
	va_list ap;

	if (level > log_max)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	if (log_journal == -1)
		log_journal = getenv("JOURNAL_STREAM") != NULL;
	if (log_journal) {
		fprintf(stderr, "<%d>%s\n", (int)level, line);
		return;
	}
	char stamp[32];
	struct timespec ts;
	struct tm tm;
	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &tm);
	fprintf(stderr, "%s.%03ldZ %s[%d] %s: %s\n", stamp, ts.tv_nsec / 1000000L,
		log_ident, (int)getpid(), level_names[level], line);
}
