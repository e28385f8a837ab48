#include "context.h"

#include <string.h>

#include "format.h"
#include "money.h"

/* An amount of an outcome in the group's unit (tkr to kr exactly, kr to tkr
 * rounded); false when it does not fit. */
static bool in_unit(money_unit from, money_unit to, int64_t amount, int64_t *out)
{
    if (from == to) {
        *out = amount;
        return true;
    }
    return from == UNIT_TKR ? money_muldiv(amount, 1000, 1, out)
                            : money_muldiv(amount, 1, 1000, out);
}

static value *amount_of(arena *mem, const comparison_group *g, const outcome *o, const figure *f)
{
    int64_t v = 0;
    bool present = o && f->present && in_unit(o->unit, g->unit, f->value, &v);
    return context_amount(mem, v, present);
}

/* Whole percents where the share is whole, else tenths. */
static value *share_of(arena *mem, int64_t tenths, bool present)
{
    return context_percent(mem, tenths, tenths % 10 ? 1 : 0, present);
}

static value *economy_value(arena *mem, const comparison_group *g, const comparison_entry *e)
{
    const outcome *o = e->o;
    const outcome_figures *f = &e->checked.economy;
    value *v = value_map(mem);
    static const figure none = {0};
    value_set(mem, v, "allocation", amount_of(mem, g, o, o ? &o->allocation : &none));
    value_set(mem, v, "income", amount_of(mem, g, o, o ? &o->income : &none));
    value_set(mem, v, "budget", amount_of(mem, g, o, o ? &o->budget : &none));
    value_set(mem, v, "costs", amount_of(mem, g, o, o ? &o->costs : &none));
    value_set(mem, v, "equity", amount_of(mem, g, o, o ? &o->equity : &none));
    value_set(mem, v, "printed_result", amount_of(mem, g, o, o ? &o->printed_result : &none));
    int64_t amount = 0;
    bool has = o && f->has_variance && in_unit(o->unit, g->unit, f->costs_variance.amount, &amount);
    value_set(mem, v, "variance", context_amount(mem, amount, has));
    value_set(mem, v, "variance_share",
              context_percent(mem, f->costs_variance.tenths, 1,
                              o && f->has_variance && f->costs_variance.has_percent));
    has = o && f->has_result && in_unit(o->unit, g->unit, f->result, &amount);
    value_set(mem, v, "result", context_amount(mem, amount, has));
    value_set_bool(mem, v, "result_differs",
                   o && f->has_result && o->printed_result.present &&
                       o->printed_result.value != f->result);
    value_set(mem, v, "equity_share",
              context_percent(mem, f->equity_tenths, 1, o && f->has_equity_share));
    const figure *next = o && o->next.total.present ? &o->next.total : o ? &o->next.costs : &none;
    value_set(mem, v, "next_budget", amount_of(mem, g, o, next));
    return v;
}

/* The allocation per inhabitant, in tenths of a krona, where the population
 * of every municipality is known. */
static value *per_inhabitant_value(arena *mem, const comparison_entry *e)
{
    int64_t population = 0, kronor = 0, tenths = 0;
    size_t municipalities = 0, known = 0;
    for (size_t i = 0; i < e->assoc->nmembers; i++) {
        const member *m = &e->assoc->members[i];
        if (m->kind != MEMBER_MUNICIPALITY)
            continue;
        municipalities++;
        if (m->population > 0 && money_add(population, m->population, &population))
            known++;
    }
    bool present = e->o && e->o->allocation.present && municipalities > 0 &&
                   known == municipalities &&
                   in_unit(e->o->unit, UNIT_KR, e->o->allocation.value, &kronor) &&
                   money_muldiv(kronor, 10, population, &tenths);
    value *v = value_map(mem);
    char buf[FORMAT_BUF];
    value_set_string(mem, v, "text", present ? format_fixed(buf, tenths, 1) : "");
    value_set_bool(mem, v, "present", present);
    value_set(mem, v, "population", context_count(mem, population, present));
    return v;
}

/* Shares of the costs by class: from the amounts where they make the
 * costs, else as printed. */
