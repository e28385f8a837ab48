/* Checks data files as `planpress check` does (check.h) and prints every
 * diagnostic as planpress does; the exit status is check's (1 for an error,
 * or with --strict for a warning too). The bad-input corpus (run.sh) uses it
 * for the kinds of file the command line does not build.
 * usage: load [--strict] FILE... */
#include <stdio.h>
#include <string.h>

#include "check.h"

int main(int argc, char **argv)
{
    check_options opt = {.strict = argc > 1 && strcmp(argv[1], "--strict") == 0};
    int first = opt.strict ? 2 : 1;
    if (argc <= first) {
        fputs("usage: load [--strict] FILE...\n", stderr);
        return 2;
    }
    arena mem;
    arena_init(&mem);
    diag_list dl;
    diag_list_init(&dl, &mem);
    strbuf report = {0};
    int status =
        check_files((const char *const *)argv + first, (size_t)(argc - first), &opt, &report, &dl);
    diag_print_all(&dl, stderr);
    strbuf_free(&report);
    arena_free(&mem);
    return status;
}
