/* strbuf.h: a growable, always NUL-terminated byte buffer.
 * The struct owns s; strbuf_free() releases it, strbuf_steal() hands it over. */
#ifndef MW_STRBUF_H
#define MW_STRBUF_H

#include <stddef.h>

struct strbuf {
	char *s;     /* NUL-terminated; NULL until the first append */
	size_t len;  /* bytes used, without the NUL */
	size_t cap;  /* bytes allocated */
};

#define STRBUF_INIT { NULL, 0, 0 }

void strbuf_reserve(struct strbuf *b, size_t extra);
void strbuf_append(struct strbuf *b, const char *data, size_t n);
void strbuf_puts(struct strbuf *b, const char *s);
void strbuf_putc(struct strbuf *b, char c);
void strbuf_printf(struct strbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void strbuf_truncate(struct strbuf *b, size_t len);
/* Returns the string (never NULL) and leaves b empty; the caller frees it. */
char *strbuf_steal(struct strbuf *b);
/* The current contents, "" when empty; owned by b. */
const char *strbuf_str(const struct strbuf *b);
void strbuf_free(struct strbuf *b);

#endif
