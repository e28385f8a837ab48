/* The statements of a small set of books (an SIE 4 file of 2023 with last
 * year's figures, and the mapping of docs/formats/mapping.md's BAS ranges),
 * against figures worked out by hand; the same figures typed; and each
 * cross-check provoked by changing one figure, giving exactly its warning. */
#include "test_support.h"

#include <inttypes.h>

#include "budget_fixtures.h"
#include "statements.h"

/* By hand (kr). 2022: assets 30 000 + 50 000 + 900 000 = 980 000 = equity
 * 700 000 + liabilities 280 000. 2023: income 9 000 000 + 100 000; costs
 * 1 500 000 + 7 500 000; depreciation 10 000; financial +2 000 −500: the
 * result is 91 500, equity 791 500; liabilities 300 000; so cash 991 500.
 * Kassaflöde: 91 500 + 10 000 (depreciation) − 30 000 (receivables up)
 * + 20 000 (liabilities up) = 91 500; investments −(20 000 − 30 000) −
 * 10 000 = 0; the change of cash 991 500 − 900 000 = 91 500. */
static const char books_2023[] =
    "#FLAGGA 0\n#FORMAT PC8\n#SIETYP 4\n#FNAMN \"Test\"\n"
    "#RAR 0 20230101 20231231\n#RAR -1 20220101 20221231\n"
    "#KONTO 1220 \"Inventarier\"\n#KONTO 1510 \"Kundfordringar\"\n#KONTO 1930 \"Bank\"\n"
    "#KONTO 2010 \"Eget kapital\"\n#KONTO 2440 \"Leverant\x94rsskulder\"\n"
    "#KONTO 3010 \"Medlemsavgifter\"\n#KONTO 3990 \"\x99vriga int\x84kter\"\n"
    "#UB -1 1220 30000.00\n#UB -1 1510 50000.00\n#UB -1 1930 900000.00\n"
    "#UB -1 2010 -700000.00\n#UB -1 2440 -280000.00\n"
    "#UB 0 1220 20000.00\n#UB 0 1510 80000.00\n#UB 0 1930 991500.00\n"
    "#UB 0 2010 -791500.00\n#UB 0 2440 -300000.00\n"
    "#RES -1 3010 -8800000.00\n#RES -1 5010 1400000.00\n#RES -1 6990 7300000.00\n"
    "#RES -1 7832 10000.00\n"
    "#RES 0 3010 -9000000.00\n#RES 0 3990 -100000.00\n#RES 0 5010 1500000.00\n"
    "#RES 0 6990 7500000.00\n#RES 0 7832 10000.00\n#RES 0 8310 -2000.00\n"
    "#RES 0 8410 500.00\n";

/* Last year's own books, as closed then. */
static const char books_2022[] =
    "#SIETYP 4\n#RAR 0 20220101 20221231\n"
    "#UB 0 1220 30000.00\n#UB 0 1510 50000.00\n#UB 0 1930 900000.00\n"
    "#UB 0 2010 -700000.00\n#UB 0 2440 -280000.00\n"
    "#RES 0 3010 -8800000.00\n#RES 0 5010 1400000.00\n#RES 0 6990 7300000.00\n"
    "#RES 0 7832 10000.00\n";

static account_range R(int from, int to)
{
    return (account_range){from, to, {"kontoplan.yaml", 1, 1}};
}

/* The mapping, as kontoplan.yaml would give it. */
typedef struct {
    account_range ranges[16], ignored[1], income_rows[2], cost_rows[2], budget[3];
    account_group lines[12], note_income[2], note_costs[2], budget_rows[3];
    map_note notes[2];
    account_map map;
} mapping_fixture;

