/* Benchmark of the template stage: renders the Samsund plan's template
 * (templates/plan.mustache) with its context, as the document pipeline does.
 * Run from the repository's top folder: `make bench-template`.
 *   bench_template [-n RUNS] [--markdown]
 * --markdown prints the rendered Markdown once instead of timing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "budget.h"
#include "context.h"
#include "load.h"
#include "templates.h"

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

int main(int argc, char **argv)
{
    long runs = 20000;
    bool print = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-n") == 0 && i + 1 < argc)
            runs = strtol(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--markdown") == 0)
            print = true;
    }
    arena mem;
    arena_init(&mem);
    diag_list dl;
    diag_list_init(&dl, &mem);
    plan *p = load_plan(&mem, "plans/samsund/plan-2024.yaml", &dl);
    if (!p) {
        diag_print_all(&dl, stderr);
        return 1;
    }
    budget_figures figures = budget_compute(&mem, &p->budget);
    double t0 = now_us();
    value *ctx = context_for_plan(&mem, p, &figures);
    double t_context = now_us() - t0;

    const char *dirs[] = {p->assoc->dir, "templates"};
    template_store ts;
    templates_init(&ts, &mem, dirs, 2);
    strbuf out = {0};
    t0 = now_us();
    bool ok = templates_render_markdown(&ts, "plan", ctx, &out, &dl);
    double t_first = now_us() - t0;
    if (!ok) {
        diag_print_all(&dl, stderr);
        return 1;
    }
    if (print) {
        fwrite(out.data, 1, out.len, stdout);
    } else {
        size_t bytes = out.len;
        t0 = now_us();
        for (long i = 0; i < runs; i++) {
            out.len = 0;
            templates_render_markdown(&ts, "plan", ctx, &out, &dl);
        }
        double per_render = (now_us() - t0) / (double)runs;
        printf("template stage, Samsund plan (%zu bytes of Markdown):\n", bytes);
        printf("  context (model to value tree):        %8.1f us\n", t_context);
        printf("  first render (load + compile + render): %6.1f us\n", t_first);
        printf("  render, templates compiled:           %8.2f us (mean of %ld)\n", per_render,
               runs);
    }
    strbuf_free(&out);
    arena_free(&mem);
    return 0;
}
