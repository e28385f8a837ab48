/* budget: the computed figures of a budget (totals per column, result) and
 * cross-checks of printed totals against them. Pure functions on the model:
 * no I/O, no formatting; integer money in the budget's unit. */
#ifndef PP_BUDGET_H
#define PP_BUDGET_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"
#include "model.h"

typedef struct {
    int64_t income, costs, result;
    bool has_income, has_costs; /* at least one amount in the column */
} column_totals;

typedef struct {
    column_totals *columns; /* one per budget column */
    size_t ncolumns;
} budget_figures;

/* Sums of a list of rows for one column; `*any` tells whether a cell was present. */
int64_t budget_sum_rows(const budget_row *rows, size_t nrows, size_t column, bool *any);
budget_figures budget_compute(arena *mem, const budget *b);
/* Adds a warning for every printed total that differs from the computed one. */
void budget_cross_check(const budget *b, const budget_figures *f, diag_list *dl);

#endif
