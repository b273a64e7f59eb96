/* utf8.c: owns the strict UTF-8 decoder, validator and encoder (utf8.h).
 * The rules of a valid sequence are one table: lead byte range, length,
 * smallest code point that length may carry (shorter forms are overlong). */
#include "utf8.h"

#include <string.h>

struct utf8_form {
	unsigned char lead_lo, lead_hi;  /* lead byte range */
	unsigned char len;               /* bytes in the sequence */
	unsigned char lead_mask;         /* payload bits of the lead byte */
	uint32_t min;                    /* smaller values would be overlong */
};

/* 0xC0, 0xC1 (always overlong) and 0xF5..0xFF (above U+10FFFF or 5- and
 * 6-byte forms) lead no valid sequence, nor do continuation bytes. */
static const struct utf8_form forms[] = {
	{ 0xC2, 0xDF, 2, 0x1F, 0x80 },
	{ 0xE0, 0xEF, 3, 0x0F, 0x800 },
	{ 0xF0, 0xF4, 4, 0x07, 0x10000 },
};

static const struct utf8_form *form_of(unsigned char lead)
{
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
		if (lead >= forms[i].lead_lo && lead <= forms[i].lead_hi)
			return &forms[i];
	return NULL;
}

static bool is_surrogate(uint32_t cp)
{
	return cp >= 0xD800 && cp <= 0xDFFF;
}

size_t utf8_decode(const unsigned char *s, size_t avail, uint32_t *cp)
{
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	const struct utf8_form *f = form_of(s[0]);
	if (f == NULL || avail < f->len)
		return 0;
	uint32_t v = s[0] & f->lead_mask;
	for (size_t i = 1; i < f->len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < f->min || v > 0x10FFFF || is_surrogate(v))
		return 0;
	*cp = v;
	return f->len;
}

/* True when the eight bytes at p are all ASCII. */
static bool ascii8(const unsigned char *p)
{
	uint64_t w;

	memcpy(&w, p, 8);
	return (w & 0x8080808080808080ull) == 0;
}

bool utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < len) {
		if (len - i >= 8 && ascii8(p + i)) {
			i += 8;
			continue;
		}
		size_t n = utf8_seq_len(p + i, len - i);
		if (n == 0)
			return false;
		i += n;
	}
	return true;
}

size_t utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (is_surrogate(cp) || cp > 0x10FFFF)
		cp = UTF8_REPLACEMENT;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}
