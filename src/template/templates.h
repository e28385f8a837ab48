/* templates: finds a document's templates, in the association's folder first,
 * then in the default templates folder, compiles each once (mustache.h) and
 * renders them to Markdown. A parent tag that names the template it stands in
 * reaches the template of that name in the next folder: an association's
 * plan.mustache that holds only {{<plan}}{{$block}}...{{/block}}{{/plan}}
 * overrides one block of the default plan and keeps the rest. A partial or
 * parent that no folder has is an error. Tells who asks of every template
 * file it looks for, so a document's templates are known exactly. Everything
 * lives in the caller's arena; one store per document. A store may share a
 * run's template_cache: then each template file is read and compiled once
 * per run, not once per document. */
#ifndef PP_TEMPLATES_H
#define PP_TEMPLATES_H

#include <stdbool.h>

#include "arena.h"
#include "diag.h"
#include "mustache.h"
#include "strbuf.h"
#include "value.h"

enum { TEMPLATES_MAX_DIRS = 4 };

/* Told of each template file the store looks for, found or not, before it
 * is read: a template added later to a folder searched first would be
 * found instead. */
typedef void template_lookup_fn(void *ctx, const char *path);

/* The templates of a run: each file read and compiled on its first use and
 * kept, read-only, until the cache is freed; safe to use from several
 * threads at once (it has a lock of its own). A file that cannot be
 * compiled, or is not UTF-8, is not kept compiled: each document that uses it
 * compiles its text again and reports its errors. Files are read once per
 * run, for the outline check (outline.h) and the renderer alike, and not
 * looked for again when they were not there, so a template changed or added
 * while a run goes on is seen by the next run. The cache also keeps what
 * the outline check found in each template. */
typedef struct template_cache template_cache;

template_cache *template_cache_new(void);
void template_cache_free(template_cache *tc);

typedef struct {
    arena *mem;
    const char *dirs[TEMPLATES_MAX_DIRS]; /* searched in this order */
    int ndirs;
    const char *where; /* the folders, for messages */
    mustache_set *set;
    template_lookup_fn *looked_for; /* may be NULL */
    void *looked_for_ctx;
    template_cache *cache; /* NULL: every template compiled in the store's arena */
} template_store;

/* A store that looks in `dirs` (NULL entries are skipped), in order. */
void templates_init(template_store *ts, arena *mem, const char *const *dirs, int ndirs);
/* Takes the templates from `cache` (the run's), before anything is rendered. */
void templates_share(template_store *ts, template_cache *cache);
/* Tells `fn` (with `ctx`) of every template file looked for from now on. */
void templates_watch(template_store *ts, template_lookup_fn *fn, void *ctx);
/* Checks the headings of template `name` and its partials (outline.h),
 * with a cache once per run: each document gets the same warnings. */
void templates_check_outline(template_store *ts, const char *name, diag_list *dl);
/* Renders template `name` with `data` as Markdown into `out`. */
bool templates_render_markdown(template_store *ts, const char *name, const value *data, strbuf *out,
                               diag_list *dl);

#endif
