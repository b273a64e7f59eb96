/* tz.c: owns reading TZif files (RFC 8536: version 1 data, or the 64-bit
 * data of versions 2+) into transition tables, a process-wide cache of
 * the zones read, and the offset of a zone at a local wall time. */
#include "tz.h"
#include "xalloc.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct mw_tz {
	char *name;
	size_t n;             /* transitions */
	int64_t *at;          /* UTC seconds of each transition, ascending */
	int32_t *off;         /* offset from each transition on */
	int32_t first;        /* offset before the first transition */
	struct mw_tz *next;   /* the cache */
};

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static struct mw_tz *cache;

static int64_t be(const unsigned char *p, int n)
{
	uint64_t v = 0;

	for (int i = 0; i < n; i++)
		v = v << 8 | p[i];
	if (n == 4)
		return (int32_t)(uint32_t)v;
	return (int64_t)v;
}

struct tzif_counts { size_t isut, isstd, leap, time, type, chars; };

static bool counts(const unsigned char *p, size_t len, struct tzif_counts *c)
{
	if (len < 44 || memcmp(p, "TZif", 4) != 0)
		return false;
	size_t v[6];
	for (int i = 0; i < 6; i++)
		v[i] = (size_t)(uint32_t)be(p + 20 + 4 * i, 4);
	*c = (struct tzif_counts){ v[0], v[1], v[2], v[3], v[4], v[5] };
	return c->type > 0 && c->type <= 256 && c->time <= 100000 && c->chars <= 100000 && c->leap <= 100000;
}

static size_t data_len(const struct tzif_counts *c, int tsize)
{
	return c->time * (size_t)tsize + c->time + c->type * 6 + c->chars
	       + c->leap * (size_t)(tsize + 4) + c->isstd + c->isut;
}

/* The tables of the data block at p (times of tsize bytes). */
static bool read_block(struct mw_tz *z, const unsigned char *p, size_t len, const struct tzif_counts *c, int tsize)
{
	if (len < data_len(c, tsize))
		return false;
	const unsigned char *idx = p + c->time * (size_t)tsize, *types = idx + c->time;
	z->n = c->time;
	z->at = xcalloc(c->time + 1, sizeof *z->at);
	z->off = xcalloc(c->time + 1, sizeof *z->off);
	for (size_t i = 0; i < c->time; i++) {
		if (idx[i] >= c->type)
			return false;
		z->at[i] = be(p + i * (size_t)tsize, tsize);
		z->off[i] = (int32_t)be(types + 6 * idx[i], 4);
	}
	/* Before the first transition: the first standard-time type. */
	z->first = (int32_t)be(types, 4);
	for (size_t t = 0; t < c->type; t++)
		if (types[6 * t + 4] == 0) {
			z->first = (int32_t)be(types + 6 * t, 4);
			break;
		}
	return true;
}

static bool parse(struct mw_tz *z, const unsigned char *p, size_t len)
{
	struct tzif_counts c;

	if (!counts(p, len, &c))
		return false;
	if (p[4] == '\0')
		return read_block(z, p + 44, len - 44, &c, 4);
	size_t skip = 44 + data_len(&c, 4);
	if (len < skip || !counts(p + skip, len - skip, &c))
		return false;
	return read_block(z, p + skip + 44, len - skip - 44, &c, 8);
}

static struct mw_tz *load(const char *name)
{
	const char *dir = getenv("TZDIR");
	if (dir == NULL || *dir == '\0')
		dir = "/usr/share/zoneinfo";
	if (name[0] == '/' || strstr(name, ".."))
		return NULL;
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "rb");
	free(path);
	if (f == NULL)
		return NULL;
	unsigned char *buf = xmalloc(1 << 20);
	size_t len = fread(buf, 1, 1 << 20, f);
	fclose(f);
	struct mw_tz *z = xcalloc(1, sizeof *z);
	if (!parse(z, buf, len)) {
		free(z->at);
		free(z->off);
		free(z);
		z = NULL;
	} else {
		z->name = xstrdup(name);
	}
	free(buf);
	return z;
}

const struct mw_tz *mw_tz_get(const char *name)
{
	struct mw_tz *z;

	if (name == NULL || *name == '\0')
		return NULL;
	pthread_mutex_lock(&cache_lock);
	for (z = cache; z; z = z->next)
		if (strcmp(z->name, name) == 0)
			break;
	if (z == NULL && (z = load(name)) != NULL) {
		z->next = cache;
		cache = z;
	}
	pthread_mutex_unlock(&cache_lock);
	return z;
}

/* The offset in force at UTC time t. */
static int32_t offset_at(const struct mw_tz *z, int64_t t)
{
	size_t lo = 0, hi = z->n;

	if (z->n == 0 || t < z->at[0])
		return z->first;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (z->at[mid] <= t)
			lo = mid;
		else
			hi = mid;
	}
	return z->off[lo];
}

int32_t mw_tz_local_offset(const struct mw_tz *z, int64_t local)
{
	int32_t off = offset_at(z, local - offset_at(z, local));
	/* In a gap or an overlap the second guess settles it. */
	int32_t again = offset_at(z, local - off);

	return again;
}
