/* The context of an operational plan (verksamhetsplan): its cover, its
 * sections each with the structured parts it shows, the parts no section
 * shows (placed by the template), and notes where the compute stage warns
 * about a figure of the budget or the member allocation. */
#include "context.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "allocation.h"
#include "figures.h"
#include "format.h"
#include "rules.h"
#include "strbuf.h"

typedef struct {
    arena *mem;
    const plan *p;
    const plan_checked *pc;
    const plan_facts *facts;
} plan_ctx;

static const char *const hashes[] = {"#", "##", "###", "####", "#####", "######"};

static const char *hashes_for(int level)
{
    return hashes[level < 1 ? 0 : level > 6 ? 5 : level - 1];
}

static value *text_list(arena *mem, const char *const *items, size_t n)
{
    value *list = value_list(mem);
    for (size_t i = 0; i < n; i++)
        value_push(mem, list, value_string(mem, items[i]));
    return list;
}

/* ---- the budget -------------------------------------------------------------- */

static value *columns_value(arena *mem, const budget *b)
{
    value *list = value_list(mem);
    for (size_t c = 0; c < b->ncolumns; c++)
        value_push(mem, list, context_column(mem, &b->columns[c]));
    return list;
}

/* A row as printed; `negate` turns the positive amounts of costs into the
 * minus the table prints them with (signs: costs_negative). */
static value *row_value(arena *mem, const budget_row *row, size_t ncolumns, bool negate)
{
    value *r = value_map(mem);
    value_set_string(mem, r, "label", row->label);
    value *cells = value_set(mem, r, "cells", value_list(mem));
    for (size_t c = 0; c < ncolumns; c++) {
        const budget_cell *cell = row->cells ? &row->cells[c] : NULL;
        int64_t amount = cell ? cell->amount : 0;
        value_push(mem, cells, context_amount(mem, negate ? -amount : amount, cell && cell->present));
    }
    return r;
}

