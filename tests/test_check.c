/* The report of `planpress check` and its exit status, on the samples and on
 * plans built here (figures worked out by hand from seeds 000 and 003). */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "load.h"

#include "budget_fixtures.h"
#include "test_support.h"

static int run(test_fixture *fx, const char *path, bool strict)
{
    const char *paths[] = {path};
    check_options opt = {.strict = strict};
    return check_files(paths, 1, &opt, &fx->out, &fx->dl);
}

static void has_line(const strbuf *out, const char *text)
{
    if (!strstr(out->data, text))
        fail_msg("the report lacks “%s”:\n%s", text, out->data);
}

/* A line that starts with `label` and holds `a` and then `b`. */
static void has_row(const strbuf *out, const char *label, const char *a, const char *b)
{
    for (const char *line = out->data; line && *line; line = strchr(line, '\n')) {
        line += *line == '\n';
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        char *copy = test_malloc(len + 1);
        memcpy(copy, line, len);
        copy[len] = '\0';
        const char *at = strstr(copy, label), *first = at ? strstr(at, a) : NULL;
        bool found = first && strstr(first + strlen(a), b);
        test_free(copy);
        if (found)
            return;
    }
    fail_msg("the report has no row “%s … %s … %s”:\n%s", label, a, b, out->data);
}

/* Seed 000: the report shows the budget's totals per column (the 2024
 * income as the rows add up, 9 016) and the three warnings; warnings alone
 * exit 0, and 1 with --strict. */
static void samsund_report(void **state)
{
    test_fixture *fx = *state;
    assert_int_equal(run(fx, "../plans/samsund/plan-2024.yaml", false), 0);
    has_line(&fx->out, "== ../plans/samsund/plan-2024.yaml\n");
    has_line(&fx->out, "Samordningsförbundet Samsund — Verksamhetsplan 2024\n");
    has_line(&fx->out, "2024 (budget)");
    has_line(&fx->out, "  income                 ");
    has_line(&fx->out, "9" NB "016");
    has_line(&fx->out, MINUS "1" NB "574");
    has_line(&fx->out, "administration share of costs");
    has_line(&fx->out, "23,2" NB "%"); /* 2 460 of 10 590 in 2024 */
    has_line(&fx->out, "0 errors, 3 warnings\n");
    has_line(&fx->out, "plan-2024.yaml:");
    has_line(&fx->out, ": warning: Upplands Bro 2024 (budget): the allocation is 273 but the "
                       "Finsam split gives 274");
    has_line(&fx->out, "warning: income 2024 (budget): the printed total is 9" NB "017 but the "
                       "rows add up to 9" NB "016; likely cause: it matches the rows with "
                       "Upplands Bro at 274");
    has_line(&fx->out, "warning: result 2024 (budget): the printed result is " MINUS "1" NB "573");
    assert_int_equal(fx->dl.warnings, 3);
    assert_int_equal(check_exit_status(&fx->dl, true), 1);
}

static void strict_makes_warnings_fail(void **state)
{
    test_fixture *fx = *state;
    assert_int_equal(run(fx, "../plans/samsund/plan-2024.yaml", true), 1);
}

static void an_association_file(void **state)
{
    test_fixture *fx = *state;
    assert_int_equal(run(fx, "../plans/samsund/association.yaml", true), 0);
    has_line(&fx->out, "Samordningsförbundet Samsund — 6 members: 2 of the state (50" NB
                       "%), 1 region (25" NB "%), 3 municipalities (25" NB "%)\n");
    has_line(&fx->out, "0 errors, 0 warnings\n");
}

/* A file of unknown kind and a plan that does not load are errors: exit 1,
 * and the run goes on to the next file. */
static void errors_fail_and_the_run_goes_on(void **state)
{
    test_fixture *fx = *state;
    const char *bad = write_file(fx, "plan-2024.yaml", "plan: [unclosed\n");
    const char *paths[] = {in_folder(fx, "notes.txt"), bad, "../plans/samsund/plan-2024.yaml"};
    check_options opt = {false};
    assert_int_equal(check_files(paths, 3, &opt, &fx->out, &fx->dl), 1);
    has_line(&fx->out, "error: cannot tell what this file is");
    has_line(&fx->out, "== ../plans/samsund/plan-2024.yaml\n");
    has_line(&fx->out, "0 errors, 3 warnings\n");
    assert_true(fx->dl.errors >= 2);
}

