/* The context of an årsredovisning and a delårsrapport. */
#include <string.h>

#include "context.h"
#include "format.h"
#include "formats.h"
#include "rules.h"

/* Öre rounded to the report's unit, half away from zero. */
static int64_t in_unit(int64_t ore, int64_t per_unit)
{
    return ore >= 0 ? (ore + per_unit / 2) / per_unit : -((-ore + per_unit / 2) / per_unit);
}

static value *money(arena *mem, int64_t ore, bool present, int64_t per_unit)
{
    return context_amount(mem, present ? in_unit(ore, per_unit) : 0, present);
}

/* A line of a statement: {this, last, note, has_note, shown}. */
static value *line_value(arena *mem, const statements *st, statement_line l, int64_t u)
{
    value *v = value_map(mem);
    value_set(mem, v, "this", money(mem, st->line[l][0], st->has_year[0], u));
    value_set(mem, v, "last", money(mem, st->line[l][1], st->has_year[1], u));
    value_set_bool(mem, v, "has_note", st->note_of[l] > 0);
    value_set_string(mem, v, "note",
                     st->note_of[l] ? arena_printf(mem, "%d", st->note_of[l]) : "");
    value_set_bool(mem, v, "shown", st->has_line[l][0] || st->has_line[l][1] || st->note_of[l]);
    if (st->interim) {
        value_set(mem, v, "forecast", money(mem, st->forecast[l], st->has_forecast_line[l], u));
        value_set(mem, v, "same",
                  money(mem, l < LINE_FIRST_BALANCE ? st->same_period[l] : 0,
                        st->has_same_period && l < LINE_FIRST_BALANCE, u));
    }
    return v;
}

static value *sum_value(arena *mem, const statements *st, const int64_t s[2], int64_t u)
{
    value *v = value_map(mem);
    value_set(mem, v, "this", money(mem, s[0], st->has_year[0], u));
    value_set(mem, v, "last", money(mem, s[1], st->has_year[1], u));
    return v;
}

static value *income_statement(arena *mem, const statements *st, int64_t u)
{
    value *v = value_map(mem);
    static const char *const keys[] = {"income", "costs", "depreciation", "financial_income",
                                       "financial_costs"};
    for (int l = 0; l < LINE_FIRST_BALANCE; l++)
        value_set(mem, v, keys[l], line_value(mem, st, (statement_line)l, u));
    value_set(mem, v, "net_costs", sum_value(mem, st, st->net_costs, u));
    value_set(mem, v, "after_financial", sum_value(mem, st, st->after_financial, u));
    value_set(mem, v, "result", sum_value(mem, st, st->result, u));
    if (st->interim) {
        int64_t f = st->forecast_result;
        value_set(mem, v, "forecast_result", money(mem, f, st->has_forecast, u));
        int64_t net = st->forecast[LINE_INCOME] + st->forecast[LINE_COSTS] +
                      st->forecast[LINE_DEPRECIATION];
        value_set(mem, v, "forecast_net_costs", money(mem, net, st->has_forecast, u));
        value_set(mem, v, "same_net_costs",
                  money(mem, st->same_period_net_costs, st->has_same_period, u));
        value_set(mem, v, "same_result", money(mem, st->same_period_result, st->has_same_period, u));
    }
    return v;
}

/* A delårsrapport's key figures: {income, costs, result, equity}, each
 * {this, same, forecast, last}: the period, the same months of last year,
 * the forecast of the whole year and last year's whole year. Costs with
 * depreciation, positive, as the årsredovisning's overview has them. */
static value *key_figures(arena *mem, const statements *st, int64_t u)
{
    value *v = value_map(mem);
    if (!st->interim)
        return v;
    const int64_t *s = st->same_period, *f = st->forecast;
    int64_t costs[4] = {-(st->line[LINE_COSTS][0] + st->line[LINE_DEPRECIATION][0]),
                        -(s[LINE_COSTS] + s[LINE_DEPRECIATION]),
                        -(f[LINE_COSTS] + f[LINE_DEPRECIATION]),
                        -(st->line[LINE_COSTS][1] + st->line[LINE_DEPRECIATION][1])};
    int64_t income[4] = {st->line[LINE_INCOME][0], s[LINE_INCOME], f[LINE_INCOME],
                         st->line[LINE_INCOME][1]};
    int64_t result[4] = {st->result[0], st->same_period_result, st->forecast_result,
                         st->result[1]};
    int64_t equity[4] = {st->line[LINE_EQUITY][0], 0, 0, st->line[LINE_EQUITY][1]};
    bool has[4] = {st->has_year[0], st->has_same_period, st->has_forecast, st->has_year[1]};
    bool has_equity[4] = {has[0], false, false, has[3]};
    static const char *const cols[4] = {"this", "same", "forecast", "last"};
    const char *const rows[4] = {"income", "costs", "result", "equity"};
    const int64_t *amounts[4] = {income, costs, result, equity};
    for (int r = 0; r < 4; r++) {
        value *row = value_set(mem, v, rows[r], value_map(mem));
        for (int c = 0; c < 4; c++)
            value_set(mem, row, cols[c],
                      money(mem, amounts[r][c], r == 3 ? has_equity[c] : has[c], u));
    }
    value_set_bool(mem, v, "has_same", st->has_same_period);
    return v;
}

