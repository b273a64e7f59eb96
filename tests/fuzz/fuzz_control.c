/* fuzz_control.c: libFuzzer target for the control-socket request parser.
 * The input is what a client writes: split at newlines as the server does
 * (daemon/control.c on_read), each line up to CONTROL_MAX_REQUEST goes
 * through control_handle_line() (daemon/control_methods.c), which parses
 * the JSON, checks the envelope and dispatches. The real methods of
 * control_methods.c, control_reads.c, control_remind.c and control_feeds.c
 * answer, against a real SQLite database in memory (one transaction per
 * input, rolled back, so inputs replay alike); status, the poller, the
 * reminder part and reload are stubs below
 * (they need a running daemon). Checks that every reply is an object
 * {"v": 1, "ok": bool, ...} with a result or an {code, message} error,
 * echoes the request's id, is valid UTF-8 and serialises.
 *
 * The control sources are included here rather than listed in FUZZ_SRCS:
 * they need the daemon's symbols, which every other target would then have
 * to link. Built by `make fuzz`; replayed over its corpus by `make check`. */
#include "control_methods.c"
#include "control_reads.c"
#include "control_remind.c"
#include "control_feeds.c"

#include "fuzz_util.h"
#include "poll.h"

/* ---- stubs for what needs a running daemon ---- */

static int reloads;

void control_m_status(struct control_req *r)
{
	r->result = json_pack("{s:s}", "stub", "status");
}

void control_status_refresh(struct control *c)
{
	(void)c;
}

bool daemon_reload(struct daemon *d, struct strbuf *errors)
{
	(void)d;
	if (++reloads % 2)
		return true;
	strbuf_puts(errors, "/fuzz/mouwatch.conf:1: refused by the fuzz stub");
	return false;
}

int64_t daemon_now(void)
{
	return 1750000000;  /* 2025-06-15 */
}

bool poller_poll_now(struct poller *p, const char *name)
{
	(void)p;
	return strcmp(name, "known") == 0;
}

void poller_poll_all_now(struct poller *p)
{
	(void)p;
}

int remind_release_channel(struct remind *r, const char *name, int64_t now)
{
	(void)r;
	(void)name;
	(void)now;
	return 0;
}

void remind_wake(struct remind *r)
{
	(void)r;
}

/* ---- one daemon for the whole run ---- */

static struct daemon daemon;
static struct control control;

static void teardown(void)
{
	db_close(daemon.db);
	config_free(daemon.cfg);
}

static void setup(void)
{
	struct strbuf errors = STRBUF_INIT;
	char *err = NULL;

	if (daemon.db != NULL)
		return;
	log_set_level(LOG_LEVEL_ERR);  /* methods log each change at notice */
	daemon.cfg = config_load_string("[daemon]\nallow_file_urls = yes\n",
					"/fuzz/mouwatch.conf", &errors);
	daemon.db = db_open(":memory:", NULL, &err);
	if (daemon.cfg == NULL || daemon.db == NULL) {
		fprintf(stderr, "fuzz_control: setup failed: %s%s\n", strbuf_str(&errors),
			err ? err : "");
		abort();
	}
	control.d = &daemon;
	control.ro = daemon.db;
	atexit(teardown);
}

static void check_reply(const json_t *reply, const char *line, size_t len)
{
	json_t *req = json_loadb(line, len, JSON_REJECT_DUPLICATES, NULL);
	json_t *id = json_is_object(req) ? json_object_get(req, "id") : NULL;
	json_t *ok;

	FUZZ_CHECK(json_is_object(reply));
	FUZZ_CHECK(json_integer_value(json_object_get(reply, "v")) == CONTROL_PROTOCOL);
	ok = json_object_get(reply, "ok");
	FUZZ_CHECK(json_is_boolean(ok));
	if (json_is_true(ok)) {
		FUZZ_CHECK(json_object_get(reply, "result") != NULL);
	} else {
		json_t *e = json_object_get(reply, "error");
		FUZZ_CHECK(json_is_string(json_object_get(e, "code")));
		FUZZ_CHECK(json_string_length(json_object_get(e, "message")) > 0);
	}
	FUZZ_CHECK(id == NULL || json_equal(id, json_object_get(reply, "id")));
	FUZZ_CHECK(fuzz_json_utf8(reply));
	char *out = json_dumps(reply, JSON_COMPACT);
	FUZZ_CHECK(out != NULL && strchr(out, '\n') == NULL);
	free(out);
	json_decref(req);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data, *end = p + size;

	setup();
	reloads = 0;
	FUZZ_CHECK(db_begin(daemon.db) == DB_OK);
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = (size_t)((nl ? nl : end) - p);
		if (len > 0 && len <= CONTROL_MAX_REQUEST) {
			json_t *reply = control_handle_line(&control, p, len);
			check_reply(reply, p, len);
			json_decref(reply);
		}
		p += len + 1;
	}
	db_rollback(daemon.db);
	return 0;
}
