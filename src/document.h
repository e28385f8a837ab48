/* document: one document through the whole pipeline — load, compute,
 * template, typeset, write. Shares the style and fonts of the run. */
#ifndef PP_DOCUMENT_H
#define PP_DOCUMENT_H

#include <stdbool.h>

#include "diag.h"
#include "fonts.h"
#include "style.h"

typedef struct {
    const char *templates_dir; /* the default templates, e.g. "templates" */
    const style *style;
    const font_set *fonts;
} render_env;

/* Renders the plan in `plan_path` to `pdf_path`. Errors and warnings go to
 * `dl` (allocated in its arena); returns false when no PDF was written. */
bool document_render_plan(const render_env *env, const char *plan_path, const char *pdf_path,
                          diag_list *dl);

#endif
