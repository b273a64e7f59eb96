/* extract_int.h: what the extractor's stages share: the cleaned document
 * (tokens and sentences), the word tables, and each stage's entry point.
 * Everything here is internal to workers/libmwextract.a. */
#ifndef MW_EXTRACT_INT_H
#define MW_EXTRACT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include "extract.h"

/* ---- document ---------------------------------------------------------- */

/* One token of the folded text. s/low point into doc.fold/doc.low (same
 * offsets); not NUL-terminated. */
struct tok {
	const char *s;    /* as folded (curly quotes and dashes made ASCII) */
	const char *low;  /* ASCII-lowercased */
	int len;
	int off;          /* byte offset in doc.fold */
	bool word;        /* letters/digits; else one punctuation byte */
	bool cap;         /* starts with an upper-case ASCII letter */
	bool num;         /* all digits */
	bool nl;          /* a line break precedes it */
	const struct lex_entry *root; /* its LEX_ROOT root (extract_morph.c) or NULL */
};

/* A sentence: tokens [first, end) of the document. */
struct sent {
	int first, end;
	char *text;       /* as written (owned by the doc) */
	bool title;       /* from the title line */
	bool signing;     /* reports a signing (set by the signing stage) */
	bool signer;      /* names who signed: a signing sentence, or in an
	                     agreement an unplanned signing word alone ("Dokumen
	                     ditandatangani ...") or "diwakili", "on behalf of" */
};

/* The cleaned document; doc_free() releases everything. */
struct doc {
	char *orig;       /* cleaned text, valid UTF-8 */
	char *fold, *low; /* matching copies; map[i] = offset in orig */
	int *map;
	size_t fold_len;
	struct tok *toks;
	int ntok;
	struct sent *sents;
	int nsent;
	struct mw_ymd pub;
	const char *lang; /* "id", "ms", "en" */
};

struct doc *doc_build(const char *text, size_t len, struct mw_ymd pub);
void doc_free(struct doc *d);
/* Text of tokens [a, b) as folded; a new string the caller frees. */
char *doc_span(const struct doc *d, int a, int b);
bool tok_is(const struct tok *t, const char *lowword);
bool tok_punct(const struct tok *t, char c);

/* ---- word tables (lexicon_*.c) ------------------------------------------ */

