/* The account mapping and the årsredovisning's and delårsrapport's files. */
#include "load_annual.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "load_outcome.h"
#include "load_plan.h"
#include "load_association.h"
#include "loader.h"

/* ---- the mapping ------------------------------------------------------------ */

/* "3000-3999", "8999" or 8999: a range of four-digit accounts. */
static bool load_range(yread *ld, const ynode *n, const char *path, account_range *r)
{
    r->pos = yread_pos(n);
    const char *s = yread_text(ld, n, path);
    if (!s)
        return false;
    char *end;
    long from = strtol(s, &end, 10), to = from;
    if (end != s && *end == '-')
        to = strtol(end + 1, &end, 10);
    if (end == s || *end || from < 1000 || to > 9999 || from > to) {
        yread_error(ld, n, path,
                    "expected an account or a range of accounts such as 3000-3999, found \"%s\"",
                    s);
        return false;
    }
    r->from = (int)from;
    r->to = (int)to;
    return true;
}

/* `accounts`: one range, or a list of them. */
static account_range *load_ranges(yread *ld, const ynode *n, const char *path, size_t *count)
{
    *count = 0;
    size_t nitems = yread_one_or_list_count(n);
    if (n->kind == YNODE_MAP || nitems == 0) {
        yread_error(ld, n, path, "expected accounts such as 3000-3999 or a list of them");
        return NULL;
    }
    account_range *r = ARENA_ARRAY(ld->mem, account_range, nitems);
    for (size_t i = 0; i < nitems; i++) {
        const char *ip;
        const ynode *item = yread_one_or_list_item(ld, n, path, i, &ip);
        if (load_range(ld, item, ip, &r[*count]))
            (*count)++;
    }
    return r;
}

static void load_group_accounts(yread *ld, const ynode *n, const char *path, account_group *g)
{
    g->pos = yread_pos(n);
    const ynode *a = yread_require(ld, n, "accounts", path);
    if (a)
        g->ranges = load_ranges(ld, a, yread_key_path(ld, path, "accounts"), &g->nranges);
}

static account_group *load_groups(yread *ld, const ynode *map, const char *key, const char *path,
                                  const char *const *keys, const char *label_key, size_t *count)
{
    const char *lp;
    const ynode *list = load_list(ld, map, key, path, &lp);
    *count = 0;
    account_group *g = ARENA_ARRAY(ld->mem, account_group, (list ? list->count : 0) + 1);
    for (size_t i = 0; list && i < list->count; i++) {
        const ynode *item = list->items[i];
        const char *ip = yread_index_path(ld, lp, i);
        if (!yread_map(ld, item, ip, keys))
            continue;
        account_group *e = &g[(*count)++];
        load_group_accounts(ld, item, ip, e);
        if (label_key)
            e->label = yread_get_text(ld, item, label_key, ip, true);
        else
            e->line = (statement_line)load_enum(ld, item, "line", ip, NAMES_STATEMENT_LINE, true, 0);
    }
    return g;
}

/* Two ranges of lines that share an account: the account would count twice. */
static void check_overlaps(yread *ld, const account_map *m)
{
    for (size_t i = 0; i < m->nlines; i++)
        for (size_t a = 0; a < m->lines[i].nranges; a++)
            for (size_t j = i; j < m->nlines; j++)
                for (size_t b = j == i ? a + 1 : 0; b < m->lines[j].nranges; b++) {
                    const account_range *x = &m->lines[i].ranges[a], *y = &m->lines[j].ranges[b];
                    if (x->from <= y->to && y->from <= x->to)
                        diag_add(ld->dl, DIAG_ERROR, y->pos.file, y->pos.line, y->pos.col, NULL,
                                 "accounts %d-%d overlap %d-%d (line %d): an account can be on "
                                 "one line only",
                                 y->from, y->to, x->from, x->to, x->pos.line);
                }
}

