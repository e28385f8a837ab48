/* Budget figures and cross-checks on the seeds' tables: the Samsund plan
 * 2024 as loaded (seed 000), the Samspelet budget 2025–2027 (seed 003) and
 * the Jönköping economy slides (seed 002) built here. Every expected figure
 * was added up by hand from the seed's rows. */
#include <string.h>

#include "budget.h"
#include "load.h"

#include "budget_fixtures.h"
#include "test_support.h"

/* ---- seed 000: Samsund ------------------------------------------------------ */

static plan *samsund(test_fixture *fx)
{
    plan *p = load_plan(&fx->mem, "../plans/samsund/plan-2024.yaml", &fx->dl);
    assert_non_null(p);
    assert_int_equal(fx->dl.count, 0);
    return p;
}

static void samsund_totals_match_the_seed(void **state)
{
    test_fixture *fx = *state;
    plan *p = samsund(fx);
    budget_figures f = budget_compute(&fx->mem, &p->budget);
    const int64_t income[] = {10014, 7883, 9016, 9010, 6406};
    const int64_t costs[] = {10759, 6855, 10590, 10190, 6266};
    const int64_t result[] = {-745, 1028, -1574, -1180, 140};
    const int64_t allocated[] = {6250, 6250, 6079, 6250, 6250};
    for (size_t c = 0; c < 5; c++) {
        assert_int_equal(f.columns[c].income, income[c]);
        assert_int_equal(f.columns[c].costs, costs[c]);
        assert_int_equal(f.columns[c].result, result[c]);
        assert_int_equal(f.columns[c].income_by_category[CATEGORY_ALLOCATION], allocated[c]);
        assert_false(f.columns[c].overflow);
    }
}

/* Fasta kostnader, Individinsatser, Strukturella insatser per column. */
static void samsund_group_totals(void **state)
{
    test_fixture *fx = *state;
    plan *p = samsund(fx);
    budget_figures f = budget_compute(&fx->mem, &p->budget);
    assert_int_equal(f.nincome_groups, 1);
    assert_null(f.income_groups[0].name);
    assert_int_equal(f.income_groups[0].count, 6);
    assert_int_equal(f.ncost_groups, 3);
    const char *names[] = {"Fasta kostnader", "Individinsatser", "Strukturella insatser"};
    const int64_t sums[3][5] = {
        {2180, 2180, 2460, 2460, 2460}, {8064, 4150, 7450, 7250, 3326}, {515, 525, 680, 480, 480}};
    for (size_t g = 0; g < 3; g++) {
        assert_string_equal(f.cost_groups[g].name, names[g]);
        for (size_t c = 0; c < 5; c++) {
            assert_true(f.cost_groups[g].present[c]);
            assert_int_equal(f.cost_groups[g].sums[c], sums[g][c]);
        }
    }
}

static void samsund_printed_totals_are_named(void **state)
{
    test_fixture *fx = *state;
    plan *p = samsund(fx);
    budget_figures f = budget_compute(&fx->mem, &p->budget);
    budget_cross_check(&p->budget, &f, &fx->dl);
    assert_int_equal(fx->dl.errors, 0);
    assert_int_equal(fx->dl.warnings, 2);
    assert_string_equal(fx->dl.items[0].message,
                        "income 2024 (budget): the printed total is 9" NB "017 but the rows add "
                        "up to 9" NB "016; likely cause: rounding: the total seems taken from "
                        "amounts before they were rounded");
    assert_string_equal(fx->dl.items[1].message,
                        "result 2024 (budget): the printed result is " MINUS "1" NB "573 but "
                        "income − costs is " MINUS "1" NB "574; likely cause: it follows from "
                        "the printed totals: 9" NB "017 − 10" NB "590 = " MINUS "1" NB "573");
    assert_string_equal(fx->dl.items[0].file, "../plans/samsund/plan-2024.yaml");
    assert_true(fx->dl.items[0].line > 0);
}