static void mapping(mapping_fixture *m)
{
    static const int bounds[12][2] = {{1000, 1399}, {1500, 1799}, {1900, 1999}, {2000, 2099},
                                      {2200, 2299}, {2300, 2399}, {2400, 2999}, {3000, 3999},
                                      {4000, 7699}, {7700, 7899}, {8000, 8399}, {8400, 8499}};
    static const statement_line lines[12] = {
        LINE_FIXED_ASSETS, LINE_RECEIVABLES,     LINE_CASH,  LINE_EQUITY,
        LINE_PROVISIONS,   LINE_LONG_TERM,       LINE_SHORT_TERM, LINE_INCOME,
        LINE_COSTS,        LINE_DEPRECIATION,    LINE_FINANCIAL_INCOME, LINE_FINANCIAL_COSTS};
    for (int i = 0; i < 12; i++) {
        m->ranges[i] = R(bounds[i][0], bounds[i][1]);
        m->lines[i] = (account_group){.line = lines[i], .ranges = &m->ranges[i], .nranges = 1};
    }
    m->ignored[0] = R(8999, 8999);
    m->income_rows[0] = R(3000, 3099);
    m->income_rows[1] = R(3100, 3999);
    m->cost_rows[0] = R(5000, 5999);
    m->cost_rows[1] = R(6000, 7699);
    m->note_income[0] = (account_group){.label = "Medlemsavgifter", .ranges = &m->income_rows[0], .nranges = 1};
    m->note_income[1] = (account_group){.label = "Övriga intäkter", .ranges = &m->income_rows[1], .nranges = 1};
    m->note_costs[0] = (account_group){.label = "Kansli", .ranges = &m->cost_rows[0], .nranges = 1};
    m->note_costs[1] = (account_group){.label = "Insatser", .ranges = &m->cost_rows[1], .nranges = 1};
    m->notes[0] = (map_note){LINE_COSTS, "Verksamhetens kostnader", m->note_costs, 2, {0}};
    m->notes[1] = (map_note){LINE_INCOME, "Verksamhetens intäkter", m->note_income, 2, {0}};
    m->budget[0] = R(3000, 3999);
    m->budget[1] = R(5000, 5999);
    m->budget[2] = R(6000, 7899);
    m->budget_rows[0] = (account_group){.label = "Medlemsavgifter", .ranges = &m->budget[0], .nranges = 1};
    m->budget_rows[1] = (account_group){.label = "Kansli", .ranges = &m->budget[1], .nranges = 1};
    m->budget_rows[2] = (account_group){.label = "Insatser", .ranges = &m->budget[2], .nranges = 1};
    m->map = (account_map){.file = "kontoplan.yaml",
                           .unit = UNIT_KR,
                           .lines = m->lines,
                           .nlines = 12,
                           .ignored = m->ignored,
                           .nignored = 1,
                           .notes = m->notes,
                           .nnotes = 2,
                           .budget_rows = m->budget_rows,
                           .nbudget_rows = 3};
}

static annual_report report(void)
{
    return (annual_report){.year = 2023, .unit = UNIT_KR, .file = "arsredovisning-2023.yaml"};
}

static sie_file *books(test_fixture *f, const char *text, const char *from, const char *to)
{
    char *t = arena_strdup(&f->mem, text);
    if (from) {
        char *at = strstr(t, from);
        assert_non_null(at);
        assert_int_equal(strlen(from), strlen(to));
        memcpy(at, to, strlen(to));
    }
    sie_file *s = ARENA_NEW(&f->mem, sie_file);
    assert_true(sie_parse(&f->mem, "sie-2023.se", t, strlen(t), s, &f->dl));
    return s;
}

#define KR(x) ((int64_t)(x) * 100)

/* The statements of this year's books with `from` changed to `to` (NULL:
 * as they are), for the report `r`, with the mapping of the fixture. */
static bool of_books(test_fixture *f, const annual_report *r, const char *from, const char *to,
                     const earlier_year *earlier, size_t nearlier, statements *st)
{
    mapping_fixture m;
    mapping(&m);
    return statements_compute(&f->mem, r, books(f, books_2023, from, to), &m.map, earlier,
                              nearlier, st, &f->dl);
}

