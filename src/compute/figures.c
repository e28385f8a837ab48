#include "figures.h"

#include "allocation.h"
#include "format.h"
#include "i18n.h"
#include "money.h"

/* An amount of `from` in `to`: tkr to kr exactly, kr to tkr rounded half
 * away from zero. */
static bool convert(int64_t amount, money_unit from, money_unit to, int64_t *out)
{
    if (from == to) {
        *out = amount;
        return true;
    }
    return from == UNIT_TKR ? money_muldiv(amount, 1000, 1, out)
                            : money_muldiv(amount, 1, 1000, out);
}

static figure_value allocation_value(arena *mem, const allocation *al, const text_figure *f,
                                     const char **why)
{
    figure_value v = {.unit = al->unit};
    int64_t *parts, total;
    bool whole = allocation_parts(mem, al, &parts, &total);
    if (f->kind == FIGURE_ALLOCATION_ENTRY) {
        const figure *amount = &al->entries[f->index].amount;
        if (!amount->present) {
            *why = _("the entry has no amount (only a share)");
            return v;
        }
        v.value = amount->value;
    } else if (!whole) {
        *why = _("not every entry of the allocation has an amount");
        return v;
    } else if (f->kind == FIGURE_ALLOCATION_PART) {
        v.percent = true;
        v.value = parts[f->index];
    } else {
        v.value = total;
    }
    v.ok = true;
    return v;
}

static const budget_row *row_of(const budget *b, const text_figure *f)
{
    const budget_row *sides[] = {b->income, b->reserves, b->costs};
    return &sides[f->side][f->index];
}

static bool side_total(const column_totals *t, budget_side side, int64_t *out)
{
    *out = side == SIDE_INCOME ? t->income : side == SIDE_COSTS ? t->costs : t->with_reserves;
    return side == SIDE_RESERVES ? t->has_income || t->has_reserves
                                 : side == SIDE_INCOME ? t->has_income : t->has_costs;
}

static figure_value budget_value(const budget *b, const budget_figures *bf, const text_figure *f,
                                 const char **why)
{
    figure_value v = {.unit = b->unit};
    const column_totals *t = f->column < bf->ncolumns ? &bf->columns[f->column] : NULL;
    if (!t || t->overflow) {
        *why = _("the column's sums do not fit");
        return v;
    }
    if (f->kind == FIGURE_BUDGET_TOTAL) {
        v.value = budget_total_of(t, f->total);
        v.ok = true;
        return v;
    }
    const budget_cell *cell = &row_of(b, f)->cells[f->column];
    if (!cell->present) {
        *why = _("the row has no amount in that column");
        return v;
    }
    v.value = cell->amount;
    if (f->kind == FIGURE_BUDGET_SHARE) {
        int64_t whole;
        v.percent = true;
        if (!side_total(t, f->side, &whole) || !money_share_tenths(cell->amount, whole, &v.value)) {
            *why = _("the total it is a share of is 0");
            return v;
        }
    }
    v.ok = true;
    return v;
}

figure_value figures_value(arena *mem, const plan *p, const budget_figures *bf,
                           const text_figure *f, const char **why)
{
    *why = NULL;
    bool of_allocation = f->kind == FIGURE_ALLOCATION_TOTAL || f->kind == FIGURE_ALLOCATION_ENTRY ||
                         f->kind == FIGURE_ALLOCATION_PART;
    figure_value v = of_allocation ? allocation_value(mem, &p->allocation, f, why)
                                   : budget_value(&p->budget, bf, f, why);
    if (v.ok && !v.percent && f->in_unit) {
        if (!convert(v.value, v.unit, f->unit, &v.value)) {
            *why = _("the amount does not fit");
            v.ok = false;
        }
        v.unit = f->unit;
    }
    return v;
}

void figures_check(arena *mem, const plan *p, const budget_figures *bf, diag_list *dl)
{
    for (size_t s = 0; s < p->nsections; s++)
        for (size_t i = 0; i < p->sections[s].nfigures; i++) {
            const text_figure *f = &p->sections[s].figures[i];
            const char *why;
            if (!figures_value(mem, p, bf, f, &why).ok)
                diag_add(dl, DIAG_ERROR, f->pos.file, f->pos.line, f->pos.col,
                         arena_printf(mem, "plan.sections[%zu].body", s),
                         "the figure %s cannot be printed: %s", f->source, why);
        }
}

const char *figures_format(arena *mem, const figure_value *v)
{
    char buf[FORMAT_BUF];
    if (v->percent)
        return arena_strdup(mem, format_percent(buf, v->value, 1));
    return arena_printf(mem, "%s" NBSP "%s", format_int(buf, v->value),
                        v->unit == UNIT_KR ? "kr" : "tkr");
}
