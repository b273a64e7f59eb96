/* xalloc.h: allocation that never returns NULL, and fatal() for impossible
 * states. Running out of memory is not a condition mouwatch recovers from:
 * these functions log and abort instead of returning NULL. */
#ifndef MW_XALLOC_H
#define MW_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Logs "fatal: ..." and aborts. For bugs and allocation failure only;
 * anything the outside world can cause is logged and returned as an error. */
void fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

#endif
