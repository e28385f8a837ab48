#include "budget.h"

#include <stdio.h>
#include <string.h>

#include "format.h"
#include "i18n.h"
#include "money.h"
#include "split.h"

static const budget_cell *cell_at(const budget_row *row, size_t column)
{
    return row->cells && row->cells[column].present ? &row->cells[column] : NULL;
}

bool budget_sum_rows(const budget_row *rows, size_t nrows, size_t column, int64_t *sum, bool *any)
{
    bool fits = true;
    *sum = 0;
    *any = false;
    for (size_t i = 0; i < nrows; i++) {
        const budget_cell *c = cell_at(&rows[i], column);
        if (c) {
            fits = fits && money_add(*sum, c->amount, sum);
            *any = true;
        }
    }
    return fits;
}

static bool add_categories(const budget_row *rows, size_t nrows, size_t column,
                           int64_t sums[CATEGORY_COUNT])
{
    bool fits = true;
    for (size_t i = 0; i < nrows; i++) {
        const budget_cell *c = cell_at(&rows[i], column);
        if (c)
            fits = fits && money_add(sums[rows[i].category], c->amount, &sums[rows[i].category]);
    }
    return fits;
}

static column_totals column_compute(const budget *b, size_t c)
{
    column_totals t = {0};
    bool fits = budget_sum_rows(b->income, b->nincome, c, &t.income, &t.has_income) &
                budget_sum_rows(b->costs, b->ncosts, c, &t.costs, &t.has_costs) &
                add_categories(b->income, b->nincome, c, t.income_by_category) &
                add_categories(b->costs, b->ncosts, c, t.costs_by_category);
    fits = fits && budget_sum_rows(b->reserves, b->nreserves, c, &t.reserves, &t.has_reserves) &&
           money_sub(t.income, t.costs, &t.result) &&
           money_add(t.income, t.reserves, &t.with_reserves);
    if (!fits)
        t = (column_totals){.overflow = true};
    return t;
}

