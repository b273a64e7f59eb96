/* db_schema.c: the schema as forward migrations. db_migrations[i] takes
 * the database from PRAGMA user_version i to i + 1. Rule: never edit a
 * migration that has shipped; add the next one. All pending migrations run
 * in one BEGIN IMMEDIATE transaction, so concurrent opens by several
 * processes serialize and the second finds nothing left to do.
 * The tables are explained in docs/database.md. */
#include <stdio.h>

#include "db_internal.h"

static const char db_schema_v1[] =
	"CREATE TABLE feeds ("
	" name TEXT PRIMARY KEY,"
	" url TEXT NOT NULL,"
	" interval_seconds INTEGER,"          /* NULL: automatic */
	" language TEXT,"
	" etag TEXT, last_modified TEXT,"
	" last_status INTEGER, last_error TEXT,"
	" consecutive_failures INTEGER NOT NULL DEFAULT 0,"
	" last_polled_at INTEGER, next_poll_at INTEGER,"
	" last_new_entry_at INTEGER, avg_publish_interval REAL,"
	" disabled_reason TEXT,"
	" paused INTEGER NOT NULL DEFAULT 0,"
	" stale INTEGER NOT NULL DEFAULT 0,"
	" removed_at INTEGER,"
	" created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);"

	"CREATE TABLE articles ("
	" id INTEGER PRIMARY KEY,"
	" feed_name TEXT REFERENCES feeds(name) ON UPDATE CASCADE,"
	" entry_id TEXT,"
	" url TEXT NOT NULL,"
	" url_norm TEXT NOT NULL UNIQUE,"
	" title TEXT, published_at INTEGER, fetched_at INTEGER NOT NULL,"
	" text TEXT, content_hash TEXT,"
	" state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN"
	"  ('queued','extracted','no_agreement','failed')),"
	" attempts INTEGER NOT NULL DEFAULT 0, error TEXT,"
	" agreement_id INTEGER REFERENCES agreements(id) ON DELETE SET NULL,"
	" updated_at INTEGER NOT NULL);"
	"CREATE UNIQUE INDEX articles_entry ON articles(feed_name, entry_id)"
	" WHERE entry_id IS NOT NULL;"
	"CREATE INDEX articles_state ON articles(state);"
	"CREATE INDEX articles_hash ON articles(content_hash);"
	"CREATE INDEX articles_agreement ON articles(agreement_id);"

	"CREATE TABLE agreements ("
	" id INTEGER PRIMARY KEY,"
	" type TEXT NOT NULL CHECK (type IN"
	"  ('mou','moa','pks','loi','agreement','renewal')),"
	" signed_on TEXT, signed_precision TEXT,"
	" anchor_on TEXT NOT NULL,"           /* merge rule: docs/database.md */
	" valid_for TEXT, expires_on TEXT,"
	" expires_estimated INTEGER NOT NULL DEFAULT 0,"
	" location TEXT, language TEXT, confidence REAL,"
	" party_key TEXT NOT NULL,"
	" record TEXT NOT NULL,"
	" created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);"
	"CREATE INDEX agreements_merge ON agreements(party_key, anchor_on);"
	"CREATE INDEX agreements_expires ON agreements(expires_on);"
	"CREATE INDEX agreements_signed ON agreements(signed_on);"

	"CREATE TABLE parties ("
	" id INTEGER PRIMARY KEY,"
	" name TEXT NOT NULL,"
	" country TEXT,"
	" aliases TEXT NOT NULL DEFAULT '[]');"
	"CREATE TABLE party_names ("
	" norm TEXT PRIMARY KEY,"
	" party_id INTEGER NOT NULL REFERENCES parties(id) ON DELETE CASCADE,"
	" is_alias INTEGER NOT NULL) WITHOUT ROWID;"
	"CREATE INDEX party_names_party ON party_names(party_id);"
	"CREATE TABLE agreement_parties ("
	" agreement_id INTEGER NOT NULL REFERENCES agreements(id)"
	"  ON DELETE CASCADE,"
	" party_id INTEGER NOT NULL REFERENCES parties(id),"
	" position INTEGER NOT NULL,"
	" PRIMARY KEY (agreement_id, party_id)) WITHOUT ROWID;"
	"CREATE INDEX agreement_parties_party ON agreement_parties(party_id);"
	"CREATE TABLE signatories ("
	" id INTEGER PRIMARY KEY,"
	" agreement_id INTEGER NOT NULL REFERENCES agreements(id)"
	"  ON DELETE CASCADE,"
	" party_id INTEGER REFERENCES parties(id),"
	" name TEXT NOT NULL, role TEXT,"
	" UNIQUE (agreement_id, name));"
	"CREATE TABLE agreement_programs ("
	" agreement_id INTEGER NOT NULL REFERENCES agreements(id)"
	"  ON DELETE CASCADE,"
	" program TEXT NOT NULL,"
	" PRIMARY KEY (agreement_id, program)) WITHOUT ROWID;"
	"CREATE INDEX agreement_programs_program ON agreement_programs(program);"
	"CREATE TABLE events ("
	" id INTEGER PRIMARY KEY,"
	" agreement_id INTEGER NOT NULL REFERENCES agreements(id)"
	"  ON DELETE CASCADE,"
	" type TEXT NOT NULL, starts_on TEXT, ends_on TEXT,"
	" precision TEXT, duration TEXT);"
	"CREATE UNIQUE INDEX events_key ON events(agreement_id, type,"
	" coalesce(starts_on, ''), coalesce(ends_on, ''));"
	"CREATE INDEX events_starts ON events(starts_on);"
	"CREATE TABLE agreement_sources ("
	" article_id INTEGER PRIMARY KEY REFERENCES articles(id)"
	"  ON DELETE CASCADE,"
	" agreement_id INTEGER NOT NULL REFERENCES agreements(id)"
	"  ON DELETE CASCADE,"
	" record TEXT NOT NULL,"
	" added_at INTEGER NOT NULL);"
	"CREATE INDEX agreement_sources_agreement"
	" ON agreement_sources(agreement_id);"

	"CREATE TABLE reminders ("
	" id INTEGER PRIMARY KEY,"
	" kind TEXT NOT NULL CHECK (kind IN"
	"  ('agreement.new','agreement.expiring','event.upcoming')),"
	" agreement_id INTEGER NOT NULL REFERENCES agreements(id)"
	"  ON DELETE CASCADE,"
	" event_id INTEGER REFERENCES events(id) ON DELETE CASCADE,"
	" lead_days INTEGER NOT NULL,"
	" target_date TEXT NOT NULL,"
	" due_at INTEGER NOT NULL,"
	" state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN"
	"  ('pending','sent','failed','skipped','superseded')),"
	" created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);"
	"CREATE UNIQUE INDEX reminders_key ON reminders(kind, agreement_id,"
	" coalesce(event_id, 0), lead_days);"
	"CREATE INDEX reminders_due ON reminders(state, due_at);"
	"CREATE TABLE deliveries ("
	" id INTEGER PRIMARY KEY,"
	" reminder_id INTEGER NOT NULL REFERENCES reminders(id)"
	"  ON DELETE CASCADE,"
	" channel TEXT NOT NULL,"
	" state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN"
	"  ('pending','sending','delivered','failed')),"
	" attempts INTEGER NOT NULL DEFAULT 0,"
	" next_attempt_at INTEGER NOT NULL,"
	" last_status INTEGER, last_error TEXT,"
	" webhook_id TEXT NOT NULL UNIQUE,"
	" created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,"
	" UNIQUE (reminder_id, channel));"
	"CREATE INDEX deliveries_due ON deliveries(state, next_attempt_at);"
	"CREATE TABLE delivery_attempts ("
	" id INTEGER PRIMARY KEY,"
	" delivery_id INTEGER NOT NULL REFERENCES deliveries(id)"
	"  ON DELETE CASCADE,"
	" attempted_at INTEGER NOT NULL,"
	" status_code INTEGER, reply TEXT, error TEXT, duration_ms INTEGER);"
	"CREATE INDEX delivery_attempts_delivery"
	" ON delivery_attempts(delivery_id);"

	/* Full-text search: articles through an external-content index kept
	 * in step by triggers; agreements by their parties' names and
	 * aliases, rowid = agreement id, rewritten by db_agreements.c. */
	"CREATE VIRTUAL TABLE articles_fts USING fts5(title, text,"
	" content='articles', content_rowid='id',"
	" tokenize='unicode61 remove_diacritics 2');"
	"CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN"
	" INSERT INTO articles_fts(rowid, title, text)"
	"  VALUES (new.id, new.title, new.text); END;"
	"CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN"
	" INSERT INTO articles_fts(articles_fts, rowid, title, text)"
	"  VALUES ('delete', old.id, old.title, old.text); END;"
	"CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text ON articles"
	" BEGIN"
	" INSERT INTO articles_fts(articles_fts, rowid, title, text)"
	"  VALUES ('delete', old.id, old.title, old.text);"
	" INSERT INTO articles_fts(rowid, title, text)"
	"  VALUES (new.id, new.title, new.text); END;"
	"CREATE VIRTUAL TABLE agreements_fts USING fts5(parties,"
	" tokenize='unicode61 remove_diacritics 2');";

