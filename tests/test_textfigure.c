/* Figures written into a section's text by reference ({=budget.costs}):
 * how they are found and resolved (textfigure.c), the errors for an unknown
 * one at the line:col typed, their values (figures.c) and the text the
 * template gets with each printed in its place (context_plan.c). */
#include <string.h>

#include "check.h"
#include "context.h"
#include "figures.h"
#include "format.h"
#include "load.h"

#include "test_support.h"

static const char association_yaml[] =
    "association:\n"
    "  name: Samordningsförbundet Prov\n"
    "  members:\n"
    "    - {name: Försäkringskassan, kind: state}\n"
    "    - {name: Arbetsförmedlingen, kind: state}\n"
    "    - {name: Region Prov, kind: region}\n"
    "    - {name: Provs kommun, short_name: Prov, kind: municipality}\n"
    "    - {name: Ödeby kommun, short_name: Ödeby, kind: municipality}\n";

/* A plan whose first section's body is `body` (lines indented 8). */
static const char *plan_with(test_fixture *f, const char *body)
{
    write_file(f, "association.yaml", association_yaml);
    char *yaml = arena_printf(
        &f->mem,
        "plan:\n"
        "  year: 2025\n"
        "  title: Plan\n"
        "  sections:\n"
        "    - heading: Ekonomi\n"
        "      body: |\n"
        "%s"
        "  allocation:\n"
        "    unit: kr\n"
        "    entries:\n"
        "      - {members: [Försäkringskassan, Arbetsförmedlingen], label: Staten, amount: 1000000}\n"
        "      - {members: Region Prov, amount: 500000}\n"
        "      - {members: Provs kommun, amount: 300000}\n"
        "      - {members: Ödeby kommun, amount: 200000}\n"
        "  budget:\n"
        "    unit: tkr\n"
        "    columns: [{year: 2025, kind: budget}, {year: 2026, kind: forecast}]\n"
        "    income:\n"
        "      - {label: Från parterna, category: allocation, values: [2000, 2000]}\n"
        "      - {label: Eget kapital, category: equity, values: [500, ~]}\n"
        "    costs:\n"
        "      - {label: Kansli, category: administration, values: [625, 640]}\n"
        "      - {label: Insatser, category: individual, values: [1875, 1300]}\n",
        body);
    return write_file(f, "plan-2025.yaml", yaml);
}

static plan *load(test_fixture *f, const char *body)
{
    return load_plan(&f->mem, plan_with(f, body), &f->dl);
}

static void resolves_each_kind(void **state)
{
    test_fixture *f = *state;
    plan *p = load(f, "        A {=allocation} {=allocation.total tkr} {=allocation[Prov]}\n"
                      "        {=allocation[Staten].part} {=budget.costs} {=budget[2026].result}\n"
                      "        {=budget.row[Kansli].share} {=budget[2026 forecast].row[Insatser] kr}\n");
    assert_non_null(p);
    const plan_section *s = &p->sections[0];
    assert_int_equal(s->nfigures, 8);
    assert_int_equal(s->figures[0].kind, FIGURE_ALLOCATION_TOTAL);
    assert_int_equal(s->figures[1].kind, FIGURE_ALLOCATION_TOTAL);
    assert_true(s->figures[1].in_unit);
    assert_int_equal(s->figures[1].unit, UNIT_TKR);
    assert_int_equal(s->figures[2].kind, FIGURE_ALLOCATION_ENTRY);
    assert_int_equal(s->figures[2].index, 2); /* by the member's short name */
    assert_int_equal(s->figures[3].kind, FIGURE_ALLOCATION_PART);
    assert_int_equal(s->figures[4].kind, FIGURE_BUDGET_TOTAL);
    assert_int_equal(s->figures[4].total, TOTAL_LINE_COSTS);
    assert_int_equal(s->figures[4].column, 0); /* the budget column of the plan's year */
    assert_int_equal(s->figures[5].column, 1);
    assert_int_equal(s->figures[6].kind, FIGURE_BUDGET_SHARE);
    assert_int_equal(s->figures[6].side, SIDE_COSTS);
    assert_int_equal(s->figures[7].kind, FIGURE_BUDGET_ROW);
    assert_int_equal(s->figures[7].index, 1);
    assert_int_equal(s->figures[7].column, 1);
    /* where each stands: the line after "body: |" is line 7 */
    assert_int_equal(s->figures[0].pos.line, 7);
    assert_int_equal(s->figures[0].pos.col, 11);
    assert_string_equal(s->figures[2].source, "{=allocation[Prov]}");
}

