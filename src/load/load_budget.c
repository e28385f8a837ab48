#include "load_budget.h"

#include <stdint.h>
#include <string.h>

#include "csvrows.h"
#include "format.h"
#include "i18n.h"
#include "loader.h"
#include "textpos.h"

static void load_columns(yread *ld, const ynode *n, const char *path, budget *b)
{
    if (!yread_expect(ld, n, path, YNODE_SEQ))
        return;
    b->ncolumns = n->count;
    b->columns = ARENA_ARRAY(ld->mem, budget_column, n->count + 1);
    for (size_t i = 0; i < n->count; i++) {
        const ynode *c = n->items[i];
        const char *cp = yread_index_path(ld, path, i);
        budget_column *col = &b->columns[i];
        col->pos = yread_pos(c);
        if (!yread_map(ld, c, cp, KEYS_COLUMN))
            continue;
        const ynode *year = yread_require(ld, c, "year", cp);
        int64_t y = 0;
        if (year && yread_integer(ld, year, yread_key_path(ld, cp, "year"), 1900, 2999, &y))
            col->year = (int)y;
        col->kind =
            (column_kind)load_enum(ld, c, "kind", cp, NAMES_COLUMN_KIND, true, COLUMN_BUDGET);
        col->label = yread_get_text(ld, c, "label", cp, false);
        for (size_t j = 0; j < i; j++)
            if (b->columns[j].year == col->year && b->columns[j].kind == col->kind && col->year)
                yread_error(ld, c, cp, "the column %d %s is given twice", col->year,
                            NAMES_COLUMN_KIND[col->kind]);
    }
}

/* A list of amounts, one per budget column; ~ leaves a cell empty. */
static budget_cell *load_cells(yread *ld, const ynode *n, const char *path, size_t ncolumns)
{
    if (!yread_expect(ld, n, path, YNODE_SEQ))
        return NULL;
    if (n->count != ncolumns) {
        yread_error(ld, n, path, "expected %zu amounts, one per budget column, found %zu", ncolumns,
                    n->count);
        return NULL;
    }
    budget_cell *cells = ARENA_ARRAY(ld->mem, budget_cell, ncolumns + 1);
    for (size_t i = 0; i < ncolumns; i++) {
        const ynode *v = n->items[i];
        cells[i].pos = yread_pos(v);
        if (!yscalar_is_null(v))
            cells[i].present = yread_amount(ld, v, yread_index_path(ld, path, i), &cells[i].amount);
    }
    return cells;
}

static void load_row(yread *ld, const ynode *r, const char *rp, const association *a,
                     size_t ncolumns, budget_row *row)
{
    row->label = yread_get_text(ld, r, "label", rp, true);
    row->group = yread_get_text(ld, r, "group", rp, false);
    row->category =
        (row_category)load_enum(ld, r, "category", rp, NAMES_CATEGORY, true, CATEGORY_OTHER);
    const ynode *v;
    if ((v = yread_require(ld, r, "values", rp)))
        row->cells = load_cells(ld, v, yread_key_path(ld, rp, "values"), ncolumns);
    if ((v = ymap_get(r, "members"))) {
        const char *mp = yread_key_path(ld, rp, "members");
        row->members = load_member_refs(ld, a, v, mp, &row->nmembers);
        if (row->category != CATEGORY_ALLOCATION)
            yread_error(ld, v, mp,
                        "only an allocation row stands for members; this row's "
                        "category is %s",
                        NAMES_CATEGORY[row->category]);
    }
    if ((v = ymap_get(r, "reduces")))
        yread_bool(ld, v, yread_key_path(ld, rp, "reduces"), &row->reduces);
    if ((v = ymap_get(r, "carried_forward"))) {
        const char *cp = yread_key_path(ld, rp, "carried_forward");
        if (yread_bool(ld, v, cp, &row->carried_forward) && row->carried_forward &&
            row->category != CATEGORY_EQUITY)
            yread_error(ld, v, cp,
                        "only an equity row can carry the result forward; this row's "
                        "category is %s",
                        NAMES_CATEGORY[row->category]);
    }
}

