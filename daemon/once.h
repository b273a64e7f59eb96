/* once.h: the --once run: poll every feed once, wait until every new
 * article is stored by the workers (and, once reminders exist, every
 * reminder now due is delivered), print a summary and stop the daemon. */
#ifndef MW_ONCE_H
#define MW_ONCE_H

struct daemon;

/* Starts the run; the daemon's loop then ends by itself. */
void once_start(struct daemon *d);
/* Prints what the run did (feeds, articles, agreements) to stdout. */
void once_print_summary(struct daemon *d);

#endif