/* Seed 003's budget with its four mätpunkter: per column, the statuses
 * worked out by hand (see test_rules.c): 2025 administration 14,8 % met,
 * equity 23,2 % not met, buffer 700 met, budget held no data. */
static void samspelet_rules_in_the_report(void **state)
{
    test_fixture *fx = *state;
    financial_rule rules[] = {
        {"Beviljad budget hålls.", RULE_WITHIN_BUDGET, INT64_MIN, INT64_MAX, {0}},
        {"Eget kapital …", RULE_EQUITY_SHARE, INT64_MIN, 2000, {0}},
        {"En buffert …", RULE_BUFFER, 700, INT64_MAX, {0}},
        {"Administrativa kostnader …", RULE_ADMINISTRATION_SHARE, INT64_MIN, 2000, {0}},
    };
    association a = {.name = "Samordningsförbundet Samspelet", .parts = {5000, 2500, 2500}};
    plan p = {.assoc = &a,
              .year = 2025,
              .title = "Verksamhetsplan och budget för 2025",
              .budget = samspelet_budget(&fx->mem),
              .rules = rules,
              .nrules = 4};
    plan_checked pc = check_plan(&fx->mem, &p, &fx->dl);
    assert_int_equal(fx->dl.count, 0);
    const rule_status want[4][3] = {{RULE_NO_DATA, RULE_NO_DATA, RULE_NO_DATA},
                                    {RULE_NOT_MET, RULE_NOT_MET, RULE_NOT_MET},
                                    {RULE_MET, RULE_MET, RULE_MET},
                                    {RULE_MET, RULE_MET, RULE_NOT_MET}};
    for (size_t r = 0; r < 4; r++)
        for (size_t c = 0; c < 3; c++)
            assert_int_equal(pc.rules[r * 3 + c].status, want[r][c]);
    assert_int_equal(pc.rules[1 * 3 + 0].tenths, 232);
    assert_int_equal(pc.rules[3 * 3 + 0].tenths, 148);
    assert_true(pc.carry[1].applies);
    assert_int_equal(pc.carry[1].carried_in, 2319);
    assert_int_equal(pc.carry[2].carried_in, 2720);
}

/* Seed 003 as the sample types it: every printed total adds up; the rules
 * as worked out by hand (see test_rules.c). */
static void samspelet_sample(void **state)
{
    test_fixture *fx = *state;
    assert_int_equal(run(fx, "../plans/samspelet/plan-2025.yaml", true), 0);
    has_line(&fx->out, "0 errors, 0 warnings\n");
    has_line(&fx->out, "equity carried in");
    has_line(&fx->out, "income with reserves");
    has_line(&fx->out, "13" NB "426");
    has_line(&fx->out, "10" NB "186");
    has_line(&fx->out, "equity share of allocation ≤ 20" NB "%");
    has_line(&fx->out, "23,2" NB "% not met");
    has_line(&fx->out, "administration share of costs ≤ 20" NB "%");
    has_line(&fx->out, "14,8" NB "% met");
    has_line(&fx->out, "buffer ≥ 700 tkr");
    has_line(&fx->out, "700 met");
    has_line(&fx->out, "costs within the budget");
    has_line(&fx->out, "no data");
    has_line(&fx->out, "all targets: 0 met, 0 not met, ");

    plan *p = load_plan(&fx->mem, "../plans/samspelet/plan-2025.yaml", &fx->dl);
    assert_non_null(p);
    plan_checked pc = check_plan(&fx->mem, p, &fx->dl);
    assert_int_equal(fx->dl.count, 0);
    size_t ncol = p->budget.ncolumns;
    assert_int_equal(ncol, 3);
    const int64_t income[] = {12282, 12725, 12726}, costs[] = {9963, 10005, 2540},
                  result[] = {2319, 2720, 10186}, totalt[] = {12982, 13425, 13426};
    for (size_t c = 0; c < 3; c++) {
        assert_int_equal(pc.budget.columns[c].income, income[c]);
        assert_int_equal(pc.budget.columns[c].costs, costs[c]);
        assert_int_equal(pc.budget.columns[c].result, result[c]);
        assert_int_equal(pc.budget.columns[c].with_reserves, totalt[c]);
    }
    for (size_t r = 0; r < p->nrules; r++) {
        const rule_result *in2025 = &pc.rules[r * ncol];
        switch (p->rules[r].measure) {
        case RULE_WITHIN_BUDGET: assert_int_equal(in2025->status, RULE_NO_DATA); break;
        case RULE_EQUITY_SHARE:
            assert_int_equal(in2025->status, RULE_NOT_MET);
            assert_int_equal(in2025->part, 2319);
            assert_int_equal(in2025->whole, 10006);
            break;
        case RULE_BUFFER:
            assert_int_equal(in2025->status, RULE_MET);
            assert_int_equal(in2025->part, 700);
            break;
        case RULE_ADMINISTRATION_SHARE:
            assert_int_equal(in2025->status, RULE_MET);
            assert_int_equal(in2025->part, 1475);
            assert_int_equal(in2025->whole, 9963);
            break;
        }
    }
    assert_int_equal(p->nrules, 4);
}

