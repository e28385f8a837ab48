#include "statements.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "formats.h"
#include "i18n.h"

/* The statements' Swedish names of the lines, for warnings. */
static const char *const line_names[LINE_COUNT] = {
    "verksamhetens intäkter", "verksamhetens kostnader", "avskrivningar",
    "finansiella intäkter",   "finansiella kostnader",   "anläggningstillgångar",
    "kortfristiga fordringar", "kassa och bank",         "eget kapital",
    "avsättningar",           "långfristiga skulder",    "kortfristiga skulder"};

int64_t statements_unit_ore(money_unit unit)
{
    return unit == UNIT_TKR ? 100000 : 100;
}

/* Amounts in öre for messages: "1234.50 kr". */
static const char *kr(arena *mem, int64_t ore)
{
    uint64_t a = ore < 0 ? (uint64_t)0 - (uint64_t)ore : (uint64_t)ore;
    return arena_printf(mem, "%s%" PRIu64 ".%02u kr", ore < 0 ? "-" : "", a / 100,
                        (unsigned)(a % 100));
}

/* Equity and liabilities are credit balances; they print positive, as do
 * income and the results. */
static int sign_of(statement_line l)
{
    return l == LINE_FIXED_ASSETS || l == LINE_RECEIVABLES || l == LINE_CASH ? 1 : -1;
}

static void warn(statements *st, arena *mem, statement_check check, int year, const char *what,
                 const char *source, int64_t shown, int64_t other)
{
    statement_warning *w = ARENA_PUSH(mem, st->warnings, st->nwarnings, st->wcap);
    *w = (statement_warning){check, year, what, source, shown, other, 0, 0};
}

static void warn_books(statements *st, arena *mem, int finding, int account, const char *source,
                       int64_t shown, int64_t other)
{
    warn(st, mem, CHECK_BOOKS, st->year, NULL, source, shown, other);
    st->warnings[st->nwarnings - 1].finding = finding;
    st->warnings[st->nwarnings - 1].account = account;
}

/* What the reader found in the books, for the document's notes. */
static void books_findings(arena *mem, statements *st, const sie_file *books)
{
    for (size_t i = 0; books && i < books->nfindings; i++) {
        const sie_finding *f = &books->findings[i];
        warn_books(st, mem, (int)f->kind, f->account, NULL, f->a, f->b);
    }
}

/* ---- the books on the lines ------------------------------------------------- */

static bool in_ranges(const account_range *r, size_t n, int account)
{
    for (size_t i = 0; i < n; i++)
        if (account >= r[i].from && account <= r[i].to)
            return true;
    return false;
}

/* The line of `account`: LINE_COUNT when ignored, -1 when unmapped. */
static int line_of(const account_map *m, int account)
{
    if (in_ranges(m->ignored, m->nignored, account))
        return LINE_COUNT;
    for (size_t i = 0; i < m->nlines; i++)
        if (in_ranges(m->lines[i].ranges, m->lines[i].nranges, account))
            return (int)m->lines[i].line;
    return -1;
}

/* The mapping's range nearest to `account` (within 100 accounts), for a
 * "did you mean". */
static const account_group *nearest(const account_map *m, int account, const account_range **out)
{
    const account_group *best = NULL;
    int best_d = 101;
    for (size_t i = 0; i < m->nlines; i++)
        for (size_t j = 0; j < m->lines[i].nranges; j++) {
            const account_range *r = &m->lines[i].ranges[j];
            int d = account < r->from ? r->from - account : account - r->to;
            if (d < best_d) {
                best_d = d;
                best = &m->lines[i];
                *out = r;
            }
        }
    return best;
}

static void unmapped(arena *mem, const sie_file *books, const account_map *m,
                     const sie_balance *b, diag_list *dl)
{
    const char *name = sie_account_name(books, b->account);
    const account_range *r = NULL;
    const account_group *g = nearest(m, b->account, &r);
    const char *hint =
        g ? arena_printf(mem, _("; did you mean the range %d-%d of %s (line %d), beside it?"),
                         r->from, r->to, NAMES_STATEMENT_LINE[g->line], r->pos.line)
          : "";
    diag_add(dl, DIAG_ERROR, books->file, b->line, 1, NULL,
             "account %d%s%s%s has %s but no line of %s takes it%s", b->account,
             name ? " (" : "", name ? name : "", name ? ")" : "", kr(mem, b->amount), m->file,
             hint);
}

/* Adds the balances of year index `year` (0 or -1) to the lines of column
 * `col`; an account the mapping does not place is an error. */
