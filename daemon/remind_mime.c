/* remind_mime.c: encodings of MIME mail: RFC 2047 encoded-words for
 * non-ASCII header text (a UTF-8 Subject) and quoted-printable bodies, so
 * that the message is 7-bit clean whatever the SMTP server offers. */
#include "remind_msg.h"
#include "strbuf.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

static bool printable_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7e)
			return false;
	return true;
}

/* Length of the UTF-8 sequence starting with byte c (1 for stray bytes). */
static size_t utf8_len(unsigned char c)
{
	return c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
}

/* 45 bytes make 60 base64 characters: with "=?UTF-8?B?" and "?=", 72 < 75. */
#define WORD_BYTES 45

char *remind_rfc2047(const char *utf8)
{
	struct strbuf b = STRBUF_INIT;
	size_t len = strlen(utf8), at = 0;

	if (printable_ascii(utf8))
		return xstrdup(utf8);
	while (at < len) {
		size_t n = 0;
		while (at + n < len) {
			size_t c = utf8_len((unsigned char)utf8[at + n]);
			if (n + c > WORD_BYTES || at + n + c > len)
				break;
			n += c;
		}
		if (n == 0)   /* a truncated sequence at the end */
			n = len - at;
		char *b64 = remind_base64((const unsigned char *)utf8 + at, n);
		strbuf_printf(&b, "%s=?UTF-8?B?%s?=", at ? "\r\n " : "", b64);
		free(b64);
		at += n;
	}
	return strbuf_steal(&b);
}

/* Appends one encoded piece, breaking the line softly before 76. */
static void qp_put(struct strbuf *b, size_t *col, const char *piece)
{
	size_t n = strlen(piece);

	if (*col + n > 75) {
		strbuf_puts(b, "=\r\n");
		*col = 0;
	}
	strbuf_puts(b, piece);
	*col += n;
}

static void qp_line(struct strbuf *b, const char *s, size_t len)
{
	size_t col = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		bool last = i + 1 == len;
		char piece[4];
		if ((c >= 33 && c <= 126 && c != '=') || (c == ' ' && !last))
			snprintf(piece, sizeof piece, "%c", c);
		else
			snprintf(piece, sizeof piece, "=%02X", c);
		qp_put(b, &col, piece);
	}
	strbuf_puts(b, "\r\n");
}

char *remind_qp(const char *text)
{
	struct strbuf b = STRBUF_INIT;
	const char *p = text;

	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		size_t end = len && p[len - 1] == '\r' ? len - 1 : len;
		qp_line(&b, p, end);
		p += len + (nl ? 1 : 0);
	}
	return strbuf_steal(&b);
}
