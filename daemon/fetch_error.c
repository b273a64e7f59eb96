/* fetch_error.c: the kinds of failed transfers: their stable names and
 * which libcurl error codes fall under which kind. */
#include "fetch_private.h"

static const char *const names[FETCH_ERR__COUNT] = {
	[FETCH_OK] = "ok",
	[FETCH_ERR_REQUEST] = "request",
	[FETCH_ERR_REFUSED] = "refused",
	[FETCH_ERR_DNS] = "dns",
	[FETCH_ERR_CONNECT] = "connect",
	[FETCH_ERR_TIMEOUT] = "timeout",
	[FETCH_ERR_TLS] = "tls",
	[FETCH_ERR_TOO_LARGE] = "too_large",
	[FETCH_ERR_REDIRECTS] = "redirects",
	[FETCH_ERR_PROTOCOL] = "protocol",
	[FETCH_ERR_FILE] = "file",
	[FETCH_ERR_CANCELLED] = "cancelled",
	[FETCH_ERR_OTHER] = "other",
};

const char *fetch_error_name(enum fetch_error e)
{
	if ((unsigned)e >= FETCH_ERR__COUNT)
		return "unknown";
	return names[e];
}

static const struct {
	CURLcode code;
	enum fetch_error kind;
} curl_kinds[] = {
	{ CURLE_OK, FETCH_OK },
	{ CURLE_UNSUPPORTED_PROTOCOL, FETCH_ERR_REQUEST },
	{ CURLE_URL_MALFORMAT, FETCH_ERR_REQUEST },
	{ CURLE_COULDNT_RESOLVE_PROXY, FETCH_ERR_DNS },
	{ CURLE_COULDNT_RESOLVE_HOST, FETCH_ERR_DNS },
	{ CURLE_COULDNT_CONNECT, FETCH_ERR_CONNECT },
	{ CURLE_OPERATION_TIMEDOUT, FETCH_ERR_TIMEOUT },
	{ CURLE_SSL_CONNECT_ERROR, FETCH_ERR_TLS },
	{ CURLE_PEER_FAILED_VERIFICATION, FETCH_ERR_TLS },
	{ CURLE_SSL_CERTPROBLEM, FETCH_ERR_TLS },
	{ CURLE_SSL_CIPHER, FETCH_ERR_TLS },
	{ CURLE_SSL_CACERT_BADFILE, FETCH_ERR_TLS },
	{ CURLE_FILESIZE_EXCEEDED, FETCH_ERR_TOO_LARGE },
	{ CURLE_TOO_MANY_REDIRECTS, FETCH_ERR_REDIRECTS },
	{ CURLE_WEIRD_SERVER_REPLY, FETCH_ERR_PROTOCOL },
	{ CURLE_HTTP2, FETCH_ERR_PROTOCOL },
	{ CURLE_HTTP2_STREAM, FETCH_ERR_PROTOCOL },
	{ CURLE_PARTIAL_FILE, FETCH_ERR_PROTOCOL },
	{ CURLE_BAD_CONTENT_ENCODING, FETCH_ERR_PROTOCOL },
	{ CURLE_RECV_ERROR, FETCH_ERR_PROTOCOL },
	{ CURLE_SEND_ERROR, FETCH_ERR_PROTOCOL },
	{ CURLE_GOT_NOTHING, FETCH_ERR_PROTOCOL },
	{ CURLE_FILE_COULDNT_READ_FILE, FETCH_ERR_FILE },
	{ CURLE_READ_ERROR, FETCH_ERR_FILE },
};

enum fetch_error fetch_error_from_curl(CURLcode code)
{
	for (size_t i = 0; i < sizeof curl_kinds / sizeof *curl_kinds; i++)
		if (curl_kinds[i].code == code)
			return curl_kinds[i].kind;
	return FETCH_ERR_OTHER;
}
