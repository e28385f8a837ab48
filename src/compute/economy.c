#include "economy.h"

#include <stdio.h>

#include "format.h"
#include "i18n.h"
#include "money.h"

/* The costs by class from the actual amounts per category, or else per
 * budget row; false when there are none. */
static bool actual_split(const outcome *o, cost_split *s)
{
    const outcome_amount *list = o->ncategories ? o->categories : o->rows;
    size_t n = o->ncategories ? o->ncategories : o->nrows;
    *s = (cost_split){{0}, 0};
    bool any = false;
    for (size_t i = 0; i < n; i++) {
        if (list[i].income)
            continue;
        int64_t *into = &s->amount[budget_cost_class(list[i].category)];
        if (!money_add(*into, list[i].amount, into) ||
            !money_add(s->total, list[i].amount, &s->total))
            return false;
        any = true;
    }
    return any;
}

static void stated_split(const outcome *o, outcome_figures *f)
{
    for (size_t i = 0; i < o->ncost_split; i++) {
        f->has_stated_split = true;
        f->stated_split[budget_cost_class(o->cost_split[i].category)] += o->cost_split[i].percent;
    }
}

static rule_basis outcome_basis(const outcome *o, const outcome_figures *f)
{
    rule_basis b = {0};
    if (f->has_split && o->costs.present && f->split.total == o->costs.value &&
        o->costs.value > 0) {
        b.has_costs = true;
        b.costs = o->costs.value;
        b.admin_costs = f->split.amount[COST_ADMINISTRATION];
    }
    b.has_equity = o->equity.present;
    b.equity = o->equity.value;
    b.has_allocation = o->allocation.present;
    b.allocation = o->allocation.value;
    b.has_budgeted_costs = o->budget.present && o->costs.present;
    b.budgeted_costs = o->budget.value;
    b.actual_costs = o->costs.value;
    return b;
}

outcome_figures economy_compute(const outcome *o)
{
    outcome_figures f = {0};
    f.has_result = o->income.present && o->costs.present &&
                   money_sub(o->income.value, o->costs.value, &f.result);
    f.has_variance = o->budget.present && o->costs.present &&
                     budget_variance(o->budget.value, o->costs.value, &f.costs_variance);
    /* amounts that do not make the costs (a few rows of many) give no split */
    f.has_split = actual_split(o, &f.split) &&
                  (!o->costs.present || f.split.total == o->costs.value) &&
                  budget_cost_shares(&f.split, 1000, f.split_tenths);
    stated_split(o, &f);
    f.has_equity_share = o->equity.present && o->allocation.present && o->allocation.value > 0 &&
                         money_share_tenths(o->equity.value, o->allocation.value, &f.equity_tenths);
    f.has_next_result = o->next.income.present && o->next.costs.present &&
                        money_sub(o->next.income.value, o->next.costs.value, &f.next_result);
    f.basis = outcome_basis(o, &f);
    return f;
}

static void check_result(const outcome *o, const outcome_figures *f, diag_list *dl)
{
    const figure *p = &o->printed_result;
    if (!p->present || !f->has_result || p->value == f->result)
        return;
    char a[FORMAT_BUF], b[FORMAT_BUF], x[FORMAT_BUF], y[FORMAT_BUF], cause[200], sv_cause[200];
    int64_t variance_amount;
    if (o->budget.present && money_sub(o->budget.value, o->costs.value, &variance_amount) &&
        variance_amount == p->value) {
        format_int(x, o->budget.value);
        format_int(y, o->costs.value);
        snprintf(cause, sizeof cause,
                 _("it is the budget minus the costs (%s − %s), not income minus costs"), x, y);
        snprintf(sv_cause, sizeof sv_cause,
                 "är det budgeten minus kostnaderna (%s − %s), inte intäkterna minus kostnaderna",
                 x, y);
    } else if (money_digits_swapped(f->result, p->value)) {
        snprintf(cause, sizeof cause, _("two digits seem swapped"));
        snprintf(sv_cause, sizeof sv_cause, "har två siffror bytt plats");
    } else {
        snprintf(cause, sizeof cause, _("the income, the costs or the result seems mistyped"));
        snprintf(sv_cause, sizeof sv_cause, "är intäkterna, kostnaderna eller resultatet felskrivet");
    }
    diag_add(dl, DIAG_WARNING, p->pos.file, p->pos.line, p->pos.col, NULL,
             "result %d: the printed result is %s but income − costs is %s (%s − %s); likely "
             "cause: %s",
             o->year, format_int(a, p->value), format_int(b, f->result),
             format_int(x, o->income.value), format_int(y, o->costs.value), cause);
    diag_for_reader(dl,
                    "Resultatet %d står som %s i underlaget, men intäkterna minus kostnaderna ger "
                    "%s (%s − %s); troligen %s.",
                    o->year, a, b, x, y, sv_cause);
}