static void the_books_by_hand(void **state)
{
    test_fixture *f = *state;
    annual_report r = report();
    statements st;
    assert_true(of_books(f, &r, NULL, NULL, NULL, 0, &st));
    diag_print_all(&f->dl, stderr);
    assert_int_equal(f->dl.count, 0);
    assert_true(st.has_year[0] && st.has_year[1]);
    assert_int_equal(st.line[LINE_INCOME][0], KR(9100000));
    assert_int_equal(st.line[LINE_COSTS][0], KR(-9000000));
    assert_int_equal(st.line[LINE_DEPRECIATION][0], KR(-10000));
    assert_int_equal(st.net_costs[0], KR(90000));
    assert_int_equal(st.line[LINE_FINANCIAL_INCOME][0], KR(2000));
    assert_int_equal(st.line[LINE_FINANCIAL_COSTS][0], KR(-500));
    assert_int_equal(st.result[0], KR(91500));
    assert_int_equal(st.result[1], KR(90000));
    assert_int_equal(st.line[LINE_INCOME][1], KR(8800000));
    assert_int_equal(st.assets[0], KR(1091500));
    assert_int_equal(st.assets[1], KR(980000));
    assert_int_equal(st.line[LINE_EQUITY][0], KR(791500));
    assert_int_equal(st.line[LINE_SHORT_TERM][0], KR(300000));
    assert_int_equal(st.equity_and_liabilities[0], KR(1091500));
    assert_false(st.result_unbooked[0]);
    assert_true(st.has_cash_flow[0]);
    assert_int_equal(st.cf[0].non_cash, KR(10000));
    assert_int_equal(st.cf[0].receivables, KR(-30000));
    assert_int_equal(st.cf[0].short_term, KR(20000));
    assert_int_equal(st.cf[0].operating, KR(91500));
    assert_int_equal(st.cf[0].investments, 0);
    assert_int_equal(st.cf[0].total, KR(91500));
    assert_int_equal(st.cf[0].end - st.cf[0].begin, KR(91500));
    /* notes numbered in the order of the lines: income first */
    assert_int_equal(st.nnotes, 2);
    assert_int_equal(st.note_of[LINE_INCOME], 1);
    assert_int_equal(st.note_of[LINE_COSTS], 2);
    assert_string_equal(st.notes[0].rows[1].label, "Övriga intäkter");
    assert_int_equal(st.notes[0].rows[1].amount.v[0], KR(100000));
    assert_int_equal(st.notes[1].rows[0].amount.v[1], KR(-1400000));
    /* the driftredovisning: costs with depreciation */
    assert_int_equal(st.drift.nrows, 3);
    assert_true(st.drift.rows[0].income);
    assert_int_equal(st.drift.income, KR(9100000));
    assert_int_equal(st.drift.costs, KR(9010000));
    assert_int_equal(st.drift.rows[2].outcome, KR(7510000));
    assert_int_equal(st.balance_result, KR(91500));
    /* the overview: this year and last year (from this year's books) */
    assert_int_equal(st.noverview, 2);
    assert_int_equal(st.overview[0].year, 2022);
    assert_int_equal(st.overview[0].costs, KR(8710000));
    assert_int_equal(st.overview[1].equity, KR(791500));
}

/* Open books: the result not yet booked to equity is added to it. */
static void open_books_get_the_result_in_equity(void **state)
{
    test_fixture *f = *state;
    annual_report r = report();
    statements st;
    assert_true(of_books(f, &r, "#UB 0 2010 -791500.00", "#UB 0 2010 -700000.00", NULL, 0, &st));
    assert_int_equal(f->dl.count, 0);
    assert_true(st.result_unbooked[0]);
    assert_int_equal(st.line[LINE_EQUITY][0], KR(791500));
}

