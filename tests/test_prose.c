/* The amounts a plan's text writes in digits (prose.c): which are read as
 * amounts and where, and the warnings where the text plainly contradicts
 * the tables, with the texts that must give none. */
#include <string.h>

#include "check.h"
#include "format.h"
#include "load.h"
#include "prose.h"

#include "test_support.h"

static const char association_yaml[] = "association:\n"
                                       "  name: Samordningsförbundet Prov\n"
                                       "  members:\n"
                                       "    - {name: Försäkringskassan, kind: state}\n"
                                       "    - {name: Arbetsförmedlingen, kind: state}\n"
                                       "    - {name: Region Prov, kind: region}\n"
                                       "    - {name: Provs kommun, short_name: Prov, kind: municipality}\n";

/* The plan-2018.yaml `yaml` beside the association, loaded and checked. */
static plan_checked check_yaml(test_fixture *f, const char *yaml)
{
    write_file(f, "association.yaml", association_yaml);
    plan *p = load_plan(&f->mem, write_file(f, "plan-2018.yaml", yaml), &f->dl);
    assert_non_null(p);
    return check_plan(&f->mem, p, &f->dl);
}

/* A plan in kr (as seed plans in kr print it) whose first section's body is
 * `body`, lines indented 8, and whose second section is `heading` over the
 * budget. */
static plan_checked checked(test_fixture *f, const char *body, const char *heading)
{
    const char *yaml = arena_printf(&f->mem,
                                    "plan:\n"
                                    "  year: 2018\n"
                                    "  title: Verksamhetsplan 2018\n"
                                    "  sections:\n"
                                    "    - heading: Ekonomi\n"
                                    "      body: |\n"
                                    "%s"
                                    "    - heading: %s\n"
                                    "      show: [budget]\n"
                                    "  budget:\n"
                                    "    title: Budget\n"
                                    "    unit: kr\n"
                                    "    columns: [{year: 2018, kind: budget}, {year: 2019, kind: forecast}]\n"
                                    "    income:\n"
                                    "      - {label: Medlemsavgifter, category: allocation, values: [5594000, 5594000]}\n"
                                    "      - {label: Egna medel, category: equity, values: [1762000, 900000]}\n"
                                    "    costs:\n"
                                    "      - {label: Kansli, category: administration, values: [1720000, 1800000]}\n"
                                    "      - {label: Insatser, category: individual, values: [5636000, 4694000]}\n",
                                    body, heading);
    return check_yaml(f, yaml);
}

static void lists_each_amount_with_its_place(void **state)
{
    test_fixture *f = *state;
    plan_checked pc = checked(f,
                              "        Vi får cirka 1 700 tkr, 30 % och 2,5 miljoner kronor.\n"
                              "        Kostnaden är 12 000 000 i budgeten, {=budget.costs} ej.\n",
                              "Budget");
    const prose_list *l = &pc.amounts;
    assert_int_equal(l->count, 4);
    assert_string_equal(l->items[0].text, "cirka 1 700 tkr");
    assert_int_equal(l->items[0].value, 1700);
    assert_int_equal(l->items[0].unit, PROSE_TKR);
    assert_int_equal(l->items[0].rounding, ROUNDING_ABOUT);
    assert_int_equal(l->items[0].pos.line, 7);
    assert_int_equal(l->items[0].pos.col, 16);
    assert_string_equal(l->items[0].key, "plan.sections[0].body");
    assert_string_equal(l->items[1].text, "30 %");
    assert_int_equal(l->items[1].unit, PROSE_PERCENT);
    assert_string_equal(l->items[2].text, "2,5 miljoner kronor");
    assert_int_equal(l->items[2].value, 25);
    assert_int_equal(l->items[2].decimals, 1);
    assert_int_equal(l->items[2].unit, PROSE_MNKR);
    assert_string_equal(l->items[3].text, "12 000 000");
    assert_int_equal(l->items[3].unit, PROSE_NO_UNIT);
    assert_int_equal(l->items[3].pos.line, 8);
}

static void numbers_that_are_no_amounts(void **state)
{
    test_fixture *f = *state;
    plan_checked pc = checked(f,
                              "        Under 2018 och 2019–2020 har vi 1 200 deltagare och 320 "
                              "individer.\n"
                              "        Ring 08-706 80 37, org.nr 222000-1234, den 2018-02-23 kl. "
                              "10.30; avsnitt 3.2.\n"
                              "        `5 000 kr` i kod\n"
                              "        ```\n"
                              "        7 000 kr i ett kodblock\n"
                              "        ```\n",
                              "Budget");
    for (size_t i = 0; i < pc.amounts.count; i++)
        fail_msg("read as an amount: \"%s\"", pc.amounts.items[i].text);
}

static void a_unit_that_does_not_fit(void **state)
{
    test_fixture *f = *state;
    checked(f, "        Medlemmarna tillför 5 594 000 miljoner kronor under 2018.\n"
               "        Det var 900 000 miljoner kronor.\n", "Budget");
    const diag *d = expect_diag(f, "\"5 594 000 miljoner kronor\": the unit does not fit: the "
                                   "table has 5" NBSP "594" NBSP "000 kr (Medlemsavgifter in 2018 (budget))");
    assert_int_equal(d->severity, DIAG_WARNING);
    assert_int_equal(d->line, 7);
    assert_int_equal(d->col, 29);
    /* a round amount, but out of all proportion to the tables (900 000 kr in 2019) */
    expect_diag(f, "\"900 000 miljoner kronor\": the unit does not fit");
}

