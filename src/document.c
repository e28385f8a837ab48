#include "document.h"

#include <cmark-gfm-core-extensions.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    template_store templates;
    templates_init(&templates, mem, template_dirs, 2);
    if (req->inputs)
        templates_watch(&templates, req->inputs->file, req->inputs->ctx);
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
    plan *p = load_plan(mem, req->source, dl);
    if (!p)
        return false;
    plan_checked checked = check_plan(mem, p, dl);
    *parts = (document_parts){.context = context_for_plan(mem, p, &checked.budget),
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