/* Knowing Upplands Bro's right allocation (274) explains the printed 9 017. */
static void samsund_total_is_explained_by_the_allocation(void **state)
{
    test_fixture *fx = *state;
    plan *p = samsund(fx);
    budget_figures f = budget_compute(&fx->mem, &p->budget);
    const budget_row *upplands_bro = &p->budget.income[3];
    assert_string_equal(upplands_bro->label, "Upplands Bro");
    budget_correction fix = {upplands_bro, 2, 274};
    budget_cross_check_with(&p->budget, &f, &fix, 1, &fx->dl);
    assert_int_equal(fx->dl.warnings, 2);
    assert_non_null(strstr(fx->dl.items[0].message,
                           "likely cause: it matches the rows with Upplands Bro at 274, its share "
                           "by the Finsam split"));
}

/* Shares of the 2024 costs 10 590: individual 7 450, structural 680,
 * administration (Kansli and Styrelse) 2 460: 70.35 / 6.42 / 23.23 %, so in
 * whole percents 70 + 6 + 23 = 99 and the unit left goes to the largest
 * remainder (.42): 70 / 7 / 23; in tenths 703.49 / 64.21 / 232.29: 704 / 64 / 232. */
static void samsund_cost_split(void **state)
{
    test_fixture *fx = *state;
    plan *p = samsund(fx);
    budget_figures f = budget_compute(&fx->mem, &p->budget);
    cost_split s;
    assert_true(budget_cost_split(&f, 2, &s));
    assert_int_equal(s.amount[COST_INDIVIDUAL], 7450);
    assert_int_equal(s.amount[COST_STRUCTURAL], 680);
    assert_int_equal(s.amount[COST_ADMINISTRATION], 2460);
    assert_int_equal(s.amount[COST_OTHER], 0);
    assert_int_equal(s.total, 10590);
    int64_t shares[COST_CLASSES];
    assert_true(budget_cost_shares(&s, 100, shares));
    assert_int_equal(shares[COST_INDIVIDUAL], 70);
    assert_int_equal(shares[COST_STRUCTURAL], 7);
    assert_int_equal(shares[COST_ADMINISTRATION], 23);
    assert_true(budget_cost_shares(&s, 1000, shares));
    assert_int_equal(shares[COST_INDIVIDUAL], 704);
    assert_int_equal(shares[COST_STRUCTURAL], 64);
    assert_int_equal(shares[COST_ADMINISTRATION], 232);
    assert_int_equal(shares[COST_OTHER], 0);
}

/* ---- seed 003: Samspelet 2025–2027 -------------------------------------------- */

/* 10 006 + 861 + 600 + 815 = 12 282, costs 9 963, remainder 2 319;
 * 10 006 + 2 319 + 400 = 12 725 − 10 005 = 2 720; 10 006 + 2 720 = 12 726 −
 * 2 540 = 10 186; with the buffer 12 982, 13 425, 13 426. Every printed
 * total is right. */
static void samspelet_totals_and_remainders(void **state)
{
    test_fixture *fx = *state;
    budget b = samspelet_budget(&fx->mem);
    budget_figures f = budget_compute(&fx->mem, &b);
    const int64_t income[] = {12282, 12725, 12726};
    const int64_t costs[] = {9963, 10005, 2540};
    const int64_t result[] = {2319, 2720, 10186};
    const int64_t equity[] = {1676, 2319, 2720};
    const int64_t with_buffer[] = {12982, 13425, 13426};
    for (size_t c = 0; c < 3; c++) {
        assert_int_equal(f.columns[c].income, income[c]);
        assert_true(f.columns[c].has_reserves);
        assert_int_equal(f.columns[c].reserves, 700);
        assert_int_equal(f.columns[c].with_reserves, with_buffer[c]);
        assert_int_equal(f.columns[c].costs, costs[c]);
        assert_int_equal(f.columns[c].result, result[c]);
        assert_int_equal(f.columns[c].income_by_category[CATEGORY_EQUITY], equity[c]);
    }
    budget_cross_check(&b, &f, &fx->dl);
    budget_check_carry_forward(&fx->mem, &b, &f, &fx->dl);
    assert_int_equal(fx->dl.count, 0);
}

