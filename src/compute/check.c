#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "allocation.h"
#include "figures.h"
#include "format.h"
#include "i18n.h"
#include "json.h"
#include "load.h"
#include "load_annual.h"
#include "money.h"
#include "sie.h"
#include "statements.h"

static const char *const unit_names[] = {"tkr", "kr"};

/* ---- the checks ------------------------------------------------------------ */

/* An intervention's financiers cannot give more than its whole budget. */
static void check_financing(const plan *p, diag_list *dl)
{
    for (size_t i = 0; i < p->ninterventions; i++) {
        const intervention *iv = &p->interventions[i];
        int64_t sum = 0;
        bool fits = true;
        for (size_t k = 0; k < iv->nfinancing; k++)
            fits = fits && money_add(sum, iv->financing[k].amount.value, &sum);
        if (!iv->total_budget.present || !iv->nfinancing || (fits && sum <= iv->total_budget.value))
            continue;
        char a[FORMAT_BUF], b[FORMAT_BUF];
        const source_pos *at = &iv->total_budget.pos;
        /* the loader bounds each amount, so only thousands of parts overflow */
        diag_add(dl, DIAG_WARNING, at->file, at->line, at->col, NULL,
                 "%s: the financiers' parts add up to %s%s %s, more than its total budget %s %s",
                 iv->name, fits ? "" : _("more than "), format_int(a, fits ? sum : INT64_MAX),
                 unit_names[iv->unit], format_int(b, iv->total_budget.value), unit_names[iv->unit]);
    }
}

plan_checked check_plan(arena *mem, const plan *p, diag_list *dl)
{
    plan_checked pc = {0};
    const budget *b = &p->budget;
    pc.budget = budget_compute(mem, b);
    allocation_check_plan(mem, p, &pc.budget, &pc.corrections, &pc.ncorrections, dl);
    figures_check(mem, p, &pc.budget, dl);
    pc.amounts = prose_amounts(mem, p);
    prose_check(mem, p, &pc.budget, &pc.amounts, dl);
    if (b->present) {
        budget_cross_check_with(b, &pc.budget, pc.corrections, pc.ncorrections, dl);
        budget_check_carry_forward(mem, b, &pc.budget, dl);
    }
    pc.carry = budget_carry_forward(mem, b, &pc.budget);
    pc.rules = ARENA_ARRAY(mem, rule_result, p->nrules * b->ncolumns + 1);
    for (size_t c = 0; c < b->ncolumns; c++) {
        rule_basis basis = rule_basis_for_column(b, &pc.budget, c);
        for (size_t r = 0; r < p->nrules; r++)
            pc.rules[r * b->ncolumns + c] = rule_evaluate(&p->rules[r], &basis);
    }
    pc.goals = goals_tally(mem, p, NULL);
    check_financing(p, dl);
    return pc;
}

outcome_checked check_outcome(arena *mem, const outcome *o, diag_list *dl)
{
    outcome_checked oc = {0};
    oc.economy = economy_compute(o);
    economy_check(o, &oc.economy, dl);
    const plan *p = o->plan_of_year;
    if (p) {
        oc.nrules = p->nrules;
        oc.rules = ARENA_ARRAY(mem, rule_result, p->nrules + 1);
        for (size_t r = 0; r < p->nrules; r++)
            oc.rules[r] = rule_evaluate(&p->rules[r], &oc.economy.basis);
        oc.goals = goals_tally(mem, p, o);
        goals_check(p, o, dl);
    }
    participants_check(o->participants, o->nparticipants, o->participants_total, o->year, dl);
    oc.participants = participants_summarize(o->participants, o->nparticipants, o->year, o->year);
    return oc;
}

int check_exit_status(const diag_list *dl, bool strict)
{
    return dl->errors > 0 || (strict && dl->warnings > 0) ? 1 : 0;
}

/* ---- plain text tables --------------------------------------------------------- */

/* Rows of cells; the first column is left-aligned, the others right-aligned,
 * each as wide as its widest cell in code points. */
typedef struct {
    arena *mem;
    size_t ncols;
    const char **cells;
    size_t ncells, cap;
    bool notes; /* the last column holds notes: left-aligned */
} text_table;

static void cell(text_table *t, const char *text)
{
    *ARENA_PUSH(t->mem, t->cells, t->ncells, t->cap) = arena_strdup(t->mem, text ? text : "");
}

