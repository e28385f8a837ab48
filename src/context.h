/* context: exposes the loaded model and its computed figures to templates as a
 * value tree. Every number is formatted the Swedish way here, with the raw
 * value beside it for conditions; labels stay in the templates. */
#ifndef PP_CONTEXT_H
#define PP_CONTEXT_H

#include "arena.h"
#include "budget.h"
#include "model.h"
#include "value.h"

value *context_for_plan(arena *mem, const plan *p, const budget_figures *figures);

#endif