static bool same_group(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static bool same_label(const char *a, const char *b)
{
    return a && b && strcasecmp(a, b) == 0;
}

/* Rows grouped by their consecutive `group`: [{name, rows: [...]}]. Sets
 * *titled when all rows are in one named group, whose name then heads them
 * (Samspelet's "Kostnader"), or when the first group has the name of the
 * line that would head them (`heading`), which is then not printed twice. A
 * group named as the table's first column's head is not printed again. */
static value *groups_value(arena *mem, const budget_row *rows, size_t nrows, size_t ncolumns,
                           bool negate, const char *heading, const char *header, bool *titled)
{
    value *groups = value_list(mem);
    value *current = NULL;
    size_t count = 0;
    for (size_t i = 0; i < nrows; i++) {
        if (!current || !same_group(rows[i].group, rows[i - 1].group)) {
            current = value_map(mem);
            bool repeats_header = same_label(rows[i].group, header);
            value_set_string(mem, current, "name", repeats_header ? NULL : rows[i].group);
            value_set(mem, current, "rows", value_list(mem));
            value_push(mem, groups, current);
            count++;
        }
        value *list = (value *)value_get(current, "rows");
        value_push(mem, list, row_value(mem, &rows[i], ncolumns, negate));
    }
    *titled = nrows > 0 && ((count == 1 && rows[0].group) || same_label(rows[0].group, heading));
    return groups;
}

static value *totals_value(arena *mem, const budget_figures *f, bool costs_negative)
{
    value *list = value_list(mem);
    for (size_t c = 0; c < f->ncolumns; c++) {
        const column_totals *t = &f->columns[c];
        bool ok = !t->overflow;
        value *v = value_map(mem);
        value_set(mem, v, "income", context_amount(mem, t->income, ok && t->has_income));
        value_set(mem, v, "with_reserves",
                  context_amount(mem, t->with_reserves, ok && (t->has_income || t->has_reserves)));
        value_set(mem, v, "costs",
                  context_amount(mem, costs_negative ? -t->costs : t->costs, ok && t->has_costs));
        value_set(mem, v, "result",
                  context_amount(mem, t->result, ok && (t->has_income || t->has_costs)));
        value_push(mem, list, v);
    }
    return list;
}

static const budget_correction *correction_of(const plan_facts *facts, const budget_row *row,
                                              size_t column)
{
    const plan_checked *pc = facts ? facts->checked : NULL;
    for (size_t i = 0; pc && i < pc->ncorrections; i++)
        if (pc->corrections[i].row == row && pc->corrections[i].column == column)
            return &pc->corrections[i];
    return NULL;
}

/* The notes beside the budget: a cell or a total line. */
static context_kinds budget_note_kinds = {"cell", "total", NULL};

/* A note on a cell of a row: an allocation the law splits otherwise, an
 * equity that is not what the year before leaves, or else only the cell. */
static value *cell_note(plan_ctx *x, const budget_row *row, size_t c)
{
    const budget *b = &x->p->budget;
    arena *mem = x->mem;
    value *n = value_map(mem);
    value_set_string(mem, n, "row", row->label);
    value_set(mem, n, "column", context_column(mem, &b->columns[c]));
    value_set(mem, n, "printed", context_amount(mem, row->cells[c].amount, true));
    const budget_correction *corr = correction_of(x->facts, row, c);
    const carry_forward *cf = x->pc && x->pc->carry ? &x->pc->carry[c] : NULL;
    static context_kinds causes = {"is_allocation", "is_carry", "is_other", NULL};
    value_set(mem, n, "previous", value_null(mem));
    if (corr) {
        value_set(mem, n, "computed", context_amount(mem, corr->amount, true));
        context_set_kind(mem, n, causes, "is_allocation");
    } else if (row->carried_forward && cf && cf->applies && c > 0) {
        value_set(mem, n, "computed", context_amount(mem, cf->carried_in, true));
        value_set(mem, n, "previous", context_column(mem, &b->columns[c - 1]));
        context_set_kind(mem, n, causes, "is_carry");
    } else {
        context_set_kind(mem, n, causes, "is_other");
    }
    return context_keyed(mem, budget_note_kinds, "cell", n);
}

static void cell_notes(plan_ctx *x, const budget_row *rows, size_t nrows, value *notes)
{
    const budget *b = &x->p->budget;
    for (size_t r = 0; r < nrows; r++)
        for (size_t c = 0; rows[r].cells && c < b->ncolumns; c++)
            if (rows[r].cells[c].present &&
                context_warned_at(&x->facts->warnings, rows[r].cells[c].pos))
                value_push(x->mem, notes, cell_note(x, &rows[r], c));
}

/* A printed income total that is right with the one corrected allocation of
 * its column: {row, amount}, or NULL. */
static value *explained_by(plan_ctx *x, total_line k, size_t c, int64_t printed, int64_t want)
{
    const budget_correction *only = NULL;
    size_t count = 0;
    const plan_checked *pc = x->facts->checked;
    for (size_t i = 0; i < pc->ncorrections; i++)
        if (pc->corrections[i].column == c)
            only = &pc->corrections[i], count++;
    if ((k != TOTAL_LINE_INCOME && k != TOTAL_LINE_WITH_RESERVES) || count != 1 ||
        want + (only->amount - only->row->cells[c].amount) != printed)
        return NULL;
    value *v = value_map(x->mem);
    value_set_string(x->mem, v, "row", only->row->label);
    value_set(x->mem, v, "amount", context_amount(x->mem, only->amount, true));
    return v;
}

static value *total_note(plan_ctx *x, total_line k, size_t c, const budget_cell *printed)
{
    static context_kinds kinds = {"is_income", "is_with_reserves", "is_costs", "is_result", NULL};
    const budget *b = &x->p->budget;
    const char *labels[] = {b->labels.income, b->labels.with_reserves, b->labels.costs,
                            b->labels.result};
    arena *mem = x->mem;
    int64_t want = budget_total_of(&x->pc->budget.columns[c], k);
    value *n = value_map(mem);
    context_set_kind(mem, n, kinds, kinds[k]);
    value_set_string(mem, n, "label", labels[k]);
    value_set(mem, n, "column", context_column(mem, &b->columns[c]));
    value_set(mem, n, "printed", context_amount(mem, printed->amount, true));
    value_set(mem, n, "computed", context_amount(mem, want, true));
    value *why = explained_by(x, k, c, printed->amount, want);
    value_set(mem, n, "explained", why ? why : value_null(mem));
    value_set(mem, n, "from_printed", value_null(mem));
    const budget_cell *in = budget_printed_total(b, TOTAL_LINE_INCOME, c),
                      *out = budget_printed_total(b, TOTAL_LINE_COSTS, c);
    if (k == TOTAL_LINE_RESULT && in && out && in->amount - out->amount == printed->amount) {
        value *from = value_set(mem, n, "from_printed", value_map(mem));
        value_set(mem, from, "income", context_amount(mem, in->amount, true));
        value_set(mem, from, "costs", context_amount(mem, out->amount, true));
    }
    return context_keyed(mem, budget_note_kinds, "total", n);
}

static value *budget_notes(plan_ctx *x)
{
    const budget *b = &x->p->budget;
    value *notes = value_list(x->mem);
    if (!x->facts || !x->pc)
        return notes;
    cell_notes(x, b->income, b->nincome, notes);
    cell_notes(x, b->reserves, b->nreserves, notes);
    cell_notes(x, b->costs, b->ncosts, notes);
    for (int k = TOTAL_LINE_INCOME; k <= TOTAL_LINE_RESULT; k++)
        for (size_t c = 0; c < b->ncolumns; c++) {
            const budget_cell *cell = budget_printed_total(b, (total_line)k, c);
            if (cell && !x->pc->budget.columns[c].overflow &&
                context_warned_at(&x->facts->warnings, cell->pos))
                value_push(x->mem, notes, total_note(x, (total_line)k, c, cell));
        }
    return notes;
}

static value *budget_value(plan_ctx *x)
{
    arena *mem = x->mem;
    const budget *b = &x->p->budget;
    value *v = value_map(mem);
    value_set_bool(mem, v, "present", b->present);
    if (!b->present)
        return v;
    value_set_string(mem, v, "title", b->title);
    context_set_unit(mem, v, b->unit);
    value_set(mem, v, "columns", columns_value(mem, b));
    value_set_bool(mem, v, "costs_first", b->costs_first);
    const char *income_heading = b->labels.income_heading ? b->labels.income_heading : "Intäkter";
    const char *costs_heading = b->labels.costs_heading ? b->labels.costs_heading : "Kostnader";
    bool titled;
    value_set(mem, v, "income",
              groups_value(mem, b->income, b->nincome, b->ncolumns, false, income_heading,
                           b->header, &titled));
    value_set_bool(mem, v, "income_titled", titled);
    /* the first column's head: as printed, else "Intäkter (tkr)" over the
     * income, or "Belopp (tkr)" where the income has a heading of its own */
    bool income_in_header = !b->header && !b->costs_first && !titled && !b->labels.income_heading;
    value_set_string(mem, v, "header", b->header);
    value_set_bool(mem, v, "header_is_income", income_in_header);
    value_set_string(mem, v, "income_heading",
                     titled || income_in_header || same_label(income_heading, b->header)
                         ? NULL
                         : income_heading);
    value *reserves = value_set(mem, v, "reserves", value_list(mem));
    for (size_t i = 0; i < b->nreserves; i++)
        value_push(mem, reserves, row_value(mem, &b->reserves[i], b->ncolumns, false));
    value_set_bool(mem, v, "has_reserves", b->nreserves > 0);
    value_set(mem, v, "costs",
              groups_value(mem, b->costs, b->ncosts, b->ncolumns, b->costs_negative,
                           costs_heading, b->header, &titled));
    value_set_bool(mem, v, "costs_titled", titled);
    value_set_string(mem, v, "costs_heading",
                     titled || same_label(costs_heading, b->header) ? NULL : costs_heading);
    value *omit = value_set(mem, v, "omit", value_map(mem));
    value_set_bool(mem, omit, "income", b->omitted.income);
    value_set_bool(mem, omit, "with_reserves", b->omitted.with_reserves);
    value_set_bool(mem, omit, "costs", b->omitted.costs);
    value_set_bool(mem, omit, "result", b->omitted.result);
    value_set(mem, v, "totals", totals_value(mem, &x->pc->budget, b->costs_negative));
    value *labels = value_set(mem, v, "labels", value_map(mem));
    value_set_string(mem, labels, "income", b->labels.income);
    value_set_string(mem, labels, "with_reserves", b->labels.with_reserves);
    value_set_string(mem, labels, "costs", b->labels.costs);
    value_set_string(mem, labels, "result", b->labels.result);
    value *notes = value_set(mem, v, "notes", budget_notes(x));
    value_set_bool(mem, v, "has_notes", notes->as.list.count > 0);
    return v;
}

/* ---- the member allocation ---------------------------------------------------- */

/* The kind of member an allocation entry stands for, or -1. */
static int entry_kind(const plan *p, const allocation_entry *en)
{
    return en->nmembers ? (int)p->assoc->members[en->members[0]].kind : -1;
}

static value *allocation_notes(plan_ctx *x, int64_t total)
{
    static context_kinds allocation_note_kinds = {"entry_note", "total_note", "budget_note", NULL};
    arena *mem = x->mem;
    const allocation *al = &x->p->allocation;
    value *notes = value_list(mem);
    if (!x->facts)
        return notes;
    const context_diags *w = &x->facts->warnings;
    for (size_t e = 0; e < al->nentries; e++) {
        const figure *f = &al->entries[e].amount;
        if (!f->present || !context_warned_at(w, f->pos))
            continue;
        value *n = value_map(mem);
        value_set_string(mem, n, "label", al->entries[e].label);
        value_set(mem, n, "printed", context_amount_in(mem, f->value, al->unit));
        /* with others of its kind and no weights, the law checks their sum */
        int kind = entry_kind(x->p, &al->entries[e]);
        size_t same = 0;
        for (size_t k = 0; k < al->nentries; k++)
            same += entry_kind(x->p, &al->entries[k]) == kind;
        static context_kinds kinds = {"is_state", "is_region", "is_municipality", NULL};
        context_set_kind(mem, n, kinds, kind >= 0 && same > 1 ? kinds[kind] : NULL);
        value_push(mem, notes, context_keyed(mem, allocation_note_kinds, "entry_note", n));
    }
    if (al->printed_total.present && context_warned_at(w, al->printed_total.pos)) {
        value *n = value_map(mem);
        value_set(mem, n, "printed", context_amount_in(mem, al->printed_total.value, al->unit));
        value_set(mem, n, "computed", context_amount_in(mem, total, al->unit));
        value_push(mem, notes, context_keyed(mem, allocation_note_kinds, "total_note", n));
    }
    const budget *b = &x->p->budget;
    ptrdiff_t c = budget_find_column(b, al->year, COLUMN_BUDGET);
    if (x->pc && c >= 0 && context_warned_at(w, al->pos)) {
        value *n = value_map(mem);
        value_set(mem, n, "stated",
                  context_amount_in(
                      mem, al->printed_total.present ? al->printed_total.value : total, al->unit));
        value_set(
            mem, n, "budgeted",
            context_amount_in(mem, x->pc->budget.columns[c].income_by_category[CATEGORY_ALLOCATION],
                              b->unit));
        value_set(mem, n, "column", context_column(mem, &b->columns[c]));
        value_push(mem, notes, context_keyed(mem, allocation_note_kinds, "budget_note", n));
    }
    return notes;
}

static value *allocation_value(plan_ctx *x)
{
    arena *mem = x->mem;
    const allocation *al = &x->p->allocation;
    value *v = value_map(mem);
    value_set_bool(mem, v, "present", al->present);
    if (!al->present)
        return v;
    char buf[FORMAT_BUF];
    value_set_string(mem, v, "title", al->title);
    value_set_string(mem, v, "year", format_year(buf, al->year));
    context_set_unit(mem, v, al->unit);
    int64_t *parts, total = 0;
    bool has_amounts = allocation_parts(mem, al, &parts, &total);
    bool has_shares = false;
    value *entries = value_set(mem, v, "entries", value_list(mem));
    for (size_t e = 0; e < al->nentries; e++) {
        const allocation_entry *en = &al->entries[e];
        value *ev = value_map(mem);
        value_set_string(mem, ev, "label", en->label);
        if (en->share >= 0) {
            has_shares = true;
            value_set(mem, ev, "share",
                      context_percent(mem, en->share / 10, en->share % 100 ? 1 : 0, true));
        }
        value_set(mem, ev, "amount", context_amount(mem, en->amount.value, en->amount.present));
        if (has_amounts)
            value_set(mem, ev, "part", context_percent(mem, parts[e], 1, true));
        value_push(mem, entries, ev);
    }
    value_set_bool(mem, v, "has_amounts", has_amounts);
    value_set_bool(mem, v, "has_shares", has_shares);
    if (has_amounts) {
        value_set(mem, v, "total", context_amount(mem, total, true));
        value_set(mem, v, "total_part", context_percent(mem, 1000, 1, true));
    }
    value_set_string(mem, v, "total_label", al->total_label);
    value_set_string(mem, v, "amount_head", al->amount_head);
    value_set_bool(mem, v, "parts_printed", al->parts_printed);
    value *notes = value_set(mem, v, "notes", allocation_notes(x, total));
    value_set_bool(mem, v, "has_notes", notes->as.list.count > 0);
    return v;
}

/* ---- financial rules ---------------------------------------------------------- */

static value *rules_value(plan_ctx *x)
{
    arena *mem = x->mem;
    const plan *p = x->p;
    const budget *b = &p->budget;
    value *v = value_map(mem);
    value_set_bool(mem, v, "present", p->nrules > 0);
    value *all = value_set(mem, v, "list", value_list(mem));
    value *judged = value_set(mem, v, "judged", value_list(mem));
    value *unjudged = value_set(mem, v, "unjudged", value_list(mem));
    for (size_t r = 0; r < p->nrules; r++) {
        value *head = context_rule(mem, &p->rules[r], b->unit);
        value_push(mem, all, head);
        bool any = false;
        value *cells = value_list(mem);
        for (size_t c = 0; x->pc && x->pc->rules && c < b->ncolumns; c++) {
            const rule_result *res = &x->pc->rules[r * b->ncolumns + c];
            any = any || res->status != RULE_NO_DATA;
            value_push(mem, cells, context_rule_result(mem, res, b->unit));
        }
        if (any) {
            value *row = context_rule(mem, &p->rules[r], b->unit);
            value_set(mem, row, "cells", cells);
            value_push(mem, judged, row);
        } else {
            value_push(mem, unjudged, head);
        }
    }
    value_set_bool(mem, v, "has_judged", judged->as.list.count > 0);
    value_set_bool(mem, v, "has_unjudged", unjudged->as.list.count > 0);
    value_set(mem, v, "columns", columns_value(mem, b));
    return v;
}

/* ---- goal areas and interventions ---------------------------------------------- */

/* Consecutive targets under the same lead-in: [{lead, items: [text]}]. */
static value *target_groups(arena *mem, const target *targets, size_t n)
{
    value *groups = value_list(mem);
    value *items = NULL;
    for (size_t t = 0; t < n; t++) {
        if (!items || !same_group(targets[t].group, targets[t - 1].group)) {
            value *g = value_map(mem);
            value_set_string(mem, g, "lead", targets[t].group);
            items = value_set(mem, g, "items", value_list(mem));
            value_push(mem, groups, g);
        }
        value_push(mem, items, value_string(mem, targets[t].text));
    }
    return groups;
}

/* Whether a section shows goal area `i`'s targets by themselves
 * (goal_areas.ID.targets): the goal area then prints without them. */
static bool targets_shown_apart(const plan *p, size_t i)
{
    for (size_t k = 0; k < p->nsections; k++)
        for (size_t j = 0; j < p->sections[k].npieces; j++) {
            const section_piece *pc = &p->sections[k].pieces[j];
            if (!pc->text && pc->part.kind == PART_GOAL_AREA_TARGETS && pc->part.index == i)
                return true;
        }
    return false;
}

/* Goal area `i` in a section of `level`; `only_targets` prints its
 * measurable targets alone. */
static value *goal_area_value(arena *mem, const plan *p, size_t i, int level, bool only_targets)
{
    const goal_area *ga = &p->goal_areas[i];
    value *v = value_map(mem);
    bool targets = ga->ntargets > 0 && (only_targets || !targets_shown_apart(p, i));
    value_set_bool(mem, v, "only_targets", only_targets);
    value_set_string(mem, v, "sub_hashes", hashes_for(level + 1));
    value_set(mem, v, "targets", target_groups(mem, ga->targets, ga->ntargets));
    value_set_bool(mem, v, "has_targets", targets);
    value_set_string(mem, v, "title", ga->title);
    value_set_string(mem, v, "description", ga->description);
    value_set(mem, v, "goals", text_list(mem, ga->goals, ga->ngoals));
    value_set(mem, v, "activities", text_list(mem, ga->activities, ga->nactivities));
    /* the goals, then the activities, each list headed on its first line */
    value *rows = value_set(mem, v, "rows", value_list(mem));
    for (size_t k = 0; k < ga->ngoals + ga->nactivities; k++) {
        bool goal = k < ga->ngoals;
        value *r = value_map(mem);
        value_set_string(mem, r, "text", goal ? ga->goals[k] : ga->activities[k - ga->ngoals]);
        value_set_bool(mem, r, "first_goal", k == 0);
        value_set_bool(mem, r, "first_activity", k == ga->ngoals);
        value_push(mem, rows, r);
    }
    value_set_bool(mem, v, "has_lists", ga->ngoals > 0 || ga->nactivities > 0);
    return v;
}

/* The intervention's cost row in the budget column of the plan's year. */
static value *intervention_budget(plan_ctx *x, const intervention *iv)
{
    const budget *b = &x->p->budget;
    ptrdiff_t c = budget_find_column(b, x->p->year, COLUMN_BUDGET);
    if (iv->budget_row < 0 || c < 0 || !b->costs[iv->budget_row].cells[c].present)
        return NULL;
    value *v = context_amount_in(x->mem, b->costs[iv->budget_row].cells[c].amount, b->unit);
    value_set(x->mem, v, "column", context_column(x->mem, &b->columns[c]));
    return v;
}

/* An intervention under a heading of `level`; `heading` is that heading's
 * text (the intervention's name then needs no heading of its own). */
static value *intervention_value(plan_ctx *x, size_t i, int level, const char *heading,
                                 bool only_targets)
{
    arena *mem = x->mem;
    const intervention *iv = &x->p->interventions[i];
    value *v = value_map(mem);
    bool named = !heading || strcmp(heading, iv->name) != 0;
    value_set_string(mem, v, "name", iv->name);
    value_set_bool(mem, v, "show_name", named && !only_targets);
    value_set_string(mem, v, "hashes", hashes_for(level + 1));
    value_set_string(mem, v, "sub_hashes", hashes_for(level + (named && !only_targets ? 2 : 1)));
    value_set_bool(mem, v, "only_targets", only_targets);
    /* the facts the plan prints after the description (facts: …) */
    bool owner = iv->owner && (iv->facts & FACT_OWNER);
    bool period = (iv->from.year || iv->to.year || iv->open_ended) && (iv->facts & FACT_PERIOD);
    value *money = iv->facts & FACT_BUDGET ? intervention_budget(x, iv) : NULL;
    bool total = iv->total_budget.present && (iv->facts & FACT_TOTAL_BUDGET);
    bool financing = iv->nfinancing > 0 && (iv->facts & FACT_FINANCING);
    value_set_string(mem, v, "owner", owner ? iv->owner : NULL);
    value_set_string(mem, v, "from", period ? context_known_date(mem, iv->from) : NULL);
    value_set_string(mem, v, "to", period ? context_known_date(mem, iv->to) : NULL);
    value_set_bool(mem, v, "open_ended", period && iv->open_ended);
    value_set_string(mem, v, "description", iv->description);
    value_set_string(mem, v, "area",
                     iv->goal_area >= 0 ? x->p->goal_areas[iv->goal_area].title : NULL);
    value_set(mem, v, "funding", money ? money : value_null(mem));
    value_set(mem, v, "total_budget",
              total ? context_amount_in(mem, iv->total_budget.value, iv->unit) : value_null(mem));
    value *parts = value_set(mem, v, "financing", value_list(mem));
    for (size_t k = 0; financing && k < iv->nfinancing; k++) {
        const co_financing *cf = &iv->financing[k];
        value *part = context_amount_in(mem, cf->amount.value, iv->unit);
        value_set_string(mem, part, "by", cf->by);
        value_set_bool(mem, part, "last", k + 1 == iv->nfinancing);
        value_push(mem, parts, part);
    }
    value_set_bool(mem, v, "has_financing", financing);
    value_set_bool(mem, v, "has_facts", owner || period || money || total || financing);
    value_set(mem, v, "targets", target_groups(mem, iv->targets, iv->ntargets));
    value_set_bool(mem, v, "has_targets", iv->ntargets > 0);
    return v;
}

/* ---- sections and the parts they show ------------------------------------------ */

/* The targets of the whole association: {targets: [{lead, items}]}. */
static value *plan_targets_value(arena *mem, const plan *p)
{
    value *v = value_map(mem);
    value_set(mem, v, "targets", target_groups(mem, p->targets, p->ntargets));
    return v;
}

/* The pieces of a section: its text and the parts it shows. */
static context_kinds piece_kinds = {"text",         "goal_area",       "targets_here",
                                    "intervention", "allocation_here", "budget_here",
                                    "rules_here",   "vision_here",     NULL};

static void push_part(plan_ctx *x, value *parts, const part_ref *ref, const plan_section *s)
{
    arena *mem = x->mem;
    const plan *p = x->p;
    switch (ref->kind) {
    case PART_GOAL_AREAS:
        for (size_t i = 0; i < p->ngoal_areas; i++)
            value_push(mem, parts,
                       context_keyed(mem, piece_kinds, "goal_area",
                                     goal_area_value(mem, p, i, s->level, false)));
        break;
    case PART_GOAL_AREA:
    case PART_GOAL_AREA_TARGETS:
        value_push(mem, parts,
                   context_keyed(mem, piece_kinds, "goal_area",
                                 goal_area_value(mem, p, ref->index, s->level,
                                                 ref->kind == PART_GOAL_AREA_TARGETS)));
        break;
    case PART_PLAN_TARGETS:
        value_push(mem, parts,
                   context_keyed(mem, piece_kinds, "targets_here", plan_targets_value(mem, p)));
        break;
    case PART_INTERVENTIONS:
        for (size_t i = 0; i < p->ninterventions; i++)
            value_push(mem, parts,
                       context_keyed(mem, piece_kinds, "intervention",
                                     intervention_value(x, i, s->level, NULL, false)));
        break;
    case PART_INTERVENTION:
    case PART_TARGETS:
        value_push(mem, parts,
                   context_keyed(mem, piece_kinds, "intervention",
                                 intervention_value(x, ref->index, s->level, s->heading,
                                                    ref->kind == PART_TARGETS)));
        break;
    case PART_ALLOCATION:
        value_push(mem, parts,
                   context_keyed(mem, piece_kinds, "allocation_here", value_bool(mem, true)));
        break;
    case PART_BUDGET:
        value_push(mem, parts,
                   context_keyed(mem, piece_kinds, "budget_here", value_bool(mem, true)));
        break;
    case PART_FINANCIAL_RULES:
        value_push(mem, parts,
                   context_keyed(mem, piece_kinds, "rules_here", value_bool(mem, true)));
        break;
    case PART_VISION:
        value_push(mem, parts,
                   context_keyed(mem, piece_kinds, "vision_here", value_bool(mem, true)));
        break;
    }
}

/* `text`, the stretch of the section's body from byte `offset` on, with
 * each figure it refers to printed in its place. */
static const char *with_figures(plan_ctx *x, const plan_section *s, const char *text,
                                size_t offset)
{
    if (!text || !s->nfigures)
        return text;
    size_t len = strlen(text), at = 0;
    strbuf sb = {0};
    for (size_t i = 0; i < s->nfigures; i++) {
        const text_figure *f = &s->figures[i];
        if (f->start < offset || f->end > offset + len)
            continue;
        strbuf_append(&sb, text + at, f->start - offset - at);
        const char *why;
        figure_value v = figures_value(x->mem, x->p, &x->pc->budget, f, &why);
        strbuf_puts(&sb, v.ok ? figures_format(x->mem, &v) : f->source);
        at = f->end - offset;
    }
    strbuf_append(&sb, text + at, len - at);
    const char *out = arena_strndup(x->mem, sb.data ? sb.data : "", sb.len);
    strbuf_free(&sb);
    return out;
}

/* The parts no section shows go before the last chapter, never after the
 * last section: a plan that ends with its decision ends with it. SIZE_MAX
 * when the plan has no chapter (they go after its sections). */
static size_t last_chapter(const plan *p)
{
    size_t last = SIZE_MAX;
    for (size_t i = 0; i < p->nsections; i++)
        if (p->sections[i].heading && p->sections[i].level == 1)
            last = i;
    return last;
}

/* The numbers of the sections' headings: as typed, or in a plan that numbers
 * its headings "1", "1.1", "1.1.1" by level. A typed number made of figures
 * ("9.0") sets the count, so the headings after it go on from it ("9.1"). */
typedef struct {
    int count[4]; /* by level, 1 to 3 */
} heading_counter;

static const char *heading_number(arena *mem, heading_counter *hc, const plan *p,
                                  const plan_section *s)
{
    int level = s->level < 1 ? 1 : s->level > 3 ? 3 : s->level;
    if (!s->heading || s->unnumbered || (!s->number && !p->numbered))
        return NULL;
    if (s->number) {
        const char *at = s->number;
        for (int l = 1; l <= level && *at >= '0' && *at <= '9'; l++) {
            hc->count[l] = (int)strtol(at, (char **)&at, 10);
            if (*at == '.')
                at++;
        }
    } else {
        hc->count[level]++;
    }
    for (int l = level + 1; l <= 3; l++)
        hc->count[l] = 0;
    if (s->number)
        return s->number;
    const char *text = "";
    for (int l = 1; l <= level; l++)
        text = arena_printf(mem, "%s%s%d", text, l > 1 ? "." : "", hc->count[l]);
    return text;
}

static value *sections_value(plan_ctx *x)
{
    arena *mem = x->mem;
    const plan *p = x->p;
    value *list = value_list(mem);
    size_t last = last_chapter(p);
    heading_counter hc = {{0}};
    for (size_t i = 0; i < p->nsections; i++) {
        const plan_section *s = &p->sections[i];
        value *v = value_map(mem);
        value_set_string(mem, v, "heading", s->heading);
        value_set_string(mem, v, "number", heading_number(mem, &hc, p, s));
        value_set_bool(mem, v, "placement", !s->heading);
        value_set_bool(mem, v, "unshown_here", i == last);
        value_set_string(mem, v, "hashes", hashes_for(s->level));
        value_set_string(mem, v, "body", with_figures(x, s, s->body, 0));
        /* pieces: the text and the parts in the order printed; parts: the
         * parts alone, for a template that prints them after the body */
        value *pieces = value_set(mem, v, "pieces", value_list(mem));
        value *parts = value_set(mem, v, "parts", value_list(mem));
        for (size_t k = 0; k < s->npieces; k++) {
            const section_piece *pc = &s->pieces[k];
            if (pc->text) {
                value_push(
                    mem, pieces,
                    context_keyed(mem, piece_kinds, "text",
                                  value_string(mem, with_figures(x, s, pc->text, pc->offset))));
                continue;
            }
            push_part(x, pieces, &pc->part, s);
            push_part(x, parts, &pc->part, s);
        }
        value_push(mem, list, v);
    }
    if (last == SIZE_MAX) { /* no chapter: the parts go after the sections */
        value *v = value_map(mem);
        value_set_bool(mem, v, "placement", true);
        value_set_bool(mem, v, "unshown_here", true);
        value_set(mem, v, "pieces", value_list(mem));
        value_push(mem, list, v);
    }
    return list;
}

/* The parts no section shows, for the template to place. */
static value *unshown_value(plan_ctx *x)
{
    arena *mem = x->mem;
    const plan *p = x->p;
    value *v = value_map(mem);
    value *areas = value_set(mem, v, "goal_areas", value_list(mem));
    for (size_t i = 0; i < p->ngoal_areas; i++)
        if (!p->goal_area_shown[i])
            value_push(mem, areas, goal_area_value(mem, p, i, 1, false));
    value *ivs = value_set(mem, v, "interventions", value_list(mem));
    for (size_t i = 0; i < p->ninterventions; i++)
        if (!p->intervention_shown[i])
            value_push(mem, ivs, intervention_value(x, i, 1, NULL, false));
    value_set_bool(mem, v, "has_goal_areas", areas->as.list.count > 0);
    value_set_bool(mem, v, "has_interventions", ivs->as.list.count > 0);
    value_set_bool(mem, v, "allocation", p->allocation.present && !p->allocation_shown);
    value_set_bool(mem, v, "budget", p->budget.present && !p->budget_shown);
    value_set_bool(mem, v, "rules", p->nrules > 0 && !p->rules_shown);
    value_set(mem, v, "targets",
              p->ntargets && !p->targets_shown ? plan_targets_value(mem, p) : value_null(mem));
    return v;
}

/* Whether a section places the table of contents itself (```toc). */
static bool places_contents(const plan *p)
{
    for (size_t i = 0; i < p->nsections; i++) {
        const char *body = p->sections[i].body;
        for (const char *at = body; at && (at = strstr(at, "```toc")); at += 6)
            if (at == body || at[-1] == '\n' || at[-1] == ' ')
                return true;
    }
    return false;
}

static value *cover_value(arena *mem, const plan *p)
{
    value *v = value_map(mem);
    value_set_string(mem, v, "title_line", context_fence_line(mem, p->title));
    value_set_string(mem, v, "subtitle_line", context_fence_line(mem, p->subtitle));
    value_set_string(mem, v, "decided_by_line", context_fence_line(mem, p->decided_by));
    value_set_string(mem, v, "decided_on", p->decided_by ? context_date(mem, p->decided_on) : NULL);
    value_set_string(mem, v, "revised", context_known_date(mem, p->revised));
    value_set_string(mem, v, "decision_line", context_fence_line(mem, p->decided_line));
    return v;
}

value *context_for_checked_plan(arena *mem, const plan *p, const plan_facts *facts)
{
    plan_ctx x = {mem, p, facts->checked, facts};
    value *root = value_map(mem);
    value_set(mem, root, "association", context_association(mem, p->assoc));
    value_set(mem, root, "cover", cover_value(mem, p));
    value *pv = value_set(mem, root, "plan", value_map(mem));
    char buf[FORMAT_BUF];
    value_set_string(mem, pv, "year", format_year(buf, p->year));
    value_set_string(mem, pv, "title", p->title);
    value_set_string(mem, pv, "subtitle", p->subtitle);
    if (p->decided_by) {
        value *d = value_set(mem, pv, "decided", value_map(mem));
        value_set_string(mem, d, "date", context_date(mem, p->decided_on));
        value_set_string(mem, d, "by", p->decided_by);
    }
    value_set_string(mem, pv, "revised", context_known_date(mem, p->revised));
    value_set_bool(mem, pv, "has_contents", places_contents(p));
    value_set_bool(mem, pv, "has_chapters", last_chapter(p) != SIZE_MAX);
    value_set_bool(mem, pv, "vision_shown", p->vision_shown);
    value_set(mem, root, "sections", sections_value(&x));
    value_set(mem, root, "unshown", unshown_value(&x));
    value_set(mem, root, "budget", budget_value(&x));
    value_set(mem, root, "allocation", allocation_value(&x));
    value_set(mem, root, "rules", rules_value(&x));
    return root;
}

value *context_for_plan(arena *mem, const plan *p, const budget_figures *figures)
{
    plan_checked checked = {.budget = *figures};
    plan_facts facts = {.checked = &checked};
    return context_for_checked_plan(mem, p, &facts);
}
