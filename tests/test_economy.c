/* The economy of an outcome year, on the Jönköping slides (seed 002):
 * figures worked out by hand from the slides. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "economy.h"

#define NB "\xc2\xa0"
#define F(v)                                                                                       \
    {                                                                                              \
        (v), true,                                                                                 \
        {                                                                                          \
            "o.yaml", 5, 3                                                                         \
        }                                                                                          \
    }

static cost_share split[] = {
    {CATEGORY_INDIVIDUAL, "individinriktade insatser", 5500, {"o.yaml", 20, 5}},
    {CATEGORY_STRUCTURAL, "strukturövergripande insatser", 2500, {"o.yaml", 21, 5}},
    {CATEGORY_ADMINISTRATION, "administration", 1500, {"o.yaml", 22, 5}},
    {CATEGORY_OTHER, "ny verksamhet", 500, {"o.yaml", 23, 5}},
};

/* Höglandet 2023: income 8 169 803 kr, of which member contributions
 * 8 036 000; cost budget 8 054 000; costs 7 745 914; "Resultat 308 086";
 * split 55/25/15/5; equity 1 639 471; budget 2024 in 8 036 000, out 8 236 000. */
static outcome hoglandet(void)
{
    return (outcome){.year = 2023,
                     .unit = UNIT_KR,
                     .budget = F(8054000),
                     .income = F(8169803),
                     .allocation = F(8036000),
                     .costs = F(7745914),
                     .equity = F(1639471),
                     .printed_result = {308086, true, {"o.yaml", 9, 19}},
                     .cost_split = split,
                     .ncost_split = 4,
                     .next = {.year = 2024, .income = F(8036000), .costs = F(8236000)}};
}

static void hoglandet_figures(void **state)
{
    (void)state;
    outcome o = hoglandet();
    outcome_figures f = economy_compute(&o);
    assert_true(f.has_result);
    assert_int_equal(f.result, 423889);
    assert_true(f.has_variance);
    assert_int_equal(f.costs_variance.amount, -308086);
    assert_int_equal(f.costs_variance.tenths, -38);
    assert_true(f.has_equity_share);
    assert_int_equal(f.equity_tenths, 204);
    assert_true(f.has_next_result);
    assert_int_equal(f.next_result, -200000);
    assert_true(f.has_stated_split);
    assert_int_equal(f.stated_split[COST_INDIVIDUAL], 5500);
    assert_int_equal(f.stated_split[COST_OTHER], 500);
    assert_false(f.has_split); /* no amounts by category */
    assert_true(f.basis.has_equity);
    assert_true(f.basis.has_budgeted_costs);
    assert_false(f.basis.has_costs);
}

/* The slides name three cost rows (SE-Höglandet 3 760 701, Uppdrag Samverkan
 * 1 735 511, Psykiatriveckan 20 000): 5 516 212 of 7 745 914 is no split. */
static void a_few_rows_are_no_split(void **state)
{
    (void)state;
    outcome_amount rows[] = {{"SE-Höglandet", CATEGORY_INDIVIDUAL, 3760701, -1, false, {0}},
                             {"Uppdrag Samverkan", CATEGORY_STRUCTURAL, 1735511, -1, false, {0}},
                             {"Psykiatriveckan 2023", CATEGORY_STRUCTURAL, 20000, -1, false, {0}}};
    outcome o = hoglandet();
    o.rows = rows;
    o.nrows = 3;
    outcome_figures f = economy_compute(&o);
    assert_false(f.has_split);
    arena mem;
    arena_init(&mem);
    diag_list dl;
    diag_list_init(&dl, &mem);
    economy_check(&o, &f, &dl);
    assert_int_equal(dl.warnings, 1); /* the result only */
    arena_free(&mem);
}

static void hoglandet_result_is_named(void **state)
{
    (void)state;
    arena mem;
    arena_init(&mem);
    diag_list dl;
    diag_list_init(&dl, &mem);
    outcome o = hoglandet();
    outcome_figures f = economy_compute(&o);
    economy_check(&o, &f, &dl);
    assert_int_equal(dl.warnings, 1);
    assert_int_equal(dl.items[0].line, 9);
    assert_string_equal(dl.items[0].message,
                        "result 2023: the printed result is 308" NB "086 but income − costs is "
                        "423" NB "889 (8" NB "169" NB "803 − 7" NB "745" NB "914); likely cause: "
                        "it is the budget minus the costs (8" NB "054" NB "000 − 7" NB "745" NB
                        "914), not income minus costs");
    arena_free(&mem);
}

/* Södra Vätterbygden: budget 9 579 500, outcome 9 097 400, 74/10/16 %;
 * Finnveden: 6 409 000 and 5 782 200, 63/24/13 %, budget 2024 5 944 500 of
 * which 200 000 for new work. Nothing to warn about. */
