/* heap.h: giving freed heap memory back to the kernel, and what the heap
 * holds (for `mouwatch status`). See heap.c for why this is needed. */
#ifndef MW_HEAP_H
#define MW_HEAP_H

#include <stdbool.h>
#include <stddef.h>

struct heap_stats {
	size_t in_use;   /* bytes handed out by malloc and not freed */
	size_t free;     /* bytes freed but kept by the allocator (resident
	                    until released) */
};

/* Once at start, before the first large allocation. */
void heap_tune(void);

/* Returns the allocator's free memory to the kernel when more than
 * `threshold` bytes of it are kept; returns the bytes kept before (0 when
 * below the threshold or unknown). Cheap when there is nothing to do. */
size_t heap_release(size_t threshold);

/* Fills *s; false where the C library cannot tell (not glibc). */
bool heap_stats(struct heap_stats *s);

/* The process's resident set in bytes (/proc/self/statm), 0 if unknown. */
size_t heap_resident_bytes(void);

#endif
