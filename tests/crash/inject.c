/* A stand-in for a library's bug, for tests/e2e_crash.sh only: loaded with
 * LD_PRELOAD, it takes the place of cmark-gfm's cmark_parser_feed and, when
 * the Markdown holds one of the markers below, fails there the way a bug in
 * a library would, in the process building that document; otherwise it
 * hands the text to the real function. Never linked into planpress.
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

typedef struct cmark_parser cmark_parser;
typedef void feed_fn(cmark_parser *, const char *, size_t);

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

void cmark_parser_feed(cmark_parser *parser, const char *buffer, size_t len)
{
    if (has(buffer, len, "INJECT-SEGFAULT"))
        *(volatile int *)(uintptr_t)8 = 1; /* the first page is never mapped */
    if (has(buffer, len, "INJECT-ABORT"))
        abort();
    if (has(buffer, len, "INJECT-RECURSION"))
        deeper(NULL);
    if (has(buffer, len, "INJECT-EXIT"))
        _exit(3);
    while (has(buffer, len, "INJECT-HANG"))
        pause();
    feed_fn *real = (feed_fn *)dlsym(RTLD_NEXT, "cmark_parser_feed");
    real(parser, buffer, len);
}