static void place(arena *mem, statements *st, const sie_file *books, const account_map *m,
                  const sie_balance *b, size_t n, int year, int col, diag_list *dl)
{
    for (size_t i = 0; i < n; i++) {
        if (b[i].year != year)
            continue;
        int l = line_of(m, b[i].account);
        if (l < 0) {
            if (b[i].amount != 0 && col == 0)
                unmapped(mem, books, m, &b[i], dl);
            continue;
        }
        if (l == LINE_COUNT)
            continue;
        st->line[l][col] += sign_of((statement_line)l) * b[i].amount;
        st->has_line[l][col] = true;
        st->has_year[col] = true;
    }
}

/* The balance of an account in a column: its #UB for a balance account, its
 * #RES for a result account. */
static int64_t account_amount(const sie_file *books, int account, int year)
{
    int64_t v = 0;
    if (!sie_balance_of(books->closing, books->nclosing, year, account, &v))
        sie_balance_of(books->results, books->nresults, year, account, &v);
    return v;
}

/* The accounts of the file in ascending order, each once. */
static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int *file_accounts(arena *mem, const sie_file *books, size_t *n)
{
    size_t total = books->nclosing + books->nresults, k = 0;
    int *acc = ARENA_ARRAY(mem, int, total + 1);
    for (size_t i = 0; i < books->nclosing; i++)
        acc[k++] = books->closing[i].account;
    for (size_t i = 0; i < books->nresults; i++)
        acc[k++] = books->results[i].account;
    qsort(acc, k, sizeof *acc, cmp_int);
    size_t u = 0;
    for (size_t i = 0; i < k; i++)
        if (!u || acc[u - 1] != acc[i])
            acc[u++] = acc[i];
    *n = u;
    return acc;
}

/* The notes of the mapping: each row the sum of its accounts, signed as its
 * line; the accounts of the line on no row are what a difference is. */
static void notes_from_books(arena *mem, statements *st, const sie_file *books,
                             const account_map *m)
{
    st->notes = ARENA_ARRAY(mem, statement_note, m->nnotes + 1);
    size_t nacc;
    int *acc = file_accounts(mem, books, &nacc);
    for (size_t i = 0; i < m->nnotes; i++) {
        const map_note *mn = &m->notes[i];
        statement_note *n = &st->notes[st->nnotes++];
        *n = (statement_note){.line = mn->line, .title = mn->title, .nrows = mn->nrows};
        n->rows = ARENA_ARRAY(mem, note_row, mn->nrows + 1);
        for (size_t r = 0; r < mn->nrows; r++) {
            note_row *row = &n->rows[r];
            row->label = mn->rows[r].label;
            for (int col = 0; col < 2; col++) {
                for (size_t a = 0; a < nacc; a++)
                    if (in_ranges(mn->rows[r].ranges, mn->rows[r].nranges, acc[a]))
                        row->amount.v[col] +=
                            sign_of(mn->line) * account_amount(books, acc[a], -col);
                row->amount.has[col] = st->has_year[col];
            }
        }
    }
}

static void from_books(arena *mem, statements *st, const sie_file *books, const account_map *m,
                       diag_list *dl)
{
    st->from_books = true;
    for (int col = 0; col < 2; col++) {
        place(mem, st, books, m, books->closing, books->nclosing, -col, col, dl);
        place(mem, st, books, m, books->results, books->nresults, -col, col, dl);
    }
    notes_from_books(mem, st, books, m);
}

/* ---- typed figures ---------------------------------------------------------- */

static void from_typed(arena *mem, statements *st, const annual_report *r)
{
    int64_t ore = statements_unit_ore(r->unit);
    for (int l = 0; l < LINE_COUNT; l++)
        for (int col = 0; col < 2; col++) {
            const figure *f = &r->lines[l].year[col];
            if (!f->present)
                continue;
            st->line[l][col] = f->value * ore;
            st->has_line[l][col] = st->has_year[col] = true;
        }
    st->notes = ARENA_ARRAY(mem, statement_note, r->nnotes + 1);
    for (size_t i = 0; i < r->nnotes; i++) {
        const typed_note *tn = &r->notes[i];
        statement_note *n = &st->notes[st->nnotes++];
        *n = (statement_note){.line = tn->line, .title = tn->title, .nrows = tn->nrows};
        n->rows = ARENA_ARRAY(mem, note_row, tn->nrows + 1);
        for (size_t k = 0; k < tn->nrows; k++)
            n->rows[k] = (note_row){tn->rows[k].label, {{tn->rows[k].amount * ore, 0}, {true, false}}};
    }
}

/* ---- sums and checks ---------------------------------------------------------- */

static void subtotals(statements *st)
{
    for (int c = 0; c < 2; c++) {
        st->net_costs[c] = st->line[LINE_INCOME][c] + st->line[LINE_COSTS][c] +
                           st->line[LINE_DEPRECIATION][c];
        st->after_financial[c] = st->net_costs[c] + st->line[LINE_FINANCIAL_INCOME][c] +
                                 st->line[LINE_FINANCIAL_COSTS][c];
        st->result[c] = st->after_financial[c];
        st->assets[c] =
            st->line[LINE_FIXED_ASSETS][c] + st->line[LINE_RECEIVABLES][c] + st->line[LINE_CASH][c];
        st->liabilities[c] = st->line[LINE_LONG_TERM][c] + st->line[LINE_SHORT_TERM][c];
        st->equity_and_liabilities[c] =
            st->line[LINE_EQUITY][c] + st->line[LINE_PROVISIONS][c] + st->liabilities[c];
    }
}

