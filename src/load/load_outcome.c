#include "load_outcome.h"

#include <string.h>
#include <unistd.h>

#include "csvrows.h"
#include "i18n.h"
#include "load_association.h"
#include "load_plan.h"
#include "loader.h"

static void load_exit_list(yread *ld, const ynode *n, const char *path, participant_stats *ps)
{
    ps->reasons = ARENA_ARRAY(ld->mem, exit_count, n->count + 1);
    for (size_t i = 0; i < n->count; i++) {
        const ynode *e = n->items[i];
        const char *ep = yread_index_path(ld, path, i);
        if (!yread_map(ld, e, ep, KEYS_EXIT_COUNT))
            continue;
        exit_count *ec = &ps->reasons[ps->nreasons++];
        ec->pos = yread_pos(e);
        ec->reason =
            (exit_reason)load_enum(ld, e, "reason", ep, NAMES_EXIT_REASON, true, EXIT_OTHER);
        ec->label = yread_get_text(ld, e, "label", ep, false);
        const ynode *c = yread_require(ld, e, "count", ep);
        if (c)
            yread_count(ld, c, yread_key_path(ld, ep, "count"), &ec->count);
    }
}

/* Exit reasons as a map ({work: 4, studies: 5}) or, when the source has its
 * own wording, a list of {reason, label, count}. */
static void load_exit_reasons(yread *ld, const ynode *n, const char *path, participant_stats *ps)
{
    if (n->kind == YNODE_SEQ) {
        load_exit_list(ld, n, path, ps);
        return;
    }
    if (!yread_map(ld, n, path, NAMES_EXIT_REASON))
        return;
    ps->reasons = ARENA_ARRAY(ld->mem, exit_count, n->count + 1);
    for (size_t i = 0; i < n->count; i++) {
        const ynode *key = n->pairs[i].key;
        int reason = -1;
        for (int r = 0; NAMES_EXIT_REASON[r] && reason < 0; r++)
            reason = yscalar_is(key, NAMES_EXIT_REASON[r]) ? r : -1;
        if (reason < 0)
            continue; /* reported by yread_map */
        exit_count *ec = &ps->reasons[ps->nreasons++];
        ec->reason = (exit_reason)reason;
        ec->pos = yread_pos(n->pairs[i].value);
        yread_count(ld, n->pairs[i].value, yread_key_path(ld, path, key->text), &ec->count);
    }
}

static labelled_count *load_counts(yread *ld, const ynode *map, const char *key, const char *path,
                                   size_t *count)
{
    const char *lp;
    const ynode *list = load_list(ld, map, key, path, &lp);
    *count = 0;
    labelled_count *counts = ARENA_ARRAY(ld->mem, labelled_count, (list ? list->count : 0) + 1);
    for (size_t i = 0; list && i < list->count; i++) {
        const char *cp = yread_index_path(ld, lp, i);
        const ynode *c = list->items[i];
        if (!yread_map(ld, c, cp, KEYS_LABELLED_COUNT))
            continue;
        labelled_count *lc = &counts[(*count)++];
        lc->pos = yread_pos(c);
        lc->label = yread_get_text(ld, c, "label", cp, true);
        const ynode *v = yread_require(ld, c, "count", cp);
        if (v)
            yread_count(ld, v, yread_key_path(ld, cp, "count"), &lc->count);
    }
    return counts;
}

/* {finnveden: 1, hoglandet: 12}: keys are the group's association ids. */
static void load_by_association(yread *ld, const ynode *n, const char *path,
                                const association *const *assocs, size_t nassocs,
                                participant_stats *ps)
{
    if (!assocs) {
        yread_error(ld, n, path,
                    "figures by association belong to a group's joint "
                    "interventions, not to one association's outcome");
        return;
    }
    if (!yread_expect(ld, n, path, YNODE_MAP))
        return;
    const char **ids = ARENA_ARRAY(ld->mem, const char *, nassocs + 1);
    for (size_t i = 0; i < nassocs; i++)
        ids[i] = assocs[i]->id;
    ps->by_association = ARENA_ARRAY(ld->mem, labelled_count, n->count + 1);
    for (size_t i = 0; i < n->count; i++) {
        const ynode *key = n->pairs[i].key;
        if (load_lookup(ld, key, path, "association in the group named", ids, nassocs) < 0)
            continue;
        labelled_count *lc = &ps->by_association[ps->nby_association++];
        lc->label = key->text;
        lc->pos = yread_pos(n->pairs[i].value);
        yread_count(ld, n->pairs[i].value, yread_key_path(ld, path, key->text), &lc->count);
    }
}

