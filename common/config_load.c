/* config_load.c: reading the file with libinih, line by line through our
 * own reader so that every message carries its line number, and the error
 * list ("FILE:LINE: what is wrong", at most MW_CONFIG_MAX_ERRORS).
 *
 * libinih (as built by Debian) does not pass line numbers to the handler,
 * does not call it for sections without keys and reports only its first
 * syntax error. The reader sees each raw line before inih parses it, so it
 * counts lines, handles section headers itself (config_sections.c) and
 * reports every malformed line; inih splits 'key = value' and strips
 * comments, except in lines longer than its fixed 200-byte buffer, which
 * config_line.c splits by the same rules (up to CONFIG_MAX_LINE). Lines
 * are processed one at a time: when the handler runs, the reader's line
 * number is that of the key. A UTF-8 byte order mark is skipped. */
#include "config_priv.h"
#include "config_sections.h"
#include "xalloc.h"

#include <ctype.h>
#include <errno.h>
#include <ini.h>
#include <libgen.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static bool line_reported(const struct load_ctx *ctx, int line)
{
	for (int i = 0; i < ctx->n_errors; i++)
		if (ctx->msgs[i].line == line)
			return true;
	return false;
}

void config_error(struct load_ctx *ctx, int line, const char *fmt, ...)
{
	va_list ap;

	if (ctx->stop)
		return;
	if (ctx->n_errors == MW_CONFIG_MAX_ERRORS) {
		ctx->stop = true;
		return;
	}
	struct config_msg *m;
	ctx->msgs = xrealloc(ctx->msgs, (size_t)(ctx->n_errors + 1) * sizeof *ctx->msgs);
	m = &ctx->msgs[ctx->n_errors];
	m->line = line;
	m->seq = ctx->n_errors++;
	va_start(ap, fmt);
	if (vasprintf(&m->text, fmt, ap) < 0)
		fatal("config: out of memory");
	va_end(ap);
}

