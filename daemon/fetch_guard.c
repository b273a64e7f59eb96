/* fetch_guard.c: the address guard against server-side request forgery.
 * Classifies the address libcurl is about to connect to (after DNS, for
 * every redirect hop), so names that resolve to internal addresses and
 * redirects that lead there are caught as well as literal IPs. The ranges
 * are data: one table per family, most specific prefix first. */
#include "fetch.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

struct net_range {
	unsigned char prefix[16];   /* network address, in network byte order */
	unsigned bits;              /* prefix length */
	const char *kind;           /* what such an address is; NULL: embeds an
	                             * IPv4 address in its last 4 bytes */
};

static const struct net_range v4_ranges[] = {
	{ {0, 0, 0, 0}, 32, "unspecified" },
	{ {0}, 8, "reserved" },                     /* "this network" */
	{ {10}, 8, "private" },
	{ {100, 64}, 10, "private" },               /* shared (carrier NAT) */
	{ {127}, 8, "loopback" },
	{ {169, 254}, 16, "link-local" },
	{ {172, 16}, 12, "private" },
	{ {192, 0, 0}, 24, "reserved" },            /* IETF assignments */
	{ {192, 0, 2}, 24, "reserved" },            /* documentation */
	{ {192, 168}, 16, "private" },
	{ {198, 18}, 15, "reserved" },              /* benchmarking */
	{ {198, 51, 100}, 24, "reserved" },         /* documentation */
	{ {203, 0, 113}, 24, "reserved" },          /* documentation */
	{ {224}, 4, "multicast" },
	{ {255, 255, 255, 255}, 32, "broadcast" },
	{ {240}, 4, "reserved" },
};

static const struct net_range v6_ranges[] = {
	{ {0}, 128, "unspecified" },
	{ {[15] = 1}, 128, "loopback" },
	{ {[10] = 0xff, [11] = 0xff}, 96, NULL },   /* IPv4-mapped */
	{ {0}, 96, NULL },                          /* IPv4-compatible */
	{ {0x00, 0x64, 0xff, 0x9b}, 96, NULL },     /* NAT64 */
	{ {0x01, 0x00}, 64, "reserved" },           /* discard */
	{ {0x20, 0x01, 0x0d, 0xb8}, 32, "reserved" }, /* documentation */
	{ {0xfe, 0x80}, 10, "link-local" },
	{ {0xfe, 0xc0}, 10, "private" },            /* old site-local */
	{ {0xfc}, 7, "unique-local" },
	{ {0xff}, 8, "multicast" },
};

static int prefix_matches(const unsigned char *addr, const struct net_range *r)
{
	unsigned full = r->bits / 8, rest = r->bits % 8;

	if (memcmp(addr, r->prefix, full) != 0)
		return 0;
	if (rest == 0)
		return 1;
	unsigned char mask = (unsigned char)(0xff << (8 - rest));
	return (addr[full] & mask) == (r->prefix[full] & mask);
}

/* The matching range of addr, or NULL when it is in none. */
static const struct net_range *find_range(const unsigned char *addr,
					  const struct net_range *table,
					  size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (prefix_matches(addr, &table[i]))
			return &table[i];
	return NULL;
}

static const char *classify_v4(const unsigned char addr[4])
{
	const struct net_range *r =
		find_range(addr, v4_ranges, sizeof v4_ranges / sizeof *v4_ranges);
	return r ? r->kind : NULL;
}

static const char *classify_v6(const unsigned char addr[16])
{
	const struct net_range *r =
		find_range(addr, v6_ranges, sizeof v6_ranges / sizeof *v6_ranges);
	if (!r)
		return NULL;
	return r->kind ? r->kind : classify_v4(addr + 12);
}

const char *fetch_guard_classify(const struct sockaddr *sa)
{
	if (!sa)
		return "unspecified";
	if (sa->sa_family == AF_INET) {
		const struct sockaddr_in *in = (const struct sockaddr_in *)sa;
		return classify_v4((const unsigned char *)&in->sin_addr);
	}
	if (sa->sa_family == AF_INET6) {
		const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)sa;
		return classify_v6(in6->sin6_addr.s6_addr);
	}
	return "not an Internet address";
}

const char *fetch_guard_classify_ip(const char *ip)
{
	unsigned char addr[16];

	if (ip && inet_pton(AF_INET, ip, addr) == 1)
		return classify_v4(addr);
	if (ip && inet_pton(AF_INET6, ip, addr) == 1)
		return classify_v6(addr);
	return "not an IP address";
}