static budget_row *load_rows(yread *ld, const ynode *map, const char *key, const char *path,
                             const association *a, size_t ncolumns, size_t *count)
{
    const char *lp;
    const ynode *n = load_list(ld, map, key, path, &lp);
    *count = 0;
    budget_row *rows = ARENA_ARRAY(ld->mem, budget_row, (n ? n->count : 0) + 1);
    for (size_t i = 0; n && i < n->count; i++) {
        const ynode *r = n->items[i];
        const char *rp = yread_index_path(ld, lp, i);
        budget_row *row = &rows[(*count)++];
        row->pos = yread_pos(r);
        if (yread_map(ld, r, rp, KEYS_BUDGET_ROW))
            load_row(ld, r, rp, a, ncolumns, row);
    }
    return rows;
}

static void load_printed(yread *ld, const ynode *n, const char *path, budget *b)
{
    if (!yread_map(ld, n, path, KEYS_TOTALS))
        return;
    budget_cell **lines[] = {&b->printed.income, &b->printed.with_reserves, &b->printed.costs,
                             &b->printed.result};
    for (size_t i = 0; KEYS_TOTALS[i]; i++) {
        const ynode *v = ymap_get(n, KEYS_TOTALS[i]);
        if (v)
            *lines[i] = load_cells(ld, v, yread_key_path(ld, path, KEYS_TOTALS[i]), b->ncolumns);
    }
}

static void load_labels(yread *ld, const ynode *n, const char *path, budget *b)
{
    if (!yread_map(ld, n, path, KEYS_LABELS))
        return;
    const char **labels[] = {&b->labels.income,         &b->labels.with_reserves,
                             &b->labels.costs,          &b->labels.result,
                             &b->labels.income_heading, &b->labels.costs_heading};
    for (size_t i = 0; KEYS_LABELS[i]; i++)
        *labels[i] = yread_get_text(ld, n, KEYS_LABELS[i], path, false);
}

/* "omit: [result]": total lines the source does not print. A line left out
 * has no printed total to check. */
static void load_omitted(yread *ld, const ynode *n, const char *path, budget *b)
{
    bool *lines[] = {&b->omitted.income, &b->omitted.with_reserves, &b->omitted.costs,
                     &b->omitted.result};
    budget_cell *printed[] = {b->printed.income, b->printed.with_reserves, b->printed.costs,
                              b->printed.result};
    for (size_t i = 0; i < yread_one_or_list_count(n); i++) {
        const char *ip;
        const ynode *item = yread_one_or_list_item(ld, n, path, i, &ip);
        int k = yread_choice(ld, item, ip, KEYS_TOTALS);
        if (k < 0)
            continue;
        *lines[k] = true;
        if (printed[k])
            yread_error(ld, item, ip,
                        "the %s line is left out, but printed_totals gives it: the source "
                        "prints it or not",
                        KEYS_TOTALS[k]);
    }
}

/* Costs are kept as the positive amounts spent. A table that prints them
 * with a minus says so once (`signs: costs_negative`); any cost typed against
 * the table's convention is an error, since it would silently turn a cost
 * into income. Under the convention the typed amounts are turned around. */
static void check_cost_signs(yread *ld, budget_cell *cells, const char *path, const budget *b)
{
    for (size_t c = 0; cells && c < b->ncolumns; c++) {
        budget_cell *cell = &cells[c];
        if (!cell->present || cell->amount == 0)
            continue;
        char shown[FORMAT_BUF];
        format_int(shown, cell->amount);
        const char *cp = yread_index_path(ld, path, c);
        if (!b->costs_negative && cell->amount < 0)
            diag_add(ld->dl, DIAG_ERROR, cell->pos.file, cell->pos.line, cell->pos.col, cp,
                     "a cost typed negative (%s): costs are positive amounts unless the budget "
                     "states once that it prints them negative (\"signs: costs_negative\")",
                     shown);
        else if (b->costs_negative && cell->amount > 0)
            diag_add(ld->dl, DIAG_ERROR, cell->pos.file, cell->pos.line, cell->pos.col, cp,
                     "a cost typed positive (%s) in a budget that prints its costs negative "
                     "(\"signs: costs_negative\"): type it with a minus, as printed",
                     shown);
        if (b->costs_negative)
            cell->amount = -cell->amount;
    }
}

