/* feed_encoding.h: an XML feed in any encoding made UTF-8 before it is
 * parsed (see feed_encoding.c). */
#ifndef MW_FEED_ENCODING_H
#define MW_FEED_ENCODING_H

#include <stddef.h>

/* data as UTF-8 when it is in another encoding: UTF-16/UTF-32 of either
 * byte order, told by a byte order mark or by the first bytes, or what the
 * XML declaration names (under any of the usual aliases: "latin-1",
 * "u16", "csUTF8", "windows-874", "tis-620"...). The declaration of the
 * copy says UTF-8; bytes that are not in the encoding become U+FFFD.
 * NULL when data is UTF-8 already or its encoding is unknown (then the
 * XML parser is left to it); else a malloc'd copy, its length in
 * *out_len. */
char *feed_to_utf8(const char *data, size_t len, size_t *out_len);

#endif
