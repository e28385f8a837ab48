/* bench_pdf: how long the typesetting and writing stages take for one plan,
 * in process, after the fonts are loaded: Markdown to PDF bytes (layout +
 * pdf_render), split into its parts, and the whole document from YAML to a
 * file. Times are the thread's CPU time (so other work on the machine
 * matters less), as the median and the best of the rounds. Not a test:
 * prints figures. Run from the top folder:
 *     make bench-pdf   or   .build/bench_pdf [plan.yaml] [rounds] [times.txt]
 * With a third argument, each whole document's time (ms) is appended to
 * that file, a line each, for a median over several processes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "budget.h"
#include "context.h"
#include "document.h"
#include "fonts.h"
#include "layout.h"
#include "load.h"
#include "pdf.h"
#include "style.h"
#include "templates.h"

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* The plan's Markdown, as document.c makes it with the default templates. */
static bool plan_markdown(arena *mem, const char *plan_path, strbuf *md, plan **out, diag_list *dl)
{
    plan *p = load_plan(mem, plan_path, dl);
    if (!p)
        return false;
    budget_figures figures = budget_compute(mem, &p->budget);
    value *ctx = context_for_plan(mem, p, &figures);
    const char *dirs[] = {"templates"};
    template_store templates;
    templates_init(&templates, mem, dirs, 1);
    *out = p;
    return templates_render_markdown(&templates, "plan", ctx, md, dl);
}

typedef struct {
    double *layout, *pdf, *total; /* one per round */
    int rounds;
    size_t bytes, pages;
} figures;

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Sorts the times and prints the median and the best in milliseconds. */
static void print_times(const char *what, double *t, int n)
{
    qsort(t, (size_t)n, sizeof *t, compare_doubles);
    printf("%s: median %.3f ms, best %.3f ms\n", what, t[n / 2] * 1e3, t[0] * 1e3);
}

static bool append_times(const char *path, const double *t, int n)
{
    FILE *f = fopen(path, "a");
    if (!f)
        return false;
    for (int i = 0; i < n; i++)
        fprintf(f, "%.4f\n", t[i] * 1e3);
    return fclose(f) == 0;
}

static bool one_round(const char *md, size_t len, const style *st, const font_set *fonts,
                      const plan *p, figures *f, diag_list *dl)
{
    arena mem;
    arena_init(&mem);
    double t0 = now();
    layout_info info = {.title = p->title, .association = p->assoc->name};
    layout_doc doc;
    bool ok = layout_markdown(&mem, md, len, st, fonts, &info, &doc, dl);
    double t1 = now();
    pdf_metadata meta = {p->title, p->assoc->name, p->subtitle, "verksamhetsplan", "sv-SE"};
    pdf_bytes bytes = {NULL, 0};
    ok = ok && pdf_render(&doc, fonts, &meta, "bench", &bytes, dl);
    double t2 = now();
    f->layout[f->rounds] = t1 - t0;
    f->pdf[f->rounds] = t2 - t1;
    f->total[f->rounds++] = t2 - t0;
    f->bytes = bytes.len;
    f->pages = ok ? doc.npages : 0;
    free(bytes.data);
    arena_free(&mem);
    return ok;
}

int main(int argc, char **argv)
{
    const char *plan_path = argc > 1 ? argv[1] : "plans/samsund/plan-2024.yaml";
    int rounds = argc > 2 ? atoi(argv[2]) : 200;
    if (rounds < 1)
        rounds = 1;
    arena mem;
    arena_init(&mem);
    diag_list dl;
    diag_list_init(&dl, &mem);
    double t0 = now();
    style *st = style_load(&mem, "templates/style.yaml", &dl);
    font_set *fonts = st ? fonts_load(st, &dl) : NULL;
    double t_fonts = now() - t0;
    strbuf md = {0};
    plan *p = NULL;
    if (!fonts || !plan_markdown(&mem, plan_path, &md, &p, &dl)) {
        diag_print_all(&dl, stderr);
        return 1;
    }
    figures f = {calloc((size_t)rounds, sizeof(double)),
                 calloc((size_t)rounds, sizeof(double)),
                 calloc((size_t)rounds, sizeof(double)),
                 0,
                 0,
                 0};
    double *whole = calloc((size_t)rounds, sizeof(double));
    for (int i = 0; i < rounds; i++) {
        if (!one_round(md.data, md.len, st, fonts, p, &f, &dl)) {
            diag_print_all(&dl, stderr);
            return 1;
        }
    }
    render_env env;
    if (!render_env_open(&env, "templates", NULL, &dl)) {
        diag_print_all(&dl, stderr);
        return 1;
    }
    char out_path[64];
    snprintf(out_path, sizeof out_path, "/tmp/bench_pdf.%ld.pdf", (long)getpid());
    document_request req = {.source = plan_path, .pdf = out_path, .template_name = "plan"};
    for (int i = 0; i < rounds; i++) {
        double t3 = now();
        document_render_plan(&env, &req, &dl);
        whole[i] = now() - t3;
    }
    render_env_close(&env);
    remove(out_path);

    printf("%s: %zu pages, %zu bytes of PDF, %d rounds\n", plan_path, f.pages, f.bytes, rounds);
    printf("loading the style and fonts (once per process): %.2f ms\n", t_fonts * 1e3);
    print_times("Markdown to PDF bytes", f.total, rounds);
    print_times("  layout (layout_markdown)", f.layout, rounds);
    print_times("  PDF (pdf_render)", f.pdf, rounds);
    if (argc > 3 && !append_times(argv[3], whole, rounds)) {
        perror(argv[3]);
        return 1;
    }
    print_times("YAML to PDF file (document_render_plan)", whole, rounds);
    free(f.layout);
    free(f.pdf);
    free(f.total);
    free(whole);
    strbuf_free(&md);
    fonts_free(fonts);
    arena_free(&mem);
    return 0;
}