/* Open books: the balance accounts sum to the year's result, which is then
 * equity's. */
static void add_unbooked_result(statements *st)
{
    for (int c = 0; c < 2; c++) {
        bool has_balance = false;
        for (int l = LINE_FIRST_BALANCE; l < LINE_COUNT; l++)
            has_balance = has_balance || st->has_line[l][c];
        int64_t gap = st->assets[c] - st->equity_and_liabilities[c];
        if (!has_balance || gap == 0 || gap != st->result[c])
            continue;
        st->line[LINE_EQUITY][c] += st->result[c];
        st->result_unbooked[c] = true;
    }
}

static bool check_balance(arena *mem, statements *st, int c)
{
    if (!st->has_year[c] || st->assets[c] == st->equity_and_liabilities[c])
        return true;
    bool any = false;
    for (int l = LINE_FIRST_BALANCE; l < LINE_COUNT; l++)
        any = any || st->has_line[l][c];
    if (!any)
        return true;
    warn(st, mem, CHECK_BALANCE, st->year - c, "balansräkningen", NULL, st->assets[c],
         st->equity_and_liabilities[c]);
    return false;
}

static int64_t equity_changes(const annual_report *r)
{
    int64_t sum = 0, ore = statements_unit_ore(r->unit);
    for (size_t i = 0; i < r->nequity_changes; i++)
        sum += r->equity_changes[i].amount * ore;
    return sum;
}

static bool check_result_equity(arena *mem, statements *st, const annual_report *r)
{
    if (!st->has_line[LINE_EQUITY][0] || !st->has_line[LINE_EQUITY][1])
        return true;
    int64_t change = st->line[LINE_EQUITY][0] - st->line[LINE_EQUITY][1];
    int64_t expected = st->result[0] + equity_changes(r);
    if (change == expected)
        return true;
    warn(st, mem, CHECK_RESULT_EQUITY, st->year, "eget kapital", NULL, change, expected);
    return false;
}

static int64_t typed_or(const figure *f, int64_t ore, int64_t computed)
{
    return f->present ? f->value * ore : computed;
}

/* The balance lines at the beginning of last year: the books' #IB of last
 * year, or the #IB of last year's own file. */
static void opening_of_last_year(arena *mem, statements *st, const sie_file *books,
                                 const earlier_year *ey, const account_map *m)
{
    const sie_file *src = books;
    int year = -1;
    bool has = false;
    for (size_t i = 0; books && i < books->nopening && !has; i++)
        has = books->opening[i].year == -1;
    if (!has && ey && ey->books) {
        src = ey->books;
        year = 0;
        for (size_t i = 0; i < src->nopening && !has; i++)
            has = src->opening[i].year == 0;
    }
    if (!has || !m)
        return;
    statements past = {.year = st->year - 1};
    diag_list quiet;
    diag_list_init(&quiet, mem);
    place(mem, &past, src, m, src->opening, src->nopening, year, 0, &quiet);
    int64_t *o = st->opening_last;
    for (int l = LINE_FIRST_BALANCE; l < LINE_COUNT; l++)
        o[l] = past.line[l][0];
    st->has_opening_last = true;
}

/* The balance line `l` at the beginning of column `c`'s year. */
static int64_t at_begin(const statements *st, statement_line l, int c)
{
    return c == 0 ? st->line[l][1] : st->opening_last[l];
}

/* The indirect method for column `c`: the result, items that do not move
 * cash, the change of receivables and short-term liabilities; investments;
 * financing. This year's items may be typed; last year's changes of equity
 * other than its result are what its balance sheets show. */
