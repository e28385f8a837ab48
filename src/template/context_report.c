/* The context of an annual report (verksamhetsberättelse) from an outcome
 * year: the economy and its key ratios, budget against outcome per row where
 * the plan of the year gives the budget, the cost split, the financial rules
 * and the targets of that plan, the participants of each intervention, and
 * notes where the compute stage warns about a printed figure. Without a plan
 * of the year, the parts that need one are left out. */
#include "context.h"

#include <string.h>

#include "format.h"
#include "goals.h"
#include "money.h"

typedef struct {
    arena *mem;
    const outcome *o;
    const outcome_checked *oc;
    const context_diags *warnings;
} report_ctx;

static value *amount_of(report_ctx *x, const figure *f)
{
    return f->present ? context_amount_in(x->mem, f->value, x->o->unit) : value_null(x->mem);
}

static bool warned(report_ctx *x, source_pos pos)
{
    return context_warned_at(x->warnings, pos);
}

static size_t count_of(const value *list)
{
    return list->as.list.count;
}

/* ---- the economy ------------------------------------------------------------- */

/* Costs against a budget, as a board reads it: positive when the costs stay
 * below the budget (income: when it exceeds it), with the share of the
 * budget. NULL when either is missing. */
static value *deviation_value(report_ctx *x, int64_t budgeted, int64_t actual, bool income)
{
    variance v;
    if (!budget_variance(budgeted, actual, &v))
        return NULL;
    int64_t amount = income ? v.amount : -v.amount, tenths = income ? v.tenths : -v.tenths;
    value *d = context_amount_in(x->mem, amount, x->o->unit);
    value_set(x->mem, d, "percent", context_percent(x->mem, tenths, 1, v.has_percent));
    value_set_bool(x->mem, d, "favourable", amount > 0);
    value_set_bool(x->mem, d, "unfavourable", amount < 0);
    return d;
}

static value *economy_notes(report_ctx *x)
{
    static context_kinds economy_note_kinds = {"result", "allocation", "categories", "next", NULL};
    arena *mem = x->mem;
    const outcome *o = x->o;
    const outcome_figures *f = &x->oc->economy;
    value *notes = value_list(mem);
    if (o->printed_result.present && f->has_result && warned(x, o->printed_result.pos)) {
        value *n = value_map(mem);
        value_set(mem, n, "printed", amount_of(x, &o->printed_result));
        value_set(mem, n, "computed", context_amount_in(mem, f->result, o->unit));
        value_set(mem, n, "income", amount_of(x, &o->income));
        value_set(mem, n, "costs", amount_of(x, &o->costs));
        bool is_variance =
            o->budget.present && o->budget.value - o->costs.value == o->printed_result.value;
        value_set(mem, n, "budget", is_variance ? amount_of(x, &o->budget) : value_null(mem));
        value_push(mem, notes, context_keyed(mem, economy_note_kinds, "result", n));
    }
    if (o->allocation.present && o->income.present && warned(x, o->allocation.pos)) {
        value *n = value_map(mem);
        value_set(mem, n, "allocation", amount_of(x, &o->allocation));
        value_set(mem, n, "income", amount_of(x, &o->income));
        value_push(mem, notes, context_keyed(mem, economy_note_kinds, "allocation", n));
    }
    if (o->ncategories && warned(x, o->categories[0].pos)) {
        int64_t sum = 0;
        for (size_t i = 0; i < o->ncategories; i++)
            sum +=
                o->categories[i].income ? 0 : o->categories[i].amount; /* bounded by the loader */
        value *n = value_map(mem);
        value_set(mem, n, "sum", context_amount_in(mem, sum, o->unit));
        value_set(mem, n, "costs", amount_of(x, &o->costs));
        value_push(mem, notes, context_keyed(mem, economy_note_kinds, "categories", n));
    }
    const figure *whole = o->next.total.present ? &o->next.total : &o->next.costs;
    if (whole->present && warned(x, whole->pos)) {
        value *n = value_map(mem);
        value_set(mem, n, "whole", amount_of(x, whole));
        value_push(mem, notes, context_keyed(mem, economy_note_kinds, "next", n));
    }
    return notes;
}

