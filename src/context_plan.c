#include "context.h"

#include <string.h>

#include "format.h"

/* A formatted amount with its raw value: {text, value, negative}. */
static value *columns_value(arena *mem, const budget *b)
{
    static const char *const kinds[] = {"is_budget", "is_forecast", "is_outcome"};
    value *list = value_list(mem);
    for (size_t c = 0; c < b->ncolumns; c++) {
        value *col = value_map(mem);
        char buf[FORMAT_BUF];
        value_set_string(mem, col, "year", format_year(buf, b->columns[c].year));
        value_set_bool(mem, col, kinds[b->columns[c].kind], true);
        value_push(mem, list, col);
    }
    return list;
}

static value *row_value(arena *mem, const budget_row *row, size_t ncolumns)
{
    value *r = value_map(mem);
    value_set_string(mem, r, "label", row->label);
    value *cells = value_set(mem, r, "cells", value_list(mem));
    for (size_t c = 0; c < ncolumns; c++) {
        const budget_cell *cell = row->cells ? &row->cells[c] : NULL;
        value_push(mem, cells, context_amount(mem, cell ? cell->amount : 0, cell && cell->present));
    }
    return r;
}

/* Rows grouped by their consecutive `group`: [{name, rows: [...]}]. */
static value *groups_value(arena *mem, const budget_row *rows, size_t nrows, size_t ncolumns)
{
    value *groups = value_list(mem);
    value *current = NULL;
    const char *current_name = NULL;
    for (size_t i = 0; i < nrows; i++) {
        const char *name = rows[i].group;
        bool same = current && ((!name && !current_name) ||
                                (name && current_name && strcmp(name, current_name) == 0));
        if (!same) {
            current = value_map(mem);
            value_set_string(mem, current, "name", name);
            value_set(mem, current, "rows", value_list(mem));
            value_push(mem, groups, current);
            current_name = name;
        }
        value *list = (value *)value_get(current, "rows");
        value_push(mem, list, row_value(mem, &rows[i], ncolumns));
    }
    return groups;
}

static value *budget_value(arena *mem, const budget *b, const budget_figures *f)
{
    value *v = value_map(mem);
    value_set_bool(mem, v, "present", b->present);
    if (!b->present)
        return v;
    value_set_string(mem, v, "title", b->title);
    value_set_bool(mem, v, b->unit == UNIT_KR ? "unit_kr" : "unit_tkr", true);
    value_set(mem, v, "columns", columns_value(mem, b));
    value_set(mem, v, "income", groups_value(mem, b->income, b->nincome, b->ncolumns));
    value_set(mem, v, "costs", groups_value(mem, b->costs, b->ncosts, b->ncolumns));
    value *totals = value_set(mem, v, "totals", value_list(mem));
    for (size_t c = 0; c < b->ncolumns; c++) {
        value *t = value_map(mem);
        const column_totals *ct = &f->columns[c];
        value_set(mem, t, "income", context_amount(mem, ct->income, ct->has_income));
        value_set(mem, t, "costs", context_amount(mem, ct->costs, ct->has_costs));
        value_set(mem, t, "result", context_amount(mem, ct->result, true));
        value_push(mem, totals, t);
    }
    return v;
}

static value *sections_value(arena *mem, const plan *p)
{
    static const char *const hashes[] = {"#", "##", "###"};
    value *list = value_list(mem);
    for (size_t i = 0; i < p->nsections; i++) {
        const plan_section *s = &p->sections[i];
        value *v = value_map(mem);
        value_set_string(mem, v, "heading", s->heading);
        value_set_string(mem, v, "hashes", hashes[s->level - 1]);
        value_set_string(mem, v, "body", s->body);
        value_push(mem, list, v);
    }
    return list;
}

value *context_for_plan(arena *mem, const plan *p, const budget_figures *figures)
{
    value *root = value_map(mem);
    value_set(mem, root, "association", context_association(mem, p->assoc));
    value *pv = value_set(mem, root, "plan", value_map(mem));
    char buf[FORMAT_BUF];
    value_set_string(mem, pv, "year", format_year(buf, p->year));
    value_set_string(mem, pv, "title", p->title);
    value_set_string(mem, pv, "subtitle", p->subtitle);
    if (p->decided_by) {
        value *d = value_set(mem, pv, "decided", value_map(mem));
        value_set_string(mem, d, "date", format_date(buf, p->decided_on));
        value_set_string(mem, d, "by", p->decided_by);
    }
    value_set(mem, root, "sections", sections_value(mem, p));
    value_set(mem, root, "budget", budget_value(mem, &p->budget, figures));
    return root;
}
