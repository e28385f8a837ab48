#include "load.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "yamltree.h"
#include "yread.h"

static const char *const member_kinds[] = {"state", "region", "municipality", NULL};

static void load_member(yread *ld, const ynode *n, const char *path, member *m)
{
    static const char *const keys[] = {"name", "short_name", "kind", "population", NULL};
    m->pos = yread_pos(n);
    if (!yread_map(ld, n, path, keys))
        return;
    m->name = yread_get_text(ld, n, "name", path, true);
    m->short_name = yread_get_text(ld, n, "short_name", path, false);
    if (!m->short_name)
        m->short_name = m->name;
    const ynode *kind = yread_require(ld, n, "kind", path);
    if (kind) {
        int k = yread_choice(ld, kind, yread_key_path(ld, path, "kind"), member_kinds);
        m->kind = k < 0 ? MEMBER_STATE : (member_kind)k;
    }
    const ynode *pop = ymap_get(n, "population");
    if (pop)
        yread_integer(ld, pop, yread_key_path(ld, path, "population"), 0, 100000000,
                      &m->population);
}

static char *dir_of(arena *mem, const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? arena_strndup(mem, path, (size_t)(slash - path)) : arena_strdup(mem, ".");
}

association *load_association(arena *mem, const char *path, diag_list *dl)
{
    yread ld = {mem, dl};
    size_t errors_before = dl->errors;
    ynode *root = ytree_load_file(mem, path, dl);
    if (!root)
        return NULL;
    static const char *const top_keys[] = {"association", NULL};
    const ynode *n;
    if (!yread_map(&ld, root, "", top_keys) || !(n = yread_require(&ld, root, "association", "")))
        return NULL;
    static const char *const keys[] = {"name",  "short_name", "org_number", "members", "address",
                                       "phone", "email",      "web",        "vision",  NULL};
    const char *p = "association";
    if (!yread_map(&ld, n, p, keys))
        return NULL;
    association *a = ARENA_NEW(mem, association);
    a->pos = yread_pos(n);
    a->dir = dir_of(mem, path);
    a->name = yread_get_text(&ld, n, "name", p, true);
    a->short_name = yread_get_text(&ld, n, "short_name", p, false);
    if (!a->short_name)
        a->short_name = a->name;
    a->org_number = yread_get_text(&ld, n, "org_number", p, false);
    a->address = yread_get_text(&ld, n, "address", p, false);
    a->phone = yread_get_text(&ld, n, "phone", p, false);
    a->email = yread_get_text(&ld, n, "email", p, false);
    a->web = yread_get_text(&ld, n, "web", p, false);
    a->vision = yread_get_text(&ld, n, "vision", p, false);
    const ynode *members = yread_require(&ld, n, "members", p);
    const char *mp = yread_key_path(&ld, p, "members");
    if (members && yread_expect(&ld, members, mp, YNODE_SEQ)) {
        a->members = ARENA_ARRAY(mem, member, members->count);
        a->nmembers = members->count;
        for (size_t i = 0; i < members->count; i++)
            load_member(&ld, members->items[i], yread_index_path(&ld, mp, i), &a->members[i]);
    }
    return dl->errors > errors_before ? NULL : a;
}

static const char *const column_kinds[] = {"budget", "forecast", "outcome", NULL};
static const char *const categories[] = {"allocation",     "external", "equity",
                                         "administration", "board",    "individual",
                                         "structural",     "other",    NULL};