static value *economy_value(report_ctx *x)
{
    arena *mem = x->mem;
    const outcome *o = x->o;
    const outcome_figures *f = &x->oc->economy;
    value *v = value_map(mem);
    value_set(mem, v, "income", amount_of(x, &o->income));
    value_set(mem, v, "allocation", amount_of(x, &o->allocation));
    value_set(mem, v, "budget", amount_of(x, &o->budget));
    value_set(mem, v, "costs", amount_of(x, &o->costs));
    value_set(mem, v, "equity", amount_of(x, &o->equity));
    value_set(mem, v, "result",
              f->has_result ? context_amount_in(mem, f->result, o->unit) : value_null(mem));
    value *dev = o->budget.present && o->costs.present
                     ? deviation_value(x, o->budget.value, o->costs.value, false)
                     : NULL;
    value_set(mem, v, "deviation", dev ? dev : value_null(mem));
    value_set_bool(mem, v, "present",
                   o->income.present || o->allocation.present || o->budget.present ||
                       o->costs.present || o->equity.present);
    value *notes = value_set(mem, v, "notes", economy_notes(x));
    value_set_bool(mem, v, "has_notes", count_of(notes) > 0);
    return v;
}

/* The budget of the following year as the outcome states it. */
static value *next_value(report_ctx *x)
{
    arena *mem = x->mem;
    const next_budget *nb = &x->o->next;
    value *v = value_map(mem);
    char buf[FORMAT_BUF];
    value_set_string(mem, v, "year", format_year(buf, nb->year ? nb->year : x->o->year + 1));
    value_set(mem, v, "total", amount_of(x, &nb->total));
    value_set(mem, v, "income", amount_of(x, &nb->income));
    value_set(mem, v, "costs", amount_of(x, &nb->costs));
    const outcome_figures *f = &x->oc->economy;
    value_set(mem, v, "result",
              f->has_next_result ? context_amount_in(mem, f->next_result, x->o->unit)
                                 : value_null(mem));
    value *parts = value_set(mem, v, "of_which", value_list(mem));
    for (size_t i = 0; i < nb->nof_which; i++) {
        value *p = value_map(mem);
        value_set_string(mem, p, "label", nb->of_which[i].label);
        value_set(mem, p, "amount", context_amount_in(mem, nb->of_which[i].amount, x->o->unit));
        value_push(mem, parts, p);
    }
    value_set_bool(mem, v, "present", nb->total.present || nb->income.present || nb->costs.present);
    return v;
}

/* ---- budget against outcome, and the costs by row ------------------------------------ */

/* `amount` of a plan's budget (in `from`) in the outcome's unit. */
static bool in_unit(int64_t amount, money_unit from, money_unit to, int64_t *out)
{
    if (from == to) {
        *out = amount;
        return true;
    }
    return from == UNIT_TKR ? money_muldiv(amount, 1000, 1, out)
                            : money_muldiv(amount, 1, 1000, out);
}

/* The budgeted amount of an outcome row in the plan of the year. */
static bool budgeted(report_ctx *x, const outcome_amount *a, int64_t *out)
{
    const plan *p = x->o->plan_of_year;
    if (!p || a->plan_row < 0)
        return false;
    const budget *b = &p->budget;
    ptrdiff_t c = budget_find_column(b, x->o->year, COLUMN_BUDGET);
    const budget_row *row = a->income ? &b->income[a->plan_row] : &b->costs[a->plan_row];
    return c >= 0 && row->cells[c].present &&
           in_unit(row->cells[c].amount, b->unit, x->o->unit, out);
}

static context_kinds class_keys = {"is_individual", "is_structural", "is_administration",
                                   "is_other", NULL};

/* A share of the costs, each rounded on its own: a reader who divides gets
 * the same. */
static value *share_of_costs(report_ctx *x, int64_t amount)
{
    int64_t tenths;
    bool ok = x->o->costs.present && money_share_tenths(amount, x->o->costs.value, &tenths);
    return context_percent(x->mem, ok ? tenths : 0, 1, ok);
}

/* Shares for the rows without a budget, and what they leave unnamed
 * ("Övriga kostnader"). */