static size_t width_of(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

static void pad(strbuf *out, size_t n)
{
    while (n-- > 0)
        strbuf_putc(out, ' ');
}

static void table_render(const text_table *t, strbuf *out)
{
    size_t widths[32] = {0};
    size_t ncols = t->ncols < 32 ? t->ncols : 32;
    for (size_t i = 0; i < t->ncells; i++) {
        size_t w = width_of(t->cells[i]);
        if (i % t->ncols < ncols && w > widths[i % t->ncols])
            widths[i % t->ncols] = w;
    }
    for (size_t i = 0; i < t->ncells; i++) {
        size_t col = i % t->ncols, w = width_of(t->cells[i]);
        size_t want = col < ncols ? widths[col] : w;
        if (col == 0) {
            strbuf_puts(out, "  ");
            strbuf_puts(out, t->cells[i]);
            if (t->ncols > 1)
                pad(out, want - w);
        } else if (t->notes && col == t->ncols - 1) {
            if (w)
                pad(out, 3);
            strbuf_puts(out, t->cells[i]);
        } else {
            pad(out, 3 + want - w);
            strbuf_puts(out, t->cells[i]);
        }
        if (col == t->ncols - 1)
            strbuf_putc(out, '\n');
    }
}

static const char *amount_text(arena *mem, int64_t v)
{
    char buf[FORMAT_BUF];
    return arena_strdup(mem, format_int(buf, v));
}

static const char *tenths_text(arena *mem, int64_t tenths)
{
    char buf[FORMAT_BUF];
    return arena_strdup(mem, format_percent(buf, tenths, 1));
}

/* ---- plans ------------------------------------------------------------------------ */

typedef struct {
    const char *label;
    bool income;
    row_category category;
} category_line;

static void budget_lines(text_table *t, const budget *b, const budget_figures *f)
{
    static const category_line income_parts[] = {
        {N_("  allocation"), true, CATEGORY_ALLOCATION},
        {N_("  external funds"), true, CATEGORY_EXTERNAL},
        {N_("  equity used"), true, CATEGORY_EQUITY},
    };
    cell(t, _("income"));
    for (size_t c = 0; c < b->ncolumns; c++)
        cell(t, amount_text(t->mem, f->columns[c].income));
    for (size_t k = 0; k < sizeof income_parts / sizeof *income_parts; k++) {
        bool any = false;
        for (size_t c = 0; c < b->ncolumns; c++)
            any = any || f->columns[c].income_by_category[income_parts[k].category] != 0;
        if (!any)
            continue;
        cell(t, _(income_parts[k].label));
        for (size_t c = 0; c < b->ncolumns; c++)
            cell(t,
                 amount_text(t->mem, f->columns[c].income_by_category[income_parts[k].category]));
    }
    cell(t, _("costs"));
    for (size_t c = 0; c < b->ncolumns; c++)
        cell(t, amount_text(t->mem, f->columns[c].costs));
    cell(t, _("result (income − costs)"));
    for (size_t c = 0; c < b->ncolumns; c++)
        cell(t, amount_text(t->mem, f->columns[c].result));
    if (b->nreserves) {
        cell(t, _("reserves"));
        for (size_t c = 0; c < b->ncolumns; c++)
            cell(t, amount_text(t->mem, f->columns[c].reserves));
        cell(t, _("income with reserves"));
        for (size_t c = 0; c < b->ncolumns; c++)
            cell(t, amount_text(t->mem, f->columns[c].with_reserves));
    }
}

static void carry_line(text_table *t, const budget *b, const carry_forward *cf)
{
    if (!budget_carries_forward(b))
        return;
    cell(t, _("equity carried in"));
    for (size_t c = 0; c < b->ncolumns; c++)
        cell(t, cf[c].applies ? amount_text(t->mem, cf[c].carried_in) : "");
}

static void split_lines(text_table *t, const budget *b, const budget_figures *f)
{
    static const char *const names[] = {
        N_("individual share of costs"), N_("structural share of costs"),
        N_("administration share of costs"), N_("other share of costs")};
    int64_t(*shares)[COST_CLASSES] = arena_alloc(t->mem, sizeof *shares * (b->ncolumns + 1));
    bool *has = ARENA_ARRAY(t->mem, bool, b->ncolumns + 1);
    for (size_t c = 0; c < b->ncolumns; c++) {
        cost_split s;
        has[c] = budget_cost_split(f, c, &s) && budget_cost_shares(&s, 1000, shares[c]);
    }
    for (int k = 0; k < COST_CLASSES; k++) {
        bool any = false;
        for (size_t c = 0; c < b->ncolumns; c++)
            any = any || (has[c] && shares[c][k] != 0);
        if (!any)
            continue;
        cell(t, _(names[k]));
        for (size_t c = 0; c < b->ncolumns; c++)
            cell(t, has[c] ? tenths_text(t->mem, shares[c][k]) : "");
    }
}

static const char *rule_label(arena *mem, const financial_rule *r, money_unit unit)
{
    char lo[FORMAT_BUF], hi[FORMAT_BUF];
    bool share = r->measure == RULE_ADMINISTRATION_SHARE || r->measure == RULE_EQUITY_SHARE;
    if (r->measure == RULE_WITHIN_BUDGET)
        return _(rule_measure_text(r->measure));
    if (share) {
        format_percent(lo, r->min / 10, r->min % 100 ? 1 : 0);
        format_percent(hi, r->max / 10, r->max % 100 ? 1 : 0);
    } else {
        snprintf(lo, sizeof lo, "%s", amount_text(mem, r->min));
        snprintf(hi, sizeof hi, "%s", amount_text(mem, r->max));
    }
    const char *u = share ? "" : unit_names[unit];
    if (r->min != INT64_MIN && r->max != INT64_MAX)
        return arena_printf(mem, "%s %s–%s%s%s", _(rule_measure_text(r->measure)), lo, hi,
                            *u ? " " : "", u);
    if (r->min != INT64_MIN)
        return arena_printf(mem, "%s ≥ %s%s%s", _(rule_measure_text(r->measure)), lo, *u ? " " : "",
                            u);
    return arena_printf(mem, "%s ≤ %s%s%s", _(rule_measure_text(r->measure)), hi, *u ? " " : "", u);
}

static const char *rule_cell(arena *mem, const rule_result *r)
{
    if (r->status == RULE_NO_DATA)
        return _(rule_status_text(r->status));
    if (r->has_tenths)
        return arena_printf(mem, "%s %s", tenths_text(mem, r->tenths),
                            _(rule_status_text(r->status)));
    return arena_printf(mem, "%s %s", amount_text(mem, r->part), _(rule_status_text(r->status)));
}

/* "2025 (budget)", "2026 (prognos)": the column names of the report, in
 * the user's language (the diagnostics' budget_column_name is English). */
static void column_header(text_table *t, const char *title, const budget *b)
{
    static const char *const kinds[] = {N_("budget"), N_("forecast"), N_("outcome")};
    cell(t, title);
    for (size_t c = 0; c < b->ncolumns; c++)
        cell(t, arena_printf(t->mem, "%d (%s)", b->columns[c].year, _(kinds[b->columns[c].kind])));
}

static void tally_line(strbuf *out, const char *what, const target_tally *t)
{
    strbuf_printf(out, _("  %s: %zu met, %zu not met, %zu without data"), what, t->met, t->not_met,
                  t->no_data);
    char buf[FORMAT_BUF];
    int64_t tenths;
    if (target_tally_share_met(t, &tenths))
        strbuf_printf(out, _(" (%s of those measured met)"), format_percent(buf, tenths, 0));
    strbuf_putc(out, '\n');
}

static void goals_report(arena *mem, strbuf *out, const plan *p, const goal_tallies *g)
{
    if (g->all.met + g->all.not_met + g->all.no_data == 0)
        return;
    strbuf_putc(out, '\n');
    for (size_t a = 0; a < p->ngoal_areas; a++) {
        const target_tally *t = &g->areas[a];
        const goal_area *ga = &p->goal_areas[a];
        if (t->met + t->not_met + t->no_data)
            tally_line(out, arena_printf(mem, _("goal area %s"), ga->id ? ga->id : ga->title), t);
    }
    if (g->association.met + g->association.not_met + g->association.no_data)
        tally_line(out, "the association's own", &g->association);
    if (g->outside.met + g->outside.not_met + g->outside.no_data)
        tally_line(out, _("outside the goal areas"), &g->outside);
    tally_line(out, _("all targets"), &g->all);
}

/* The amounts the text writes out in digits, each at its place: figures a
 * secretary may rather write by reference ({=…}), so that they follow the
 * tables. */
static void amounts_report(const prose_list *l, strbuf *out)
{
    if (!l->count)
        return;
    strbuf_printf(out, _("\n  amounts written in the text (%zu):\n"), l->count);
    for (size_t i = 0; i < l->count; i++) {
        const prose_amount *a = &l->items[i];
        strbuf_printf(out, "    %s:%d:%d  %s\n", a->pos.file, a->pos.line, a->pos.col, a->text);
    }
}

static void amounts_json(const prose_list *l, strbuf *out)
{
    static const char *const roundings[] = {"exact", "about", "over", "under"};
    strbuf_putc(out, '[');
    for (size_t i = 0; i < l->count; i++) {
        const prose_amount *a = &l->items[i];
        strbuf_puts(out, i ? ", {\"file\": " : "{\"file\": ");
        json_string(out, a->pos.file);
        strbuf_printf(out, ", \"line\": %d, \"column\": %d, \"key\": ", a->pos.line, a->pos.col);
        json_string(out, a->key);
        strbuf_puts(out, ", \"text\": ");
        json_string(out, a->text);
        strbuf_printf(out, ", \"value\": %lld, \"decimals\": %d, \"unit\": ",
                      (long long)a->value, a->decimals);
        json_string(out, prose_unit_name(a->unit));
        strbuf_printf(out, ", \"rounding\": \"%s\"}", roundings[a->rounding]);
    }
    strbuf_putc(out, ']');
}

static void plan_report(arena *mem, const plan *p, const plan_checked *pc, strbuf *out)
{
    const budget *b = &p->budget;
    strbuf_printf(out, "%s — %s\n", p->assoc->name, p->title);
    if (b->present && b->ncolumns) {
        text_table t = {.mem = mem, .ncols = b->ncolumns + 1};
        column_header(&t, arena_printf(mem, _("budget (%s)"), unit_names[b->unit]), b);
        budget_lines(&t, b, &pc->budget);
        carry_line(&t, b, pc->carry);
        split_lines(&t, b, &pc->budget);
        strbuf_putc(out, '\n');
        table_render(&t, out);
    }
    if (p->nrules && b->ncolumns) {
        text_table t = {.mem = mem, .ncols = b->ncolumns + 1};
        column_header(&t, _("financial rules"), b);
        for (size_t r = 0; r < p->nrules; r++) {
            cell(&t, rule_label(mem, &p->rules[r], b->unit));
            for (size_t c = 0; c < b->ncolumns; c++)
                cell(&t, rule_cell(mem, &pc->rules[r * b->ncolumns + c]));
        }
        strbuf_putc(out, '\n');
        table_render(&t, out);
    }
    goals_report(mem, out, p, &pc->goals);
    amounts_report(&pc->amounts, out);
}

/* ---- outcomes ---------------------------------------------------------------------- */

static void figure_line(text_table *t, const char *label, const figure *f, const char *note)
{
    if (!f->present)
        return;
    cell(t, label);
    cell(t, amount_text(t->mem, f->value));
    cell(t, note);
}

static const char *split_text(arena *mem, const int64_t *shares, bool as_hundredths)
{
    static const char *const names[] = {N_("individual"), N_("structural"), N_("administration"),
                                        N_("other")};
    const char *text = "";
    for (int k = 0; k < COST_CLASSES; k++) {
        if (shares[k] == 0 && k == COST_OTHER)
            continue;
        char buf[FORMAT_BUF];
        if (as_hundredths)
            format_percent(buf, shares[k] / 10, shares[k] % 100 ? 1 : 0);
        else
            format_percent(buf, shares[k], 1);
        text = arena_printf(mem, "%s%s%s %s", text, *text ? ", " : "", _(names[k]), buf);
    }
    return text;
}

static void economy_report(arena *mem, const outcome *o, const outcome_figures *f, strbuf *out)
{
    text_table t = {.mem = mem, .ncols = 3, .notes = true};
    figure_line(&t, _("income"), &o->income, "");
    figure_line(&t, _("  allocation"), &o->allocation, "");
    figure_line(&t, _("costs"), &o->costs, "");
    if (f->has_result) {
        cell(&t, _("result (income − costs)"));
        cell(&t, amount_text(mem, f->result));
        cell(&t, "");
    }
    figure_line(&t, _("budgeted costs"), &o->budget, "");
    if (f->has_variance) {
        cell(&t, _("costs against the budget"));
        cell(&t, amount_text(mem, f->costs_variance.amount));
        cell(&t, f->costs_variance.has_percent ? tenths_text(mem, f->costs_variance.tenths) : "");
    }
    figure_line(&t, _("equity"), &o->equity,
                f->has_equity_share ? arena_printf(mem, _("%s of the allocation"),
                                                   tenths_text(mem, f->equity_tenths))
                                    : "");
    if (f->has_next_result) {
        cell(&t, arena_printf(mem, _("budget %d: income − costs"), o->next.year));
        cell(&t, amount_text(mem, f->next_result));
        cell(&t, "");
    }
    if (t.ncells) {
        strbuf_putc(out, '\n');
        table_render(&t, out);
    }
    if (f->has_stated_split)
        strbuf_printf(out, _("  cost split as printed: %s\n"),
                      split_text(mem, f->stated_split, true));
    if (f->has_split)
        strbuf_printf(out, _("  cost split of the amounts: %s\n"),
                      split_text(mem, f->split_tenths, false));
}

static void participants_report(strbuf *out, int year, const participant_summary *s)
{
    if (!s->participants.present && !s->exits.present)
        return;
    char a[FORMAT_BUF], b[FORMAT_BUF], c[FORMAT_BUF];
    strbuf_printf(out, _("\n  participants %d: %s"), year,
                  s->participants.present ? format_int(a, s->participants.value) : _("not given"));
    if (s->has_gender_shares) {
        char d[FORMAT_BUF];
        strbuf_printf(out, _(" (women %s, %s; men %s, %s)"), format_int(a, s->women.value),
                      format_percent(b, s->women_tenths, 1), format_int(c, s->men.value),
                      format_percent(d, s->men_tenths, 1));
    }
    if (s->new_participants.present)
        strbuf_printf(out, _(", new %s"), format_int(a, s->new_participants.value));
    if (s->exits.present)
        strbuf_printf(out, _(", exits %s"), format_int(a, s->exits.value));
    if (s->has_exit_share)
        strbuf_printf(out, _("; to work or studies %s of %s (%s)"),
                      format_int(a, s->work_or_studies.value),
                      format_int(b, s->exits_with_reasons.value),
                      format_percent(c, s->work_or_studies_tenths, 1));
    strbuf_putc(out, '\n');
}

static void outcome_report(arena *mem, const outcome *o, const outcome_checked *oc, strbuf *out)
{
    strbuf_printf(out, _("%s — outcome %d (%s)\n"), o->assoc->name, o->year, unit_names[o->unit]);
    economy_report(mem, o, &oc->economy, out);
    if (oc->nrules) {
        text_table t = {.mem = mem, .ncols = 2};
        cell(&t, _("financial rules"));
        cell(&t, arena_printf(mem, _("%d (outcome)"), o->year));
        for (size_t r = 0; r < oc->nrules; r++) {
            cell(&t, rule_label(mem, oc->rules[r].rule, o->unit));
            cell(&t, rule_cell(mem, &oc->rules[r]));
        }
        strbuf_putc(out, '\n');
        table_render(&t, out);
    }
    if (o->plan_of_year)
        goals_report(mem, out, o->plan_of_year, &oc->goals);
    participants_report(out, o->year, &oc->participants);
}

/* ---- groups --------------------------------------------------------------------------- */

typedef struct {
    const association *assoc;
    const outcome *o; /* NULL when the association has no outcome of the year */
    outcome_checked oc;
} group_member;

static const char *short_name(const association *a)
{
    return a->short_name ? a->short_name : a->name;
}

/* The outcome of an association's year, checked into a scratch list: its own
 * warnings belong to checking its file. */
static group_member load_member(arena *mem, const association *a, int year, diag_list *dl)
{
    group_member m = {.assoc = a};
    const char *path = arena_printf(mem, "%s/outcome-%d.yaml", a->dir, year);
    struct stat st;
    if (stat(path, &st) != 0)
        return m;
    diag_list scratch;
    diag_list_init(&scratch, mem);
    m.o = load_outcome(mem, path, &scratch);
    if (!m.o) {
        diag_add(dl, DIAG_WARNING, path, 0, 0, NULL,
                 "%s %d: the outcome does not load (%zu errors), so it is left out of the "
                 "comparison",
                 short_name(a), year, scratch.errors);
        diag_for_reader(dl, "%s %d: utfallet kunde inte läsas och är inte med i jämförelsen.",
                        short_name(a), year);
        return m;
    }
    m.oc = check_outcome(mem, m.o, &scratch);
    return m;
}

typedef const char *(*member_figure)(arena *mem, const group_member *m);

static const char *fig(arena *mem, const figure *f)
{
    return f->present ? amount_text(mem, f->value) : "";
}

static const char *g_allocation(arena *mem, const group_member *m)
{
    return fig(mem, &m->o->allocation);
}
static const char *g_costs(arena *mem, const group_member *m)
{
    return fig(mem, &m->o->costs);
}
static const char *g_budget(arena *mem, const group_member *m)
{
    return fig(mem, &m->o->budget);
}
static const char *g_variance(arena *mem, const group_member *m)
{
    const outcome_figures *f = &m->oc.economy;
    return f->has_variance && f->costs_variance.has_percent
               ? tenths_text(mem, f->costs_variance.tenths)
               : "";
}
static const char *g_result(arena *mem, const group_member *m)
{
    return m->oc.economy.has_result ? amount_text(mem, m->oc.economy.result) : "";
}
static const char *g_equity(arena *mem, const group_member *m)
{
    return fig(mem, &m->o->equity);
}
static const char *g_equity_share(arena *mem, const group_member *m)
{
    return m->oc.economy.has_equity_share ? tenths_text(mem, m->oc.economy.equity_tenths) : "";
}
static const char *share_of_class(arena *mem, const group_member *m, cost_class k)
{
    const outcome_figures *f = &m->oc.economy;
    if (f->has_split)
        return tenths_text(mem, f->split_tenths[k]);
    if (f->has_stated_split)
        return tenths_text(mem, f->stated_split[k] / 10);
    return "";
}
static const char *g_individual(arena *mem, const group_member *m)
{
    return share_of_class(mem, m, COST_INDIVIDUAL);
}
static const char *g_structural(arena *mem, const group_member *m)
{
    return share_of_class(mem, m, COST_STRUCTURAL);
}
static const char *g_administration(arena *mem, const group_member *m)
{
    return share_of_class(mem, m, COST_ADMINISTRATION);
}
static const char *g_participants(arena *mem, const group_member *m)
{
    const participant_summary *s = &m->oc.participants;
    return s->participants.present ? amount_text(mem, s->participants.value) : "";
}
static const char *g_women(arena *mem, const group_member *m)
{
    const participant_summary *s = &m->oc.participants;
    return s->has_gender_shares ? tenths_text(mem, s->women_tenths) : "";
}
static const char *g_exits(arena *mem, const group_member *m)
{
    const participant_summary *s = &m->oc.participants;
    return s->exits.present ? amount_text(mem, s->exits.value) : "";
}
static const char *g_work_or_studies(arena *mem, const group_member *m)
{
    const participant_summary *s = &m->oc.participants;
    return s->has_exit_share ? tenths_text(mem, s->work_or_studies_tenths) : "";
}

static void comparison_table(arena *mem, const comparison_group *g, int year,
                             const group_member *members, strbuf *out)
{
    static const struct {
        const char *label;
        member_figure value;
    } lines[] = {
        {N_("allocation"), g_allocation},
        {N_("costs"), g_costs},
        {N_("budgeted costs"), g_budget},
        {N_("costs against the budget"), g_variance},
        {N_("result (income − costs)"), g_result},
        {N_("equity"), g_equity},
        {N_("equity share of allocation"), g_equity_share},
        {N_("individual share of costs"), g_individual},
        {N_("structural share of costs"), g_structural},
        {N_("administration share of costs"), g_administration},
        {N_("participants"), g_participants},
        {N_("women's share"), g_women},
        {N_("exits"), g_exits},
        {N_("exits to work or studies"), g_work_or_studies},
    };
    text_table t = {.mem = mem, .ncols = g->nassociations + 1};
    cell(&t, arena_printf(mem, "%d (%s)", year, unit_names[g->unit]));
    for (size_t a = 0; a < g->nassociations; a++)
        cell(&t, short_name(g->associations[a]));
    for (size_t l = 0; l < sizeof lines / sizeof *lines; l++) {
        cell(&t, _(lines[l].label));
        for (size_t a = 0; a < g->nassociations; a++)
            cell(&t, members[a].o ? lines[l].value(mem, &members[a]) : "");
    }
    strbuf_putc(out, '\n');
    table_render(&t, out);
}

static int64_t people_of(const participant_stats *r)
{
    if (r->women.present || r->men.present)
        return (r->women.present ? r->women.value : 0) + (r->men.present ? r->men.value : 0);
    return r->total.present ? r->total.value : -1;
}

/* An association's own row for a joint intervention against the count the
 * joint intervention gives it. */
static void check_joint_share(const joint_intervention *j, const participant_stats *y,
                              const labelled_count *share, const association *a, const outcome *o,
                              int year, diag_list *dl)
{
    for (size_t i = 0; o && i < o->nparticipants; i++) {
        const participant_stats *r = &o->participants[i];
        if ((r->year ? r->year : o->year) != year || !r->intervention ||
            strcmp(r->intervention, j->name) != 0)
            continue;
        int64_t own = people_of(r), whole = people_of(y);
        if (own < 0 || own == share->count)
            continue;
        char mine[FORMAT_BUF], theirs[FORMAT_BUF];
        diag_add(dl, DIAG_WARNING, r->pos.file, r->pos.line, r->pos.col, NULL,
                 "%s %d: %s counts %s participants of its own but the joint intervention "
                 "counts %s for it; likely cause: %s",
                 j->name, year, short_name(a), format_int(mine, own),
                 format_int(theirs, share->count),
                 own == whole ? _("the whole intervention's participants are listed as the "
                                  "association's")
                              : _("the figures come from different counts"));
        diag_for_reader(dl,
                        "%s %d: förbundet räknar %s egna deltagare, men den gemensamma insatsen "
                        "räknar %s för det; troligen %s.",
                        j->name, year, mine, theirs,
                        own == whole ? "är hela insatsens deltagare angivna som förbundets"
                                     : "kommer siffrorna från olika räkningar");
    }
}

/* Each association's own count of a joint intervention in `year` against the
 * share the joint intervention gives it; outcomes[a] is association a's. */
static void check_joint(const comparison_group *g, int year, const outcome *const *outcomes,
                        diag_list *dl)
{
    for (size_t j = 0; j < g->njoint; j++) {
        const joint_intervention *ji = &g->joint[j];
        for (size_t y = 0; y < ji->nyears; y++) {
            const participant_stats *ys = &ji->years[y];
            if (ys->year != year)
                continue;
            for (size_t k = 0; k < ys->nby_association; k++)
                for (size_t a = 0; a < g->nassociations; a++)
                    if (strcmp(g->associations[a]->id, ys->by_association[k].label) == 0)
                        check_joint_share(ji, ys, &ys->by_association[k], g->associations[a],
                                          outcomes[a], year, dl);
        }
    }
}

void check_group(const comparison_group *g, const outcome *const *outcomes, diag_list *dl)
{
    for (size_t j = 0; j < g->njoint; j++)
        participants_check(g->joint[j].years, g->joint[j].nyears, NULL, 0, dl);
    for (size_t y = 0; y < g->nyears; y++)
        check_joint(g, g->years[y], outcomes + y * g->nassociations, dl);
}

static void group_report(arena *mem, const comparison_group *g, strbuf *out, diag_list *dl)
{
    strbuf_printf(out, _("%s — %zu associations compared\n"), g->name, g->nassociations);
    const outcome **outcomes = ARENA_ARRAY(mem, const outcome *, g->nyears * g->nassociations + 1);
    for (size_t y = 0; y < g->nyears; y++) {
        group_member *members = ARENA_ARRAY(mem, group_member, g->nassociations + 1);
        for (size_t a = 0; a < g->nassociations; a++) {
            members[a] = load_member(mem, g->associations[a], g->years[y], dl);
            outcomes[y * g->nassociations + a] = members[a].o;
        }
        comparison_table(mem, g, g->years[y], members, out);
    }
    check_group(g, outcomes, dl);
}

/* ---- minutes and associations ------------------------------------------------------ */

static size_t count_decisions(const minutes_item *items, size_t n)
{
    size_t d = 0;
    for (size_t i = 0; i < n; i++)
        d += items[i].ndecisions + count_decisions(items[i].items, items[i].nitems);
    return d;
}

static void check_signed(const minutes *m, const char *name, const char *role, diag_list *dl)
{
    if (!name || !m->nsignatures)
        return;
    for (size_t i = 0; i < m->nsignatures; i++)
        if (m->signatures[i].name && strcmp(m->signatures[i].name, name) == 0)
            return;
    diag_add(dl, DIAG_WARNING, m->file, 0, 0, NULL,
             "minutes %04d-%02d-%02d: %s, the %s, is not among the signatures", m->held_on.year,
             m->held_on.month, m->held_on.day, name, _(role));
}

static void minutes_report(const minutes *m, strbuf *out, diag_list *dl)
{
    char date_buf[FORMAT_BUF];
    strbuf_printf(out, "%s — %s%s%s\n", m->title ? m->title : _("minutes"),
                  format_date(date_buf, m->held_on), m->place ? ", " : "",
                  m->place ? m->place : "");
    strbuf_printf(out, _("\n  %zu items, %zu decisions, %zu attendees, %zu signatures\n"),
                  m->nitems, count_decisions(m->items, m->nitems), m->nattendees, m->nsignatures);
    check_signed(m, m->chair, N_("chair"), dl);
    check_signed(m, m->secretary, N_("secretary"), dl);
    for (size_t i = 0; i < m->nadjusters; i++)
        check_signed(m, m->adjusters[i], N_("adjuster"), dl);
}

static void association_report(const association *a, strbuf *out, diag_list *dl)
{
    size_t kinds[FINSAM_KINDS] = {0};
    int64_t shares = 0, population = 0;
    size_t with_share = 0;
    for (size_t i = 0; i < a->nmembers; i++) {
        kinds[a->members[i].kind]++;
        if (a->members[i].share >= 0) {
            with_share++;
            shares += a->members[i].share;
        }
        population += a->members[i].population;
    }
    char s[FORMAT_BUF], r[FORMAT_BUF], m[FORMAT_BUF];
    strbuf_printf(out,
                  _("%s — %zu members: %zu of the state (%s), %zu region (%s), %zu "
                    "municipalities (%s)\n"),
                  a->name, a->nmembers, kinds[MEMBER_STATE],
                  format_percent(s, a->parts.state / 10, 0), kinds[MEMBER_REGION],
                  format_percent(r, a->parts.region / 10, 0), kinds[MEMBER_MUNICIPALITY],
                  format_percent(m, a->parts.municipalities / 10, 0));
    if (with_share && with_share == kinds[MEMBER_MUNICIPALITY] && shares != 10000) {
        diag_add(dl, DIAG_WARNING, a->pos.file, a->pos.line, a->pos.col, NULL,
                 "%s: the municipalities' shares add up to %s, not 100" NBSP "%%", a->name,
                 format_percent(s, shares / 10, shares % 100 ? 1 : 0));
        diag_for_reader(dl, "%s: kommunernas andelar summerar till %s, inte 100" NBSP "%%.", a->name,
                        s);
    }
    for (size_t i = 0; population > 0 && i < a->nmembers; i++) {
        const member *mb = &a->members[i];
        int64_t tenths;
        if (mb->kind == MEMBER_MUNICIPALITY && mb->population > 0 &&
            money_share_tenths(mb->population, population, &tenths))
            strbuf_printf(out, _("  %s: population %s, %s of the municipalities'\n"),
                          mb->short_name ? mb->short_name : mb->name, format_int(s, mb->population),
                          format_percent(r, tenths, 1));
    }
}

/* ---- files --------------------------------------------------------------------------- */

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static bool named(const char *name, const char *prefix)
{
    size_t n = strlen(prefix), len = strlen(name);
    return strncmp(name, prefix, n) == 0 && len > 5 && strcmp(name + len - 5, ".yaml") == 0;
}

/* Diagnostics point into the file's arena: copy what outlives it. */
static void keep_diagnostics(diag_list *dl, size_t first)
{
    for (size_t i = first; i < dl->count; i++) {
        diag *d = &dl->items[i];
        d->file = d->file ? arena_strdup(dl->mem, d->file) : NULL;
        d->path = d->path ? arena_strdup(dl->mem, d->path) : NULL;
    }
}

static void count_diags(const diag_list *dl, size_t first, size_t *errors, size_t *warnings);

static void diagnostics_report(const diag_list *dl, size_t first, strbuf *out)
{
    size_t errors, warnings;
    count_diags(dl, first, &errors, &warnings);
    strbuf_putc(out, '\n');
    strbuf_printf(out, ngettext("  %zu error", "  %zu errors", errors), errors);
    strbuf_printf(out, ngettext(", %zu warning\n", ", %zu warnings\n", warnings), warnings);
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f)
        return;
    for (size_t i = first; i < dl->count; i++)
        diag_print(&dl->items[i], f);
    fclose(f);
    strbuf_append(out, text, len);
    free(text);
}

