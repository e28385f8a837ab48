/* Swedish number, percent and date formatting. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "format.h"

static void groups_thousands_with_no_break_space(void **state)
{
    (void)state;
    char buf[FORMAT_BUF];
    assert_string_equal(format_int(buf, 0), "0");
    assert_string_equal(format_int(buf, 999), "999");
    assert_string_equal(format_int(buf, 10014), "10" NBSP "014");
    assert_string_equal(format_int(buf, 1000000), "1" NBSP "000" NBSP "000");
}

static void negative_amounts_use_the_minus_sign(void **state)
{
    (void)state;
    char buf[FORMAT_BUF];
    assert_string_equal(format_int(buf, -745), MINUS "745");
    assert_string_equal(format_int(buf, -1573), MINUS "1" NBSP "573");
    assert_string_equal(format_int(buf, INT64_MIN), MINUS "9" NBSP "223" NBSP "372" NBSP "036" NBSP
                                                          "854" NBSP "775" NBSP "808");
}

static void decimals_use_a_comma(void **state)
{
    (void)state;
    char buf[FORMAT_BUF];
    assert_string_equal(format_fixed(buf, 12345, 1), "1" NBSP "234,5");
    assert_string_equal(format_fixed(buf, -5, 2), MINUS "0,05");
}

static void percentages_round_and_keep_a_space(void **state)
{
    (void)state;
    char buf[FORMAT_BUF];
    assert_string_equal(format_percent(buf, 500, 0), "50" NBSP "%");
    assert_string_equal(format_percent(buf, 205, 0), "21" NBSP "%");
    assert_string_equal(format_percent(buf, 205, 1), "20,5" NBSP "%");
    assert_string_equal(format_percent(buf, -205, 0), MINUS "21" NBSP "%");
}

static void years_and_dates_are_never_grouped(void **state)
{
    (void)state;
    char buf[FORMAT_BUF];
    assert_string_equal(format_year(buf, 2024), "2024");
    assert_string_equal(format_year(buf, 0), "0");
    assert_string_equal(format_year(buf, -12), "-12");
    assert_string_equal(format_date(buf, (date){2024, 2, 23}), "2024-02-23");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(groups_thousands_with_no_break_space),
        cmocka_unit_test(negative_amounts_use_the_minus_sign),
        cmocka_unit_test(decimals_use_a_comma),
        cmocka_unit_test(percentages_round_and_keep_a_space),
        cmocka_unit_test(years_and_dates_are_never_grouped),
    };
    return cmocka_run_group_tests_name("format", tests, NULL, NULL);
}