static void cost_shares(report_ctx *x, value *spent, const int64_t *amounts, value *rv)
{
    arena *mem = x->mem;
    const outcome *o = x->o;
    int64_t named = 0, rest = 0;
    for (size_t i = 0; i < count_of(spent); i++) {
        value_set(mem, spent->as.list.items[i], "share", share_of_costs(x, amounts[i]));
        named += amounts[i]; /* bounded by the loader */
    }
    value *r = value_null(mem);
    if (o->costs.present && money_sub(o->costs.value, named, &rest) && rest > 0) {
        r = context_amount_in(mem, rest, o->unit);
        value_set(mem, r, "share", share_of_costs(x, rest));
    }
    value_set(mem, rv, "cost_rest", r);
}

static void budget_rows(report_ctx *x, value *against, value *spent, value *rv)
{
    arena *mem = x->mem;
    const outcome *o = x->o;
    int64_t *amounts = ARENA_ARRAY(mem, int64_t, o->nrows + 1);
    for (size_t i = 0; i < o->nrows; i++) {
        const outcome_amount *a = &o->rows[i];
        value *r = value_map(mem);
        value_set_string(mem, r, "label", a->label);
        value_set(mem, r, "actual", context_amount_in(mem, a->amount, o->unit));
        int64_t planned;
        value *dev;
        if (budgeted(x, a, &planned) && (dev = deviation_value(x, planned, a->amount, a->income))) {
            value_set(mem, r, "budget", context_amount_in(mem, planned, o->unit));
            value_set(mem, r, "deviation", dev);
            value_set_bool(mem, r, "is_income", a->income);
            value_push(mem, against, r);
        } else if (!a->income && a->amount >= 0) {
            context_set_kind(mem, r, class_keys, class_keys[budget_cost_class(a->category)]);
            amounts[count_of(spent)] = a->amount;
            value_push(mem, spent, r);
        }
    }
    cost_shares(x, spent, amounts, rv);
}

/* ---- the cost split ---------------------------------------------------------- */

static value *split_class(report_ctx *x, int k, const char *label, value *percent)
{
    arena *mem = x->mem;
    value *c = value_map(mem);
    context_set_kind(mem, c, class_keys, class_keys[k]);
    /* a name the outcome gives a share outside the three classes ("ny verksamhet") */
    const char *name = k == COST_OTHER ? context_capitalized(mem, label) : NULL;
    value_set_string(mem, c, "name", name);
    value_set_string(mem, c, "name_yaml", name ? context_yaml_string(mem, name) : NULL);
    value_set(mem, c, "percent", percent);
    value_set(mem, c, "amount", value_null(mem));
    return c;
}

static value *split_value(report_ctx *x)
{
    arena *mem = x->mem;
    const outcome *o = x->o;
    const outcome_figures *f = &x->oc->economy;
    value *v = value_map(mem);
    value *classes = value_set(mem, v, "classes", value_list(mem));
    if (f->has_split) {
        for (int k = 0; k < COST_CLASSES; k++) {
            if (k == COST_OTHER && f->split.amount[k] == 0)
                continue;
            value *c = split_class(x, k, NULL, context_percent(mem, f->split_tenths[k], 1, true));
            value_set(mem, c, "amount", context_amount_in(mem, f->split.amount[k], o->unit));
            value_push(mem, classes, c);
        }
    } else {
        for (size_t i = 0; i < o->ncost_split; i++) {
            const cost_share *s = &o->cost_split[i];
            value_push(
                mem, classes,
                split_class(x, budget_cost_class(s->category), s->label,
                            context_percent(mem, s->percent / 10, s->percent % 100 ? 1 : 0, true)));
        }
    }
    context_mark_ends(mem, classes);
    value_set_bool(mem, v, "present", count_of(classes) > 0);
    value_set_bool(mem, v, "from_amounts", f->has_split);
    value *notes = value_set(mem, v, "notes", value_list(mem));
    if (o->ncost_split && warned(x, o->cost_split[0].pos)) {
        int64_t sum = 0;
        for (int k = 0; k < COST_CLASSES; k++)
            sum += f->stated_split[k];
        value *n = value_map(mem);
        value_set(mem, n, "sum", context_percent(mem, sum / 10, sum % 100 ? 1 : 0, true));
        value_set_bool(mem, n, "not_whole", sum != 10000);
        value_push(mem, notes, n);
    }
    value_set_bool(mem, v, "has_notes", count_of(notes) > 0);
    return v;
}

/* ---- key ratios --------------------------------------------------------------- */

