/* cli_out.h: the human output of the online commands: aligned tables
 * sized to the terminal, relative dates ("in 23 days", "3 days ago"),
 * colour only on a terminal and never with NO_COLOR, and --json output. */
#ifndef MW_CLI_OUT_H
#define MW_CLI_OUT_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Colours by meaning, not by hue. */
enum cli_colour { CLI_PLAIN, CLI_BOLD, CLI_GOOD, CLI_WARN, CLI_BAD, CLI_DIM };

/* Whether stdout gets colour: a terminal, and NO_COLOR unset or empty. */
bool cli_colour_on(void);
/* The escape sequence for c, or "" when colour is off. */
const char *cli_sgr(enum cli_colour c);
/* The colour an operator expects for a state word ("failed" is bad...). */
enum cli_colour cli_state_colour(const char *state);

/* Relative times, written into buf (at least 48 bytes); both return buf.
 * cli_ago: Unix seconds -> "3 days ago", "in 5 minutes", "just now";
 * 0 -> "never". cli_in_days: "YYYY-MM-DD" -> "in 23 days", "today",
 * "3 days ago" (by calendar day, UTC); malformed -> "". */
char *cli_ago(int64_t ts, char *buf, size_t size);
char *cli_in_days(const char *ymd, char *buf, size_t size);
/* Days from today (UTC) to ymd; false when ymd is malformed. */
bool cli_days_until(const char *ymd, long *days);

/* A table: column heads, rows of cells (copied), printed aligned. When
 * stdout is a terminal, the column marked flexible is shortened (with
 * "…") so each line fits its width. Owned by the caller; cli_table_free. */
struct cli_table {
	size_t ncols;
	const char **heads;          /* borrowed */
	int flex;                    /* column that gives way, -1 none */
	char **cells;                /* owned, nrows * ncols */
	enum cli_colour *colours;    /* per cell */
	size_t nrows, cap;
};
void cli_table_init(struct cli_table *t, const char **heads, size_t ncols, int flex);
/* Adds a row; then cli_table_set fills its cells (NULL prints "-"). */
void cli_table_row(struct cli_table *t);
void cli_table_set(struct cli_table *t, size_t col, const char *text, enum cli_colour c);
void cli_table_setf(struct cli_table *t, size_t col, enum cli_colour c, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void cli_table_print(const struct cli_table *t, FILE *out);
void cli_table_free(struct cli_table *t);

/* Terminal columns of stdout, or 0 when it is no terminal. */
int cli_term_width(void);

/* JSON helpers: a member as a string (NULL when absent or null) and as an
 * integer (0); cli_str_or(v, "-") for printing. */
const char *cli_jstr(const json_t *o, const char *key);
long long cli_jint(const json_t *o, const char *key);
/* Prints the reply's "warnings" (strings) to stderr, "warning: " each. */
void cli_show_warnings(const json_t *r);
/* Prints v as indented JSON and a newline. */
void cli_print_json(const json_t *v);

#endif
