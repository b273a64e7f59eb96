/* test_db_reminders.c: scheduling with lead days 90, 30, 7 around a fixed
 * "now": future reminders pending, overdue ones collapse to the most
 * urgent, past targets skipped, re-scheduling inserts nothing; due
 * reminders; deliveries and their attempts. */
#include <dirent.h>

#include "test_db_util.h"

static const int leads[] = { 90, 30, 7 };

/* An agreement expiring 2025-06-30 with events starting 2025-05-20 (soon)
 * and 2025-05-01 (past), stored from a record built here. */
static int64_t make_agreement(struct db *db)
{
	int64_t art = tdb_article(db, 1, "2025-01-10"), id = 0;
	json_t *rec = json_pack("{s:b, s:s, s:[{s:s, s:[], s:s}, {s:s, s:[], s:s}],"
		" s:s, s:s, s:[{s:s, s:s}, {s:s, s:s}], s:[s]}",
		"agreement", 1, "type", "mou",
		"parties", "name", "Dinas Pendidikan Contoh", "aliases", "country", "ID",
		"name", "Sekolah Contoh", "aliases", "country", "ID",
		"signed_on", "2025-01-10", "expires_on", "2025-06-30",
		"events", "type", "training", "starts_on", "2025-05-20",
		"type", "visit", "starts_on", "2025-05-01",
		"programs", "training");

	assert_non_null(rec);
	assert_int_equal(db_agreement_store(db, art, rec, 1, &id), DB_OK);
	json_decref(rec);
	return id;
}

static long long n_state(struct db *db, const char *kind, const char *state)
{
	char *sql = xasprintf("SELECT count(*) FROM reminders WHERE kind = '%s'"
	                      " AND state = '%s'", kind, state);
	long long n = tdb_int(db, sql);
	free(sql);
	return n;
}

static void test_schedule(void **state)
{
	struct tdb *t = *state;
	int64_t ag = make_agreement(t->db), now = tdb_time("2025-05-15", 9);
	int created = -1;

	assert_int_equal(db_reminders_schedule(t->db, ag, leads, 3, now,
	                                       &created), DB_OK);
	/* new: 1; expiry: 3 (90 overdue but most urgent, 30 and 7 future);
	 * training 05-20: 90, 30, 7 all overdue -> 7 pending, others
	 * superseded; visit 05-01: past, nothing. */
	assert_int_equal(created, 1 + 3 + 3);
	assert_int_equal(n_state(t->db, "agreement.new", "pending"), 1);
	assert_int_equal(n_state(t->db, "agreement.expiring", "pending"), 3);
	assert_int_equal(n_state(t->db, "event.upcoming", "pending"), 1);
	assert_int_equal(n_state(t->db, "event.upcoming", "superseded"), 2);
	assert_int_equal(tdb_int(t->db, "SELECT lead_days FROM reminders WHERE"
		" kind = 'event.upcoming' AND state = 'pending'"), 7);
	assert_int_equal(tdb_int(t->db, "SELECT due_at FROM reminders WHERE"
		" kind = 'agreement.expiring' AND lead_days = 30"),
		tdb_time("2025-05-31", 0));

	assert_int_equal(db_reminders_schedule(t->db, ag, leads, 3, now,
	                                       &created), DB_OK);
	assert_int_equal(created, 0);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM reminders"), 7);
}

static void test_later_run_supersedes(void **state)
{
	struct tdb *t = *state;
	int64_t ag = make_agreement(t->db);
	int created;

	assert_int_equal(db_reminders_schedule(t->db, ag, leads, 3,
		tdb_time("2025-05-15", 9), NULL), DB_OK);
	/* Three weeks later the 30-day expiry reminder is overdue too: the
	 * 90-day one, never sent, gives way to it. */
	assert_int_equal(db_reminders_schedule(t->db, ag, leads, 3,
		tdb_time("2025-06-05", 9), &created), DB_OK);
	assert_int_equal(created, 0);
	assert_int_equal(tdb_int(t->db, "SELECT state = 'superseded' FROM"
		" reminders WHERE kind = 'agreement.expiring' AND lead_days = 90"), 1);
	assert_int_equal(tdb_int(t->db, "SELECT state = 'pending' FROM"
		" reminders WHERE kind = 'agreement.expiring' AND lead_days = 30"), 1);
}