static void samspelet_carries_its_remainder_forward(void **state)
{
    test_fixture *fx = *state;
    budget b = samspelet_budget(&fx->mem);
    budget_figures f = budget_compute(&fx->mem, &b);
    assert_true(budget_carries_forward(&b));
    carry_forward *cf = budget_carry_forward(&fx->mem, &b, &f);
    assert_false(cf[0].applies);
    assert_true(cf[1].applies);
    assert_int_equal(cf[1].carried_in, 2319);
    assert_int_equal(cf[1].equity, 2319);
    assert_true(cf[2].applies);
    assert_int_equal(cf[2].carried_in, 2720);
    assert_int_equal(cf[2].equity, 2720);

    /* A 2026 equity that does not match the 2025 remainder is named. */
    b.income[1].cells[1].amount = 2391;
    f = budget_compute(&fx->mem, &b);
    budget_check_carry_forward(&fx->mem, &b, &f, &fx->dl);
    assert_int_equal(fx->dl.warnings, 2); /* 2026 itself, and 2027 after it */
    assert_string_equal(fx->dl.items[0].message,
                        "equity 2026 (forecast): the equity is 2" NB "391 but 2025 (budget) "
                        "leaves an unbudgeted remainder of 2" NB "319");
    assert_int_equal(fx->dl.items[0].line, 11);
    assert_non_null(strstr(fx->dl.items[1].message, "2027 (forecast): the equity is 2" NB
                                                    "720 but 2026 (forecast) leaves an "
                                                    "unbudgeted remainder of 2" NB "792"));

    /* An empty carried-forward cell, and a plan that carries nothing. */
    b.income[1].cells[1].present = false;
    f = budget_compute(&fx->mem, &b);
    budget_check_carry_forward(&fx->mem, &b, &f, &fx->dl);
    assert_non_null(strstr(fx->dl.items[2].message,
                           "equity 2026 (forecast): the carried-forward row is empty but 2025 "
                           "(budget) leaves an unbudgeted remainder of 2" NB "319"));
    b.income[1].carried_forward = false;
    assert_false(budget_carries_forward(&b));
    assert_false(budget_carry_forward(&fx->mem, &b, &f)[1].applies);
}

/* Individual 2 520 + 3 710 + 833 = 7 063; structural 350 + 200 + 450 + 50 +
 * 375 = 1 425; administration 1 200 + 275 = 1 475; of 9 963. */
static void samspelet_cost_split(void **state)
{
    test_fixture *fx = *state;
    budget b = samspelet_budget(&fx->mem);
    budget_figures f = budget_compute(&fx->mem, &b);
    cost_split s;
    assert_true(budget_cost_split(&f, 0, &s));
    assert_int_equal(s.amount[COST_INDIVIDUAL], 7063);
    assert_int_equal(s.amount[COST_STRUCTURAL], 1425);
    assert_int_equal(s.amount[COST_ADMINISTRATION], 1475);
    assert_int_equal(s.total, 9963);
    int64_t shares[COST_CLASSES];
    /* 70.892… / 14.302… / 14.804…: 709 + 143 + 148 = 1 000 */
    assert_true(budget_cost_shares(&s, 1000, shares));
    assert_int_equal(shares[COST_INDIVIDUAL], 709);
    assert_int_equal(shares[COST_STRUCTURAL], 143);
    assert_int_equal(shares[COST_ADMINISTRATION], 148);
}

/* A "Totalt" that leaves the buffer out is named. */
static void samspelet_total_without_the_buffer(void **state)
{
    test_fixture *fx = *state;
    budget b = samspelet_budget(&fx->mem);
    b.printed.with_reserves[1].amount = 12725;
    budget_figures f = budget_compute(&fx->mem, &b);
    budget_cross_check(&b, &f, &fx->dl);
    assert_int_equal(fx->dl.warnings, 1);
    assert_string_equal(fx->dl.items[0].message,
                        "income with reserves 2026 (forecast): the printed total is 12" NB
                        "725 but the rows add up to 13" NB "425; likely cause: the row “Buffert” "
                        "(700) seems left out");
}

/* ---- seed 002: the Jönköping economy slides ------------------------------------ */