static value *balance_sheet(arena *mem, const statements *st, int64_t u)
{
    value *v = value_map(mem);
    static const char *const keys[] = {"fixed_assets", "receivables", "cash", "equity",
                                       "provisions", "long_term", "short_term"};
    for (int l = LINE_FIRST_BALANCE; l < LINE_COUNT; l++)
        value_set(mem, v, keys[l - LINE_FIRST_BALANCE], line_value(mem, st, (statement_line)l, u));
    value_set(mem, v, "assets", sum_value(mem, st, st->assets, u));
    value_set(mem, v, "liabilities", sum_value(mem, st, st->liabilities, u));
    value_set(mem, v, "total", sum_value(mem, st, st->equity_and_liabilities, u));
    value_set(mem, v, "result", sum_value(mem, st, st->result, u));
    int64_t current[2] = {st->line[LINE_FIXED_ASSETS][0], st->line[LINE_FIXED_ASSETS][1]};
    value_set_bool(mem, v, "has_fixed_assets", current[0] || current[1]);
    int64_t curr[2] = {st->line[LINE_RECEIVABLES][0] + st->line[LINE_CASH][0],
                       st->line[LINE_RECEIVABLES][1] + st->line[LINE_CASH][1]};
    value_set(mem, v, "current_assets", sum_value(mem, st, curr, u));
    value_set_bool(mem, v, "result_unbooked", st->result_unbooked[0]);
    return v;
}

/* The kassaflödesanalys: each item {this, last}, and has_last when last
 * year has a column. */
static value *cash_flow(arena *mem, const statements *st, int64_t u)
{
    if (!st->has_cash_flow[0])
        return value_null(mem);
    value *v = value_map(mem);
    static const char *const keys[] = {"result",      "non_cash",  "receivables", "short_term",
                                       "operating",   "investments", "financing", "total",
                                       "begin",       "end"};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
        value *item = value_set(mem, v, keys[i], value_map(mem));
        for (int c = 0; c < 2; c++) {
            const cash_flow_column *k = &st->cf[c];
            const int64_t amounts[] = {k->result,      k->non_cash,  k->receivables, k->short_term,
                                       k->operating,   k->investments, k->financing, k->total,
                                       k->begin,       k->end};
            value_set(mem, item, c ? "last" : "this", money(mem, amounts[i], st->has_cash_flow[c], u));
        }
    }
    value_set_bool(mem, v, "has_last", st->has_cash_flow[1]);
    return v;
}

static value *notes_value(arena *mem, const statements *st, int64_t u)
{
    value *list = value_list(mem);
    for (size_t i = 0; i < st->nnotes; i++) {
        const statement_note *n = &st->notes[i];
        value *v = value_map(mem);
        value_set_int(mem, v, "number", n->number);
        value_set_string(mem, v, "title", n->title);
        value_set(mem, v, "line",
                  context_keyed(mem, NAMES_STATEMENT_LINE, NAMES_STATEMENT_LINE[n->line],
                                value_bool(mem, true)));
        value *rows = value_set(mem, v, "rows", value_list(mem));
        for (size_t k = 0; k < n->nrows; k++) {
            if (n->rows[k].amount.v[0] == 0 && n->rows[k].amount.v[1] == 0)
                continue; /* a row with nothing on it in either year */
            value *r = value_map(mem);
            value_set_string(mem, r, "label", n->rows[k].label);
            value_set(mem, r, "this", money(mem, n->rows[k].amount.v[0], n->rows[k].amount.has[0], u));
            value_set(mem, r, "last", money(mem, n->rows[k].amount.v[1], n->rows[k].amount.has[1], u));
            value_push(mem, rows, r);
        }
        value_set(mem, v, "this", money(mem, n->sum.v[0], n->sum.has[0], u));
        value_set(mem, v, "last", money(mem, n->sum.v[1], n->sum.has[1], u));
        value_push(mem, list, v);
    }
    return list;
}