/* Seed 002 as the samples type it: Höglandet's "Resultat 308 086" is the
 * budget less the costs; Södra Vätterbygden's FIA has 14 exits and 15
 * reasons; the group finds Höglandet counting all 17 of IT-spåret's
 * participants as its own where the joint intervention gives it 12. */
static void jonkoping_samples(void **state)
{
    test_fixture *fx = *state;
    const char *paths[] = {"../plans/hoglandet/outcome-2023.yaml",
                           "../plans/hoglandet/outcome-2022.yaml",
                           "../plans/sodra-vatterbygden/outcome-2023.yaml",
                           "../plans/finnveden/outcome-2023.yaml",
                           "../plans/jonkoping/group.yaml",
                           "../plans/jonkoping/minutes-2024-02-23.yaml"};
    check_options opt = {false};
    assert_int_equal(check_files(paths, 6, &opt, &fx->out, &fx->dl), 0);
    assert_int_equal(fx->dl.errors, 0);
    assert_int_equal(fx->dl.warnings, 3);
    assert_string_equal(fx->dl.items[0].message,
                        "result 2023: the printed result is 308" NB "086 but income − costs is "
                        "423" NB "889 (8" NB "169" NB "803 − 7" NB "745" NB "914); likely cause: "
                        "it is the budget minus the costs (8" NB "054" NB "000 − 7" NB "745" NB
                        "914), not income minus costs");
    assert_string_equal(fx->dl.items[1].message,
                        "participants 2023, FIA: the exit reasons add up to 15 but the exits are "
                        "14; likely cause: an exit counted under two reasons, or a reason "
                        "mistyped");
    assert_string_equal(fx->dl.items[2].message,
                        "IT-spåret 2023: Höglandet counts 17 participants of its own but the "
                        "joint intervention counts 12 for it; likely cause: the whole "
                        "intervention's participants are listed as the association's");
    /* the key figures, worked out by hand from the slides */
    has_line(&fx->out,
             "costs against the budget       " MINUS "308" NB "086   " MINUS "3,8" NB "%");
    has_line(&fx->out, "20,4" NB "% of the allocation");
    has_line(&fx->out, "participants 2023: 218 (women 98, 45,0" NB "%; men 120, 55,0" NB "%)");
    has_line(&fx->out, "participants 2022: 195 (women 85, 43,6" NB "%; men 110, 56,4" NB "%)");
    has_line(&fx->out, "participants 2023: 208 (women 109, 52,4" NB "%; men 99, 47,6" NB
                       "%), new 108, exits 74; to work or studies 15 of 74 (20,3" NB "%)");
    has_row(&fx->out, "costs against the budget", MINUS "482" NB "100", MINUS "5,0" NB "%");
    has_row(&fx->out, "costs against the budget", MINUS "626" NB "800", MINUS "9,8" NB "%");
    has_line(&fx->out, "participants 2023: 76, exits 31; to work or studies 3 of 31 (9,7" NB "%)");
    has_line(&fx->out, "cost split as printed: individual 74" NB "%, structural 10" NB
                       "%, administration 16" NB "%");
    has_line(&fx->out, "9 items, ");
    has_line(&fx->out, "4 signatures");
}

#define TEST(name) cmocka_unit_test_setup_teardown(name, test_setup, test_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(samsund_report),
        TEST(strict_makes_warnings_fail),
        TEST(an_association_file),
        cmocka_unit_test_setup_teardown(errors_fail_and_the_run_goes_on, test_setup_with_folder,
                                        test_teardown),
        TEST(samspelet_rules_in_the_report),
        TEST(samspelet_sample),
        TEST(jonkoping_samples),
    };
    return cmocka_run_group_tests_name("check", tests, NULL, NULL);
}
