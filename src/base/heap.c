#include "heap.h"

#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

enum { HUGE_PAGE = 2 << 20, FIRST_BLOCK = 256 << 10, SMALL_PAGE = 4 << 10 };

/* Fills the heap below its first huge page, never used nor freed: its
 * pages are never touched, and what the program allocates starts on a huge
 * page. Kept here so that a leak checker still reaches it, and volatile so
 * that the compiler keeps an allocation nothing reads. */
static void *volatile below_huge_pages;

static uintptr_t round_down(uintptr_t address)
{
    return address & ~(uintptr_t)(HUGE_PAGE - 1);
}

bool heap_prefer_huge_pages(void)
{
    mallopt(M_MMAP_THRESHOLD, HEAP_STEP);
    mallopt(M_TOP_PAD, HEAP_STEP);
    mallopt(M_TRIM_THRESHOLD, 2 * HEAP_STEP); /* the step is kept whole */
    /* More than the heap has free: it grows by HEAP_STEP now, and the
     * block starts where the heap's free space does. */
    char *block = malloc(FIRST_BLOCK);
    if (!block)
        return false;
    uintptr_t start = round_down((uintptr_t)block + HUGE_PAGE - 1);
    uintptr_t end = round_down((uintptr_t)sbrk(0));
    free(block);
    if (end <= start || madvise((void *)start, end - start, MADV_HUGEPAGE) != 0)
        return false;
    size_t below = start - (uintptr_t)block;
    if (below > SMALL_PAGE)
        below_huge_pages = malloc(below - 2 * sizeof(size_t)); /* less its header */
    return true;
}

void heap_keep_freed_memory(void)
{
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
}
