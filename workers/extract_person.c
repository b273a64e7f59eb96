/* extract_person.c: the people stage. Finds job titles ("Kepala SMKN 2
 * Kandangan Agus Ratmono", "Direktur Poltek Balikpapan Dr. Emil ...",
 * "Khamaruddin Bin Abdul Rahman (CEO IISM)", "Wali Kota Banjarmasin H Ibnu
 * Sina") and the people holding them: name without titles or degrees, role
 * as written, institution. People named in a signing sentence (in full or
 * by first name) before any "witnessed by" are the signatories. Malay
 * honorifics (Datuk, Dato', Tan Sri, Tn, Hj) are titles and are dropped. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract_int.h"
#include "strbuf.h"
#include "xalloc.h"

/* ---- names ------------------------------------------------------------------- */

/* Is word w (n bytes) a title or degree once dots are removed and lowered? */
static bool word_in(const char *w, size_t n, enum lex_kind k)
{
	char buf[32];
	size_t j = 0;
	for (size_t i = 0; i < n && j < sizeof buf - 1; i++) {
		char c = w[i];
		if (c == '.' || c == ',')
			continue;
		buf[j++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
	}
	buf[j] = '\0';
	if (j == 0)
		return k == LEX_DEGREE;
	const struct lexicon *const all[] = { &lexicon_id, &lexicon_ms, &lexicon_en, &lexicon_common };
	for (size_t l = 0; l < sizeof all / sizeof all[0]; l++)
		for (const struct lex_entry *e = all[l]->lists[k]; e && e->phrase; e++)
			if (strcmp(e->phrase, buf) == 0)
				return true;
	return false;
}

/* Is w (n bytes) written like a name word ("Seng", "Meng") rather than a
 * degree ("S.Eng.", "MEng", "SE")? Capitalised, then four or more letters
 * all lower-case, no dots. */
static bool name_shaped(const char *w, size_t n)
{
	if (n < 4 || !(w[0] >= 'A' && w[0] <= 'Z'))
		return false;
	for (size_t i = 1; i < n; i++)
		if (!(w[i] >= 'a' && w[i] <= 'z'))
			return false;
	return true;
}

char *person_strip_titles(const char *name)
{
	struct strbuf out = STRBUF_INIT;
	const char *p = name;
	bool started = false, after_title = false;
	while (*p) {
		while (*p == ' ' || *p == ',' || *p == '\'')
			p++;
		size_t n = strcspn(p, " ,");
		if (n == 0)
			break;
		/* Before the name: titles ("Datuk Seri": "Seri" only after a
		 * title, since Sri is a given name too). After it: a degree
		 * ends the name. */
		if (!started && (word_in(p, n, LEX_TITLE) ||
				 (after_title && word_in(p, n, LEX_TITLE_NEXT)))) {
			p += n;
			after_title = true;
			continue;
		}
		if (started && ((word_in(p, n, LEX_DEGREE) && !name_shaped(p, n)) ||
				(memchr(p, '.', n) != NULL && !word_in(p, n, LEX_NAMEABBR))))
			break;
		if (out.len > 0)
			strbuf_putc(&out, ' ');
		strbuf_append(&out, p, n);
		started = true;
		p += n;
	}
	return strbuf_steal(&out);
}

/* ---- token-level helpers ----------------------------------------------------------- */

/* A title: capitalised, or lower-case with its full stop before a
 * capitalised word ("dr. Hasmoro", "drh. Maya"). */
static bool is_title_tok(const struct doc *d, int i, int end)
{
	if (i >= end)
		return false;  /* a role that ends its sentence has no title after it */
	const struct tok *t = &d->toks[i];
	bool low_dot = !t->cap && t->word && i + 2 < end && tok_punct(&d->toks[i + 1], '.') &&
		       d->toks[i + 2].cap;
	return (t->cap || low_dot) && word_in(t->s, (size_t)t->len, LEX_TITLE) &&
	       lex_match(d, i, end, LEX_INST, NULL) == 0;
}

static bool is_degree_tok(const struct doc *d, int i)
{
	const struct tok *t = &d->toks[i];
	return t->word && (t->cap || t->len <= 4) && word_in(t->s, (size_t)t->len, LEX_DEGREE) &&
	       !name_shaped(t->s, (size_t)t->len);
}

/* Can token i be part of a person's name? */
static bool name_tok(const struct doc *d, int i, int end)
{
	const struct tok *t = &d->toks[i];
	return t->word && t->cap && !t->num && memchr(t->s, '.', (size_t)t->len) == NULL &&
	       lex_match(d, i, end, LEX_STOP, NULL) == 0 &&
	       lex_match(d, i, end, LEX_INST, NULL) == 0 &&
	       lex_match(d, i, end, LEX_ROLE, NULL) == 0 &&
	       lex_match(d, i, end, LEX_NOTNAME, NULL) == 0 &&
	       lex_match(d, i, end, LEX_FIELD, NULL) == 0 &&
	       lex_match(d, i, end, LEX_SIGN, NULL) == 0 &&
	       lex_match(d, i, end, LEX_WEEKDAY, NULL) == 0;
}

/* Skips titles ("Dr.", "Tn Hj", "Prof Dato' Dr", "Prof. Dr. med.",
 * "Datuk Seri") from i. */
static int skip_titles(const struct doc *d, int i, int end)
{
	bool any = false;
	while (i < end) {
		const struct tok *t = &d->toks[i];
		int n = lex_match(d, i, end, LEX_TITLE, NULL);
		if (n > 1 && t->cap)
			i += n;
		else if (is_title_tok(d, i, end) ||
			 (any && t->word && word_in(t->s, (size_t)t->len, LEX_TITLE)))
			i++;
		else if (any && lex_match(d, i, i + 1, LEX_TITLE_NEXT, NULL) > 0 && i + 1 < end &&
			 (d->toks[i + 1].cap || tok_punct(&d->toks[i + 1], '.')))
			i++;
		else if (any && i + 2 < end && tok_punct(t, '(') && d->toks[i + 1].cap &&
			 tok_punct(&d->toks[i + 2], ')'))
			i += 3;  /* "Datuk (Datu) Rosmadi": a local form of the title */
		else
			break;
		any = true;
		while (i < end && (tok_punct(&d->toks[i], '.') || tok_punct(&d->toks[i], '\'')))
			i++;
	}
	return i;
}

/* A lower-case particle inside a name (LEX_PARTICLE: "bin", "de"). */
static bool particle_tok(const struct doc *d, int i)
{
	return !d->toks[i].cap && lex_match(d, i, i + 1, LEX_PARTICLE, NULL) > 0;
}

/* The name at i (after titles): its end, at most five words besides
 * particles. */
static int name_end(const struct doc *d, int i, int end)
{
	int j = i, words = 0;
	while (j < end && words < 5 && name_tok(d, j, end)) {
		j++;
		words++;
		if (j + 1 < end && particle_tok(d, j) &&
		    name_tok(d, j + 1, end))
			j++;
		/* "Andi Muh. Syahrir" */
		if (j + 1 < end && tok_punct(&d->toks[j], '.') && d->toks[j + 1].cap &&
		    lex_match(d, j - 1, j, LEX_NAMEABBR, NULL) > 0)
			j++;
	}
	return j;
}

/* ---- people ----------------------------------------------------------------------- */

/* Is short name b the same person as a, written in part ("Yohanes" for
 * "Yohanes Kaligis", "Kaligis")? */
/* Are a and b the same letters once spaces are dropped ("Bayu Aji",
 * "Bayuaji"), case aside? */
static bool same_letters(const char *a, const char *b)
{
	for (;; a++, b++) {
		while (*a == ' ')
			a++;
		while (*b == ' ')
			b++;
		if (*a == '\0' || *b == '\0')
			return *a == *b;
		char x = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;
		char y = *b >= 'A' && *b <= 'Z' ? (char)(*b + 32) : *b;
		if (x != y)
			return false;
	}
}

static bool same_person(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (same_letters(a, b))
		return true;
	if (la == lb)
		return strcmp(a, b) == 0;
	if (lb > la)
		return false;
	return (strncmp(a, b, lb) == 0 && a[lb] == ' ') ||
	       (strcmp(a + la - lb, b) == 0 && a[la - lb - 1] == ' ');
}

/* Adds the person or completes one already known; returns its index, or
 * -1 when the name is empty or the table full. */
static int person_add(struct record *r, const char *name, char *role, int party,
		      int tok, bool signer)
{
	if (*name == '\0') {
		free(role);
		return -1;
	}
	for (int i = 0; i < r->npeople; i++) {
		struct person *p = &r->people[i];
		/* "Pacitan Indrata Nur" after "Indrata Nur": words of the
		 * institution left before the name */
		bool tail = false;
		for (const char *w = strchr(name, ' '); w != NULL && !tail; w = strchr(w + 1, ' '))
			tail = same_letters(w + 1, p->name);
		if (!same_person(p->name, name) && !tail)
			continue;
		if (p->role == NULL)
			p->role = role, role = NULL;
		if (p->party < 0)
			p->party = party;
		p->signer |= signer;
		if (signer && p->sign_tok < 0)
			p->sign_tok = tok;
		free(role);
		return i;
	}
	if (r->npeople == MAX_PEOPLE) {
		free(role);
		return -1;
	}
	struct person *p = &r->people[r->npeople++];
	p->name = xstrdup(name);
	p->role = role;
	p->party = party;
	p->first_tok = tok;
	p->spoke_sent = -1;
	p->signer = signer;
	p->sign_tok = signer ? tok : -1;
	return r->npeople - 1;
}

/* Are tokens [a, b) all acronyms ("MMU", "FRI")? Then they name an
 * institution, not a person. */
static bool acronyms_only(const struct doc *d, int a, int b)
{
	for (int i = a; i < b; i++) {
		const struct tok *t = &d->toks[i];
		if (!t->word || t->len < 2)
			return false;
		for (int k = 0; k < t->len; k++)
			if (t->s[k] >= 'a' && t->s[k] <= 'z')
				return false;
	}
	return b > a;
}

/* Is the bracket after [a, b) the initials of its words ("Kawasan Industri
 * Kendal (KIK)")? Then [a, b) names an institution. */
static bool initials_follow(const struct doc *d, int a, int b, int end)
{
	if (b + 2 >= end || !tok_punct(&d->toks[b], '(') || !tok_punct(&d->toks[b + 2], ')'))
		return false;
	const struct tok *t = &d->toks[b + 1];
	if (t->len != b - a || t->len < 2)
		return false;
	for (int k = 0; k < t->len; k++)
		if (t->s[k] != d->toks[a + k].s[0])
			return false;
	return true;
}

/* Does a capitalised sector or portfolio word follow the name at b
 * ("Kawasan Industri ...")? Then the name is the start of an institution's. */
static bool sector_follows(const struct doc *d, int b, int end)
{
	return b < end && d->toks[b].cap && (lex_match(d, b, end, LEX_FIELD, NULL) > 0 ||
					     lex_match(d, b, end, LEX_NOTNAME, NULL) > 0);
}

/* Can tokens [a, b) be a person's name? Not acronyms only, not a place
 * ("Kota Semarang"), not an institution spelt out before its initials. */
static bool person_name_ok(const struct doc *d, int a, int b, int end)
{
	return b > a && !acronyms_only(d, a, b) && !initials_follow(d, a, b, end) &&
	       !sector_follows(d, b, end) &&
	       lex_match(d, a, b, LEX_PLACE, NULL) < b - a &&
	       lex_match(d, a, b, LEX_QUALIFIER, NULL) == 0;
}

/* Where the titles before the name at i begin ("said Prof Dr X": the
 * "Prof"). */
static int title_start(const struct doc *d, const struct sent *s, int i)
{
	while (i > s->first && (tok_punct(&d->toks[i - 1], '.') || is_title_tok(d, i - 1, s->end)))
		i--;
	return i;
}

/* Does a speech cue end just before token i ("menurut Rektor ...",
 * "according to the dean", "kata Bupati ...")? Then the person speaks. */
static bool spoken_before(const struct doc *d, const struct sent *s, int i)
{
	for (int j = i - 1; j >= s->first && j >= i - 3; j--)
		if (lex_match(d, j, i, LEX_SPEAKER, NULL) == i - j)
			return true;
	return false;
}

static bool party_word(const struct doc *d, const struct record *r, int i);

/* Are all tokens of [a, b) acronyms or words of parties, one of them an
 * acronym ("FKIP Uhamka")? */
static bool party_words_only(const struct doc *d, const struct record *r, int a, int b)
{
	bool acronym = false;
	for (int i = a; i < b; i++) {
		if (!party_word(d, r, i))
			return false;
		acronym |= acronyms_only(d, i, i + 1);
	}
	return acronym;
}

/* Drops institution words left before a name of two words or more ("Menko
 * PMK Muhadjir Effendy", "Rektor Malahayati Mustofa Usman"): the new
 * start. */
static int inst_words_cut(const struct doc *d, const struct record *r, int a, int b)
{
	while (b - a >= 3 && party_word(d, r, a) && (acronyms_only(d, a, a + 1) || lex_match(d, a, a + 1, LEX_PLACE, NULL) > 0 ||
						     !name_tok(d, a, b)))
		a++;
	return a;
}

/* The name after the next comma of a role's phrase ("Wakil Rektor Bidang
 * Kemahasiswaan, Alumni dan Kerj asama, Rudianto"), within ten tokens and
 * before any other role or signing word: its end, start in *start; or -1. */
static int name_after_comma(const struct doc *d, const struct sent *s, int i, int *start)
{
	for (int j = i; j < s->end && j < i + 10; j++) {
		if (lex_match(d, j, s->end, LEX_ROLE, NULL) > 0 || lex_match(d, j, s->end, LEX_SIGN, NULL) > 0)
			return -1;
		if (!tok_punct(&d->toks[j], ','))
			continue;
		int a = skip_titles(d, j + 1, s->end), b = name_end(d, a, s->end);
		if (!person_name_ok(d, a, b, s->end) || lex_match(d, b, s->end, LEX_ROLE, NULL) > 0)
			return -1;
		*start = a;
		return b;
	}
	return -1;
}

/* Is the first lower-case word after the name ending at b (over commas,
 * degrees, and a role phrase of capitalised words and joiners: "X, Rektor
 * Y, mengatakan") a speech verb (LEX_SAYS: "mengatakan", "berkata",
 * "said")? Then the person speaks in this sentence, unless what is said
 * names the speaker as a signer ("X berkata, MoU itu ditandatangani
 * beliau bersama Y": LEX_SELF). */
static bool says_after(const struct doc *d, const struct sent *s, int b)
{
	for (int j = b; j < s->end && j < b + 10; j++) {
		const struct tok *t = &d->toks[j];
		if (!t->word || t->cap || is_degree_tok(d, j) || lex_match(d, j, s->end, LEX_NAMEJOIN, NULL) > 0)
			continue;
		return lex_match(d, j, s->end, LEX_SAYS, NULL) > 0 &&
		       lex_find(d, j, s->end, LEX_SELF, NULL) < 0;
	}
	return false;
}

/* A government role ("Wali Kota Banjarmasin", "Bupati Kutai Kartanegara"):
 * the place and its government. A government already mentioned is
 * preferred ("Wali Kota Palangka Raya" -> "Pemerintah Kota Palangka Raya"),
 * else a known place, else one word. Returns where the place ends. */
/* Is a government of this level ("Kabupaten") already a party? */
static bool level_named(const struct record *r, const char *level)
{
	char *gov = xasprintf("Pemerintah %s", level);
	char *lk = party_key(gov);
	size_t n = strlen(lk);
	bool found = false;
	for (int i = 0; i < r->nparties && !found; i++)
		found = strncmp(r->parties[i].key, lk, n) == 0 && r->parties[i].key[n] == ' ';
	free(lk);
	free(gov);
	return found;
}

static int gov_inst(struct doc *d, struct record *r, const char *level, int a, int end, int *party)
{
	size_t ln = strlen(level);
	if (a < end && (size_t)d->toks[a].len == ln && strncasecmp(d->toks[a].s, level, ln) == 0)
		a++;  /* "Perbekel Desa Karang Sari": the level written again */
	int b = name_run_end(d, a, end), pl = 0;
	for (int k = b; k > a && pl == 0; k--) {
		char *place = tokens_join(d, a, k);
		char *name = xasprintf("Pemerintah %s %s", level, place);
		char *key = party_key(name);
		if ((*party = party_find_key(r, key)) >= 0)
			pl = k - a;
		free(key);
		free(name);
		free(place);
	}
	if (pl > 0)
		return a + pl;
	pl = lex_match(d, a, end, LEX_PLACE, NULL);
	/* "Bupati Sungai Jernih, Darman ...": the run before the comma */
	if (pl == 0 && b > a && b + 1 < end && tok_punct(&d->toks[b], ',') &&
	    (name_tok(d, b + 1, end) || is_title_tok(d, b + 1, end)))
		pl = b - a;
	/* An unknown one-word place only when a name of two words follows and
	 * no government of that level is named yet ("Pemkab Pacitan ...
	 * Bupati Indrata Nur Bayu Aji": Indrata is the Bupati's name). */
	if (pl == 0 && b - a >= 3 && d->toks[a].cap && !is_title_tok(d, a, end) &&
	    !level_named(r, level))
		pl = 1;
	if (pl == 0)
		return a;
	char *place = tokens_join(d, a, a + pl);
	char *name = xasprintf("Pemerintah %s %s", level, place);
	*party = party_add_name(r, a, name, false);
	free(name);
	free(place);
	return a + pl;
}


/* Can the one token i left after an institution be a person's name, not
 * the end of the institution's name ("Dinas Pendidikan Banyumas")? */
static bool rest_is_name(const struct doc *d, const struct record *r, int i, int b)
{
	return b - i > 1 || (!party_word(d, r, i) && lex_match(d, i, b, LEX_PLACE, NULL) == 0);
}

/* A known party named inside [a, b) with at least one token left after it
 * for the person ("SDM PT Karya Mesin Sejahtera Yulia Kartika"): its index,
 * *at and *used its tokens. */
static int known_inside(const struct doc *d, const struct record *r, int a, int b,
			bool need_rest, int *at, int *used)
{
	for (int k = a; k < b; k++) {
		/* with a rest: the longest party that leaves a token after it */
		int idx = party_lookup_prefix(d, r, k, need_rest ? b - 1 : b, used);
		if (idx >= 0 && need_rest && (k + *used >= b || !rest_is_name(d, r, k + *used, b)))
			idx = -1;
		if (idx >= 0) {
			*at = k;
			return idx;
		}
	}
	return -1;
}

/* The first word of [a, b) after a that begins a name by convention
 * (Balinese "I", "Ni", "Made"), or -1. */
static int name_start_in(const struct doc *d, int a, int b)
{
	for (int i = a + 1; i + 1 < b; i++) {
		if (!d->toks[i].cap || lex_match(d, i, b, LEX_NAMESTART, NULL) == 0)
			continue;
		/* "I Wayan Sudarma": the name begins at the first of them */
		while (i > a && d->toks[i - 1].cap && lex_match(d, i - 1, b, LEX_NAMESTART, NULL) > 0)
			i--;
		return i;
	}
	return -1;
}

/* Is the token after the comma at c a degree ("..., S.T.") rather than a
 * new name? */
static bool degree_after(const struct doc *d, int c, int end)
{
	if (c + 1 >= end)
		return false;
	const struct tok *t = &d->toks[c + 1];
	return is_degree_tok(d, c + 1) || (t->word && memchr(t->s, '.', (size_t)t->len) != NULL);
}

/* A run without a head word that opens with a place ("Provinsi Kalsel
 * Roy Hadiwinata"): where the person starts after it (a when none). */
static int place_cut(const struct doc *d, int a, int b)
{
	int p = a + lex_match(d, a, b, LEX_QUALIFIER, NULL);
	int pl = lex_match(d, p, b, LEX_PLACE, NULL);
	if (pl == 0 && p > a && d->toks[p].cap)
		pl = 1;
	return p + pl < b && pl > 0 ? p + pl : a;
}

/* Splits the run [a, b) after a role into institution [a, *inst_end) and
 * the person who follows; returns where the person starts. In order: a
 * title or a comma before the name ("UKM, Prof ..."), a party already
 * known, a word that begins names, the last two words after a head word. */
static int split_run(struct doc *d, struct record *r, int a, int b, int end,
		     int *inst_end, int *party)
{
	*inst_end = a;
	if (b == a)
		return a;
	bool comma = b + 1 < end && tok_punct(&d->toks[b], ',') && !degree_after(d, b, end) &&
		     (is_title_tok(d, b + 1, end) || name_tok(d, b + 1, end));
	if (b < end && (comma || is_title_tok(d, b, end))) {
		*inst_end = b;
		int at = 0, used = 0;
		*party = known_inside(d, r, a, b, false, &at, &used);
		/* "Universiti Pendidikan Sultan Idris (UPSI)" where only "UPSI"
		 * is known: the whole name joins it (by its bracket) */
		int whole = *party >= 0 && at > a ? party_from_run(d, r, a, b, false) : -1;
		if (whole >= 0) {
			*party = whole;
		} else if (*party < 0) {
			*party = party_from_run(d, r, a, b, false);
		} else {
			char *form = tokens_join(d, at, at + used);
			party_add_name(r, at, form, false);  /* "BPMP Kalteng": an alias */
			free(form);
		}
		return comma ? b + 1 : b;
	}
	int at = 0, used = 0;
	int idx = known_inside(d, r, a, b, true, &at, &used);
	if (idx < 0 && (idx = known_inside(d, r, a, b, false, &at, &used)) >= 0 &&
	    (at != a || at + used < b))
		idx = -1;  /* only the whole run: "(CEO IISM)" */
	if (idx >= 0) {
		*inst_end = at + used;
		*party = idx;
		char *form = tokens_join(d, at, at + used);
		party_add_name(r, at, form, false);  /* an alias; the first mention moves up */
		free(form);
		return at + used;
	}
	int ns = name_start_in(d, a, b);
	const struct lex_entry *e = NULL;
	bool head = false;
	for (int i = a; i < b && !head; i++)
		head = lex_match(d, i, b, LEX_INST, &e) > 0;
	if (!head && ns < 0) {
		*inst_end = place_cut(d, a, b);
		return *inst_end;
	}
	int cut = ns >= 0 ? ns : b - a >= 3 ? b - 2 : b;
	*inst_end = cut;
	*party = party_from_run(d, r, a, cut, false);
	return cut;
}

/* The name whose last word is token e - 1, read backwards over at most
 * five words and the particles between them ("Zaihan bin Shukri"): its
 * first token. */
static int name_start_back(const struct doc *d, int e, int first)
{
	int j = e - 1;
	while (j >= first && e - j <= 6) {
		if (particle_tok(d, j) && j > first && j + 1 < e && name_tok(d, j - 1, e))
			j--;
		else if (name_tok(d, j, e) && !is_title_tok(d, j, e))
			j--;
		else
			break;
	}
	return j + 1;
}

/* The person written just before an appositive role: "Sony Bakhtiar, S.E.,
 * M.M., Kepala ...", "Khamaruddin Bin Abdul Rahman (CEO IISM)", "Yusuf
 * selaku Rektor". */
static int name_before(const struct doc *d, int i, int first, int *start)
{
	int j = i - 1;
	if (j >= first && d->toks[j].cap && lex_match(d, j, i, LEX_ROLEMOD, NULL) > 0)
		j--;  /* "..., Acting President of X" */
	if (j >= first && d->toks[j].word && lex_match(d, j, i, LEX_AS, NULL) > 0)
		j--;
	else if (j < first || !(tok_punct(&d->toks[j], ',') || tok_punct(&d->toks[j], '(')))
		return -1;
	while (j >= first && (tok_punct(&d->toks[j], ',') || tok_punct(&d->toks[j], '.') ||
			      tok_punct(&d->toks[j], '(') || is_degree_tok(d, j)))
		j--;
	int e = j + 1;
	*start = name_start_back(d, e, first);
	return *start < e && !acronyms_only(d, *start, e) ? e : -1;
}

/* Can token i start or continue an institution written before a role
 * ("UTM vice-chancellor", "Data Awan president director")? */
static bool inst_before_tok(const struct doc *d, int i, int end)
{
	const struct tok *t = &d->toks[i];
	if (tok_punct(t, '.') && i > 0 && lex_match(d, i - 1, i, LEX_INST, NULL) > 0)
		return true;  /* "Sdn. Bhd. chief executive" */
	return t->word && (t->cap || t->num) && lex_match(d, i, end, LEX_STOP, NULL) == 0 &&
	       lex_match(d, i, end, LEX_SIGN, NULL) == 0 && lex_match(d, i, end, LEX_ROLE, NULL) == 0 &&
	       lex_match(d, i, end, LEX_WEEKDAY, NULL) == 0 && !is_title_tok(d, i, end);
}

/* Is token i an acronym or a word of a known party's name? */
static bool party_word(const struct doc *d, const struct record *r, int i)
{
	const struct tok *t = &d->toks[i];
	bool upper = t->len >= 2;
	for (int k = 0; k < t->len && upper; k++)
		upper = !(t->s[k] >= 'a' && t->s[k] <= 'z');
	if (upper)
		return true;
	char *w = xstrndup(t->low, (size_t)t->len);
	bool found = false;
	for (int p = 0; p < r->nparties && !found; p++)
		for (int a = -1; a < r->parties[p].naliases && !found; a++) {
			const char *k = a < 0 ? r->parties[p].key : r->parties[p].akeys[a];
			const char *h = strstr(k, w);
			size_t n = strlen(w);
			found = h && (h == k || h[-1] == ' ') && (h[n] == '\0' || h[n] == ' ');
		}
	free(w);
	return found;
}

/* The institution written before the role at i, with at most two
 * lower-case words between ("Terengganu education director"): where the
 * role's text starts (i when none). */
static int role_prefix(const struct doc *d, const struct record *r, const struct sent *s, int i)
{
	/* "President/Vice Chancellor": the first of two roles in one word */
	if (i > s->first && d->toks[i - 1].cap && memchr(d->toks[i - 1].s, '/', (size_t)d->toks[i - 1].len))
		return i - 1;
	int j = i, low = 0;
	while (j > s->first && low < 2 && d->toks[j - 1].word && !d->toks[j - 1].cap &&
	       !d->toks[j - 1].num && lex_match(d, j - 1, i, LEX_STOP, NULL) == 0 &&
	       lex_match(d, j - 1, i, LEX_FUNC, NULL) == 0 && lex_match(d, j - 1, i, LEX_SIGN, NULL) == 0)
		j--, low++;
	int k = j;
	while (k > s->first && j - k < 6 && inst_before_tok(d, k - 1, i))
		k--;
	while (k < j && !party_word(d, r, k))
		k++;
	return k < j ? k : i;
}

/* May token i stand between "the" and a role? A modifier (LEX_ROLEMOD:
 * "the district education head") or a generic word for an institution. */
static bool modifier_tok(const struct doc *d, int i)
{
	const struct tok *t = &d->toks[i];
	if (!t->word || t->cap || t->num)
		return false;
	return lex_match(d, i, i + 1, LEX_ROLEMOD, NULL) > 0 ||
	       signer_kind_word(t->low, (size_t)t->len);
}

/* "the regency secretary", "the provincial secretary", "the director": a
 * lower-case role after "the" and at most two modifiers, or after a generic
 * word for an institution without "the" ("college principal Dr Lina",
 * "signed by company director Henry"): where the modifiers start (i when
 * none), or -1 when the role is not so written. */
static int after_the(const struct doc *d, const struct sent *s, int i)
{
	int j = i;
	bool kind = false;
	while (j > s->first && i - j < 2 && modifier_tok(d, j - 1)) {
		j--;
		kind |= signer_kind_word(d->toks[j].low, (size_t)d->toks[j].len);
	}
	if (j > s->first && tok_is(&d->toks[j - 1], "the"))
		return j;
	return kind && j > s->first && !d->toks[j - 1].cap && !tok_is(&d->toks[j - 1], "a") ? j : -1;
}

/* Does token i end in a possessive "'s"? */
static bool owner_tok(const struct tok *t)
{
	return t->len > 2 && t->low[t->len - 2] == '\'' && t->low[t->len - 1] == 's';
}

/* The party named by a generic word before a lower-case role ("the
 * polytechnic's director", "the regency secretary"): [a, i) are the words
 * after "the". -1 when none or several match. */
static int party_by_kinds(const struct doc *d, const struct record *r, int a, int i)
{
	int party = -1;
	for (int k = a; k < i && party < 0; k++)
		party = party_by_kind(r, d->toks[k].low, (size_t)d->toks[k].len);
	return party;
}

/* May the role word at i be a role here? Capitalised, or lower-case after
 * an institution or "its" ("UUM vice-chancellor", "its president,"), or
 * after "the" ("the regency secretary"). */
/* The possessive before a lower-case role, over at most two lower-case
 * words ("the group's human resources director"): its index, or -1. */
static int owner_before(const struct doc *d, const struct sent *s, int i)
{
	for (int j = i - 1; j >= s->first && j >= i - 3; j--) {
		const struct tok *t = &d->toks[j];
		if (owner_tok(t))
			return j;
		if (!t->word || t->cap || t->num || lex_match(d, j, i, LEX_FUNC, NULL) > 0 ||
		    lex_match(d, j, i, LEX_STOP, NULL) > 0)
			return -1;
	}
	return -1;
}

/* In a sentence naming the signers, does a name of two or more words
 * follow the lower-case role [i, i+n) directly ("was headmaster I Wayan
 * Sudarma", "signed by director Henry Chin")? */
static bool name_follows(const struct doc *d, const struct sent *s, int i, int n)
{
	if (!s->signer || i + n >= s->end)
		return false;
	int a = skip_titles(d, i + n, s->end);
	return name_end(d, a, s->end) - a >= 2;
}

static bool role_here(const struct doc *d, const struct record *r, const struct sent *s, int i, int n)
{
	if (d->toks[i].cap)
		return true;
	if (i == s->first)
		return false;
	const struct tok *p = &d->toks[i - 1];
	return tok_is(p, "its") || tok_is(p, "their") || owner_before(d, s, i) >= 0 ||
	       after_the(d, s, i) >= 0 || role_prefix(d, r, s, i) < i || name_follows(d, s, i, n);
}

/* "Vice Rector for Planning, Cooperation and Internationalization Prof.
 * ...": a portfolio of capitalised words after "for" up to the title that
 * opens the name; where it ends (i when there is none). */
static int portfolio_end(const struct doc *d, const struct sent *s, int i)
{
	if (i + 1 >= s->end || !tok_is(&d->toks[i], "for") || !d->toks[i + 1].cap)
		return i;
	for (int j = i + 1; j < s->end && j < i + 12; j++) {
		const struct tok *t = &d->toks[j];
		if (is_title_tok(d, j, s->end))
			return j;
		if (!(t->cap || tok_punct(t, ',') || tok_is(t, "and") || tok_is(t, "&")))
			return i;
	}
	return i;
}

/* A portfolio after a role: capitalised words of LEX_NOTNAME or LEX_FIELD
 * joined by "dan" or commas, and the bracketed short form after it
 * ("Wakil Rektor Bidang Kemahasiswaan dan Alumni", "Menteri Desa dan
 * Pembangunan Daerah Tertinggal (Mendes PDT)"): where it ends (i when
 * there is none). */
static int portfolio_skip(const struct doc *d, const struct sent *s, int i)
{
	int j = i, last = i;
	while (j < s->end) {
		const struct tok *t = &d->toks[j];
		int n = 0;
		if (t->cap && ((n = lex_match(d, j, s->end, LEX_NOTNAME, NULL)) > 0 ||
			       (j > i && (n = lex_match(d, j, s->end, LEX_FIELD, NULL)) > 0))) {
			j = last = j + n;
			continue;
		}
		if (j > i && (tok_punct(t, ',') || lex_match(d, j, s->end, LEX_JOIN, NULL) > 0)) {
			j++;
			continue;
		}
		/* a list member before a joiner and a portfolio word
		 * ("Bidang Lingkungan dan Kehutanan") */
		if (j > i && t->cap && j + 2 < s->end &&
		    (tok_punct(&d->toks[j + 1], ',') || lex_match(d, j + 1, s->end, LEX_JOIN, NULL) > 0) &&
		    d->toks[j + 2].cap && (lex_match(d, j + 2, s->end, LEX_NOTNAME, NULL) > 0 ||
					   lex_match(d, j + 2, s->end, LEX_FIELD, NULL) > 0)) {
			j = last = j + 1;
			continue;
		}
		break;
	}
	if (last > i && last < s->end && tok_punct(&d->toks[last], '(')) {
		for (int k = last + 1; k < s->end && k < last + 8; k++)
			if (tok_punct(&d->toks[k], ')'))
				return k + 1;
	}
	return last;
}

/* "Ketua Pegawai Eksekutifnya" -> "Ketua Pegawai Eksekutif" (in place). */
static void strip_nya(char *role)
{
	size_t n = strlen(role);
	if (n > 6 && strcmp(role + n - 3, "nya") == 0 && role[n - 4] != ' ')
		role[n - 3] = '\0';
}

/* How role_at reads a role: in the signing part of the sentence; in a
 * sentence that writes the name before the role ("A, Rektor X, dan B,
 * Direktur Y"). */
enum { ROLE_SIGNING = 1, ROLE_NAME_FIRST = 2 };

static void role_at(struct doc *d, struct record *r, const struct sent *s, int i, int n,
		    const struct lex_entry *role, unsigned how)
{
	bool signing = how & ROLE_SIGNING;
	int party = -1, inst_end, pstart;
	int rs = role_prefix(d, r, s, i), before = rs;
	if (rs < i) {
		int used = 0, at = 0;
		party = known_inside(d, r, rs, i, false, &at, &used);
	} else if (!d->toks[i].cap && i > s->first) {
		int the = after_the(d, s, i);
		int own = owner_before(d, s, i);
		if (the >= 0) {
			rs = the;
			before = tok_is(&d->toks[the - 1], "the") ? the - 1 : the;
			party = party_by_kinds(d, r, the, i);
		} else if (own >= 0) {
			before = own > s->first && tok_is(&d->toks[own - 1], "the") ? own - 1 : own;
			party = party_by_kinds(d, r, own, own + 1);
			rs = own + 1;  /* "human resources director" */
		}
	}
	int after = i + n, role_end = i + n;
	/* "Pengetua kolej, Puan Salmah": a generic word for the institution
	 * after the role, then the name after a comma */
	if (d->toks[i].cap && after + 2 < s->end && !d->toks[after].cap && d->toks[after].word &&
	    signer_kind_word(d->toks[after].low, (size_t)d->toks[after].len) &&
	    tok_punct(&d->toks[after + 1], ',')) {
		if (party < 0)
			party = party_by_kind(r, d->toks[after].low, (size_t)d->toks[after].len);
		after = role_end = after + 1;
	}
	/* "CEO of Z", "Rektor dari Universitas X" */
	if (after + 1 < s->end && (tok_is(&d->toks[after], "of") || tok_is(&d->toks[after], "dari")) &&
	    d->toks[after + 1].cap)
		after++;
	if (portfolio_end(d, s, after) > after)
		after = role_end = portfolio_end(d, s, after);
	if (portfolio_skip(d, s, after) > after)
		after = role_end = portfolio_skip(d, s, after);
	if (role->tag != NULL && rs == i) {
		inst_end = gov_inst(d, r, role->tag, after, s->end, &party);
		pstart = inst_end;
	} else {
		int b = is_title_tok(d, after, s->end) ? after : name_run_end(d, after, s->end);
		int p2 = party;
		pstart = split_run(d, r, after, b, s->end, &inst_end, &p2);
		if (p2 >= 0)
			party = p2;
		if (inst_end == after)
			inst_end = role_end;
	}
	if (pstart < s->end && tok_punct(&d->toks[pstart], ','))
		pstart++;
	pstart = skip_titles(d, pstart, s->end);
	int pend = name_end(d, pstart, s->end);
	pstart = inst_words_cut(d, r, pstart, pend);
	if (!person_name_ok(d, pstart, pend, s->end) || party_words_only(d, r, pstart, pend))
		pend = pstart;  /* "President of MMU": the name is before */
	if (pend <= pstart)
		pend = name_after_comma(d, s, role_end, &pstart);
	int bstart = 0, bend = (how & ROLE_NAME_FIRST) ? name_before(d, before, s->first, &bstart) : -1;
	if (bend > 0) {
		pstart = bstart;
		pend = bend;
	} else if (pend <= pstart) {
		pend = name_before(d, before, s->first, &pstart);
		if (pend < 0)
			return;
	}
	bool spoke = spoken_before(d, s, before) || spoken_before(d, s, title_start(d, s, pstart)) ||
		     says_after(d, s, pend);
	signing &= !spoke;
	char *raw = tokens_join(d, pstart, pend);
	char *name = person_strip_titles(raw);
	char *roletext = tokens_join(d, rs, inst_end);
	strip_nya(roletext);
	int k = person_add(r, name, roletext, party, pstart, signing);
	if (k >= 0 && spoke)
		r->people[k].spoke_sent = (int)(s - d->sents);
	free(raw);
	free(name);
}

/* A role given with a possessive pronoun ("Presidennya", "rektornya"):
 * one token, the role word before "-nya". */
static int role_nya(const struct doc *d, int i, const struct lex_entry **e)
{
	static const struct lex_entry plain = { "", 0, NULL };
	const struct tok *t = &d->toks[i];
	if (!t->word || t->len < 6 || memcmp(t->low + t->len - 3, "nya", 3) != 0)
		return 0;
	if (!word_in(t->s, (size_t)t->len - 3, LEX_ROLE))
		return 0;
	*e = &plain;
	return 1;
}

/* Does sentence s write its people name first ("Prof. A, Rektor X, dan
 * Dr. B, Direktur Y")? So its first capitalised role follows a name and a
 * comma. */
static bool names_first(const struct doc *d, const struct record *r, const struct sent *s)
{
	for (int i = s->first; i < s->end; i++) {
		int n = d->toks[i].word && d->toks[i].cap ? lex_match(d, i, s->end, LEX_ROLE, NULL) : 0;
		if (n == 0 || !role_here(d, r, s, i, n))
			continue;
		int st = 0, rs = role_prefix(d, r, s, i);
		int e = rs > s->first && tok_punct(&d->toks[rs - 1], ',') ?
			name_before(d, rs, s->first, &st) : -1;
		/* not a dateline ("Jakarta, Menteri ...") */
		return e > 0 && lex_match(d, st, e, LEX_PLACE, NULL) < e - st &&
		       (st > s->first || e - st >= 2);
	}
	return false;
}

static void sentence_people(struct doc *d, struct record *r, const struct sent *s)
{
	struct span sp;
	signer_span(d, s, &sp);
	unsigned first = names_first(d, r, s) ? ROLE_NAME_FIRST : 0;
	for (int i = s->first; i < s->end; i++) {
		const struct lex_entry *e = NULL;
		int n = d->toks[i].word ? lex_match(d, i, s->end, LEX_ROLE, &e) : 0;
		unsigned how = first | (span_has(&sp, i) ? ROLE_SIGNING : 0);
		if (n == 0 && s->signer && (n = role_nya(d, i, &e)) > 0) {
			role_at(d, r, s, i, n, e, how);
			continue;
		}
		/* "President/Vice Chancellor of X": one role */
		const struct lex_entry *e2 = NULL;
		if (n > 0 && i + n + 1 < s->end && tok_punct(&d->toks[i + n], '/'))
			n += 1 + lex_match(d, i + n + 1, s->end, LEX_ROLE, &e2);
		if (n > 0 && role_here(d, r, s, i, n)) {
			role_at(d, r, s, i, n, e, how);
			i += n - 1;
		}
	}
}

/* ---- representation ------------------------------------------------------------ */

/* The name ending just before cue token i ("Norhaizam mewakili", "Prof. Dr.
 * Kassim (dua dari kiri) yang mewakili", "Dr Agussani, MAP diwakili"),
 * over one bracket, commas and degrees: its end, start in *start; or -1. */
static int name_ending_at(const struct doc *d, int i, int first, int *start)
{
	int j = i - 1;
	if (j >= first && tok_punct(&d->toks[j], ')')) {
		int k = j;
		while (k > first && k > j - 8 && !tok_punct(&d->toks[k], '('))
			k--;
		if (tok_punct(&d->toks[k], '('))
			j = k - 1;
	}
	while (j >= first && (tok_punct(&d->toks[j], ',') || tok_punct(&d->toks[j], '.') ||
			      is_degree_tok(d, j)))
		j--;
	int e = j + 1;
	*start = name_start_back(d, e, first);
	return *start < e && !acronyms_only(d, *start, e) ? e : -1;
}

/* The known party whose name or alias ends just before token i ("UKM
 * diwakili"), or -1. */
static int party_ending_at(const struct doc *d, const struct record *r, int i, int first)
{
	for (int k = i - 1; k >= first && k >= i - 8; k--) {
		int used = 0;
		int idx = party_lookup_prefix(d, r, k, i, &used);
		if (idx >= 0 && k + used == i)
			return idx;
	}
	return -1;
}

/* Adds the person named in [a, b) (titles stripped) as a signatory. */
static void signer_add(struct doc *d, struct record *r, int a, int b, int party)
{
	char *raw = tokens_join(d, a, b);
	char *name = person_strip_titles(raw);
	person_add(r, name, NULL, party, a, true);
	free(raw);
	free(name);
}

/* The person a passive cue names ("diwakili oleh Dr. Fauzi", "represented
 * by Mr. Lee"); a role after the cue is the people stage's. The official
 * just before the cue ("Rektor X diwakili ...") did not sign. */
static void rep_after(struct doc *d, struct record *r, const struct sent *s, int i, int n, int to)
{
	int a = i + n;
	if (a < to && tok_punct(&d->toks[a], ','))
		a++;
	int ps = 0, pe = name_ending_at(d, i, s->first, &ps);
	if (pe > 0) {
		char *raw = tokens_join(d, ps, pe);
		char *name = person_strip_titles(raw);
		for (int k = 0; k < r->npeople; k++)
			if (strcmp(r->people[k].name, name) == 0) {
				r->people[k].signer = false;
				r->people[k].sign_tok = -1;
			}
		free(raw);
		free(name);
	}
	const struct lex_entry *e = NULL;
	if (a >= to || lex_match(d, a, to, LEX_ROLE, NULL) > 0 || role_nya(d, a, &e) > 0)
		return;
	a = skip_titles(d, a, to);
	int b = name_end(d, a, to);
	if (b > a && !acronyms_only(d, a, b) && lex_match(d, b, to, LEX_ROLE, NULL) == 0)
		signer_add(d, r, a, b, party_ending_at(d, r, i, s->first));
}

/* The person before an active cue ("Norhaizam mewakili KPJ", "signed by
 * Lee on behalf of Orchid Sdn Bhd") signed for the party after it. */
static void rep_before(struct doc *d, struct record *r, const struct sent *s, int i, int n, int to)
{
	int ps = 0, pe = name_ending_at(d, i, s->first, &ps);
	if (pe < 0 || lex_match(d, ps, pe, LEX_INST, NULL) > 0)
		return;
	int used = 0;
	signer_add(d, r, ps, pe, party_lookup_prefix(d, r, i + n, to, &used));
}

/* A list of names from a ("A (UniX), Prof. B (UniY) dan C"): each a
 * signatory, the party in its bracket where known. */
static void name_list(struct doc *d, struct record *r, int a, int to)
{
	while (a < to) {
		a = skip_titles(d, a, to);
		int b = name_end(d, a, to), used = 0, party = -1;
		if (!person_name_ok(d, a, b, to) || lex_match(d, b, to, LEX_ROLE, NULL) > 0)
			return;
		int c = b;  /* after the name: its bracket, commas, degrees */
		if (c + 1 < to && tok_punct(&d->toks[c], '(')) {
			party = party_lookup_prefix(d, r, c + 1, to, &used);
			while (c < to && !tok_punct(&d->toks[c], ')'))
				c++;
		}
		signer_add(d, r, a, b, party);
		while (c < to && (tok_punct(&d->toks[c], ')') || tok_punct(&d->toks[c], ',') ||
				  tok_punct(&d->toks[c], '.') || is_degree_tok(d, c)))
			c++;
		int j = c < to ? lex_match(d, c, to, LEX_JOIN, NULL) : 0;
		if (j == 0 && !tok_punct(&d->toks[c - 1], ','))
			return;
		a = c + j;
	}
}

/* "Representing the universities were A (X), B (Y) and C (Z)": a cue and
 * a list word ("were", "ialah") before the names; "para kepala sekolah,
 * yakni A, B dan C": a role, then a list word. Where the names start, or
 * -1. */
static int list_after_cue(const struct doc *d, int i, int n, int to)
{
	for (int j = i + n; j < to && j < i + n + 5; j++) {
		const struct lex_entry *e = NULL;
		int m = lex_match(d, j, to, LEX_LISTCUE, &e);
		if (m > 0 && e->val == 0)
			return j + m;
		if (m == 0 && lex_match(d, j, to, LEX_COPULA, NULL) > 0)
			return j + 1;
	}
	return -1;
}

static void sentence_represented(struct doc *d, struct record *r, const struct sent *s)
{
	struct span sp;
	signer_span(d, s, &sp);
	int to = sp.to;
	for (int i = sp.from; i < to; i++) {
		const struct lex_entry *e = NULL;
		int n = span_has(&sp, i) ? lex_match(d, i, to, LEX_REPRESENT, &e) : 0;
		int role = n == 0 && span_has(&sp, i) ? lex_match(d, i, to, LEX_ROLE, NULL) : 0;
		int list = n > 0 || role > 0 ? list_after_cue(d, i, n + role, to) : -1;
		if (list >= 0) {
			name_list(d, r, list, to);
			i = list;
		} else if (n > 0 && e->val == REP_AFTER)
			rep_after(d, r, s, i, n, to);
		else if (n > 0 && e->val == REP_BEFORE)
			rep_before(d, r, s, i, n, to);
		i += n > 0 ? n - 1 : 0;
	}
}

void stage_people(struct doc *d, struct record *r)
{
	for (int i = 0; i < d->nsent; i++)
		sentence_people(d, r, &d->sents[i]);
	signers_mark(d, r);
	for (int i = 0; i < d->nsent; i++)
		sentence_represented(d, r, &d->sents[i]);
}
