#include "document.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "budget.h"
#include "context.h"
#include "layout.h"
#include "load.h"
#include "pdf.h"
#include "strbuf.h"
#include "templates.h"

bool document_render_plan(const render_env *env, const char *plan_path, const char *pdf_path,
                          diag_list *dl)
{
    arena mem;
    arena_init(&mem);
    bool ok = false;
    size_t first_diag = dl->count;
    strbuf markdown = {0};
    plan *p = load_plan(&mem, plan_path, dl);
    if (p) {
        budget_figures figures = budget_compute(&mem, &p->budget);
        budget_cross_check(&p->budget, &figures, dl);
        value *ctx = context_for_plan(&mem, p, &figures);
        const char *template_dirs[] = {p->assoc->dir, env->templates_dir};
        template_store templates;
        templates_init(&templates, &mem, template_dirs, 2);
        if (templates_render_markdown(&templates, "plan", ctx, &markdown, dl)) {
            layout_info info = {.title = p->title,
                                .association = p->assoc->name,
                                .source = arena_printf(&mem, "%s (as Markdown)", p->file)};
            layout_doc doc;
            pdf_metadata meta = {.title = p->title,
                                 .author = p->assoc->name,
                                 .subject = p->subtitle,
                                 .keywords = "verksamhetsplan",
                                 .language = "sv-SE"};
            ok = layout_markdown(&mem, markdown.data, markdown.len, env->style, env->fonts, &info,
                                 &doc, dl) &&
                 pdf_write(&doc, env->fonts, &meta, pdf_path, dl);
        }
    }
    strbuf_free(&markdown);
    /* Diagnostics point into the arena: keep copies that outlive it. */
    for (size_t i = first_diag; i < dl->count; i++) {
        diag *d = &dl->items[i];
        d->file = d->file ? arena_strdup(dl->mem, d->file) : NULL;
        d->path = d->path ? arena_strdup(dl->mem, d->path) : NULL;
    }
    arena_free(&mem);
    return ok;
}