static value *ratios_value(report_ctx *x)
{
    arena *mem = x->mem;
    const outcome *o = x->o;
    const outcome_figures *f = &x->oc->economy;
    const participant_summary *ps = &x->oc->participants;
    value *v = value_map(mem);
    value *admin = value_null(mem);
    if (f->has_split) {
        admin = context_percent(mem, f->split_tenths[COST_ADMINISTRATION], 1, true);
        value_set_bool(mem, admin, "stated", false);
    } else if (f->has_stated_split) {
        int64_t h = f->stated_split[COST_ADMINISTRATION];
        admin = context_percent(mem, h / 10, h % 100 ? 1 : 0, true);
        value_set_bool(mem, admin, "stated", true);
    }
    value_set(mem, v, "admin", admin);
    value_set(mem, v, "equity",
              f->has_equity_share ? context_percent(mem, f->equity_tenths, 1, true)
                                  : value_null(mem));
    int64_t tenths;
    bool used = o->budget.present && o->costs.present &&
                money_share_tenths(o->costs.value, o->budget.value, &tenths);
    value_set(mem, v, "used", used ? context_percent(mem, tenths, 1, true) : value_null(mem));
    value_set(mem, v, "women",
              ps->has_gender_shares ? context_percent(mem, ps->women_tenths, 1, true)
                                    : value_null(mem));
    value_set(mem, v, "work_or_studies",
              ps->has_exit_share ? context_percent(mem, ps->work_or_studies_tenths, 1, true)
                                 : value_null(mem));
    int64_t met;
    const goal_tallies *g = &x->oc->goals;
    bool has_met = o->plan_of_year && target_tally_share_met(&g->all, &met);
    value_set(mem, v, "targets_met",
              has_met ? context_percent(mem, met, 0, true) : value_null(mem));
    value_set_bool(mem, v, "present",
                   value_truthy(admin) || f->has_equity_share || used || ps->has_gender_shares ||
                       ps->has_exit_share || has_met);
    return v;
}

/* ---- financial rules and targets of the plan of the year ------------------------ */

static value *rules_value(report_ctx *x)
{
    arena *mem = x->mem;
    value *list = value_list(mem);
    const plan *p = x->o->plan_of_year;
    for (size_t r = 0; p && r < x->oc->nrules; r++) {
        value *v = context_rule(mem, &p->rules[r], x->o->unit);
        value_set(mem, v, "result", context_rule_result(mem, &x->oc->rules[r], x->o->unit));
        value_push(mem, list, v);
    }
    return list;
}

/* A target's value with its unit: "80 personer", "90 %". */
static const char *target_figure(arena *mem, hundredths v, const target *t)
{
    char buf[FORMAT_BUF]; /* as few decimals as the value has: 27,5 %, 80 */
    const char *n = v % 10 ? format_fixed(buf, v, 2) : v % 100 ? format_fixed(buf, v / 10, 1)
                                                               : format_int(buf, v / 100);
    if (t->percent)
        return arena_printf(mem, "%s" NBSP "%%", n);
    return t->unit ? arena_printf(mem, "%s %s", n, t->unit) : arena_strdup(mem, n);
}

static value *target_value(report_ctx *x, const target_list *l, size_t k, value *notes)
{
    static context_kinds cmps = {"is_none", "is_at_least", "is_at_most", "is_exactly", NULL};
    static context_kinds statuses = {"is_met", "is_not_met", "is_no_data", NULL};
    arena *mem = x->mem;
    const target *t = &l->targets[k];
    const target_outcome *to = target_outcome_of(x->o, l, k);
    target_judgment j = target_judge(t, to);
    value *v = value_map(mem);
    value_set_string(mem, v, "text", t->text);
    context_set_kind(mem, v, cmps, cmps[t->cmp]);
    value_set_string(mem, v, "goal", t->cmp != CMP_NONE ? target_figure(mem, t->value, t) : NULL);
    value_set_string(mem, v, "reached",
                     to && to->value >= 0 ? target_figure(mem, to->value, t) : NULL);
    context_set_kind(mem, v, statuses, statuses[j.status]);
    value_set_string(mem, v, "note", to ? to->note : NULL);
    if (to && j.stated_differs && warned(x, to->pos)) {
        value *n = value_map(mem);
        value_set_string(mem, n, "intervention", l->name);
        value_set_string(mem, n, "text", t->text);
        value_set_bool(mem, n, "stated_met", to->met == 1);
        value_set_string(mem, n, "reached", target_figure(mem, to->value, t));
        value_push(mem, notes, n);
    }
    return v;
}

