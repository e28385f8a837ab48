#include "templates.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "outline.h"
#include "strmap.h"
#include "utf8.h"

/* Reports a template that is not UTF-8 text: its bytes would reach the PDF
 * as they are. The template then renders as nothing. */
static bool is_utf8(diag_list *dl, const char *path, const char *text)
{
    size_t bad;
    if (utf8_valid(text, strlen(text), &bad))
        return true;
    int line = 1;
    for (size_t i = 0; i < bad; i++)
        line += text[i] == '\n';
    if (dl)
        diag_add(dl, DIAG_ERROR, path, line, 0, NULL,
                 "not valid UTF-8 text (byte %zu); save the template as UTF-8", bad + 1);
    return false;
}

/* A name stays inside the folders: no path separators, no leading dot. */
static bool is_plain_name(const char *name)
{
    return name[0] && name[0] != '.' && !strchr(name, '/') && !strchr(name, '\\');
}

/* ---- the run's cache ------------------------------------------------------ */

struct template_cache {
    pthread_mutex_t lock;
    arena mem;
    strmap texts;    /* path -> the file's text or &absent */
    strmap by_path;  /* path -> the compiled template, &unusable or &absent */
    strmap outlines; /* folders and name -> the diag_list of its outline check */
};

static const char unusable = 0; /* a file that does not compile: not kept */
static const char absent = 0;   /* a file that is not there (or cannot be read) */

template_cache *template_cache_new(void)
{
    template_cache *tc = malloc(sizeof *tc);
    if (!tc)
        return NULL;
    pthread_mutex_init(&tc->lock, NULL);
    arena_init(&tc->mem);
    strmap_init(&tc->texts, &tc->mem);
    strmap_init(&tc->by_path, &tc->mem);
    strmap_init(&tc->outlines, &tc->mem);
    return tc;
}

void template_cache_free(template_cache *tc)
{
    if (!tc)
        return;
    pthread_mutex_destroy(&tc->lock);
    arena_free(&tc->mem);
    free(tc);
}

/* The template of file `path` with `text`, compiled in `mem`; NULL with
 * errors in `dl` when it is malformed. */
static mustache_template *compile_text(arena *mem, const char *path, const char *text,
                                       diag_list *dl)
{
    return mustache_compile(mem, path, is_utf8(dl, path, text) ? text : "", dl);
}

/* The text of file `path`, read on its first use and kept for the run;
 * NULL when it cannot be read. With tc->lock held. */
static const char *cached_text(template_cache *tc, const char *path)
{
    const char *kept = strmap_get(&tc->texts, path);
    if (kept)
        return kept == &absent ? NULL : kept;
    char *key = arena_strdup(&tc->mem, path);
    char *text = arena_read_file(&tc->mem, key, NULL);
    strmap_put(&tc->texts, key, text ? text : (char *)&absent);
    return text;
}

/* The compiled template of `path` from the cache, compiled now on its first
 * use; one that did not compile is compiled again in the document's `mem`,
 * so that each document reports its errors. */
static const mustache_template *cache_get(template_cache *tc, arena *mem, const char *path,
                                          diag_list *dl, bool *found)
{
    pthread_mutex_lock(&tc->lock);
    const void *kept = strmap_get(&tc->by_path, path);
    const char *text = !kept || kept == &unusable ? cached_text(tc, path) : NULL;
    if (!kept) {
        char *key = arena_strdup(&tc->mem, path);
        size_t errors = dl->errors;
        mustache_template *t = text ? compile_text(&tc->mem, key, text, dl) : NULL;
        const void *keep = !text                       ? &absent
                           : t && dl->errors == errors ? (const void *)t
                                                       : &unusable;
        strmap_put(&tc->by_path, key, (void *)keep);
        pthread_mutex_unlock(&tc->lock);
        *found = text != NULL;
        return t;
    }
    pthread_mutex_unlock(&tc->lock);
    *found = kept != &absent;
    return kept == &unusable ? compile_text(mem, path, text, dl) : *found ? kept : NULL;
}

/* Template file `path` compiled: from the run's cache, else read and
 * compiled in `mem`; *found false when it cannot be read. */
static const mustache_template *compile_path(const template_store *ts, arena *mem, const char *path,
                                             diag_list *dl, bool *found)
{
    if (ts->cache)
        return cache_get(ts->cache, mem, path, dl, found);
    const char *text = arena_read_file(mem, path, NULL);
    *found = text != NULL;
    return text ? compile_text(mem, path, text, dl) : NULL;
}

/* Where template `name` would be in the store's folder `i`. */
static char *template_path(const template_store *ts, arena *mem, int i, const char *name)
{
    return arena_printf(mem, "%s/%s.mustache", ts->dirs[i], name);
}