/* An income row is typed as printed: a row that reduces income (a refund)
 * with its minus and marked `reduces`, any other with none. A carried-forward
 * equity is the result before it, whatever its sign. */
static void check_income_signs(yread *ld, const budget_row *row, const char *path, size_t ncolumns)
{
    for (size_t c = 0; row->cells && !row->carried_forward && c < ncolumns; c++) {
        const budget_cell *cell = &row->cells[c];
        if (!cell->present || cell->amount == 0 || (cell->amount < 0) == row->reduces)
            continue;
        char shown[FORMAT_BUF];
        format_int(shown, cell->amount);
        const char *cp = yread_index_path(ld, path, c);
        if (row->reduces)
            diag_add(ld->dl, DIAG_ERROR, cell->pos.file, cell->pos.line, cell->pos.col, cp,
                     "%s reduces income (\"reduces: true\") but is typed positive (%s): type "
                     "it with its minus, as printed",
                     row->label ? row->label : _("the row"), shown);
        else
            diag_add(ld->dl, DIAG_ERROR, cell->pos.file, cell->pos.line, cell->pos.col, cp,
                     "an income typed negative (%s): a row that reduces income, such as a "
                     "refund (återbetalning), says so with \"reduces: true\"",
                     shown);
    }
}

static void check_signs(yread *ld, const char *path, budget *b)
{
    const char *income = yread_key_path(ld, path, "income");
    for (size_t i = 0; i < b->nincome; i++)
        check_income_signs(ld, &b->income[i],
                           yread_key_path(ld, yread_index_path(ld, income, i), "values"),
                           b->ncolumns);
    const char *rows = yread_key_path(ld, path, "costs");
    for (size_t i = 0; i < b->ncosts; i++)
        check_cost_signs(ld, b->costs[i].cells,
                         yread_key_path(ld, yread_index_path(ld, rows, i), "values"), b);
    check_cost_signs(ld, b->printed.costs,
                     yread_key_path(ld, yread_key_path(ld, path, "printed_totals"), "costs"), b);
}

/* `rows_from: budget-2024.csv`: the rows as the map of income, reserves
 * and costs the CSV file gives, or NULL with errors. */
static const ynode *rows_from_csv(yread *ld, const ynode *n, const char *path, budget *b,
                                  csv_table *t)
{
    const ynode *from = ymap_get(n, "rows_from");
    static const char *const lists[] = {"income", "reserves", "costs"};
    for (size_t i = 0; i < 3; i++) {
        const ynode *v = ymap_get(n, lists[i]);
        if (v)
            yread_error(ld, v, yread_key_path(ld, path, lists[i]),
                        "the rows come from the CSV file of \"rows_from\"; give them here or "
                        "there, not both");
    }
    b->rows_from = load_beside(ld, from, yread_key_path(ld, path, "rows_from"));
    if (!b->rows_from || !csv_read(ld->mem, b->rows_from, t, ld->dl))
        return NULL;
    return csvrows_budget(ld, t, b->columns, b->ncolumns);
}