static value *drift_rows(arena *mem, const driftredovisning *d, bool income, int64_t u)
{
    value *list = value_list(mem);
    for (size_t i = 0; i < d->nrows; i++) {
        const drift_row *r = &d->rows[i];
        if (r->income != income)
            continue;
        value *v = value_map(mem);
        value_set_string(mem, v, "label", r->label);
        value_set(mem, v, "budget", money(mem, r->budget, r->has_budget, u));
        value_set(mem, v, "outcome", money(mem, r->outcome, true, u));
        value_set(mem, v, "variance", money(mem, r->variance, r->has_budget, u));
        value_push(mem, list, v);
    }
    return list;
}

static value *drift_value(arena *mem, const statements *st, int64_t u)
{
    const driftredovisning *d = &st->drift;
    if (!d->nrows)
        return value_null(mem);
    value *v = value_map(mem);
    value_set_bool(mem, v, "has_budget", d->has_budget);
    value *in = value_set(mem, v, "income_rows", drift_rows(mem, d, true, u));
    value_set_bool(mem, v, "has_income_rows", value_truthy(in));
    value_set(mem, v, "cost_rows", drift_rows(mem, d, false, u));
    value_set(mem, v, "income", money(mem, d->income, true, u));
    value_set(mem, v, "income_budget", money(mem, d->income_budget, d->has_budget, u));
    value_set(mem, v, "income_variance",
              money(mem, d->income - d->income_budget, d->has_budget, u));
    value_set(mem, v, "costs", money(mem, d->costs, true, u));
    value_set(mem, v, "costs_budget", money(mem, d->costs_budget, d->has_budget, u));
    value_set(mem, v, "costs_variance", money(mem, d->costs_budget - d->costs, d->has_budget, u));
    value_set_bool(mem, v, "has_total_budget", d->has_total_budget);
    value_set(mem, v, "total_budget", money(mem, d->costs_budget, d->has_total_budget, u));
    value_set(mem, v, "total_variance",
              money(mem, d->costs_budget - d->costs, d->has_total_budget, u));
    int64_t result = d->income - d->costs, budget_result = d->income_budget - d->costs_budget;
    value_set(mem, v, "result", money(mem, result, true, u));
    value_set(mem, v, "result_budget", money(mem, budget_result, d->has_budget, u));
    value_set(mem, v, "result_variance", money(mem, result - budget_result, d->has_budget, u));
    return v;
}

static value *balance_requirement(arena *mem, const annual_report *r, const statements *st,
                                  int64_t u)
{
    value *v = value_map(mem);
    value_set(mem, v, "result", money(mem, st->result[0], true, u));
    value *list = value_set(mem, v, "adjustments", value_list(mem));
    int64_t ore = statements_unit_ore(r->unit);
    for (size_t i = 0; i < r->nbalance_adjustments; i++) {
        value *a = value_map(mem);
        value_set_string(mem, a, "label", r->balance_adjustments[i].label);
        value_set(mem, a, "amount", money(mem, r->balance_adjustments[i].amount * ore, true, u));
        value_push(mem, list, a);
    }
    value_set(mem, v, "adjusted", money(mem, st->balance_result, true, u));
    value_set_bool(mem, v, "met", st->balance_result >= 0);
    return v;
}

static value *overview_value(arena *mem, const statements *st, int64_t u)
{
    value *v = value_map(mem);
    value *years = value_set(mem, v, "years", value_list(mem));
    for (size_t i = 0; i < st->noverview; i++) {
        const overview_entry *e = &st->overview[i];
        value *y = value_map(mem);
        value_set_int(mem, y, "year", e->year);
        value_set(mem, y, "income", money(mem, e->income, e->has_income, u));
        value_set(mem, y, "costs", money(mem, e->costs, e->has_costs, u));
        value_set(mem, y, "result", money(mem, e->result, e->has_result, u));
        value_set(mem, y, "equity", money(mem, e->equity, e->has_equity, u));
        value_set(mem, y, "participants", context_count(mem, e->participants, e->has_participants));
        value_push(mem, years, y);
    }
    value_set_bool(mem, v, "present", st->noverview > 1);
    return v;
}

/* The plan's rules judged from the year's figures: costs with depreciation,
 * administration from the driftredovisning's rows of the plan's
 * administration and board categories, equity at the end of the year,
 * allocation from its rows, the budget held. */
