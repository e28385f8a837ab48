/* load: turns YAML files into the typed model (model.h). Checks every key and
 * value and reports all problems of a file with file:line:col and key path.
 * The model lives in the caller's arena. */
#ifndef PP_LOAD_H
#define PP_LOAD_H

#include "arena.h"
#include "diag.h"
#include "model.h"

/* Loads an association file (association.yaml). NULL on errors (in `dl`). */
association *load_association(arena *mem, const char *path, diag_list *dl);
/* Loads a plan file; its association is read from association.yaml in the same
 * folder. NULL on errors (in `dl`). */
plan *load_plan(arena *mem, const char *path, diag_list *dl);

#endif