/* The printed shares must add up to 100 % and, where the amounts are known,
 * each be its share rounded up or down to the printed precision. */
static void check_split(const outcome *o, const outcome_figures *f, diag_list *dl)
{
    if (!f->has_stated_split)
        return;
    const source_pos *at = &o->cost_split[0].pos;
    int64_t sum = 0;
    for (int k = 0; k < COST_CLASSES; k++)
        sum += f->stated_split[k];
    char a[FORMAT_BUF], b[FORMAT_BUF];
    if (sum != 10000) {
        diag_add(dl, DIAG_WARNING, at->file, at->line, at->col, NULL,
                 "cost split %d: the printed shares add up to %s but should make 100" NBSP "%%",
                 o->year, format_percent(a, sum / 10, sum % 100 ? 1 : 0));
        diag_for_reader(dl, "Kostnadsfördelningen %d: andelarna summerar till %s, inte 100" NBSP "%%.",
                        o->year, a);
    }
    if (!f->has_split)
        return;
    static const char *const names[] = {"individual", "structural", "administration", "other"};
    static const char *const sv_names[] = {"individinriktade insatser",
                                           "strukturövergripande insatser", "administration",
                                           "övrigt"};
    for (int k = 0; k < COST_CLASSES; k++) {
        /* the exact share in hundredths of a percent against the printed one */
        int64_t exact;
        if (!money_muldiv(f->split.amount[k], 10000, f->split.total, &exact) ||
            (exact - f->stated_split[k] < 100 && f->stated_split[k] - exact < 100))
            continue;
        diag_add(dl, DIAG_WARNING, at->file, at->line, at->col, NULL,
                 "cost split %d: the %s share is printed as %s but the amounts make it %s", o->year,
                 names[k], format_percent(a, f->stated_split[k] / 10, 0),
                 format_percent(b, f->split_tenths[k], 1));
        diag_for_reader(dl, "Kostnadsfördelningen %d: andelen för %s står som %s, men beloppen ger %s.",
                        o->year, sv_names[k], a, b);
    }
}

/* Actual amounts by category that should make the costs. */
static void check_categories(const outcome *o, diag_list *dl)
{
    cost_split s;
    if (!o->ncategories || !o->costs.present || !actual_split(o, &s) || s.total == o->costs.value)
        return;
    char a[FORMAT_BUF], b[FORMAT_BUF];
    const source_pos *at = &o->categories[0].pos;
    diag_add(dl, DIAG_WARNING, at->file, at->line, at->col, NULL,
             "costs %d: the amounts by category add up to %s but the costs are %s", o->year,
             format_int(a, s.total), format_int(b, o->costs.value));
    diag_for_reader(dl, "Kostnaderna %d: beloppen per kostnadsslag summerar till %s, men kostnaderna "
                        "är %s.",
                    o->year, a, b);
}

static void check_allocation(const outcome *o, diag_list *dl)
{
    if (!o->allocation.present || !o->income.present || o->allocation.value <= o->income.value)
        return;
    char a[FORMAT_BUF], b[FORMAT_BUF];
    const source_pos *at = &o->allocation.pos;
    diag_add(dl, DIAG_WARNING, at->file, at->line, at->col, NULL,
             "income %d: the member allocation %s is more than the whole income %s", o->year,
             format_int(a, o->allocation.value), format_int(b, o->income.value));
    diag_for_reader(dl, "Intäkterna %d: medlemsavgifterna %s är mer än hela intäkten %s.", o->year,
                    a, b);
}

static void check_next(const outcome *o, diag_list *dl)
{
    const next_budget *nb = &o->next;
    int64_t sum = 0;
    for (size_t i = 0; i < nb->nof_which; i++)
        sum += nb->of_which[i].amount; /* the loader bounds amounts */
    const figure *whole = nb->total.present ? &nb->total : &nb->costs;
    if (!nb->nof_which || !whole->present || sum <= whole->value)
        return;
    char a[FORMAT_BUF], b[FORMAT_BUF];
    diag_add(dl, DIAG_WARNING, whole->pos.file, whole->pos.line, whole->pos.col, NULL,
             "budget %d: the parts named (“varav”) add up to %s, more than the whole %s", nb->year,
             format_int(a, sum), format_int(b, whole->value));
    diag_for_reader(dl, "Budgeten %d: delarna (”varav”) summerar till %s, mer än helheten %s.",
                    nb->year, a, b);
}

void economy_check(const outcome *o, const outcome_figures *f, diag_list *dl)
{
    check_result(o, f, dl);
    check_split(o, f, dl);
    check_categories(o, dl);
    check_allocation(o, dl);
    check_next(o, dl);
}
