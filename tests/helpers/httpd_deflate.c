/* httpd_deflate.c: zlib compression for mw-httpd — whole bodies for
 * ?encoding=gzip|deflate, and the gzip bomb (zeros streamed through deflate,
 * segment by segment, so the 1 GiB it inflates to never exists in memory). */
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "httpd.h"
#include "xalloc.h"

/* windowBits 15 + 16 asks zlib for a gzip wrapper (gzip > 0); plain 15
 * gives the zlib format that HTTP calls "deflate" (gzip == 0); -15 gives
 * raw deflate without any wrapper (gzip < 0). */
static int start(z_stream *zs, int gzip, int level)
{
	int bits = gzip > 0 ? 15 + 16 : gzip == 0 ? 15 : -15;

	memset(zs, 0, sizeof *zs);
	return deflateInit2(zs, level, Z_DEFLATED, bits, 9, Z_DEFAULT_STRATEGY);
}

/* Appends deflate's output for the current input to *out (grown as
 * needed). Returns deflate's last status. */
static int pump(z_stream *zs, int flush, unsigned char **out, size_t *cap,
		size_t *len)
{
	int rc;

	do {
		if (*cap - *len < 4096) {
			*cap = *cap * 2 + 4096;
			*out = xrealloc(*out, *cap);
		}
		zs->next_out = *out + *len;
		zs->avail_out = (uInt)(*cap - *len);
		rc = deflate(zs, flush);
		*len = *cap - zs->avail_out;
	} while (rc == Z_OK && (zs->avail_out == 0 || zs->avail_in > 0 ||
				 (flush == Z_FINISH)));
	return rc;
}

static unsigned char *finish(z_stream *zs, int rc, unsigned char *out,
			     size_t len, size_t *out_len)
{
	deflateEnd(zs);
	if (rc != Z_STREAM_END) {
		free(out);
		*out_len = 0;
		return NULL;
	}
	*out_len = len;
	return out;
}

unsigned char *deflate_buffer(const void *data, size_t len, int gzip,
			      size_t *out_len)
{
	z_stream zs;
	unsigned char *out = NULL;
	size_t cap = 0, n = 0;
	int rc;

	*out_len = 0;
	if (start(&zs, gzip, Z_DEFAULT_COMPRESSION) != Z_OK)
		return NULL;
	zs.next_in = (Bytef *)data;
	zs.avail_in = (uInt)len;  /* test files are far below 4 GiB */
	rc = pump(&zs, Z_FINISH, &out, &cap, &n);
	return finish(&zs, rc, out, n, out_len);
}

/* Compresses one MiB of zeros into a raw deflate segment that ends with a
 * full flush: byte-aligned and referring to nothing before it, so copies of
 * it can be laid end to end. Appends the final (empty) block to *fin. */
static int zero_segment(unsigned char **seg, size_t *seg_len,
			unsigned char **fin, size_t *fin_len)
{
	static const unsigned char zeros[64 * 1024];
	z_stream zs;
	size_t cap = 0, fcap = 0;
	int rc = Z_OK;

	if (start(&zs, -1, Z_BEST_COMPRESSION) != Z_OK)
		return -1;
	for (int i = 0; i < 16 && rc == Z_OK; i++) {
		zs.next_in = (Bytef *)zeros;
		zs.avail_in = sizeof zeros;
		rc = pump(&zs, Z_NO_FLUSH, seg, &cap, seg_len);
	}
	if (rc == Z_OK || rc == Z_BUF_ERROR)
		rc = pump(&zs, Z_FULL_FLUSH, seg, &cap, seg_len);
	if (rc == Z_OK || rc == Z_BUF_ERROR)
		rc = pump(&zs, Z_FINISH, fin, &fcap, fin_len);
	deflateEnd(&zs);
	return rc == Z_STREAM_END ? 0 : -1;
}

static void put_le32(unsigned char *p, uLong v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

/* gzip header, mib copies of the segment, the final block, then the
 * trailer: CRC-32 (combined per MiB, never computed over 1 GiB) and the
 * length mod 2^32. */
unsigned char *gzip_zeros(size_t mib, size_t *out_len)
{
	static const unsigned char header[10] = { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3 };
	static const unsigned char zeros[64 * 1024];
	unsigned char *seg = NULL, *fin = NULL, *out, *p;
	size_t seg_len = 0, fin_len = 0;
	uLong crc_mib = crc32(0L, Z_NULL, 0), crc = crc32(0L, Z_NULL, 0);

	*out_len = 0;
	if (zero_segment(&seg, &seg_len, &fin, &fin_len) != 0) {
		free(seg);
		free(fin);
		return NULL;
	}
	for (int i = 0; i < 16; i++)
		crc_mib = crc32(crc_mib, zeros, sizeof zeros);
	*out_len = sizeof header + mib * seg_len + fin_len + 8;
	p = out = xmalloc(*out_len);
	memcpy(p, header, sizeof header);
	p += sizeof header;
	for (size_t i = 0; i < mib; i++, p += seg_len) {
		memcpy(p, seg, seg_len);
		crc = crc32_combine(crc, crc_mib, 1024L * 1024);
	}
	memcpy(p, fin, fin_len);
	p += fin_len;
	put_le32(p, crc);
	put_le32(p + 4, (uLong)((mib * 1024 * 1024) & 0xffffffffu));
	free(seg);
	free(fin);
	return out;
}