/* v2: the daemon's outbox bookkeeping (common/db_outbox.c): whether the
 * article's page was fetched, and when it went into the Redis stream. */
static const char db_schema_v2[] =
	"ALTER TABLE articles ADD COLUMN page_state TEXT NOT NULL"
	" DEFAULT 'pending' CHECK (page_state IN"
	"  ('pending','fetched','failed','skipped'));"
	"ALTER TABLE articles ADD COLUMN page_error TEXT;"
	"ALTER TABLE articles ADD COLUMN enqueued_at INTEGER;"
	"ALTER TABLE articles ADD COLUMN stream_id TEXT;"
	"CREATE INDEX articles_outbox ON articles(state, page_state, enqueued_at);";

/* v3: syndicated copies (common/db_outbox.c). An article whose text is the
 * same as an earlier one's (content_hash) is not extracted again: it points
 * at the first (duplicate_of), follows its state, and becomes one more
 * source of its agreement. */
static const char db_schema_v3[] =
	"ALTER TABLE articles ADD COLUMN duplicate_of INTEGER"
	" REFERENCES articles(id) ON DELETE SET NULL;"
	"CREATE INDEX articles_duplicate ON articles(duplicate_of)"
	" WHERE duplicate_of IS NOT NULL;"
	"CREATE TRIGGER articles_duplicates_follow AFTER UPDATE OF state ON articles"
	" WHEN new.state <> 'queued' BEGIN"
	" UPDATE articles SET state = new.state, agreement_id = new.agreement_id,"
	"  updated_at = new.updated_at WHERE duplicate_of = new.id; END;"
	"CREATE TRIGGER agreement_sources_duplicates AFTER INSERT ON agreement_sources"
	" BEGIN INSERT OR IGNORE INTO agreement_sources"
	"  (article_id, agreement_id, record, added_at)"
	"  SELECT a.id, new.agreement_id, new.record, new.added_at FROM articles a"
	"  WHERE a.duplicate_of = new.article_id; END;";

