/* Loading plans: the samples load cleanly; bad values are reported with
 * file, line, column and key path, all of them in one run. */
#include <stdio.h>
#include <string.h>

#include "budget.h"
#include "format.h"
#include "load.h"

#include "test_support.h"

static const char association_yaml[] = "association:\n"
                                       "  name: Samordningsförbundet Test\n"
                                       "  members:\n"
                                       "    - {name: Försäkringskassan, kind: state}\n";

static void samsund_sample_loads_cleanly(void **state)
{
    test_fixture *f = *state;
    plan *p = load_plan(&f->mem, "../plans/samsund/plan-2024.yaml", &f->dl);
    diag_print_all(&f->dl, stderr);
    assert_non_null(p);
    assert_int_equal(f->dl.errors, 0);
    assert_int_equal(p->year, 2024);
    assert_string_equal(p->assoc->short_name, "Samsund");
    assert_int_equal(p->budget.ncolumns, 5);
    assert_int_equal(p->budget.nincome, 6);
    assert_int_equal(p->budget.ncosts, 10);
    assert_int_equal(p->budget.costs[5].cells[2].amount, 230);
    assert_false(p->budget.costs[5].cells[3].present);
}

static void reports_every_error_with_its_key_path(void **state)
{
    test_fixture *f = *state;
    write_file(f, "association.yaml", association_yaml);
    const char *path =
        write_file(f, "plan-2024.yaml",
                   "plan:\n"
                   "  year: 2024\n"
                   "  titel: Plan\n"
                   "  decided: {date: 2023-02-30, by: styrelsen}\n"
                   "  budget:\n"
                   "    columns: [{year: 2024, kind: budget}]\n"
                   "    income:\n"
                   "      - {label: A, category: allocation, values: [12x]}\n"
                   "    costs:\n"
                   "      - {label: B, category: admin, values: [99999999999999999999]}\n");
    assert_null(load_plan(&f->mem, path, &f->dl));

    const diag *d = find_diag(f, "unknown key \"titel\"; did you mean \"title\"?");
    assert_non_null(d);
    assert_int_equal(d->line, 3);
    assert_int_equal(d->col, 3);

    assert_non_null(find_diag(f, "missing key \"title\""));
    d = find_diag(f, "2023-02-30 is not a date that exists");
    assert_non_null(d);
    assert_string_equal(d->path, "plan.decided.date");

    d = find_diag(f, "expected a whole number");
    assert_non_null(d);
    assert_string_equal(d->path, "plan.budget.income[0].values[0]");
    assert_int_equal(d->line, 8);

    d = find_diag(f, "expected one of allocation");
    assert_non_null(d);
    assert_string_equal(d->path, "plan.budget.costs[0].category");

    d = find_diag(f, "out of range");
    assert_non_null(d);
    assert_string_equal(d->path, "plan.budget.costs[0].values[0]");
}

static void a_row_needs_one_amount_per_column(void **state)
{
    test_fixture *f = *state;
    write_file(f, "association.yaml", association_yaml);
    const char *path =
        write_file(f, "plan-2024.yaml",
                   "plan:\n"
                   "  year: 2024\n"
                   "  title: Plan\n"
                   "  budget:\n"
                   "    columns: [{year: 2024, kind: budget}, {year: 2025, kind: budget}]\n"
                   "    income: []\n"
                   "    costs:\n"
                   "      - {label: B, category: board, values: [1]}\n");
    assert_null(load_plan(&f->mem, path, &f->dl));
    const diag *d = find_diag(f, "expected 2 amounts, one per budget column, found 1");
    assert_non_null(d);
    assert_string_equal(d->path, "plan.budget.costs[0].values");
}

/* A table that prints its costs negative says so once; the costs are then
 * kept as the amounts spent, so the result comes out right. */