/* Exactly one warning, of that check, whose message holds `needle`. */
static void exactly(const test_fixture *f, const statements *st, statement_check check,
                    const char *needle)
{
    if (st->nwarnings != 1 || f->dl.warnings != 1)
        diag_print_all(&f->dl, stderr);
    assert_int_equal(st->nwarnings, 1);
    assert_int_equal(st->warnings[0].check, check);
    assert_int_equal(f->dl.warnings, 1);
    for (size_t i = 0; i < f->dl.count; i++)
        if (f->dl.items[i].severity == DIAG_WARNING && strstr(f->dl.items[i].message, needle))
            return;
    diag_print_all(&f->dl, stderr);
    fail_msg("no warning \"%s\"", needle);
}

static void a_receivable_off_unbalances_the_sheet(void **state)
{
    test_fixture *f = *state;
    annual_report r = report();
    statements st;
    of_books(f, &r, "#UB 0 1510 80000.00", "#UB 0 1510 80100.00", NULL, 0, &st);
    exactly(f, &st, CHECK_BALANCE,
            "the balance sheet of 2023 does not balance: assets 1091600.00 kr, equity, "
            "provisions and liabilities 1091500.00 kr");
}

static void an_income_off_is_not_the_change_of_equity(void **state)
{
    test_fixture *f = *state;
    annual_report r = report();
    statements st;
    of_books(f, &r, "#RES 0 3990 -100000.00", "#RES 0 3990 -100100.00", NULL, 0, &st);
    exactly(f, &st, CHECK_RESULT_EQUITY,
            "equity changed by 91500.00 kr from last year, but the year's result and the stated "
            "changes of equity make 91600.00 kr");
}

/* A stated change of equity with its reason explains the difference. */
static void a_stated_change_of_equity(void **state)
{
    test_fixture *f = *state;
    annual_report r = report();
    labelled_amount change = {"Återbetalning till medlemmarna", -100, {0}};
    r.equity_changes = &change;
    r.nequity_changes = 1;
    statements st;
    of_books(f, &r, "#RES 0 3990 -100000.00", "#RES 0 3990 -100100.00", NULL, 0, &st);
    assert_int_equal(st.nwarnings, 0);
}

/* This year's #IB against last year's own #UB. */
static void an_opening_balance_not_last_files_closing(void **state)
{
    test_fixture *f = *state;
    annual_report r = report();
    sie_file *past = books(f, books_2022, NULL, NULL);
    past->file = "sie-2022.se";
    /* this year's opening balances, one of them not last year's closing */
    sie_file *now = books(f, books_2023, NULL, NULL);
    sie_balance ib[] = {{0, 1930, KR(900000), 40, 0}, {0, 1510, KR(50100), 41, 0}};
    now->opening = ib;
    now->nopening = 2;
    earlier_year e = {2022, past, NULL};
    mapping_fixture m;
    mapping(&m);
    statements st;
    statements_compute(&f->mem, &r, now, &m.map, &e, 1, &st, &f->dl);
    const diag *d = expect_diag(f, "account 1510: the opening balance 50100.00 kr is not the "
                                   "closing balance 50000.00 kr of sie-2022.se");
    assert_int_equal(d->line, 41);
    assert_int_equal(f->dl.warnings, 1);
}

static void last_years_column_against_last_years_books(void **state)
{
    test_fixture *f = *state;
    annual_report r = report();
    sie_file *past = books(f, books_2022, "#RES 0 3010 -8800000.00", "#RES 0 3010 -8800100.00");
    past->file = "sie-2022.se";
    earlier_year e = {2022, past, NULL};
    statements st;
    of_books(f, &r, NULL, NULL, &e, 1, &st);
    exactly(f, &st, CHECK_LAST_YEAR,
            "last year's column: verksamhetens intäkter is 8800000.00 kr here, but sie-2022.se "
            "gives 8800100.00 kr");
}

