/* templates: finds a document's templates, in the association's folder first,
 * then in the default templates folder, compiles each once (mustache.h) and
 * renders them to Markdown. A parent tag that names the template it stands in
 * reaches the template of that name in the next folder: an association's
 * plan.mustache that holds only {{<plan}}{{$block}}...{{/block}}{{/plan}}
 * overrides one block of the default plan and keeps the rest. A partial or
 * parent that no folder has is an error. Everything lives in the caller's
 * arena; one store per document. */
#ifndef PP_TEMPLATES_H
#define PP_TEMPLATES_H

#include <stdbool.h>

#include "arena.h"
#include "diag.h"
#include "mustache.h"
#include "strbuf.h"
#include "value.h"

enum { TEMPLATES_MAX_DIRS = 4 };

typedef struct {
    arena *mem;
    const char *dirs[TEMPLATES_MAX_DIRS]; /* searched in this order */
    int ndirs;
    const char *where; /* the folders, for messages */
    mustache_set *set;
} template_store;

/* A store that looks in `dirs` (NULL entries are skipped), in order. */
void templates_init(template_store *ts, arena *mem, const char *const *dirs, int ndirs);
/* Renders template `name` with `data` as Markdown into `out`. */
bool templates_render_markdown(template_store *ts, const char *name, const value *data, strbuf *out,
                               diag_list *dl);

#endif
