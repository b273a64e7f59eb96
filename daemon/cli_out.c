/* cli_out.c: tables, relative dates and colour for the CLI's human output
 * (see cli_out.h). Widths count UTF-8 code points, so Indonesian and
 * Malay names with accents stay aligned. */
#include "cli_out.h"
#include "civil.h"
#include "xalloc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

/* ---- colour ---- */

bool cli_colour_on(void)
{
	const char *nc = getenv("NO_COLOR");

	return isatty(STDOUT_FILENO) && (nc == NULL || *nc == '\0');
}

const char *cli_sgr(enum cli_colour c)
{
	static const char *const sgr[] = {
		[CLI_PLAIN] = "\033[0m", [CLI_BOLD] = "\033[1m", [CLI_GOOD] = "\033[32m",
		[CLI_WARN] = "\033[33m", [CLI_BAD] = "\033[31m", [CLI_DIM] = "\033[2m",
	};
	return cli_colour_on() ? sgr[c] : "";
}

static const struct { const char *word; enum cli_colour c; } state_colours[] = {
	{ "ok", CLI_GOOD }, { "sent", CLI_GOOD }, { "delivered", CLI_GOOD },
	{ "extracted", CLI_GOOD }, { "pending", CLI_WARN }, { "queued", CLI_WARN },
	{ "paused", CLI_WARN }, { "stale", CLI_WARN }, { "failing", CLI_BAD },
	{ "failed", CLI_BAD }, { "disabled", CLI_BAD }, { "superseded", CLI_DIM },
	{ "skipped", CLI_DIM }, { "no_agreement", CLI_DIM },
};

enum cli_colour cli_state_colour(const char *state)
{
	for (size_t i = 0; state && i < sizeof state_colours / sizeof state_colours[0]; i++)
		if (strcmp(state, state_colours[i].word) == 0)
			return state_colours[i].c;
	return CLI_PLAIN;
}

/* ---- relative dates ---- */

static const struct { long seconds; const char *unit; } units[] = {
	{ 365L * 86400, "year" }, { 30L * 86400, "month" }, { 7L * 86400, "week" },
	{ 86400, "day" }, { 3600, "hour" }, { 60, "minute" },
};

char *cli_ago(int64_t ts, char *buf, size_t size)
{
	int64_t delta = ts - (int64_t)time(NULL);
	int64_t abs = delta < 0 ? -delta : delta;

	if (ts == 0) {
		snprintf(buf, size, "never");
		return buf;
	}
	if (abs < 60) {
		snprintf(buf, size, "just now");
		return buf;
	}
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
		if (abs < units[i].seconds)
			continue;
		long n = (long)(abs / units[i].seconds);
		snprintf(buf, size, "%s%ld %s%s%s", delta > 0 ? "in " : "", n, units[i].unit,
			 n == 1 ? "" : "s", delta > 0 ? "" : " ago");
		break;
	}
	return buf;
}

bool cli_days_until(const char *ymd, long *days)
{
	int y, m, d, used = 0;

	if (ymd == NULL || sscanf(ymd, "%4d-%2d-%2d%n", &y, &m, &d, &used) != 3 || used != 10 ||
	    m < 1 || m > 12 || d < 1 || d > 31)
		return false;
	*days = (long)civil_to_days(y, m, d) - (long)(time(NULL) / 86400);
	return true;
}

char *cli_in_days(const char *ymd, char *buf, size_t size)
{
	long n;

	if (!cli_days_until(ymd, &n))
		snprintf(buf, size, "%s", "");
	else if (n == 0)
		snprintf(buf, size, "today");
	else if (n == 1 || n == -1)
		snprintf(buf, size, "%s", n > 0 ? "tomorrow" : "yesterday");
	else
		snprintf(buf, size, "%s%ld days%s", n > 0 ? "in " : "", labs(n), n > 0 ? "" : " ago");
	return buf;
}

/* ---- tables ---- */

int cli_term_width(void)
{
	struct winsize ws;

	if (!isatty(STDOUT_FILENO))
		return 0;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	const char *cols = getenv("COLUMNS");
	return cols && atoi(cols) > 0 ? atoi(cols) : 80;
}