static value *tally_value(arena *mem, const target_tally *t)
{
    value *v = value_map(mem);
    value_set(mem, v, "met", context_amount(mem, (int64_t)t->met, true));
    value_set(mem, v, "not_met", context_amount(mem, (int64_t)t->not_met, true));
    value_set(mem, v, "no_data", context_amount(mem, (int64_t)t->no_data, true));
    value_set(mem, v, "all",
              context_amount(mem, (int64_t)(t->met + t->not_met + t->no_data), true));
    int64_t tenths;
    bool share = target_tally_share_met(t, &tenths);
    value_set(mem, v, "share", share ? context_percent(mem, tenths, 0, true) : value_null(mem));
    return v;
}

static value *goals_value(report_ctx *x)
{
    arena *mem = x->mem;
    const plan *p = x->o->plan_of_year;
    value *v = value_map(mem);
    /* lists: every list of targets, the association's first; interventions:
     * those of the interventions alone */
    value *lists = value_set(mem, v, "lists", value_list(mem));
    value *ivs = value_set(mem, v, "interventions", value_list(mem));
    bool any_notes = false;
    size_t targets = 0;
    target_list l;
    for (size_t k = 0; p && goals_target_list(p, k, &l); k++) {
        if (!l.ntargets)
            continue;
        value *lv = value_map(mem);
        value_set_string(mem, lv, "name", l.name);
        value_set_bool(mem, lv, "is_association", l.owner == TARGETS_OF_PLAN);
        value_set_bool(mem, lv, "is_goal_area", l.owner == TARGETS_OF_GOAL_AREA);
        value *list = value_set(mem, lv, "targets", value_list(mem));
        value *own = value_set(mem, lv, "notes", value_list(mem));
        for (size_t t = 0; t < l.ntargets; t++)
            value_push(mem, list, target_value(x, &l, t, own));
        value_set_bool(mem, lv, "has_notes", count_of(own) > 0);
        any_notes = any_notes || count_of(own) > 0;
        value_push(mem, lists, lv);
        if (l.owner == TARGETS_OF_INTERVENTION)
            value_push(mem, ivs, lv);
        targets += l.ntargets;
    }
    value_set_bool(mem, v, "present", targets > 0);
    if (!targets)
        return v;
    value_set(mem, v, "all", tally_value(mem, &x->oc->goals.all));
    value *areas = value_set(mem, v, "areas", value_list(mem));
    /* the association's own targets head the table, then the goal areas */
    const target_tally *own = &x->oc->goals.association;
    bool has_own = own->met + own->not_met + own->no_data > 0;
    value_set_bool(mem, v, "has_association", has_own);
    if (has_own) {
        value *av = tally_value(mem, own);
        value_set_bool(mem, av, "is_association", true);
        value_set_string(mem, av, "title", NULL);
        value_push(mem, areas, av);
    }
    for (size_t a = 0; a < p->ngoal_areas; a++) {
        const target_tally *t = &x->oc->goals.areas[a];
        if (t->met + t->not_met + t->no_data == 0)
            continue;
        value *av = tally_value(mem, t);
        value_set_string(mem, av, "title", p->goal_areas[a].title);
        value_set_bool(mem, av, "is_association", false);
        value_push(mem, areas, av);
    }
    value_set_bool(mem, v, "has_areas", count_of(areas) > 1); /* one alone says nothing more */
    value_set_bool(mem, v, "has_notes", any_notes);
    return v;
}

/* ---- participants ------------------------------------------------------------- */


typedef struct {
    stat_count reasons[EXIT_REASON_COUNT], sum;
} row_reasons;

static row_reasons reasons_of(const participant_stats *r)
{
    row_reasons rr = {0};
    for (size_t k = 0; k < r->nreasons; k++) {
        stat_count *c = &rr.reasons[r->reasons[k].reason];
        c->value += r->reasons[k].count, c->present = true; /* counts are bounded by the loader */
        rr.sum.value += r->reasons[k].count, rr.sum.present = true;
    }
    return rr;
}