void load_participants(yread *ld, const ynode *n, const char *path,
                       const association *const *assocs, size_t nassocs, participant_stats *ps)
{
    ps->pos = yread_pos(n);
    ps->plan_intervention = -1;
    ps->intervention = yread_get_text(ld, n, "intervention", path, false);
    ps->note = yread_get_text(ld, n, "note", path, false);
    static const char *const figure_keys[] = {"total", "women", "men", "new", "exits"};
    figure *figures[] = {&ps->total, &ps->women, &ps->men, &ps->new_participants, &ps->exits};
    for (size_t i = 0; i < 5; i++) {
        const ynode *v = ymap_get(n, figure_keys[i]);
        if (v)
            yread_figure(ld, v, yread_key_path(ld, path, figure_keys[i]), true, figures[i]);
    }
    const ynode *v;
    int64_t year;
    if ((v = ymap_get(n, "year")) &&
        yread_integer(ld, v, yread_key_path(ld, path, "year"), 1900, 2999, &year))
        ps->year = (int)year;
    if ((v = ymap_get(n, "exit_reasons")))
        load_exit_reasons(ld, v, yread_key_path(ld, path, "exit_reasons"), ps);
    ps->age_groups = load_counts(ld, n, "age_groups", path, &ps->nage_groups);
    if ((v = ymap_get(n, "by_association")))
        load_by_association(ld, v, yread_key_path(ld, path, "by_association"), assocs, nassocs, ps);
}

/* The index of the plan's intervention named `name` (by id or name), or -1. */
static int find_intervention(const plan *pl, const char *name)
{
    for (size_t i = 0; pl && name && i < pl->ninterventions; i++)
        if (strcmp(pl->interventions[i].id, name) == 0 ||
            strcmp(pl->interventions[i].name, name) == 0)
            return (int)i;
    return -1;
}

static void load_participant_list(yread *ld, const ynode *n, const char *path, outcome *o)
{
    const char *lp;
    const ynode *list = load_list(ld, n, "participants", path, &lp);
    o->participants = ARENA_ARRAY(ld->mem, participant_stats, (list ? list->count : 0) + 1);
    for (size_t i = 0; list && i < list->count; i++) {
        const char *pp = yread_index_path(ld, lp, i);
        const ynode *item = list->items[i];
        if (!yread_map(ld, item, pp, KEYS_PARTICIPANTS))
            continue;
        participant_stats *ps = &o->participants[o->nparticipants++];
        load_participants(ld, item, pp, NULL, 0, ps);
        if (!ps->intervention)
            yread_require(ld, item, "intervention", pp);
        ps->plan_intervention = find_intervention(o->plan_of_year, ps->intervention);
    }
    const ynode *v = ymap_get(n, "participants_total");
    const char *tp = yread_key_path(ld, path, "participants_total");
    if (v && yread_map(ld, v, tp, KEYS_PARTICIPANTS)) {
        o->participants_total = ARENA_NEW(ld->mem, participant_stats);
        load_participants(ld, v, tp, NULL, 0, o->participants_total);
    }
}

static const char *const *row_labels(arena *mem, const budget *b)
{
    const char **labels = ARENA_ARRAY(mem, const char *, b->ncosts + b->nincome + 1);
    for (size_t i = 0; i < b->ncosts; i++)
        labels[i] = b->costs[i].label;
    for (size_t i = 0; i < b->nincome; i++)
        labels[b->ncosts + i] = b->income[i].label;
    return labels;
}

/* An actual amount: with a plan, a row's label must be one of the plan's
 * budget rows (whose category it takes); without one it needs a category. */