static const char *printed(test_fixture *f, const plan *p, size_t i)
{
    plan_checked pc = check_plan(&f->mem, p, &f->dl);
    const char *why;
    figure_value v = figures_value(&f->mem, p, &pc.budget, &p->sections[0].figures[i], &why);
    assert_true(v.ok);
    return figures_format(&f->mem, &v);
}

static void values_as_the_tables_print_them(void **state)
{
    test_fixture *f = *state;
    plan *p = load(f, "        {=allocation} {=allocation tkr} {=allocation[Ödeby].part}\n"
                      "        {=budget.income} {=budget[2026].result} {=budget.row[Kansli].share}\n"
                      "        {=budget[2026].row[Insatser] kr} {=budget.row[Eget kapital]}\n");
    assert_non_null(p);
    assert_string_equal(printed(f, p, 0), "2" NBSP "000" NBSP "000" NBSP "kr");
    assert_string_equal(printed(f, p, 1), "2" NBSP "000" NBSP "tkr");
    assert_string_equal(printed(f, p, 2), "10,0" NBSP "%"); /* 200 000 of 2 000 000 */
    assert_string_equal(printed(f, p, 3), "2" NBSP "500" NBSP "tkr");
    assert_string_equal(printed(f, p, 4), "60" NBSP "tkr"); /* 2 000 − 1 940 */
    assert_string_equal(printed(f, p, 5), "25,0" NBSP "%"); /* 625 of 2 500 */
    assert_string_equal(printed(f, p, 6), "1" NBSP "300" NBSP "000" NBSP "kr");
    assert_string_equal(printed(f, p, 7), "500" NBSP "tkr");
    assert_int_equal(f->dl.errors, 0);
}

static void the_template_gets_the_figures_in_place(void **state)
{
    test_fixture *f = *state;
    plan *p = load(f, "        Tilldelningen är {=allocation tkr}.\n"
                      "\n"
                      "        ```part budget\n"
                      "        ```\n"
                      "\n"
                      "        Kostnaderna är {=budget.costs}; `{=kod}` och \\{=inte}.\n");
    assert_non_null(p);
    plan_checked pc = check_plan(&f->mem, p, &f->dl);
    plan_facts facts = {.checked = &pc};
    value *ctx = context_for_checked_plan(&f->mem, p, &facts);
    const value *pieces = value_at(ctx, "sections.0.pieces");
    assert_non_null(pieces);
    assert_string_equal(value_at(pieces, "0.text")->as.str.s,
                        "Tilldelningen är 2" NBSP "000" NBSP "tkr.\n\n");
    assert_true(value_at(pieces, "1.budget_here") != NULL);
    assert_string_equal(value_at(pieces, "2.text")->as.str.s,
                        "\nKostnaderna är 2" NBSP "500" NBSP "tkr; `{=kod}` och \\{=inte}.\n");
    const value *body = value_at(ctx, "sections.0.body");
    assert_non_null(strstr(body->as.str.s, "är 2" NBSP "000" NBSP "tkr."));
    assert_non_null(strstr(body->as.str.s, "är 2" NBSP "500" NBSP "tkr;"));
}

static void code_is_left_alone(void **state)
{
    test_fixture *f = *state;
    plan *p = load(f, "        ```\n"
                      "        {=budgte}\n"
                      "        ```\n"
                      "        `{=x}` ``a {=y} b`` \\{=z}\n");
    assert_non_null(p);
    assert_int_equal(p->sections[0].nfigures, 0);
}