static void costs_printed_negative_compute_as_costs(void **state)
{
    test_fixture *f = *state;
    write_file(f, "association.yaml", association_yaml);
    const char *path =
        write_file(f, "plan-2024.yaml",
                   "plan:\n"
                   "  year: 2024\n"
                   "  title: Plan\n"
                   "  budget:\n"
                   "    unit: kr\n"
                   "    signs: costs_negative\n"
                   "    columns: [{year: 2024, kind: budget}]\n"
                   "    income:\n"
                   "      - {label: A, category: allocation, values: [29100000]}\n"
                   "    costs:\n"
                   "      - {label: Kansliet, category: administration, values: [-3200000]}\n"
                   "      - {label: Tom, category: board, values: [~]}\n"
                   "    printed_totals: {costs: [-3200000]}\n");
    plan *p = load_plan(&f->mem, path, &f->dl);
    diag_print_all(&f->dl, stderr);
    assert_non_null(p);
    assert_true(p->budget.costs_negative);
    assert_int_equal(p->budget.costs[0].cells[0].amount, 3200000);
    assert_false(p->budget.costs[1].cells[0].present);
    assert_int_equal(p->budget.printed.costs[0].amount, 3200000);
}

/* Without the convention a negative cost is an error, not income. */
static void a_negative_cost_is_an_error(void **state)
{
    test_fixture *f = *state;
    write_file(f, "association.yaml", association_yaml);
    const char *path =
        write_file(f, "plan-2024.yaml",
                   "plan:\n"
                   "  year: 2024\n"
                   "  title: Plan\n"
                   "  budget:\n"
                   "    columns: [{year: 2024, kind: budget}]\n"
                   "    income:\n"
                   "      - {label: A, category: allocation, values: [100]}\n"
                   "    costs:\n"
                   "      - {label: Kansliet, category: administration, values: [-32]}\n");
    assert_null(load_plan(&f->mem, path, &f->dl));
    const diag *d = find_diag(f, "a cost typed negative");
    assert_non_null(d);
    assert_string_equal(d->path, "plan.budget.costs[0].values[0]");
    assert_int_equal(d->line, 9);
}

/* plan-2024.yaml saying 2025 is an error at the year; a file named otherwise
 * is not checked. */
static void the_year_inside_matches_the_file_name(void **state)
{
    test_fixture *f = *state;
    write_file(f, "association.yaml", association_yaml);
    const char *body = "plan:\n  year: 2025\n  title: Plan\n";
    assert_null(load_plan(&f->mem, write_file(f, "plan-2024.yaml", body), &f->dl));
    const diag *d = find_diag(f, "the file is named plan-2024.yaml but the year inside it is 2025");
    assert_non_null(d);
    assert_string_equal(d->path, "plan.year");
    assert_int_equal(d->line, 2);
    size_t errors = f->dl.errors;
    assert_non_null(load_plan(&f->mem, write_file(f, "plan-2025.yaml", body), &f->dl));
    assert_non_null(load_plan(&f->mem, write_file(f, "utkast.yaml", body), &f->dl));
    assert_int_equal(f->dl.errors, errors);
}

/* A part placed between two paragraphs of a section's text is checked as a
 * `show` entry and keeps its place among the pieces. */
static void a_part_inside_a_sections_text(void **state)
{
    test_fixture *f = *state;
    write_file(f, "association.yaml", association_yaml);
    const char *plan_yaml = "plan:\n"
                            "  year: 2024\n"
                            "  title: Plan\n"
                            "  sections:\n"
                            "    - heading: Mål\n"
                            "      body: |\n"
                            "        Före.\n"
                            "\n"
                            "        ```part goal_areas.%s\n"
                            "        ```\n"
                            "\n"
                            "        Efter.\n"
                            "      show: [goal_areas]\n"
                            "  goal_areas:\n"
                            "    - {id: individ, title: Individer}\n";
    plan *p = load_plan(&f->mem, write_file(f, "plan-2024.yaml", arena_printf(&f->mem, plan_yaml, "individ")),
                        &f->dl);
    diag_print_all(&f->dl, stderr);
    assert_non_null(p);
    const plan_section *s = &p->sections[0];
    assert_int_equal(s->npieces, 4);
    assert_string_equal(s->pieces[0].text, "Före.\n\n");
    assert_null(s->pieces[1].text);
    assert_int_equal(s->pieces[1].part.kind, PART_GOAL_AREA);
    assert_string_equal(s->pieces[2].text, "\nEfter.\n");
    assert_int_equal(s->pieces[3].part.kind, PART_GOAL_AREAS);
    assert_true(p->goal_area_shown[0]);

    assert_null(load_plan(&f->mem,
                          write_file(f, "plan-2024.yaml", arena_printf(&f->mem, plan_yaml, "indvid")),
                          &f->dl));
    const diag *d = find_diag(f, "no goal area \"indvid\"; did you mean \"individ\"?");
    assert_non_null(d);
    assert_string_equal(d->path, "plan.sections[0].body");
    assert_int_equal(d->line, 9);
}

