/* templates: finds a document's templates, in the association's folder first,
 * then in the default templates folder, compiles each once (mustache.h) and
 * renders them to Markdown. A parent tag that names the template it stands in
 * reaches the template of that name in the next folder: an association's
 * plan.mustache that holds only {{<plan}}{{$block}}...{{/block}}{{/plan}}
 * overrides one block of the default plan and keeps the rest. A partial or
 * parent that no folder has is an error. Tells who asks of every template
 * file it looks for, so a document's templates are known exactly. Everything
 * lives in the caller's arena; one store per document. */
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

typedef struct {
    arena *mem;
    const char *dirs[TEMPLATES_MAX_DIRS]; /* searched in this order */
    int ndirs;
    const char *where; /* the folders, for messages */
    mustache_set *set;
    template_lookup_fn *looked_for; /* may be NULL */
    void *looked_for_ctx;
    diag_list *dl; /* where a template that cannot be used is reported */
} template_store;

/* A store that looks in `dirs` (NULL entries are skipped), in order. */
void templates_init(template_store *ts, arena *mem, const char *const *dirs, int ndirs);
/* Tells `fn` (with `ctx`) of every template file looked for from now on. */
void templates_watch(template_store *ts, template_lookup_fn *fn, void *ctx);
/* Renders template `name` with `data` as Markdown into `out`. */
bool templates_render_markdown(template_store *ts, const char *name, const value *data, strbuf *out,
                               diag_list *dl);

#endif