static void test_due(void **state)
{
	struct tdb *t = *state;
	int64_t ag = make_agreement(t->db), now = tdb_time("2025-05-15", 9);
	json_t *due = NULL, *r;
	size_t i;

	assert_int_equal(db_reminders_schedule(t->db, ag, leads, 3, now, NULL),
	                 DB_OK);
	assert_int_equal(db_reminders_due(t->db, now, &due), DB_OK);
	/* agreement.new, expiry 90, training 7 */
	assert_int_equal(json_array_size(due), 3);
	json_array_foreach(due, i, r)
		assert_true(json_integer_value(json_object_get(r, "due_at")) <= now);
	r = json_array_get(due, 0);
	assert_int_equal(db_reminder_set_state(t->db,
		json_integer_value(json_object_get(r, "id")), "sent", now), DB_OK);
	json_decref(due);
	assert_int_equal(db_reminders_due(t->db, now, &due), DB_OK);
	assert_int_equal(json_array_size(due), 2);
	json_decref(due);
	assert_int_equal(db_reminder_set_state(t->db, 1, "bogus", now), DB_EINVAL);
	assert_int_equal(db_reminder_set_state(t->db, 999, "sent", now),
	                 DB_ENOTFOUND);
}

static void test_deliveries(void **state)
{
	struct tdb *t = *state;
	int64_t ag = make_agreement(t->db), now = tdb_time("2025-05-15", 9);
	int64_t rid, d1, d2;
	json_t *due = NULL, *d = NULL;
	struct db_attempt fail = { now, 503, NULL, "HTTP 503", 120 };

	assert_int_equal(db_reminders_schedule(t->db, ag, leads, 3, now, NULL),
	                 DB_OK);
	rid = tdb_int(t->db, "SELECT id FROM reminders WHERE kind = 'agreement.new'");
	assert_int_equal(db_delivery_create(t->db, rid, "ops-webhook", now, &d1),
	                 DB_OK);
	assert_int_equal(db_delivery_create(t->db, rid, "ops-webhook", now, &d2),
	                 DB_OK);
	assert_int_equal(d1, d2);
	assert_int_equal(db_delivery_create(t->db, rid, "ops-mail", now, NULL), DB_OK);
	/* a limit takes the earliest first */
	assert_int_equal(db_deliveries_due(t->db, now, 1, &due), DB_OK);
	assert_int_equal(json_array_size(due), 1);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(due, 0), "id")), d1);
	json_decref(due);
	assert_int_equal(db_delivery_update(t->db, tdb_int(t->db, "SELECT id FROM deliveries"
	                 " WHERE channel = 'ops-mail'"), "delivered", 0, 250, NULL, now), DB_OK);
	assert_int_equal(db_deliveries_due(t->db, now, -1, &due), DB_OK);
	assert_int_equal(json_array_size(due), 1);
	/* never attempted: no first attempt time (it never gives up) */
	assert_true(json_is_null(json_object_get(json_array_get(due, 0), "first_attempt_at")));
	json_decref(due);

	assert_int_equal(db_delivery_attempt_add(t->db, d1, &fail), DB_OK);
	assert_int_equal(db_delivery_update(t->db, d1, "failed", 0, 503,
	                                    "HTTP 503", now), DB_OK);
	assert_int_equal(db_deliveries_due(t->db, now, -1, &due), DB_OK);
	assert_int_equal(json_array_size(due), 0);
	json_decref(due);
	assert_int_equal(db_reminder_set_state(t->db, rid, "failed", now), DB_OK);

	assert_int_equal(db_reminder_retry(t->db, rid, now + 60), DB_OK);
	assert_int_equal(db_deliveries_due(t->db, now + 60, -1, &due), DB_OK);
	assert_int_equal(json_array_size(due), 1);
	/* the operator's retry opens a new give_up_after window */
	assert_true(json_is_null(json_object_get(json_array_get(due, 0), "first_attempt_at")));
	json_decref(due);
	struct db_attempt again = { now + 60, 503, NULL, "HTTP 503", 80 };
	assert_int_equal(db_delivery_attempt_add(t->db, d1, &again), DB_OK);
	assert_int_equal(tdb_int(t->db, "SELECT first_attempt_at FROM deliveries"
	                 " WHERE id = 1"), now + 60);
	/* a later attempt leaves the first attempt's time alone */
	struct db_attempt third = { now + 120, 503, NULL, "HTTP 503", 80 };
	assert_int_equal(db_delivery_attempt_add(t->db, d1, &third), DB_OK);
	assert_int_equal(tdb_int(t->db, "SELECT first_attempt_at FROM deliveries"
	                 " WHERE id = 1"), now + 60);

	assert_int_equal(db_delivery_get(t->db, d1, &d), DB_OK);
	assert_int_equal(json_integer_value(json_object_get(d, "attempts")), 3);
	assert_int_equal(json_array_size(json_object_get(d, "attempts_log")), 3);
	const char *wid = json_string_value(json_object_get(d, "webhook_id"));
	assert_non_null(wid);
	assert_non_null(strstr(wid, "ops-webhook"));
	json_decref(d);
	assert_int_equal(db_delivery_update(t->db, d1, "lost", 0, 0, NULL, now),
	                 DB_EINVAL);
}