/* Targets of the whole association and of a goal area, shown by sections
 * like an intervention's, and outcomes referring to them: with "goal_area",
 * or with no owner for the association's. */
static void association_and_goal_area_targets(void **state)
{
    test_fixture *f = *state;
    write_file(f, "association.yaml", association_yaml);
    write_file(f, "plan-2024.yaml",
               "plan:\n"
               "  year: 2024\n"
               "  title: Plan\n"
               "  sections:\n"
               "    - {heading: Mätbara mål, show: [targets]}\n"
               "    - {heading: Struktur, show: [goal_areas.struktur.targets]}\n"
               "  targets:\n"
               "    - {id: individer, text: Minst 320 individer tar del av de finansierade "
               "insatserna, comparator: at_least, value: 320, unit: individer}\n"
               "    - {id: egen, text: Minst 30 % avslutas till egen försörjning, comparator: "
               "at_least, value: 30, unit: \"%\"}\n"
               "  goal_areas:\n"
               "    - id: struktur\n"
               "      title: Struktur\n"
               "      targets:\n"
               "        - {id: frukost, text: minst fem frukostmöten, comparator: at_least, value: "
               "5, unit: frukostmöten}\n");
    const char *outcome_path = write_file(f, "outcome-2024.yaml",
                                          "outcome:\n"
                                          "  year: 2024\n"
                                          "  targets:\n"
                                          "    - {target: individer, value: 341}\n"
                                          "    - {goal_area: struktur, target: frukost, value: 4}\n"
                                          "    - {target: egen, value: 31.5}\n");
    outcome *o = load_outcome(&f->mem, outcome_path, &f->dl);
    diag_print_all(&f->dl, stderr);
    assert_non_null(o);
    const plan *p = o->plan_of_year;
    assert_int_equal(p->ntargets, 2);
    assert_int_equal(p->targets[1].value, 3000);
    assert_true(p->targets[1].percent);
    assert_int_equal(p->goal_areas[0].ntargets, 1);
    assert_int_equal(p->goal_areas[0].targets[0].value, 500);
    assert_int_equal(p->sections[0].shows[0].kind, PART_PLAN_TARGETS);
    assert_int_equal(p->sections[1].shows[0].kind, PART_GOAL_AREA_TARGETS);
    assert_true(p->targets_shown);
    assert_true(p->goal_area_shown[0]);
    assert_int_equal(o->ntargets, 3);
    assert_int_equal(o->targets[0].owner, TARGETS_OF_PLAN);
    assert_int_equal(o->targets[0].target, 0);
    assert_int_equal(o->targets[1].owner, TARGETS_OF_GOAL_AREA);
    assert_int_equal(o->targets[1].index, 0);
    assert_int_equal(o->targets[2].value, 3150);

    write_file(f, "outcome-2024.yaml",
               "outcome:\n"
               "  year: 2024\n"
               "  targets:\n"
               "    - {target: frukost, value: 4}\n"
               "    - {goal_area: struktur, intervention: x, target: frukost, met: true}\n");
    assert_null(load_outcome(&f->mem, outcome_path, &f->dl));
    const diag *d = find_diag(f, "no target of the plan (plan.targets) with id \"frukost\"");
    assert_non_null(d);
    assert_string_equal(d->path, "outcome.targets[0].target");
    d = find_diag(f, "a target outcome refers to the targets of an intervention or of a goal "
                     "area, not both: leave out \"intervention\" or \"goal_area\"");
    assert_non_null(d);
    assert_int_equal(d->line, 5);
}

/* A table as printed: costs first, the first column's head and the column
 * heads as printed, no result line, a refund that reduces income typed with
 * its minus; and the errors where the typing goes against the table. */