static bool ends_with(const char *name, const char *suffix)
{
    size_t n = strlen(name), k = strlen(suffix);
    return n > k && strcmp(name + n - k, suffix) == 0;
}

static void sie_report(const sie_file *f, strbuf *out)
{
    const sie_year *y = sie_year_at(f, 0);
    char from[FORMAT_BUF], to[FORMAT_BUF];
    strbuf_printf(out, "  %s%s%s, SIE %d%s\n", f->company ? f->company : _("(no #FNAMN)"),
                  f->org_number ? " " : "", f->org_number ? f->org_number : "", f->type, "");
    if (f->program)
        strbuf_printf(out, _("  exported by %s\n"), f->program);
    if (y)
        strbuf_printf(out, _("  financial year %s to %s\n"), format_date(from, y->from),
                      format_date(to, y->to));
    strbuf_printf(out,
                  _("  %zu accounts, %zu opening and %zu closing balances, %zu results, "
                    "%zu vouchers with %zu rows%s\n"),
                  f->naccounts, f->nopening, f->nclosing, f->nresults, f->nvouchers, f->nrows,
                  f->has_checksum ? _(", #KSUMMA matches") : "");
}

/* An årsredovisning or delårsrapport: its books and statements, without
 * the earlier years (the build reads those). */
static void annual_check(arena *mem, const char *path, bool interim, strbuf *out, diag_list *dl)
{
    annual_report *r = load_annual_report(mem, path, interim, dl);
    if (!r)
        return;
    sie_file books;
    account_map *map = NULL;
    bool ok = true;
    if (r->sie && r->mapping) {
        map = load_account_map(mem, r->mapping, dl);
        ok = sie_read(mem, r->sie, &books, dl) && map;
    }
    statements st;
    if (!ok || !statements_compute(mem, r, map ? &books : NULL, map, NULL, 0, &st, dl))
        return;
    char a[FORMAT_BUF], b[FORMAT_BUF], c[FORMAT_BUF];
    int64_t u = statements_unit_ore(r->unit);
    strbuf_printf(out, _("  %s %d of %s, %s\n"), interim ? "delårsrapport" : "årsredovisning",
                  r->year, r->assoc->name, map ? r->sie : _("typed figures"));
    strbuf_printf(out, _("  result %s, assets %s, equity %s (%s)\n"),
                  format_int(a, st.result[0] / u), format_int(b, st.assets[0] / u),
                  format_int(c, st.line[LINE_EQUITY][0] / u), r->unit == UNIT_TKR ? "tkr" : "kr");
}