static value *split_value(arena *mem, const comparison_entry *e)
{
    static const char *const keys[COST_CLASSES] = {"individual", "structural", "administration",
                                                   "other"};
    const outcome_figures *f = &e->checked.economy;
    bool amounts = e->o && f->has_split, printed = e->o && !f->has_split && f->has_stated_split;
    value *v = value_map(mem);
    for (int k = 0; k < COST_CLASSES; k++) {
        int64_t tenths = amounts ? f->split_tenths[k] : printed ? f->stated_split[k] / 10 : 0;
        value *share = value_set(mem, v, keys[k], share_of(mem, tenths, amounts || printed));
        /* a bar of a ```chart: none for a share of nothing, which would
         * only print "0 %" */
        value_set_string(mem, share, "bar",
                         (amounts || printed) && tenths ? context_plain_tenths(mem, tenths) : "~");
    }
    value_set_bool(mem, v, "present", amounts || printed);
    value_set_bool(mem, v, "from_amounts", amounts);
    value_set_bool(mem, v, "has_other",
                   (amounts && f->split_tenths[COST_OTHER]) ||
                       (printed && f->stated_split[COST_OTHER]));
    return v;
}

static const char *threshold_text(arena *mem, int64_t percent_hundredths)
{
    char buf[FORMAT_BUF];
    return arena_strdup(
        mem, format_percent(buf, percent_hundredths / 10, percent_hundredths % 100 ? 1 : 0));
}

/* The first rule of `measure` in the plan of the year: its threshold and
 * status. Where the outcome gives the cost split only as printed shares,
 * the administration rule is judged on the printed share. */
static value *rule_value(arena *mem, const comparison_entry *e, rule_measure measure)
{
    value *v = value_map(mem);
    const rule_result *r = NULL;
    for (size_t i = 0; e->o && i < e->checked.nrules && !r; i++)
        if (e->checked.rules[i].rule->measure == measure)
            r = &e->checked.rules[i];
    value_set_bool(mem, v, "present", r != NULL);
    if (!r)
        return v;
    rule_result result = *r;
    const outcome_figures *f = &e->checked.economy;
    bool printed = result.status == RULE_NO_DATA && measure == RULE_ADMINISTRATION_SHARE &&
                   !f->has_split && f->has_stated_split;
    if (printed) {
        rule_basis basis = f->basis;
        basis.has_costs = true;
        basis.costs = 10000;
        basis.admin_costs = f->stated_split[COST_ADMINISTRATION];
        result = rule_evaluate(r->rule, &basis);
    }
    value_set_string(mem, v, "max",
                     r->rule->max != INT64_MAX ? threshold_text(mem, r->rule->max) : NULL);
    value_set_string(mem, v, "min",
                     r->rule->min != INT64_MIN ? threshold_text(mem, r->rule->min) : NULL);
    value_set_bool(mem, v, "met", result.status == RULE_MET);
    value_set_bool(mem, v, "not_met", result.status == RULE_NOT_MET);
    value_set_bool(mem, v, "no_data", result.status == RULE_NO_DATA);
    return v;
}

static value *stat_value(arena *mem, const stat_count *c, bool present)
{
    return context_count(mem, c->value, present && c->present);
}

static value *participants_value(arena *mem, const comparison_entry *e)
{
    const participant_summary *s = &e->checked.participants;
    bool o = e->o != NULL;
    value *v = value_map(mem);
    value_set(mem, v, "total", stat_value(mem, &s->participants, o));
    value_set(mem, v, "women", stat_value(mem, &s->women, o));
    value_set(mem, v, "men", stat_value(mem, &s->men, o));
    value_set(mem, v, "women_share",
              context_percent(mem, s->women_tenths, 1, o && s->has_gender_shares));
    value_set(mem, v, "new", stat_value(mem, &s->new_participants, o));
    value_set(mem, v, "exits", stat_value(mem, &s->exits, o));
    value_set(mem, v, "work_or_studies",
              stat_value(mem, &s->work_or_studies, o && s->has_exit_share));
    value_set(mem, v, "exits_with_reasons",
              stat_value(mem, &s->exits_with_reasons, o && s->has_exit_share));
    value_set(mem, v, "work_or_studies_share",
              context_percent(mem, s->work_or_studies_tenths, 1, o && s->has_exit_share));
    return v;
}

static value *targets_value(arena *mem, const comparison_entry *e)
{
    const target_tally *t = &e->checked.goals.all;
    bool present = e->o && e->o->plan_of_year && t->met + t->not_met > 0;
    value *v = value_map(mem);
    value_set(mem, v, "met", context_count(mem, (int64_t)t->met, present));
    value_set(mem, v, "judged", context_count(mem, (int64_t)(t->met + t->not_met), present));
    value_set(mem, v, "without_data", context_count(mem, (int64_t)t->no_data, present));
    value_set_bool(mem, v, "present", present);
    return v;
}

