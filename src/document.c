#include "document.h"

#include <cmark-gfm-core-extensions.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "allocation.h"
#include "budget.h"
#include "check.h"
#include "context.h"
#include "hyphenate.h"
#include "layout.h"
#include "load.h"
#include "pdf.h"
#include "strbuf.h"
#include "templates.h"

static void record_input(const input_recorder *inputs, const char *path)
{
    if (inputs)
        inputs->file(inputs->ctx, path);
}

bool render_env_open(render_env *env, const char *templates_dir, const input_recorder *inputs,
                     diag_list *dl)
{
    *env = (render_env){.templates_dir = templates_dir};
    arena_init(&env->mem);
    /* Registers the GFM extensions while only one thread runs. */
    cmark_gfm_core_extensions_ensure_registered();
    const char *style_path = arena_printf(&env->mem, "%s/style.yaml", templates_dir);
    record_input(inputs, style_path);
    env->style = style_load(&env->mem, style_path, dl);
    if (!env->style)
        return false;
    for (int f = 0; f < FACE_COUNT; f++)
        record_input(inputs, env->style->font_files[f]);
    const hyphenation_style *hy = &env->style->hyphenation;
    if (hy->dictionary) {
        record_input(inputs, hy->dictionary);
        hyphenator_shared(hy->dictionary, hy->left_min, hy->right_min); /* loads it now */
    }
    env->fonts = fonts_load(env->style, dl);
    return env->fonts != NULL;
}

void render_env_close(render_env *env)
{
    fonts_free(env->fonts);
    arena_free(&env->mem);
    *env = (render_env){0};
}

/* Every template the store could read for the document: each one in the
 * folders, and in the first folder the absent ones of the names the others
 * have, so that a template added there to override a default one counts.
 * More than the templates used; the store tells no more. */
static void record_templates(arena *mem, const input_recorder *inputs, const char *const *dirs,
                             int ndirs)
{
    if (!inputs)
        return;
    for (int i = ndirs - 1; i >= 0; i--) {
        DIR *d = dirs[i] ? opendir(dirs[i]) : NULL;
        struct dirent *e;
        while (d && (e = readdir(d))) {
            size_t n = strlen(e->d_name);
            if (e->d_name[0] == '.' || n <= 9 || strcmp(e->d_name + n - 9, ".mustache") != 0)
                continue;
            for (int j = 0; j <= i; j++)
                if (dirs[j])
                    record_input(inputs, arena_printf(mem, "%s/%s", dirs[j], e->d_name));
        }
        if (d)
            closedir(d);
    }
}

/* The files a document of an association is loaded from: its source and
 * the association.yaml beside it. */
static void record_source_and_association(arena *mem, const document_request *req)
{
    if (!req->inputs)
        return;
    record_input(req->inputs, req->source);
    const char *slash = strrchr(req->source, '/');
    const char *dir = slash ? arena_strndup(mem, req->source, (size_t)(slash - req->source)) : ".";
    record_input(req->inputs, arena_printf(mem, "%s/association.yaml", dir));
}

/* Copies what the diagnostics added since `first` point to out of the
 * document's arena, which is about to go. */
static void keep_diagnostics(diag_list *dl, size_t first)
{
    for (size_t i = first; i < dl->count; i++) {
        diag *d = &dl->items[i];
        d->file = d->file ? arena_strdup(dl->mem, d->file) : NULL;
        d->path = d->path ? arena_strdup(dl->mem, d->path) : NULL;
    }
}

/* The shared part of every document: template, layout, PDF. */
static bool render_parts(const render_env *env, arena *mem, const document_request *req,
                         const document_parts *parts, diag_list *dl)
{
    const char *template_dirs[] = {parts->template_dir, env->templates_dir};
    record_templates(mem, req->inputs, template_dirs, 2);
    template_store templates;
    templates_init(&templates, mem, template_dirs, 2);
    strbuf markdown = {0};
    bool ok = false;
    if (templates_render_markdown(&templates, req->template_name, parts->context, &markdown, dl)) {
        layout_info info = {.title = parts->title,
                            .association = parts->author,
                            .source = arena_printf(mem, "%s (as Markdown)", req->source)};
        layout_doc doc;
        pdf_metadata meta = {.title = parts->title,
                             .author = parts->author,
                             .subject = parts->subject,
                             .keywords = parts->keywords,
                             .language = "sv-SE"};
        ok = layout_markdown(mem, markdown.data, markdown.len, env->style, env->fonts, &info, &doc,
                             dl) &&
             pdf_write(&doc, env->fonts, &meta, req->pdf, dl);
    }
    strbuf_free(&markdown);
    return ok;
}

bool document_render(const render_env *env, const document_request *req,
                     document_prepare_fn *prepare, diag_list *dl)
{
    arena mem;
    arena_init(&mem);
    size_t first_diag = dl->count;
    document_parts parts = {0};
    bool ok = prepare(&mem, req, &parts, dl) && render_parts(env, &mem, req, &parts, dl);
    keep_diagnostics(dl, first_diag);
    arena_free(&mem);
    return ok;
}

/* ---- the kinds of documents ------------------------------------------- */

static bool prepare_plan(arena *mem, const document_request *req, document_parts *parts,
                         diag_list *dl)
{
    record_source_and_association(mem, req);
    size_t first = dl->count;
    plan *p = load_plan(mem, req->source, dl);
    if (!p)
        return false;
    plan_checked checked = check_plan(mem, p, dl);
    /* The right amounts of the allocation cells that are off, for the notes:
     * check_plan has warned of them already. */
    plan_facts facts = {.checked = &checked, .warnings = context_warnings_since(dl, first)};
    diag_list again;
    diag_list_init(&again, mem);
    budget_correction *corrections;
    allocation_check_plan(mem, p, &checked.budget, &corrections, &facts.ncorrections, &again);
    facts.corrections = corrections;
    *parts = (document_parts){.context = context_for_checked_plan(mem, p, &facts),
                              .template_dir = p->assoc->dir,
                              .title = p->title,
                              .author = p->assoc->name,
                              .subject = p->subtitle ? p->subtitle : p->title,
                              .keywords = "verksamhetsplan"};
    return true;
}

bool document_render_plan(const render_env *env, const document_request *req, diag_list *dl)
{
    return document_render(env, req, prepare_plan, dl);
}

/* An annual report from outcome-YEAR.yaml, with plan-YEAR.yaml beside it
 * when there is one. */
static bool prepare_report(arena *mem, const document_request *req, document_parts *parts,
                           diag_list *dl)
{
    record_source_and_association(mem, req);
    size_t first = dl->count;
    outcome *o = load_outcome(mem, req->source, dl);
    if (!o)
        return false;
    if (req->inputs) /* read when present; a plan added later makes the report again */
        record_input(req->inputs, arena_printf(mem, "%s/plan-%d.yaml", o->assoc->dir, o->year));
    outcome_checked checked = check_outcome(mem, o, dl);
    context_warnings warnings = context_warnings_since(dl, first);
    /* The PDF's own title and keywords; the page's words are the template's. */
    const char *title = arena_printf(mem, "Verksamhetsberättelse %d", o->year);
    *parts = (document_parts){.context = context_for_report(mem, o, &checked, &warnings),
                              .template_dir = o->assoc->dir,
                              .title = title,
                              .author = o->assoc->name,
                              .subject = title,
                              .keywords = "verksamhetsberättelse, årsredovisning"};
    return true;
}

bool document_render_report(const render_env *env, const document_request *req, diag_list *dl)
{
    return document_render(env, req, prepare_report, dl);
}
