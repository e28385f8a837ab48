#include "document.h"

#include <cmark-gfm-core-extensions.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "budget.h"
#include "context.h"
#include "hyphenate.h"
#include "layout.h"
#include "load.h"
#include "mustache.h"
#include "pdf.h"
#include "strbuf.h"

typedef struct {
    arena *mem;
    const char *dirs[2]; /* the association's folder, then the default templates */
    const input_recorder *inputs;
} template_finder;

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

void render_env_close(render_env *env)
{
    if (env->markdown_lock)
        pthread_mutex_destroy(env->markdown_lock);
    fonts_free(env->fonts);
    arena_free(&env->mem);
    *env = (render_env){0};
}

static char *read_file(arena *mem, const char *path)
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
    char *copy = arena_strndup(mem, sb.data ? sb.data : "", sb.len);
    strbuf_free(&sb);
    return copy;
}

static const char *find_template(void *ctx, const char *name, const char **file)
{
    template_finder *tf = ctx;
    for (size_t i = 0; i < 2; i++) {
        if (!tf->dirs[i])
            continue;
        char *path = arena_printf(tf->mem, "%s/%s.mustache", tf->dirs[i], name);
        record_input(tf->inputs, path);
        char *text = read_file(tf->mem, path);
        if (text) {
            *file = path;
            return text;
        }
    }
    return NULL;
}

static bool render_markdown(arena *mem, template_finder *tf, const char *name, const value *ctx,
                            strbuf *out, diag_list *dl)
{
    const char *file = NULL;
    const char *source = find_template(tf, name, &file);
    if (!source) {
        diag_add(dl, DIAG_ERROR, NULL, 0, 0, NULL, "no template \"%s.mustache\" in %s or %s", name,
                 tf->dirs[0], tf->dirs[1]);
        return false;
    }
    mustache_partials partials = {find_template, tf};
    mustache_options opt = {MUSTACHE_ESCAPE_MARKDOWN, &partials};
    return mustache_render(mem, file, source, ctx, &opt, out, dl);
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
        template_finder tf = {&mem, {p->assoc->dir, env->templates_dir}, req->inputs};
        if (render_markdown(&mem, &tf, req->template_name, ctx, &markdown, dl)) {
            layout_info info = {p->title, p->assoc->name};
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
    /* Diagnostics point into the arena: keep copies that outlive it. */
    for (size_t i = first_diag; i < dl->count; i++) {
        diag *d = &dl->items[i];
        d->file = d->file ? arena_strdup(dl->mem, d->file) : NULL;
        d->path = d->path ? arena_strdup(dl->mem, d->path) : NULL;
    }
    arena_free(&mem);
    return ok;
}