/* v4: reminder delivery's own state (common/db_remind.c): channels a
 * webhook's 410 disabled, and the day each channel's digest went out.
 * IF NOT EXISTS: databases of the development builds had them already. */
static const char db_schema_v4[] =
	"CREATE TABLE IF NOT EXISTS remind_channels ("
	" name TEXT PRIMARY KEY, disabled_reason TEXT, disabled_at INTEGER);"
	"CREATE TABLE IF NOT EXISTS remind_digests ("
	" channel TEXT PRIMARY KEY, day TEXT NOT NULL);";

/* v5: feeds an operator added at run time (`mouwatch feed add`,
 * common/db_query_ops.c): kept apart from the configured ones so that a
 * reload of the configuration does not remove them. */
static const char db_schema_v5[] =
	"CREATE TABLE IF NOT EXISTS runtime_feeds ("
	" name TEXT PRIMARY KEY, url TEXT NOT NULL, language TEXT,"
	" interval_seconds INTEGER, added_at INTEGER NOT NULL);";

/* v6: give_up_after counts from a delivery's first attempt, not its
 * creation (daemon/remind.c), so a delivery that waited in a long queue
 * is still tried. Rows from before take it from their attempt log; a
 * delivery never attempted keeps NULL. */
static const char db_schema_v6[] =
	"ALTER TABLE deliveries ADD COLUMN first_attempt_at INTEGER;"
	"UPDATE deliveries SET first_attempt_at = (SELECT min(a.attempted_at)"
	" FROM delivery_attempts a WHERE a.delivery_id = deliveries.id);";

