/* notify.h: telling systemd how a process is doing (Type=notify units):
 * READY=1 once serving, STATUS= lines an operator sees in
 * `systemctl status`, WATCHDOG=1 keep-alives, STOPPING=1. Without
 * libsystemd, or when not started by systemd, these do nothing. */
#ifndef MW_NOTIFY_H
#define MW_NOTIFY_H

#include <stdint.h>

void notify_ready(void);
void notify_stopping(void);
void notify_reloading(void);
void notify_status(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void notify_watchdog(void);
/* The watchdog interval systemd asks for, in microseconds; 0 when none. */
uint64_t notify_watchdog_usec(void);

#endif
