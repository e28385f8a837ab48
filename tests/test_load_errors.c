/* Every class of loading error: each names file:line:col and the key path,
 * says what was expected and what was found, and a file reports all of its
 * problems in one run without stopping the files after it. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "load.h"

#include "test_support.h"

/* `path` NULL: the YAML reader's own errors, which name no key path. */
static void assert_at(const diag *d, int line, int col, const char *path)
{
    if (d->line != line || d->col != col)
        diag_print(d, stderr);
    assert_int_equal(d->line, line);
    assert_int_equal(d->col, col);
    if (path)
        assert_string_equal(d->path, path);
    else
        assert_null(d->path);
    assert_non_null(d->file);
}

static plan *plan_from(test_fixture *f, const char *body)
{
    write_file(f, "a/association.yaml", test_association_yaml);
    return load_plan(&f->mem, write_file(f, "a/plan-2024.yaml", body), &f->dl);
}

static void all_errors_of_a_file_in_one_run(void **state)
{
    test_fixture *f = *state;
    assert_null(plan_from(f, "plan:\n"
                             "  year: 2024\n"
                             "  title: Plan\n"
                             "  titel: Plan\n"
                             "  year: 2025\n"
                             "  decided: {date: 2023-02-29, by: styrelsen}\n"
                             "  goal_areas:\n"
                             "    - {id: a, title: A, goals: [x, [y]]}\n"
                             "  budget:\n"
                             "    columns: [{year: 2024, kind: budgt}]\n"
                             "    income: [{label: A, category: allocation, values: [1.5]}]\n"
                             "    costs: [{label: B, category: structual, values: [1]}]\n"));
    /* A duplicate key does not hide the problems after it. */
    assert_at(expect_diag(f, "duplicate key \"year\" (first given at line 2, column 3)"), 5, 3,
              NULL);
    assert_at(expect_diag(f, "unknown key \"titel\"; did you mean \"title\"?"), 4, 3, "plan");
    assert_at(expect_diag(f, "2023-02-29 is not a date that exists"), 6, 19, "plan.decided.date");
    assert_at(expect_diag(f, "expected text, found a list"), 8, 36, "plan.goal_areas[0].goals[1]");
    assert_at(expect_diag(f, "found \"budgt\"; did you mean \"budget\"?"), 10, 34,
              "plan.budget.columns[0].kind");
    assert_at(expect_diag(
                  f, "expected a whole number (digits only, no spaces or decimals), found \"1.5\""),
              11, 56, "plan.budget.income[0].values[0]");
    assert_at(expect_diag(f, "found \"structual\"; did you mean \"structural\"?"), 12, 34,
              "plan.budget.costs[0].category");
    assert_int_equal(f->dl.errors, 7);
}

static void amounts_that_overflow(void **state)
{
    test_fixture *f = *state;
    assert_null(plan_from(f,
                          "plan:\n"
                          "  year: 2024\n"
                          "  title: Plan\n"
                          "  budget:\n"
                          "    columns: [{year: 2024, kind: budget}, {year: 2025, kind: budget}]\n"
                          "    income: [{label: A, category: allocation, values: "
                          "[99999999999999999999, 10000000000000000]}]\n"
                          "    costs: []\n"));
    const diag *d = expect_diag(f, "99999999999999999999 is out of range");
    assert_at(d, 6, 56, "plan.budget.income[0].values[0]");
    assert_non_null(strstr(d->message, "expected a number from -1000000000000000 to"));
    assert_at(expect_diag(f, "10000000000000000 is out of range"), 6, 78,
              "plan.budget.income[0].values[1]");
}

static const char *const outcome_head = "outcome:\n  year: 2023\n  unit: kr\n";

static outcome *outcome_from(test_fixture *f, const char *rest)
{
    write_file(f, "a/association.yaml", test_association_yaml);
    const char *text = arena_printf(&f->mem, "%s%s", outcome_head, rest);
    return load_outcome(&f->mem, write_file(f, "a/outcome-2023.yaml", text), &f->dl);
}

static void negative_counts(void **state)
{
    test_fixture *f = *state;
    assert_null(outcome_from(f, "  participants:\n"
                                "    - {intervention: A, women: -3, men: 2,"
                                " exit_reasons: {work: -1, holiday: 2}}\n"));
    assert_at(expect_diag(f, "expected a count (0 or more), found the negative number -3"), 5, 32,
              "outcome.participants[0].women");
    assert_at(expect_diag(f, "found the negative number -1"), 5, 65,
              "outcome.participants[0].exit_reasons.work");
    assert_at(expect_diag(f, "unknown key \"holiday\""), 5, 69,
              "outcome.participants[0].exit_reasons");
}

