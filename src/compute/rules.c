#include "rules.h"

#include "i18n.h"
#include "money.h"

const char *rule_measure_text(rule_measure m)
{
    switch (m) {
    case RULE_WITHIN_BUDGET: return N_("costs within the budget");
    case RULE_ADMINISTRATION_SHARE: return N_("administration share of costs");
    case RULE_EQUITY_SHARE: return N_("equity share of allocation");
    case RULE_BUFFER: return N_("buffer");
    }
    return "?";
}

const char *rule_status_text(rule_status status)
{
    switch (status) {
    case RULE_MET: return N_("met");
    case RULE_NOT_MET: return N_("not met");
    case RULE_NO_DATA: return N_("no data");
    }
    return "?";
}

static bool any_cell(const budget_row *rows, size_t n, size_t column, row_category category)
{
    for (size_t i = 0; i < n; i++)
        if (rows[i].category == category && rows[i].cells && rows[i].cells[column].present)
            return true;
    return false;
}

rule_basis rule_basis_for_column(const budget *b, const budget_figures *f, size_t column)
{
    rule_basis r = {0};
    const column_totals *t = &f->columns[column];
    if (t->overflow)
        return r;
    const budget_column *col = &b->columns[column];
    r.has_costs = t->has_costs && t->costs > 0 &&
                  money_add(t->costs_by_category[CATEGORY_ADMINISTRATION],
                            t->costs_by_category[CATEGORY_BOARD], &r.admin_costs);
    r.costs = t->costs;
    r.allocation = t->income_by_category[CATEGORY_ALLOCATION];
    r.has_allocation = any_cell(b->income, b->nincome, column, CATEGORY_ALLOCATION);
    r.has_equity = col->kind != COLUMN_OUTCOME && budget_carries_forward(b);
    r.equity = r.has_equity ? t->result : 0;
    r.has_buffer = t->has_reserves;
    r.buffer = t->reserves;
    ptrdiff_t planned = budget_find_column(b, col->year, COLUMN_BUDGET);
    if (col->kind == COLUMN_OUTCOME && planned >= 0 && f->columns[planned].has_costs &&
        !f->columns[planned].overflow && t->has_costs) {
        r.has_budgeted_costs = true;
        r.budgeted_costs = f->columns[planned].costs;
        r.actual_costs = t->costs;
    }
    return r;
}

/* Whether min ≤ part / whole ≤ max, with min and max in hundredths of a
 * percent (INT64_MIN and INT64_MAX when not given), compared exactly. */
static rule_result share_within(const financial_rule *rule, bool have, int64_t part, int64_t whole)
{
    rule_result r = {rule, RULE_NO_DATA, part, whole, 0, false};
    if (!have || whole <= 0)
        return r;
    r.has_tenths = money_share_tenths(part, whole, &r.tenths);
    bool above_min =
        rule->min == INT64_MIN || money_compare_ratio(part, whole, rule->min, 10000) >= 0;
    bool below_max =
        rule->max == INT64_MAX || money_compare_ratio(part, whole, rule->max, 10000) <= 0;
    r.status = above_min && below_max ? RULE_MET : RULE_NOT_MET;
    return r;
}

rule_result rule_evaluate(const financial_rule *rule, const rule_basis *b)
{
    rule_result r = {rule, RULE_NO_DATA, 0, 0, 0, false};
    switch (rule->measure) {
    case RULE_ADMINISTRATION_SHARE:
        return share_within(rule, b->has_costs, b->admin_costs, b->costs);
    case RULE_EQUITY_SHARE:
        return share_within(rule, b->has_equity && b->has_allocation, b->equity, b->allocation);
    case RULE_BUFFER:
        if (b->has_buffer) {
            r.part = b->buffer;
            r.status = b->buffer >= rule->min && b->buffer <= rule->max ? RULE_MET : RULE_NOT_MET;
        }
        return r;
    case RULE_WITHIN_BUDGET:
        if (b->has_budgeted_costs && b->budgeted_costs > 0) {
            r = (rule_result){rule, RULE_NOT_MET, b->actual_costs, b->budgeted_costs, 0, false};
            r.has_tenths = money_share_tenths(r.part, r.whole, &r.tenths);
            if (b->actual_costs <= b->budgeted_costs)
                r.status = RULE_MET;
        }
        return r;
    }
    return r;
}