/* By hand (kr), the balances at the end of 2021: assets 40 000 + 60 000 +
 * 790 000 = 890 000 = equity 610 000 + liabilities 280 000. Kassaflöde
 * 2022: 90 000 + 10 000 (depreciation) + 10 000 (receivables down) + 0 =
 * 110 000; investments −(30 000 − 40 000) − 10 000 = 0; financing 0
 * (equity 700 000 − 610 000 is the result); the change of cash 900 000 −
 * 790 000 = 110 000. */
static const char opening_2022[] =
    "#IB %d 1220 40000.00\n#IB %d 1510 60000.00\n#IB %d 1930 790000.00\n"
    "#IB %d 2010 -610000.00\n#IB %d 2440 -280000.00\n";

static const char *with_opening(test_fixture *f, const char *text, int year, const char *cash)
{
    const char *ib = arena_printf(&f->mem, opening_2022, year, year, year, year, year);
    const char *all = arena_printf(&f->mem, "%s%s", text, ib);
    if (!cash)
        return all;
    char *t = arena_strdup(&f->mem, all);
    char *at = strstr(t, arena_printf(&f->mem, "#IB %d 1930 790000.00", year));
    memcpy(strchr(at, '7'), cash, strlen(cash));
    return t;
}

static void assert_last_years_cash_flow(const statements *st)
{
    assert_true(st->has_cash_flow[1]);
    assert_int_equal(st->cf[1].result, KR(90000));
    assert_int_equal(st->cf[1].non_cash, KR(10000));
    assert_int_equal(st->cf[1].receivables, KR(10000));
    assert_int_equal(st->cf[1].short_term, 0);
    assert_int_equal(st->cf[1].operating, KR(110000));
    assert_int_equal(st->cf[1].investments, 0);
    assert_int_equal(st->cf[1].financing, 0);
    assert_int_equal(st->cf[1].total, KR(110000));
    assert_int_equal(st->cf[1].begin, KR(790000));
    assert_int_equal(st->cf[1].end, KR(900000));
}

/* Last year's kassaflödesanalys from this year's #IB -1, or from the #IB 0
 * of last year's own file; none without either. */
static void last_years_cash_flow(void **state)
{
    test_fixture *f = *state;
    annual_report r = report();
    mapping_fixture m;
    mapping(&m);
    statements st;
    assert_true(of_books(f, &r, NULL, NULL, NULL, 0, &st));
    assert_false(st.has_cash_flow[1]);
    sie_file *now = books(f, with_opening(f, books_2023, -1, NULL), NULL, NULL);
    assert_true(statements_compute(&f->mem, &r, now, &m.map, NULL, 0, &st, &f->dl));
    assert_int_equal(st.nwarnings, 0);
    assert_last_years_cash_flow(&st);
    sie_file *past = books(f, with_opening(f, books_2022, 0, NULL), NULL, NULL);
    past->file = "sie-2022.se";
    earlier_year e = {2022, past, NULL};
    assert_true(of_books(f, &r, NULL, NULL, &e, 1, &st));
    assert_int_equal(st.nwarnings, 0);
    assert_last_years_cash_flow(&st);
}

/* An opening balance of last year off by 100 kr: the cash flow of 2022 is
 * then 100 kr off the change of cash, and so warned. */
static void last_years_opening_off(void **state)
{
    test_fixture *f = *state;
    annual_report r = report();
    mapping_fixture m;
    mapping(&m);
    sie_file *now = books(f, with_opening(f, books_2023, -1, "790100.00"), NULL, NULL);
    statements st;
    statements_compute(&f->mem, &r, now, &m.map, NULL, 0, &st, &f->dl);
    exactly(f, &st, CHECK_CASH_FLOW,
            "the year's cash flow 110000.00 kr is not the change of liquid funds 109900.00 kr");
}

/* What the reader found in the books is a warning of the statements for
 * the document's notes, and not said twice on the terminal. */
