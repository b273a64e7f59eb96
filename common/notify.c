/* notify.c: owns the sd_notify calls of every mouwatch process. */
#include "config.h"
#include "notify.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#ifdef HAVE_SYSTEMD
#include <systemd/sd-daemon.h>
#define NOTIFY(s) sd_notify(0, s)
#else
#define NOTIFY(s) ((void)(s))
#endif

void notify_ready(void) { NOTIFY("READY=1"); }
void notify_stopping(void) { NOTIFY("STOPPING=1"); }
void notify_watchdog(void) { NOTIFY("WATCHDOG=1"); }

void notify_status(const char *fmt, ...)
{
	char msg[512];
	char line[600];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	snprintf(line, sizeof line, "STATUS=%s", msg);
	NOTIFY(line);
}

uint64_t notify_watchdog_usec(void)
{
#ifdef HAVE_SYSTEMD
	uint64_t usec = 0;
	if (sd_watchdog_enabled(0, &usec) > 0)
		return usec;
#endif
	return 0;
}

/* systemd 253+ wants MONOTONIC_USEC with RELOADING=1 to tell this reload
 * from an earlier one; older versions ignore it. */
void notify_reloading(void)
{
	struct timespec ts;
	char line[80];

	clock_gettime(CLOCK_MONOTONIC, &ts);
	snprintf(line, sizeof line, "RELOADING=1\nMONOTONIC_USEC=%llu",
		 (unsigned long long)ts.tv_sec * 1000000ULL + (unsigned long long)ts.tv_nsec / 1000);
	NOTIFY(line);
}
