/* context: exposes the loaded model and its computed figures to templates as a
 * value tree, one function per kind of document (context_plan.c, …), with
 * the pieces they share here. Every number is formatted the Swedish way here,
 * with the raw value beside it for conditions; labels stay in the templates. */
#ifndef PP_CONTEXT_H
#define PP_CONTEXT_H

#include "arena.h"
#include "budget.h"
#include "model.h"
#include "value.h"

/* An amount: {text: "10 014", value, present, negative}; text is empty for
 * an absent amount. */
value *context_amount(arena *mem, int64_t amount, bool present);
/* An association: names, contact, vision, members. */
value *context_association(arena *mem, const association *a);

value *context_for_plan(arena *mem, const plan *p, const budget_figures *figures);

#endif