/* Costs budget against outcome: Södra Vätterbygden 9 579 500 → 9 097 400,
 * Höglandet 8 054 000 → 7 745 914, Finnveden 6 409 000 → 5 782 200 kr. */
static void variance_in_amount_and_percent(void **state)
{
    (void)state;
    variance v;
    assert_true(budget_variance(9579500, 9097400, &v));
    assert_int_equal(v.amount, -482100);
    assert_true(v.has_percent);
    assert_int_equal(v.tenths, -50); /* 5.0327 % */
    assert_true(budget_variance(8054000, 7745914, &v));
    assert_int_equal(v.amount, -308086);
    assert_int_equal(v.tenths, -38); /* 3.8253 % */
    assert_true(budget_variance(6409000, 5782200, &v));
    assert_int_equal(v.amount, -626800);
    assert_int_equal(v.tenths, -98);                    /* 9.7800 % */
    assert_true(budget_variance(8036000, 8236000, &v)); /* Höglandet 2024: in → out */
    assert_int_equal(v.amount, 200000);
    assert_int_equal(v.tenths, 25); /* 2.4888 % */
    assert_true(budget_variance(0, 100, &v));
    assert_false(v.has_percent);
    assert_false(budget_variance(INT64_MIN, INT64_MAX, &v));
}

/* Höglandet 2023: income 8 169 803 (member contributions 8 036 000), costs
 * budget 8 054 000, outcome 7 745 914; the slide's "Resultat 308 086" is the
 * budget minus the outcome, while income − costs is 423 889. */
static void hoglandet_result_is_a_budget_variance(void **state)
{
    test_fixture *fx = *state;
    arena *mem = &fx->mem;
    static const row_spec income[] = {
        {"Medlemsbidrag", NULL, CATEGORY_ALLOCATION, {NONE, 8036000}},
        {"Övriga intäkter", NULL, CATEGORY_OTHER, {NONE, 133803}},
    };
    static const row_spec costs[] = {
        {"Verksamhetens kostnader", NULL, CATEGORY_OTHER, {8054000, 7745914}},
    };
    budget b = {.present = true, .unit = UNIT_KR, .ncolumns = 2};
    b.columns = ARENA_ARRAY(mem, budget_column, 2);
    b.columns[0] = (budget_column){.year = 2023, .kind = COLUMN_BUDGET, .pos = {0}};
    b.columns[1] = (budget_column){.year = 2023, .kind = COLUMN_OUTCOME, .pos = {0}};
    b.income = make_rows(mem, income, 2, 2, 10);
    b.nincome = 2;
    b.costs = make_rows(mem, costs, 1, 2, 20);
    b.ncosts = 1;
    b.printed.income = make_line(mem, (int64_t[]){NONE, 8169803}, 2, 30);
    b.printed.result = make_line(mem, (int64_t[]){NONE, 308086}, 2, 31);
    budget_figures f = budget_compute(mem, &b);
    assert_int_equal(f.columns[1].income, 8169803);
    assert_int_equal(f.columns[1].result, 423889);
    budget_cross_check(&b, &f, &fx->dl);
    assert_int_equal(fx->dl.warnings, 1);
    assert_int_equal(fx->dl.items[0].line, 31);
    assert_string_equal(fx->dl.items[0].message,
                        "result 2023 (outcome): the printed result is 308" NB "086 but income − "
                        "costs is 423" NB "889; likely cause: it is the budgeted costs minus the "
                        "actual costs (8" NB "054" NB "000 − 7" NB "745" NB "914), not income "
                        "minus costs");
}

/* ---- causes, limits ----------------------------------------------------------------- */

static budget one_column(arena *mem, const row_spec *costs, size_t n, int64_t printed_costs)
{
    budget b = {.present = true, .ncolumns = 1, .ncosts = n};
    b.columns = ARENA_ARRAY(mem, budget_column, 1);
    b.columns[0] = (budget_column){.year = 2024, .kind = COLUMN_BUDGET, .pos = {"t.yaml", 1, 1}};
    b.costs = make_rows(mem, costs, n, 1, 10);
    b.printed.costs = make_line(mem, &printed_costs, 1, 30);
    return b;
}

