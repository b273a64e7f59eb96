/* db_parties.c: one row per institution across all agreements. A record's
 * party is the existing party whose normalized name or alias equals the
 * record's normalized name (tried first) or one of its aliases; otherwise
 * a new party. Every form seen is added to party_names so later reports
 * using any of them find the same row. */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "xalloc.h"

static int db_party_lookup(struct db *db, const char *name, int64_t *id)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT party_id FROM party_names WHERE norm = ?1");
	char *norm = db_name_normalize(name);
	int rc;

	*id = 0;
	if (!st) {
		free(norm);
		return DB_ERR;
	}
	db_bind_text(st, 1, norm);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	free(norm);
	return rc == SQLITE_ROW || rc == SQLITE_DONE
	       ? DB_OK : db_fail(db, rc, "looking up a party");
}

/* The existing party of any form of p (name first), or 0. */
static int db_party_match(struct db *db, const json_t *p, int64_t *id)
{
	const json_t *aliases = json_object_get(p, "aliases");
	const json_t *a;
	size_t i;
	int rc = db_party_lookup(db, json_string_value(json_object_get(p, "name")),
	                         id);

	json_array_foreach(aliases, i, a) {
		if (rc != DB_OK || *id)
			break;
		if (json_is_string(a))
			rc = db_party_lookup(db, json_string_value(a), id);
	}
	return rc;
}

static int db_party_add_name(struct db *db, int64_t id, const char *name,
                             bool alias)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO party_names (norm, party_id,"
		" is_alias) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING");
	char *norm = db_name_normalize(name);
	int rc = DB_OK;

	if (!st)
		rc = DB_ERR;
	else if (*norm) {
		db_bind_text(st, 1, norm);
		sqlite3_bind_int64(st, 2, id);
		sqlite3_bind_int(st, 3, alias);
		rc = db_exec_stmt(db, st, "saving a party name");
	}
	free(norm);
	return rc;
}

/* Reads the stored aliases and name of party id; caller decrefs/frees. */
static int db_party_read(struct db *db, int64_t id, json_t **aliases,
                         char **name)
{
	sqlite3_stmt *st = db_stmt(db,
		"SELECT aliases, name FROM parties WHERE id = ?1");
	int rc;

	if (!st)
		return DB_ERR;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*aliases = json_loads((const char *)sqlite3_column_text(st, 0), 0,
		                      NULL);
		*name = db_col_strdup(st, 1);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return db_fail(db, rc, "reading a party");
	if (!json_is_array(*aliases)) {
		json_decref(*aliases);
		*aliases = json_array();
	}
	return DB_OK;
}

static bool db_json_has_string(const json_t *arr, const char *s)
{
	const json_t *v;
	size_t i;

	json_array_foreach(arr, i, v)
		if (json_is_string(v) && strcmp(json_string_value(v), s) == 0)
			return true;
	return false;
}

/* Adds the record's name (when it differs) and aliases to the stored
 * aliases, and fills the country when it was unknown. */
static int db_party_merge(struct db *db, int64_t id, const json_t *p)
{
	const char *rname = json_string_value(json_object_get(p, "name"));
	json_t *aliases = NULL, *a;
	char *name = NULL, *dump;
	sqlite3_stmt *st;
	size_t i;
	int rc = db_party_read(db, id, &aliases, &name);

	if (rc != DB_OK)
		return rc;
	if (strcmp(rname, name) != 0 && !db_json_has_string(aliases, rname))
		json_array_append_new(aliases, json_string(rname));
	json_array_foreach(json_object_get(p, "aliases"), i, a)
		if (json_is_string(a) && strcmp(json_string_value(a), name) != 0 &&
		    !db_json_has_string(aliases, json_string_value(a)))
			json_array_append(aliases, a);
	dump = json_dumps(aliases, JSON_COMPACT);
	st = db_stmt(db, "UPDATE parties SET aliases = ?2,"
		" country = coalesce(country, ?3) WHERE id = ?1");
	if (!st)
		rc = DB_ERR;
	else {
		sqlite3_bind_int64(st, 1, id);
		db_bind_text(st, 2, dump);
		db_bind_text(st, 3, json_string_value(json_object_get(p, "country")));
		rc = db_exec_stmt(db, st, "updating a party");
	}
	free(dump);
	free(name);
	json_decref(aliases);
	return rc;
}

static int db_party_insert(struct db *db, const json_t *p, int64_t *id)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO parties (name, country,"
		" aliases) VALUES (?1, ?2, ?3)");
	json_t *aliases = json_object_get(p, "aliases");
	json_t *none = json_array();
	char *dump = json_dumps(json_is_array(aliases) ? aliases : none,
	                        JSON_COMPACT);
	int rc;

	json_decref(none);
	if (!st) {
		free(dump);
		return DB_ERR;
	}
	db_bind_text(st, 1, json_string_value(json_object_get(p, "name")));
	db_bind_text(st, 2, json_string_value(json_object_get(p, "country")));
	db_bind_text(st, 3, dump);
	rc = db_exec_stmt(db, st, "inserting a party");
	free(dump);
	*id = rc == DB_OK ? sqlite3_last_insert_rowid(db->sqlite) : 0;
	return rc;
}

static int db_party_add_names(struct db *db, int64_t id, const json_t *p)
{
	const json_t *a;
	size_t i;
	int rc = db_party_add_name(db, id,
		json_string_value(json_object_get(p, "name")), false);

	json_array_foreach(json_object_get(p, "aliases"), i, a)
		if (rc == DB_OK && json_is_string(a))
			rc = db_party_add_name(db, id, json_string_value(a), true);
	return rc;
}

int db_party_resolve(struct db *db, const json_t *p, int64_t *id)
{
	const char *name = json_string_value(json_object_get(p, "name"));
	int rc;

	if (!name || !*name)
		return db_failf(db, DB_EINVAL,
			"agreement record has a party without a name: fix the "
			"extractor's output");
	rc = db_party_match(db, p, id);
	if (rc == DB_OK)
		rc = *id ? db_party_merge(db, *id, p) : db_party_insert(db, p, id);
	if (rc == DB_OK)
		rc = db_party_add_names(db, *id, p);
	return rc;
}