static rule_basis basis_of(const annual_report *r, const statements *st, int64_t ore)
{
    rule_basis b = {0};
    b.has_costs = true;
    b.costs = in_unit(-(st->line[LINE_COSTS][0] + st->line[LINE_DEPRECIATION][0]), ore);
    b.has_equity = st->has_line[LINE_EQUITY][0];
    b.equity = in_unit(st->line[LINE_EQUITY][0], ore);
    const budget *bu = &r->plan_of_year->budget;
    for (size_t i = 0; i < st->drift.nrows; i++) {
        const drift_row *d = &st->drift.rows[i];
        for (size_t k = 0; k < (d->income ? bu->nincome : bu->ncosts); k++) {
            const budget_row *br = d->income ? &bu->income[k] : &bu->costs[k];
            if (strcmp(br->label, d->label) != 0)
                continue;
            if (br->category == CATEGORY_ADMINISTRATION || br->category == CATEGORY_BOARD)
                b.admin_costs += in_unit(d->outcome, ore);
            if (br->category == CATEGORY_ALLOCATION) {
                b.has_allocation = true;
                b.allocation += in_unit(d->outcome, ore);
            }
        }
    }
    if (!st->drift.nrows)
        b.has_costs = false;
    b.has_budgeted_costs = st->drift.has_budget;
    b.budgeted_costs = in_unit(st->drift.costs_budget, ore);
    b.actual_costs = in_unit(st->drift.costs, ore);
    return b;
}

static value *rules_value(arena *mem, const annual_report *r, const statements *st, int64_t u,
                          money_unit unit)
{
    value *list = value_list(mem);
    const plan *pl = r->plan_of_year;
    if (!pl)
        return list;
    rule_basis b = basis_of(r, st, u);
    for (size_t i = 0; i < pl->nrules; i++) {
        value *v = value_map(mem);
        rule_result res = rule_evaluate(&pl->rules[i], &b);
        value_set(mem, v, "rule", context_rule(mem, &pl->rules[i], unit));
        value_set(mem, v, "result", context_rule_result(mem, &res, unit));
        value_push(mem, list, v);
    }
    return list;
}

/* The other file a check names, as the document says it: the books or the
 * outcome of a year (no file names on paper). */
static const char *source_text(arena *mem, const statement_warning *w, int report_year)
{
    if (!w->source)
        return NULL;
    int year = w->check == CHECK_OVERVIEW ? w->year : report_year - 1;
    size_t n = strlen(w->source);
    bool books = n > 3 && strcmp(w->source + n - 3, ".se") == 0;
    return arena_printf(mem, "%s för %d", books ? "bokföringen" : "utfallet", year);
}

/* What the reader found in the books: {opening, closing, result,
 * no_balance, type, not_last_file} each true when it is that, the account,
 * and the SIE type of a file of another type. */
static void books_finding(arena *mem, value *v, const statement_warning *w)
{
    static const char *const kinds[] = {"opening", "closing", "result", "no_balance", "type",
                                        "not_last_file"};
    _Static_assert(sizeof kinds / sizeof *kinds == BOOKS_NOT_LAST_FILE + 1, "a name per finding");
    for (int k = 0; k <= BOOKS_NOT_LAST_FILE; k++) /* every one set: none found further out */
        value_set_bool(mem, v, kinds[k], k == w->finding);
    value_set_int(mem, v, "account", w->account);
    value_set_int(mem, v, "sie_type", w->finding == SIE_FINDING_TYPE ? w->shown : 0);
}

/* The failed cross-checks for the notes beside the tables they concern:
 * {balance: {present, items: [{year, what, source, shown, other}]}, ...}. */
static value *checks_value(arena *mem, const statements *st, int64_t u)
{
    static const char *const names[CHECK_COUNT] = {"balance", "result_equity", "cash_flow",
                                                   "last_year", "note",          "drift",
                                                   "overview", "books"};
    static context_kinds kinds = {"is_balance",   "is_result_equity", "is_cash_flow",
                                  "is_last_year", "is_note",          "is_drift",
                                  "is_overview",  "is_books",         NULL};
    value *root = value_map(mem);
    for (int c = 0; c < CHECK_COUNT; c++) {
        value *group = value_set(mem, root, names[c], value_map(mem));
        value *items = value_set(mem, group, "items", value_list(mem));
        for (size_t i = 0; i < st->nwarnings; i++) {
            const statement_warning *w = &st->warnings[i];
            if ((int)w->check != c)
                continue;
            value *v = value_map(mem);
            context_set_kind(mem, v, kinds, kinds[c]);
            value_set_int(mem, v, "year", w->year);
            value_set_string(mem, v, "what", w->what);
            value_set_string(mem, v, "source", source_text(mem, w, st->year));
            value_set(mem, v, "shown", money(mem, w->shown, true, u));
            value_set(mem, v, "other", money(mem, w->other, true, u));
            if (w->check == CHECK_BOOKS)
                books_finding(mem, v, w);
            value_push(mem, items, v);
        }
        value_set_bool(mem, group, "present", value_truthy(items));
    }
    value_set_bool(mem, root, "present", st->nwarnings > 0);
    return root;
}

