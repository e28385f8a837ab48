/* Loads one data file with the loader of its kind and prints every
 * diagnostic as planpress does; exits 1 when there is an error. The bad-input
 * corpus (run.sh) uses it for the kinds of file the command line does not
 * build yet. usage: load KIND FILE (KIND: association, plan, outcome,
 * minutes, group). */
#include <stdio.h>
#include <string.h>

#include "load.h"

static const void *load(arena *mem, const char *kind, const char *path, diag_list *dl)
{
    if (strcmp(kind, "association") == 0)
        return load_association(mem, path, dl);
    if (strcmp(kind, "plan") == 0)
        return load_plan(mem, path, dl);
    if (strcmp(kind, "outcome") == 0)
        return load_outcome(mem, path, dl);
    if (strcmp(kind, "minutes") == 0)
        return load_minutes(mem, path, dl);
    if (strcmp(kind, "group") == 0)
        return load_group(mem, path, dl);
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fputs("usage: load KIND FILE\n", stderr);
        return 2;
    }
    arena mem;
    arena_init(&mem);
    diag_list dl;
    diag_list_init(&dl, &mem);
    const void *loaded = load(&mem, argv[1], argv[2], &dl);
    diag_print_all(&dl, stderr);
    int status = loaded && dl.errors == 0 ? 0 : 1;
    arena_free(&mem);
    return status;
}