static void the_readers_findings_for_the_document(void **state)
{
    test_fixture *f = *state;
    annual_report r = report();
    statements st;
    of_books(f, &r, "#SIETYP 4", "#SIETYP 2", NULL, 0, &st);
    assert_int_equal(st.nwarnings, 1);
    assert_int_equal(st.warnings[0].check, CHECK_BOOKS);
    assert_int_equal(st.warnings[0].finding, SIE_FINDING_TYPE);
    assert_int_equal(st.warnings[0].shown, 2);
    assert_int_equal(f->dl.warnings, 1);
    expect_diag(f, "#SIETYP 2: read as SIE 4");
}

/* A delårsrapport of January–August 2023 from the same books: the same
 * months of 2022 from the file's #PSALDO -1 (the month's change; September
 * and a cost centre's share left out), else from last year's own vouchers
 * dated up to August. */
static annual_report interim(void)
{
    annual_report r = report();
    r.interim = true;
    r.period_end = (date){2023, 8, 31};
    return r;
}

static void the_same_months_from_the_period_balances(void **state)
{
    test_fixture *f = *state;
    annual_report r = interim();
    mapping_fixture m;
    mapping(&m);
    const char *text = arena_printf(
        &f->mem, "%s%s", books_2023,
        "#PSALDO -1 202201 3010 {} -800000.00\n#PSALDO -1 202208 5010 {} 100000.00\n"
        "#PSALDO -1 202209 3010 {} -50000.00\n#PSALDO -1 202203 3010 {1 \"10\"} -5.00\n"
        "#PSALDO 0 202301 3010 {} -1.00\n");
    sie_file *now = books(f, text, NULL, NULL);
    assert_int_equal(now->nperiods, 4);
    assert_int_equal(now->periods[1].period, 202208);
    statements st;
    assert_true(statements_compute(&f->mem, &r, now, &m.map, NULL, 0, &st, &f->dl));
    assert_true(st.has_same_period);
    assert_int_equal(st.same_period[LINE_INCOME], KR(800000));
    assert_int_equal(st.same_period[LINE_COSTS], KR(-100000));
    assert_int_equal(st.same_period_result, KR(700000));
    /* the period's kassaflödesanalys, from last year's end */
    assert_true(st.has_cash_flow[0]);
    assert_false(st.has_cash_flow[1]);
    assert_int_equal(st.cf[0].total, st.cf[0].end - st.cf[0].begin);
}

static void the_same_months_from_last_years_vouchers(void **state)
{
    test_fixture *f = *state;
    annual_report r = interim();
    const char *text = arena_printf(
        &f->mem, "%s%s", books_2022,
        "#VER A 1 20220315\n{\n#TRANS 1930 {} 300000.00\n#TRANS 3010 {} -300000.00\n}\n"
        "#VER A 2 20220831\n{\n#TRANS 5010 {} 1000.00\n#TRANS 1930 {} -1000.00\n}\n"
        "#VER A 3 20220910\n{\n#TRANS 1930 {} 7000.00\n#TRANS 3010 {} -7000.00\n}\n");
    sie_file *past = books(f, text, NULL, NULL);
    past->file = "sie-2022.se";
    earlier_year e = {2022, past, NULL};
    statements st;
    of_books(f, &r, NULL, NULL, &e, 1, &st);
    assert_true(st.has_same_period);
    assert_int_equal(st.same_period[LINE_INCOME], KR(300000));
    assert_int_equal(st.same_period[LINE_COSTS], KR(-1000));
    assert_int_equal(st.same_period_net_costs, KR(299000));
    /* without last year's file nor period balances, no column */
    statements none;
    of_books(f, &r, NULL, NULL, NULL, 0, &none);
    assert_false(none.has_same_period);
}

