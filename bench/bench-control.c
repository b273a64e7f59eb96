/* bench-control.c: how long each control read keeps the daemon's event
 * loop, at a given store size (issue 12, item 6; docs/performance.md).
 *   bench-control DB fill FEEDS ARTICLES   builds DB: FEEDS feeds, ARTICLES
 *       articles spread over them, an agreement for every tenth article
 *       (two parties, one event, three reminders, two deliveries each)
 *   bench-control DB time RUNS             runs each read the way its
 *       control method does (the db_query_* call on a read-only connection
 *       and the encoding of its reply), RUNS + 1 times; run 0 is the warm-up
 * Prints bench_report lines (with cpu_seconds); what = the method's name. */
#include "bench_util.h"
#include "db.h"
#include "db_outbox.h"
#include "db_query_ops.h"
#include "db_remind.h"
#include "xalloc.h"

#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char usage[] =
	"usage: bench-control DB fill FEEDS ARTICLES | bench-control DB time RUNS\n";

#define NOW 1796000000LL  /* 2026-11-29 */

/* ?1 feeds, ?2 articles; one transaction. */
static const char *const fill_sql[] = {
	"WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ?1 - 1)"
	" INSERT INTO feeds (name, url, language, last_status, last_polled_at, next_poll_at,"
	" consecutive_failures, created_at, updated_at)"
	" SELECT printf('f%05d', i), printf('http://news%d.example/feed.xml', i), 'id', 200,"
	" 1795990000, 1796000900 + i, i % 50 = 0, 1790000000, 1795990000 FROM n",
	"WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ?2 - 1)"
	" INSERT INTO articles (id, feed_name, entry_id, url, url_norm, title, published_at,"
	" fetched_at, text, content_hash, state, page_state, enqueued_at, updated_at)"
	" SELECT i + 1, printf('f%05d', i % ?1), printf('e%d', i),"
	" printf('http://news%d.example/a/%d', i % ?1, i), printf('news%d.example/a/%d', i % ?1, i),"
	" printf('Kabar kampus nomor %d', i), 1790000000 + i * 50, 1790000000 + i * 50,"
	" printf('Isi berita %d tentang kegiatan kampus dan kerja sama daerah.', i),"
	" printf('h%d', i), CASE WHEN i % 10 = 0 THEN 'extracted' WHEN i % 97 = 1 THEN 'queued'"
	" WHEN i % 89 = 2 THEN 'failed' ELSE 'no_agreement' END, 'fetched',"
	" 1790000000 + i * 50, 1790000000 + i * 50 FROM n",
	"INSERT INTO parties (id, name, country) WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL"
	" SELECT i + 1 FROM n WHERE i < 1999) SELECT i + 1, printf('Universitas Contoh %d', i),"
	" CASE WHEN i % 7 = 0 THEN 'MY' ELSE 'ID' END FROM n",
	"INSERT INTO agreements (id, type, signed_on, anchor_on, expires_on, party_key, record,"
	" created_at, updated_at) SELECT id / 10 + 1, 'mou', date(published_at, 'unixepoch'),"
	" date(published_at, 'unixepoch'), date(published_at, 'unixepoch', '+3 years'),"
	" printf('p%d', id), '{}', fetched_at, fetched_at FROM articles WHERE state = 'extracted'",
	"UPDATE articles SET agreement_id = id / 10 + 1 WHERE state = 'extracted'",
	"INSERT INTO agreement_sources (article_id, agreement_id, record, added_at)"
	" SELECT id, agreement_id, '{}', fetched_at FROM articles WHERE agreement_id IS NOT NULL",
	"INSERT INTO agreement_parties (agreement_id, party_id, position)"
	" SELECT id, id % 2000 + 1, 0 FROM agreements UNION ALL"
	" SELECT id, (id * 7 + 1) % 2000 + 1, 1 FROM agreements WHERE (id * 7 + 1) % 2000 <> id % 2000",
	"INSERT INTO agreement_programs (agreement_id, program)"
	" SELECT id, CASE id % 3 WHEN 0 THEN 'internship' WHEN 1 THEN 'research' ELSE 'training' END"
	" FROM agreements",
	"INSERT INTO events (agreement_id, type, starts_on) SELECT id, 'signing',"
	" date(signed_on, '+30 days') FROM agreements",
	"INSERT INTO reminders (kind, agreement_id, lead_days, target_date, due_at, state,"
	" created_at, updated_at) SELECT 'agreement.expiring', a.id, l.d, a.expires_on,"
	" CAST(strftime('%s', a.expires_on, '-' || l.d || ' days') AS INTEGER),"
	" CASE WHEN CAST(strftime('%s', a.expires_on, '-' || l.d || ' days') AS INTEGER) < 1796000000"
	" THEN 'sent' ELSE 'pending' END, a.created_at, a.created_at"
	" FROM agreements a, (SELECT 90 AS d UNION ALL SELECT 30 UNION ALL SELECT 7) l",
	"INSERT INTO deliveries (reminder_id, channel, state, attempts, next_attempt_at,"
	" webhook_id, created_at, updated_at) SELECT r.id, c.name,"
	" CASE WHEN r.state = 'sent' THEN 'delivered' ELSE 'pending' END,"
	" r.state = 'sent', r.due_at, printf('wh-%d-%s', r.id, c.name), r.created_at, r.created_at"
	" FROM reminders r, (SELECT 'hook' AS name UNION ALL SELECT 'mail') c",
};