void load_budget(yread *ld, const ynode *n, const char *path, const association *a, budget *b)
{
    b->pos = yread_pos(n);
    if (!yread_map(ld, n, path, KEYS_BUDGET))
        return;
    b->present = true;
    b->title = yread_get_text(ld, n, "title", path, false);
    if (b->title)
        b->title_origin = textpos_origin(ymap_get(n, "title"));
    b->unit = (money_unit)load_enum(ld, n, "unit", path, NAMES_UNIT, false, UNIT_TKR);
    b->costs_negative = load_enum(ld, n, "signs", path, NAMES_SIGNS, false, 0) == 1;
    b->costs_first = load_enum(ld, n, "order", path, NAMES_ORDER, false, 0) == 1;
    b->header = yread_get_text(ld, n, "header", path, false);
    const ynode *cols = yread_require(ld, n, "columns", path);
    if (!cols)
        return;
    load_columns(ld, cols, yread_key_path(ld, path, "columns"), b);
    csv_table csv = {0};
    size_t first = ld->dl->count;
    const ynode *rows = n;
    if (ymap_get(n, "rows_from")) {
        if (!(rows = rows_from_csv(ld, n, path, b, &csv))) {
            b->rows_unread = true;
            if (csv.file)
                csvrows_name_cells(ld, first, &csv);
            return;
        }
    } else if (!yread_require(ld, n, "income", path) || !yread_require(ld, n, "costs", path)) {
        return;
    }
    b->income = load_rows(ld, rows, "income", path, a, b->ncolumns, &b->nincome);
    b->reserves = load_rows(ld, rows, "reserves", path, a, b->ncolumns, &b->nreserves);
    b->costs = load_rows(ld, rows, "costs", path, a, b->ncolumns, &b->ncosts);
    const ynode *v;
    if ((v = ymap_get(n, "labels")))
        load_labels(ld, v, yread_key_path(ld, path, "labels"), b);
    if ((v = ymap_get(n, "printed_totals"))) {
        const char *pp = yread_key_path(ld, path, "printed_totals");
        load_printed(ld, v, pp, b);
        if (b->printed.with_reserves && !b->nreserves)
            yread_error(ld, v, pp, "a total \"with_reserves\" needs reserve rows (\"reserves\")");
    }
    if ((v = ymap_get(n, "omit")))
        load_omitted(ld, v, yread_key_path(ld, path, "omit"), b);
    check_signs(ld, path, b);
    if (b->rows_from)
        csvrows_name_cells(ld, first, &csv);
}

/* "Försäkringskassan + Arbetsförmedlingen" for an entry without a label. */
static const char *member_names(arena *mem, const association *a, const size_t *refs, size_t n)
{
    const char *label = "";
    for (size_t i = 0; i < n; i++)
        label = arena_printf(mem, "%s%s%s", label, i ? " + " : "", a->members[refs[i]].name);
    return label;
}

static void load_allocation_entry(yread *ld, const ynode *e, const char *ep, const association *a,
                                  allocation_entry *en)
{
    en->pos = yread_pos(e);
    en->share = -1;
    const ynode *v;
    if ((v = yread_require(ld, e, "members", ep)))
        en->members = load_member_refs(ld, a, v, yread_key_path(ld, ep, "members"), &en->nmembers);
    en->label = yread_get_text(ld, e, "label", ep, false);
    if (!en->label)
        en->label = member_names(ld->mem, a, en->members, en->nmembers);
    if ((v = ymap_get(e, "amount")))
        yread_figure(ld, v, yread_key_path(ld, ep, "amount"), false, &en->amount);
    if ((v = ymap_get(e, "share"))) {
        const char *sp = yread_key_path(ld, ep, "share");
        yread_percent(ld, v, sp, &en->share);
        for (size_t i = 0; i < en->nmembers; i++)
            if (a->members[en->members[i]].kind != MEMBER_MUNICIPALITY) {
                yread_error(ld, v, sp,
                            "a share of the municipalities' part is for "
                            "municipalities; %s is not one",
                            a->members[en->members[i]].name);
                break;
            }
    }
    if (!ymap_get(e, "amount") && !ymap_get(e, "share"))
        yread_error(ld, e, ep, "an allocation entry needs an \"amount\" or a \"share\"");
}

/* Shares of the municipalities' part given for every entry must make 100 %. */
static void check_shares_sum(yread *ld, const ynode *list, const char *path, const allocation *al)
{
    hundredths sum = 0;
    for (size_t i = 0; i < al->nentries; i++) {
        if (al->entries[i].share < 0)
            return;
        sum += al->entries[i].share;
    }
    if (al->nentries == 0 || sum == 10000)
        return;
    char shown[FORMAT_BUF];
    diag_add(ld->dl, DIAG_WARNING, list->file, list->line, list->col, path,
             "the shares add up to %s, not 100 %%",
             format_percent(shown, sum / 10, sum % 100 ? 1 : 0));
}