static void percentages_above_100(void **state)
{
    test_fixture *f = *state;
    assert_null(outcome_from(f, "  cost_split:\n"
                                "    - {category: individual, percent: 120}\n"
                                "    - {category: structural, percent: 12.345}\n"));
    assert_at(expect_diag(f, "120 % is not a percentage: expected a number from 0 to 100"), 5, 39,
              "outcome.cost_split[0].percent");
    assert_at(expect_diag(
                  f, "expected a number with at most two decimals, such as 12.5, found \"12.345\""),
              6, 39, "outcome.cost_split[1].percent");

    f->dl.count = f->dl.errors = 0;
    assert_null(plan_from(f, "plan:\n"
                             "  year: 2024\n"
                             "  title: Plan\n"
                             "  allocation:\n"
                             "    entries: [{members: Testby, share: 100.5}]\n"
                             "  interventions:\n"
                             "    - id: x\n"
                             "      name: X\n"
                             "      targets:\n"
                             "        - {text: T, comparator: at_least, value: 150, unit: \"%\"}\n"
                             "  financial_rules:\n"
                             "    - {text: R, measure: administration_share, max: 101}\n"));
    assert_at(expect_diag(f, "100.5 % is not a percentage"), 5, 40,
              "plan.allocation.entries[0].share");
    assert_at(expect_diag(f, "150 % is not a percentage"), 10, 50,
              "plan.interventions[0].targets[0].value");
    assert_at(expect_diag(f, "101 % is not a percentage"), 12, 53, "plan.financial_rules[0].max");
}

static void impossible_dates_and_moments(void **state)
{
    test_fixture *f = *state;
    write_file(f, "a/association.yaml", test_association_yaml);
    const char *path =
        write_file(f, "a/minutes-2024-02-30.yaml",
                   "minutes:\n"
                   "  title: Möte\n"
                   "  date: 2024-02-30\n"
                   "  items:\n"
                   "    - {number: '1', title: A, actions: [{what: B, by: 2024-13-01}]}\n"
                   "  signatures:\n"
                   "    - {name: N, time: '2024-02-28 24:00:00 +01:00'}\n"
                   "  next_meeting: {date: 2025-00}\n");
    assert_null(load_minutes(&f->mem, path, &f->dl));
    assert_at(expect_diag(f, "2024-02-30 is not a date that exists"), 3, 9, "minutes.date");
    assert_at(expect_diag(f, "2024-13-01 is not a date that exists"), 5, 55,
              "minutes.items[0].actions[0].by");
    assert_at(expect_diag(f, "2024-02-28 24:00:00 +01:00 is not a moment that exists"), 7, 23,
              "minutes.signatures[0].time");
    assert_at(expect_diag(f, "2025-00 is not a date that exists"), 8, 24,
              "minutes.next_meeting.date");
}

static void references_that_name_nothing(void **state)
{
    test_fixture *f = *state;
    assert_null(plan_from(f, "plan:\n"
                             "  year: 2024\n"
                             "  title: Plan\n"
                             "  sections:\n"
                             "    - {heading: A, show: [goal_areas.strukturela, budget, "
                             "interventions.x.targt]}\n"
                             "  goal_areas:\n"
                             "    - {id: strukturella, title: S}\n"
                             "    - {id: strukturella, title: T}\n"
                             "  interventions:\n"
                             "    - {id: x, name: X, goal_area: individ, budget_row: Stegen}\n"
                             "  allocation:\n"
                             "    entries: [{members: [Testbyn], amount: 5}]\n"));
    assert_at(expect_diag(f, "no goal area \"strukturela\"; did you mean \"strukturella\"?"), 5, 27,
              "plan.sections[0].show[0]");
    assert_at(expect_diag(f, "the plan has no budget to show"), 5, 51, "plan.sections[0].show[1]");
    assert_at(
        expect_diag(f, "unexpected \"targt\" after \"interventions.x\"; did you mean \"targets\"?"),
        5, 59, "plan.sections[0].show[2]");
    assert_at(expect_diag(f, "the goal area \"strukturella\" is given twice"), 8, 7,
              "plan.goal_areas[1]");
    assert_at(expect_diag(f, "no goal area \"individ\""), 10, 35,
              "plan.interventions[0].goal_area");
    assert_at(
        expect_diag(f, "no member of the association named \"Testbyn\"; did you mean \"Testby\"?"),
        12, 26, "plan.allocation.entries[0].members[0]");
}

