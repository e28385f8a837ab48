/* Prints the Markdown of a plan as the default templates make it (load,
 * compute, context, template), so that a peer pipeline can typeset the very
 * text planpress typesets. For the benchmark only.
 * usage: markdown PLAN TEMPLATES_DIR */
#include <stdio.h>
#include <string.h>

#include "budget.h"
#include "context.h"
#include "load.h"
#include "mustache.h"

typedef struct {
    arena *mem;
    const char *dirs[2];
} finder;

static const char *find_template(void *ctx, const char *name, const char **file)
{
    finder *f = ctx;
    for (size_t i = 0; i < 2; i++) {
        char *path = arena_printf(f->mem, "%s/%s.mustache", f->dirs[i], name);
        FILE *in = fopen(path, "rb");
        if (!in)
            continue;
        strbuf sb = {0};
        char buf[8192];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, in)) > 0)
            strbuf_append(&sb, buf, n);
        fclose(in);
        char *text = arena_strndup(f->mem, sb.data ? sb.data : "", sb.len);
        strbuf_free(&sb);
        *file = path;
        return text;
    }
    return NULL;
}

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
        finder f = {&mem, {p->assoc->dir, argv[2]}};
        const char *file = NULL;
        const char *source = find_template(&f, "plan", &file);
        mustache_partials partials = {find_template, &f};
        mustache_options opt = {MUSTACHE_ESCAPE_MARKDOWN, &partials};
        ok = source && mustache_render(&mem, file, source, ctx, &opt, &out, &dl);
    }
    diag_print_all(&dl, stderr);
    if (ok)
        fwrite(out.data, 1, out.len, stdout);
    strbuf_free(&out);
    arena_free(&mem);
    return ok ? 0 : 1;
}
