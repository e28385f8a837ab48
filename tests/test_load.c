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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(samsund_sample_loads_cleanly, test_setup_with_folder,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(reports_every_error_with_its_key_path,
                                        test_setup_with_folder, test_teardown),
        cmocka_unit_test_setup_teardown(a_row_needs_one_amount_per_column, test_setup_with_folder,
                                        test_teardown),
    };
    return cmocka_run_group_tests_name("load", tests, NULL, NULL);
}
