/* heap_prefer_huge_pages: the kernel's own account of the process
 * (/proc/self/smaps) shows the heap asked for huge pages, and a large
 * buffer in the heap rather than in a mapping of its own. */
#include "test_support.h"

#include <stdint.h>
#include <stdio.h>

#include "heap.h"

/* The kernel offers transparent huge pages to a process that asks. */
static bool kernel_offers_huge_pages(void)
{
    char mode[128] = "";
    FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");
    if (!f)
        return false;
    bool read = fgets(mode, sizeof mode, f) != NULL;
    fclose(f);
    return read && !strstr(mode, "[never]");
}

/* The line of /proc/self/smaps that begins with `field` in the block of
 * the mapping holding `address` (its first line when `field` is NULL),
 * copied into `line`. */
static bool mapping_line(uintptr_t address, const char *field, char *line, size_t size)
{
    FILE *f = fopen("/proc/self/smaps", "r");
    assert_non_null(f);
    bool inside = false, found = false;
    unsigned long start, end;
    while (!found && fgets(line, (int)size, f)) {
        if (sscanf(line, "%lx-%lx ", &start, &end) == 2) {
            inside = start <= address && address < end;
            found = inside && !field;
        } else {
            found = inside && field && strncmp(line, field, strlen(field)) == 0;
        }
    }
    fclose(f);
    return found;
}

static void heap_asks_for_huge_pages(void **state)
{
    (void)state;
#ifdef __SANITIZE_ADDRESS__
    skip(); /* AddressSanitizer's allocator has no brk heap to lay out */
#endif
    if (!kernel_offers_huge_pages())
        skip();
    assert_true(heap_prefer_huge_pages());
    size_t size = 3 << 20; /* more than a huge page, less than HEAP_STEP */
    char *buffer = malloc(size);
    assert_non_null(buffer);
    memset(buffer, 1, size);
    uintptr_t first = (uintptr_t)buffer;
    char line[512];
    /* in the heap, not a mapping of its own */
    assert_true(mapping_line(first, NULL, line, sizeof line));
    assert_non_null(strstr(line, "[heap]"));
    /* "hg": the mapping was advised MADV_HUGEPAGE, from the buffer's
     * first byte on (the heap below its first huge page is filled) */
    assert_true(mapping_line(first, "VmFlags:", line, sizeof line));
    assert_non_null(strstr(line, " hg"));
    free(buffer);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(heap_asks_for_huge_pages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