static void cash_flow_of(arena *mem, statements *st, const annual_report *r, int c, bool judged)
{
    if (!st->has_year[c] || (c == 0 ? !st->has_year[1] : !st->has_opening_last))
        return;
    st->has_cash_flow[c] = true;
    static const typed_cash_flow none = {0};
    const typed_cash_flow *t = c == 0 ? &r->cash_flow : &none;
    int64_t ore = statements_unit_ore(r->unit);
    int64_t(*L)[2] = st->line;
    int64_t other_equity = c == 0 ? equity_changes(r)
                                  : L[LINE_EQUITY][1] - at_begin(st, LINE_EQUITY, 1) - st->result[1];
    cash_flow_column *k = &st->cf[c];
    k->result = st->result[c];
    k->non_cash = typed_or(&t->non_cash, ore,
                           -L[LINE_DEPRECIATION][c] + L[LINE_PROVISIONS][c] -
                               at_begin(st, LINE_PROVISIONS, c));
    k->receivables =
        typed_or(&t->receivables, ore, -(L[LINE_RECEIVABLES][c] - at_begin(st, LINE_RECEIVABLES, c)));
    k->short_term =
        typed_or(&t->short_term, ore, L[LINE_SHORT_TERM][c] - at_begin(st, LINE_SHORT_TERM, c));
    k->operating = k->result + k->non_cash + k->receivables + k->short_term;
    k->investments = typed_or(&t->investments, ore,
                              -(L[LINE_FIXED_ASSETS][c] - at_begin(st, LINE_FIXED_ASSETS, c)) +
                                  L[LINE_DEPRECIATION][c]);
    k->financing = typed_or(&t->financing, ore,
                            L[LINE_LONG_TERM][c] - at_begin(st, LINE_LONG_TERM, c) + other_equity);
    k->total = k->operating + k->investments + k->financing;
    k->begin = at_begin(st, LINE_CASH, c);
    k->end = L[LINE_CASH][c];
    if (judged && k->total != k->end - k->begin)
        warn(st, mem, CHECK_CASH_FLOW, st->year - c, "årets kassaflöde", NULL, k->total,
             k->end - k->begin);
}

/* Each note's rows against its line; the notes are numbered in the order of
 * the lines they explain. */
static int cmp_note(const void *a, const void *b)
{
    const statement_note *x = a, *y = b;
    return (x->line > y->line) - (x->line < y->line);
}

static void check_notes(arena *mem, statements *st)
{
    if (st->nnotes)
        qsort(st->notes, st->nnotes, sizeof *st->notes, cmp_note);
    for (size_t i = 0; i < st->nnotes; i++) {
        statement_note *n = &st->notes[i];
        n->number = (int)i + 1;
        if (!st->note_of[n->line])
            st->note_of[n->line] = n->number;
        for (int c = 0; c < 2; c++) {
            for (size_t k = 0; k < n->nrows; k++) {
                n->sum.v[c] += n->rows[k].amount.v[c];
                n->sum.has[c] = n->sum.has[c] || n->rows[k].amount.has[c];
            }
            if (n->sum.has[c] && st->has_line[n->line][c] && n->sum.v[c] != st->line[n->line][c])
                warn(st, mem, CHECK_NOTE, st->year - c,
                     arena_printf(mem, "not %d (%s)", n->number, line_names[n->line]), NULL,
                     n->sum.v[c], st->line[n->line][c]);
        }
    }
}

/* ---- the driftredovisning ---------------------------------------------------- */

/* The budget column of the year in the plan, or -1. */
static int plan_budget_column(const plan *pl, int year)
{
    for (size_t c = 0; pl && pl->budget.present && c < pl->budget.ncolumns; c++)
        if (pl->budget.columns[c].year == year && pl->budget.columns[c].kind == COLUMN_BUDGET)
            return (int)c;
    return -1;
}

static const budget_row *plan_row(const plan *pl, const char *label, bool *income)
{
    const budget *b = &pl->budget;
    for (size_t i = 0; i < b->ncosts; i++)
        if (strcmp(b->costs[i].label, label) == 0) {
            *income = false;
            return &b->costs[i];
        }
    for (size_t i = 0; i < b->nincome; i++)
        if (strcmp(b->income[i].label, label) == 0) {
            *income = true;
            return &b->income[i];
        }
    return NULL;
}

static void drift_budget(drift_row *row, const annual_report *r, int col)
{
    const plan *pl = r->plan_of_year;
    bool income = row->income;
    const budget_row *br = col >= 0 ? plan_row(pl, row->label, &income) : NULL;
    if (!br || !br->cells[col].present)
        return;
    row->income = income;
    row->has_budget = true;
    row->budget = br->cells[col].amount * statements_unit_ore(pl->budget.unit);
}

static void drift_from_books(arena *mem, statements *st, const sie_file *books, const account_map *m)
{
    driftredovisning *d = &st->drift;
    d->rows = ARENA_ARRAY(mem, drift_row, m->nbudget_rows + 1);
    d->source = books->file;
    size_t nacc;
    int *acc = file_accounts(mem, books, &nacc);
    for (size_t i = 0; i < m->nbudget_rows; i++) {
        const account_group *g = &m->budget_rows[i];
        drift_row *row = &d->rows[d->nrows++];
        *row = (drift_row){.label = g->label, .income = g->nranges && g->ranges[0].from < 4000};
        for (size_t a = 0; a < nacc; a++)
            if (in_ranges(g->ranges, g->nranges, acc[a]))
                row->outcome += account_amount(books, acc[a], 0);
        row->outcome = row->income ? -row->outcome : row->outcome;
    }
}