static void load_notes(yread *ld, const ynode *n, const char *path, account_map *m)
{
    const char *lp;
    const ynode *list = load_list(ld, n, "notes", path, &lp);
    m->notes = ARENA_ARRAY(ld->mem, map_note, (list ? list->count : 0) + 1);
    for (size_t i = 0; list && i < list->count; i++) {
        const ynode *item = list->items[i];
        const char *ip = yread_index_path(ld, lp, i);
        if (!yread_map(ld, item, ip, KEYS_MAP_NOTE))
            continue;
        map_note *note = &m->notes[m->nnotes++];
        note->pos = yread_pos(item);
        note->line = (statement_line)load_enum(ld, item, "line", ip, NAMES_STATEMENT_LINE, true, 0);
        note->title = yread_get_text(ld, item, "title", ip, false);
        note->rows = load_groups(ld, item, "rows", ip, KEYS_MAP_ROW, "label", &note->nrows);
    }
}

account_map *load_account_map(arena *mem, const char *path, diag_list *dl)
{
    yread ld = {mem, dl};
    size_t errors = dl->errors;
    const ynode *n = load_top(&ld, path, KEYS_MAPPING_FILE, KEYS_MAPPING);
    if (!n)
        return NULL;
    const char *p = "mapping";
    account_map *m = ARENA_NEW(mem, account_map);
    m->file = arena_strdup(mem, path);
    m->unit = (money_unit)load_enum(&ld, n, "unit", p, NAMES_UNIT, false, UNIT_KR);
    m->lines = load_groups(&ld, n, "lines", p, KEYS_MAP_LINE, NULL, &m->nlines);
    if (!ymap_get(n, "lines"))
        yread_require(&ld, n, "lines", p);
    const ynode *v = ymap_get(n, "ignore");
    if (v)
        m->ignored = load_ranges(&ld, v, yread_key_path(&ld, p, "ignore"), &m->nignored);
    load_notes(&ld, n, p, m);
    m->budget_rows = load_groups(&ld, n, "budget_rows", p, KEYS_MAP_ROW, "label", &m->nbudget_rows);
    check_overlaps(&ld, m);
    return dl->errors > errors ? NULL : m;
}

/* ---- the report ------------------------------------------------------------ */

static labelled_amount *load_labelled(yread *ld, const ynode *map, const char *key,
                                      const char *path, size_t *count)
{
    const char *lp;
    const ynode *list = load_list(ld, map, key, path, &lp);
    *count = 0;
    labelled_amount *a = ARENA_ARRAY(ld->mem, labelled_amount, (list ? list->count : 0) + 1);
    for (size_t i = 0; list && i < list->count; i++) {
        const ynode *item = list->items[i];
        const char *ip = yread_index_path(ld, lp, i);
        if (!yread_map(ld, item, ip, KEYS_LABELLED_AMOUNT))
            continue;
        labelled_amount *e = &a[(*count)++];
        e->pos = yread_pos(item);
        e->label = yread_get_text(ld, item, "label", ip, true);
        const ynode *v = yread_require(ld, item, "amount", ip);
        if (v)
            yread_amount(ld, v, yread_key_path(ld, ip, "amount"), &e->amount);
    }
    return a;
}

/* `statements`: {line: [this year, last year]} or {line: this year}. */
static void load_typed_lines(yread *ld, const ynode *n, const char *path, annual_report *r)
{
    if (!yread_map(ld, n, path, NAMES_STATEMENT_LINE))
        return;
    r->has_typed_lines = true;
    for (int l = 0; l < LINE_COUNT; l++) {
        const ynode *v = ymap_get(n, NAMES_STATEMENT_LINE[l]);
        if (!v)
            continue;
        const char *lp = yread_key_path(ld, path, NAMES_STATEMENT_LINE[l]);
        if (v->kind != YNODE_SEQ) {
            yread_figure(ld, v, lp, false, &r->lines[l].year[0]);
            continue;
        }
        if (v->count != 2) {
            yread_error(ld, v, lp, "expected [this year, last year], found %zu values", v->count);
            continue;
        }
        for (size_t y = 0; y < 2; y++)
            yread_figure(ld, v->items[y], yread_index_path(ld, lp, y), false, &r->lines[l].year[y]);
    }
}

