/* heap: how malloc's heap is laid out and kept: in huge pages for a
 * cold run, its freed memory kept for a worker's next document. A cold run
 * touches about 4 MB of new heap; in pages of 4 KB that is some 900 page
 * faults, each 1.7 to 2.3 us on a virtual machine; in huge pages of 2 MB a
 * handful. */
#ifndef PP_HEAP_H
#define PP_HEAP_H

#include <stdbool.h>

enum {
    /* The heap grows by at least this much at a time, so that it spans
     * whole huge pages, and large buffers stay in it instead of each being
     * a mapping of its own. */
    HEAP_STEP = 16 << 20,
};

/* Asks for huge pages in the heap, where the kernel allows them
 * (transparent huge pages, "madvise" or "always"). Call it first in main,
 * before the heap holds much. False when the heap could not grow in one
 * piece or the kernel refused: the program then runs as before, in small
 * pages. */
bool heap_prefer_huge_pages(void);

/* A document's memory is freed whole when it is done. Kept by malloc
 * rather than given back to the system (its large blocks would be mapped
 * and unmapped one by one), the next document reuses the same pages
 * instead of faulting in new ones: 200 page faults fewer a plan. For a
 * worker, which builds one document after another. */
void heap_keep_freed_memory(void);

#endif