/* `amounts`, when not NULL, gets the JSON list of a plan's amounts in its text. */
static void check_file(const char *path, strbuf *out, strbuf *amounts, diag_list *dl)
{
    arena mem;
    arena_init(&mem);
    size_t first = dl->count;
    const char *name = base_name(path);
    strbuf_printf(out, "== %s\n", path);
    if (named(name, "plan-")) {
        plan *p = load_plan(&mem, path, dl);
        if (p) {
            plan_checked pc = check_plan(&mem, p, dl);
            plan_report(&mem, p, &pc, out);
            if (amounts)
                amounts_json(&pc.amounts, amounts);
        }
    } else if (named(name, "outcome-")) {
        outcome *o = load_outcome(&mem, path, dl);
        if (o) {
            outcome_checked oc = check_outcome(&mem, o, dl);
            outcome_report(&mem, o, &oc, out);
        }
    } else if (named(name, "minutes-")) {
        minutes *m = load_minutes(&mem, path, dl);
        if (m)
            minutes_report(m, out, dl);
    } else if (named(name, "group")) {
        comparison_group *g = load_group(&mem, path, dl);
        if (g)
            group_report(&mem, g, out, dl);
    } else if (ends_with(name, ".se")) {
        sie_file f;
        if (sie_read(&mem, path, &f, dl))
            sie_report(&f, out);
    } else if (strcmp(name, "kontoplan.yaml") == 0) {
        account_map *m = load_account_map(&mem, path, dl);
        if (m)
            strbuf_printf(out, _("  %zu line ranges, %zu notes, %zu budget rows\n"), m->nlines,
                          m->nnotes, m->nbudget_rows);
    } else if (named(name, "arsredovisning-") || named(name, "delarsrapport-")) {
        annual_check(&mem, path, name[0] == 'd', out, dl);
    } else if (strcmp(name, "association.yaml") == 0) {
        association *a = load_association(&mem, path, dl);
        if (a)
            association_report(a, out, dl);
    } else {
        diag_add(dl, DIAG_ERROR, path, 0, 0, NULL,
                 "cannot tell what this file is: expected plan-YEAR.yaml, outcome-YEAR.yaml, "
                 "minutes-DATE.yaml, group.yaml, association.yaml, arsredovisning-YEAR.yaml, "
                 "delarsrapport-YEAR-MM.yaml, kontoplan.yaml or an SIE file (.se)");
    }
    keep_diagnostics(dl, first);
    arena_free(&mem);
}

