/* tz.h: time zones of the tz database read from their TZif files, for
 * turning a local ("naive") date and time into UTC on any thread. */
#ifndef MW_TZ_H
#define MW_TZ_H

#include <stdint.h>

struct mw_tz;

/* The zone named name ("Asia/Jakarta", "UTC") from $TZDIR or
 * /usr/share/zoneinfo, loaded once and kept for the life of the process
 * (safe from any thread); NULL when it cannot be read. */
const struct mw_tz *mw_tz_get(const char *name);

/* The zone's offset east of UTC, in seconds, at the local wall time local
 * (seconds since 1970-01-01 00:00 counted on the zone's clock). Past the
 * file's last transition, the last offset holds (DST rules of the footer
 * are not applied). */
int32_t mw_tz_local_offset(const struct mw_tz *tz, int64_t local);

#endif
