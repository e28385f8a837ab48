/* Budget totals and cross-checks, on the Samsund plan 2024 (seed 000). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "budget.h"
#include "load.h"

static void samsund_totals_match_the_seed(void **state)
{
    (void)state;
    arena mem;
    arena_init(&mem);
    diag_list dl;
    diag_list_init(&dl, &mem);
    plan *p = load_plan(&mem, "../plans/samsund/plan-2024.yaml", &dl);
    assert_non_null(p);
    budget_figures f = budget_compute(&mem, &p->budget);
    /* Figures added up by hand from the seed's rows. */
    const int64_t income[] = {10014, 7883, 9016, 9010, 6406};
    const int64_t costs[] = {10759, 6855, 10590, 10190, 6266};
    const int64_t result[] = {-745, 1028, -1574, -1180, 140};
    for (size_t c = 0; c < 5; c++) {
        assert_int_equal(f.columns[c].income, income[c]);
        assert_int_equal(f.columns[c].costs, costs[c]);
        assert_int_equal(f.columns[c].result, result[c]);
    }
    budget_cross_check(&p->budget, &f, &dl);
    assert_int_equal(dl.errors, 0);
    assert_int_equal(dl.warnings, 2);
    assert_non_null(strstr(dl.items[0].message, "income 2024 (budget): the printed total is 9"));
    assert_non_null(strstr(dl.items[0].message, "017 but the rows add up to 9"));
    assert_non_null(strstr(dl.items[1].message, "result 2024"));
    arena_free(&mem);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(samsund_totals_match_the_seed),
    };
    return cmocka_run_group_tests_name("budget", tests, NULL, NULL);
}