/* The same statements typed in the report's file, in kr. */
static annual_report typed(void)
{
    annual_report r = report();
    static const int64_t v[LINE_COUNT][2] = {
        {9100000, 8800000}, {-9000000, -8700000}, {-10000, -10000}, {2000, 0}, {-500, 0},
        {20000, 30000},     {80000, 50000},       {991500, 900000}, {791500, 700000},
        {0, 0},             {0, 0},               {300000, 280000}};
    for (int l = 0; l < LINE_COUNT; l++)
        for (int c = 0; c < 2; c++)
            r.lines[l].year[c] = (figure){v[l][c], true, {0}};
    r.has_typed_lines = true;
    return r;
}

static void typed_figures_agree(void **state)
{
    test_fixture *f = *state;
    annual_report r = typed();
    statements st;
    assert_true(statements_compute(&f->mem, &r, NULL, NULL, NULL, 0, &st, &f->dl));
    assert_int_equal(f->dl.count, 0);
    assert_int_equal(st.result[0], KR(91500));
    assert_int_equal(st.cf[0].total, KR(91500));
}

static void a_typed_investment_off_breaks_the_cash_flow(void **state)
{
    test_fixture *f = *state;
    annual_report r = typed();
    r.cash_flow.investments = (figure){-5000, true, {0}};
    statements st;
    statements_compute(&f->mem, &r, NULL, NULL, NULL, 0, &st, &f->dl);
    exactly(f, &st, CHECK_CASH_FLOW,
            "the year's cash flow 86500.00 kr is not the change of liquid funds 91500.00 kr");
}

static void a_note_row_off(void **state)
{
    test_fixture *f = *state;
    annual_report r = typed();
    labelled_amount rows[] = {{"Medlemsavgifter", 9000000, {0}}, {"Övriga intäkter", 100001, {0}}};
    typed_note note = {LINE_INCOME, "Verksamhetens intäkter", rows, 2, {0}};
    r.notes = &note;
    r.nnotes = 1;
    statements st;
    statements_compute(&f->mem, &r, NULL, NULL, NULL, 0, &st, &f->dl);
    exactly(f, &st, CHECK_NOTE,
            "not 1 (verksamhetens intäkter) 2023: the note's rows sum to 9100001.00 kr, but the "
            "line is 9100000.00 kr");
}

static void a_drift_row_off(void **state)
{
    test_fixture *f = *state;
    annual_report r = typed();
    outcome_amount rows[] = {{"Medlemsavgifter", CATEGORY_ALLOCATION, 9100000, -1, true, {0}},
                             {"Kansli", CATEGORY_ADMINISTRATION, 1500000, -1, false, {0}},
                             {"Insatser", CATEGORY_INDIVIDUAL, 7510001, -1, false, {0}}};
    outcome o = {.year = 2023, .unit = UNIT_KR, .rows = rows, .nrows = 3,
                 .file = "outcome-2023.yaml"};
    r.outcome_of_year = &o;
    statements st;
    statements_compute(&f->mem, &r, NULL, NULL, NULL, 0, &st, &f->dl);
    exactly(f, &st, CHECK_DRIFT,
            "the driftredovisning's kostnaderna (outcome-2023.yaml) sum to 9010001.00 kr, but "
            "the resultaträkning has 9010000.00 kr");
}

/* With the plan of the year (Samspelet 2025, tkr), every budget row is a
 * row of the driftredovisning, the budget of the year beside the outcome. */
