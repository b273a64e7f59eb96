/* db_query_agreements.c: the operator's read-only views of agreements:
 * the filtered list ('mouwatch agreements') and one agreement with
 * everything ('mouwatch agreement ID'). Results are JSON built by SQLite's
 * JSON functions, so the control socket prints them as they are. */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "strbuf.h"
#include "xalloc.h"

#define DB_PARTIES_OF(a) \
	"(SELECT json_group_array(json_object('id', p.id, 'name', p.name," \
	" 'country', p.country, 'aliases', json(p.aliases))) FROM" \
	" (SELECT p.* FROM agreement_parties ap JOIN parties p" \
	"  ON p.id = ap.party_id WHERE ap.agreement_id = " a \
	"  ORDER BY ap.position) p)"
#define DB_PROGRAMS_OF(a) \
	"(SELECT json_group_array(program) FROM (SELECT program FROM" \
	" agreement_programs WHERE agreement_id = " a " ORDER BY program))"

static const char sql_list[] =
	"SELECT a.id, a.type, a.signed_on, a.expires_on, a.expires_estimated,"
	" " DB_PARTIES_OF("a.id") " AS parties_json,"
	" " DB_PROGRAMS_OF("a.id") " AS programs_json,"
	" (SELECT count(*) FROM agreement_sources s"
	"  WHERE s.agreement_id = a.id) AS sources"
	" FROM agreements a WHERE"
	" (?1 IS NULL OR EXISTS (SELECT 1 FROM agreement_parties ap"
	"  JOIN parties p ON p.id = ap.party_id WHERE ap.agreement_id = a.id"
	"  AND (p.name LIKE ?1 ESCAPE '\\' OR p.aliases LIKE ?1 ESCAPE '\\')))"
	" AND (?2 IS NULL OR EXISTS (SELECT 1 FROM agreement_parties ap"
	"  JOIN parties p ON p.id = ap.party_id WHERE ap.agreement_id = a.id"
	"  AND p.country = upper(?2)))"
	" AND (?3 IS NULL OR EXISTS (SELECT 1 FROM agreement_programs g"
	"  WHERE g.agreement_id = a.id AND g.program = ?3))"
	" AND (?4 IS NULL OR a.type = ?4)"
	" AND (?5 IS NULL OR a.signed_on >= ?5)"
	" AND (?6 IS NULL OR (a.expires_on >= ?7 AND a.expires_on <= ?6))"
	" ORDER BY coalesce(a.signed_on, a.anchor_on) DESC, a.id DESC"
	" LIMIT ?8";

/* "%text%" with LIKE's wildcards in text escaped; caller frees. */
static char *db_like_pattern(const char *text)
{
	struct strbuf b = STRBUF_INIT;

	strbuf_putc(&b, '%');
	for (const char *p = text; *p; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			strbuf_putc(&b, '\\');
		strbuf_putc(&b, *p);
	}
	strbuf_putc(&b, '%');
	return strbuf_steal(&b);
}

int db_query_agreements(struct db *db, const struct db_agreement_filter *f,
                        int64_t now, json_t **out)
{
	sqlite3_stmt *st = db_stmt(db, sql_list);
	char today[11], until[11];
	char *like;

	*out = NULL;
	if (!st)
		return DB_ERR;
	like = f->party && *f->party ? db_like_pattern(f->party) : NULL;
	db_bind_text(st, 1, like);
	free(like);
	db_bind_text(st, 2, f->country);
	db_bind_text(st, 3, f->program);
	db_bind_text(st, 4, f->type);
	db_bind_text(st, 5, f->signed_since);
	if (f->expiring_days > 0) {
		db_days_date(now / 86400 + f->expiring_days, until);
		db_days_date(now / 86400, today);
		db_bind_text(st, 6, until);
		db_bind_text(st, 7, today);
	}
	sqlite3_bind_int(st, 8, f->limit > 0 ? f->limit : 100);
	return db_query_array(db, st, out, "listing agreements");
}

static const char sql_one[] =
	"SELECT a.id, a.type, a.signed_on, a.signed_precision, a.valid_for,"
	" a.expires_on, a.expires_estimated, a.location, a.language,"
	" a.confidence, a.created_at, a.updated_at,"
	" " DB_PARTIES_OF("a.id") " AS parties_json,"
	" (SELECT json_group_array(json_object('name', s.name, 'role', s.role,"
	"  'party_id', s.party_id)) FROM (SELECT * FROM signatories"
	"  WHERE agreement_id = a.id ORDER BY id) s) AS signatories_json,"
	" " DB_PROGRAMS_OF("a.id") " AS programs_json,"
	" (SELECT json_group_array(json_object('id', e.id, 'type', e.type,"
	"  'starts_on', e.starts_on, 'ends_on', e.ends_on,"
	"  'precision', e.precision, 'duration', e.duration)) FROM"
	"  (SELECT * FROM events WHERE agreement_id = a.id"
	"   ORDER BY starts_on, id) e) AS events_json,"
	" (SELECT json_group_array(json_object('article_id', r.id,"
	"  'url', r.url, 'title', r.title, 'feed', r.feed_name,"
	"  'published_at', r.published_at)) FROM (SELECT ar.* FROM"
	"  agreement_sources s JOIN articles ar ON ar.id = s.article_id"
	"  WHERE s.agreement_id = a.id ORDER BY s.added_at, ar.id) r)"
	"  AS sources_json,"
	" (SELECT json_group_array(json_object('id', r.id, 'kind', r.kind,"
	"  'event_id', r.event_id, 'lead_days', r.lead_days,"
	"  'target_date', r.target_date, 'due_at', r.due_at,"
	"  'state', r.state)) FROM (SELECT * FROM reminders"
	"  WHERE agreement_id = a.id ORDER BY due_at, id) r) AS reminders_json,"
	" a.record AS record_json"
	" FROM agreements a WHERE a.id = ?1";

int db_query_agreement(struct db *db, int64_t id, json_t **out)
{
	sqlite3_stmt *st = db_stmt(db, sql_one);
	int rc;

	*out = NULL;
	if (!st)
		return DB_ERR;
	sqlite3_bind_int64(st, 1, id);
	rc = db_row_to_json(db, st, out, "reading an agreement");
	if (rc == DB_ENOTFOUND)
		db_failf(db, rc, "no agreement with id %lld: see 'mouwatch "
		         "agreements'", (long long)id);
	return rc;
}
