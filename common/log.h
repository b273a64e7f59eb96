/* log.h: the one logging facility of every mouwatch program.
 * Lines go to stderr; under systemd (JOURNAL_STREAM set) each line carries
 * the "<N>" priority prefix journald understands, otherwise a timestamp and
 * the program name. */
#ifndef MW_LOG_H
#define MW_LOG_H

enum log_level {
	LOG_LEVEL_CRIT = 2,
	LOG_LEVEL_ERR = 3,
	LOG_LEVEL_WARN = 4,
	LOG_LEVEL_NOTICE = 5,
	LOG_LEVEL_INFO = 6,
	LOG_LEVEL_DEBUG = 7,
};

/* ident is kept by pointer: pass a string that lives as long as the program. */
void log_init(const char *ident, enum log_level max_level);
void log_set_level(enum log_level max_level);
enum log_level log_get_level(void);
/* Parses "debug", "info", "notice", "warning", "error"; -1 if unknown. */
int log_level_from_name(const char *name);

void log_msg(enum log_level level, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#define log_debug(...)  log_msg(LOG_LEVEL_DEBUG, __VA_ARGS__)
#define log_info(...)   log_msg(LOG_LEVEL_INFO, __VA_ARGS__)
#define log_notice(...) log_msg(LOG_LEVEL_NOTICE, __VA_ARGS__)
#define log_warn(...)   log_msg(LOG_LEVEL_WARN, __VA_ARGS__)
#define log_err(...)    log_msg(LOG_LEVEL_ERR, __VA_ARGS__)

#endif