static void load_amount(yread *ld, const ynode *n, const char *path, const plan *pl,
                        bool needs_label, outcome_amount *oa)
{
    oa->pos = yread_pos(n);
    oa->plan_row = -1;
    oa->label = yread_get_text(ld, n, "label", path, needs_label);
    const ynode *v = yread_require(ld, n, "amount", path);
    if (v)
        yread_amount(ld, v, yread_key_path(ld, path, "amount"), &oa->amount);
    const budget *b = pl && pl->budget.present ? &pl->budget : NULL;
    bool by_row = needs_label && b && oa->label;
    if (by_row) {
        const ynode *label = ymap_get(n, "label");
        int row = load_lookup(ld, label, yread_key_path(ld, path, "label"),
                              "row in the plan's budget labelled", row_labels(ld->mem, b),
                              b->ncosts + b->nincome);
        oa->income = row >= (int)b->ncosts;
        oa->plan_row = oa->income ? row - (int)b->ncosts : row;
        if (row >= 0)
            oa->category = (oa->income ? b->income : b->costs)[oa->plan_row].category;
    }
    oa->category = (row_category)load_enum(ld, n, "category", path, NAMES_CATEGORY, !by_row,
                                           (int)oa->category);
}

static outcome_amount *load_amounts(yread *ld, const ynode *map, const char *key, const char *path,
                                    const plan *pl, bool needs_label, size_t *count)
{
    const char *lp;
    const ynode *list = load_list(ld, map, key, path, &lp);
    *count = 0;
    outcome_amount *amounts = ARENA_ARRAY(ld->mem, outcome_amount, (list ? list->count : 0) + 1);
    for (size_t i = 0; list && i < list->count; i++) {
        const char *ap = yread_index_path(ld, lp, i);
        if (yread_map(ld, list->items[i], ap, KEYS_OUTCOME_AMOUNT))
            load_amount(ld, list->items[i], ap, pl, needs_label, &amounts[(*count)++]);
    }
    return amounts;
}

static void load_cost_split(yread *ld, const ynode *n, const char *path, outcome *o)
{
    const char *lp;
    const ynode *list = load_list(ld, n, "cost_split", path, &lp);
    o->cost_split = ARENA_ARRAY(ld->mem, cost_share, (list ? list->count : 0) + 1);
    for (size_t i = 0; list && i < list->count; i++) {
        const char *sp = yread_index_path(ld, lp, i);
        const ynode *s = list->items[i];
        if (!yread_map(ld, s, sp, KEYS_COST_SHARE))
            continue;
        cost_share *cs = &o->cost_split[o->ncost_split++];
        cs->pos = yread_pos(s);
        cs->category =
            (row_category)load_enum(ld, s, "category", sp, NAMES_CATEGORY, true, CATEGORY_OTHER);
        cs->label = yread_get_text(ld, s, "label", sp, false);
        const ynode *v = yread_require(ld, s, "percent", sp);
        if (v)
            yread_percent(ld, v, yread_key_path(ld, sp, "percent"), &cs->percent);
    }
}

static void load_next_budget(yread *ld, const ynode *n, const char *path, outcome *o)
{
    if (!yread_map(ld, n, path, KEYS_NEXT_BUDGET))
        return;
    next_budget *nb = &o->next;
    nb->year = o->year + 1;
    const ynode *v;
    int64_t year;
    if ((v = ymap_get(n, "year")) &&
        yread_integer(ld, v, yread_key_path(ld, path, "year"), 1900, 2999, &year))
        nb->year = (int)year;
    static const char *const keys[] = {"total", "income", "costs"};
    figure *figures[] = {&nb->total, &nb->income, &nb->costs};
    for (size_t i = 0; i < 3; i++)
        if ((v = ymap_get(n, keys[i])))
            yread_figure(ld, v, yread_key_path(ld, path, keys[i]), false, figures[i]);
    nb->of_which = load_amounts(ld, n, "of_which", path, NULL, true, &nb->nof_which);
}

/* The list a target outcome refers to: an intervention's targets with
 * "intervention", a goal area's with "goal_area", the plan's with neither.
 * False when the owner named is not in the plan (reported). */
