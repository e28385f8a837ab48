#include "budget.h"

#include "format.h"

int64_t budget_sum_rows(const budget_row *rows, size_t nrows, size_t column, bool *any)
{
    int64_t sum = 0;
    *any = false;
    for (size_t i = 0; i < nrows; i++) {
        const budget_cell *c = rows[i].cells ? &rows[i].cells[column] : NULL;
        if (c && c->present) {
            sum += c->amount;
            *any = true;
        }
    }
    return sum;
}

budget_figures budget_compute(arena *mem, const budget *b)
{
    budget_figures f = {.ncolumns = b->ncolumns};
    f.columns = ARENA_ARRAY(mem, column_totals, b->ncolumns ? b->ncolumns : 1);
    for (size_t c = 0; c < b->ncolumns; c++) {
        column_totals *t = &f.columns[c];
        t->income = budget_sum_rows(b->income, b->nincome, c, &t->has_income);
        t->costs = budget_sum_rows(b->costs, b->ncosts, c, &t->has_costs);
        t->result = t->income - t->costs;
    }
    return f;
}

static const char *column_name(const budget_column *col)
{
    switch (col->kind) {
    case COLUMN_FORECAST: return "forecast";
    case COLUMN_OUTCOME: return "outcome";
    default: return "budget";
    }
}

typedef enum { TOTAL_INCOME, TOTAL_COSTS, TOTAL_RESULT } total_kind;

static int64_t total_of(const column_totals *t, total_kind kind)
{
    return kind == TOTAL_INCOME ? t->income : kind == TOTAL_COSTS ? t->costs : t->result;
}

static void check_line(const budget *b, const budget_figures *f, const budget_cell *printed,
                       total_kind kind, diag_list *dl)
{
    static const char *const names[] = {"income", "costs", "result"};
    if (!printed)
        return;
    for (size_t c = 0; c < b->ncolumns; c++) {
        const budget_cell *p = &printed[c];
        int64_t want = total_of(&f->columns[c], kind);
        if (!p->present || p->amount == want)
            continue;
        char shown[FORMAT_BUF], sum[FORMAT_BUF];
        diag_add(dl, DIAG_WARNING, p->pos.file, p->pos.line, p->pos.col, NULL,
                 "%s %d (%s): the printed total is %s but the rows add up to %s", names[kind],
                 b->columns[c].year, column_name(&b->columns[c]), format_int(shown, p->amount),
                 format_int(sum, want));
    }
}

void budget_cross_check(const budget *b, const budget_figures *f, diag_list *dl)
{
    check_line(b, f, b->printed.income, TOTAL_INCOME, dl);
    check_line(b, f, b->printed.costs, TOTAL_COSTS, dl);
    check_line(b, f, b->printed.result, TOTAL_RESULT, dl);
}