static void a_budget_row_for_an_intervention_must_exist(void **state)
{
    test_fixture *f = *state;
    assert_null(plan_from(f, "plan:\n"
                             "  year: 2024\n"
                             "  title: Plan\n"
                             "  interventions:\n"
                             "    - {id: x, name: X, budget_row: Stegen Kristinehamm}\n"
                             "  budget:\n"
                             "    columns: [{year: 2024, kind: budget}]\n"
                             "    income: []\n"
                             "    costs:\n"
                             "      - {label: Stegen Kristinehamn, category: individual, values: "
                             "[1], carried_forward: true}\n"));
    assert_at(
        expect_diag(f, "no cost row in the budget labelled \"Stegen Kristinehamm\"; did you mean "
                       "\"Stegen Kristinehamn\"?"),
        5, 36, "plan.interventions[0].budget_row");
    assert_at(expect_diag(f, "only an equity row can carry the result forward"), 10, 90,
              "plan.budget.costs[0].carried_forward");
}

static void outcomes_refer_to_the_plan_of_their_year(void **state)
{
    test_fixture *f = *state;
    assert_null(outcome_from(f, "  targets:\n"
                                "    - {intervention: x, target: y, value: 3}\n"
                                "  participants:\n"
                                "    - {intervention: A, by_association: {a: 1}}\n"));
    assert_at(expect_diag(f, "target outcomes refer to a plan, but there is no plan-2023.yaml"), 5,
              5, "outcome.targets");
    assert_at(expect_diag(f, "figures by association belong to a group's joint interventions"), 7,
              41, "outcome.participants[0].by_association");

    f->dl.count = f->dl.errors = 0;
    write_file(f, "a/plan-2023.yaml",
               "plan:\n"
               "  year: 2023\n"
               "  title: Plan\n"
               "  interventions:\n"
               "    - id: stegen\n"
               "      name: Stegen\n"
               "      targets:\n"
               "        - {id: deltagare, text: Minst 80, comparator: at_least, value: 80}\n"
               "        - {id: andel, text: 90 %, comparator: at_least, value: 90, unit: '%'}\n");
    outcome *o = outcome_from(f, "  targets:\n"
                                 "    - {intervention: stegen, target: deltagare, value: 85}\n"
                                 "    - {intervention: stegen, target: andel, value: 104}\n"
                                 "    - {intervention: stegn, target: andel, met: true}\n"
                                 "    - {intervention: stegen, target: deltagarna, met: yes}\n");
    assert_null(o);
    assert_at(expect_diag(f, "104 % is not a percentage"), 6, 52, "outcome.targets[1].value");
    assert_at(
        expect_diag(f, "no intervention in the plan with id \"stegn\"; did you mean \"stegen\"?"),
        7, 22, "outcome.targets[2].intervention");
    assert_at(
        expect_diag(f, "no target of stegen with id \"deltagarna\"; did you mean \"deltagare\"?"),
        8, 38, "outcome.targets[3].target");
    assert_at(expect_diag(f, "expected true or false, found \"yes\""), 8, 55,
              "outcome.targets[3].met");
    assert_int_equal(f->dl.errors, 4);
}

static void minutes_check_their_people(void **state)
{
    test_fixture *f = *state;
    write_file(f, "a/association.yaml", test_association_yaml);
    const char *path = write_file(f, "g/minutes-2024-02-23.yaml",
                                  "minutes:\n"
                                  "  title: Möte\n"
                                  "  associations: [a, b]\n"
                                  "  date: 2024-02-23\n"
                                  "  attendees: [Anna Ek, {name: Bo Ek, role: sekreterare}]\n"
                                  "  chair: Ana Ek\n"
                                  "  adjusters: [Anna Ek, Bo Ek, Cid Ek]\n"
                                  "  items:\n"
                                  "    - {number: '1', title: A}\n"
                                  "    - {number: '1', title: B}\n");
    assert_null(load_minutes(&f->mem, path, &f->dl));
    const diag *d = expect_diag(f, "Ana Ek is not among the attendees; did you mean Anna Ek?");
    assert_int_equal(d->severity, DIAG_WARNING);
    assert_at(d, 6, 10, "minutes.chair");
    assert_at(expect_diag(f, "expected one or two adjusters (justerare), found 3"), 7, 14,
              "minutes.adjusters");
    assert_at(expect_diag(f, "no association \"b\""), 3, 21, "minutes.associations[1]");
    assert_at(expect_diag(f, "the item number \"1\" is given twice"), 10, 7, "minutes.items[1]");
}