static void a_budget_table_as_printed(void **state)
{
    test_fixture *f = *state;
    write_file(f, "association.yaml", association_yaml);
    const char *plan_yaml =
        "plan:\n"
        "  year: 2018\n"
        "  title: Plan\n"
        "  budget:\n"
        "    unit: kr\n"
        "    order: costs_first\n"
        "    header: Verksamhet\n"
        "    columns: [{year: 2018, kind: budget, label: FÖRSLAG 2018}]\n"
        "    income:\n"
        "      - {label: Medlemsavgifter, category: allocation, values: [1000000]}\n"
        "      - {label: Återbetalning, category: other, reduces: true, values: [%s]}\n"
        "    costs:\n"
        "      - {label: Kansliet, category: administration, values: [%s]}\n"
        "    labels: {costs_heading: Utgifter}\n"
        "    omit: [%s]\n"
        "%s";
    const char *path = write_file(
        f, "plan-2018.yaml", arena_printf(&f->mem, plan_yaml, "-50000", "600000", "result", ""));
    plan *p = load_plan(&f->mem, path, &f->dl);
    diag_print_all(&f->dl, stderr);
    assert_non_null(p);
    const budget *b = &p->budget;
    assert_true(b->costs_first);
    assert_string_equal(b->header, "Verksamhet");
    assert_string_equal(b->columns[0].label, "FÖRSLAG 2018");
    assert_string_equal(b->labels.costs_heading, "Utgifter");
    assert_true(b->omitted.result);
    assert_false(b->omitted.income);
    assert_true(b->income[1].reduces);
    assert_int_equal(b->income[1].cells[0].amount, -50000);
    budget_figures fig = budget_compute(&f->mem, b);
    assert_int_equal(fig.columns[0].income, 950000);
    assert_int_equal(fig.columns[0].result, 350000);

    /* a refund typed positive, an income typed negative, a line left out
     * that printed_totals gives */
    write_file(f, "plan-2018.yaml",
               arena_printf(&f->mem, plan_yaml, "50000", "600000", "costs",
                            "    printed_totals: {costs: [600000]}\n"));
    assert_null(load_plan(&f->mem, path, &f->dl));
    const diag *d = find_diag(f, "Återbetalning reduces income (\"reduces: true\") but is typed "
                                 "positive (50" NBSP "000): type it with its minus, as printed");
    assert_non_null(d);
    assert_string_equal(d->path, "plan.budget.income[1].values[0]");
    d = find_diag(f, "the costs line is left out, but printed_totals gives it: the source prints "
                     "it or not");
    assert_non_null(d);
    assert_string_equal(d->path, "plan.budget.omit[0]");
    write_file(f, "plan-2018.yaml",
               "plan:\n  year: 2018\n  title: Plan\n  budget:\n"
               "    columns: [{year: 2018, kind: budget}]\n"
               "    income: [{label: Återbetalning, category: other, values: [-50]}]\n"
               "    costs: [{label: Kansliet, category: administration, values: [10]}]\n");
    assert_null(load_plan(&f->mem, path, &f->dl));
    d = find_diag(f, "an income typed negative (" MINUS "50): a row that reduces income, such as a refund "
                     "(återbetalning), says so with \"reduces: true\"");
    assert_non_null(d);
    assert_int_equal(d->line, 6);
}

/* Headings numbered as printed: the plan numbers them, a section types its
 * own number or none. */
static void headings_numbered_as_printed(void **state)
{
    test_fixture *f = *state;
    write_file(f, "association.yaml", association_yaml);
    const char *path = write_file(f, "plan-2024.yaml",
                                  "plan:\n"
                                  "  year: 2024\n"
                                  "  title: Plan\n"
                                  "  heading_numbers: auto\n"
                                  "  sections:\n"
                                  "    - {heading: Inledning, body: Text.}\n"
                                  "    - {heading: Budget, number: 9.0, body: Text.}\n"
                                  "    - {heading: Bilaga, number: false, body: Text.}\n");
    plan *p = load_plan(&f->mem, path, &f->dl);
    diag_print_all(&f->dl, stderr);
    assert_non_null(p);
    assert_true(p->numbered);
    assert_null(p->sections[0].number);
    assert_string_equal(p->sections[1].number, "9.0");
    assert_true(p->sections[2].unnumbered);
    assert_false(p->sections[1].unnumbered);

    write_file(f, "plan-2024.yaml",
               "plan:\n  year: 2024\n  title: Plan\n  heading_numbers: yes\n"
               "  sections:\n    - {number: 3, show: [budget]}\n");
    assert_null(load_plan(&f->mem, path, &f->dl));
    assert_non_null(find_diag(f, "expected one of none, auto; found \"yes\""));
    const diag *d = find_diag(f, "a section without a heading has no heading to number");
    assert_non_null(d);
    assert_string_equal(d->path, "plan.sections[0].number");
}