/* The participants of a row: its women and men, or its total. */
static stat_count people_of(const participant_stats *r)
{
    if (!r->women.present && !r->men.present)
        return (stat_count){r->total.value, r->total.present};
    return (stat_count){
        (r->women.present ? r->women.value : 0) + (r->men.present ? r->men.value : 0), true};
}

static value *count_value(arena *mem, stat_count c)
{
    return context_amount(mem, c.value, c.present);
}

static value *figure_count(arena *mem, const figure *f)
{
    return context_amount(mem, f->value, f->present);
}

static bool in_year(const outcome *o, const participant_stats *r)
{
    return (r->year ? r->year : o->year) == o->year;
}

static const char *intervention_name(const outcome *o, const participant_stats *r)
{
    if (o->plan_of_year && r->plan_intervention >= 0)
        return o->plan_of_year->interventions[r->plan_intervention].name;
    return r->intervention;
}

static value *reason_cells(arena *mem, const stat_count *reasons, const bool *used)
{
    value *cells = value_list(mem);
    for (int k = 0; k < EXIT_REASON_COUNT; k++)
        if (used[k])
            value_push(mem, cells, count_value(mem, reasons[k]));
    return cells;
}

static value *exit_share(arena *mem, int64_t part, stat_count exits)
{
    int64_t tenths;
    bool ok = exits.present && money_share_tenths(part, exits.value, &tenths);
    return context_percent(mem, ok ? tenths : 0, 1, ok);
}

/* The notes beside the participants' table: a row's, or the total line's. */
static context_kinds participant_note_kinds = {"row", "total", NULL};

static value *row_note(report_ctx *x, const participant_stats *r, const row_reasons *rr)
{
    arena *mem = x->mem;
    stat_count people = people_of(r);
    value *n = value_map(mem);
    value_set_string(mem, n, "name", intervention_name(x->o, r));
    value_set(mem, n, "reasons", value_null(mem));
    value_set(mem, n, "total", value_null(mem));
    bool any = false;
    if (rr->sum.present && r->exits.present && rr->sum.value != r->exits.value) {
        value *d = value_set(mem, n, "reasons", value_map(mem));
        value_set(mem, d, "sum", count_value(mem, rr->sum));
        value_set(mem, d, "exits", figure_count(mem, &r->exits));
        any = true;
    }
    if (r->total.present && (r->women.present || r->men.present) &&
        r->total.value != people.value) {
        value *d = value_set(mem, n, "total", value_map(mem));
        value_set(mem, d, "stated", figure_count(mem, &r->total));
        value_set(mem, d, "sum", count_value(mem, people));
        any = true;
    }
    bool exits_over = people.present && r->exits.present && r->exits.value > people.value;
    bool new_over =
        people.present && r->new_participants.present && r->new_participants.value > people.value;
    value_set_bool(mem, n, "exits_over", exits_over);
    value_set_bool(mem, n, "new_over", new_over);
    value_set(mem, n, "people", count_value(mem, people));
    return any || exits_over || new_over ? n : NULL;
}

/* Where the printed "Totalt" line differs from the sum of the rows. */
static void total_notes(report_ctx *x, value *notes)
{
    arena *mem = x->mem;
    const participant_stats *t = x->o->participants_total;
    const participant_summary *s = &x->oc->participants;
    if (!t || !warned(x, t->pos))
        return;
    row_reasons rr = reasons_of(t);
    static context_kinds lines_of = {"is_women",  "is_men", "is_participants", "is_new", "is_exits",
                                     "is_reason", NULL};
    struct {
        const char *key;
        stat_count stated, sum;
    } lines[] = {
        {"is_women", {t->women.value, t->women.present}, s->women},
        {"is_men", {t->men.value, t->men.present}, s->men},
        {"is_participants", {t->total.value, t->total.present}, s->participants},
        {"is_new", {t->new_participants.value, t->new_participants.present}, s->new_participants},
        {"is_exits", {t->exits.value, t->exits.present}, s->exits}};
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
        if (!lines[i].stated.present || !lines[i].sum.present ||
            lines[i].stated.value == lines[i].sum.value)
            continue;
        value *n = value_map(mem);
        context_set_kind(mem, n, lines_of, lines[i].key);
        context_set_kind(mem, n, CONTEXT_EXIT_REASONS, NULL);
        value_set(mem, n, "stated", count_value(mem, lines[i].stated));
        value_set(mem, n, "sum", count_value(mem, lines[i].sum));
        value_push(mem, notes, context_keyed(mem, participant_note_kinds, "total", n));
    }
    for (int k = 0; k < EXIT_REASON_COUNT; k++) {
        if (!rr.reasons[k].present || !s->reasons[k].present ||
            rr.reasons[k].value == s->reasons[k].value)
            continue;
        value *n = value_map(mem);
        context_set_kind(mem, n, lines_of, "is_reason");
        context_set_kind(mem, n, CONTEXT_EXIT_REASONS, CONTEXT_EXIT_REASONS[k]);
        value_set(mem, n, "stated", count_value(mem, rr.reasons[k]));
        value_set(mem, n, "sum", count_value(mem, s->reasons[k]));
        value_push(mem, notes, context_keyed(mem, participant_note_kinds, "total", n));
    }
}