void load_allocation(yread *ld, const ynode *n, const char *path, const association *a, int year,
                     allocation *al)
{
    al->pos = yread_pos(n);
    if (!yread_map(ld, n, path, KEYS_ALLOCATION))
        return;
    al->present = true;
    al->title = yread_get_text(ld, n, "title", path, false);
    if (al->title)
        al->title_origin = textpos_origin(ymap_get(n, "title"));
    al->total_label = yread_get_text(ld, n, "total_label", path, false);
    al->amount_head = yread_get_text(ld, n, "amount_head", path, false);
    al->parts_printed = true;
    const ynode *pv = ymap_get(n, "parts");
    if (pv)
        yread_bool(ld, pv, yread_key_path(ld, path, "parts"), &al->parts_printed);
    al->unit = (money_unit)load_enum(ld, n, "unit", path, NAMES_UNIT, false, UNIT_TKR);
    al->year = year;
    const ynode *v;
    int64_t y;
    if ((v = ymap_get(n, "year")) &&
        yread_integer(ld, v, yread_key_path(ld, path, "year"), 1900, 2999, &y))
        al->year = (int)y;
    if ((v = ymap_get(n, "printed_total")))
        yread_figure(ld, v, yread_key_path(ld, path, "printed_total"), false, &al->printed_total);
    const char *lp;
    const ynode *list = load_list(ld, n, "entries", path, &lp);
    if (!list)
        yread_require(ld, n, "entries", path);
    al->entries = ARENA_ARRAY(ld->mem, allocation_entry, (list ? list->count : 0) + 1);
    for (size_t i = 0; list && i < list->count; i++) {
        const char *ep = yread_index_path(ld, lp, i);
        if (yread_map(ld, list->items[i], ep, KEYS_ALLOCATION_ENTRY))
            load_allocation_entry(ld, list->items[i], ep, a, &al->entries[al->nentries++]);
    }
    if (list)
        check_shares_sum(ld, list, lp, al);
}

static void load_rule(yread *ld, const ynode *r, const char *rp, financial_rule *rule)
{
    rule->pos = yread_pos(r);
    rule->min = INT64_MIN;
    rule->max = INT64_MAX;
    rule->text = yread_get_text(ld, r, "text", rp, true);
    rule->measure =
        (rule_measure)load_enum(ld, r, "measure", rp, NAMES_RULE_MEASURE, true, RULE_WITHIN_BUDGET);
    int64_t *bounds[] = {&rule->min, &rule->max};
    static const char *const keys[] = {"min", "max"};
    for (size_t i = 0; i < 2; i++) {
        const ynode *v = ymap_get(r, keys[i]);
        const char *vp = yread_key_path(ld, rp, keys[i]);
        if (!v)
            continue;
        if (rule->measure == RULE_WITHIN_BUDGET)
            yread_error(ld, v, vp, "within_budget takes no threshold");
        else if (rule->measure == RULE_BUFFER)
            yread_amount(ld, v, vp, bounds[i]);
        else
            yread_percent(ld, v, vp, bounds[i]);
    }
    if (rule->measure != RULE_WITHIN_BUDGET && !ymap_get(r, "min") && !ymap_get(r, "max"))
        yread_error(ld, r, rp, "the rule %s needs a threshold: \"min\" or \"max\"",
                    NAMES_RULE_MEASURE[rule->measure]);
}

financial_rule *load_rules(yread *ld, const ynode *n, const char *path, size_t *count)
{
    *count = 0;
    if (!yread_expect(ld, n, path, YNODE_SEQ))
        return NULL;
    financial_rule *rules = ARENA_ARRAY(ld->mem, financial_rule, n->count + 1);
    for (size_t i = 0; i < n->count; i++) {
        const char *rp = yread_index_path(ld, path, i);
        if (yread_map(ld, n->items[i], rp, KEYS_RULE))
            load_rule(ld, n->items[i], rp, &rules[(*count)++]);
    }
    return rules;
}
