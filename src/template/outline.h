/* outline: what a template's headings make of the document's outline,
 * checked in the template's own terms. The headings (ATX, "# …" to
 * "###### …", outside fenced blocks) of a template and of the partials it
 * includes ({{> name}}), in the order they stand, must never skip a level
 * going down: a level-3 heading right after a level-1 one leaves a hole in
 * the outline a screen reader follows (PDF/UA-1 7.4.2). Each skip is a
 * warning at the template's file and line. Templates are looked for in the
 * folders given, in order, as the template store does. */
#ifndef PP_OUTLINE_H
#define PP_OUTLINE_H

#include "arena.h"
#include "diag.h"

/* Checks template `name` (NAME.mustache) found first in `dirs`; false when
 * it found a skipped level. A template that cannot be read is left to the
 * renderer to report. `mem` holds only the check's own work and may be
 * freed when it returns: the warnings live in the arena of `dl`. */
bool outline_check_template(arena *mem, const char *const *dirs, int ndirs, const char *name,
                            diag_list *dl);

#endif
