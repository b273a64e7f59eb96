/* heap.c: owns the process's relation with the C library's allocator.
 *
 * Measured in the soak (docs/reliability.md): mouwatchd's live heap stays
 * at 7-8 MB, but glibc kept every freed byte of it, so its RSS grew with
 * the largest feeds and pages it had seen (24 MB -> 91 MB over 45,000
 * articles, malloc_trim() brought it back to 23 MB). Two causes:
 * glibc raises its mmap threshold to the size of the largest block freed
 * (up to 32 MB), after which big feed bodies are carved from the heap and
 * leave holes; and it trims only the top of the heap. So: a fixed mmap
 * threshold (large bodies are mapped and unmapped whole), and a periodic
 * malloc_trim() that also releases free pages in the middle. */
#include "heap.h"

#include <stdio.h>
#include <stdlib.h>   /* defines __GLIBC__ where it is glibc */
#include <unistd.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

/* Blocks from this size up get their own mapping. Fixing the value turns
 * off glibc's dynamic threshold. */
#define HEAP_MMAP_THRESHOLD (256 * 1024)

void heap_tune(void)
{
#if defined(__GLIBC__)
	mallopt(M_MMAP_THRESHOLD, HEAP_MMAP_THRESHOLD);
#endif
}

bool heap_stats(struct heap_stats *s)
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
	struct mallinfo2 mi = mallinfo2();

	s->in_use = mi.uordblks + mi.hblkhd;
	s->free = mi.fordblks;
	return true;
#else
	s->in_use = s->free = 0;
	return false;
#endif
}

size_t heap_release(size_t threshold)
{
	struct heap_stats s;

	if (!heap_stats(&s) || s.free <= threshold)
		return 0;
#if defined(__GLIBC__)
	malloc_trim(0);
#endif
	return s.free;
}

size_t heap_resident_bytes(void)
{
	unsigned long pages = 0, resident = 0;
	FILE *f = fopen("/proc/self/statm", "re");

	if (!f)
		return 0;
	if (fscanf(f, "%lu %lu", &pages, &resident) != 2)
		resident = 0;
	fclose(f);
	return (size_t)resident * (size_t)sysconf(_SC_PAGESIZE);
}
