#include "rules.h"

#include "money.h"

const char *rule_kind_text(rule_kind kind)
{
    switch (kind) {
    case RULE_ADMIN_SHARE_MAX: return "administration share of costs";
    case RULE_EQUITY_SHARE_MAX: return "equity share of allocation";
    case RULE_BUFFER_MIN: return "buffer";
    case RULE_BUDGET_HELD: return "budget held";
    }
    return "?";
}

const char *rule_status_text(rule_status status)
{
    switch (status) {
    case RULE_MET: return "met";
    case RULE_NOT_MET: return "not met";
    case RULE_NO_DATA: return "no data";
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
    r.has_equity = col->kind != COLUMN_OUTCOME && budget_carries_equity(b);
    r.equity = r.has_equity ? t->result : 0;
    ptrdiff_t planned = budget_find_column(b, col->year, COLUMN_BUDGET);
    if (col->kind == COLUMN_OUTCOME && planned >= 0 && f->columns[planned].has_costs &&
        !f->columns[planned].overflow && t->has_costs) {
        r.has_budgeted_costs = true;
        r.budgeted_costs = f->columns[planned].costs;
        r.actual_costs = t->costs;
    }
    return r;
}

/* part ≤ threshold (in tenths of a percent) of whole, compared exactly. */
static rule_result share_at_most(rule_kind kind, int64_t threshold, bool have, int64_t part,
                                 int64_t whole)
{
    rule_result r = {kind, RULE_NO_DATA, part, whole, 0, false, threshold};
    if (!have || whole <= 0)
        return r;
    r.has_tenths = money_share_tenths(part, whole, &r.tenths);
    r.status = money_compare_ratio(part, whole, threshold, 1000) <= 0 ? RULE_MET : RULE_NOT_MET;
    return r;
}

rule_result rule_evaluate(const rule_spec *rule, const rule_basis *b)
{
    rule_result r = {rule->kind, RULE_NO_DATA, 0, 0, 0, false, rule->threshold};
    switch (rule->kind) {
    case RULE_ADMIN_SHARE_MAX:
        return share_at_most(rule->kind, rule->threshold, b->has_costs, b->admin_costs, b->costs);
    case RULE_EQUITY_SHARE_MAX:
        return share_at_most(rule->kind, rule->threshold, b->has_equity && b->has_allocation,
                             b->equity, b->allocation);
    case RULE_BUFFER_MIN:
        if (b->has_buffer) {
            r.part = b->buffer;
            r.status = b->buffer >= rule->threshold ? RULE_MET : RULE_NOT_MET;
        }
        return r;
    case RULE_BUDGET_HELD:
        if (b->has_budgeted_costs) {
            r = share_at_most(rule->kind, 1000, true, b->actual_costs, b->budgeted_costs);
            r.threshold = rule->threshold;
        }
        return r;
    }
    return r;
}