enum lex_kind {
	LEX_SIGN,      /* a reported signing */
	LEX_PLAN,      /* intention, plan, schedule: not (yet) signed; val 1:
	                  a condition ("jika"); tag: the only language where
	                  the word has that sense, or NULL */
	LEX_CANCEL,    /* cancellation */
	LEX_PAST,      /* an earlier agreement mentioned in passing */
	LEX_WITNESS,   /* what follows only witnessed */
	LEX_TYPE,      /* agreement nouns; val = enum agr_type */
	LEX_RENEW,     /* renewal */
	LEX_MONTH,     /* val 1..12 */
	LEX_WEEKDAY,   /* val 0 = Monday .. 6 = Sunday */
	LEX_RELDAY,    /* val = days back from publication; tag "month" for months */
	LEX_NUMBER,    /* number words; val */
	LEX_UNIT,      /* duration units; val 'Y' 'M' 'W' 'D' */
	LEX_SEUNIT,    /* one-word "one unit" (sebulan); val unit */
	LEX_VALID,     /* validity cues of the agreement's duration */
	LEX_END,       /* "until" */
	LEX_START,     /* "since", "from" */
	LEX_PROGRAM,   /* tag = programme of SPEC's vocabulary */
	LEX_EVENT,     /* tag = event type */
	LEX_FUNC,      /* function words for language detection; val = weight */
	LEX_ROLE,      /* job titles; tag = government level ("Kota") or NULL */
	LEX_TITLE,     /* honorifics and academic titles before a name */
	LEX_DEGREE,    /* degrees after a name, dots removed */
	LEX_INST,      /* institution head words; tag = country hint ("*": the
	                  article's language), val: INST_* */
	LEX_ABBREV,    /* long form -> tag = short form (alias generation) */
	LEX_PLACE,     /* places; tag = ISO country, val 1 for a country,
	                  state or province (a region, not a town) */
	LEX_VENUE,     /* venue nouns ("kampus", "aula") */
	LEX_CLUTTER,   /* line prefixes of scraped-page clutter */
	LEX_STOP,      /* words that end a name even when capitalised */
	LEX_QUALIFIER, /* place words that end a school's name */
	LEX_COOP,      /* words for cooperation or an agreement document */
	LEX_EXCHANGEE, /* who is exchanged; tag = programme */
	LEX_FUTURE,    /* just after a signing word, makes it a plan ("direncanakan", "next month") */
	LEX_NAMESTART, /* words that begin a person's name (Balinese "I", "Made") */
	LEX_REPRESENT, /* "diwakili", "on behalf of": who follows signed */
	LEX_FIELD,     /* sector nouns joined by "dan" inside a name ("Dinas
	                  Pendidikan dan Kebudayaan") */
	LEX_ONLINE,    /* signed online: "secara daring", "virtually" */
	LEX_NAMEABBR,  /* abbreviations inside names and company names that
	                  never end a sentence ("Muh.", "Sdn.") */
	LEX_NEGATE,    /* just before a signing word, denies it ("belum ada",
	                  "no agreement", "tiada") */
	LEX_NOTNEG,    /* negation words that deny nothing ("tidak hanya",
	                  "not only", "tak lama") */
	LEX_ROOT,      /* key roots found through their inflections and slips
	                  (extract_morph.c); tag = the kind they stand for
	                  ("sign": LEX_SIGN), val = edits tolerated */
	LEX_SCHEDULE,  /* in a signing's clause, put it in the future ("is set
	                  to", "akan dilaksanakan"); val 1: only when a time
	                  follows ("akan diadakan pada ...") */
	LEX_AT_TIME,   /* words that introduce a time ("pada", "on") */
	LEX_DONE,      /* perfect markers: "telah", "sudah", "has" */
	LEX_OCCASION,  /* a signing "at the same event", "di sela rakor": it
	                  takes the date of the occasion told elsewhere */
	LEX_HELD,      /* when and where a ceremony was held ("berlangsung",
	                  "took place"); val: HELD_* bits (one list for the
	                  date and the location stages) */
	LEX_RECENT,    /* "baru-baru ini", "recently": undated on purpose */
	LEX_PROGNOUN,  /* a programme, course or fellowship: a length after it
	                  is its own, not the agreement's */
	LEX_NOTCOOP,   /* look like agreement words but are not ("perjanjian
	                  kerja individual": an employment contract) */
	LEX_SCOPE,     /* words that introduce an agreement's scope ("meliputi",
	                  "covers") */
	LEX_UNITHEAD,  /* words that begin a unit's or a post's name ("Bidang",
	                  "Direktorat", "Prodi"): programme words after them
	                  are part of the name */
	LEX_DENY,      /* a denial or a false report ("membantah", "hoaks",
	                  "menafikan dakwaan"): beside an agreement word, the
	                  article reports no signing */
	/* party stage (extract_party.c) */
	LEX_EVENTNAME, /* an event's title begins with them ("Temu Alumni ...",
	                  "Seminar ..."): the run is no institution */
	LEX_NAMEJOIN,  /* lower-case words inside a name between capitalised
	                  ones ("of", "cawangan", "kampus") */
	LEX_NAMECUT,   /* words that end a name of a non-government head
	                  ("Madrasah Bidang Humas") */
	LEX_INSIDE,    /* titles that may stand inside an institution's name
	                  ("Universiti Tun Hussein Onn", "Universitas Sultan ...") */
	LEX_GROUP,     /* plural nouns for institutions that announce a list
	                  ("tiga institusi, yaitu ...", "the companies involved") */
	LEX_LISTCUE,   /* words that open such a list ("yaitu", "namely") */
	LEX_ALIASCUE,  /* "X, atau Y": Y is another name of X */
	LEX_THROUGH,   /* "X melalui Y": Y signs for X */
	LEX_PLACEABBR, /* a place's usual short form, for matching names only
	                  ("Nusa Tenggara Timur" -> "NTT"); tag = short form */
	LEX_PARENT,    /* heads of institutions with faculties ("universitas") */
	LEX_PAIRWORD,  /* words that pair two parties ("antara", "dan",
	                  "between"): an acronym beside them is a party; val 1
	                  opens the pair ("antara"), it separates no list items */
	LEX_AND,       /* "dan", "and", "&" joining sector nouns in a name */
	LEX_GOVTAIL,   /* lower-case government heads after a place
	                  ("provincial government") */
	LEX_LASTHEAD,  /* heads written last ("Sarawak Health Department") */
	LEX_ARTICLE,   /* "the" before a name */
	LEX_PLACEPREP, /* "of", "in" before a trailing place */
	LEX_LEGAL,     /* companies' legal forms: val 1 before the name ("PT"),
	                  2 after it ("Tbk", "Bhd"), 3 after it but only before
	                  another ("Sdn", "Co") */
	LEX_TRANSLATE, /* a head word and its English form (tag) */
	LEX_INVOLVED,  /* "involved": the list after it is of the agreement */
	/* location stage (extract_location.c) */
	LEX_OUTLET,    /* words of news outlets' names: never the place */
	LEX_AT,        /* "di", "in", "at" before a place; val 1: not before
	                  the place of the signing abroad ("at") */
	LEX_CEREMONY,  /* nouns for the ceremony ("penandatanganan", "majlis") */
	LEX_HERE,      /* "here", "di sini" */
	LEX_TOWNPREFIX, /* administrative prefixes of a town's name ("kota") */
	/* signatories (extract_person.c, extract_signer.c) */
	LEX_NOTNAME,   /* capitalised words of portfolios, units and ranks,
	                  never part of a person's name ("Bidang", "Hal Ehwal",
	                  "Kemahasiswaan", "Research") */
	LEX_TITLE_NEXT,/* title words only after another title ("Datuk Seri",
	                  "Prof. Madya", "Prof. Emeritus", "Brigjen Pol") */
	LEX_SPEAKER,   /* just before a role or a name: the person speaks,
	                  not signs ("menurut", "according to", "kata") */
	LEX_AFTERSIGN, /* just before a signing word: the sentence tells what
	                  came before or after it ("usai", "after") */
	LEX_PARTICLE,  /* lower-case particles inside a name ("bin", "de") */
	LEX_ROLEMOD,   /* lower-case words between "the" and a role
	                  ("district", "acting") */
	LEX_AS,        /* between a name and its role ("X selaku Rektor") */
	LEX_JOIN,      /* joining words inside a list or a portfolio ("dan") */
	LEX_CLAUSE,    /* open a new clause ("manakala", "while"): a witness
	                  part ends there */
	LEX_COPULA,    /* "were", "ialah": after a representation cue, the
	                  names of the signers follow */
	LEX_KIND,      /* generic words for a kind of institution
	                  ("polytechnic"); tag = a word of such party keys */
	LEX_UNITKEY,   /* party-key heads of units ("fakultas", "dinas") */
	LEX_GOVKEY,    /* party-key heads of regional governments ("pemkab") */
	LEX_SAYS,      /* speech verbs after a name ("mengatakan", "said"): the
	                  person speaks in that sentence, not signs */
	LEX_SELF,      /* pronouns for the speaker ("beliau", "he") */
	LEX_N
};