static bool same_group(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static row_group *group_rows(arena *mem, const budget_row *rows, size_t nrows, size_t ncolumns,
                             size_t *ngroups)
{
    row_group *groups = NULL;
    size_t cap = 0;
    *ngroups = 0;
    for (size_t i = 0; i < nrows; i++) {
        if (*ngroups == 0 || !same_group(groups[*ngroups - 1].name, rows[i].group)) {
            row_group *g = ARENA_PUSH(mem, groups, *ngroups, cap);
            *g = (row_group){rows[i].group, i, 0, ARENA_ARRAY(mem, int64_t, ncolumns + 1),
                             ARENA_ARRAY(mem, bool, ncolumns + 1)};
        }
        groups[*ngroups - 1].count++;
    }
    for (size_t k = 0; k < *ngroups; k++)
        for (size_t c = 0; c < ncolumns; c++)
            if (!budget_sum_rows(rows + groups[k].first, groups[k].count, c, &groups[k].sums[c],
                                 &groups[k].present[c]))
                groups[k].present[c] = false; /* the column's totals report the overflow */
    return groups;
}

budget_figures budget_compute(arena *mem, const budget *b)
{
    budget_figures f = {.ncolumns = b->ncolumns};
    f.columns = ARENA_ARRAY(mem, column_totals, b->ncolumns ? b->ncolumns : 1);
    for (size_t c = 0; c < b->ncolumns; c++)
        f.columns[c] = column_compute(b, c);
    f.income_groups = group_rows(mem, b->income, b->nincome, b->ncolumns, &f.nincome_groups);
    f.cost_groups = group_rows(mem, b->costs, b->ncosts, b->ncolumns, &f.ncost_groups);
    return f;
}

ptrdiff_t budget_find_column(const budget *b, int year, column_kind kind)
{
    for (size_t c = 0; c < b->ncolumns; c++)
        if (b->columns[c].year == year && b->columns[c].kind == kind)
            return (ptrdiff_t)c;
    return -1;
}

char *budget_column_name(char buf[COLUMN_NAME_BUF], const budget_column *col)
{
    static const char *const kinds[] = {N_("budget"), N_("forecast"), N_("outcome")};
    char year[FORMAT_BUF];
    size_t n = strlen(format_year(year, col->year));
    const char *kind = _(kinds[col->kind]);
    size_t k = strnlen(kind, COLUMN_NAME_BUF - n - 4); /* a year is 11 bytes at most */
    memcpy(buf, year, n);
    memcpy(buf + n, " (", 2);
    memcpy(buf + n + 2, kind, k);
    memcpy(buf + n + 2 + k, ")", 2);
    return buf;
}

/* ---- variance and cost split --------------------------------------------- */

bool budget_variance(int64_t budgeted, int64_t actual, variance *v)
{
    *v = (variance){0};
    if (!money_sub(actual, budgeted, &v->amount))
        return false;
    if (budgeted == 0)
        return true;
    int64_t base = budgeted < 0 ? -budgeted : budgeted;
    if (budgeted == INT64_MIN || !money_share_tenths(v->amount, base, &v->tenths))
        return false;
    v->has_percent = true;
    return true;
}

cost_class budget_cost_class(row_category category)
{
    switch (category) {
    case CATEGORY_INDIVIDUAL: return COST_INDIVIDUAL;
    case CATEGORY_STRUCTURAL: return COST_STRUCTURAL;
    case CATEGORY_ADMINISTRATION:
    case CATEGORY_BOARD: return COST_ADMINISTRATION;
    default: return COST_OTHER;
    }
}

bool budget_cost_split(const budget_figures *f, size_t column, cost_split *s)
{
    const column_totals *t = &f->columns[column];
    *s = (cost_split){.total = t->costs};
    bool fits = !t->overflow;
    for (int c = 0; c < CATEGORY_COUNT; c++) {
        int64_t *into = &s->amount[budget_cost_class((row_category)c)];
        fits = fits && money_add(*into, t->costs_by_category[c], into);
    }
    return fits;
}

bool budget_cost_shares(const cost_split *s, int64_t scale, int64_t shares[COST_CLASSES])
{
    return s->total > 0 &&
           split_largest_remainder(scale, s->amount, COST_CLASSES, shares) == SPLIT_OK;
}

/* ---- carry-forward -------------------------------------------------------- */

static bool follows(const budget_column *prev, const budget_column *next)
{
    return next->year == prev->year + 1 && prev->kind != COLUMN_OUTCOME &&
           next->kind != COLUMN_OUTCOME;
}

static const budget_cell *first_carried_cell(const budget *b, size_t column)
{
    for (size_t i = 0; i < b->nincome; i++)
        if (b->income[i].carried_forward && cell_at(&b->income[i], column))
            return cell_at(&b->income[i], column);
    return NULL;
}

/* The sum of the carried-forward rows in a column; false when there is none. */
static bool carried_sum(const budget *b, size_t column, int64_t *sum)
{
    bool any = false;
    *sum = 0;
    for (size_t i = 0; i < b->nincome; i++) {
        const budget_cell *cell = cell_at(&b->income[i], column);
        if (b->income[i].carried_forward && cell && money_add(*sum, cell->amount, sum))
            any = true;
    }
    return any;
}

carry_forward *budget_carry_forward(arena *mem, const budget *b, const budget_figures *f)
{
    carry_forward *cf = ARENA_ARRAY(mem, carry_forward, b->ncolumns ? b->ncolumns : 1);
    if (!budget_carries_forward(b))
        return cf;
    for (size_t c = 1; c < b->ncolumns; c++) {
        const column_totals *prev = &f->columns[c - 1];
        if (!follows(&b->columns[c - 1], &b->columns[c]) || prev->overflow)
            continue;
        cf[c].applies = true;
        cf[c].carried_in = prev->result;
        cf[c].has_equity = carried_sum(b, c, &cf[c].equity);
    }
    return cf;
}

bool budget_carries_forward(const budget *b)
{
    for (size_t i = 0; i < b->nincome; i++)
        if (b->income[i].carried_forward)
            return true;
    return false;
}

void budget_check_carry_forward(arena *mem, const budget *b, const budget_figures *f, diag_list *dl)
{
    carry_forward *cf = budget_carry_forward(mem, b, f);
    for (size_t c = 1; c < b->ncolumns; c++) {
        if (!cf[c].applies || (cf[c].has_equity && cf[c].equity == cf[c].carried_in))
            continue;
        const budget_cell *cell = first_carried_cell(b, c);
        source_pos pos = cell ? cell->pos : b->pos;
        char col[COLUMN_NAME_BUF], prev[COLUMN_NAME_BUF], eq[FORMAT_BUF], rem[FORMAT_BUF];
        budget_column_name(col, &b->columns[c]);
        budget_column_name(prev, &b->columns[c - 1]);
        format_int(rem, cf[c].carried_in);
        if (!cf[c].has_equity)
            diag_add(dl, DIAG_WARNING, pos.file, pos.line, pos.col, NULL,
                     "equity %s: the carried-forward row is empty but %s leaves an unbudgeted "
                     "remainder of %s",
                     col, prev, rem);
        else
            diag_add(dl, DIAG_WARNING, pos.file, pos.line, pos.col, NULL,
                     "equity %s: the equity is %s but %s leaves an unbudgeted remainder of %s", col,
                     format_int(eq, cf[c].equity), prev, rem);
    }
}

/* ---- cross-checks of printed totals ------------------------------------------ */

typedef struct {
    const budget *b;
    const budget_figures *f;
    const budget_correction *corrections;
    size_t ncorrections;
} check_input;

typedef struct {
    char text[320];
} cause;

int64_t budget_total_of(const column_totals *t, total_line line)
{
    const int64_t totals[] = {t->income, t->with_reserves, t->costs, t->result};
    return totals[line];
}

const budget_cell *budget_printed_total(const budget *b, total_line line, size_t column)
{
    const budget_cell *const lines[] = {b->printed.income, b->printed.with_reserves,
                                        b->printed.costs, b->printed.result};
    return lines[line] && lines[line][column].present ? &lines[line][column] : NULL;
}

/* A printed result that is the printed income minus the printed costs. */
static bool follows_from_printed(const check_input *in, size_t c, int64_t printed, cause *why)
{
    const column_totals *t = &in->f->columns[c];
    const budget_cell *pi = budget_printed_total(in->b, TOTAL_LINE_INCOME, c);
    const budget_cell *pc = budget_printed_total(in->b, TOTAL_LINE_COSTS, c);
    int64_t income = pi ? pi->amount : t->income, costs = pc ? pc->amount : t->costs, diff;
    if ((!pi || pi->amount == t->income) && (!pc || pc->amount == t->costs))
        return false;
    if (!money_sub(income, costs, &diff) || diff != printed)
        return false;
    char a[FORMAT_BUF], b[FORMAT_BUF], r[FORMAT_BUF];
    snprintf(why->text, sizeof why->text, _("it follows from the printed totals: %s − %s = %s"),
             format_int(a, income), format_int(b, costs), format_int(r, printed));
    return true;
}

/* A printed income total or result that matches the rows once the known
 * corrections of this column are made. */
static bool matches_corrected(const check_input *in, total_line kind, size_t c, int64_t computed,
                              int64_t printed, cause *why)
{
    if (kind == TOTAL_LINE_COSTS)
        return false;
    int64_t delta = 0;
    const budget_correction *one = NULL;
    size_t count = 0;
    for (size_t i = 0; i < in->ncorrections; i++) {
        const budget_correction *k = &in->corrections[i];
        const budget_cell *cell = k->column == c ? cell_at(k->row, c) : NULL;
        if (!cell || cell->amount == k->amount)
            continue;
        int64_t d;
        if (!money_sub(k->amount, cell->amount, &d) || !money_add(delta, d, &delta))
            return false;
        one = k;
        count++;
    }
    int64_t corrected;
    if (count == 0 || !money_add(computed, delta, &corrected) || corrected != printed)
        return false;
    char a[FORMAT_BUF];
    if (count == 1)
        snprintf(why->text, sizeof why->text,
                 _("it matches the rows with %s at %s, its share by the Finsam split, so the "
                   "row seems mistyped"),
                 one->row->label, format_int(a, one->amount));
    else
        snprintf(why->text, sizeof why->text,
                 _("it matches the rows with every allocation at its share by the Finsam split, "
                   "so those rows seem mistyped"));
    return true;
}

/* A printed result in an outcome column that is the budgeted costs minus the
 * actual costs of the year: a budget variance shown as the result. */
static bool is_budget_variance(const check_input *in, size_t c, int64_t printed, cause *why)
{
    const budget_column *col = &in->b->columns[c];
    ptrdiff_t planned = budget_find_column(in->b, col->year, COLUMN_BUDGET);
    if (col->kind != COLUMN_OUTCOME || planned < 0)
        return false;
    const column_totals *p = &in->f->columns[planned], *t = &in->f->columns[c];
    int64_t diff;
    if (!p->has_costs || p->overflow || !money_sub(p->costs, t->costs, &diff) || diff != printed)
        return false;
    char a[FORMAT_BUF], b[FORMAT_BUF];
    snprintf(why->text, sizeof why->text,
             _("it is the budgeted costs minus the actual costs (%s − %s), not income minus costs"),
             format_int(a, p->costs), format_int(b, t->costs));
    return true;
}

/* A row of `rows` that the printed total leaves out, or counts twice. */
static bool row_off(const budget_row *rows, size_t n, size_t c, int64_t computed, int64_t printed,
                    cause *why)
{
    for (size_t i = 0; i < n; i++) {
        const budget_cell *cell = cell_at(&rows[i], c);
        if (!cell || cell->amount == 0)
            continue;
        int64_t without, twice;
        bool left_out = money_sub(computed, cell->amount, &without) && without == printed;
        if (left_out || (money_add(computed, cell->amount, &twice) && twice == printed)) {
            char a[FORMAT_BUF];
            snprintf(why->text, sizeof why->text, _("the row “%s” (%s) seems %s"), rows[i].label,
                     format_int(a, cell->amount), left_out ? _("left out") : _("counted twice"));
            return true;
        }
    }
    return false;
}

static bool one_row_off(const check_input *in, total_line kind, size_t c, int64_t computed,
                        int64_t printed, cause *why)
{
    const budget *b = in->b;
    switch (kind) {
    case TOTAL_LINE_INCOME: return row_off(b->income, b->nincome, c, computed, printed, why);
    case TOTAL_LINE_WITH_RESERVES:
        return row_off(b->reserves, b->nreserves, c, computed, printed, why) ||
               row_off(b->income, b->nincome, c, computed, printed, why);
    case TOTAL_LINE_COSTS: return row_off(b->costs, b->ncosts, c, computed, printed, why);
    default: return false;
    }
}

static void explain(const check_input *in, total_line kind, size_t c, int64_t computed,
                    int64_t printed, cause *why)
{
    if (kind == TOTAL_LINE_RESULT && follows_from_printed(in, c, printed, why))
        return;
    if (matches_corrected(in, kind, c, computed, printed, why))
        return;
    if (kind == TOTAL_LINE_RESULT && is_budget_variance(in, c, printed, why))
        return;
    if (one_row_off(in, kind, c, computed, printed, why))
        return;
    if (money_digits_swapped(computed, printed)) {
        snprintf(why->text, sizeof why->text, _("two digits seem swapped"));
        return;
    }
    int64_t diff;
    if (money_sub(computed, printed, &diff) && (diff == 1 || diff == -1))
        snprintf(why->text, sizeof why->text,
                 _("rounding: the total seems taken from amounts before they were rounded"));
    else
        snprintf(why->text, sizeof why->text,
                 _("no single row explains it: a row or the total seems mistyped"));
}

static void check_line(const check_input *in, total_line kind, diag_list *dl)
{
    static const char *const names[] = {N_("income"), N_("income with reserves"), N_("costs"),
                                        N_("result")};
    for (size_t c = 0; c < in->b->ncolumns; c++) {
        const budget_cell *p = budget_printed_total(in->b, kind, c);
        const column_totals *t = &in->f->columns[c];
        int64_t want = budget_total_of(t, kind);
        if (!p || t->overflow || p->amount == want)
            continue;
        cause why;
        explain(in, kind, c, want, p->amount, &why);
        char col[COLUMN_NAME_BUF], shown[FORMAT_BUF], sum[FORMAT_BUF];
        budget_column_name(col, &in->b->columns[c]);
        format_int(shown, p->amount);
        format_int(sum, want);
        if (kind == TOTAL_LINE_RESULT)
            diag_add(dl, DIAG_WARNING, p->pos.file, p->pos.line, p->pos.col, NULL,
                     "result %s: the printed result is %s but income − costs is %s; likely "
                     "cause: %s",
                     col, shown, sum, why.text);
        else
            diag_add(dl, DIAG_WARNING, p->pos.file, p->pos.line, p->pos.col, NULL,
                     "%s %s: the printed total is %s but the rows add up to %s; likely cause: %s",
                     _(names[kind]), col, shown, sum, why.text);
    }
}

static void check_overflow(const budget *b, const budget_figures *f, diag_list *dl)
{
    for (size_t c = 0; c < b->ncolumns; c++) {
        if (!f->columns[c].overflow)
            continue;
        char col[COLUMN_NAME_BUF];
        const source_pos *pos = &b->columns[c].pos;
        diag_add(dl, DIAG_ERROR, pos->file, pos->line, pos->col, NULL,
                 "budget %s: the amounts are too large to add up in 64 bits",
                 budget_column_name(col, &b->columns[c]));
    }
}

void budget_cross_check_with(const budget *b, const budget_figures *f,
                             const budget_correction *corrections, size_t ncorrections,
                             diag_list *dl)
{
    check_input in = {b, f, corrections, ncorrections};
    check_overflow(b, f, dl);
    check_line(&in, TOTAL_LINE_INCOME, dl);
    check_line(&in, TOTAL_LINE_WITH_RESERVES, dl);
    check_line(&in, TOTAL_LINE_COSTS, dl);
    check_line(&in, TOTAL_LINE_RESULT, dl);
}

void budget_cross_check(const budget *b, const budget_figures *f, diag_list *dl)
{
    budget_cross_check_with(b, f, NULL, 0, dl);
}