static const mustache_template *load_compiled(void *ctx, arena *mem, const char *name, int from,
                                              int *layer, diag_list *dl)
{
    const template_store *ts = ctx;
    if (!is_plain_name(name))
        return NULL;
    for (int i = from < 0 ? 0 : from; i < ts->ndirs; i++) {
        char *path = template_path(ts, mem, i, name);
        if (ts->looked_for)
            ts->looked_for(ts->looked_for_ctx, path);
        bool found;
        const mustache_template *t = compile_path(ts, mem, path, dl, &found);
        if (found) {
            *layer = i;
            return t;
        }
    }
    return NULL;
}

/* ---- the store ------------------------------------------------------------ */

void templates_init(template_store *ts, arena *mem, const char *const *dirs, int ndirs)
{
    *ts = (template_store){.mem = mem};
    strbuf where = {0};
    for (int i = 0; i < ndirs && ts->ndirs < TEMPLATES_MAX_DIRS; i++) {
        if (!dirs[i])
            continue;
        ts->dirs[ts->ndirs++] = arena_strdup(mem, dirs[i]);
        strbuf_printf(&where, "%s%s/", where.len ? _(" or ") : "", dirs[i]);
    }
    ts->where = arena_strdup(mem, where.data ? where.data : _("no folder"));
    strbuf_free(&where);
    templates_share(ts, NULL);
}

void templates_share(template_store *ts, template_cache *cache)
{
    /* made again: the set has compiled nothing yet */
    ts->cache = cache;
    mustache_loader loader = {.ctx = ts, .where = ts->where, .load_compiled = load_compiled};
    ts->set = mustache_set_new(ts->mem, &loader);
}

void templates_watch(template_store *ts, template_lookup_fn *fn, void *ctx)
{
    ts->looked_for = fn;
    ts->looked_for_ctx = ctx;
}

/* Where the outline check finds a template: as load_compiled does. */
typedef struct {
    const template_store *ts;
    arena *mem;
} outline_source;

static const char *outline_text(void *ctx, const char *name, const char **file)
{
    const outline_source *src = ctx;
    if (!is_plain_name(name))
        return NULL;
    for (int i = 0; i < src->ts->ndirs; i++) {
        char *path = template_path(src->ts, src->mem, i, name);
        /* the cache's lock is held (cached_outline) */
        const char *text = src->ts->cache ? cached_text(src->ts->cache, path)
                                          : arena_read_file(src->mem, path, NULL);
        if (text) {
            *file = path;
            return text;
        }
    }
    return NULL;
}

static void check_outline(const template_store *ts, arena *mem, const char *name, diag_list *dl)
{
    outline_source src = {ts, mem};
    outline_check_template(mem, outline_text, &src, name, dl);
}

/* The outline check's warnings for template `name` in the store's folders,
 * from the cache (made on the first use). */
static const diag_list *cached_outline(const template_store *ts, const char *name)
{
    template_cache *tc = ts->cache;
    strbuf key = {0};
    for (int i = 0; i < ts->ndirs; i++)
        strbuf_printf(&key, "%s\n", ts->dirs[i]);
    strbuf_puts(&key, name);
    pthread_mutex_lock(&tc->lock);
    diag_list *found = strmap_get(&tc->outlines, key.data);
    if (!found) {
        found = ARENA_NEW(&tc->mem, diag_list);
        diag_list_init(found, &tc->mem);
        arena work; /* the paths tried: one association's, not to be kept all run */
        arena_init(&work);
        check_outline(ts, &work, name, found);
        arena_free(&work);
        strmap_put(&tc->outlines, arena_strndup(&tc->mem, key.data, key.len), found);
    }
    pthread_mutex_unlock(&tc->lock);
    strbuf_free(&key);
    return found;
}

void templates_check_outline(template_store *ts, const char *name, diag_list *dl)
{
    if (!ts->cache) {
        check_outline(ts, ts->mem, name, dl);
        return;
    }
    const diag_list *found = cached_outline(ts, name);
    for (size_t i = 0; i < found->count; i++) {
        const diag *d = &found->items[i];
        diag_add_text(dl, d->severity, d->file, d->line, d->col, d->path, d->message);
    }
}

bool templates_render_markdown(template_store *ts, const char *name, const value *data, strbuf *out,
                               diag_list *dl)
{
    size_t errors = dl->errors;
    const mustache_template *t = mustache_set_get(ts->set, name, dl);
    if (!t) {
        if (dl->errors == errors)
            diag_add(dl, DIAG_ERROR, NULL, 0, 0, NULL, "no template \"%s.mustache\" in %s", name,
                     ts->where);
        return false;
    }
    mustache_options opt = {.escape = MUSTACHE_ESCAPE_MARKDOWN, .strict_partials = true,
                            .strict_names = true};
    return mustache_render_template(ts->set, t, data, &opt, out, dl) && dl->errors == errors;
}