static const diag *error_saying(test_fixture *f, const char *body, const char *needle)
{
    assert_null(load(f, body));
    return expect_diag(f, needle);
}

static void unknown_references_at_their_place(void **state)
{
    test_fixture *f = *state;
    const diag *d = error_saying(f, "        Kostnaderna {=budget.cost} och {=budgte.income}.\n",
                                 "{=budget.cost}: unknown total \"cost\"; did you mean \"costs\"?");
    assert_int_equal(d->line, 7);
    assert_int_equal(d->col, 30); /* at "cost" */
    assert_string_equal(d->path, "plan.sections[0].body");
    d = expect_diag(f, "{=budgte.income}: unknown name \"budgte\"; did you mean \"budget\"?");
    assert_int_equal(d->col, 42);
}

static void unknown_names_get_suggestions(void **state)
{
    test_fixture *f = *state;
    error_saying(f, "        {=budget.row[Kanslí]}\n",
                 "the budget has no row \"Kanslí\"; did you mean \"Kansli\"?");
}

static void unknown_entry(void **state)
{
    test_fixture *f = *state;
    error_saying(f, "        {=allocation[Ödby]}\n",
                 "the allocation has no entry \"Ödby\"; did you mean \"Ödeby\"?");
}

static void unknown_column(void **state)
{
    test_fixture *f = *state;
    error_saying(f, "        {=budget[2027].costs}\n",
                 "the budget has no column \"2027\"; its columns: 2025 budget, 2026 forecast");
}

static void wrong_unit_and_shares_without_units(void **state)
{
    test_fixture *f = *state;
    error_saying(f, "        {=budget.costs mnkr} {=allocation[Prov].part kr}\n",
                 "unknown unit \"mnkr\": expected kr or tkr");
    expect_diag(f, "{=allocation[Prov].part kr}: a share is in percent: it takes no unit");
}

static void unclosed_reference(void **state)
{
    test_fixture *f = *state;
    const diag *d = error_saying(f, "        Se {=budget.costs\n        här}.\n",
                                 "it is not closed: write } after it, on the same line");
    assert_int_equal(d->line, 7);
    assert_int_equal(d->col, 12);
}

static void an_empty_cell_cannot_be_printed(void **state)
{
    test_fixture *f = *state;
    plan *p = load(f, "        {=budget[2026].row[Eget kapital]}\n");
    assert_non_null(p);
    check_plan(&f->mem, p, &f->dl);
    const diag *d = expect_diag(f, "the figure {=budget[2026].row[Eget kapital]} cannot be "
                                   "printed: the row has no amount in that column");
    assert_int_equal(d->severity, DIAG_ERROR);
    assert_int_equal(d->line, 7);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(resolves_each_kind, test_setup_with_folder, test_teardown),
        cmocka_unit_test_setup_teardown(values_as_the_tables_print_them, test_setup_with_folder,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(the_template_gets_the_figures_in_place,
                                        test_setup_with_folder, test_teardown),
        cmocka_unit_test_setup_teardown(code_is_left_alone, test_setup_with_folder, test_teardown),
        cmocka_unit_test_setup_teardown(unknown_references_at_their_place, test_setup_with_folder,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(unknown_names_get_suggestions, test_setup_with_folder,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(unknown_entry, test_setup_with_folder, test_teardown),
        cmocka_unit_test_setup_teardown(unknown_column, test_setup_with_folder, test_teardown),
        cmocka_unit_test_setup_teardown(wrong_unit_and_shares_without_units,
                                        test_setup_with_folder, test_teardown),
        cmocka_unit_test_setup_teardown(unclosed_reference, test_setup_with_folder, test_teardown),
        cmocka_unit_test_setup_teardown(an_empty_cell_cannot_be_printed, test_setup_with_folder,
                                        test_teardown),
    };
    return cmocka_run_group_tests_name("textfigure", tests, NULL, NULL);
}