/* Who a representation cue names (lex_entry.val of LEX_REPRESENT): the
 * person after it ("diwakili oleh X") or before it ("X mewakili UKM"). */
enum { REP_AFTER = 1, REP_BEFORE = 2 };

/* LEX_HELD entries: also a cue right before "di" (location), only the
 * location stage's ("held", "hosted"), only the date stage's ("was held"). */
enum { HELD_BEFORE_AT = 1, HELD_WHERE = 2, HELD_WHEN = 4 };

/* Institution head kinds (lex_entry.val of LEX_INST). */
/* INST_UPPER: a plain head that counts only written in capitals ("MAN");
 * INST_UNIT: a unit of a larger institution (a faculty), an alias of its
 * university where the text names one. */
enum { INST_PLAIN = 0, INST_GOV = 1, INST_SUFFIX = 2, INST_NAMED = 4, INST_UPPER = 8,
       INST_UNIT = 16 };

enum agr_type { AGR_MOU = 1, AGR_MOA, AGR_PKS, AGR_LOI, AGR_AGREEMENT, AGR_RENEWAL };

/* A phrase: lower-case words separated by single spaces; a word ending in
 * '*' matches any word it begins. */
struct lex_entry {
	const char *phrase;
	int val;
	const char *tag;
};

struct lexicon {
	const char *lang;
	const struct lex_entry *lists[LEX_N];  /* each ends with {NULL} */
};