static void fill(const char *path, long feeds, long articles)
{
	char *err = NULL;
	struct db *db = db_open(path, NULL, &err);
	sqlite3 *s;

	if (db == NULL) {
		fprintf(stderr, "bench-control: %s: %s\n", path, err);
		exit(1);
	}
	if (sqlite3_open(path, &s) != SQLITE_OK) {
		fprintf(stderr, "bench-control: cannot open %s\n", path);
		exit(1);
	}
	sqlite3_exec(s, "PRAGMA journal_mode = WAL; BEGIN", NULL, NULL, NULL);
	for (size_t i = 0; i < sizeof fill_sql / sizeof fill_sql[0]; i++) {
		sqlite3_stmt *st;
		if (sqlite3_prepare_v2(s, fill_sql[i], -1, &st, NULL) != SQLITE_OK) {
			fprintf(stderr, "bench-control: step %zu: %s\n", i, sqlite3_errmsg(s));
			exit(1);
		}
		sqlite3_bind_int64(st, 1, feeds);
		sqlite3_bind_int64(st, 2, articles);
		if (sqlite3_step(st) != SQLITE_DONE) {
			fprintf(stderr, "bench-control: step %zu: %s\n", i, sqlite3_errmsg(s));
			exit(1);
		}
		sqlite3_finalize(st);
	}
	sqlite3_exec(s, "COMMIT; PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
	sqlite3_close(s);
	db_close(db);
}

/* ---- the reads, as daemon/control_*.c calls them ---- */

static int r_status(struct db *db, json_t **out)
{
	struct db_outbox_counts q;
	json_t *h = NULL, *c = NULL;
	int rc;

	if ((rc = db_ops_feed_health(db, &h)) == DB_OK && (rc = db_outbox_counts(db, &q)) == DB_OK)
		rc = db_query_status(db, NOW, &c);
	*out = json_pack("{s:o*, s:o*, s:I}", "feeds", h, "store", c, "queued", (json_int_t)q.queued);
	return rc;
}
static int r_feeds(struct db *db, json_t **out) { return db_query_feeds(db, NULL, 0, out); }
static int r_feeds_page(struct db *db, json_t **out)  /* what 'mouwatch feeds' asks at a time */
{
	return db_query_feeds(db, "f05000", 500, out);
}
static int r_articles(struct db *db, json_t **out) { return db_query_articles(db, NULL, 100, out); }
static int r_articles_failed(struct db *db, json_t **out) { return db_query_articles(db, "failed", 100, out); }
static int r_agreements(struct db *db, json_t **out)
{
	return db_query_agreements(db, &(struct db_agreement_filter){ 0 }, NOW, out);
}
static int r_agreements_party(struct db *db, json_t **out)
{
	return db_query_agreements(db, &(struct db_agreement_filter){ .party = "Contoh 17" }, NOW, out);
}
static int r_agreements_expiring(struct db *db, json_t **out)
{
	return db_query_agreements(db, &(struct db_agreement_filter){ .expiring_days = 90 }, NOW, out);
}
static int r_agreement(struct db *db, json_t **out) { return db_query_agreement(db, 5, out); }
static int r_upcoming(struct db *db, json_t **out) { return db_query_upcoming(db, NOW, 90, out); }
static int r_reminders(struct db *db, json_t **out) { return db_query_reminders(db, NULL, 100, out); }
static int r_reminders_failed(struct db *db, json_t **out) { return db_query_reminders(db, "failed", 100, out); }
static int r_channels(struct db *db, json_t **out) { return db_remind_channel_stats(db, out); }
static int r_search(struct db *db, json_t **out) { return db_query_search(db, "kerja sama", 50, out); }

static const struct read {
	const char *name;
	int (*fn)(struct db *db, json_t **out);
} reads[] = {
	{ "status", r_status }, { "feeds", r_feeds }, { "feeds_page", r_feeds_page },
	{ "articles", r_articles },
	{ "articles_failed", r_articles_failed }, { "agreements", r_agreements },
	{ "agreements_party", r_agreements_party }, { "agreements_expiring", r_agreements_expiring },
	{ "agreement", r_agreement }, { "upcoming", r_upcoming }, { "reminders", r_reminders },
	{ "reminders_failed", r_reminders_failed }, { "channels", r_channels }, { "search", r_search },
};

/* This process's CPU seconds: on a machine shared with other work the
 * wall time also counts the time others had the CPU. */
static double cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void time_reads(const char *path, long runs)
{
	struct db_options o = { .read_only = true, .busy_timeout_ms = 2000 };
	char *err = NULL;
	struct db *db = db_open(path, NULL, &err);  /* migrates a store kept from an older build */

	db_close(db);
	db = db ? db_open(path, &o, &err) : NULL;

	if (db == NULL) {
		fprintf(stderr, "bench-control: %s: %s\n", path, err);
		exit(1);
	}
	for (size_t i = 0; i < sizeof reads / sizeof reads[0]; i++) {
		for (long run = 0; run <= runs; run++) {
			json_t *out = NULL;
			double t0 = bench_now(), c0 = cpu_now();
			int rc = reads[i].fn(db, &out);
			char *text = out ? json_dumps(out, JSON_COMPACT | JSON_ENSURE_ASCII) : NULL;
			double t = bench_now() - t0, cpu = cpu_now() - c0;
			if (rc != DB_OK) {
				fprintf(stderr, "bench-control: %s: %s\n", reads[i].name, db_errmsg(db));
				exit(1);
			}
			/* bench_report's line with the CPU seconds added */
			printf("{\"run\": %ld, \"warmup\": %s, \"what\": \"%s\", \"seconds\": %.6f,"
			       " \"cpu_seconds\": %.6f, \"items\": %zu, \"bytes\": %zu}\n", run,
			       run == 0 ? "true" : "false", reads[i].name, t, cpu,
			       json_is_array(out) ? json_array_size(out) : 1, text ? strlen(text) : 0);
			free(text);
			json_decref(out);
		}
	}
	db_close(db);
}

int main(int argc, char **argv)
{
	if (argc == 5 && strcmp(argv[2], "fill") == 0)
		fill(argv[1], bench_count(argv[3], 1000000, usage), bench_count(argv[4], 10000000, usage));
	else if (argc == 4 && strcmp(argv[2], "time") == 0)
		time_reads(argv[1], bench_count(argv[3], 1000, usage));
	else {
		fputs(usage, stderr);
		return 2;
	}
	return 0;
}
