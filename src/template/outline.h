/* outline: what a template's headings make of the document's outline,
 * checked in the template's own terms. The headings (ATX, "# …" to
 * "###### …", outside fenced blocks) of a template and of the partials it
 * includes ({{> name}}), in the order they stand, must never skip a level
 * going down: a level-3 heading right after a level-1 one leaves a hole in
 * the outline a screen reader follows (PDF/UA-1 7.4.2). Each skip is a
 * warning at the template's file and line. Templates are found by the
 * caller, as it finds them to render (templates.h). */
#ifndef PP_OUTLINE_H
#define PP_OUTLINE_H

#include "arena.h"
#include "diag.h"

/* The text of template `name` (NUL-terminated) and in *file the file it
 * is in; NULL when there is none. */
typedef const char *outline_text_fn(void *ctx, const char *name, const char **file);

/* Checks template `name`, its text and its partials' given by `text_of`
 * (with `ctx`); false when it found a skipped level. A template that
 * cannot be read is left to the renderer to report. `mem` holds only the
 * check's own work and may be freed when it returns: the warnings live in
 * the arena of `dl`. */
bool outline_check_template(arena *mem, outline_text_fn *text_of, void *ctx, const char *name,
                            diag_list *dl);

#endif
