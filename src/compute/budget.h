/* budget: the computed figures of a budget — totals per row group, per
 * category and per column, the result (income − costs, which is the
 * unbudgeted remainder where the income includes the equity used), the
 * carry-forward of that remainder as next year's equity, budget-versus-outcome
 * variance and the cost split — and the cross-checks of printed totals
 * against them, each warning naming the row, the column, both amounts and the
 * likely cause. Pure functions on the model: no I/O; integer money in the
 * budget's unit, with checked additions. */
#ifndef PP_BUDGET_H
#define PP_BUDGET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"
#include "model.h"

typedef struct {
    int64_t income, costs, result;
    bool has_income, has_costs; /* at least one amount in the column */
    int64_t reserves;           /* reserve rows (a buffer), set aside outside income and costs */
    int64_t with_reserves;      /* income + reserves */
    bool has_reserves;
    bool overflow; /* a sum did not fit in 64 bits: the column has no figures */
    int64_t income_by_category[CATEGORY_COUNT], costs_by_category[CATEGORY_COUNT];
} column_totals;

/* Consecutive rows under one heading (budget_row.group), with their sums. */
typedef struct {
    const char *name; /* NULL for rows printed under no heading */
    size_t first, count;
    int64_t *sums; /* one per column */
    bool *present; /* one per column: at least one amount */
} row_group;

typedef struct {
    column_totals *columns; /* one per budget column */
    size_t ncolumns;
    row_group *income_groups, *cost_groups;
    size_t nincome_groups, ncost_groups;
} budget_figures;

/* Sums a list of rows for one column into *sum; `*any` tells whether a cell
 * was present. False when the sum does not fit in 64 bits. */
bool budget_sum_rows(const budget_row *rows, size_t nrows, size_t column, int64_t *sum, bool *any);
budget_figures budget_compute(arena *mem, const budget *b);
/* A column's total line, and the figure the source prints for it (NULL
 * where it prints none). */
int64_t budget_total_of(const column_totals *t, total_line line);
const budget_cell *budget_printed_total(const budget *b, total_line line, size_t column);

/* The index of the column of `year` and `kind`, or −1. */
ptrdiff_t budget_find_column(const budget *b, int year, column_kind kind);
/* "2024 (budget)": how messages name a column. */
enum { COLUMN_NAME_BUF = 32 };
char *budget_column_name(char buf[COLUMN_NAME_BUF], const budget_column *col);

/* Outcome against budget: amount = actual − budgeted (positive: above the
 * budget), tenths = that as tenths of a percent of |budgeted|, rounded half
 * away from zero. False when the difference does not fit in 64 bits. */
typedef struct {
    int64_t amount, tenths;
    bool has_percent; /* false when the budgeted amount is 0 */
} variance;

bool budget_variance(int64_t budgeted, int64_t actual, variance *v);

/* The cost split of the Jönköping slides: administration includes the board. */
typedef enum { COST_INDIVIDUAL, COST_STRUCTURAL, COST_ADMINISTRATION, COST_OTHER } cost_class;
enum { COST_CLASSES = COST_OTHER + 1 };

cost_class budget_cost_class(row_category category);

typedef struct {
    int64_t amount[COST_CLASSES];
    int64_t total;
} cost_split;

/* The costs of a column by class; false when the column has no figures. */
bool budget_cost_split(const budget_figures *f, size_t column, cost_split *s);
/* Shares of the split in 1/scale (100: whole percents, 1000: tenths) that add
 * up to exactly `scale`, by largest remainder. False when the total is not
 * above zero or an amount is negative. */
bool budget_cost_shares(const cost_split *s, int64_t scale, int64_t shares[COST_CLASSES]);

/* Where the plan carries the unbudgeted remainder of a year into the next as
 * equity (an equity row marked carried_forward, as Samspelet's): for each
 * column that follows a column of the year before (neither an outcome), the
 * remainder carried in and what the carried-forward rows say. */
typedef struct {
    bool applies;       /* the column follows the previous year's column */
    int64_t carried_in; /* the previous column's result */
    int64_t equity;     /* the column's carried-forward rows */
    bool has_equity;
} carry_forward;

/* One per column (in the arena). */
carry_forward *budget_carry_forward(arena *mem, const budget *b, const budget_figures *f);
/* True when a row carries the remainder forward. */
bool budget_carries_forward(const budget *b);

/* A cell whose right amount is known from elsewhere (a member's allocation
 * by the law): a printed total that matches the rows with it corrected is
 * explained by it. */
typedef struct {
    const budget_row *row; /* an income row of the budget */
    size_t column;
    int64_t amount;
} budget_correction;

/* Adds a warning for every printed total that differs from the computed one,
 * with its likely cause; an error for a column whose sums overflow. */
void budget_cross_check(const budget *b, const budget_figures *f, diag_list *dl);
void budget_cross_check_with(const budget *b, const budget_figures *f,
                             const budget_correction *corrections, size_t ncorrections,
                             diag_list *dl);
/* Warns where a column's equity differs from the remainder carried in. */
void budget_check_carry_forward(arena *mem, const budget *b, const budget_figures *f,
                                diag_list *dl);

#endif
