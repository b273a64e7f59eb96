/* db_agreements.c: storing the extractor's record for an article. One
 * article gives at most one agreement (agreement_sources is keyed by
 * article); reports of the same agreement from several articles (same
 * party set, anchor dates within 3 days) become one agreement with several
 * sources. Everything happens in one transaction, and a second store for
 * the same article is a no-op, so a worker that dies before XACK can
 * simply process the message again. */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "strbuf.h"
#include "xalloc.h"

#define DB_MERGE_DAYS 3

static const char *const db_agreement_types[] = {
	"mou", "moa", "pks", "loi", "agreement", "renewal",
};

/* The work of one store; parties[i] is the party id of record party i. */
struct db_store {
	int64_t article_id, now, agreement_id;
	const json_t *rec;
	int64_t *parties;
	size_t nparties;
	char anchor[11];
	char *party_key;
};

static const char *db_rec_str(const json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

static bool db_type_valid(const char *t)
{
	for (size_t i = 0; i < sizeof db_agreement_types / sizeof *db_agreement_types; i++)
		if (strcmp(t, db_agreement_types[i]) == 0)
			return true;
	return false;
}

/* Loads the article: its existing agreement (if stored before) and the
 * date used as anchor when the record has no signing date. */
static int db_store_article(struct db *db, struct db_store *s, bool *done)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT s.agreement_id,"
		" coalesce(a.published_at, a.fetched_at) FROM articles a"
		" LEFT JOIN agreement_sources s ON s.article_id = a.id"
		" WHERE a.id = ?1");
	int64_t when = 0;
	int rc;

	if (!st)
		return DB_ERR;
	sqlite3_bind_int64(st, 1, s->article_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		s->agreement_id = sqlite3_column_int64(st, 0);
		when = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return db_failf(db, DB_ENOTFOUND, "no article with id %lld: insert "
			"the article before storing its record",
			(long long)s->article_id);
	if (rc != SQLITE_ROW)
		return db_fail(db, rc, "reading an article");
	*done = s->agreement_id != 0;
	db_days_date((when ? when : s->now) / 86400, s->anchor);
	return DB_OK;
}

static int db_store_no_agreement(struct db *db, struct db_store *s)
{
	sqlite3_stmt *st = db_stmt(db, "UPDATE articles SET"
		" state = 'no_agreement', error = NULL, agreement_id = NULL,"
		" updated_at = ?2 WHERE id = ?1");

	if (!st)
		return DB_ERR;
	sqlite3_bind_int64(st, 1, s->article_id);
	sqlite3_bind_int64(st, 2, s->now);
	return db_exec_stmt(db, st, "marking an article without agreement");
}

static int db_cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

/* Resolves every party and builds the sorted, distinct "id,id" key. */
static int db_store_parties(struct db *db, struct db_store *s)
{
	const json_t *parties = json_object_get(s->rec, "parties"), *p;
	struct strbuf key = STRBUF_INIT;
	int64_t *sorted;
	size_t i;
	int rc = DB_OK;

	s->nparties = json_array_size(parties);
	s->parties = xcalloc(s->nparties + 1, sizeof *s->parties);
	json_array_foreach(parties, i, p)
		if (rc == DB_OK)
			rc = db_party_resolve(db, p, &s->parties[i]);
	sorted = xcalloc(s->nparties + 1, sizeof *sorted);
	memcpy(sorted, s->parties, s->nparties * sizeof *sorted);
	qsort(sorted, s->nparties, sizeof *sorted, db_cmp_id);
	for (i = 0; i < s->nparties; i++)
		if (i == 0 || sorted[i] != sorted[i - 1])
			strbuf_printf(&key, "%s%lld", key.len ? "," : "",
			              (long long)sorted[i]);
	free(sorted);
	s->party_key = strbuf_steal(&key);
	return rc;
}