static void names_the_likely_cause(void **state)
{
    test_fixture *fx = *state;
    static const row_spec costs[] = {
        {"Kansli", NULL, CATEGORY_ADMINISTRATION, {2250}},
        {"Styrelse", NULL, CATEGORY_BOARD, {210}},
        {"Insatser", NULL, CATEGORY_INDIVIDUAL, {7450}},
    };
    const struct {
        int64_t printed;
        const char *cause;
    } cases[] = {
        {7660, "the row “Kansli” (2" NB "250) seems left out"},
        {10120, "the row “Styrelse” (210) seems counted twice"},
        {9190, "two digits seem swapped"},
        {9911, "rounding: the total seems taken from amounts before they were rounded"},
        {9000, "no single row explains it: a row or the total seems mistyped"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        budget b = one_column(&fx->mem, costs, 3, cases[i].printed);
        budget_figures f = budget_compute(&fx->mem, &b);
        assert_int_equal(f.columns[0].costs, 9910);
        size_t before = fx->dl.count;
        budget_cross_check(&b, &f, &fx->dl);
        assert_int_equal(fx->dl.count, before + 1);
        const char *msg = fx->dl.items[before].message;
        assert_non_null(strstr(msg, "costs 2024 (budget): the printed total is "));
        assert_non_null(strstr(msg, cases[i].cause));
    }
}

/* 10 000 rows of 10^12 kr add up to 10^16; two rows near 2^63 overflow and
 * are an error, not a wrong total. */
static void large_amounts_add_up_or_are_refused(void **state)
{
    test_fixture *fx = *state;
    enum { N = 10000 };
    row_spec *big = test_calloc(N, sizeof *big);
    for (size_t i = 0; i < N; i++)
        big[i] = (row_spec){"Insats", NULL, CATEGORY_INDIVIDUAL, {1000000000000}};
    budget b = one_column(&fx->mem, big, N, 10000000000000000);
    test_free(big);
    budget_figures f = budget_compute(&fx->mem, &b);
    assert_false(f.columns[0].overflow);
    assert_int_equal(f.columns[0].costs, 10000000000000000);
    assert_int_equal(f.columns[0].result, -10000000000000000);
    cost_split s;
    assert_true(budget_cost_split(&f, 0, &s));
    int64_t shares[COST_CLASSES];
    assert_true(budget_cost_shares(&s, 1000, shares));
    assert_int_equal(shares[COST_INDIVIDUAL], 1000);
    budget_cross_check(&b, &f, &fx->dl);
    assert_int_equal(fx->dl.count, 0);

    static const row_spec huge[] = {
        {"A", NULL, CATEGORY_OTHER, {INT64_MAX}},
        {"B", NULL, CATEGORY_OTHER, {1}},
    };
    b = one_column(&fx->mem, huge, 2, 0);
    f = budget_compute(&fx->mem, &b);
    assert_true(f.columns[0].overflow);
    assert_false(budget_cost_split(&f, 0, &s));
    budget_cross_check(&b, &f, &fx->dl);
    assert_int_equal(fx->dl.errors, 1);
    assert_int_equal(fx->dl.warnings, 0);
    assert_non_null(strstr(fx->dl.items[0].message, "too large to add up"));
}

#define TEST(name) cmocka_unit_test_setup_teardown(name, test_setup, test_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(samsund_totals_match_the_seed),
        TEST(samsund_group_totals),
        TEST(samsund_printed_totals_are_named),
        TEST(samsund_total_is_explained_by_the_allocation),
        TEST(samsund_cost_split),
        TEST(samspelet_totals_and_remainders),
        TEST(samspelet_carries_its_remainder_forward),
        TEST(samspelet_cost_split),
        TEST(samspelet_total_without_the_buffer),
        cmocka_unit_test(variance_in_amount_and_percent),
        TEST(hoglandet_result_is_a_budget_variance),
        TEST(names_the_likely_cause),
        TEST(large_amounts_add_up_or_are_refused),
    };
    return cmocka_run_group_tests_name("budget", tests, NULL, NULL);
}