/* v7: a delivery whose channel is disabled (a 410) or missing from the
 * configuration (a reload) is 'held' (daemon/remind.c), not 'failed': it
 * goes out when the channel is back. SQLite cannot change a CHECK, so the
 * table is rebuilt; delivery_attempts is set aside first, because with
 * foreign keys on, dropping deliveries would delete its rows. Deliveries
 * that failed for those reasons before become held, and their reminders
 * pending again. */
static const char db_schema_v7[] =
	"CREATE TABLE deliveries_v7 ("
	" id INTEGER PRIMARY KEY,"
	" reminder_id INTEGER NOT NULL REFERENCES reminders(id)"
	"  ON DELETE CASCADE,"
	" channel TEXT NOT NULL,"
	" state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN"
	"  ('pending','sending','delivered','failed','held')),"
	" attempts INTEGER NOT NULL DEFAULT 0,"
	" next_attempt_at INTEGER NOT NULL,"
	" last_status INTEGER, last_error TEXT,"
	" webhook_id TEXT NOT NULL UNIQUE,"
	" created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,"
	" first_attempt_at INTEGER,"
	" UNIQUE (reminder_id, channel));"
	"INSERT INTO deliveries_v7 (id, reminder_id, channel, state, attempts,"
	" next_attempt_at, last_status, last_error, webhook_id, created_at,"
	" updated_at, first_attempt_at) SELECT id, reminder_id, channel, state,"
	" attempts, next_attempt_at, last_status, last_error, webhook_id,"
	" created_at, updated_at, first_attempt_at FROM deliveries;"
	"CREATE TEMP TABLE delivery_attempts_v7 AS SELECT * FROM delivery_attempts;"
	"DROP TABLE delivery_attempts;"
	"DROP TABLE deliveries;"
	"ALTER TABLE deliveries_v7 RENAME TO deliveries;"
	"CREATE INDEX deliveries_due ON deliveries(state, next_attempt_at);"
	"CREATE INDEX deliveries_channel ON deliveries(channel, state);"
	"CREATE TABLE delivery_attempts ("
	" id INTEGER PRIMARY KEY,"
	" delivery_id INTEGER NOT NULL REFERENCES deliveries(id)"
	"  ON DELETE CASCADE,"
	" attempted_at INTEGER NOT NULL,"
	" status_code INTEGER, reply TEXT, error TEXT, duration_ms INTEGER);"
	"INSERT INTO delivery_attempts (id, delivery_id, attempted_at, status_code,"
	" reply, error, duration_ms) SELECT id, delivery_id, attempted_at,"
	" status_code, reply, error, duration_ms FROM temp.delivery_attempts_v7;"
	"DROP TABLE temp.delivery_attempts_v7;"
	"CREATE INDEX delivery_attempts_delivery"
	" ON delivery_attempts(delivery_id);"
	"UPDATE deliveries SET state = 'held' WHERE state = 'failed' AND"
	" (last_status = 410 OR last_error LIKE 'channel removed:%'"
	"  OR last_error LIKE 'channel % is disabled (%');"
	"UPDATE reminders SET state = 'pending' WHERE state = 'failed' AND EXISTS"
	" (SELECT 1 FROM deliveries d WHERE d.reminder_id = reminders.id"
	"  AND d.state = 'held');";

