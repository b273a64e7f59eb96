/* remind_sign.c: the Standard Webhooks signature of one webhook request:
 * "v1," + base64(HMAC-SHA256(key, id "." timestamp "." body)), with
 * libcrypto. The key is the decoded secret (the base64 after whsec_). */
#include "remind_msg.h"
#include "xalloc.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <string.h>

char *remind_base64(const unsigned char *data, size_t len)
{
	char *out = xmalloc(4 * ((len + 2) / 3) + 1);

	EVP_EncodeBlock((unsigned char *)out, data, (int)len);
	return out;
}

char *remind_sign(const unsigned char *key, size_t key_len, const char *id,
		  const char *timestamp, const char *body, size_t body_len)
{
	unsigned char mac[EVP_MAX_MD_SIZE];
	unsigned int mac_len = 0;
	size_t id_len = strlen(id), ts_len = strlen(timestamp);
	size_t n = id_len + 1 + ts_len + 1 + body_len;
	char *content = xmalloc(n + 1);

	memcpy(content, id, id_len);
	content[id_len] = '.';
	memcpy(content + id_len + 1, timestamp, ts_len);
	content[id_len + 1 + ts_len] = '.';
	memcpy(content + id_len + ts_len + 2, body, body_len);
	if (!HMAC(EVP_sha256(), key, (int)key_len, (unsigned char *)content, n, mac, &mac_len))
		fatal("libcrypto cannot compute an HMAC-SHA256");
	free(content);
	char *b64 = remind_base64(mac, mac_len);
	char *sig = xasprintf("v1,%s", b64);
	free(b64);
	return sig;
}