static const char *short_name(const association *a)
{
    return a->short_name ? a->short_name : a->name;
}

static value *column_value(arena *mem, const comparison_group *g, const comparison_entry *e)
{
    value *v = value_map(mem);
    char buf[FORMAT_BUF];
    const char *heading = g->nyears > 1 ? arena_printf(mem, "%s %d", short_name(e->assoc), e->year)
                                        : short_name(e->assoc);
    value_set_string(mem, v, "heading", heading);
    value_set_string(mem, v, "heading_yaml", context_yaml_string(mem, heading));
    value_set_string(mem, v, "name", e->assoc->name);
    value_set_string(mem, v, "year", format_year(buf, e->year));
    value_set_bool(mem, v, "present", e->o != NULL);
    value_set(mem, v, "economy", economy_value(mem, g, e));
    value_set(mem, v, "per_inhabitant", per_inhabitant_value(mem, e));
    value_set(mem, v, "split", split_value(mem, e));
    value *rules = value_set(mem, v, "rules", value_map(mem));
    value_set(mem, rules, "administration", rule_value(mem, e, RULE_ADMINISTRATION_SHARE));
    value_set(mem, rules, "equity", rule_value(mem, e, RULE_EQUITY_SHARE));
    value_set(mem, v, "participants", participants_value(mem, e));
    value_set(mem, v, "targets", targets_value(mem, e));
    return v;
}

/* Whether the value at `path` (dotted keys) is truthy in some column. */
static bool any_column(const value *columns, const char *path)
{
    for (size_t c = 0; c < columns->as.list.count; c++) {
        const value *v = columns->as.list.items[c];
        for (const char *p = path; v && *p;) {
            const char *dot = strchr(p, '.');
            size_t len = dot ? (size_t)(dot - p) : strlen(p);
            v = value_get_n(v, p, len);
            p += len + (dot ? 1 : 0);
        }
        if (value_truthy(v))
            return true;
    }
    return false;
}

/* Which rows the comparison has: a row whose figure no column has is left
 * out. */
static value *rows_present(arena *mem, const value *columns)
{
    static const struct {
        const char *key, *path;
    } rows[] = {
        {"allocation", "economy.allocation.present"},
        {"per_inhabitant", "per_inhabitant.present"},
        {"income", "economy.income.present"},
        {"budget", "economy.budget.present"},
        {"costs", "economy.costs.present"},
        {"variance", "economy.variance.present"},
        {"result", "economy.result.present"},
        {"result_differs", "economy.result_differs"},
        {"equity", "economy.equity.present"},
        {"equity_share", "economy.equity_share.present"},
        {"next_budget", "economy.next_budget.present"},
        {"split", "split.present"},
        {"split_other", "split.has_other"},
        {"administration_rule", "rules.administration.present"},
        {"equity_rule", "rules.equity.present"},
        {"women", "participants.women.present"},
        {"women_share", "participants.women_share.present"},
        {"new", "participants.new.present"},
        {"exits", "participants.exits.present"},
        {"work_or_studies", "participants.work_or_studies.present"},
        {"targets", "targets.present"},
    };
    value *v = value_map(mem);
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
        value_set_bool(mem, v, rows[i].key, any_column(columns, rows[i].path));
    value_set_bool(mem, v, "rule",
                   value_truthy(value_get(v, "administration_rule")) ||
                       value_truthy(value_get(v, "equity_rule")));
    return v;
}

/* ---- joint interventions ------------------------------------------------- */

static int64_t people_of(const participant_stats *r, bool *present)
{
    *present = r->women.present || r->men.present || r->total.present;
    if (r->women.present || r->men.present)
        return (r->women.present ? r->women.value : 0) + (r->men.present ? r->men.value : 0);
    return r->total.value;
}

/* The years of a joint intervention, oldest first (indexes into its years). */
static size_t *years_in_order(arena *mem, const joint_intervention *j)
{
    size_t *order = ARENA_ARRAY(mem, size_t, j->nyears + 1);
    for (size_t i = 0; i < j->nyears; i++) {
        size_t k = i;
        for (; k > 0 && j->years[order[k - 1]].year > j->years[i].year; k--)
            order[k] = order[k - 1];
        order[k] = i;
    }
    return order;
}

/* A row of labelled counts across the years, found by label (and, for exit
 * reasons, reason): [{label, reason flags, cells: [{text, present}]}]. */
typedef struct {
    arena *mem;
    value *rows;
    size_t nyears;
} labelled_rows;

