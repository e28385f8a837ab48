/* mustache: renders Mustache templates against a value tree (value.h).
 * Escaping is a parameter: HTML (as the specification), Markdown (for
 * documents, so data never breaks the Markdown around it) or none.
 * Output goes to a strbuf; errors name the template file, line and column. */
#ifndef PP_MUSTACHE_H
#define PP_MUSTACHE_H

#include <stdbool.h>

#include "arena.h"
#include "diag.h"
#include "strbuf.h"
#include "value.h"

typedef enum {
    MUSTACHE_ESCAPE_HTML,
    MUSTACHE_ESCAPE_MARKDOWN,
    MUSTACHE_ESCAPE_NONE
} mustache_escape;

/* Finds partials by name. Returns the template text (kept alive by the
 * caller) and its file name for messages, or NULL when there is none. */
typedef struct {
    const char *(*find)(void *ctx, const char *name, const char **file);
    void *ctx;
} mustache_partials;

typedef struct {
    mustache_escape escape;
    const mustache_partials *partials; /* may be NULL */
} mustache_options;

/* Renders `source` (named `file` in messages) with `data` into `out`.
 * Returns false with errors in `dl` when the template is malformed. */
bool mustache_render(arena *mem, const char *file, const char *source, const value *data,
                     const mustache_options *opt, strbuf *out, diag_list *dl);

/* Appends `s` escaped for `escape` to `out`. */
void mustache_escape_text(strbuf *out, const char *s, size_t len, mustache_escape escape);

#endif
