/* cli_channels.c: 'mouwatch channels' (the reminder channels: type, match
 * filter, enabled or disabled and why, deliveries pending / held / failed
 * / delivered) and 'mouwatch channel enable NAME' (turn back on a channel
 * its receiver disabled with HTTP 410; its held deliveries go out). */
#include "cli_client.h"
#include "cli_out.h"
#include "strbuf.h"

#include <stdio.h>
#include <string.h>

/* "country:TH program:x" or "all". */
static void match_text(struct strbuf *b, const json_t *match)
{
	const json_t *m;
	size_t i;

	json_array_foreach(match, i, m)
		strbuf_printf(b, "%s%s", i ? " " : "", json_string_value(m));
	if (json_array_size(match) == 0)
		strbuf_puts(b, "all");
}

static void show_channels(const json_t *arr)
{
	static const char *heads[] = { "NAME", "TYPE", "MATCH", "STATE", "PENDING", "HELD",
				       "FAILED", "DELIVERED" };
	struct cli_table t;
	struct strbuf b = STRBUF_INIT;
	size_t i;
	json_t *c;

	cli_table_init(&t, heads, 8, 3);
	json_array_foreach(arr, i, c) {
		bool removed = !json_is_true(json_object_get(c, "configured"));
		const char *why = cli_jstr(c, "disabled_reason");
		cli_table_row(&t);
		cli_table_set(&t, 0, cli_jstr(c, "name"), CLI_PLAIN);
		cli_table_set(&t, 1, removed ? "-" : cli_jstr(c, "type"), CLI_PLAIN);
		strbuf_truncate(&b, 0);
		match_text(&b, json_object_get(c, "match"));
		cli_table_set(&t, 2, removed ? "-" : strbuf_str(&b), CLI_PLAIN);
		if (removed)
			cli_table_set(&t, 3, "removed from the configuration", cli_state_colour("failed"));
		else if (why)
			cli_table_setf(&t, 3, cli_state_colour("failed"), "disabled: %s", why);
		else
			cli_table_set(&t, 3, "enabled", cli_state_colour("ok"));
		cli_table_setf(&t, 4, CLI_PLAIN, "%lld", cli_jint(c, "pending"));
		cli_table_setf(&t, 5, CLI_PLAIN, "%lld", cli_jint(c, "held"));
		cli_table_setf(&t, 6, CLI_PLAIN, "%lld", cli_jint(c, "failed"));
		cli_table_setf(&t, 7, CLI_PLAIN, "%lld", cli_jint(c, "delivered"));
	}
	cli_table_print(&t, stdout);
	cli_table_free(&t);
	strbuf_free(&b);
}

int cli_channels(const struct cli_opts *opts, int argc, char **argv)
{
	(void)argv;
	if (argc != 1) {
		fprintf(stderr, "usage: mouwatch channels\n");
		return EXIT_USAGE;
	}
	return cli_call_show(opts, "channels", json_object(), show_channels);
}

static void show_enable(const json_t *r)
{
	if (json_is_true(json_object_get(r, "was_disabled")))
		printf("channel %s enabled again (it was disabled: %s); its %lld held "
		       "delivery(ies) go out now\n", cli_jstr(r, "name"), cli_jstr(r, "reason"),
		       cli_jint(r, "released"));
	else
		printf("channel %s was not disabled; %lld held delivery(ies) go out now\n",
		       cli_jstr(r, "name"), cli_jint(r, "released"));
}

int cli_channel(const struct cli_opts *opts, int argc, char **argv)
{
	if (argc != 3 || strcmp(argv[1], "enable") != 0 || argv[2][0] == '\0') {
		fprintf(stderr, "usage: mouwatch channel enable NAME ('mouwatch channels' lists them)\n");
		return EXIT_USAGE;
	}
	return cli_call_show(opts, "channel.enable", json_pack("{s:s}", "name", argv[2]), show_enable);
}