static void drift_from_outcome(arena *mem, statements *st, const outcome *o)
{
    driftredovisning *d = &st->drift;
    d->rows = ARENA_ARRAY(mem, drift_row, o->nrows + 1);
    d->source = o->file;
    for (size_t i = 0; i < o->nrows; i++)
        d->rows[d->nrows++] = (drift_row){.label = o->rows[i].label,
                                          .income = o->rows[i].income,
                                          .outcome = o->rows[i].amount *
                                                     statements_unit_ore(o->unit)};
}

static bool has_row(const driftredovisning *d, const char *label)
{
    for (size_t i = 0; i < d->nrows; i++)
        if (strcmp(d->rows[i].label, label) == 0)
            return true;
    return false;
}

/* Every budget row of the plan is a row of the driftredovisning, with no
 * outcome where the books or the outcome have none for it. */
static void add_plan_rows(arena *mem, driftredovisning *d, const budget *b)
{
    drift_row *rows = ARENA_ARRAY(mem, drift_row, d->nrows + b->nincome + b->ncosts + 1);
    memcpy(rows, d->rows, d->nrows * sizeof *rows);
    d->rows = rows;
    for (size_t i = 0; i < b->nincome + b->ncosts; i++) {
        bool income = i < b->nincome;
        const budget_row *br = income ? &b->income[i] : &b->costs[i - b->nincome];
        if (!has_row(d, br->label))
            d->rows[d->nrows++] = (drift_row){.label = br->label, .income = income};
    }
}

static void driftredovisning_of(arena *mem, statements *st, const annual_report *r,
                                const sie_file *books, const account_map *m)
{
    if (books && m && m->nbudget_rows)
        drift_from_books(mem, st, books, m);
    else if (r->outcome_of_year && r->outcome_of_year->nrows)
        drift_from_outcome(mem, st, r->outcome_of_year);
    driftredovisning *d = &st->drift;
    if (!d->nrows)
        return;
    int col = plan_budget_column(r->plan_of_year, r->year);
    if (col >= 0)
        add_plan_rows(mem, d, &r->plan_of_year->budget);
    for (size_t i = 0; i < d->nrows; i++) {
        drift_row *row = &d->rows[i];
        drift_budget(row, r, col);
        d->has_budget = d->has_budget || row->has_budget;
        row->variance = row->income ? row->outcome - row->budget : row->budget - row->outcome;
        *(row->income ? &d->income : &d->costs) += row->outcome;
        *(row->income ? &d->income_budget : &d->costs_budget) += row->budget;
    }
    const outcome *o = r->outcome_of_year;
    if (!d->has_budget && o && o->budget.present && !r->interim) {
        d->has_total_budget = true;
        d->costs_budget = o->budget.value * statements_unit_ore(o->unit);
    }
    int64_t rr_costs = -(st->line[LINE_COSTS][0] + st->line[LINE_DEPRECIATION][0]);
    if (d->income != st->line[LINE_INCOME][0])
        warn(st, mem, CHECK_DRIFT, st->year, "intäkterna", d->source, d->income,
             st->line[LINE_INCOME][0]);
    if (d->costs != rr_costs)
        warn(st, mem, CHECK_DRIFT, st->year, "kostnaderna", d->source, d->costs, rr_costs);
}

/* ---- the five-year overview -------------------------------------------------------- */

static void overview_from_statements(statements *st, int c, overview_entry *e)
{
    e->has_income = e->has_costs = e->has_result = true;
    e->income = st->line[LINE_INCOME][c];
    e->costs = -(st->line[LINE_COSTS][c] + st->line[LINE_DEPRECIATION][c]);
    e->result = st->result[c];
    e->has_equity = st->has_line[LINE_EQUITY][c];
    e->equity = st->line[LINE_EQUITY][c];
}

static int64_t participants_of(const outcome *o, bool *has)
{
    const participant_stats *t = o->participants_total;
    *has = true;
    if (t && t->women.present && t->men.present)
        return t->women.value + t->men.value;
    if (t && t->total.present)
        return t->total.value;
    int64_t sum = 0;
    *has = false;
    for (size_t i = 0; i < o->nparticipants; i++) {
        const participant_stats *p = &o->participants[i];
        int64_t n = p->total.present ? p->total.value
                                     : (p->women.present ? p->women.value : 0) +
                                           (p->men.present ? p->men.value : 0);
        *has = *has || p->total.present || p->women.present || p->men.present;
        sum += n;
    }
    return sum;
}

