/* A stand-in for a library's bug, for tests/e2e_crash.sh only: loaded with
 * LD_PRELOAD, it takes the place of libharu's HPDF_String_New, by which
 * planpress writes every heading into the PDF's outline, and, when the text
 * holds one of the markers below, fails there the way a bug in a library
 * would, in the process building that document; otherwise it hands the
 * text to the real function. Never linked into planpress.
 *
 *   INJECT-SEGFAULT   writes to address 8, in the page that is never mapped
 *   INJECT-ABORT      calls abort(), as a failed assertion does
 *   INJECT-RECURSION  recurses until the stack runs out
 *   INJECT-EXIT       ends the process with exit status 3
 *   INJECT-HANG       waits for ever, as a read that never returns would
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* libharu's types are pointers to its own structures */
typedef void *string_new_fn(void *mmgr, const char *value, void *encoder);

static int has(const char *buf, size_t len, const char *marker)
{
    return memmem(buf, len, marker, strlen(marker)) != NULL;
}

static int deeper(volatile char *above)
{
    volatile char frame[1024];
    frame[0] = above ? above[0] : 1;
    if (frame[0] == 0) /* never: the stack runs out first */
        return 0;
    return deeper(frame) + frame[0];
}

void *HPDF_String_New(void *mmgr, const char *value, void *encoder)
{
    size_t len = value ? strlen(value) : 0;
    if (has(value, len, "INJECT-SEGFAULT"))
        *(volatile int *)(uintptr_t)8 = 1; /* the first page is never mapped */
    if (has(value, len, "INJECT-ABORT"))
        abort();
    if (has(value, len, "INJECT-RECURSION"))
        deeper(NULL);
    if (has(value, len, "INJECT-EXIT"))
        _exit(3);
    while (has(value, len, "INJECT-HANG"))
        pause();
    string_new_fn *real = (string_new_fn *)dlsym(RTLD_NEXT, "HPDF_String_New");
    return real(mmgr, value, encoder);
}
