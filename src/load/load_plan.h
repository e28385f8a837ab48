/* load_plan: plan-YEAR.yaml: goal areas, targets, interventions, sections
 * and the parts they show, the budget, the allocation and the rules. */
#ifndef PP_LOAD_PLAN_H
#define PP_LOAD_PLAN_H

#include "arena.h"
#include "diag.h"
#include "model.h"

/* Loads a plan file; its association is read from association.yaml in the same
 * folder. NULL on errors (in `dl`). */
plan *load_plan(arena *mem, const char *path, diag_list *dl);

#endif