/* An outcome file's figures, into `e` where it lacks them. */
static void overview_from_outcome(const outcome *o, overview_entry *e)
{
    int64_t ore = statements_unit_ore(o->unit);
    if (!e->has_income && o->income.present) {
        e->has_income = true;
        e->income = o->income.value * ore;
    }
    if (!e->has_costs && o->costs.present) {
        e->has_costs = true;
        e->costs = o->costs.value * ore;
    }
    if (!e->has_result && o->income.present && o->costs.present) {
        e->has_result = true;
        e->result = (o->income.value - o->costs.value) * ore;
    }
    if (!e->has_equity && o->equity.present) {
        e->has_equity = true;
        e->equity = o->equity.value * ore;
    }
    if (!e->has_participants)
        e->participants = participants_of(o, &e->has_participants);
    if (!e->source)
        e->source = o->file;
}

/* What an outcome file says of a year against the figures of the books. */
static void compare_outcome(arena *mem, statements *st, const outcome *o, const overview_entry *e,
                            statement_check check)
{
    int64_t ore = statements_unit_ore(o->unit);
    const figure *f[] = {&o->income, &o->costs, &o->equity};
    const int64_t books[] = {e->income, e->costs, e->equity};
    const bool has[] = {e->has_income, e->has_costs, e->has_equity};
    const char *what[] = {"intäkterna", "kostnaderna", "eget kapital"};
    for (int i = 0; i < 3; i++) {
        /* the outcome's own unit: books rounded to it agree */
        int64_t rounded = has[i] ? (books[i] >= 0 ? books[i] + ore / 2 : books[i] - ore / 2) / ore
                                 : 0;
        if (f[i]->present && has[i] && f[i]->value != rounded)
            warn(st, mem, check, o->year, what[i], o->file, books[i], f[i]->value * ore);
    }
}

static const earlier_year *earlier_of(const earlier_year *e, size_t n, int year)
{
    for (size_t i = 0; i < n; i++)
        if (e[i].year == year)
            return &e[i];
    return NULL;
}

static const overview_year *typed_overview(const annual_report *r, int year)
{
    for (size_t i = 0; i < r->noverview; i++)
        if (r->overview[i].year == year)
            return &r->overview[i];
    return NULL;
}

/* A typed figure of the overview against the files' figure. */
static void compare_typed(arena *mem, statements *st, int year, const char *what,
                          const figure *typed, int64_t ore, bool has, int64_t files,
                          const char *source)
{
    if (typed->present && has && typed->value * ore != files)
        warn(st, mem, CHECK_OVERVIEW, year, what, source, typed->value * ore, files);
}

static void overview_typed(arena *mem, statements *st, const overview_year *t, int64_t ore,
                           overview_entry *e)
{
    const figure *f[] = {&t->income, &t->costs, &t->result, &t->equity};
    bool *has[] = {&e->has_income, &e->has_costs, &e->has_result, &e->has_equity};
    int64_t *v[] = {&e->income, &e->costs, &e->result, &e->equity};
    const char *what[] = {"intäkterna", "kostnaderna", "årets resultat", "eget kapital"};
    for (int i = 0; i < 4; i++) {
        compare_typed(mem, st, t->year, what[i], f[i], ore, *has[i], *v[i], e->source);
        if (!*has[i] && f[i]->present) {
            *has[i] = true;
            *v[i] = f[i]->value * ore;
        }
    }
    if (t->participants.present && e->has_participants &&
        t->participants.value != e->participants)
        warn(st, mem, CHECK_OVERVIEW, t->year, "deltagarna", e->source, t->participants.value,
             e->participants);
    if (!e->has_participants && t->participants.present) {
        e->has_participants = true;
        e->participants = t->participants.value;
    }
}

static void five_years(arena *mem, statements *st, const annual_report *r,
                       const earlier_year *earlier, size_t nearlier, const account_map *m)
{
    int64_t ore = statements_unit_ore(r->unit);
    for (int k = 4; k >= 0; k--) {
        int year = r->year - k;
        overview_entry e = {.year = year};
        const earlier_year *ey = earlier_of(earlier, nearlier, year);
        if (k == 0) {
            overview_from_statements(st, 0, &e);
            e.source = r->file;
            if (r->outcome_of_year && !r->interim)
                compare_outcome(mem, st, r->outcome_of_year, &e, CHECK_OVERVIEW);
            if (r->outcome_of_year)
                e.participants = participants_of(r->outcome_of_year, &e.has_participants);
        } else if (ey && ey->books && m) {
            statements past = {.year = year};
            diag_list quiet;
            diag_list_init(&quiet, mem);
            from_books(mem, &past, ey->books, m, &quiet);
            subtotals(&past);
            add_unbooked_result(&past);
            overview_from_statements(&past, 0, &e);
            e.source = ey->books->file;
            if (ey->outcome)
                overview_from_outcome(ey->outcome, &e);
        } else if (ey && ey->outcome) {
            overview_from_outcome(ey->outcome, &e);
        } else if (k == 1 && st->has_year[1]) {
            overview_from_statements(st, 1, &e);
        }
        const overview_year *t = typed_overview(r, year);
        if (t)
            overview_typed(mem, st, t, ore, &e);
        if (e.has_income || e.has_costs || e.has_result || e.has_equity || e.has_participants)
            st->overview[st->noverview++] = e;
    }
}