static const char *const month_names[] = {"januari", "februari", "mars",     "april",
                                          "maj",     "juni",     "juli",     "augusti",
                                          "september", "oktober", "november", "december"};

static value *report_value(arena *mem, const annual_report *r, const statements *st)
{
    value *v = value_map(mem);
    value_set_int(mem, v, "year", r->year);
    value_set_int(mem, v, "last_year", r->year - 1);
    value_set_bool(mem, v, "interim", r->interim);
    value_set_string(mem, v, "title", r->title);
    value_set_string(mem, v, "title_line", context_fence_line(mem, r->title));
    value_set_bool(mem, v, "has_last_year", st->has_year[1]);
    value_set_bool(mem, v, "from_books", st->from_books);
    if (r->interim && r->period_end.month >= 1) {
        value_set_string(mem, v, "period_end", context_date(mem, r->period_end));
        value_set_string(mem, v, "period",
                         arena_printf(mem, "januari–%s %d", month_names[r->period_end.month - 1],
                                      r->year));
        value_set_string(mem, v, "period_short",
                         arena_printf(mem, "jan–%.3s %d", month_names[r->period_end.month - 1],
                                      r->year));
        value_set_string(mem, v, "period_short_last",
                         arena_printf(mem, "jan–%.3s %d", month_names[r->period_end.month - 1],
                                      r->year - 1));
    }
    context_set_unit(mem, v, r->unit);
    value_set_string(mem, v, "place", r->place);
    value_set_string(mem, v, "drawn_up", context_known_date(mem, r->drawn_up));
    value_set_bool(mem, v, "has_plan", r->plan_of_year != NULL);
    if (r->plan_of_year)
        value_set_string(mem, v, "plan_title", r->plan_of_year->title);
    return v;
}

static value *board_value(arena *mem, const annual_report *r)
{
    value *list = value_list(mem);
    for (size_t i = 0; i < r->nboard; i++) {
        value *v = value_map(mem);
        value_set_string(mem, v, "name", r->board[i].name);
        value_set_string(mem, v, "name_yaml", context_yaml_string(mem, r->board[i].name));
        value_set_string(mem, v, "role_yaml",
                         context_yaml_string(mem, r->board[i].role ? r->board[i].role : ""));
        value_push(mem, list, v);
    }
    return list;
}

value *context_for_annual(arena *mem, const annual_report *r, const statements *st)
{
    int64_t u = statements_unit_ore(r->unit);
    value *root = value_map(mem);
    value_set(mem, root, "association", context_association(mem, r->assoc));
    value_set(mem, root, "annual", report_value(mem, r, st));
    value *texts = value_set(mem, root, "texts", value_map(mem));
    for (int t = 0; t < TEXT_COUNT; t++)
        value_set_string(mem, texts, NAMES_ANNUAL_TEXT[t], r->texts[t]);
    value_set_string(mem, root, "principles", r->principles);
    value_set_string(mem, root, "contingent_liabilities", r->contingent);
    value_set(mem, root, "rr", income_statement(mem, st, u));
    value_set(mem, root, "br", balance_sheet(mem, st, u));
    value_set(mem, root, "ka", cash_flow(mem, st, u));
    value *notes = value_set(mem, root, "notes", notes_value(mem, st, u));
    value_set_bool(mem, root, "has_notes", value_truthy(notes) || r->principles);
    value_set(mem, root, "drift", drift_value(mem, st, u));
    value_set(mem, root, "balance_requirement", balance_requirement(mem, r, st, u));
    value_set(mem, root, "overview", overview_value(mem, st, u));
    value_set(mem, root, "key_figures", key_figures(mem, st, u));
    value *rules = value_set(mem, root, "rules", rules_value(mem, r, st, u, r->unit));
    value_set_bool(mem, root, "has_rules", value_truthy(rules));
    value *board = value_set(mem, root, "board", board_value(mem, r));
    value_set_bool(mem, root, "has_board", value_truthy(board));
    value *sigs = value_set(mem, root, "signatures",
                            context_signatures(mem, r->signatures, r->nsignatures));
    value_set_bool(mem, root, "has_signatures", value_truthy(sigs));
    value_set_string(mem, root, "signing_service", r->signing_service);
    value_set(mem, root, "checks", checks_value(mem, st, u));
    return root;
}