extern const struct lexicon lexicon_id, lexicon_ms, lexicon_en, lexicon_common;

/* Builds the lexicons' index once (thread-safe); doc_build() calls it, so
 * lookups on a document need not. */
void lex_init(void);
/* Longest entry of kind k (any language) matching at token i of [i, end):
 * returns the number of tokens matched (0: none) and the entry in *e. */
int lex_match(const struct doc *d, int i, int end, enum lex_kind k,
	      const struct lex_entry **e);
/* Same, restricted to one lexicon. */
int lex_match_in(const struct lexicon *lx, const struct doc *d, int i, int end,
		 enum lex_kind k, const struct lex_entry **e);
/* The longest entry of kind k at token i whose val has every bit of need
 * and none of avoid: tokens matched, or 0. */
int lex_match_val(const struct doc *d, int i, int end, enum lex_kind k, int need, int avoid,
		  const struct lex_entry **e);
/* First token index in [a, b) where such an entry matches, or -1. */
int lex_find_val(const struct doc *d, int a, int b, enum lex_kind k, int need, int avoid);
/* First token index in [a, b) where kind k matches, or -1. */
int lex_find(const struct doc *d, int a, int b, enum lex_kind k,
	     const struct lex_entry **e);
/* The lexicons one by one (for lists scanned whole): lex_list(li, k) for
 * li in [0, lex_count()); NULL when that lexicon has no list of kind k. */
int lex_count(void);
const struct lex_entry *lex_list(int li, enum lex_kind k);
/* The LEX_ROOT entry that lower-case word w[0, n) is a form of, or NULL. */
const struct lex_entry *morph_root(const char *w, int n);
/* Does the NUL-terminated lower-case string s start with an entry of k? */
const struct lex_entry *lex_prefix_str(const char *s, enum lex_kind k);

/* ---- dates (extract_date.c) --------------------------------------------- */

enum prec { PREC_NONE, PREC_DAY, PREC_MONTH, PREC_YEAR };
enum date_role { DATE_PLAIN, DATE_END, DATE_START };

struct dateref {
	struct mw_ymd date;
	enum prec prec;
	enum date_role role;
	bool relative;    /* from a weekday or "kemarin": needs publication */
	bool inferred;    /* day and month written without a year */
	bool ahead;       /* said to lie ahead ("14 September depan") */
	int first, end;   /* tokens */
};

/* Finds the date expressions of tokens [a, b); returns how many (<= max). */
int date_scan(const struct doc *d, int a, int b, struct dateref *out, int max);
long ymd_days(struct mw_ymd v);         /* days since 1970-01-01 */
struct mw_ymd days_ymd(long days);
int ymd_weekday(struct mw_ymd v);       /* 0 = Monday */
bool ymd_valid(struct mw_ymd v);
void ymd_format(struct mw_ymd v, char out[11]);
int ymd_cmp(struct mw_ymd a, struct mw_ymd b);
/* Latest day with that weekday on or before pub. */
struct mw_ymd date_weekday_before(struct mw_ymd pub, int weekday);

/* ---- durations (extract_duration.c) ------------------------------------- */

struct duration {
	int n;
	char unit;        /* 'Y' 'M' 'W' 'D'; 0: none */
	int first, end;
};

int dur_scan(const struct doc *d, int a, int b, struct duration *out, int max);
void dur_format(const struct duration *du, char out[16]);
struct mw_ymd dur_add(struct mw_ymd v, const struct duration *du);
/* Number word or digits at token i: value and tokens used, or 0. */
int number_at(const struct doc *d, int i, int end, int *value);

/* ---- the record under construction -------------------------------------- */

#define MAX_PARTIES 12
#define MAX_ALIASES 12
#define MAX_PEOPLE 16
#define MAX_EVENTS 6

struct party {
	char *name;
	char *aliases[MAX_ALIASES];
	int naliases;
	char *key;            /* canonical matching key of name */
	char *akeys[MAX_ALIASES];
	const char *country;  /* static string or NULL */
	int first_tok;
	bool signer;
};

struct person {
	char *name;
	char *role;           /* NULL when unknown */
	int party;            /* index into rec.parties or -1 */
	int first_tok;
	int spoke_sent;       /* a sentence where a speech cue introduces the
	                         person ("menurut Rektor X"), or -1 */
	int sign_tok;         /* a token of the sentence that names the person
	                         as a signer (the evidence), or -1 */
	bool signer;
};

