/* Prints the Markdown of a plan as the default templates make it (load,
 * compute, context, template), so that a peer pipeline can typeset the very
 * text planpress typesets. For the benchmark only.
 * usage: markdown PLAN TEMPLATES_DIR */
#include <stdio.h>

#include "budget.h"
#include "context.h"
#include "load.h"
#include "templates.h"

int main(int argc, char **argv)
{
    if (argc != 3) {
        fputs("usage: markdown PLAN TEMPLATES_DIR\n", stderr);
        return 2;
    }
    arena mem;
    arena_init(&mem);
    diag_list dl;
    diag_list_init(&dl, &mem);
    strbuf out = {0};
    plan *p = load_plan(&mem, argv[1], &dl);
    bool ok = false;
    if (p) {
        budget_figures figures = budget_compute(&mem, &p->budget);
        value *ctx = context_for_plan(&mem, p, &figures);
        const char *dirs[] = {p->assoc->dir, argv[2]};
        template_store templates;
        templates_init(&templates, &mem, dirs, 2);
        ok = templates_render_markdown(&templates, "plan", ctx, &out, &dl);
    }
    diag_print_all(&dl, stderr);
    if (ok)
        fwrite(out.data, 1, out.len, stdout);
    strbuf_free(&out);
    arena_free(&mem);
    return ok ? 0 : 1;
}
