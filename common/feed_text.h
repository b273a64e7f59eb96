/* feed_text.h: text clean-up for feed fields: UTF-8 repair, HTML entity
 * decoding, markup removal and whitespace normalisation. Every function
 * returning char * returns a malloc'd string the caller frees. */
#ifndef MW_FEED_TEXT_H
#define MW_FEED_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* True when s[0..len) is well-formed UTF-8 (no overlongs, no surrogates). */
bool feed_utf8_valid(const char *s, size_t len);

/* A copy of s[0..len) with each invalid UTF-8 sequence replaced by U+FFFD. */
char *feed_utf8_fix(const char *s, size_t len);

/* HTML (or text that may hold markup and entities) as plain text: tags and
 * comments removed (script/style with their content), entities and numeric
 * references decoded, runs of ASCII whitespace collapsed to one space,
 * trimmed, valid UTF-8. NULL when nothing is left. A no-break space
 * (U+00A0, "&nbsp;", "&#160;") stays a character: the one place it is
 * read as a space is the extractor's folding (workers/extract_text.c).
 * A field that is double-encoded UTF-8 through and through (UTF-8 read as
 * windows-1252 or Latin-1 and encoded again: "\xC3\xA2\xE2\x82\xAC\xC2\xA6")
 * is read back first, here and in the two functions below; a field with
 * any character that does not fit that reading is left as it is. */
char *feed_text_plain(const char *html);

/* Plain text as it is (an Atom type="text" construct: "<" and "&" are
 * characters, not markup): runs of ASCII whitespace collapsed to one
 * space, trimmed, valid UTF-8. NULL when nothing is left. */
char *feed_text_collapse(const char *s);

/* The bytes base64 text s encodes (whitespace ignored, padding optional),
 * NUL-terminated, their count in *len; NULL when s is not base64. */
char *feed_base64_decode(const char *s, size_t *len);

/* s trimmed of surrounding whitespace, valid UTF-8; NULL when empty. */
char *feed_text_trim(const char *s);

/* Appends the UTF-8 encoding of cp to out (at least 4 bytes); returns the
 * length. Invalid code points are written as U+FFFD. */
size_t feed_utf8_encode(unsigned cp, char *out);

/* Decodes one character reference at s ("&amp;", "&#8217;", "&#x2019;",
 * any of HTML5's named references). Returns the bytes consumed (0: not a
 * reference) and sets cp[0], and cp[1] (0 unless the name stands for two
 * code points). */
size_t feed_decode_entity(const char *s, unsigned cp[2]);

/* The raw document prepared for the XML parser: when utf8 is true,
 * invalid UTF-8 becomes U+FFFD; in any case the control bytes XML forbids
 * become spaces. Returns NULL when data needs no change, else a malloc'd
 * copy whose length is stored in *out_len. */
char *feed_scrub_input(const char *data, size_t len, bool utf8, size_t *out_len);

#endif
