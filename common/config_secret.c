/* config_secret.c: the webhook signing secret, "whsec_" followed by the
 * base64 of the key (Standard Webhooks). The key is decoded here, once, so
 * the sender only computes HMACs and a typo is found by check-config. */
#include "config_values.h"
#include "xalloc.h"

#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>

#define SECRET_PREFIX "whsec_"
/* Standard Webhooks: keys of 24 to 64 bytes. */
#define SECRET_MIN_BYTES 24
#define SECRET_MAX_BYTES 64

static const char b64_alphabet[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* Strict standard base64: alphabet, length a multiple of 4, '=' only as
 * the last one or two characters. Returns the number of '=' or -1. */
static int b64_padding(const char *s, size_t len)
{
	int pad = 0;
	if (len == 0 || len % 4 != 0)
		return -1;
	while (pad < 2 && s[len - 1 - (size_t)pad] == '=')
		pad++;
	for (size_t i = 0; i < len - (size_t)pad; i++)
		if (s[i] == '\0' || strchr(b64_alphabet, s[i]) == NULL)
			return -1;
	return pad;
}

bool config_p_secret(const struct value_arg *a)
{
	struct mw_channel_config *ch = a->base;
	const char *b64 = a->v + strlen(SECRET_PREFIX);
	size_t len = strlen(b64);
	int pad;

	if (strncmp(a->v, SECRET_PREFIX, strlen(SECRET_PREFIX)) != 0
	    || (pad = b64_padding(b64, len)) < 0) {
		strbuf_puts(a->why, "is not a webhook secret; write whsec_ followed by the base64 of 24 to 64 random bytes (e.g. from: openssl rand -base64 32)");
		return false;
	}
	size_t n = len / 4 * 3 - (size_t)pad;
	if (n < SECRET_MIN_BYTES || n > SECRET_MAX_BYTES) {
		strbuf_printf(a->why, "holds a %zu-byte key; use 24 to 64 random bytes (e.g. whsec_ followed by: openssl rand -base64 32)", n);
		return false;
	}
	unsigned char *key = xmalloc(len / 4 * 3 + 1);
	if (EVP_DecodeBlock(key, (const unsigned char *)b64, (int)len) < 0)
		fatal("config: EVP_DecodeBlock refused base64 that passed the check");
	ch->secret = xstrdup(a->v);
	ch->secret_key = key;
	ch->secret_key_len = n;
	return true;
}