/* The agreement already stored for the same parties within ±3 days. */
static int db_store_find_same(struct db *db, struct db_store *s)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id FROM agreements"
		" WHERE party_key = ?1 AND abs(julianday(anchor_on)"
		" - julianday(?2)) <= ?3"
		" ORDER BY abs(julianday(anchor_on) - julianday(?2)), id LIMIT 1");
	int rc;

	if (!*s->party_key)
		return DB_OK;    /* no parties: nothing to compare */
	if (!st)
		return DB_ERR;
	db_bind_text(st, 1, s->party_key);
	db_bind_text(st, 2, s->anchor);
	sqlite3_bind_int(st, 3, DB_MERGE_DAYS);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		s->agreement_id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE
	       ? DB_OK : db_fail(db, rc, "looking for the same agreement");
}

/* Binds the scalar fields shared by insert and fill-gaps (?2..?10). */
static void db_bind_fields(sqlite3_stmt *st, const json_t *r)
{
	const json_t *conf = json_object_get(r, "confidence");

	db_bind_text(st, 2, db_rec_str(r, "type"));
	db_bind_text(st, 3, db_rec_str(r, "signed_on"));
	db_bind_text(st, 4, db_rec_str(r, "signed_precision"));
	db_bind_text(st, 5, db_rec_str(r, "valid_for"));
	db_bind_text(st, 6, db_rec_str(r, "expires_on"));
	sqlite3_bind_int(st, 7, json_is_true(json_object_get(r, "expires_estimated")));
	db_bind_text(st, 8, db_rec_str(r, "location"));
	db_bind_text(st, 9, db_rec_str(r, "language"));
	if (json_is_number(conf))
		sqlite3_bind_double(st, 10, json_number_value(conf));
}

static const char sql_agreement_insert[] =
	"INSERT INTO agreements (type, signed_on, signed_precision, valid_for,"
	" expires_on, expires_estimated, location, language, confidence,"
	" anchor_on, party_key, record, created_at, updated_at)"
	" VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?1, ?1)";

static int db_store_insert(struct db *db, struct db_store *s)
{
	sqlite3_stmt *st = db_stmt(db, sql_agreement_insert);
	char *dump = json_dumps(s->rec, JSON_COMPACT);
	int rc;

	if (!st) {
		free(dump);
		return DB_ERR;
	}
	sqlite3_bind_int64(st, 1, s->now);
	db_bind_fields(st, s->rec);
	db_bind_text(st, 11, s->anchor);
	db_bind_text(st, 12, s->party_key);
	db_bind_text(st, 13, dump);
	rc = db_exec_stmt(db, st, "inserting an agreement");
	free(dump);
	s->agreement_id = rc == DB_OK ? sqlite3_last_insert_rowid(db->sqlite) : 0;
	return rc;
}

/* A later report may know what the first did not: fill empty fields, and
 * let a stated expiry replace an estimated one. */
static const char sql_agreement_fill[] =
	"UPDATE agreements SET"
	" signed_on = coalesce(signed_on, ?3),"
	" signed_precision = coalesce(signed_precision, ?4),"
	" valid_for = coalesce(valid_for, ?5),"
	" expires_on = CASE WHEN expires_on IS NULL OR (expires_estimated"
	"  AND ?6 IS NOT NULL AND NOT ?7) THEN coalesce(?6, expires_on)"
	"  ELSE expires_on END,"
	" expires_estimated = CASE WHEN expires_on IS NULL OR (expires_estimated"
	"  AND ?6 IS NOT NULL AND NOT ?7) THEN ?7 ELSE expires_estimated END,"
	" location = coalesce(location, ?8),"
	" language = coalesce(language, ?9),"
	" confidence = max(coalesce(confidence, 0), coalesce(?10, 0)),"
	" type = CASE WHEN type = 'agreement' THEN ?2 ELSE type END,"
	" updated_at = ?1 WHERE id = ?11";

static int db_store_fill(struct db *db, struct db_store *s)
{
	sqlite3_stmt *st = db_stmt(db, sql_agreement_fill);

	if (!st)
		return DB_ERR;
	sqlite3_bind_int64(st, 1, s->now);
	db_bind_fields(st, s->rec);
	sqlite3_bind_int64(st, 11, s->agreement_id);
	return db_exec_stmt(db, st, "merging an agreement");
}

