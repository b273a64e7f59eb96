/* remind_match.c: a channel's match filter against an agreement record.
 * Any rule matching is enough (SPEC: "any of"); no rules take everything.
 * country, type and language compare exactly (ignoring case), program is
 * one of the record's programmes, party is a case-insensitive substring of
 * a party's name or alias. */
#include "remind_msg.h"

#include <string.h>
#include <strings.h>

static bool same(const json_t *v, const char *want)
{
	const char *s = json_string_value(v);
	return s && strcasecmp(s, want) == 0;
}

static bool contains(const json_t *v, const char *want)
{
	const char *s = json_string_value(v);
	return s && strcasestr(s, want) != NULL;
}

static bool party_matches(const json_t *party, enum mw_match_field f, const char *want)
{
	const json_t *alias;
	size_t i;

	if (f == MW_MATCH_COUNTRY)
		return same(json_object_get(party, "country"), want);
	if (contains(json_object_get(party, "name"), want))
		return true;
	json_array_foreach(json_object_get(party, "aliases"), i, alias)
		if (contains(alias, want))
			return true;
	return false;
}

static bool rule_matches(const struct mw_match_rule *r, const json_t *a)
{
	const json_t *v;
	size_t i;

	switch (r->field) {
	case MW_MATCH_COUNTRY:
	case MW_MATCH_PARTY:
		json_array_foreach(json_object_get(a, "parties"), i, v)
			if (party_matches(v, r->field, r->value))
				return true;
		return false;
	case MW_MATCH_PROGRAM:
		json_array_foreach(json_object_get(a, "programs"), i, v)
			if (same(v, r->value))
				return true;
		return false;
	case MW_MATCH_TYPE:
		return same(json_object_get(a, "type"), r->value);
	case MW_MATCH_LANGUAGE:
		return same(json_object_get(a, "language"), r->value);
	}
	return false;
}

bool remind_match(const struct mw_match *m, const json_t *agreement)
{
	if (m->n_rules == 0)
		return true;
	for (size_t i = 0; i < m->n_rules; i++)
		if (rule_matches(&m->rules[i], agreement))
			return true;
	return false;
}