static void sodra_vatterbygden_and_finnveden(void **state)
{
    (void)state;
    arena mem;
    arena_init(&mem);
    diag_list dl;
    diag_list_init(&dl, &mem);
    cost_share sv[] = {{CATEGORY_INDIVIDUAL, NULL, 7400, {0}},
                       {CATEGORY_STRUCTURAL, NULL, 1000, {0}},
                       {CATEGORY_ADMINISTRATION, NULL, 1600, {0}}};
    outcome o = {.year = 2023,
                 .budget = F(9579500),
                 .costs = F(9097400),
                 .cost_split = sv,
                 .ncost_split = 3};
    outcome_figures f = economy_compute(&o);
    assert_int_equal(f.costs_variance.amount, -482100);
    assert_int_equal(f.costs_variance.tenths, -50);
    assert_false(f.has_result);
    economy_check(&o, &f, &dl);
    cost_share fv[] = {{CATEGORY_INDIVIDUAL, NULL, 6300, {0}},
                       {CATEGORY_STRUCTURAL, NULL, 2400, {0}},
                       {CATEGORY_ADMINISTRATION, NULL, 1300, {0}}};
    outcome_amount of_which[] = {
        {"disponibel ny verksamhet", CATEGORY_OTHER, 200000, -1, false, {0}}};
    o = (outcome){
        .year = 2023,
        .budget = F(6409000),
        .costs = F(5782200),
        .cost_split = fv,
        .ncost_split = 3,
        .next = {.year = 2024, .total = F(5944500), .of_which = of_which, .nof_which = 1}};
    f = economy_compute(&o);
    assert_int_equal(f.costs_variance.amount, -626800);
    assert_int_equal(f.costs_variance.tenths, -98);
    economy_check(&o, &f, &dl);
    assert_int_equal(dl.count, 0);
    of_which[0].amount = 6000000;
    economy_check(&o, &f, &dl);
    assert_int_equal(dl.count, 1);
    assert_non_null(strstr(dl.items[0].message, "add up to 6" NB "000" NB "000, more than the "
                                                "whole 5" NB "944" NB "500"));
    arena_free(&mem);
}

/* Printed shares that make 99 %, and shares that the amounts contradict:
 * 7 400 individual, 1 000 structural, 1 600 administration (board 300) of
 * 10 000 is 74/10/16 %, so a printed 70 % individual is named. */
static void cost_split_against_amounts(void **state)
{
    (void)state;
    arena mem;
    arena_init(&mem);
    diag_list dl;
    diag_list_init(&dl, &mem);
    cost_share printed[] = {{CATEGORY_INDIVIDUAL, NULL, 7000, {"o.yaml", 30, 5}},
                            {CATEGORY_STRUCTURAL, NULL, 1000, {0}},
                            {CATEGORY_ADMINISTRATION, NULL, 1600, {0}}};
    outcome_amount categories[] = {
        {NULL, CATEGORY_INDIVIDUAL, 7400, -1, false, {"o.yaml", 40, 5}},
        {NULL, CATEGORY_STRUCTURAL, 1000, -1, false, {0}},
        {NULL, CATEGORY_ADMINISTRATION, 1300, -1, false, {0}},
        {NULL, CATEGORY_BOARD, 300, -1, false, {0}},
    };
    outcome o = {.year = 2023,
                 .costs = F(10000),
                 .cost_split = printed,
                 .ncost_split = 3,
                 .categories = categories,
                 .ncategories = 4};
    outcome_figures f = economy_compute(&o);
    assert_true(f.has_split);
    assert_int_equal(f.split.amount[COST_ADMINISTRATION], 1600);
    assert_int_equal(f.split_tenths[COST_INDIVIDUAL], 740);
    assert_true(f.basis.has_costs);
    assert_int_equal(f.basis.admin_costs, 1600);
    economy_check(&o, &f, &dl);
    assert_int_equal(dl.warnings, 2);
    assert_string_equal(dl.items[0].message,
                        "cost split 2023: the printed shares add up to 96" NB "% but should make "
                        "100" NB "%");
    assert_string_equal(dl.items[1].message, "cost split 2023: the individual share is printed as "
                                             "70" NB "% but the amounts make it 74,0" NB "%");
    /* categories that do not make the costs give no split, and are named */
    o.costs.value = 10100;
    f = economy_compute(&o);
    assert_false(f.has_split);
    assert_false(f.basis.has_costs);
    economy_check(&o, &f, &dl);
    assert_int_equal(dl.warnings, 4);
    assert_string_equal(dl.items[3].message, "costs 2023: the amounts by category add up to "
                                             "10" NB "000 but the costs are 10" NB "100");
    arena_free(&mem);
}

static void allocation_above_income(void **state)
{
    (void)state;
    arena mem;
    arena_init(&mem);
    diag_list dl;
    diag_list_init(&dl, &mem);
    outcome o = {.year = 2023, .income = F(8036000), .allocation = F(8169803)};
    outcome_figures f = economy_compute(&o);
    economy_check(&o, &f, &dl);
    assert_int_equal(dl.warnings, 1);
    assert_non_null(strstr(dl.items[0].message, "the member allocation 8" NB "169" NB
                                                "803 is more than the whole income"));
    arena_free(&mem);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hoglandet_figures),
        cmocka_unit_test(hoglandet_result_is_named),
        cmocka_unit_test(a_few_rows_are_no_split),
        cmocka_unit_test(sodra_vatterbygden_and_finnveden),
        cmocka_unit_test(cost_split_against_amounts),
        cmocka_unit_test(allocation_above_income),
    };
    return cmocka_run_group_tests_name("economy", tests, NULL, NULL);
}