struct event {
	const char *type;
	struct mw_ymd start, end;
	enum prec prec;
	struct duration dur;
	int sent;
};

struct record {
	bool agreement;
	bool planned;             /* a signing word was read as a plan */
	int type;                 /* enum agr_type */
	int sign_sent;            /* main signing sentence or -1 */
	int type_sent, agr_sent;
	struct party parties[MAX_PARTIES * 4];
	int nparties;             /* mentions become parties, then filtered */
	struct person people[MAX_PEOPLE];
	int npeople;
	struct mw_ymd signed_on;
	enum prec signed_prec;
	int signed_sent;
	struct duration valid;
	int valid_sent;
	struct mw_ymd expires;
	bool expires_estimated;
	int expires_sent;
	const char *programs[32];
	int nprograms;
	int program_sent;
	struct event events[MAX_EVENTS];
	int nevents;
	char *location;
	int location_sent;
	double confidence;
	const char *home;         /* country of heads shared by id and ms
	                             ("politeknik"): by the article's language */
};

void record_free(struct record *r);

/* ---- stages, in pipeline order ------------------------------------------ */

const char *lang_detect(const struct doc *d);
void stage_signing(struct doc *d, struct record *r);
void stage_parties(struct doc *d, struct record *r);
void stage_people(struct doc *d, struct record *r);
void stage_select_parties(struct doc *d, struct record *r);
void stage_dates(struct doc *d, struct record *r);
void stage_duration(struct doc *d, struct record *r);
void stage_programs(struct doc *d, struct record *r);
void stage_events(struct doc *d, struct record *r);
void stage_location(struct doc *d, struct record *r);
json_t *record_json(const struct doc *d, const struct record *r);

/* Party helpers shared with the people stage (extract_party.c). */
char *party_key(const char *name);
int party_find_key(const struct record *r, const char *key);
int party_from_run(struct doc *d, struct record *r, int a, int b, bool signer);
int party_add_name(struct record *r, int tok, const char *name, bool signer);
/* Does the party's name begin with a unit head ("Fakulti Sains"), or hold
 * the head of an institution that has units (a university)? */
bool party_is_unit(const struct party *p);
/* Is the one-word name acr a contraction of name, each of its pieces the
 * start of a word in order ("Unpad", "UMY", "Unismuh")? */
bool party_contraction(const char *acr, const char *name);
bool party_has_units(const struct party *p);
int name_run_end(const struct doc *d, int i, int end);
char *tokens_join(const struct doc *d, int a, int b);
int party_lookup_prefix(const struct doc *d, const struct record *r, int a, int b,
			int *used);
/* Person helpers (extract_person.c). */
char *person_strip_titles(const char *name);
/* Signatories (extract_signer.c): marks the people who signed and gives
 * them a party by their role; after the parties are selected, a signatory
 * still without one gets the party no other signatory holds. */
void signers_mark(struct doc *d, struct record *r);
/* The tokens of sentence s whose people signed: [from, to) less the
 * witness parts gap[k] ("disaksikan oleh ..." up to a new clause,
 * "manakala ..."). Empty when s names no signers, only tells what came
 * before or after the signing, or its subject witnessed. */
#define MAX_GAPS 4
struct span {
	int from, to;
	int gap[MAX_GAPS][2];
	int ngaps;
};
void signer_span(const struct doc *d, const struct sent *s, struct span *sp);
bool span_has(const struct span *sp, int i);
void signers_fill_party(struct record *r);
/* Is lower-case w (n bytes) a generic word for a kind of institution
 * ("polytechnic", "regency")? The only party of that kind named by w
 * (possessive "'s" allowed), or -1 when none or several. */
bool signer_kind_word(const char *w, size_t n);
int party_by_kind(const struct record *r, const char *w, size_t n);
/* Alias generation (extract_alias.c): adds generated short forms. */
void alias_generate(struct party *p);
/* Adds the English or local forms of each party's name that the text
 * uses ("Bina Karya University" for "Universitas Bina Karya"). */
void alias_translated(const struct doc *d, struct record *r);
void alias_translated_party(const struct doc *d, struct party *p);
void party_add_alias(struct party *p, const char *alias);

#endif
