/* Loading plans: the samples load cleanly; bad values are reported with
 * file, line, column and key path, all of them in one run. */
#include <stdio.h>
#include <string.h>

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
    };
    return cmocka_run_group_tests_name("load", tests, NULL, NULL);
}