/* Last year's column against last year's own file. */
static void check_last_year(arena *mem, statements *st, const earlier_year *ey,
                            const account_map *m)
{
    if (!ey || !st->has_year[1])
        return;
    if (ey->books && m) {
        statements past = {.year = st->year - 1};
        diag_list quiet;
        diag_list_init(&quiet, mem);
        from_books(mem, &past, ey->books, m, &quiet);
        subtotals(&past);
        add_unbooked_result(&past);
        for (int l = 0; l < LINE_COUNT; l++)
            if (past.has_line[l][0] && st->line[l][1] != past.line[l][0])
                warn(st, mem, CHECK_LAST_YEAR, st->year - 1, line_names[l], ey->books->file,
                     st->line[l][1], past.line[l][0]);
        return;
    }
    if (ey->outcome) {
        overview_entry e = {0};
        overview_from_statements(st, 1, &e);
        compare_outcome(mem, st, ey->outcome, &e, CHECK_LAST_YEAR);
    }
}

/* What a failed check means, with both figures and the likely cause. */
static const char *warning_message(arena *mem, const statement_warning *w)
{
    const char *a = kr(mem, w->shown), *b = kr(mem, w->other);
    switch (w->check) {
    case CHECK_BALANCE:
        return arena_printf(mem,
                            _("the balance sheet of %d does not balance: assets %s, equity, "
                              "provisions and liabilities %s: an account may be on the wrong line "
                              "of the mapping, or a balance is missing"),
                            w->year, a, b);
    case CHECK_RESULT_EQUITY:
        return arena_printf(mem,
                            _("equity changed by %s from last year, but the year's result and the "
                              "stated changes of equity make %s: state another change of equity "
                              "with its reason (equity_changes), or check last year's closing "
                              "equity"),
                            a, b);
    case CHECK_CASH_FLOW:
        return arena_printf(mem,
                            "the year's cash flow %s is not the change of liquid funds %s "
                            "(kassa och bank at the end of the year less at its beginning): an "
                            "item of the kassaflödesanalys is wrong",
                            a, b);
    case CHECK_LAST_YEAR:
        return arena_printf(mem,
                            _("last year's column: %s is %s here, but %s gives %s: last year's "
                              "figures were changed after they were closed, or one of the files is "
                              "of another version"),
                            w->what, a, w->source, b);
    case CHECK_NOTE:
        return arena_printf(mem,
                            _("%s %d: the note's rows sum to %s, but the line is %s: an account of "
                              "the line is on no row of the note, or a row is wrong"),
                            w->what, w->year, a, b);
    case CHECK_DRIFT:
        return arena_printf(mem,
                            "the driftredovisning's %s (%s) sum to %s, but the resultaträkning "
                            "has %s: a budget row misses accounts, or an account is on two rows",
                            w->what, w->source, a, b);
    default:
        return arena_printf(mem,
                            _("five-year overview %d: %s are %s here, but %s gives %s: one of the "
                              "two was typed wrong or is of another version"),
                            w->year, w->what, a, w->source ? w->source : _("the files"), b);
    }
}

/* This year's opening balances against the closing balances of last year's
 * own file: an account that does not carry over is a warning at its #IB. */
static void check_opening_balances(arena *mem, statements *st, const sie_file *books,
                                   const earlier_year *ey, diag_list *dl)
{
    if (!books || !ey || !ey->books)
        return;
    for (size_t i = 0; i < books->nopening; i++) {
        const sie_balance *b = &books->opening[i];
        int64_t ub = 0;
        sie_balance_of(ey->books->closing, ey->books->nclosing, 0, b->account, &ub);
        if (b->year != 0 || ub == b->amount)
            continue;
        diag_add(dl, DIAG_WARNING, books->file, b->line, 1, NULL,
                 "account %d: the opening balance %s is not the closing balance %s of %s",
                 b->account, kr(mem, b->amount), kr(mem, ub), ey->books->file);
        warn_books(st, mem, BOOKS_NOT_LAST_FILE, b->account, ey->books->file, b->amount, ub);
    }
}

/* ---- the whole ---------------------------------------------------------------------- */

/* Where this year's books have no figures of last year, last year's books
 * give the column. */
static void last_year_from_file(arena *mem, statements *st, const earlier_year *ey,
                                const account_map *m)
{
    if (st->has_year[1] || !ey || !ey->books || !m)
        return;
    statements past = {.year = st->year - 1};
    diag_list quiet;
    diag_list_init(&quiet, mem);
    from_books(mem, &past, ey->books, m, &quiet);
    for (int l = 0; l < LINE_COUNT; l++) {
        st->line[l][1] = past.line[l][0];
        st->has_line[l][1] = past.has_line[l][0];
    }
    st->has_year[1] = past.has_year[0];
}

