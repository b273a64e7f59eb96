/* test_fetch_guard.c: the address guard's classifier over a table of IPv4
 * and IPv6 addresses (string form, and as the sockaddr libcurl hands it). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "fetch.h"

static const struct {
	const char *ip;
	const char *kind;           /* NULL: public, may be connected to */
} cases[] = {
	/* IPv4 */
	{ "8.8.8.8", NULL },
	{ "93.184.216.34", NULL },
	{ "1.1.1.1", NULL },
	{ "0.0.0.0", "unspecified" },
	{ "0.1.2.3", "reserved" },
	{ "10.0.0.5", "private" },
	{ "10.255.255.255", "private" },
	{ "11.0.0.1", NULL },
	{ "100.63.255.255", NULL },
	{ "100.64.0.1", "private" },
	{ "100.127.255.254", "private" },
	{ "100.128.0.0", NULL },
	{ "127.0.0.1", "loopback" },
	{ "127.255.0.9", "loopback" },
	{ "169.254.169.254", "link-local" },
	{ "172.15.255.255", NULL },
	{ "172.16.0.1", "private" },
	{ "172.31.255.255", "private" },
	{ "172.32.0.0", NULL },
	{ "192.168.1.1", "private" },
	{ "192.169.0.1", NULL },
	{ "192.0.2.10", "reserved" },
	{ "198.18.0.1", "reserved" },
	{ "224.0.0.1", "multicast" },
	{ "239.255.255.250", "multicast" },
	{ "240.0.0.1", "reserved" },
	{ "255.255.255.255", "broadcast" },
	/* IPv6 */
	{ "2001:4860:4860::8888", NULL },
	{ "2606:4700:4700::1111", NULL },
	{ "::", "unspecified" },
	{ "::1", "loopback" },
	{ "fe80::1", "link-local" },
	{ "febf:ffff::1", "link-local" },
	{ "fec0::1", "private" },
	{ "fc00::1", "unique-local" },
	{ "fd12:3456:789a::1", "unique-local" },
	{ "ff02::1", "multicast" },
	{ "2001:db8::1", "reserved" },
	/* IPv4 inside IPv6: judged by the IPv4 address */
	{ "::ffff:127.0.0.1", "loopback" },
	{ "::ffff:10.0.0.5", "private" },
	{ "::ffff:169.254.169.254", "link-local" },
	{ "::ffff:0.0.0.0", "unspecified" },
	{ "::ffff:8.8.8.8", NULL },
	{ "::127.0.0.1", "loopback" },
	{ "::8.8.8.8", NULL },
	{ "64:ff9b::192.168.0.1", "private" },
	{ "64:ff9b::8.8.8.8", NULL },
};

static void check_kind(const char *ip, const char *want, const char *got)
{
	if (want == NULL && got == NULL)
		return;
	if (want == NULL || got == NULL || strcmp(want, got) != 0)
		fail_msg("%s: wanted %s, got %s", ip, want ? want : "public",
			 got ? got : "public");
}

static void test_strings(void **state)
{
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		check_kind(cases[i].ip, cases[i].kind,
			   fetch_guard_classify_ip(cases[i].ip));
}

/* The same table through the sockaddr path libcurl's callback uses. */
static void test_sockaddrs(void **state)
{
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct sockaddr_storage ss;
		memset(&ss, 0, sizeof ss);
		struct sockaddr_in *in = (struct sockaddr_in *)&ss;
		struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&ss;
		if (inet_pton(AF_INET, cases[i].ip, &in->sin_addr) == 1) {
			in->sin_family = AF_INET;
		} else {
			assert_int_equal(inet_pton(AF_INET6, cases[i].ip,
						   &in6->sin6_addr), 1);
			in6->sin6_family = AF_INET6;
		}
		check_kind(cases[i].ip, cases[i].kind,
			   fetch_guard_classify((struct sockaddr *)&ss));
	}
}

static void test_not_addresses(void **state)
{
	assert_string_equal(fetch_guard_classify_ip("localhost"), "not an IP address");
	assert_string_equal(fetch_guard_classify_ip(""), "not an IP address");
	assert_string_equal(fetch_guard_classify_ip(NULL), "not an IP address");
	assert_string_equal(fetch_guard_classify_ip("10.0.0.256"), "not an IP address");
	struct sockaddr sa = { .sa_family = AF_UNIX };
	assert_non_null(fetch_guard_classify(&sa));
	assert_non_null(fetch_guard_classify(NULL));
}

/* The origin that decides whether a feed's redirect hop is guarded. */
static void test_origins(void **state)
{
	static const struct { const char *a, *b; bool same; } origins[] = {
		{ "http://127.0.0.1:8080/feed", "http://127.0.0.1:8080/other?q", true },
		{ "http://Example.ORG/a", "http://example.org:80/b", true },
		{ "https://example.org/a", "http://example.org/a", false },
		{ "http://127.0.0.1:8080/a", "http://127.0.0.1:8081/a", false },
		{ "http://127.0.0.1:8080/a", "http://[::1]:8080/a", false },
		{ "http://example.org/a", "http://169.254.169.254/latest", false },
		{ "http://example.org/a", "not a url", false },
	};
	char *o = fetch_url_origin("HTTP://Example.org/x");

	(void)state;
	assert_string_equal(o, "http://example.org:80");
	free(o);
	assert_null(fetch_url_origin("::"));
	for (size_t i = 0; i < sizeof origins / sizeof *origins; i++)
		assert_int_equal(fetch_same_origin(origins[i].a, origins[i].b),
				 origins[i].same);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strings),
		cmocka_unit_test(test_sockaddrs),
		cmocka_unit_test(test_not_addresses),
		cmocka_unit_test(test_origins),
	};
	return cmocka_run_group_tests_name("fetch_guard", tests, NULL, NULL);
}