static void load_typed_notes(yread *ld, const ynode *n, const char *path, annual_report *r)
{
    const char *lp;
    const ynode *list = load_list(ld, n, "notes", path, &lp);
    r->notes = ARENA_ARRAY(ld->mem, typed_note, (list ? list->count : 0) + 1);
    for (size_t i = 0; list && i < list->count; i++) {
        const ynode *item = list->items[i];
        const char *ip = yread_index_path(ld, lp, i);
        if (!yread_map(ld, item, ip, KEYS_TYPED_NOTE))
            continue;
        typed_note *t = &r->notes[r->nnotes++];
        t->pos = yread_pos(item);
        t->line = (statement_line)load_enum(ld, item, "line", ip, NAMES_STATEMENT_LINE, true, 0);
        t->title = yread_get_text(ld, item, "title", ip, false);
        t->rows = load_labelled(ld, item, "rows", ip, &t->nrows);
    }
}

static void load_cash_flow(yread *ld, const ynode *n, const char *path, typed_cash_flow *cf)
{
    if (!yread_map(ld, n, path, KEYS_CASH_FLOW))
        return;
    figure *f[] = {&cf->non_cash, &cf->receivables, &cf->short_term, &cf->investments,
                   &cf->financing};
    for (size_t i = 0; KEYS_CASH_FLOW[i]; i++) {
        const ynode *v = ymap_get(n, KEYS_CASH_FLOW[i]);
        if (v)
            yread_figure(ld, v, yread_key_path(ld, path, KEYS_CASH_FLOW[i]), false, f[i]);
    }
}

static void load_forecast(yread *ld, const ynode *n, const char *path, annual_report *r)
{
    if (!r->interim) {
        yread_error(ld, n, path, "a forecast belongs to a delårsrapport");
        return;
    }
    if (!yread_map(ld, n, path, NAMES_STATEMENT_LINE))
        return;
    for (int l = 0; l < LINE_COUNT; l++) {
        const ynode *v = ymap_get(n, NAMES_STATEMENT_LINE[l]);
        if (v)
            yread_figure(ld, v, yread_key_path(ld, path, NAMES_STATEMENT_LINE[l]), false,
                         &r->forecast[l]);
    }
}

static void load_overview(yread *ld, const ynode *n, const char *path, annual_report *r)
{
    const char *lp;
    const ynode *list = load_list(ld, n, "overview", path, &lp);
    r->overview = ARENA_ARRAY(ld->mem, overview_year, (list ? list->count : 0) + 1);
    for (size_t i = 0; list && i < list->count; i++) {
        const ynode *item = list->items[i];
        const char *ip = yread_index_path(ld, lp, i);
        if (!yread_map(ld, item, ip, KEYS_OVERVIEW_YEAR))
            continue;
        overview_year *o = &r->overview[r->noverview++];
        o->pos = yread_pos(item);
        const ynode *v = yread_require(ld, item, "year", ip);
        int64_t year;
        if (v && yread_integer(ld, v, yread_key_path(ld, ip, "year"), 1900, r->year - 1, &year))
            o->year = (int)year;
        figure *f[] = {&o->income, &o->costs, &o->result, &o->equity, &o->participants};
        for (size_t k = 1; KEYS_OVERVIEW_YEAR[k]; k++)
            if ((v = ymap_get(item, KEYS_OVERVIEW_YEAR[k])))
                yread_figure(ld, v, yread_key_path(ld, ip, KEYS_OVERVIEW_YEAR[k]),
                             k == 5, f[k - 1]);
    }
}

static void load_texts(yread *ld, const ynode *n, const char *path, annual_report *r)
{
    if (!yread_map(ld, n, path, NAMES_ANNUAL_TEXT))
        return;
    for (int t = 0; t < TEXT_COUNT; t++)
        r->texts[t] = yread_get_text(ld, n, NAMES_ANNUAL_TEXT[t], path, false);
}

static void load_board_member(yread *ld, const ynode *n, const char *path, person *p)
{
    p->pos = yread_pos(n);
    if (!yread_map(ld, n, path, KEYS_PERSON))
        return;
    p->name = yread_get_text(ld, n, "name", path, true);
    p->role = yread_get_text(ld, n, "role", path, false);
    p->organisation = yread_get_text(ld, n, "organisation", path, false);
}