static size_t utf8_width(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* Writes at most width code points of s, the last one "…" when cut. */
static void put_cut(FILE *out, const char *s, size_t width)
{
	const char *p = s;
	size_t n = 0;

	if (utf8_width(s) <= width) {
		fputs(s, out);
		return;
	}
	if (width == 0)
		return;
	for (; *p; p++) {
		if (((unsigned char)*p & 0xC0) != 0x80) {
			if (n == width - 1)
				break;
			n++;
		}
	}
	fwrite(s, 1, (size_t)(p - s), out);
	fputs("…", out);
}

void cli_table_init(struct cli_table *t, const char **heads, size_t ncols, int flex)
{
	*t = (struct cli_table){ .ncols = ncols, .heads = heads, .flex = flex };
}

void cli_table_row(struct cli_table *t)
{
	if (t->nrows == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 16;
		t->cells = xrealloc(t->cells, t->cap * t->ncols * sizeof *t->cells);
		t->colours = xrealloc(t->colours, t->cap * t->ncols * sizeof *t->colours);
	}
	for (size_t i = 0; i < t->ncols; i++) {
		t->cells[t->nrows * t->ncols + i] = NULL;
		t->colours[t->nrows * t->ncols + i] = CLI_PLAIN;
	}
	t->nrows++;
}

void cli_table_set(struct cli_table *t, size_t col, const char *text, enum cli_colour c)
{
	size_t i = (t->nrows - 1) * t->ncols + col;

	free(t->cells[i]);
	t->cells[i] = text ? xstrdup(text) : NULL;
	t->colours[i] = c;
}

void cli_table_setf(struct cli_table *t, size_t col, enum cli_colour c, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		fatal("out of memory");
	va_end(ap);
	cli_table_set(t, col, s, c);
	free(s);
}

static const char *cell(const struct cli_table *t, size_t r, size_t c)
{
	const char *s = t->cells[r * t->ncols + c];
	return s && *s ? s : "-";
}

/* Column widths; the flexible one shrinks (to 8 at least) to fit. */
static void widths(const struct cli_table *t, size_t *w)
{
	size_t total = 0;
	int term = cli_term_width();

	for (size_t c = 0; c < t->ncols; c++) {
		w[c] = utf8_width(t->heads[c]);
		for (size_t r = 0; r < t->nrows; r++)
			if (utf8_width(cell(t, r, c)) > w[c])
				w[c] = utf8_width(cell(t, r, c));
		total += w[c] + 2;
	}
	if (term > 0 && t->flex >= 0 && total - 2 > (size_t)term) {
		size_t over = total - 2 - (size_t)term;
		size_t f = (size_t)t->flex;
		w[f] = w[f] > over + 8 ? w[f] - over : (w[f] < 8 ? w[f] : 8);
	}
}

static void print_cell(FILE *out, const char *s, enum cli_colour c, size_t w, bool last)
{
	size_t sw = utf8_width(s);

	if (c != CLI_PLAIN)
		fputs(cli_sgr(c), out);
	put_cut(out, s, w);
	if (c != CLI_PLAIN)
		fputs(cli_sgr(CLI_PLAIN), out);
	if (!last)
		for (size_t i = sw < w ? sw : w; i < w + 2; i++)
			fputc(' ', out);
}

void cli_table_print(const struct cli_table *t, FILE *out)
{
	size_t *w = xcalloc(t->ncols, sizeof *w);

	widths(t, w);
	for (size_t c = 0; c < t->ncols; c++)
		print_cell(out, t->heads[c], CLI_BOLD, w[c], c + 1 == t->ncols);
	fputc('\n', out);
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++)
			print_cell(out, cell(t, r, c), t->colours[r * t->ncols + c], w[c],
				   c + 1 == t->ncols);
		fputc('\n', out);
	}
	free(w);
}

void cli_table_free(struct cli_table *t)
{
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t->colours);
	*t = (struct cli_table){ 0 };
}

/* ---- JSON ---- */

const char *cli_jstr(const json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

void cli_show_warnings(const json_t *r)
{
	const json_t *w;
	size_t i;

	json_array_foreach(json_object_get(r, "warnings"), i, w)
		fprintf(stderr, "warning: %s\n", json_string_value(w));
}

long long cli_jint(const json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return json_is_integer(v) ? json_integer_value(v) : json_is_real(v) ? (long long)json_real_value(v) : 0;
}

void cli_print_json(const json_t *v)
{
	json_dumpf(v, stdout, JSON_INDENT(2) | JSON_ENCODE_ANY);
	fputc('\n', stdout);
}
