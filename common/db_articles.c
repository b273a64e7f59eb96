/* db_articles.c: the articles table. An article is stored once: the same
 * (feed, entry id) or the same normalized URL is the same article. The
 * daemon queues only the ones db_article_insert_new reports as new. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/evp.h>

#include "db_internal.h"
#include "xalloc.h"

static const char *const db_article_states[] = {
	[DB_ARTICLE_QUEUED] = "queued",
	[DB_ARTICLE_EXTRACTED] = "extracted",
	[DB_ARTICLE_NO_AGREEMENT] = "no_agreement",
	[DB_ARTICLE_FAILED] = "failed",
};

const char *db_article_state_name(enum db_article_state s)
{
	if ((unsigned)s >= sizeof db_article_states / sizeof *db_article_states)
		return "unknown";
	return db_article_states[s];
}

void db_content_hash(const char *text, char out[65])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int len = 0;

	out[0] = '\0';
	if (!text)
		return;
	if (!EVP_Digest(text, strlen(text), md, &len, EVP_sha256(), NULL))
		fatal("SHA-256 unavailable in libcrypto");
	for (unsigned int i = 0; i < len && i < 32; i++)
		snprintf(out + 2 * i, 3, "%02x", md[i]);
}

static const char sql_insert[] =
	"INSERT INTO articles (feed_name, entry_id, url, url_norm, title,"
	" published_at, fetched_at, text, content_hash, updated_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?7)"
	" ON CONFLICT DO NOTHING";
static const char sql_find[] =
	"SELECT id FROM articles WHERE url_norm = ?1"
	" OR (?3 IS NOT NULL AND feed_name IS ?2 AND entry_id = ?3)"
	" ORDER BY id LIMIT 1";

static int db_article_find(struct db *db, const char *feed,
                           const char *entry_id, const char *norm,
                           int64_t *id)
{
	sqlite3_stmt *st = db_stmt(db, sql_find);
	int rc;

	if (!st)
		return DB_ERR;
	db_bind_text(st, 1, norm);
	db_bind_text(st, 2, feed);
	db_bind_text(st, 3, entry_id);
	rc = sqlite3_step(st);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return DB_OK;
	return rc == SQLITE_DONE
	       ? db_failf(db, DB_ERR, "article vanished while inserting (bug)")
	       : db_fail(db, rc, "looking up an article");
}

static int db_article_insert_row(struct db *db, const struct db_article_new *a,
                                 const char *norm, bool *inserted)
{
	sqlite3_stmt *st = db_stmt(db, sql_insert);
	char hash[65];
	int rc;

	if (!st)
		return DB_ERR;
	db_content_hash(a->text, hash);
	db_bind_text(st, 1, a->feed_name);
	db_bind_text(st, 2, a->entry_id && *a->entry_id ? a->entry_id : NULL);
	db_bind_text(st, 3, a->url);
	db_bind_text(st, 4, norm);
	db_bind_text_max(st, 5, a->title, DB_ARTICLE_TITLE_MAX);
	db_bind_time(st, 6, a->published_at);
	sqlite3_bind_int64(st, 7, a->fetched_at);
	db_bind_text_max(st, 8, a->text, DB_ARTICLE_TEXT_MAX);
	db_bind_text(st, 9, *hash ? hash : NULL);
	rc = db_exec_stmt(db, st, "inserting an article");
	*inserted = rc == DB_OK && sqlite3_changes(db->sqlite) > 0;
	return rc;
}

int db_article_insert_new(struct db *db, const struct db_article_new *a,
                          int64_t *id, bool *is_new)
{
	bool inserted = false;
	int64_t row = 0;
	char *norm;
	int rc;

	if (!a->url || !*a->url)
		return db_failf(db, DB_EINVAL,
			"article without a URL (feed %s): the feed entry has no link",
			a->feed_name ? a->feed_name : "-");
	norm = db_url_normalize(a->url);
	rc = db_article_insert_row(db, a, norm, &inserted);
	if (rc == DB_OK && inserted)
		row = sqlite3_last_insert_rowid(db->sqlite);
	else if (rc == DB_OK)
		rc = db_article_find(db, a->feed_name, a->entry_id, norm, &row);
	free(norm);
	if (id)
		*id = row;
	if (is_new)
		*is_new = inserted;
	return rc;
}

/* Known: two lookups on unique indexes, each a single seek, rather than
 * one query with an OR (which SQLite answers with two seeks, a temporary
 * b-tree for ORDER BY and the URL normalised first). Polls mostly meet
 * entries they saw before, by the same entry id: those cost one seek and
 * no normalisation. */
