/* config_line.c: a 'key = value' line split by the rules libinih uses
 * (name up to the first '=' or ':', a ';' after white space starts an
 * inline comment, both sides trimmed), for lines longer than the line
 * buffer Debian's libinih is built with (INI_MAX_LINE, 200 bytes, fixed
 * at its compile time): a long feed URL must still be configurable. */
#include "config_priv.h"
#include "xalloc.h"

#include <ctype.h>
#include <string.h>

/* The first of chars in s (any when NULL) or the start of an inline
 * comment, whichever comes first; the end of s when neither. */
static const char *find_chars_or_comment(const char *s, const char *chars)
{
	bool was_space = false;

	for (; *s && (!chars || !strchr(chars, *s)) &&
	       !(was_space && *s == ';'); s++)
		was_space = isspace((unsigned char)*s);
	return s;
}

static char *trimmed(const char *from, const char *to)
{
	while (from < to && isspace((unsigned char)*from))
		from++;
	while (to > from && isspace((unsigned char)to[-1]))
		to--;
	return xstrndup(from, (size_t)(to - from));
}

bool config_split_line(const char *s, char **name, char **value)
{
	const char *sep = find_chars_or_comment(s, "=:");

	if (*sep != '=' && *sep != ':')
		return false;
	const char *v = sep + 1;
	*name = trimmed(s, sep);
	*value = trimmed(v, find_chars_or_comment(v, NULL));
	return true;
}