/* What the source says of a row besides its figures, and the exit reasons in
 * its own words. */
static value *row_comment(report_ctx *x, const participant_stats *r)
{
    arena *mem = x->mem;
    value *details = value_list(mem);
    for (size_t k = 0; k < r->nreasons; k++) {
        if (!r->reasons[k].label)
            continue;
        value *d = value_map(mem);
        value_set_string(mem, d, "label", r->reasons[k].label);
        value_set(mem, d, "count", context_amount(mem, r->reasons[k].count, true));
        value_push(mem, details, d);
    }
    if (!r->note && !count_of(details))
        return NULL;
    context_mark_ends(mem, details);
    value *c = value_map(mem);
    value_set_string(mem, c, "name", intervention_name(x->o, r));
    value_set_string(mem, c, "note", r->note);
    value_set(mem, c, "details", details);
    value_set_bool(mem, c, "has_details", count_of(details) > 0);
    return c;
}

static value *participant_row(report_ctx *x, const participant_stats *r, const bool *used)
{
    arena *mem = x->mem;
    row_reasons rr = reasons_of(r);
    value *v = value_map(mem);
    value_set_string(mem, v, "name", intervention_name(x->o, r));
    value_set(mem, v, "women", figure_count(mem, &r->women));
    value_set(mem, v, "men", figure_count(mem, &r->men));
    value_set(mem, v, "people", count_value(mem, people_of(r)));
    value_set(mem, v, "new", figure_count(mem, &r->new_participants));
    value_set(mem, v, "exits", figure_count(mem, &r->exits));
    value_set(mem, v, "reasons", reason_cells(mem, rr.reasons, used));
    int64_t to_work = 0;
    for (int k = EXIT_WORK; k <= EXIT_WORK_OR_STUDIES; k++)
        to_work += rr.reasons[k].value;
    value_set(mem, v, "work_or_studies",
              exit_share(mem, to_work,
                         rr.sum.present ? (stat_count){r->exits.value, r->exits.present}
                                        : (stat_count){0, false}));
    value_set_bool(mem, v, "has_reasons", rr.sum.present);
    return v;
}

