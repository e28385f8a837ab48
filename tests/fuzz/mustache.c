/* Fuzz target for the template engine (mustache.h). The input is a template,
 * rendered with Markdown escaping against the context of the Samsund plan, as
 * a document is. Partials come from templates/, and the partial "self" is
 * the input again, so recursion through partials is reached too. Checks that
 * a template that fails says why. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "budget.h"
#include "context.h"
#include "fuzz.h"
#include "load.h"
#include "mustache.h"

static arena sample_mem;
static const value *sample_context;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    arena_init(&sample_mem);
    diag_list dl;
    diag_list_init(&dl, &sample_mem);
    plan *p = load_plan(&sample_mem, PLANPRESS_ROOT "/plans/samsund/plan-2024.yaml", &dl);
    if (!p)
        fuzz_fail("the Samsund sample does not load");
    budget_figures figures = budget_compute(&sample_mem, &p->budget);
    sample_context = context_for_plan(&sample_mem, p, &figures);
    return 0;
}

/* Partials: "self" is the input again; other names come from templates/. */
static const char *load_partial(void *ctx, arena *mem, const char *name, int from,
                                const char **file, int *layer)
{
    (void)from;
    *layer = 0;
    if (strcmp(name, "self") == 0) {
        *file = "self.mustache";
        return ctx;
    }
    if (strchr(name, '/') || strlen(name) > 64)
        return NULL;
    char *path = arena_printf(mem, PLANPRESS_ROOT "/templates/%s.mustache", name);
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *text = arena_alloc(mem, 1 << 16);
    size_t n = fread(text, 1, (1 << 16) - 1, f);
    text[n] = '\0';
    fclose(f);
    *file = path;
    return text;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    arena mem;
    arena_init(&mem);
    diag_list dl;
    diag_list_init(&dl, &mem);
    char *input = arena_strndup(&mem, (const char *)data, size);
    mustache_loader partials = {.load = load_partial, .ctx = input, .where = "templates/"};
    mustache_options opt = {.escape = MUSTACHE_ESCAPE_MARKDOWN, .strict_partials = true};
    strbuf out = {0};
    bool ok =
        mustache_render(&mem, "fuzz.mustache", input, sample_context, &opt, &partials, &out, &dl);
    if (!ok && dl.errors == 0)
        fuzz_fail("a template failed without an error");
    if (ok && dl.errors > 0)
        fuzz_fail("a template with errors rendered");
    strbuf_free(&out);
    arena_free(&mem);
    return 0;
}
