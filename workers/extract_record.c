/* extract_record.c: assembling the record of SPEC.md ("The agreement
 * record") as JSON, with the evidence sentence of each field and a
 * confidence score, and freeing the working record. */
#include <stdlib.h>

#include "extract_int.h"

static const char *const type_names[] = {
	[AGR_MOU] = "mou", [AGR_MOA] = "moa", [AGR_PKS] = "pks", [AGR_LOI] = "loi",
	[AGR_AGREEMENT] = "agreement", [AGR_RENEWAL] = "renewal",
};

static const char *const prec_names[] = {
	[PREC_NONE] = NULL, [PREC_DAY] = "day", [PREC_MONTH] = "month", [PREC_YEAR] = "year",
};

static json_t *date_json(struct mw_ymd v)
{
	char buf[11];
	if (v.y == 0)
		return json_null();
	ymd_format(v, buf);
	return json_string(buf);
}

static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *parties_json(const struct record *r)
{
	json_t *a = json_array();
	for (int i = 0; i < r->nparties; i++) {
		const struct party *p = &r->parties[i];
		json_t *al = json_array();
		for (int k = 0; k < p->naliases; k++)
			json_array_append_new(al, json_string(p->aliases[k]));
		json_array_append_new(a, json_pack("{s:s, s:o, s:o}", "name", p->name,
						   "aliases", al, "country", str_or_null(p->country)));
	}
	return a;
}

static json_t *signatories_json(const struct record *r)
{
	json_t *a = json_array();
	for (int i = 0; i < r->npeople; i++) {
		const struct person *p = &r->people[i];
		if (!p->signer)
			continue;
		json_array_append_new(a, json_pack("{s:s, s:o, s:o}", "name", p->name,
			"role", str_or_null(p->role),
			"party", p->party >= 0 ? json_integer(p->party) : json_null()));
	}
	return a;
}

static json_t *events_json(const struct record *r)
{
	json_t *a = json_array();
	for (int i = 0; i < r->nevents; i++) {
		const struct event *e = &r->events[i];
		char dur[16];
		if (e->dur.unit)
			dur_format(&e->dur, dur);
		json_array_append_new(a, json_pack("{s:s, s:o, s:o, s:s, s:o}", "type", e->type,
			"starts_on", date_json(e->start), "ends_on", date_json(e->end),
			"precision", prec_names[e->prec] ? prec_names[e->prec] : "day",
			"duration", e->dur.unit ? json_string(dur) : json_null()));
	}
	return a;
}

static void evidence(json_t *ev, const struct doc *d, const char *field, int sent)
{
	if (sent >= 0 && sent < d->nsent)
		json_object_set_new(ev, field, json_string(d->sents[sent].text));
}

/* An agreement's confidence: how sure we are that a signed agreement is
 * reported. 0.4 for a signing word with an agreement noun; +0.15 when a
 * body sentence (not only the headline) reports it; +0.15 for two named
 * parties (+0.05 for one, -0.2 for none); +0.1 for a named signatory;
 * +0.1 for a signing date; +0.05 for a specific type (MoU, MoA, PKS, LoI,
 * renewal). At most 0.99: the text may still be about something else. */
static double confidence(const struct doc *d, const struct record *r)
{
	double c = 0.4;
	bool body = false;
	for (int i = 0; i < d->nsent && !body; i++)
		body = d->sents[i].signing && !d->sents[i].title;
	c += body ? 0.15 : 0;
	c += r->nparties >= 2 ? 0.15 : r->nparties == 1 ? 0.05 : -0.2;
	for (int i = 0; i < r->npeople; i++)
		if (r->people[i].signer) {
			c += 0.1;
			break;
		}
	c += r->signed_on.y ? 0.1 : 0;
	c += r->type != AGR_AGREEMENT ? 0.05 : 0;
	c = c > 0.99 ? 0.99 : c < 0.05 ? 0.05 : c;
	return (int)(c * 100 + 0.5) / 100.0;
}

static json_t *no_agreement(const struct doc *d, const struct record *r)
{
	json_t *ev = json_object();
	evidence(ev, d, "agreement", r->agr_sent);
	return json_pack("{s:b, s:s, s:f, s:o}", "agreement", 0, "language", d->lang,
			 "confidence", r->confidence, "evidence", ev);
}

/* The sentence that names the first signatory as a signer, or -1. */
static int signer_sent(const struct doc *d, const struct record *r)
{
	for (int k = 0; k < r->npeople; k++) {
		int t = r->people[k].sign_tok;
		if (!r->people[k].signer || t < 0)
			continue;
		for (int i = 0; i < d->nsent; i++)
			if (t >= d->sents[i].first && t < d->sents[i].end)
				return i;
	}
	return -1;
}

json_t *record_json(const struct doc *d, const struct record *r)
{
	if (!r->agreement)
		return no_agreement(d, r);
	char dur[16];
	if (r->valid.unit)
		dur_format(&r->valid, dur);
	json_t *ev = json_object();
	evidence(ev, d, "agreement", r->sign_sent);
	evidence(ev, d, "type", r->type_sent);
	evidence(ev, d, "parties", r->sign_sent);
	evidence(ev, d, "signatories", signer_sent(d, r));
	evidence(ev, d, "signed_on", r->signed_sent);
	evidence(ev, d, "valid_for", r->valid_sent);
	evidence(ev, d, "expires_on", r->expires_sent);
	evidence(ev, d, "programs", r->program_sent);
	evidence(ev, d, "events", r->nevents ? r->events[0].sent : -1);
	evidence(ev, d, "location", r->location_sent);
	json_t *programs = json_array();
	for (int i = 0; i < r->nprograms; i++)
		json_array_append_new(programs, json_string(r->programs[i]));
	json_t *o = json_object();
	json_object_set_new(o, "agreement", json_true());
	json_object_set_new(o, "type", json_string(type_names[r->type]));
	json_object_set_new(o, "parties", parties_json(r));
	json_object_set_new(o, "signatories", signatories_json(r));
	json_object_set_new(o, "signed_on", date_json(r->signed_on));
	json_object_set_new(o, "signed_precision", str_or_null(r->signed_on.y ? prec_names[r->signed_prec] : NULL));
	json_object_set_new(o, "valid_for", r->valid.unit ? json_string(dur) : json_null());
	json_object_set_new(o, "expires_on", date_json(r->expires));
	json_object_set_new(o, "expires_estimated", json_boolean(r->expires_estimated));
	json_object_set_new(o, "programs", programs);
	json_object_set_new(o, "events", events_json(r));
	json_object_set_new(o, "location", str_or_null(r->location));
	json_object_set_new(o, "language", json_string(d->lang));
	json_object_set_new(o, "confidence", json_real(confidence(d, r)));
	json_object_set_new(o, "evidence", ev);
	return o;
}

void record_free(struct record *r)
{
	for (int i = 0; i < r->nparties; i++) {
		struct party *p = &r->parties[i];
		free(p->name);
		free(p->key);
		for (int k = 0; k < p->naliases; k++) {
			free(p->aliases[k]);
			free(p->akeys[k]);
		}
	}
	for (int i = 0; i < r->npeople; i++) {
		free(r->people[i].name);
		free(r->people[i].role);
	}
	free(r->location);
}
