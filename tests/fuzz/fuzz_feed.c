/* fuzz_feed.c: libFuzzer target for the feed reader: any bytes through
 * feed_parse() and feed_to_json(), and a short prefix through the date
 * parser and the HTML-to-text code. Built by `make fuzz`. */
#include "feed.h"
#include "feed_date.h"
#include "feed_text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fuzz_strings(const uint8_t *data, size_t size)
{
	char buf[512];
	size_t n = size < sizeof buf - 1 ? size : sizeof buf - 1;
	time_t t;

	memcpy(buf, data, n);
	buf[n] = '\0';
	(void)feed_parse_date(buf, &t);
	free(feed_text_plain(buf));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct feed_limits lim = { 1 << 20, 1000 };
	struct feed *f = NULL;
	char *err = NULL;

	fuzz_strings(data, size);
	if (feed_parse((const char *)data, size, "https://example.org/feed/", &lim, &f, &err) == 0) {
		json_t *j = feed_to_json(f);
		free(json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER));
		json_decref(j);
		feed_free(f);
	} else if (err == NULL || f != NULL) {
		abort();  /* failure must come with a message and no feed */
	}
	free(err);
	return 0;
}