static bool target_owner_of(yread *ld, const ynode *n, const char *path, const plan *pl,
                            target_outcome *to, const target **targets, size_t *ntargets,
                            const char **what)
{
    const ynode *iv = ymap_get(n, "intervention"), *ga = ymap_get(n, "goal_area");
    if (iv && ga) {
        yread_error(ld, ga, yread_key_path(ld, path, "goal_area"),
                    "a target outcome refers to the targets of an intervention or of a goal "
                    "area, not both: leave out \"intervention\" or \"goal_area\"");
        return false;
    }
    to->owner = iv ? TARGETS_OF_INTERVENTION : ga ? TARGETS_OF_GOAL_AREA : TARGETS_OF_PLAN;
    to->index = 0;
    if (!iv && !ga) {
        *targets = pl->targets, *ntargets = pl->ntargets;
        *what = "target of the plan (plan.targets) with id";
        return true;
    }
    size_t count = iv ? pl->ninterventions : pl->ngoal_areas;
    const char **ids = ARENA_ARRAY(ld->mem, const char *, count + 1);
    for (size_t i = 0; i < count; i++)
        ids[i] = iv ? pl->interventions[i].id : pl->goal_areas[i].id;
    const char *key = iv ? "intervention" : "goal_area";
    to->index = load_lookup(ld, iv ? iv : ga, yread_key_path(ld, path, key),
                            iv ? N_("intervention in the plan with id")
                               : N_("goal area in the plan with id"),
                            ids, count);
    if (to->index < 0)
        return false;
    if (iv) {
        const intervention *in = &pl->interventions[to->index];
        *targets = in->targets, *ntargets = in->ntargets;
        *what = arena_printf(ld->mem, _("target of %s with id"), in->id);
    } else {
        const goal_area *g = &pl->goal_areas[to->index];
        *targets = g->targets, *ntargets = g->ntargets;
        *what = arena_printf(ld->mem, _("target of goal area %s with id"), g->id);
    }
    return true;
}

static void load_target_outcome(yread *ld, const ynode *n, const char *path, const plan *pl,
                                target_outcome *to)
{
    to->pos = yread_pos(n);
    to->value = -1;
    to->met = -1;
    to->target = -1;
    to->note = yread_get_text(ld, n, "note", path, false);
    const ynode *tg = yread_require(ld, n, "target", path);
    const target *targets = NULL;
    size_t ntargets = 0;
    const char *what = NULL;
    bool known = target_owner_of(ld, n, path, pl, to, &targets, &ntargets, &what);
    if (known && tg && to->owner == TARGETS_OF_PLAN && ntargets == 0) {
        yread_error(ld, tg, yread_key_path(ld, path, "target"),
                    "the plan of %d has no targets of its own (plan.targets): name the "
                    "\"intervention\" or \"goal_area\" whose target \"%s\" is",
                    pl->year, tg->text);
        known = false;
    }
    if (known && tg) {
        const char **tids = ARENA_ARRAY(ld->mem, const char *, ntargets + 1);
        for (size_t i = 0; i < ntargets; i++)
            tids[i] = targets[i].id;
        to->target = load_lookup(ld, tg, yread_key_path(ld, path, "target"), what, tids, ntargets);
    }
    const target *t = to->target >= 0 ? &targets[to->target] : NULL;
    const ynode *v;
    if ((v = ymap_get(n, "value"))) {
        const char *vp = yread_key_path(ld, path, "value");
        if (t && t->percent)
            yread_percent(ld, v, vp, &to->value);
        else
            yread_hundredths(ld, v, vp, 0, INT64_MAX / 2, &to->value);
        if (t && t->cmp == CMP_NONE)
            yread_error(ld, v, vp,
                        "the target \"%s\" has no measurable value; say \"met\" "
                        "instead",
                        t->id);
    }
    bool met;
    if ((v = ymap_get(n, "met")) && yread_bool(ld, v, yread_key_path(ld, path, "met"), &met))
        to->met = met;
    if (!ymap_get(n, "value") && !ymap_get(n, "met"))
        yread_error(ld, n, path, "a target outcome needs a \"value\" or \"met\"");
}

static void load_target_outcomes(yread *ld, const ynode *n, const char *path, outcome *o)
{
    const char *lp;
    const ynode *list = load_list(ld, n, "targets", path, &lp);
    if (list && !o->plan_of_year) {
        yread_error(ld, list, lp,
                    "target outcomes refer to a plan, but there is no plan-%d.yaml "
                    "beside this file",
                    o->year);
        return;
    }
    o->targets = ARENA_ARRAY(ld->mem, target_outcome, (list ? list->count : 0) + 1);
    for (size_t i = 0; list && i < list->count; i++) {
        const char *tp = yread_index_path(ld, lp, i);
        if (yread_map(ld, list->items[i], tp, KEYS_TARGET_OUTCOME))
            load_target_outcome(ld, list->items[i], tp, o->plan_of_year,
                                &o->targets[o->ntargets++]);
    }
}