/* An intervention financed until further notice, with its whole budget and
 * its financiers' parts, and the facts its text does not say already. */
static void an_intervention_as_the_plan_shows_it(void **state)
{
    test_fixture *f = *state;
    write_file(f, "association.yaml", association_yaml);
    const char *plan_yaml = "plan:\n"
                            "  year: 2018\n"
                            "  title: Plan\n"
                            "  interventions:\n"
                            "    - id: unga\n"
                            "      name: Unga vuxna\n"
                            "      owner: Norrviks kommun\n"
                            "      period: {from: 2016, to: %s}\n"
                            "      unit: kr\n"
                            "      total_budget: 2400000\n"
                            "      financing: [{by: ESF, amount: 600000}, {by: MUCF, amount: 150000}]\n"
                            "      facts: %s\n";
    const char *path =
        write_file(f, "plan-2018.yaml", arena_printf(&f->mem, plan_yaml, "open", "[period, financing]"));
    plan *p = load_plan(&f->mem, path, &f->dl);
    diag_print_all(&f->dl, stderr);
    assert_non_null(p);
    const intervention *iv = &p->interventions[0];
    assert_true(iv->open_ended);
    assert_int_equal(iv->from.year, 2016);
    assert_int_equal(iv->to.year, 0);
    assert_int_equal(iv->unit, UNIT_KR);
    assert_int_equal(iv->total_budget.value, 2400000);
    assert_int_equal(iv->nfinancing, 2);
    assert_string_equal(iv->financing[1].by, "MUCF");
    assert_int_equal(iv->financing[1].amount.value, 150000);
    assert_int_equal(iv->facts, FACT_PERIOD | FACT_FINANCING);

    write_file(f, "plan-2018.yaml", arena_printf(&f->mem, plan_yaml, "2017", "[]"));
    p = load_plan(&f->mem, path, &f->dl);
    assert_non_null(p);
    assert_false(p->interventions[0].open_ended);
    assert_int_equal(p->interventions[0].facts, 0);

    write_file(f, "plan-2018.yaml", arena_printf(&f->mem, plan_yaml, "tills vidare", "[owner, periods]"));
    assert_null(load_plan(&f->mem, path, &f->dl));
    const diag *d = find_diag(f, "expected a year, year and month or date (2025, 2025-10, "
                                 "2025-10-31) or open (until further notice), found \"tills vidare\"");
    assert_non_null(d);
    assert_string_equal(d->path, "plan.interventions[0].period.to");
    d = find_diag(f, "expected one of owner, period, budget, total_budget, financing; found "
                     "\"periods\"; did you mean \"period\"?");
    assert_non_null(d);
    assert_string_equal(d->path, "plan.interventions[0].facts[1]");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(samsund_sample_loads_cleanly, test_setup_with_folder,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(reports_every_error_with_its_key_path,
                                        test_setup_with_folder, test_teardown),
        cmocka_unit_test_setup_teardown(a_row_needs_one_amount_per_column, test_setup_with_folder,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(costs_printed_negative_compute_as_costs,
                                        test_setup_with_folder, test_teardown),
        cmocka_unit_test_setup_teardown(a_negative_cost_is_an_error, test_setup_with_folder,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(the_year_inside_matches_the_file_name,
                                        test_setup_with_folder, test_teardown),
        cmocka_unit_test_setup_teardown(a_part_inside_a_sections_text, test_setup_with_folder,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(association_and_goal_area_targets,
                                        test_setup_with_folder, test_teardown),
        cmocka_unit_test_setup_teardown(a_budget_table_as_printed, test_setup_with_folder,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(headings_numbered_as_printed, test_setup_with_folder,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(an_intervention_as_the_plan_shows_it,
                                        test_setup_with_folder, test_teardown),
    };
    return cmocka_run_group_tests_name("load", tests, NULL, NULL);
}
