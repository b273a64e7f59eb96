/* remind_retry.c: when a failed delivery is tried again. The waits come
 * from [reminders] retry_schedule (the last one repeats), spread by a
 * jitter factor so that deliveries failing together do not return
 * together, never sooner than the receiver's Retry-After, and not past
 * give_up_after counted from the delivery's first attempt (a delivery
 * never attempted never gives up, however long it waited). */
#include "remind_msg.h"

#define DEFAULT_WAIT 60

int64_t remind_retry_next(const long long *schedule, size_t n, int attempts,
			  int64_t first_attempt_at, int64_t now, long retry_after_s,
			  long long give_up_after, double jitter)
{
	long long wait = DEFAULT_WAIT;

	if (n > 0) {
		size_t i = attempts < 1 ? 0 : (size_t)attempts - 1;
		wait = schedule[i < n ? i : n - 1];
	}
	wait = (long long)((double)wait * jitter + 0.5);
	if (wait < 1)
		wait = 1;
	if (retry_after_s > wait)
		wait = retry_after_s;
	int64_t next = now + wait;
	return next > first_attempt_at + give_up_after ? -1 : next;
}
