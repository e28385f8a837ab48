/* Checked money arithmetic and exact ratios. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "money.h"

static void adds_and_refuses_overflow(void **state)
{
    (void)state;
    int64_t r = 7;
    assert_true(money_add(1000000000000, 2000000000000, &r));
    assert_int_equal(r, 3000000000000);
    assert_false(money_add(INT64_MAX, 1, &r));
    assert_int_equal(r, 3000000000000);
    assert_false(money_sub(INT64_MIN, 1, &r));
    assert_true(money_sub(9016, 10590, &r));
    assert_int_equal(r, -1574);
}

/* Tenths of a percent, half away from zero: 273.6 of 1 520 is 18.0 %,
 * 1 of 8 is 12.5 % (125 tenths exactly), 1 of 16 is 6.25 % → 6.3 %,
 * −1 of 16 → −6.3 %, 2 319 of 10 006 is 23.176… % → 23.2 %. */
static void shares_round_half_away_from_zero(void **state)
{
    (void)state;
    int64_t t;
    assert_true(money_share_tenths(274, 1520, &t));
    assert_int_equal(t, 180);
    assert_true(money_share_tenths(1, 8, &t));
    assert_int_equal(t, 125);
    assert_true(money_share_tenths(1, 16, &t));
    assert_int_equal(t, 63);
    assert_true(money_share_tenths(-1, 16, &t));
    assert_int_equal(t, -63);
    assert_true(money_share_tenths(1, -16, &t));
    assert_int_equal(t, -63);
    assert_true(money_share_tenths(2319, 10006, &t));
    assert_int_equal(t, 232);
    assert_false(money_share_tenths(1, 0, &t));
}

static void multiplies_past_64_bits(void **state)
{
    (void)state;
    int64_t r;
    /* 10^12 × 10^12 / 10^12 needs 10^24 on the way */
    assert_true(money_muldiv(1000000000000, 1000000000000, 1000000000000, &r));
    assert_int_equal(r, 1000000000000);
    assert_true(money_muldiv(INT64_MAX, INT64_MAX, INT64_MAX, &r));
    assert_int_equal(r, INT64_MAX);
    assert_false(money_muldiv(INT64_MAX, 2, 1, &r));
    assert_false(money_muldiv(1, 1, 0, &r));
    assert_true(money_muldiv(5, 1, 2, &r)); /* 2.5 → 3 */
    assert_int_equal(r, 3);
    assert_true(money_muldiv(-5, 1, 2, &r));
    assert_int_equal(r, -3);
}

static void compares_ratios_exactly(void **state)
{
    (void)state;
    /* 2 001 of 10 005 is exactly 20 %; 2 002 of 10 005 is above */
    assert_int_equal(money_compare_ratio(2001, 10005, 20, 100), 0);
    assert_true(money_compare_ratio(2002, 10005, 20, 100) > 0);
    assert_true(money_compare_ratio(INT64_MAX - 1, INT64_MAX, 1, 1) < 0);
}

static void tells_swapped_digits(void **state)
{
    (void)state;
    assert_true(money_digits_swapped(1028, 1082));
    assert_true(money_digits_swapped(-9190, -9910));
    assert_false(money_digits_swapped(1028, 1028));
    assert_false(money_digits_swapped(1028, -1082));
    assert_false(money_digits_swapped(100, 10));
    assert_false(money_digits_swapped(9016, 9017));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(adds_and_refuses_overflow),
        cmocka_unit_test(shares_round_half_away_from_zero),
        cmocka_unit_test(multiplies_past_64_bits),
        cmocka_unit_test(compares_ratios_exactly),
        cmocka_unit_test(tells_swapped_digits),
    };
    return cmocka_run_group_tests_name("money", tests, NULL, NULL);
}