static void load_signing(yread *ld, const ynode *n, const char *path, annual_report *r)
{
    if (!yread_map(ld, n, path, KEYS_ANNUAL_SIGNING))
        return;
    r->place = yread_get_text(ld, n, "place", path, false);
    const ynode *v = ymap_get(n, "date");
    if (v)
        yread_date(ld, v, yread_key_path(ld, path, "date"), &r->drawn_up);
    r->signing_service = yread_get_text(ld, n, "service", path, false);
    const char *lp;
    const ynode *list = load_list(ld, n, "board", path, &lp);
    r->board = ARENA_ARRAY(ld->mem, person, (list ? list->count : 0) + 1);
    for (size_t i = 0; list && i < list->count; i++)
        load_board_member(ld, list->items[i], yread_index_path(ld, lp, i), &r->board[r->nboard++]);
    list = load_list(ld, n, "signatures", path, &lp);
    r->signatures = ARENA_ARRAY(ld->mem, signature, (list ? list->count : 0) + 1);
    for (size_t i = 0; list && i < list->count; i++) {
        const char *sp = yread_index_path(ld, lp, i);
        if (yread_map(ld, list->items[i], sp, KEYS_SIGNATURE))
            load_signature(ld, list->items[i], sp, &r->signatures[r->nsignatures++]);
    }
}

/* A file beside the report named by `key`: its path, or NULL with an error
 * when it is not there. */
static const char *beside(yread *ld, const ynode *map, const char *key, const char *path,
                          const char *dir, const char *fallback)
{
    const ynode *v = ymap_get(map, key);
    const char *name = v ? yread_text(ld, v, yread_key_path(ld, path, key)) : fallback;
    if (!name)
        return NULL;
    if (!*name || strchr(name, '/')) {
        yread_error(ld, v, yread_key_path(ld, path, key),
                    "expected the name of a file in the report's folder, found \"%s\"", name);
        return NULL;
    }
    const char *file = arena_printf(ld->mem, "%s/%s", dir, name);
    if (access(file, F_OK) != 0) {
        if (v)
            yread_error(ld, v, yread_key_path(ld, path, key), "there is no %s", file);
        else
            diag_add(ld->dl, DIAG_ERROR, file, 0, 0, NULL, "the books name no %s and there is "
                     "no file of that name beside the report", key);
        return NULL;
    }
    return file;
}

const char *annual_default_books(arena *mem, const annual_report *r)
{
    return r->interim ? arena_printf(mem, "sie-%d-%02d.se", r->year, r->period_end.month)
                      : arena_printf(mem, "sie-%d.se", r->year);
}

static void load_books(yread *ld, const ynode *n, const char *path, const char *dir,
                       annual_report *r)
{
    if (!yread_map(ld, n, path, KEYS_BOOKS))
        return;
    r->sie_pos = yread_pos(n);
    r->sie = beside(ld, n, "sie", path, dir, annual_default_books(ld->mem, r));
    r->mapping = beside(ld, n, "mapping", path, dir, "kontoplan.yaml");
}

/* Without `books` or `statements`, the books beside the report when both
 * of their files are there. */
static void find_books(arena *mem, const char *dir, annual_report *r)
{
    const char *sie = arena_printf(mem, "%s/%s", dir, annual_default_books(mem, r));
    const char *mapping = arena_printf(mem, "%s/kontoplan.yaml", dir);
    if (access(sie, F_OK) == 0 && access(mapping, F_OK) == 0) {
        r->sie = sie;
        r->mapping = mapping;
    }
}

/* The association, and the plan and outcome of the year where they are. */
static void load_neighbours(yread *ld, const char *dir, annual_report *r)
{
    const char *plan_path = arena_printf(ld->mem, "%s/plan-%d.yaml", dir, r->year);
    const char *outcome_path = arena_printf(ld->mem, "%s/outcome-%d.yaml", dir, r->year);
    if (access(outcome_path, F_OK) == 0) {
        r->outcome_of_year = load_outcome(ld->mem, outcome_path, ld->dl);
        r->plan_of_year = r->outcome_of_year ? r->outcome_of_year->plan_of_year : NULL;
        r->assoc = r->outcome_of_year ? r->outcome_of_year->assoc : NULL;
        return;
    }
    if (access(plan_path, F_OK) == 0) {
        r->plan_of_year = load_plan(ld->mem, plan_path, ld->dl);
        r->assoc = r->plan_of_year ? r->plan_of_year->assoc : NULL;
        return;
    }
    r->assoc = load_association(ld->mem, arena_printf(ld->mem, "%s/association.yaml", dir), ld->dl);
}