/* The association of the folder, and the plan of the year if there is one. */
static void load_context(yread *ld, const char *path, outcome *o)
{
    const char *dir = load_dir_of(ld->mem, path);
    const char *plan_path = arena_printf(ld->mem, "%s/plan-%d.yaml", dir, o->year);
    if (o->year && access(plan_path, F_OK) == 0) {
        o->plan_of_year = load_plan(ld->mem, plan_path, ld->dl);
        o->assoc = o->plan_of_year ? o->plan_of_year->assoc : NULL;
        return;
    }
    o->assoc = load_association(ld->mem, arena_printf(ld->mem, "%s/association.yaml", dir), ld->dl);
}

/* The actual amounts per budget row, typed (`rows`) or from a CSV file
 * (`rows_from: utfall-2023.csv`). */
static void load_actual_rows(yread *ld, const ynode *n, const char *path, outcome *o)
{
    const ynode *from = ymap_get(n, "rows_from");
    if (!from) {
        o->rows = load_amounts(ld, n, "rows", path, o->plan_of_year, true, &o->nrows);
        return;
    }
    const ynode *typed = ymap_get(n, "rows");
    if (typed)
        yread_error(ld, typed, yread_key_path(ld, path, "rows"),
                    "the rows come from the CSV file of \"rows_from\"; give them here or there, "
                    "not both");
    o->rows_from = load_beside(ld, from, yread_key_path(ld, path, "rows_from"));
    csv_table t = {0};
    size_t first = ld->dl->count;
    const ynode *rows = NULL;
    if (o->rows_from && csv_read(ld->mem, o->rows_from, &t, ld->dl) &&
        (rows = csvrows_outcome(ld, &t, o->year)))
        o->rows = load_amounts(ld, rows, "rows", path, o->plan_of_year, true, &o->nrows);
    if (t.file)
        csvrows_name_cells(ld, first, &t);
}

outcome *load_outcome(arena *mem, const char *path, diag_list *dl)
{
    yread ld = {mem, dl};
    size_t errors_before = dl->errors;
    const ynode *n = load_top(&ld, path, KEYS_OUTCOME_FILE, KEYS_OUTCOME);
    if (!n)
        return NULL;
    const char *p = "outcome";
    outcome *o = ARENA_NEW(mem, outcome);
    o->file = arena_strdup(mem, path);
    const ynode *v;
    int64_t year;
    if ((v = yread_require(&ld, n, "year", p)) &&
        yread_integer(&ld, v, yread_key_path(&ld, p, "year"), 1900, 2999, &year)) {
        o->year = (int)year;
        load_check_file_date(&ld, v, yread_key_path(&ld, p, "year"), path, "outcome-",
                             (date){o->year, 0, 0});
    }
    load_context(&ld, path, o);
    o->unit = (money_unit)load_enum(&ld, n, "unit", p, NAMES_UNIT, false, UNIT_TKR);
    if ((v = ymap_get(n, "updated")))
        yread_date(&ld, v, yread_key_path(&ld, p, "updated"), &o->updated);
    static const char *const economy_keys[] = {"budget", "income", "allocation",
                                               "costs",  "equity", "printed_result"};
    figure *economy[] = {&o->budget, &o->income, &o->allocation,
                         &o->costs,  &o->equity, &o->printed_result};
    for (size_t i = 0; i < 6; i++)
        if ((v = ymap_get(n, economy_keys[i])))
            yread_figure(&ld, v, yread_key_path(&ld, p, economy_keys[i]), false, economy[i]);
    load_cost_split(&ld, n, p, o);
    load_actual_rows(&ld, n, p, o);
    o->categories = load_amounts(&ld, n, "categories", p, NULL, false, &o->ncategories);
    if ((v = ymap_get(n, "next_budget")))
        load_next_budget(&ld, v, yread_key_path(&ld, p, "next_budget"), o);
    load_target_outcomes(&ld, n, p, o);
    load_participant_list(&ld, n, p, o);
    o->notes = yread_get_text(&ld, n, "notes", p, false);
    return dl->errors > errors_before || !o->assoc ? NULL : o;
}
