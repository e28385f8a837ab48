/* Fuzz target for the YAML loaders (load.h). Built once per kind of file:
 * -DFUZZ_LOADER=load_plan -DFUZZ_FILE='"plan-2024.yaml"', and so on. The
 * input is written to that file name in the scratch folder, beside the
 * Samsund association and plan. Besides the sanitizers, it checks the
 * loaders' contract: NULL exactly when an error was reported, and every
 * error about the input points into it. A plan that loads is also computed
 * and rendered with the default template, so fuzzed figures reach compute. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "budget.h"
#include "context.h"
#include "fuzz.h"
#include "load.h"
#include "templates.h"

#if !defined(FUZZ_LOADER) || !defined(FUZZ_FILE)
#error "define FUZZ_LOADER (a function of load.h) and FUZZ_FILE (the input's file name)"
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_dir();
    return 0;
}

/* Lines as YAML counts them: \n, \r\n, a lone \r, U+0085, U+2028 and U+2029. */
static int count_lines(const uint8_t *data, size_t size)
{
    int lines = 1;
    for (size_t i = 0; i < size; i++) {
        if (data[i] == '\n' || (data[i] == '\r' && (i + 1 == size || data[i + 1] != '\n')))
            lines++;
        else if (i + 1 < size && data[i] == 0xC2 && data[i + 1] == 0x85)
            lines++;
        else if (i + 2 < size && data[i] == 0xE2 && data[i + 1] == 0x80 &&
                 (data[i + 2] == 0xA8 || data[i + 2] == 0xA9))
            lines++;
    }
    return lines;
}

static void check_positions(const diag_list *dl, const char *path, int lines)
{
    for (size_t i = 0; i < dl->count; i++) {
        const diag *d = &dl->items[i];
        if (!d->message || !*d->message)
            fuzz_fail("a diagnostic without a message");
        if (d->line < 0 || d->col < 0)
            fuzz_fail("a diagnostic with a negative position");
        if (d->file && strcmp(d->file, path) == 0 && d->line > lines + 1)
            fuzz_fail("a diagnostic points past the end of the input");
    }
}

/* The default plan template with the loaded plan, as a document would be. */
static void render_plan(arena *mem, const plan *p, diag_list *dl)
{
    budget_figures figures = budget_compute(mem, &p->budget);
    budget_cross_check(&p->budget, &figures, dl);
    value *ctx = context_for_plan(mem, p, &figures);
    const char *dirs[] = {PLANPRESS_ROOT "/templates"};
    template_store templates;
    templates_init(&templates, mem, dirs, 1);
    strbuf out = {0};
    templates_render_markdown(&templates, "plan", ctx, &out, dl);
    strbuf_free(&out);
}

static void after_load(arena *mem, const void *loaded, diag_list *dl)
{
#ifdef FUZZ_RENDER_PLAN
    render_plan(mem, loaded, dl);
#else
    (void)render_plan;
    (void)mem;
    (void)loaded;
    (void)dl;
#endif
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_write(FUZZ_FILE, data, size);
    arena mem;
    arena_init(&mem);
    diag_list dl;
    diag_list_init(&dl, &mem);
    const void *loaded = FUZZ_LOADER(&mem, path, &dl);
    if (!loaded && dl.errors == 0)
        fuzz_fail("the loader failed without reporting an error");
    if (loaded && dl.errors > 0)
        fuzz_fail("the loader reported an error but returned a result");
    check_positions(&dl, path, count_lines(data, size));
    if (loaded)
        after_load(&mem, loaded, &dl);
    arena_free(&mem);
    return 0;
}