/* ---- a delårsrapport's same months of last year ------------------------------- */

static void same_period_add(statements *st, const account_map *m, int account, int64_t amount)
{
    int l = line_of(m, account);
    if (l >= 0 && l < LINE_FIRST_BALANCE)
        st->same_period[l] += sign_of((statement_line)l) * amount;
}

/* The #PSALDO of year index `year` up to the month `last` (YYYYMM); false
 * when the file has none of that year. */
static bool same_period_from_months(statements *st, const sie_file *f, int year, int last,
                                    const account_map *m)
{
    bool any = false;
    for (size_t i = 0; f && i < f->nperiods; i++) {
        const sie_balance *b = &f->periods[i];
        if (b->year != year)
            continue;
        any = true;
        if (b->period <= last)
            same_period_add(st, m, b->account, b->amount);
    }
    return any;
}

/* The rows of the vouchers dated up to the month `last` (YYYYMM). */
static bool same_period_from_vouchers(statements *st, const sie_file *f, int last,
                                      const account_map *m)
{
    for (size_t i = 0; i < f->nvouchers; i++) {
        const sie_voucher *v = &f->vouchers[i];
        if (v->date.year * 100 + v->date.month > last)
            continue;
        for (size_t j = 0; j < v->nrows; j++)
            if (v->rows[j].kind != SIE_ROW_REMOVED)
                same_period_add(st, m, v->rows[j].account, v->rows[j].amount);
    }
    return f->nvouchers > 0;
}

static void same_period_last_year(statements *st, const annual_report *r, const sie_file *books,
                                  const earlier_year *ey, const account_map *m)
{
    int last = (r->period_end.year - 1) * 100 + r->period_end.month;
    const sie_file *past = ey ? ey->books : NULL;
    st->has_same_period = same_period_from_months(st, books, -1, last, m) ||
                          same_period_from_months(st, past, 0, last, m) ||
                          (past && same_period_from_vouchers(st, past, last, m));
    const int64_t *s = st->same_period;
    st->same_period_net_costs = s[LINE_INCOME] + s[LINE_COSTS] + s[LINE_DEPRECIATION];
    st->same_period_result =
        st->same_period_net_costs + s[LINE_FINANCIAL_INCOME] + s[LINE_FINANCIAL_COSTS];
}

static void forecast_of(statements *st, const annual_report *r)
{
    int64_t ore = statements_unit_ore(r->unit);
    for (int l = 0; l < LINE_FIRST_BALANCE; l++)
        if (r->forecast[l].present) {
            st->forecast[l] = r->forecast[l].value * ore;
            st->has_forecast_line[l] = st->has_forecast = true;
            st->forecast_result += st->forecast[l];
        }
}

bool statements_compute(arena *mem, const annual_report *r, const sie_file *books,
                        const account_map *map, const earlier_year *earlier, size_t nearlier,
                        statements *out, diag_list *dl)
{
    size_t errors = dl->errors;
    statements *st = out;
    *st = (statements){.year = r->year, .interim = r->interim};
    if (books && map)
        from_books(mem, st, books, map, dl);
    else
        from_typed(mem, st, r);
    const earlier_year *last = earlier_of(earlier, nearlier, r->year - 1);
    if (books && map)
        last_year_from_file(mem, st, last, map);
    subtotals(st);
    add_unbooked_result(st);
    subtotals(st);
    bool balanced = check_balance(mem, st, 0);
    bool balanced_last = check_balance(mem, st, 1);
    bool equity_ok = check_result_equity(mem, st, r);
    if (books && map && !r->interim)
        opening_of_last_year(mem, st, books, last, map);
    cash_flow_of(mem, st, r, 0, balanced && balanced_last && equity_ok);
    cash_flow_of(mem, st, r, 1, balanced_last && equity_ok);
    if (books && map && r->interim)
        same_period_last_year(st, r, books, last, map);
    check_last_year(mem, st, last, map);
    books_findings(mem, st, books);
    check_opening_balances(mem, st, books, last, dl);
    check_notes(mem, st);
    driftredovisning_of(mem, st, r, books, map);
    int64_t ore = statements_unit_ore(r->unit);
    for (size_t i = 0; i < r->nbalance_adjustments; i++)
        st->balance_adjustments += r->balance_adjustments[i].amount * ore;
    st->balance_result = st->result[0] + st->balance_adjustments;
    if (r->interim)
        forecast_of(st, r);
    else
        five_years(mem, st, r, earlier, nearlier, map);
    for (size_t i = 0; i < st->nwarnings; i++)
        if (st->warnings[i].check != CHECK_BOOKS) /* the reader said it at its line */
            diag_add_text(dl, DIAG_WARNING, r->file, 0, 0, NULL,
                          warning_message(mem, &st->warnings[i]));
    return dl->errors == errors;
}
