/* figures: the values of the figures a plan's text refers to
 * (textfigure.h), computed from the same figures the tables print, so that
 * the text and the table can never differ. Pure. */
#ifndef PP_FIGURES_H
#define PP_FIGURES_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "budget.h"
#include "diag.h"
#include "model.h"

typedef struct {
    bool ok;         /* false when the figure cannot be computed: *why says why */
    bool percent;    /* value is a percentage in tenths (123 is 12,3 %) */
    int64_t value;   /* else an amount in `unit` */
    money_unit unit;
} figure_value;

figure_value figures_value(arena *mem, const plan *p, const budget_figures *bf,
                           const text_figure *f, const char **why);

/* An error in `dl` at every figure of the plan's text that cannot be
 * computed (an entry given only as a share, an empty cell, a total of 0). */
void figures_check(arena *mem, const plan *p, const budget_figures *bf, diag_list *dl);

/* "10 006 tkr", "12,3 %": a value as the text prints it (no-break spaces). */
const char *figures_format(arena *mem, const figure_value *v);

#endif
