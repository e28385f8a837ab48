/* rules: an association's financial rules (financial_rule in the model,
 * Samspelet's *mätpunkter*):
 * administration at most a share of the costs, equity at most a share of the
 * allocation, a minimum buffer, the budget held. Thresholds are data; each
 * rule gets its value, threshold and status (met, not met, no data).
 *
 * What the rules measure, for one budget column:
 *  - administration: the rows of category administration and board (the
 *    Jönköping slides count the board as administration), of all costs;
 *  - equity: the equity at the end of the year. Where the plan carries the
 *    unbudgeted remainder into the next year as equity (Samspelet), that is
 *    the column's remainder, income − costs: 2 319 tkr in 2025, 23,2 % of the
 *    10 006 tkr allocation, the amount the 2026 column lists as equity. The
 *    equity *used* in 2025 (861 tkr, an income row) is not what is held at
 *    the end of the year, and the 700 tkr buffer is kept apart from the
 *    remainder ("exkl. buffert"); counted in, the share would be 30,2 %. A
 *    closing equity stated in the data (an annual report's balance) is used
 *    as it is (an outcome's equity);
 *  - buffer: the reserve rows of the budget column (Samspelet's "Buffert"),
 *    against the minimum;
 *  - budget held: an outcome's costs against the same year's budget; a plan
 *    without outcome has no data.
 * Shares are compared exactly (128-bit cross-multiplication) and shown
 * rounded to tenths of a percent. Pure functions. */
#ifndef PP_RULES_H
#define PP_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "budget.h"
#include "model.h"

typedef enum { RULE_MET, RULE_NOT_MET, RULE_NO_DATA } rule_status;

/* The amounts the rules measure, for one year; each with a flag. */
typedef struct {
    bool has_costs;
    int64_t admin_costs, costs;
    bool has_equity;
    int64_t equity;
    bool has_allocation;
    int64_t allocation;
    bool has_buffer;
    int64_t buffer;
    bool has_budgeted_costs;
    int64_t budgeted_costs, actual_costs;
} rule_basis;

typedef struct {
    const financial_rule *rule;
    rule_status status;
    int64_t part, whole; /* administration of costs, equity of allocation, the buffer (part
                            only), actual of budgeted costs */
    int64_t tenths;      /* part / whole in tenths of a percent */
    bool has_tenths;
} rule_result;

/* In English; marked for the message catalogue (i18n.h): _() them to show. */
const char *rule_measure_text(rule_measure m);    /* "administration share of costs" */
const char *rule_status_text(rule_status status); /* "met", "not met", "no data" */

/* What a budget column tells: costs and administration, allocation, equity
 * (the remainder, where the plan carries it forward), the reserves as the
 * buffer, and, for an outcome column, the same year's budgeted costs. */
rule_basis rule_basis_for_column(const budget *b, const budget_figures *f, size_t column);
rule_result rule_evaluate(const financial_rule *rule, const rule_basis *basis);

#endif