static const char sql_known_entry[] =
	"SELECT 1 FROM articles WHERE feed_name = ?1 AND entry_id = ?2";
static const char sql_known_url[] =
	"SELECT 1 FROM articles WHERE url_norm = ?1";

/* One row or none: *found. */
static int db_exists(struct db *db, sqlite3_stmt *st, bool *found)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	*found = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return DB_OK;
	return db_fail(db, rc, "looking up an article");
}

int db_article_known(struct db *db, const char *feed, const char *entry_id,
                     const char *url, bool *known)
{
	sqlite3_stmt *st;
	char *norm;
	int rc;

	*known = false;
	if (feed && entry_id && *entry_id) {
		if (!(st = db_stmt(db, sql_known_entry)))
			return DB_ERR;
		db_bind_text(st, 1, feed);
		db_bind_text(st, 2, entry_id);
		if ((rc = db_exists(db, st, known)) != DB_OK || *known)
			return rc;
	}
	if (!(st = db_stmt(db, sql_known_url)))
		return DB_ERR;
	norm = db_url_normalize(url);
	db_bind_text(st, 1, norm);
	rc = db_exists(db, st, known);
	free(norm);
	return rc;
}

struct db_batch_args {
	const struct db_article_new *v;
	size_t n;
	int64_t *ids;
	bool *is_new;
};

static int db_articles_batch_tx(struct db *db, void *arg)
{
	struct db_batch_args *b = arg;

	for (size_t i = 0; i < b->n; i++) {
		int rc = db_article_insert_new(db, &b->v[i],
			b->ids ? &b->ids[i] : NULL,
			b->is_new ? &b->is_new[i] : NULL);
		if (rc != DB_OK)
			return rc;
	}
	return DB_OK;
}

int db_articles_insert_batch(struct db *db, const struct db_article_new *v,
                             size_t n, int64_t *ids, bool *is_new)
{
	struct db_batch_args b = { v, n, ids, is_new };

	return db_in_tx(db, db_articles_batch_tx, &b);
}

int db_article_set_state(struct db *db, int64_t id, enum db_article_state s,
                         const char *error)
{
	sqlite3_stmt *st = db_stmt(db, "UPDATE articles SET state = ?2,"
		" error = ?3, attempts = attempts + 1,"
		" updated_at = CAST(strftime('%s', 'now') AS INTEGER)"
		" WHERE id = ?1");
	int rc;

	if (!st)
		return DB_ERR;
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, db_article_state_name(s));
	db_bind_text(st, 3, error);
	rc = db_exec_stmt(db, st, "updating an article's state");
	if (rc == DB_OK && sqlite3_changes(db->sqlite) == 0)
		return db_failf(db, DB_ENOTFOUND, "no article with id %lld",
		                (long long)id);
	return rc;
}

int db_article_get(struct db *db, int64_t id, json_t **out)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id, feed_name AS feed, entry_id,"
		" url, title, published_at, fetched_at, text, content_hash,"
		" state, attempts, error, agreement_id FROM articles WHERE id = ?1");

	if (!st)
		return DB_ERR;
	sqlite3_bind_int64(st, 1, id);
	return db_row_to_json(db, st, out, "reading an article");
}