static void groups_split_joint_figures_by_their_own_associations(void **state)
{
    test_fixture *f = *state;
    write_file(f, "a/association.yaml", test_association_yaml);
    const char *path = write_file(f, "g/group.yaml",
                                  "group:\n"
                                  "  name: Länet\n"
                                  "  associations: [a]\n"
                                  "  joint_interventions:\n"
                                  "    - name: IT\n"
                                  "      participants:\n"
                                  "        - {women: 1, by_association: {b: 1}}\n");
    assert_null(load_group(&f->mem, path, &f->dl));
    assert_at(expect_diag(f, "no association in the group named \"b\""), 7, 39,
              "group.joint_interventions[0].participants[0].by_association");
    assert_at(expect_diag(f, "missing key \"year\""), 7, 11,
              "group.joint_interventions[0].participants[0]");
}

/* An alias bomb in a plan is refused at once, with one clear message. */
static void alias_bombs_and_nesting_in_bounded_time(void **state)
{
    test_fixture *f = *state;
    char *bomb = arena_printf(&f->mem, "plan:\n  year: 2024\n  title: T\n  x0: &a0 [1, 1, 1, 1, 1, "
                                       "1, 1, 1, 1, 1]\n");
    for (int i = 1; i < 12; i++)
        bomb = arena_printf(&f->mem,
                            "%s  x%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, "
                            "*a%d, *a%d, *a%d]\n",
                            bomb, i, i, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1,
                            i - 1, i - 1);
    clock_t start = clock();
    assert_null(plan_from(f, bomb));
    assert_true((double)(clock() - start) / CLOCKS_PER_SEC < 1.0);
    assert_int_equal(f->dl.errors, 1);
    expect_diag(f, "is it an alias bomb?");

    f->dl.count = f->dl.errors = 0;
    char *deep = arena_printf(&f->mem, "plan:\n  year: 2024\n  title: T\n  sections: ");
    for (int i = 0; i < 100; i++)
        deep = arena_printf(&f->mem, "%s[", deep);
    assert_null(plan_from(f, deep));
    assert_int_equal(f->dl.errors, 1);
    expect_diag(f, "nesting is deeper than 64 levels");
}

/* The loaders keep no state: a broken file leaves the next one alone. */
static void a_failing_file_does_not_stop_the_others(void **state)
{
    test_fixture *f = *state;
    write_file(f, "b/association.yaml", test_association_yaml);
    const char *bad = write_file(f, "b/plan-2024.yaml", "plan: {year: 2024, title: [x\n");
    write_file(f, "c/association.yaml", test_association_yaml);
    const char *good = write_file(f, "c/plan-2024.yaml", "plan: {year: 2024, title: Plan}\n");
    assert_null(load_plan(&f->mem, bad, &f->dl));
    size_t errors = f->dl.errors;
    assert_true(errors >= 1);
    plan *p = load_plan(&f->mem, good, &f->dl);
    assert_non_null(p);
    assert_string_equal(p->title, "Plan");
    assert_int_equal(f->dl.errors, errors);
}

int main(void)
{
#define TEST(name) cmocka_unit_test_setup_teardown(name, test_setup_with_folder, test_teardown)
    const struct CMUnitTest tests[] = {
        TEST(all_errors_of_a_file_in_one_run),
        TEST(amounts_that_overflow),
        TEST(negative_counts),
        TEST(percentages_above_100),
        TEST(impossible_dates_and_moments),
        TEST(references_that_name_nothing),
        TEST(a_budget_row_for_an_intervention_must_exist),
        TEST(outcomes_refer_to_the_plan_of_their_year),
        TEST(minutes_check_their_people),
        TEST(groups_split_joint_figures_by_their_own_associations),
        TEST(alias_bombs_and_nesting_in_bounded_time),
        TEST(a_failing_file_does_not_stop_the_others),
    };
    return cmocka_run_group_tests_name("load errors", tests, NULL, NULL);
}
