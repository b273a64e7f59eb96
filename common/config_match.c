/* config_match.c: a channel's 'match' filter, "field:value, ...", checked
 * against the vocabularies of SPEC.md (programmes, agreement types,
 * languages, ISO country codes). */
#include "config_values.h"
#include "xalloc.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const programs[] = {
	"student_exchange", "teacher_exchange", "staff_exchange", "internship",
	"research", "applied_research", "curriculum", "training", "e_learning",
	"language", "culture", "scholarship", "benchmarking", "immersion",
	"joint_degree", "community_service", "job_placement", "mentoring",
	"quality_assurance", "facilities", "publication", NULL,
};

static const char *const types[] = {
	"mou", "moa", "pks", "loi", "agreement", "renewal", NULL,
};

static const char *const languages[] = { "id", "ms", "en", NULL };

/* A value check: NULL list means free text (party) or a country code. */
struct match_field_def {
	enum mw_match_field field;
	const char *name;
	const char *const *vocabulary;
};

static const struct match_field_def fields[] = {
	{ MW_MATCH_COUNTRY, "country", NULL },
	{ MW_MATCH_PARTY, "party", NULL },
	{ MW_MATCH_PROGRAM, "program", programs },
	{ MW_MATCH_TYPE, "type", types },
	{ MW_MATCH_LANGUAGE, "language", languages },
};
#define N_FIELDS (sizeof fields / sizeof fields[0])

const char *config_match_field_name(enum mw_match_field f)
{
	for (size_t i = 0; i < N_FIELDS; i++)
		if (fields[i].field == f)
			return fields[i].name;
	return "?";
}

static void list_words(struct strbuf *why, const char *const *words)
{
	for (size_t i = 0; words[i]; i++)
		strbuf_printf(why, "%s%s", i ? ", " : "", words[i]);
}

static const struct match_field_def *find_field(const char *name, size_t len)
{
	for (size_t i = 0; i < N_FIELDS; i++)
		if (strlen(fields[i].name) == len && strncasecmp(fields[i].name, name, len) == 0)
			return &fields[i];
	return NULL;
}

/* Checks value against the field; returns the stored form or NULL. */
static char *match_value(const struct match_field_def *f, const char *value, struct strbuf *why)
{
	if (f->field == MW_MATCH_COUNTRY) {
		if (strlen(value) != 2 || !isalpha((unsigned char)value[0]) || !isalpha((unsigned char)value[1])) {
			strbuf_printf(why, "has country '%s'; write a two-letter ISO 3166-1 code such as ID, MY or TH", value);
			return NULL;
		}
		char *v = xstrdup(value);
		v[0] = (char)toupper((unsigned char)v[0]);
		v[1] = (char)toupper((unsigned char)v[1]);
		return v;
	}
	if (f->vocabulary == NULL)
		return xstrdup(value);
	for (size_t i = 0; f->vocabulary[i]; i++)
		if (strcasecmp(value, f->vocabulary[i]) == 0)
			return xstrdup(f->vocabulary[i]);
	strbuf_printf(why, "has %s '%s'; use one of: ", f->name, value);
	list_words(why, f->vocabulary);
	return NULL;
}

static bool match_rule(const char *item, struct mw_match_rule *rule, struct strbuf *why)
{
	const char *colon = strchr(item, ':');
	const struct match_field_def *f = colon ? find_field(item, (size_t)(colon - item)) : NULL;
	if (f == NULL) {
		strbuf_printf(why, "has '%s'; write field:value with field one of country, party, program, type, language", item);
		return false;
	}
	const char *value = colon + 1;
	while (isspace((unsigned char)*value))
		value++;
	if (*value == '\0') {
		strbuf_printf(why, "has '%s' without a value; write e.g. %s:VALUE", item, f->name);
		return false;
	}
	char *v = match_value(f, value, why);
	if (v == NULL)
		return false;
	rule->field = f->field;
	rule->value = v;
	return true;
}

bool config_parse_match(const char *s, struct mw_match *out, struct strbuf *why)
{
	struct mw_match m = { NULL, 0 };
	char **items;
	size_t n;

	if (*s == '\0') {
		*out = m;
		return true;
	}
	if (!config_split_list(s, &items, &n, why))
		return false;
	m.rules = xcalloc(n, sizeof *m.rules);
	for (size_t i = 0; i < n; i++) {
		if (!match_rule(items[i], &m.rules[m.n_rules], why)) {
			config_free_list(items, n);
			config_match_clear(&m);
			return false;
		}
		m.n_rules++;
	}
	config_free_list(items, n);
	*out = m;
	return true;
}

void config_match_clear(struct mw_match *m)
{
	for (size_t i = 0; i < m->n_rules; i++)
		free(m->rules[i].value);
	free(m->rules);
	m->rules = NULL;
	m->n_rules = 0;
}

bool config_p_match(const struct value_arg *a)
{
	return config_parse_match(a->v, a->field, a->why);
}
