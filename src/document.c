#include "document.h"

#include <cmark-gfm-core-extensions.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "budget.h"
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

/* Diagnostics from `first` on point into an arena that is freed before they
 * are printed: keep copies of their file and key path in the list's arena. */
static void keep_diag_strings(diag_list *dl, size_t first)
{
    for (size_t i = first; i < dl->count; i++) {
        diag *d = &dl->items[i];
        d->file = d->file ? arena_strdup(dl->mem, d->file) : NULL;
        d->path = d->path ? arena_strdup(dl->mem, d->path) : NULL;
    }
}

static bool load_style_and_fonts(render_env *env, const char *templates_dir,
                                 const input_recorder *inputs, diag_list *dl)
{
    arena_init(&env->mem);
    /* Registers the GFM extensions while only one thread runs. */
    cmark_gfm_core_extensions_ensure_registered();
    env->markdown_lock = ARENA_NEW(&env->mem, pthread_mutex_t);
    pthread_mutex_init(env->markdown_lock, NULL);
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

bool render_env_open(render_env *env, const char *templates_dir, const input_recorder *inputs,
                     diag_list *dl)
{
    *env = (render_env){.templates_dir = templates_dir};
    size_t first_diag = dl->count;
    bool ok = load_style_and_fonts(env, templates_dir, inputs, dl);
    keep_diag_strings(dl, first_diag);
    return ok;
}

void render_env_close(render_env *env)
{
    if (env->markdown_lock)
        pthread_mutex_destroy(env->markdown_lock);
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

/* Lays out holding the environment's Markdown lock, because layout_markdown
 * parses with cmark-gfm (see render_env). Only the parse needs the lock: once
 * layout.c takes it around cmark_parser_feed and _finish, this can go. */
static bool lay_out(const render_env *env, arena *mem, const strbuf *markdown,
                    const layout_info *info, layout_doc *doc, diag_list *dl)
{
    pthread_mutex_lock(env->markdown_lock);
    bool ok =
        layout_markdown(mem, markdown->data, markdown->len, env->style, env->fonts, info, doc, dl);
    pthread_mutex_unlock(env->markdown_lock);
    return ok;
}

/* The files a plan is loaded from: itself and its association. */
static void record_plan_files(arena *mem, const document_request *req)
{
    if (!req->inputs)
        return;
    record_input(req->inputs, req->source);
    const char *slash = strrchr(req->source, '/');
    const char *dir = slash ? arena_strndup(mem, req->source, (size_t)(slash - req->source)) : ".";
    record_input(req->inputs, arena_printf(mem, "%s/association.yaml", dir));
}

bool document_render_plan(const render_env *env, const document_request *req, diag_list *dl)
{
    arena mem;
    arena_init(&mem);
    bool ok = false;
    size_t first_diag = dl->count;
    strbuf markdown = {0};
    record_plan_files(&mem, req);
    plan *p = load_plan(&mem, req->source, dl);
    if (p) {
        budget_figures figures = budget_compute(&mem, &p->budget);
        budget_cross_check(&p->budget, &figures, dl);
        value *ctx = context_for_plan(&mem, p, &figures);
        const char *template_dirs[] = {p->assoc->dir, env->templates_dir};
        record_templates(&mem, req->inputs, template_dirs, 2);
        template_store templates;
        templates_init(&templates, &mem, template_dirs, 2);
        if (templates_render_markdown(&templates, req->template_name, ctx, &markdown, dl)) {
            layout_info info = {.title = p->title,
                                .association = p->assoc->name,
                                .source = arena_printf(&mem, "%s (as Markdown)", p->file)};
            layout_doc doc;
            pdf_metadata meta = {.title = p->title,
                                 .author = p->assoc->name,
                                 .subject = p->subtitle,
                                 .keywords = "verksamhetsplan",
                                 .language = "sv-SE"};
            ok = lay_out(env, &mem, &markdown, &info, &doc, dl) &&
                 pdf_write(&doc, env->fonts, &meta, req->pdf, dl);
        }
    }
    strbuf_free(&markdown);
    keep_diag_strings(dl, first_diag);
    arena_free(&mem);
    return ok;
}