/* By line; messages about the whole file last; else in discovery order. */
static int cmp_msg(const void *a, const void *b)
{
	const struct config_msg *x = a, *y = b;
	long lx = x->line > 0 ? x->line : INT_MAX, ly = y->line > 0 ? y->line : INT_MAX;
	if (lx != ly)
		return lx < ly ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* Writes the messages, sorted, to ctx->errors and frees them. */
static void flush_errors(struct load_ctx *ctx)
{
	if (ctx->n_errors > 0)
		qsort(ctx->msgs, (size_t)ctx->n_errors, sizeof *ctx->msgs, cmp_msg);
	for (int i = 0; i < ctx->n_errors; i++) {
		if (ctx->msgs[i].line > 0)
			strbuf_printf(ctx->errors, "%s:%d: %s\n", ctx->name, ctx->msgs[i].line, ctx->msgs[i].text);
		else
			strbuf_printf(ctx->errors, "%s: %s\n", ctx->name, ctx->msgs[i].text);
		free(ctx->msgs[i].text);
	}
	if (ctx->stop)
		strbuf_printf(ctx->errors, "%s: stopped after %d errors; fix these and check again\n",
			      ctx->name, MW_CONFIG_MAX_ERRORS);
	free(ctx->msgs);
}

char *config_resolve_path(const struct load_ctx *ctx, const char *path)
{
	if (path[0] == '/' || ctx->base_dir == NULL)
		return xstrdup(path);
	while (strncmp(path, "./", 2) == 0)
		path += 2;
	return xasprintf("%s/%s", ctx->base_dir, path);
}

/* The next raw line, without its newline; NULL at the end. */
static char *next_line(struct load_ctx *ctx)
{
	if (ctx->file != NULL) {
		ssize_t n = getline(&ctx->linebuf, &ctx->linecap, ctx->file);
		if (n < 0)
			return NULL;
	} else {
		if (*ctx->text == '\0')
			return NULL;
		size_t n = strcspn(ctx->text, "\n");
		free(ctx->linebuf);
		ctx->linebuf = xstrndup(ctx->text, n);
		ctx->text += n + (ctx->text[n] == '\n');
	}
	ctx->linebuf[strcspn(ctx->linebuf, "\r\n")] = '\0';
	return ctx->linebuf;
}

static const char *skip_space(const char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	return s;
}

/* A key line longer than inih's buffer: split here, by inih's rules. */
static void long_key_line(struct load_ctx *ctx, const char *s)
{
	char *name, *value;

	if (!config_split_line(s, &name, &value)) {
		config_error(ctx, ctx->line, "cannot parse this line; write 'key = value', a [section] header or a ; comment");
		return;
	}
	config_key(ctx, name, value);
	free(name);
	free(value);
}

/* Looks at a line before inih does: section headers are handled here,
 * lines inih would refuse are reported here (all of them, with reasons),
 * key lines too long for inih's buffer (max) are handled here. Returns
 * false when inih must not see the line. */
static bool inspect_line(struct load_ctx *ctx, const char *raw, int max)
{
	if (ctx->line == 1 && strncmp(raw, "\xEF\xBB\xBF", 3) == 0)
		raw += 3;
	const char *s = skip_space(raw);
	bool comment = *s == '\0' || *s == ';' || *s == '#';
	bool fits = (int)strlen(raw) <= max - 3;

	ctx->line_indented = s != raw;
	if (!comment && strlen(raw) > CONFIG_MAX_LINE) {
		config_error(ctx, ctx->line, "line is longer than %d characters; shorten it", CONFIG_MAX_LINE);
		if (*s == '[')
			ctx->cur_type = CUR_INVALID;  /* its keys must not land elsewhere */
		else
			config_key_dropped(ctx, s);
		return false;
	}
	if (comment)
		return true;
	if (*s == '[') {
		config_section_header(ctx, s);
		return fits;
	}
	if (strpbrk(s, "=:") == NULL && !(ctx->line_indented && ctx->key_in_section)) {
		config_error(ctx, ctx->line, "expected 'key = value', a [section] header or a ; comment");
		return false;
	}
	if (!fits) {
		long_key_line(ctx, s);
		return false;
	}
	return true;
}

/* inih's reader: fgets-like. */
static char *read_for_inih(char *str, int num, void *stream)
{
	struct load_ctx *ctx = stream;

	if (ctx->stop)
		return NULL;
	char *raw = next_line(ctx);
	if (raw == NULL)
		return NULL;
	ctx->line++;
	if (!inspect_line(ctx, raw, num))
		raw = "";  /* already reported; inih sees an empty line */
	snprintf(str, (size_t)num, "%s\n", raw);
	return str;
}

static int handler_for_inih(void *user, const char *section, const char *name, const char *value)
{
	(void)section;  /* we track sections ourselves, with their lines */
	config_key(user, name, value);
	return 1;
}

static void set_base_dir(struct load_ctx *ctx, const char *name)
{
	char *copy = xstrdup(name);
	char *dir = dirname(copy);
	char *real = realpath(dir, NULL);
	ctx->base_dir = real ? real : xstrdup(dir);
	free(copy);
}

static struct mw_config *load(struct load_ctx *ctx)
{
	ctx->cfg = xcalloc(1, sizeof *ctx->cfg);
	ctx->cfg->path = xstrdup(ctx->name);
	ctx->cur_type = CUR_NONE;
	int rc = ini_parse_stream(read_for_inih, ctx, handler_for_inih, ctx);
	if (rc > 0 && !ctx->stop && !line_reported(ctx, rc))
		config_error(ctx, rc, "cannot parse this line; write 'key = value', a [section] header or a ; comment");
	if (!ctx->stop)
		config_finish(ctx);
	struct mw_config *cfg = ctx->cfg;
	if (ctx->n_errors > 0) {
		config_free(cfg);
		cfg = NULL;
	}
	flush_errors(ctx);
	free(ctx->base_dir);
	free(ctx->linebuf);
	free(ctx->feed_lines);
	free(ctx->channel_lines);
	return cfg;
}

struct mw_config *config_load(const char *path, struct strbuf *errors)
{
	struct load_ctx ctx = { .name = path, .errors = errors };

	ctx.file = fopen(path, "r");
	if (ctx.file == NULL) {
		strbuf_printf(errors, "%s: cannot open: %s; pass the right file with -c FILE or set MOUWATCH_CONFIG\n",
			      path, strerror(errno));
		return NULL;
	}
	set_base_dir(&ctx, path);
	struct mw_config *cfg = load(&ctx);
	if (ferror(ctx.file) && cfg != NULL) {
		strbuf_printf(errors, "%s: read error: %s\n", path, strerror(errno));
		config_free(cfg);
		cfg = NULL;
	}
	fclose(ctx.file);
	return cfg;
}

struct mw_config *config_load_string(const char *text, const char *name, struct strbuf *errors)
{
	struct load_ctx ctx = { .name = name, .text = text, .errors = errors };

	set_base_dir(&ctx, name);
	return load(&ctx);
}