static void count_diags(const diag_list *dl, size_t first, size_t *errors, size_t *warnings)
{
    *errors = *warnings = 0;
    for (size_t i = first; i < dl->count; i++) {
        *errors += dl->items[i].severity == DIAG_ERROR;
        *warnings += dl->items[i].severity == DIAG_WARNING;
    }
}

/* A file's part of the JSON report: its counts, its text section (the key
 * figures as the text report words them) and its diagnostics. */
static void json_file(const char *path, strbuf *out, diag_list *dl)
{
    size_t first = dl->count, errors, warnings;
    strbuf text = {0}, amounts = {0};
    check_file(path, &text, &amounts, dl);
    count_diags(dl, first, &errors, &warnings);
    strbuf_puts(out, "    {\"path\": ");
    json_string(out, path);
    strbuf_printf(out, ", \"errors\": %zu, \"warnings\": %zu,\n     \"report\": ", errors,
                  warnings);
    json_string(out, text.data ? text.data : "");
    strbuf_puts(out, ",\n     \"amounts\": ");
    strbuf_puts(out, amounts.data ? amounts.data : "[]");
    strbuf_puts(out, ",\n     \"diagnostics\": ");
    json_diags(out, dl, first);
    strbuf_putc(out, '}');
    strbuf_free(&text);
    strbuf_free(&amounts);
}

static int check_json(const char *const *paths, size_t npaths, const check_options *opt,
                      strbuf *out, diag_list *dl)
{
    strbuf_puts(out, "{\"files\": [\n");
    for (size_t i = 0; i < npaths; i++) {
        json_file(paths[i], out, dl);
        strbuf_puts(out, i + 1 < npaths ? ",\n" : "\n");
    }
    int status = check_exit_status(dl, opt->strict);
    strbuf_printf(out, "  ],\n \"errors\": %zu, \"warnings\": %zu, \"status\": \"%s\"}\n",
                  dl->errors, dl->warnings,
                  dl->errors     ? "errors"
                  : dl->warnings ? "warnings"
                                 : "ok");
    return status;
}

int check_files(const char *const *paths, size_t npaths, const check_options *opt, strbuf *out,
                diag_list *dl)
{
    if (opt->json)
        return check_json(paths, npaths, opt, out, dl);
    for (size_t i = 0; i < npaths; i++) {
        size_t first = dl->count;
        check_file(paths[i], out, NULL, dl);
        diagnostics_report(dl, first, out);
        if (i + 1 < npaths)
            strbuf_putc(out, '\n');
    }
    return check_exit_status(dl, opt->strict);
}