static void the_plan_gives_every_budget_row(void **state)
{
    test_fixture *f = *state;
    annual_report r = report();
    r.year = 2025;
    r.unit = UNIT_TKR;
    r.lines[LINE_INCOME].year[0] = (figure){10006, true, {0}};
    r.lines[LINE_COSTS].year[0] = (figure){-9500, true, {0}};
    plan pl = {.year = 2025, .budget = samspelet_budget(&f->mem)};
    r.plan_of_year = &pl;
    outcome_amount rows[] = {{"Från parterna", CATEGORY_ALLOCATION, 10006, 0, true, {0}},
                             {"Administration", CATEGORY_ADMINISTRATION, 1150, 0, false, {0}},
                             {"TRIS Karlstad", CATEGORY_INDIVIDUAL, 8350, 7, false, {0}}};
    outcome o = {.year = 2025, .unit = UNIT_TKR, .rows = rows, .nrows = 3, .file = "o.yaml"};
    r.outcome_of_year = &o;
    statements st;
    assert_true(statements_compute(&f->mem, &r, NULL, NULL, NULL, 0, &st, &f->dl));
    assert_int_equal(st.nwarnings, 0);
    assert_int_equal(st.drift.nrows, 14);
    assert_true(st.drift.has_budget);
    assert_int_equal(st.drift.costs_budget, 9963 * (int64_t)100000);
    assert_int_equal(st.drift.income_budget, 12282 * (int64_t)100000);
    assert_int_equal(st.drift.costs, 9500 * (int64_t)100000);
    assert_int_equal(st.drift.rows[2].variance, (3710 - 8350) * (int64_t)100000);
}

static void a_typed_overview_figure_off(void **state)
{
    test_fixture *f = *state;
    annual_report r = typed();
    overview_year ov = {.year = 2021, .costs = {8500001, true, {0}}};
    r.overview = &ov;
    r.noverview = 1;
    outcome o2021 = {.year = 2021, .unit = UNIT_KR, .costs = {8500000, true, {0}},
                     .file = "outcome-2021.yaml"};
    earlier_year e = {2021, NULL, &o2021};
    statements st;
    statements_compute(&f->mem, &r, NULL, NULL, &e, 1, &st, &f->dl);
    exactly(f, &st, CHECK_OVERVIEW,
            "five-year overview 2021: kostnaderna are 8500001.00 kr here, but outcome-2021.yaml "
            "gives 8500000.00 kr");
    assert_int_equal(st.noverview, 3);
    assert_int_equal(st.overview[0].year, 2021);
}

static void an_unmapped_account_with_a_balance(void **state)
{
    test_fixture *f = *state;
    mapping_fixture m;
    mapping(&m);
    annual_report r = report();
    statements st;
    char *text = arena_printf(&f->mem, "%s#KONTO 8510 \"Dr\x94jsm\x86lsr\x84ntor\"\n"
                              "#RES 0 8510 100.00\n",
                              books_2023);
    sie_file *s = ARENA_NEW(&f->mem, sie_file);
    assert_true(sie_parse(&f->mem, "sie-2023.se", text, strlen(text), s, &f->dl));
    assert_false(statements_compute(&f->mem, &r, s, &m.map, NULL, 0, &st, &f->dl));
    const diag *d = expect_diag(f, "account 8510 (Dröjsmålsräntor) has 100.00 kr but no line of "
                                   "kontoplan.yaml takes it; did you mean the range 8400-8499 of "
                                   "financial_costs");
    assert_int_equal(d->line, 36);
    assert_string_equal(d->file, "sie-2023.se");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(the_books_by_hand, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(open_books_get_the_result_in_equity, test_setup,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(a_receivable_off_unbalances_the_sheet, test_setup,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(an_income_off_is_not_the_change_of_equity, test_setup,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(a_stated_change_of_equity, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(an_opening_balance_not_last_files_closing, test_setup,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(last_years_column_against_last_years_books, test_setup,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(last_years_cash_flow, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(the_same_months_from_the_period_balances, test_setup,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(the_same_months_from_last_years_vouchers, test_setup,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(the_readers_findings_for_the_document, test_setup,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(last_years_opening_off, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(typed_figures_agree, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(a_typed_investment_off_breaks_the_cash_flow, test_setup,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(a_note_row_off, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(a_drift_row_off, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(the_plan_gives_every_budget_row, test_setup,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(a_typed_overview_figure_off, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(an_unmapped_account_with_a_balance, test_setup,
                                        test_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