static value *participants_value(report_ctx *x)
{
    arena *mem = x->mem;
    const outcome *o = x->o;
    const participant_summary *s = &x->oc->participants;
    bool used[EXIT_REASON_COUNT] = {false};
    bool gender = false, fresh = false, exits = false;
    size_t n = 0;
    for (size_t i = 0; i < o->nparticipants; i++) {
        const participant_stats *r = &o->participants[i];
        if (!in_year(o, r))
            continue;
        n++;
        gender = gender || r->women.present || r->men.present;
        fresh = fresh || r->new_participants.present;
        exits = exits || r->exits.present;
        for (size_t k = 0; k < r->nreasons; k++)
            used[r->reasons[k].reason] = true;
    }
    value *v = value_map(mem);
    value_set_bool(mem, v, "present", n > 0);
    value *rows = value_set(mem, v, "rows", value_list(mem));
    value *notes = value_set(mem, v, "notes", value_list(mem));
    value *comments = value_set(mem, v, "comments", value_list(mem));
    for (size_t i = 0; i < o->nparticipants; i++) {
        const participant_stats *r = &o->participants[i];
        if (!in_year(o, r))
            continue;
        value_push(mem, rows, participant_row(x, r, used));
        row_reasons rr = reasons_of(r);
        value *note = warned(x, r->pos) || (r->exits.present && warned(x, r->exits.pos))
                          ? row_note(x, r, &rr)
                          : NULL;
        if (note)
            value_push(mem, notes, context_keyed(mem, participant_note_kinds, "row", note));
        value *comment = row_comment(x, r);
        if (comment)
            value_push(mem, comments, comment);
    }
    total_notes(x, notes);
    value *columns = value_set(mem, v, "reason_columns", value_list(mem));
    bool any_reason = false;
    for (int k = 0; k < EXIT_REASON_COUNT; k++)
        if (used[k]) {
            value *c = value_map(mem);
            context_set_kind(mem, c, CONTEXT_EXIT_REASONS, CONTEXT_EXIT_REASONS[k]);
            value_push(mem, columns, c);
            any_reason = true;
        }
    value *total = value_set(mem, v, "total", value_map(mem));
    value_set(mem, total, "women", count_value(mem, s->women));
    value_set(mem, total, "men", count_value(mem, s->men));
    value_set(mem, total, "people", count_value(mem, s->participants));
    value_set(mem, total, "new", count_value(mem, s->new_participants));
    value_set(mem, total, "exits", count_value(mem, s->exits));
    value_set(mem, total, "exits_with_reasons", count_value(mem, s->exits_with_reasons));
    value_set(mem, total, "reasons", reason_cells(mem, s->reasons, used));
    value_set(mem, total, "to_work_or_studies", count_value(mem, s->work_or_studies));
    value_set(mem, total, "work_or_studies",
              context_percent(mem, s->work_or_studies_tenths, 1, s->has_exit_share));
    value_set(mem, total, "women_share",
              context_percent(mem, s->women_tenths, 1, s->has_gender_shares));
    value_set(mem, total, "men_share",
              context_percent(mem, s->men_tenths, 1, s->has_gender_shares));
    value_set_bool(mem, v, "has_gender", gender);
    value_set_bool(mem, v, "has_new", fresh);
    value_set_bool(mem, v, "has_exits", exits);
    value_set_bool(mem, v, "has_reasons", any_reason);
    value_set_bool(mem, v, "has_notes", count_of(notes) > 0);
    value_set_bool(mem, v, "has_comments", count_of(comments) > 0);
    return v;
}

/* ---- the report ------------------------------------------------------------------- */

value *context_for_report(arena *mem, const outcome *o, const outcome_checked *checked,
                          const context_diags *warnings)
{
    report_ctx x = {mem, o, checked, warnings};
    value *root = value_map(mem);
    value_set(mem, root, "association", context_association(mem, o->assoc));
    value *rv = value_set(mem, root, "report", value_map(mem));
    char buf[FORMAT_BUF];
    value_set_string(mem, rv, "year", format_year(buf, o->year));
    value_set_string(mem, rv, "updated", context_known_date(mem, o->updated));
    value_set_bool(mem, rv, "has_plan", o->plan_of_year != NULL);
    value_set_string(mem, rv, "plan_title", o->plan_of_year ? o->plan_of_year->title : NULL);
    context_set_unit(mem, rv, o->unit);
    value_set_string(mem, rv, "notes", o->notes);
    value_set(mem, root, "economy", economy_value(&x));
    value_set(mem, root, "next_budget", next_value(&x));
    value *against = value_set(mem, root, "budget_rows", value_list(mem));
    value *spent = value_set(mem, root, "cost_rows", value_list(mem));
    budget_rows(&x, against, spent, rv);
    value_set_bool(mem, rv, "has_budget_rows", count_of(against) > 0);
    value_set_bool(mem, rv, "has_cost_rows", count_of(spent) > 0);
    value_set(mem, rv, "costs", amount_of(&x, &o->costs));
    value_set(mem, root, "split", split_value(&x));
    value_set(mem, root, "ratios", ratios_value(&x));
    value *rules = value_set(mem, root, "rules", rules_value(&x));
    value_set_bool(mem, rv, "has_rules", count_of(rules) > 0);
    value_set(mem, root, "goals", goals_value(&x));
    value_set(mem, root, "participants", participants_value(&x));
    return root;
}