static value *labelled_row(labelled_rows *lr, const char *label, int reason)
{
    for (size_t i = 0; i < lr->rows->as.list.count; i++) {
        value *r = lr->rows->as.list.items[i];
        const value *l = value_get(r, "label"), *k = value_get(r, "reason");
        bool same_label = (!label && l->kind == VALUE_NULL) ||
                          (label && l->kind == VALUE_STRING && strcmp(l->as.str.s, label) == 0);
        if (same_label && k->as.i == reason)
            return r;
    }
    value *r = value_map(lr->mem);
    value_set_string(lr->mem, r, "label", label);
    value_set_int(lr->mem, r, "reason", reason);
    context_set_kind(lr->mem, r, CONTEXT_EXIT_REASONS,
                     reason >= 0 ? CONTEXT_EXIT_REASONS[reason] : NULL);
    value *cells = value_set(lr->mem, r, "cells", value_list(lr->mem));
    for (size_t y = 0; y < lr->nyears; y++)
        value_push(lr->mem, cells, context_count(lr->mem, 0, false));
    value_push(lr->mem, lr->rows, r);
    return r;
}

static void labelled_add(labelled_rows *lr, const char *label, int reason, size_t year,
                         int64_t count)
{
    value *r = labelled_row(lr, label, reason);
    value *cells = (value *)value_get(r, "cells");
    const value *old = cells->as.list.items[year];
    int64_t sum = value_get(old, "value")->as.i;
    bool had = value_truthy(value_get(old, "present"));
    if (had && !money_add(sum, count, &sum))
        return;
    cells->as.list.items[year] = context_count(lr->mem, had ? sum : count, true);
}

static value *joint_value(arena *mem, const comparison_group *g, const joint_intervention *j,
                          const comparison_entry *entries, size_t nentries)
{
    value *v = value_map(mem);
    value_set_string(mem, v, "name", j->name);
    value_set_string(mem, v, "description", j->description);
    value_set(mem, v, "cost_per_party",
              context_amount(mem, j->cost_per_party, j->cost_per_party >= 0));
    size_t *order = years_in_order(mem, j);
    value *years = value_set(mem, v, "years", value_list(mem));
    labelled_rows exits = {mem, value_list(mem), j->nyears};
    labelled_rows ages = {mem, value_list(mem), j->nyears};
    char buf[FORMAT_BUF];
    for (size_t y = 0; y < j->nyears; y++) {
        const participant_stats *ps = &j->years[order[y]];
        value *yv = value_map(mem);
        value_set_string(mem, yv, "year", format_year(buf, ps->year));
        value_set(mem, yv, "women", context_count(mem, ps->women.value, ps->women.present));
        value_set(mem, yv, "men", context_count(mem, ps->men.value, ps->men.present));
        bool present;
        int64_t people = people_of(ps, &present);
        value_set(mem, yv, "total", context_count(mem, people, present));
        value_set(mem, yv, "new",
                  context_count(mem, ps->new_participants.value, ps->new_participants.present));
        value_push(mem, years, yv);
        for (size_t r = 0; r < ps->nreasons; r++)
            labelled_add(&exits, ps->reasons[r].label, (int)ps->reasons[r].reason, y,
                         ps->reasons[r].count);
        for (size_t a = 0; a < ps->nage_groups; a++)
            labelled_add(&ages, ps->age_groups[a].label, -1, y, ps->age_groups[a].count);
    }
    value_set(mem, v, "exit_rows", exits.rows);
    value_set(mem, v, "age_rows", ages.rows);
    value_set_bool(mem, v, "has_exits", exits.rows->as.list.count > 0);
    value_set_bool(mem, v, "has_ages", ages.rows->as.list.count > 0);

    /* per association: its share by year, and what its own outcome counts */
    value *own_years = value_set(mem, v, "own_years", value_list(mem));
    for (size_t y = 0; y < g->nyears; y++) {
        value *yv = value_map(mem);
        value_set_string(mem, yv, "year", format_year(buf, g->years[y]));
        value_push(mem, own_years, yv);
    }
    value *split = value_set(mem, v, "associations", value_list(mem));
    bool any_share = false;
    for (size_t a = 0; a < g->nassociations; a++) {
        const association *as = g->associations[a];
        value *row = value_map(mem);
        value_set_string(mem, row, "name", short_name(as));
        value *cells = value_set(mem, row, "cells", value_list(mem));
        for (size_t y = 0; y < j->nyears; y++) {
            const participant_stats *ps = &j->years[order[y]];
            const labelled_count *share = NULL;
            for (size_t k = 0; k < ps->nby_association && !share; k++)
                if (strcmp(ps->by_association[k].label, as->id) == 0)
                    share = &ps->by_association[k];
            any_share = any_share || share;
            value_push(mem, cells, context_count(mem, share ? share->count : 0, share != NULL));
        }
        value *own = value_set(mem, row, "own", value_list(mem));
        for (size_t y = 0; y < g->nyears; y++) {
            size_t at = y * g->nassociations + a;
            const outcome *o = at < nentries ? entries[at].o : NULL;
            int64_t count = 0;
            bool present = false;
            for (size_t i = 0; o && i < o->nparticipants && !present; i++) {
                const participant_stats *r = &o->participants[i];
                if ((r->year ? r->year : o->year) == g->years[y] && r->intervention &&
                    strcmp(r->intervention, j->name) == 0)
                    count = people_of(r, &present);
            }
            value_push(mem, own, context_count(mem, count, present));
        }
        value_push(mem, split, row);
    }
    value_set_bool(mem, v, "has_split", any_share);
    return v;
}