static void load_period_end(yread *ld, const ynode *n, const char *p, annual_report *r)
{
    const ynode *v = ymap_get(n, "period_end");
    if (!r->interim) {
        if (v)
            yread_error(ld, v, yread_key_path(ld, p, "period_end"),
                        "an årsredovisning covers the whole year; period_end belongs to a "
                        "delårsrapport");
        r->period_end = (date){r->year, 12, 31};
        return;
    }
    if ((v = yread_require(ld, n, "period_end", p)) &&
        yread_date(ld, v, yread_key_path(ld, p, "period_end"), &r->period_end) &&
        r->period_end.year != r->year)
        yread_error(ld, v, yread_key_path(ld, p, "period_end"),
                    "the period must end in the report's year %d", r->year);
}

annual_report *load_annual_report(arena *mem, const char *path, bool interim, diag_list *dl)
{
    yread ld = {mem, dl};
    size_t errors = dl->errors;
    const char *const *file_keys = interim ? KEYS_INTERIM_FILE : KEYS_ANNUAL_FILE;
    const ynode *n = load_top(&ld, path, file_keys, KEYS_ANNUAL);
    if (!n)
        return NULL;
    const char *p = file_keys[0];
    annual_report *r = ARENA_NEW(mem, annual_report);
    r->file = arena_strdup(mem, path);
    r->interim = interim;
    const ynode *v;
    int64_t year;
    if ((v = yread_require(&ld, n, "year", p)) &&
        yread_integer(&ld, v, yread_key_path(&ld, p, "year"), 1900, 2999, &year))
        r->year = (int)year;
    load_period_end(&ld, n, p, r);
    if (!interim && r->year)
        load_check_file_date(&ld, v, yread_key_path(&ld, p, "year"), path, "arsredovisning-",
                             (date){r->year, 0, 0});
    else if (interim && r->period_end.year)
        load_check_file_date(&ld, ymap_get(n, "period_end"), yread_key_path(&ld, p, "period_end"),
                             path, "delarsrapport-", r->period_end);
    const char *dir = load_dir_of(mem, path);
    if (r->year)
        load_neighbours(&ld, dir, r);
    r->title = yread_get_text(&ld, n, "title", p, false);
    r->unit = (money_unit)load_enum(&ld, n, "unit", p, NAMES_UNIT, false, UNIT_KR);
    if ((v = ymap_get(n, "books")))
        load_books(&ld, v, yread_key_path(&ld, p, "books"), dir, r);
    if ((v = ymap_get(n, "statements")))
        load_typed_lines(&ld, v, yread_key_path(&ld, p, "statements"), r);
    if (!ymap_get(n, "books") && !r->has_typed_lines)
        find_books(mem, dir, r);
    if (r->sie && r->has_typed_lines)
        yread_error(&ld, v, yread_key_path(&ld, p, "statements"),
                    "the statements come from the books (%s); typed figures would be a second "
                    "truth", r->sie);
    load_typed_notes(&ld, n, p, r);
    if ((v = ymap_get(n, "cash_flow")))
        load_cash_flow(&ld, v, yread_key_path(&ld, p, "cash_flow"), &r->cash_flow);
    r->equity_changes = load_labelled(&ld, n, "equity_changes", p, &r->nequity_changes);
    r->balance_adjustments =
        load_labelled(&ld, n, "balance_requirement", p, &r->nbalance_adjustments);
    if ((v = ymap_get(n, "forecast")))
        load_forecast(&ld, v, yread_key_path(&ld, p, "forecast"), r);
    load_overview(&ld, n, p, r);
    if ((v = ymap_get(n, "texts")))
        load_texts(&ld, v, yread_key_path(&ld, p, "texts"), r);
    r->principles = yread_get_text(&ld, n, "principles", p, false);
    r->contingent = yread_get_text(&ld, n, "contingent_liabilities", p, false);
    if ((v = ymap_get(n, "signing")))
        load_signing(&ld, v, yread_key_path(&ld, p, "signing"), r);
    return dl->errors > errors || !r->assoc ? NULL : r;
}
