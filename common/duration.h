/* duration.h: durations ("90s", "15m", "1h30m", "7d") and byte sizes
 * ("16M", "4MiB", "512K") as written in the configuration file and on the
 * command line, and the reverse for messages. */
#ifndef MW_DURATION_H
#define MW_DURATION_H

#include <stdbool.h>
#include <stddef.h>

/* Parses one or more NUMBER UNIT groups, unit s, m, h or d, largest first
 * or in any order ("1h30m", "2d12h"), into seconds. A bare number is an
 * error (which unit was meant?). On failure returns false and sets *why to
 * a static sentence saying what is wrong and what to write instead. */
bool duration_parse(const char *s, long long *seconds, const char **why);

/* Parses NUMBER with an optional suffix K, M or G (powers of 1024; "KiB",
 * "MB" and lower case are accepted too) into bytes. A bare number is bytes. */
bool size_parse(const char *s, unsigned long long *bytes, const char **why);

/* Writes seconds as the shortest duration_parse() form ("1h30m", "0s") into
 * buf (at least 32 bytes); returns buf. */
char *duration_format(long long seconds, char *buf, size_t size);

#endif
