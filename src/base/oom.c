#include "oom.h"

#include <unistd.h>

_Noreturn void out_of_memory(void)
{
    /* Nothing that could allocate: write(2) and _exit(2) only. */
    static const char msg[] = "planpress: out of memory\n";
    ssize_t n = write(STDERR_FILENO, msg, sizeof msg - 1);
    (void)n;
    _exit(OOM_EXIT_STATUS);
}

void *oom_check(void *p)
{
    if (!p)
        out_of_memory();
    return p;
}