/* Runs one tests/fixtures/db/reminders case: an agreement with the case's
 * expiry and events, scheduled at the case's "today", must give exactly
 * the expected reminders; a second run adds none. */
static void run_case(const char *name)
{
	char *fx = xasprintf("reminders/%s", name);
	json_t *c = tdb_fixture(fx), *rec, *exp, *e;
	struct tdb *t = NULL;
	int leads_v[8], created;
	size_t n = 0, i;
	int64_t id, now;

	assert_int_equal(tdb_setup((void **)&t), 0);
	json_array_foreach(json_object_get(c, "lead_days"), i, e)
		if (n < 8)
			leads_v[n++] = (int)json_integer_value(e);
	now = tdb_time(json_string_value(json_object_get(c, "today")),
	               (int)json_integer_value(json_object_get(c, "hour")));
	rec = json_pack("{s:b, s:s, s:[{s:s}, {s:s}], s:O, s:O}", "agreement", 1,
		"type", "mou", "parties", "name", "Pihak Satu", "name", "Pihak Dua",
		"expires_on", json_object_get(c, "expires_on"),
		"events", json_object_get(c, "events"));
	assert_int_equal(db_agreement_store(t->db, tdb_article(t->db, 1,
		json_string_value(json_object_get(c, "today"))), rec, now, &id), DB_OK);
	assert_int_equal(db_reminders_schedule(t->db, id, leads_v, n, now, NULL),
	                 DB_OK);
	exp = json_object_get(c, "expect");
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM reminders"),
	                 json_array_size(exp));
	json_array_foreach(exp, i, e) {
		const char *td = json_string_value(json_object_get(e, "target_date"));
		char *sql = xasprintf("SELECT count(*) FROM reminders WHERE kind = '%s'"
			" AND lead_days = %lld AND state = '%s'%s%s%s",
			json_string_value(json_object_get(e, "kind")),
			(long long)json_integer_value(json_object_get(e, "lead_days")),
			json_string_value(json_object_get(e, "state")),
			td ? " AND target_date = '" : "", td ? td : "", td ? "'" : "");
		if (tdb_int(t->db, sql) != 1)
			fail_msg("%s: expected reminder %zu not found (%s)", name, i, sql);
		free(sql);
	}
	assert_int_equal(db_reminders_schedule(t->db, id, leads_v, n, now,
	                                       &created), DB_OK);
	assert_int_equal(created, 0);
	json_decref(rec);
	json_decref(c);
	free(fx);
	tdb_teardown((void **)&t);
}

static void test_fixture_cases(void **state)
{
	const char *top = getenv("top_srcdir");
	char *dir = xasprintf("%s/tests/fixtures/db/reminders",
	                      top && *top ? top : MW_SRCDIR);
	DIR *d = opendir(dir);
	struct dirent *e;
	int cases = 0;

	(void)state;
	assert_non_null(d);
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		if (len > 5 && strcmp(e->d_name + len - 5, ".json") == 0) {
			run_case(e->d_name);
			cases++;
		}
	}
	closedir(d);
	free(dir);
	assert_true(cases >= 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_schedule, tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_later_run_supersedes, tdb_setup,
		                                tdb_teardown),
		cmocka_unit_test_setup_teardown(test_due, tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_deliveries, tdb_setup,
		                                tdb_teardown),
		cmocka_unit_test(test_fixture_cases),
	};
	return cmocka_run_group_tests_name("db_reminders", tests, NULL, NULL);
}
