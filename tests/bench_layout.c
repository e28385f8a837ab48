/* bench_layout: how long the typesetting stage takes for one document. Runs
 * the Samsund plan through load, compute and template once, then lays the
 * Markdown out N times (and, with --pdf, writes the PDF N times too) and
 * prints the processor time per document: the best batch of 20 runs (on a
 * busy machine the least disturbed) and the mean. With --markdown it prints the Markdown
 * instead (tests/corpus/samsund-2024.md was made so).
 *
 * Not built by make; from the top of the repository, after make build:
 *   cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -Isrc $(pkg-config --cflags harfbuzz) \
 *      tests/bench_layout.c .build/libplanpress.a $(sed -n 's/^PKG_LIBS := //p' \
 *      .build/config.mk) -o .build/bench_layout
 *   .build/bench_layout [--markdown | --pdf] [N]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "budget.h"
#include "context.h"
#include "fonts.h"
#include "layout.h"
#include "load.h"
#include "mustache.h"
#include "pdf.h"
#include "style.h"

static const char *read_file(arena *mem, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    strbuf sb = {0};
    char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        strbuf_append(&sb, buf, n);
    fclose(f);
    const char *copy = arena_strndup(mem, sb.data ? sb.data : "", sb.len);
    strbuf_free(&sb);
    return copy;
}

static const char *find_template(void *ctx, const char *name, const char **file)
{
    arena *mem = ctx;
    *file = arena_printf(mem, "templates/%s.mustache", name);
    return read_file(mem, *file);
}

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void print_errors(const diag_list *dl)
{
    for (size_t i = 0; i < dl->count; i++)
        if (dl->items[i].severity == DIAG_ERROR)
            fprintf(stderr, "%s: %s\n", dl->items[i].file ? dl->items[i].file : "",
                    dl->items[i].message);
}

int main(int argc, char **argv)
{
    bool markdown_only = argc > 1 && strcmp(argv[1], "--markdown") == 0;
    bool pdf = argc > 1 && strcmp(argv[1], "--pdf") == 0;
    int runs = argc > 1 + (markdown_only || pdf) ? atoi(argv[1 + (markdown_only || pdf)]) : 200;
    arena mem;
    arena_init(&mem);
    diag_list dl = {.mem = &mem};
    style *st = style_load(&mem, "templates/style.yaml", &dl);
    font_set *fonts = st ? fonts_load(st, &dl) : NULL;
    plan *p = fonts ? load_plan(&mem, "plans/samsund/plan-2024.yaml", &dl) : NULL;
    if (!p) {
        print_errors(&dl);
        return 1;
    }
    budget_figures figures = budget_compute(&mem, &p->budget);
    value *ctx = context_for_plan(&mem, p, &figures);
    const char *file, *source = find_template(&mem, "plan", &file);
    mustache_partials partials = {find_template, &mem};
    mustache_options opt = {MUSTACHE_ESCAPE_MARKDOWN, &partials};
    strbuf md = {0};
    if (!source || !mustache_render(&mem, file, source, ctx, &opt, &md, &dl)) {
        print_errors(&dl);
        return 1;
    }
    if (markdown_only) {
        fwrite(md.data, 1, md.len, stdout);
    } else {
        layout_info info = {p->title, p->assoc->name};
        pdf_metadata meta = {.title = p->title, .language = "sv-SE"};
        size_t pages = 0, boxes = 0;
        double best = 1e9, total = 0; /* per document: the best batch, and all */
        for (int done = 0; done < runs;) {
            int batch = runs - done < 20 ? runs - done : 20;
            double start = seconds();
            for (int i = 0; i < batch; i++) {
                arena doc_mem;
                arena_init(&doc_mem);
                layout_doc doc;
                if (!layout_markdown(&doc_mem, md.data, md.len, st, fonts, &info, &doc, &dl) ||
                    (pdf && !pdf_write(&doc, fonts, &meta, "/tmp/bench_layout.pdf", &dl))) {
                    print_errors(&dl);
                    return 1;
                }
                pages = doc.npages;
                boxes = 0;
                for (size_t k = 0; k < doc.npages; k++)
                    boxes += doc.pages[k].count;
                arena_free(&doc_mem);
            }
            double spent = seconds() - start;
            total += spent;
            best = spent / batch < best ? spent / batch : best;
            done += batch;
        }
        printf("%s: %zu pages, %zu boxes, %.3f ms per document (best batch of 20; mean %.3f "
               "ms over %d runs)\n",
               pdf ? "layout and PDF" : "layout", pages, boxes, best * 1000, total / runs * 1000,
               runs);
    }
    strbuf_free(&md);
    fonts_free(fonts);
    arena_free(&mem);
    return 0;
}
