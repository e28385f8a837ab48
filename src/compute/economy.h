/* economy: the figures of an outcome year (outcome-YEAR.yaml) — the result
 * (income − costs), the costs against the year's budget, the cost split, the
 * equity against the allocation — and the cross-checks of what the source
 * prints: the result, the cost split shares, the categories against the
 * costs, the allocation within the income, the next year's budget. Pure
 * functions on the model; integer money in the outcome's unit. */
#ifndef PP_ECONOMY_H
#define PP_ECONOMY_H

#include <stdbool.h>
#include <stdint.h>

#include "budget.h"
#include "diag.h"
#include "model.h"
#include "rules.h"

typedef struct {
    bool has_result;
    int64_t result; /* income − costs */
    bool has_variance;
    variance costs_variance; /* the costs against the year's budget */
    bool has_split;          /* actual amounts by category that add up to the costs */
    cost_split split;
    int64_t split_tenths[COST_CLASSES]; /* adding up to 1 000 */
    bool has_stated_split;
    int64_t stated_split[COST_CLASSES]; /* hundredths of a percent, as printed */
    bool has_equity_share;
    int64_t equity_tenths; /* equity of the allocation */
    bool has_next_result;
    int64_t next_result; /* the next year's budgeted income − costs */
    rule_basis basis;    /* what the plan's financial rules measure in this year */
} outcome_figures;

outcome_figures economy_compute(const outcome *o);
/* Warns for every printed figure of the outcome that does not agree with
 * the others, with the likely cause. */
void economy_check(const outcome *o, const outcome_figures *f, diag_list *dl);

#endif