static int db_store_party_links(struct db *db, struct db_store *s)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO agreement_parties"
		" (agreement_id, party_id, position) VALUES (?1, ?2, ?3)"
		" ON CONFLICT DO NOTHING");
	int rc = DB_OK;

	for (size_t i = 0; i < s->nparties && rc == DB_OK; i++) {
		if (!st)
			return DB_ERR;
		sqlite3_bind_int64(st, 1, s->agreement_id);
		sqlite3_bind_int64(st, 2, s->parties[i]);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)i);
		rc = db_exec_stmt(db, st, "linking a party");
	}
	return rc;
}

static int db_store_signatories(struct db *db, struct db_store *s)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO signatories (agreement_id,"
		" party_id, name, role) VALUES (?1, ?2, ?3, ?4)"
		" ON CONFLICT DO NOTHING");
	const json_t *sig;
	size_t i;
	int rc = DB_OK;

	json_array_foreach(json_object_get(s->rec, "signatories"), i, sig) {
		const json_t *party = json_object_get(sig, "party");
		json_int_t pi = json_is_integer(party) ? json_integer_value(party) : -1;

		if (rc != DB_OK || !db_rec_str(sig, "name"))
			continue;
		if (!st)
			return DB_ERR;
		sqlite3_bind_int64(st, 1, s->agreement_id);
		if (pi >= 0 && (size_t)pi < s->nparties)
			sqlite3_bind_int64(st, 2, s->parties[pi]);
		db_bind_text(st, 3, db_rec_str(sig, "name"));
		db_bind_text(st, 4, db_rec_str(sig, "role"));
		rc = db_exec_stmt(db, st, "saving a signatory");
	}
	return rc;
}

static int db_store_programs(struct db *db, struct db_store *s)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO agreement_programs"
		" (agreement_id, program) VALUES (?1, ?2) ON CONFLICT DO NOTHING");
	const json_t *p;
	size_t i;
	int rc = DB_OK;

	json_array_foreach(json_object_get(s->rec, "programs"), i, p) {
		if (rc != DB_OK || !json_is_string(p))
			continue;
		if (!st)
			return DB_ERR;
		sqlite3_bind_int64(st, 1, s->agreement_id);
		db_bind_text(st, 2, json_string_value(p));
		rc = db_exec_stmt(db, st, "saving a program");
	}
	return rc;
}

static int db_store_events(struct db *db, struct db_store *s)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO events (agreement_id, type,"
		" starts_on, ends_on, precision, duration)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING");
	const json_t *e;
	size_t i;
	int rc = DB_OK;

	json_array_foreach(json_object_get(s->rec, "events"), i, e) {
		if (rc != DB_OK || !json_is_object(e))
			continue;
		if (!st)
			return DB_ERR;
		sqlite3_bind_int64(st, 1, s->agreement_id);
		db_bind_text(st, 2, db_rec_str(e, "type") ? db_rec_str(e, "type")
		                                          : "other");
		db_bind_text(st, 3, db_rec_str(e, "starts_on"));
		db_bind_text(st, 4, db_rec_str(e, "ends_on"));
		db_bind_text(st, 5, db_rec_str(e, "precision"));
		db_bind_text(st, 6, db_rec_str(e, "duration"));
		rc = db_exec_stmt(db, st, "saving an event");
	}
	return rc;
}