/* ---- the comparison -------------------------------------------------------- */

static const char *years_text(arena *mem, const comparison_group *g)
{
    if (g->nyears == 0)
        return "";
    bool consecutive = true;
    for (size_t i = 1; i < g->nyears; i++)
        consecutive = consecutive && g->years[i] == g->years[i - 1] + 1;
    if (g->nyears == 1)
        return arena_printf(mem, "%d", g->years[0]);
    if (consecutive)
        return arena_printf(mem, "%d–%d", g->years[0], g->years[g->nyears - 1]);
    const char *text = "";
    for (size_t i = 0; i < g->nyears; i++)
        text = arena_printf(mem, "%s%s%d", text, i ? ", " : "", g->years[i]);
    return text;
}

/* The warnings as the document tells its reader of them: [{who, note}], the
 * Swedish sentence about the figures (diag_for_reader) and the short name of
 * the association whose outcome it concerns; never a file. A warning that
 * has no sentence of its own gets one that says only that a figure does not
 * agree. */
static value *reader_notes(arena *mem, const diag *items, size_t count,
                           const comparison_entry *entries, size_t nentries)
{
    value *list = value_list(mem);
    for (size_t i = 0; i < count; i++) {
        value *w = value_map(mem);
        value_set_string(mem, w, "who", NULL);
        for (size_t e = 0; e < nentries && items[i].file; e++)
            if (entries[e].o && entries[e].o->file && strcmp(entries[e].o->file, items[i].file) == 0)
                value_set_string(mem, w, "who", short_name(entries[e].assoc));
        value_set_string(mem, w, "note",
                         items[i].reader ? items[i].reader
                                         : "En uppgift i underlaget stämmer inte med de övriga.");
        value_push(mem, list, w);
    }
    return list;
}

value *context_for_comparison(arena *mem, const comparison_group *g,
                              const comparison_entry *entries, size_t nentries,
                              const diag *warnings, size_t nwarnings)
{
    value *root = value_map(mem);
    value *gv = value_set(mem, root, "group", value_map(mem));
    value_set_string(mem, gv, "name", g->name);
    value_set_string(mem, gv, "web", g->web);
    context_set_unit(mem, gv, g->unit);
    value_set_string(mem, gv, "years", years_text(mem, g));
    value_set_bool(mem, gv, "several_years", g->nyears > 1);
    char buf[FORMAT_BUF];
    value_set_string(mem, gv, "next_year",
                     g->nyears == 1 ? format_year(buf, g->years[0] + 1) : NULL);
    value *associations = value_set(mem, gv, "associations", value_list(mem));
    for (size_t a = 0; a < g->nassociations; a++)
        value_push(mem, associations, context_association(mem, g->associations[a]));
    context_mark_ends(mem, associations);

    value *columns = value_set(mem, root, "columns", value_list(mem));
    for (size_t i = 0; i < nentries; i++)
        value_push(mem, columns, column_value(mem, g, &entries[i]));
    value_set(mem, root, "rows", rows_present(mem, columns));

    value *joint = value_set(mem, root, "joint", value_list(mem));
    for (size_t j = 0; j < g->njoint; j++)
        value_push(mem, joint, joint_value(mem, g, &g->joint[j], entries, nentries));

    value_set(mem, root, "warnings", reader_notes(mem, warnings, nwarnings, entries, nentries));
    value_set(mem, root, "warning_count", context_count(mem, (int64_t)nwarnings, nwarnings > 0));
    return root;
}
