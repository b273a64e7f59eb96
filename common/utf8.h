/* utf8.h: the one strict UTF-8 decoder and encoder the feed reader, the
 * HTML text extractor and the article cleaner share. Strict means: no
 * overlong forms, no UTF-16 surrogates (U+D800..U+DFFF), nothing above
 * U+10FFFF, no 5- or 6-byte forms, no lone continuation bytes. Nothing
 * here allocates. */
#ifndef MW_UTF8_H
#define MW_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT 0xFFFDu  /* U+FFFD REPLACEMENT CHARACTER */
#define UTF8_MAX_LEN 4            /* bytes of the longest sequence */

/* Decodes the sequence at s (avail >= 1 bytes readable): returns its
 * length 1-4 and stores the code point in *cp, or returns 0 (and leaves
 * *cp alone) when the bytes at s do not start a valid sequence. */
size_t utf8_decode(const unsigned char *s, size_t avail, uint32_t *cp);

/* Length of the valid sequence at s (avail >= 1), or 0 when invalid.
 * ASCII is answered inline: the callers' loops see mostly ASCII. */
static inline size_t utf8_seq_len(const unsigned char *s, size_t avail)
{
	uint32_t cp;

	if (s[0] < 0x80)
		return 1;
	return utf8_decode(s, avail, &cp);
}

/* True when s[0..len) is well-formed UTF-8 as defined above. */
bool utf8_valid(const char *s, size_t len);

/* Writes the UTF-8 form of cp to out (room for UTF8_MAX_LEN bytes, not
 * NUL-terminated) and returns its length. A surrogate or a value above
 * U+10FFFF is written as U+FFFD. */
size_t utf8_encode(uint32_t cp, char *out);

#endif
