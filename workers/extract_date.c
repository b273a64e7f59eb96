/* extract_date.c: the date stage's parser and calendar. Finds the date
 * expressions of a token range: "26/1/2026", "31 Januari 2025",
 * "March 3, 2025", "awal Maret 2024", "pada 2025", a bare weekday ("Rabu",
 * resolved to the latest such day on or before publication), "kemarin",
 * "pekan lalu" (publication minus seven days, day precision: an estimate).
 * A D-Month date without a year takes the publication year (the previous
 * one if that would put it more than a month after publication). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract_int.h"
#include "civil.h"

/* ---- calendar (proleptic Gregorian, days since 1970-01-01) ----------------- */

long ymd_days(struct mw_ymd v)
{
	return (long)civil_to_days(v.y, v.m, v.d);
}

struct mw_ymd days_ymd(long z)
{
	struct mw_ymd r;
	int64_t y;

	civil_from_days(z, &y, &r.m, &r.d);
	r.y = (int)y;
	return r;
}

int ymd_weekday(struct mw_ymd v)
{
	long w = (ymd_days(v) + 3) % 7;  /* 1970-01-01 was a Thursday */
	return (int)(w < 0 ? w + 7 : w);
}

static int month_days(int y, int m)
{
	static const int len[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : len[m - 1];
}

bool ymd_valid(struct mw_ymd v)
{
	return v.y >= 1900 && v.y <= 2200 && v.m >= 1 && v.m <= 12 &&
	       v.d >= 1 && v.d <= month_days(v.y, v.m);
}

int ymd_cmp(struct mw_ymd a, struct mw_ymd b)
{
	long x = ymd_days(a), y = ymd_days(b);
	return x < y ? -1 : x > y;
}

void ymd_format(struct mw_ymd v, char out[11])
{
	char buf[40];
	snprintf(buf, sizeof buf, "%04d-%02d-%02d", v.y, v.m, v.d);
	memcpy(out, buf, 10);
	out[10] = '\0';
}

struct mw_ymd date_weekday_before(struct mw_ymd pub, int weekday)
{
	int back = (ymd_weekday(pub) - weekday + 7) % 7;
	return days_ymd(ymd_days(pub) - back);
}

int mw_ymd_parse(const char *s, struct mw_ymd *out)
{
	struct mw_ymd v;
	char tail;
	if (s == NULL || strlen(s) != 10 ||
	    sscanf(s, "%4d-%2d-%2d%c", &v.y, &v.m, &v.d, &tail) != 3 || !ymd_valid(v))
		return -1;
	*out = v;
	return 0;
}

/* ---- scanner -------------------------------------------------------------------- */

struct scan {
	const struct doc *d;
	int b;               /* end of range */
	struct dateref *out;
	int n, max;
};

static int tok_int(const struct tok *t, int lo, int hi)
{
	if (!t->num || t->len > 4)
		return -1;
	int v = atoi(t->s);
	return v >= lo && v <= hi ? v : -1;
}

/* Suffixes of a day number: "29th", "3rd", Malay "12hb" (haribulan). */
static const char *const day_suffixes[] = { "st", "nd", "rd", "th", "hb", NULL };

/* A day of the month at t: "29", "29th", "12hb"; else -1. */
static int tok_day(const struct tok *t)
{
	if (t->num)
		return tok_int(t, 1, 31);
	int k = 0;
	while (k < t->len && k < 2 && t->s[k] >= '0' && t->s[k] <= '9')
		k++;
	if (k == 0 || !t->word)
		return -1;
	for (int i = 0; day_suffixes[i] != NULL; i++)
		if ((int)strlen(day_suffixes[i]) == t->len - k &&
		    memcmp(t->low + k, day_suffixes[i], (size_t)(t->len - k)) == 0) {
			int v = atoi(t->s);
			return v >= 1 && v <= 31 ? v : -1;
		}
	return -1;
}

static bool emit(struct scan *sc, int first, int end, struct mw_ymd v, enum prec p, bool rel)
{
	if (sc->n >= sc->max || (p == PREC_DAY && !ymd_valid(v)))
		return false;
	struct dateref *r = &sc->out[sc->n++];
	r->date = v;
	r->prec = p;
	r->relative = rel;
	r->inferred = false;
	r->ahead = false;
	r->first = first;
	r->end = end;
	r->role = DATE_PLAIN;
	/* The end of a day range: "3 to 5 March", "3-5 March". */
	if (first >= 2 && (tok_is(&sc->d->toks[first - 1], "to") || tok_punct(&sc->d->toks[first - 1], '-')) &&
	    tok_int(&sc->d->toks[first - 2], 1, 31) > 0) {
		r->role = DATE_END;
		return true;
	}
	/* A cue up to two tokens before: "hingga 31 Desember", "sejak tanggal". */
	for (int k = first - 1; k >= 0 && k >= first - 2; k--) {
		if (lex_match(sc->d, k, first, LEX_END, NULL) > 0)
			r->role = DATE_END;
		else if (lex_match(sc->d, k, first, LEX_START, NULL) > 0)
			r->role = DATE_START;
	}
	return true;
}

/* Year for a day and month written without one. */
static int infer_year(struct mw_ymd pub, int m, int dd)
{
	struct mw_ymd v = { pub.y, m, dd };
	if (ymd_valid(v) && ymd_days(v) > ymd_days(pub) + 31)
		return pub.y - 1;
	return pub.y;
}

/* "26/1/2026", "26-01-2026", "26/1". */
static int numeric_date(struct scan *sc, int i)
{
	const struct tok *t = &sc->d->toks[i];
	char buf[16], sep;
	int dd, m, y = 0, used;
	if (!t->word || t->len >= (int)sizeof buf || !(t->s[0] >= '0' && t->s[0] <= '9'))
		return 0;
	memcpy(buf, t->s, (size_t)t->len);
	buf[t->len] = '\0';
	if (sscanf(buf, "%2d%c%2d%n", &dd, &sep, &m, &used) != 3 || (sep != '/' && sep != '-'))
		return 0;
	if (buf[used] == sep) {
		int more;
		if (sscanf(buf + used + 1, "%4d%n", &y, &more) != 1 || buf[used + 1 + more] != '\0')
			return 0;
		if (y < 100)
			y += 2000;
	} else if (buf[used] != '\0' || sc->d->pub.y == 0) {
		return 0;
	} else {
		y = infer_year(sc->d->pub, m, dd);
	}
	if (m > 12 && dd <= 12) {  /* "(6/20)": an American month/day */
		int swap = m;
		m = dd;
		dd = swap;
		if (buf[used] == '\0')
			y = infer_year(sc->d->pub, m, dd);
	}
	struct mw_ymd v = { y, m, dd };
	return emit(sc, i, i + 1, v, PREC_DAY, false) ? 1 : 0;
}

static int month_at(struct scan *sc, int i, int *m)
{
	const struct lex_entry *e = NULL;
	int n = lex_match(sc->d, i, sc->b, LEX_MONTH, &e);
	/* Short forms ("Mar", "Mei") only when capitalised: "mar" is rarely a month. */
	if (n > 0 && (sc->d->toks[i].cap || sc->d->toks[i].len > 3)) {
		*m = e->val;
		return n;
	}
	return 0;
}

/* "20 hingga 27 Juli 2026", "20-27 July": the first day of a range takes
 * the month and year of the second; the second is read next, as an end. */
static int day_range(struct scan *sc, int i)
{
	const struct doc *d = sc->d;
	int dd = tok_day(&d->toks[i]), cue, m, n;
	if (dd < 0 || i + 2 >= sc->b)
		return 0;
	cue = tok_punct(&d->toks[i + 1], '-') || tok_is(&d->toks[i + 1], "to") ? 1 :
	      lex_match(d, i + 1, sc->b, LEX_END, NULL);
	if (cue == 0 || tok_day(&d->toks[i + 1 + cue]) < 0 ||
	    (n = month_at(sc, i + 2 + cue, &m)) == 0)
		return 0;
	int j = i + 2 + cue + n, y = j < sc->b ? tok_int(&d->toks[j], 1900, 2200) : -1;
	if (y < 0 && d->pub.y == 0)
		return 0;
	struct mw_ymd v = { y > 0 ? y : infer_year(d->pub, m, dd), m, dd };
	if (!emit(sc, i, i + 1, v, PREC_DAY, false))
		return 0;
	sc->out[sc->n - 1].inferred = y < 0;
	return 1;
}

/* "Jun ini", "this July": a month of the publication's year. */
static int month_this(struct scan *sc, int i)
{
	const struct doc *d = sc->d;
	int m, n;
	if (d->pub.y == 0)
		return 0;
	if (tok_is(&d->toks[i], "this") && (n = month_at(sc, i + 1, &m)) > 0) {
		struct mw_ymd v = { d->pub.y, m, 1 };
		return emit(sc, i, i + 1 + n, v, PREC_MONTH, false) ? 1 + n : 0;
	}
	if ((n = month_at(sc, i, &m)) == 0 || i + n >= sc->b || !tok_is(&d->toks[i + n], "ini"))
		return 0;
	struct mw_ymd v = { d->pub.y, m, 1 };
	return emit(sc, i, i + n + 1, v, PREC_MONTH, false) ? n + 1 : 0;
}

/* Words before a month named without a year ("awal Oktober", "in early
 * October", "pertengahan Juli"). */
static const char *const month_cues[] = {
	"awal", "pertengahan", "akhir", "early", "mid", "late", "in", "pada",
	"bulan", "sejak", "since", "during", "selama", "hujung", "penghujung",
	"from", "mulai", "bermula", "next", NULL
};

/* Words after a month named without a year: "Oktober mendatang", "Ogos
 * depan". */
static const char *const month_after_cues[] = {
	"mendatang", "depan", "hadapan", "nanti", NULL
};

static bool after_cue(const struct tok *t)
{
	for (int k = 0; month_after_cues[k] != NULL; k++)
		if (tok_is(t, month_after_cues[k]))
			return true;
	return false;
}

/* Year of a day and month said to lie ahead ("14 September depan"): the
 * first such day on or after publication. */
static int next_year(struct mw_ymd pub, int m, int dd)
{
	struct mw_ymd v = { pub.y, m, dd };
	return ymd_valid(v) && ymd_days(v) < ymd_days(pub) ? pub.y + 1 : pub.y;
}

/* "awal Oktober", "in early October": month precision, the year inferred
 * (the latest such month for a signing, the next one for an event). */
static int month_cued(struct scan *sc, int i)
{
	const struct doc *d = sc->d;
	int m, n;
	if (i == 0 || d->pub.y == 0 || (n = month_at(sc, i, &m)) == 0 || !d->toks[i].cap)
		return 0;
	if (i + n < sc->b && d->toks[i + n].num)
		return 0;  /* "Oktober 2025", "October 3": the other forms */
	bool cue = false;
	for (int k = 0; month_cues[k] != NULL && !cue; k++)
		cue = tok_is(&d->toks[i - 1], month_cues[k]);
	for (int k = 0; i + n < sc->b && month_after_cues[k] != NULL && !cue; k++)
		cue = tok_is(&d->toks[i + n], month_after_cues[k]);
	if (!cue)
		return 0;
	struct mw_ymd v = { infer_year(d->pub, m, 1), m, 1 };
	if (!emit(sc, i, i + n, v, PREC_MONTH, false))
		return 0;
	sc->out[sc->n - 1].inferred = true;
	return n;
}

/* "31 Januari 2025", "31 Januari". */
static int day_month(struct scan *sc, int i)
{
	int dd = tok_day(&sc->d->toks[i]), m, n, of = 0;
	if (dd > 0 && i + 2 < sc->b && tok_is(&sc->d->toks[i + 1], "of"))
		of = 1;  /* "3rd of May" */
	if (dd < 0 || (n = month_at(sc, i + 1 + of, &m)) == 0)
		return 0;
	n += of;
	int j = i + 1 + n, y = j < sc->b ? tok_int(&sc->d->toks[j], 1900, 2200) : -1;
	bool ahead = false;
	if (y < 0) {
		if (sc->d->pub.y == 0)
			return 0;
		ahead = j < sc->b && after_cue(&sc->d->toks[j]);
		y = ahead ? next_year(sc->d->pub, m, dd) : infer_year(sc->d->pub, m, dd);
		j--;
	}
	struct mw_ymd v = { y, m, dd };
	if (!emit(sc, i, j + 1 + ahead, v, PREC_DAY, false))
		return 0;
	sc->out[sc->n - 1].inferred = j == i + n;
	sc->out[sc->n - 1].ahead = ahead;
	return j + 1 + ahead - i;
}

/* "March 3, 2025", "Maret 2024", "March 2024". */
static int month_first(struct scan *sc, int i)
{
	int m, n = month_at(sc, i, &m), j = i + n;
	if (n == 0 || j >= sc->b)
		return 0;
	int dd = tok_day(&sc->d->toks[j]);
	if (dd > 0) {
		int k = j + 1;
		if (k < sc->b && tok_punct(&sc->d->toks[k], ','))
			k++;
		int y = k < sc->b ? tok_int(&sc->d->toks[k], 1900, 2200) : -1;
		bool inferred = y < 0;
		if (inferred) {  /* "March 3": the year from publication */
			if (sc->d->pub.y == 0)
				return 0;
			y = infer_year(sc->d->pub, m, dd);
			k = j;
		}
		struct mw_ymd v = { y, m, dd };
		if (!emit(sc, i, k + 1, v, PREC_DAY, false))
			return 0;
		sc->out[sc->n - 1].inferred = inferred;
		return k + 1 - i;
	}
	int y = tok_int(&sc->d->toks[j], 1900, 2200);
	if (y < 0)
		return 0;
	struct mw_ymd v = { y, m, 1 };
	return emit(sc, i, j + 1, v, PREC_MONTH, false) ? j + 1 - i : 0;
}

/* Is a written date right after the weekday ("Senin (26/1/2026)", "Jumat, 31 Januari")? */
static bool date_follows(struct scan *sc, int j)
{
	while (j < sc->b && (tok_punct(&sc->d->toks[j], '(') || tok_punct(&sc->d->toks[j], ',')))
		j++;
	return j < sc->b && sc->d->toks[j].word && sc->d->toks[j].s[0] >= '0' &&
	       sc->d->toks[j].s[0] <= '9';  /* "7", "7/5/2025" */
}

static int weekday(struct scan *sc, int i)
{
	const struct lex_entry *e = NULL;
	int n = lex_match(sc->d, i, sc->b, LEX_WEEKDAY, &e);
	if (n == 0 || !sc->d->toks[i].cap)
		return 0;
	if (date_follows(sc, i + n) || sc->d->pub.y == 0)
		return n;
	struct mw_ymd v = date_weekday_before(sc->d->pub, e->val);
	emit(sc, i, i + n, v, PREC_DAY, true);
	return n;
}

static int relday(struct scan *sc, int i)
{
	const struct lex_entry *e = NULL;
	int n = lex_match(sc->d, i, sc->b, LEX_RELDAY, &e);
	if (n == 0 || sc->d->pub.y == 0)
		return n;
	/* "hari ini (kemarin-red)": the editor's word in brackets corrects it */
	if (i + n + 1 < sc->b && tok_punct(&sc->d->toks[i + n], '(') &&
	    lex_match(sc->d, i + n + 1, sc->b, LEX_RELDAY, NULL) > 0)
		return n;
	struct mw_ymd v = days_ymd(ymd_days(sc->d->pub) - e->val);
	enum prec p = PREC_DAY;
	if (e->tag != NULL && e->val > 0) {  /* "bulan lalu" */
		v.d = 1;
		p = PREC_MONTH;
	} else if (e->tag != NULL) {  /* "bulan depan": the next calendar month */
		int m = sc->d->pub.y * 12 + sc->d->pub.m - 1 + (e->val > 0 ? -1 : 1);
		v = (struct mw_ymd){ m / 12, m % 12 + 1, 1 };
		p = PREC_MONTH;
	}
	/* Days ahead ("bulan depan") are as good as written: events take them. */
	emit(sc, i, i + n, v, p, e->val >= 0);
	return n;
}

/* A year on its own: "pada 2025", "tahun 2024", "until 2029". */
static int year_only(struct scan *sc, int i)
{
	int y = tok_int(&sc->d->toks[i], 1990, 2100);
	if (y < 0 || sc->d->toks[i].len != 4)
		return 0;
	struct mw_ymd v = { y, 1, 1 };
	return emit(sc, i, i + 1, v, PREC_YEAR, false) ? 1 : 0;
}

int date_scan(const struct doc *d, int a, int b, struct dateref *out, int max)
{
	struct scan sc = { d, b, out, 0, max };
	int (*const forms[])(struct scan *, int) = {
		numeric_date, day_range, day_month, month_this, month_first, month_cued, weekday,
		relday, year_only,
	};
	for (int i = a; i < b && sc.n < max;) {
		int used = 0;
		for (size_t f = 0; f < sizeof forms / sizeof forms[0] && used == 0; f++)
			used = forms[f](&sc, i);
		i += used > 0 ? used : 1;
	}
	return sc.n;
}