static void a_heading_over_a_table_in_another_unit(void **state)
{
    test_fixture *f = *state;
    checked(f, "        Text.\n", "Budget 2018 (tkr)");
    const diag *d =
        expect_diag(f, "the heading \"Budget 2018 (tkr)\" names tkr, but the budget is in kr");
    assert_int_equal(d->line, 8);
    assert_int_equal(d->col, 29);
}

static void a_caption_just_before_the_table(void **state)
{
    test_fixture *f = *state;
    check_yaml(f, "plan:\n  year: 2018\n  title: Plan\n  sections:\n"
                  "    - heading: Budget\n      body: |\n"
                  "        Budgeten för året.\n\n        Belopp i tkr\n"
                  "      show: [budget]\n"
                  "  budget:\n    unit: kr\n    columns: [{year: 2018, kind: budget}]\n"
                  "    income: [{label: In, category: allocation, values: [10]}]\n"
                  "    costs: [{label: Ut, category: other, values: [5]}]\n");
    const diag *d = expect_diag(f, "the caption \"Belopp i tkr\" names tkr, but the budget is in kr");
    assert_int_equal(d->line, 9);
    assert_int_equal(d->col, 18);
}

static void an_amount_said_of_a_row(void **state)
{
    test_fixture *f = *state;
    checked(f, "        Till det kommer egna medel från tidigare år med ca 2 000 000.\n", "Budget");
    const diag *d = expect_diag(f, "\"ca 2 000 000\" is said of \"Egna medel\", but the table has "
                                   "1" NBSP "762" NBSP "000 kr in 2018 (budget): more than \"ca\" allows");
    assert_int_equal(d->line, 7);
    assert_int_equal(d->col, 57);
}

static void what_the_wording_allows(void **state)
{
    test_fixture *f = *state;
    /* 1 762 000 is "ca 1 800 000", "ca 1,8 miljoner", "drygt 1 700 000",
     * "knappt 1,8 miljoner"; the 2019 forecast of the row is 900 000 */
    checked(f,
            "        Egna medel ca 1 800 000 kr. Egna medel ca 1,8 miljoner kronor.\n"
            "        Egna medel drygt 1 700 000 kr. Egna medel knappt 1,8 miljoner.\n"
            "        Egna medel 900 000 kr under 2019. Kansli 1 720 tkr.\n"
            "        Egna medel samt överskott ca 3 000 000 kr.\n"
            "        Kansli 1 720 000 kr och insatser 5 636 000 kr.\n"
            "        Egna medel var 3 000 000 kr under 2016. Kostnad 900 000 tkr.\n",
            "Budget");
    assert_int_equal(f->dl.warnings, 0);
    checked(f, "        Egna medel drygt 1 800 000 kr.\n", "Budget");
    expect_diag(f, "more than \"drygt\" allows");
    checked(f, "        Egna medel knappt 1 700 000 kr.\n", "Budget");
    expect_diag(f, "more than \"knappt\" allows");
    checked(f, "        Kansli 1 762 000 kr.\n", "Budget");
    expect_diag(f, "\"1 762 000 kr\" is said of \"Kansli\", but the table has 1" NBSP "720" NBSP
                   "000 kr in 2018 (budget)");
}

static void descriptions_are_prose_too(void **state)
{
    test_fixture *f = *state;
    plan_checked pc = check_yaml(f, "plan:\n  year: 2018\n  title: Plan\n"
                                    "  interventions:\n    - id: b\n      name: B\n"
                                    "      owner: Prov\n"
                                    "      description: Insatsen får ca 1 500 000 kr.\n"
                                    "    - id: c\n      name: C\n"
                                    "      description: |\n        Budgeten är 250 tkr.\n");
    assert_int_equal(pc.amounts.count, 2);
    assert_string_equal(pc.amounts.items[0].key, "plan.interventions[0].description");
    assert_int_equal(pc.amounts.items[0].pos.line, 8);
    assert_int_equal(pc.amounts.items[0].pos.col, 33);
    assert_string_equal(pc.amounts.items[1].key, "plan.interventions[1].description");
    assert_int_equal(pc.amounts.items[1].pos.line, 12);
    assert_int_equal(pc.amounts.items[1].pos.col, 21);
}

static void the_samples_give_no_warning(void **state)
{
    test_fixture *f = *state;
    const char *samples[] = {"../plans/samsund/plan-2024.yaml", "../plans/samspelet/plan-2025.yaml",
                             "../plans/insjoriket/plan-2020.yaml"};
    for (size_t i = 0; i < 3; i++) {
        plan *p = load_plan(&f->mem, samples[i], &f->dl);
        assert_non_null(p);
        size_t before = f->dl.count;
        plan_checked pc = check_plan(&f->mem, p, &f->dl);
        for (size_t d = before; d < f->dl.count; d++)
            if (strstr(f->dl.items[d].message, "is said of") ||
                strstr(f->dl.items[d].message, "does not fit") ||
                strstr(f->dl.items[d].message, "names "))
                fail_msg("%s: %s", samples[i], f->dl.items[d].message);
        (void)pc;
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(lists_each_amount_with_its_place, test_setup_with_folder,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(numbers_that_are_no_amounts, test_setup_with_folder,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(a_unit_that_does_not_fit, test_setup_with_folder,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(a_heading_over_a_table_in_another_unit,
                                        test_setup_with_folder, test_teardown),
        cmocka_unit_test_setup_teardown(a_caption_just_before_the_table, test_setup_with_folder,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(an_amount_said_of_a_row, test_setup_with_folder,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(what_the_wording_allows, test_setup_with_folder,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(descriptions_are_prose_too, test_setup_with_folder,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(the_samples_give_no_warning, test_setup, test_teardown),
    };
    return cmocka_run_group_tests_name("prose", tests, NULL, NULL);
}