static void load_columns(yread *ld, const ynode *n, const char *path, budget *b)
{
    if (!yread_expect(ld, n, path, YNODE_SEQ))
        return;
    b->ncolumns = n->count;
    b->columns = ARENA_ARRAY(ld->mem, budget_column, n->count);
    static const char *const keys[] = {"year", "kind", NULL};
    for (size_t i = 0; i < n->count; i++) {
        const ynode *c = n->items[i];
        const char *cp = yread_index_path(ld, path, i);
        budget_column *col = &b->columns[i];
        col->pos = yread_pos(c);
        if (!yread_map(ld, c, cp, keys))
            continue;
        const ynode *year = yread_require(ld, c, "year", cp);
        int64_t y = 0;
        if (year && yread_integer(ld, year, yread_key_path(ld, cp, "year"), 1900, 2999, &y))
            col->year = (int)y;
        const ynode *kind = yread_require(ld, c, "kind", cp);
        int k = kind ? yread_choice(ld, kind, yread_key_path(ld, cp, "kind"), column_kinds) : -1;
        col->kind = k < 0 ? COLUMN_BUDGET : (column_kind)k;
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
    budget_cell *cells = ARENA_ARRAY(ld->mem, budget_cell, ncolumns);
    for (size_t i = 0; i < ncolumns; i++) {
        const ynode *v = n->items[i];
        cells[i].pos = yread_pos(v);
        if (yscalar_is_null(v))
            continue;
        cells[i].present = yread_integer(ld, v, yread_index_path(ld, path, i), -1000000000000000LL,
                                         1000000000000000LL, &cells[i].amount);
    }
    return cells;
}

static budget_row *load_rows(yread *ld, const ynode *n, const char *path, size_t ncolumns,
                             size_t *count)
{
    *count = 0;
    if (!yread_expect(ld, n, path, YNODE_SEQ))
        return NULL;
    static const char *const keys[] = {"label", "group", "category", "values", NULL};
    budget_row *rows = ARENA_ARRAY(ld->mem, budget_row, n->count);
    *count = n->count;
    for (size_t i = 0; i < n->count; i++) {
        const ynode *r = n->items[i];
        const char *rp = yread_index_path(ld, path, i);
        budget_row *row = &rows[i];
        row->pos = yread_pos(r);
        if (!yread_map(ld, r, rp, keys))
            continue;
        row->label = yread_get_text(ld, r, "label", rp, true);
        row->group = yread_get_text(ld, r, "group", rp, false);
        const ynode *cat = yread_require(ld, r, "category", rp);
        int c = cat ? yread_choice(ld, cat, yread_key_path(ld, rp, "category"), categories) : -1;
        row->category = c < 0 ? CATEGORY_OTHER : (row_category)c;
        const ynode *values = yread_require(ld, r, "values", rp);
        if (values)
            row->cells = load_cells(ld, values, yread_key_path(ld, rp, "values"), ncolumns);
    }
    return rows;
}

static void load_printed(yread *ld, const ynode *n, const char *path, budget *b)
{
    static const char *const keys[] = {"income", "costs", "result", NULL};
    if (!yread_map(ld, n, path, keys))
        return;
    const ynode *v;
    if ((v = ymap_get(n, "income")))
        b->printed.income = load_cells(ld, v, yread_key_path(ld, path, "income"), b->ncolumns);
    if ((v = ymap_get(n, "costs")))
        b->printed.costs = load_cells(ld, v, yread_key_path(ld, path, "costs"), b->ncolumns);
    if ((v = ymap_get(n, "result")))
        b->printed.result = load_cells(ld, v, yread_key_path(ld, path, "result"), b->ncolumns);
}

static void load_budget(yread *ld, const ynode *n, const char *path, budget *b)
{
    static const char *const keys[] = {"title", "unit",           "columns", "income",
                                       "costs", "printed_totals", NULL};
    b->pos = yread_pos(n);
    if (!yread_map(ld, n, path, keys))
        return;
    b->present = true;
    b->title = yread_get_text(ld, n, "title", path, false);
    static const char *const units[] = {"tkr", "kr", NULL};
    const ynode *unit = ymap_get(n, "unit");
    if (unit) {
        int u = yread_choice(ld, unit, yread_key_path(ld, path, "unit"), units);
        b->unit = u < 0 ? UNIT_TKR : (money_unit)u;
    }
    const ynode *cols = yread_require(ld, n, "columns", path);
    if (!cols)
        return;
    load_columns(ld, cols, yread_key_path(ld, path, "columns"), b);
    const ynode *v;
    if ((v = yread_require(ld, n, "income", path)))
        b->income = load_rows(ld, v, yread_key_path(ld, path, "income"), b->ncolumns, &b->nincome);
    if ((v = yread_require(ld, n, "costs", path)))
        b->costs = load_rows(ld, v, yread_key_path(ld, path, "costs"), b->ncolumns, &b->ncosts);
    if ((v = ymap_get(n, "printed_totals")))
        load_printed(ld, v, yread_key_path(ld, path, "printed_totals"), b);
}

static void load_sections(yread *ld, const ynode *n, const char *path, plan *p)
{
    if (!yread_expect(ld, n, path, YNODE_SEQ))
        return;
    static const char *const keys[] = {"heading", "level", "body", NULL};
    p->nsections = n->count;
    p->sections = ARENA_ARRAY(ld->mem, plan_section, n->count);
    for (size_t i = 0; i < n->count; i++) {
        const ynode *s = n->items[i];
        const char *sp = yread_index_path(ld, path, i);
        plan_section *sec = &p->sections[i];
        sec->pos = yread_pos(s);
        sec->level = 1;
        if (!yread_map(ld, s, sp, keys))
            continue;
        sec->heading = yread_get_text(ld, s, "heading", sp, true);
        sec->body = yread_get_text(ld, s, "body", sp, false);
        const ynode *level = ymap_get(s, "level");
        int64_t lv;
        if (level && yread_integer(ld, level, yread_key_path(ld, sp, "level"), 1, 3, &lv))
            sec->level = (int)lv;
    }
}

plan *load_plan(arena *mem, const char *path, diag_list *dl)
{
    yread ld = {mem, dl};
    size_t errors_before = dl->errors;
    ynode *root = ytree_load_file(mem, path, dl);
    if (!root)
        return NULL;
    static const char *const top_keys[] = {"plan", NULL};
    const ynode *n;
    if (!yread_map(&ld, root, "", top_keys) || !(n = yread_require(&ld, root, "plan", "")))
        return NULL;
    static const char *const keys[] = {"year",     "title",  "subtitle", "decided",
                                       "sections", "budget", NULL};
    const char *p = "plan";
    if (!yread_map(&ld, n, p, keys))
        return NULL;
    plan *pl = ARENA_NEW(mem, plan);
    pl->file = arena_strdup(mem, path);
    const ynode *v;
    int64_t year;
    if ((v = yread_require(&ld, n, "year", p)) &&
        yread_integer(&ld, v, yread_key_path(&ld, p, "year"), 1900, 2999, &year))
        pl->year = (int)year;
    pl->title = yread_get_text(&ld, n, "title", p, true);
    pl->subtitle = yread_get_text(&ld, n, "subtitle", p, false);
    if ((v = ymap_get(n, "decided"))) {
        static const char *const dkeys[] = {"date", "by", NULL};
        const char *dp = yread_key_path(&ld, p, "decided");
        if (yread_map(&ld, v, dp, dkeys)) {
            const ynode *d = yread_require(&ld, v, "date", dp);
            if (d)
                yread_date(&ld, d, yread_key_path(&ld, dp, "date"), &pl->decided_on);
            pl->decided_by = yread_get_text(&ld, v, "by", dp, true);
        }
    }
    if ((v = ymap_get(n, "sections")))
        load_sections(&ld, v, yread_key_path(&ld, p, "sections"), pl);
    if ((v = ymap_get(n, "budget")))
        load_budget(&ld, v, yread_key_path(&ld, p, "budget"), &pl->budget);

    char *assoc_path = arena_printf(mem, "%s/association.yaml", dir_of(mem, path));
    pl->assoc = load_association(mem, assoc_path, dl);
    return dl->errors > errors_before ? NULL : pl;
}
