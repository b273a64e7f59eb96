/* seed.c: mw-remind-seed, the test helper that puts an agreement into a
 * database through the real store path (db_article_insert_new,
 * db_agreement_store, db_reminders_schedule), as a worker would.
 *
 *   mw-remind-seed DB RECORD.json URL [LEAD,LEAD...]
 *   mw-remind-seed DB --retry REMINDER_ID   (what 'mouwatch reminder retry'
 *                                            does: db_reminder_retry)
 *
 * In the record, a string "@+N" or "@-N" becomes the ISO date N days from
 * today (UTC), so fixtures stay valid whatever day the tests run. Prints
 * "agreement ID reminders N". Exit 1 with a message on any error. */
#include "db.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Replaces "@+N" / "@-N" strings everywhere in v. */
static void resolve_dates(json_t *v, time_t now)
{
	const char *key;
	json_t *x;
	size_t i;

	if (json_is_object(v)) {
		json_object_foreach(v, key, x)
			resolve_dates(x, now);
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, x)
			resolve_dates(x, now);
	} else if (json_is_string(v) && json_string_value(v)[0] == '@') {
		time_t t = now + 86400 * atol(json_string_value(v) + 1);
		char buf[11];
		struct tm tm;
		gmtime_r(&t, &tm);
		strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
		json_string_set(v, buf);
	}
}

static void parse_leads(const char *s, int *lead, size_t *n)
{
	char *copy = xstrdup(s), *save = NULL;

	*n = 0;
	for (char *t = strtok_r(copy, ",", &save); t && *n < 16; t = strtok_r(NULL, ",", &save))
		lead[(*n)++] = atoi(t);
	free(copy);
}

static int retry(const char *path, int64_t id)
{
	char *err = NULL;
	struct db *db = db_open(path, NULL, &err);

	if (!db || db_reminder_retry(db, id, (int64_t)time(NULL)) != DB_OK) {
		fprintf(stderr, "mw-remind-seed: %s\n", db ? db_errmsg(db) : err);
		return 1;
	}
	db_close(db);
	return 0;
}

int main(int argc, char **argv)
{
	json_error_t jerr;
	char *err = NULL;
	int lead[16] = { 90, 30, 7 }, created = 0;
	size_t n_lead = 3;
	time_t now = time(NULL);
	int64_t article = 0, agreement = 0;

	if (argc < 4) {
		fprintf(stderr, "usage: mw-remind-seed DB RECORD.json URL [LEAD,LEAD...]\n");
		return 2;
	}
	if (argc == 4 && strcmp(argv[2], "--retry") == 0)
		return retry(argv[1], atoll(argv[3]));
	if (argc > 4)
		parse_leads(argv[4], lead, &n_lead);
	json_t *rec = json_load_file(argv[2], 0, &jerr);
	struct db *db = rec ? db_open(argv[1], NULL, &err) : NULL;
	if (!rec || !db) {
		fprintf(stderr, "mw-remind-seed: %s\n", rec ? err : jerr.text);
		return 1;
	}
	resolve_dates(rec, now);
	struct db_article_new a = { .feed_name = NULL, .url = argv[3],
		.title = "Fixture article", .text = "fixture", .fetched_at = now };
	if (db_article_insert_new(db, &a, &article, NULL) != DB_OK ||
	    db_agreement_store(db, article, rec, now, &agreement) != DB_OK ||
	    db_reminders_schedule(db, agreement, lead, n_lead, now, &created) != DB_OK) {
		fprintf(stderr, "mw-remind-seed: %s\n", db_errmsg(db));
		return 1;
	}
	printf("agreement %lld reminders %d\n", (long long)agreement, created);
	json_decref(rec);
	db_close(db);
	return 0;
}