/* Links the article as a source and rewrites the agreement's search row. */
static int db_store_source(struct db *db, struct db_store *s)
{
	static const char *const sqls[] = {
		"INSERT INTO agreement_sources (article_id, agreement_id, record,"
		" added_at) VALUES (?1, ?2, ?3, ?4)",
		"UPDATE articles SET state = 'extracted', error = NULL,"
		" agreement_id = ?2, updated_at = ?4 WHERE id = ?1",
		"DELETE FROM agreements_fts WHERE rowid = ?2",
		"INSERT INTO agreements_fts (rowid, parties) SELECT ?2,"
		" group_concat(p.name || ' ' || p.aliases, ' ')"
		" FROM agreement_parties ap JOIN parties p ON p.id = ap.party_id"
		" WHERE ap.agreement_id = ?2",
	};
	char *dump = json_dumps(s->rec, JSON_COMPACT);
	int rc = DB_OK;

	for (size_t i = 0; i < sizeof sqls / sizeof *sqls && rc == DB_OK; i++) {
		sqlite3_stmt *st = db_stmt(db, sqls[i]);
		if (!st) {
			rc = DB_ERR;
			break;
		}
		sqlite3_bind_int64(st, 1, s->article_id);
		sqlite3_bind_int64(st, 2, s->agreement_id);
		if (sqlite3_bind_parameter_count(st) >= 3)
			db_bind_text(st, 3, dump);
		if (sqlite3_bind_parameter_count(st) >= 4)
			sqlite3_bind_int64(st, 4, s->now);
		rc = db_exec_stmt(db, st, "recording an agreement's source");
	}
	free(dump);
	return rc;
}

static int db_store_validate(struct db *db, const json_t *r)
{
	const char *type = db_rec_str(r, "type");
	const char *signed_on = db_rec_str(r, "signed_on");
	const json_t *parties = json_object_get(r, "parties");

	if (!json_is_object(r) || !json_is_boolean(json_object_get(r, "agreement")))
		return db_failf(db, DB_EINVAL, "agreement record is not an object "
			"with a boolean \"agreement\": check the extractor's output");
	if (!json_is_true(json_object_get(r, "agreement")))
		return DB_OK;
	if (!type || !db_type_valid(type))
		return db_failf(db, DB_EINVAL, "agreement record has type '%s': "
			"expected mou, moa, pks, loi, agreement or renewal",
			type ? type : "(none)");
	if (parties && !json_is_array(parties))
		return db_failf(db, DB_EINVAL,
			"agreement record's \"parties\" is not an array");
	if (signed_on && db_date_days(signed_on) < 0)
		return db_failf(db, DB_EINVAL, "agreement record's signed_on '%s' "
			"is not a YYYY-MM-DD date", signed_on);
	return DB_OK;
}

static int db_store_agreement(struct db *db, struct db_store *s)
{
	const char *signed_on = db_rec_str(s->rec, "signed_on");
	int rc;

	if (signed_on)
		snprintf(s->anchor, sizeof s->anchor, "%.10s", signed_on);
	rc = db_store_parties(db, s);
	if (rc == DB_OK)
		rc = db_store_find_same(db, s);
	if (rc == DB_OK)
		rc = s->agreement_id ? db_store_fill(db, s) : db_store_insert(db, s);
	if (rc == DB_OK)
		rc = db_store_party_links(db, s);
	if (rc == DB_OK)
		rc = db_store_signatories(db, s);
	if (rc == DB_OK)
		rc = db_store_programs(db, s);
	if (rc == DB_OK)
		rc = db_store_events(db, s);
	if (rc == DB_OK)
		rc = db_store_source(db, s);
	return rc;
}

static int db_store_tx(struct db *db, void *arg)
{
	struct db_store *s = arg;
	bool done = false;
	int rc = db_store_article(db, s, &done);

	if (rc != DB_OK || done)
		return rc;
	if (!json_is_true(json_object_get(s->rec, "agreement")))
		return db_store_no_agreement(db, s);
	return db_store_agreement(db, s);
}

int db_agreement_store(struct db *db, int64_t article_id, const json_t *record,
                       int64_t now, int64_t *agreement_id)
{
	struct db_store s = { .article_id = article_id, .now = now, .rec = record };
	int rc = db_store_validate(db, record);

	if (rc == DB_OK)
		rc = db_in_tx(db, db_store_tx, &s);
	free(s.parties);
	free(s.party_key);
	if (agreement_id)
		*agreement_id = rc == DB_OK ? s.agreement_id : 0;
	return rc;
}