/* v8: indexes for the control socket's reads, which run on the daemon's
 * event loop and must answer in well under 100 ms at 10,000 feeds and
 * 100,000 articles (bench/bench-control.c, docs/performance.md): the
 * article count of each feed ('mouwatch feeds'; articles_entry is partial
 * and cannot serve it), the agreements newest first ('mouwatch
 * agreements' stops after its limit instead of sorting them all). The
 * deliveries of each channel by state ('mouwatch channels') have theirs
 * since v7. */
static const char db_schema_v8[] =
	"CREATE INDEX IF NOT EXISTS articles_feed ON articles(feed_name);"
	"CREATE INDEX IF NOT EXISTS agreements_recent"
	" ON agreements(coalesce(signed_on, anchor_on), id);";

/* v9: partial indexes for the outbox's periodic reads on the event loop
 * (common/db_outbox.c), each holding only the rows its query wants, so a
 * read costs what it returns, not the whole backlog: through
 * articles_state it read every queued row, and the columns it filters on
 * (added by v2 and v3) lie behind the text, in its overflow pages
 * (0.3 s at 100,000 queued, docs/performance.md). The articles still to
 * send to Redis (db_outbox_pending, the to_enqueue count), those whose
 * page is still to fetch, and those in the stream (the stream check). The
 * queries name them with INDEXED BY: without ANALYZE's figures the
 * planner prefers articles_state. */
static const char db_schema_v9[] =
	"CREATE INDEX IF NOT EXISTS articles_to_enqueue ON articles(id)"
	" WHERE state = 'queued' AND page_state <> 'pending'"
	" AND enqueued_at IS NULL AND duplicate_of IS NULL;"
	"CREATE INDEX IF NOT EXISTS articles_page_pending ON articles(id)"
	" WHERE state = 'queued' AND page_state = 'pending';"
	"CREATE INDEX IF NOT EXISTS articles_in_stream"
	" ON articles(id, enqueued_at, stream_id)"
	" WHERE state = 'queued' AND stream_id IS NOT NULL AND duplicate_of IS NULL;";

static const char *const db_migrations[] = {
	db_schema_v1,
	db_schema_v2,
	db_schema_v3,
	db_schema_v4,
	db_schema_v5,
	db_schema_v6,
	db_schema_v7,
	db_schema_v8,
	db_schema_v9,
};

#define DB_NMIGRATIONS ((int)(sizeof db_migrations / sizeof db_migrations[0]))

int db_schema_latest(void)
{
	return DB_NMIGRATIONS;
}

int db_schema_version(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, "PRAGMA user_version");
	int rc, v;

	if (!st)
		return DB_ERR;
	rc = sqlite3_step(st);
	v = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? v : db_fail(db, rc, "reading user_version");
}

static int db_apply_migrations(struct db *db, int from, int to)
{
	char sql[48];
	int rc = DB_OK;

	for (int v = from; v < to && rc == DB_OK; v++) {
		char what[48];

		snprintf(what, sizeof what, "migrating the schema to version %d",
		         v + 1);
		rc = db_exec(db, db_migrations[v], what);
	}
	if (rc != DB_OK)
		return rc;
	snprintf(sql, sizeof sql, "PRAGMA user_version=%d", to);
	return db_exec(db, sql, "setting user_version");
}

int db_migrate(struct db *db)
{
	return db_migrate_to(db, DB_NMIGRATIONS);
}

int db_migrate_to(struct db *db, int target)
{
	int v = db_schema_version(db), rc;

	if (target < 0 || target > DB_NMIGRATIONS)
		return db_failf(db, DB_EINVAL, "no schema version %d (bug)", target);
	if (v < 0)
		return v;
	if (v >= target && v <= DB_NMIGRATIONS)
		return DB_OK;
	if (v > DB_NMIGRATIONS)
		return db_failf(db, DB_ESCHEMA,
			"database %s has schema version %d, newer than this "
			"program's %d: upgrade mouwatch", db->path, v,
			DB_NMIGRATIONS);
	rc = db_begin(db);
	if (rc != DB_OK)
		return rc;
	/* Another process may have migrated while we waited for the lock. */
	v = db_schema_version(db);
	rc = v < 0 ? v : v >= target ? DB_OK : db_apply_migrations(db, v, target);
	if (rc != DB_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}
