/* load: turns the YAML files people write (docs/formats/) into the typed
 * model (model.h): associations, plans, outcomes, minutes and comparison
 * groups. Checks every key and value and reports all problems of a file with
 * file:line:col, key path, what was expected and what was found. A file that
 * fails gives NULL and leaves other files alone. The model lives in the
 * caller's arena. */
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
/* Loads an outcome file (outcome-YEAR.yaml); its association is read from the
 * same folder, and so is the plan of the same year when there is one (its
 * targets and budget rows are what the outcome refers to). */
outcome *load_outcome(arena *mem, const char *path, diag_list *dl);
/* Loads minutes (minutes-DATE.yaml); the associations they concern are
 * folders beside the file's folder, named by id. */
minutes *load_minutes(arena *mem, const char *path, diag_list *dl);
/* Loads a comparison group (group.yaml); its associations as for minutes. */
comparison_group *load_group(arena *mem, const char *path, diag_list *dl);

#endif
