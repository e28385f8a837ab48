/* Swedish typography of running text: quotes, dashes in ranges, no-break
 * spaces in numbers, before % and units of money, and in dates; and what
 * is left as typed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "typography.h"

#define NB "\xC2\xA0"
#define EN "\xE2\x80\x93"

static void check(const char *in, const char *want)
{
    arena mem;
    arena_init(&mem);
    assert_string_equal(typography_swedish(&mem, in), want);
    arena_free(&mem);
}

static void quotes(void **state)
{
    (void)state;
    check("han sa \"nej\" till det", "han sa \xE2\x80\x9Dnej\xE2\x80\x9D till det");
    check("Finsam's modell", "Finsam\xE2\x80\x99s modell");
}

static void ranges(void **state)
{
    (void)state;
    check("Verksamhetsplan 2018-2020", "Verksamhetsplan 2018" EN "2020");
    check("Budget 2024 - 2026", "Budget 2024" EN "2026");
    check("personer 16-64 år", "personer 16" EN "64 år");
    check("insats - och sedan", "insats " EN " och sedan");
}

static void no_break_spaces(void **state)
{
    (void)state;
    check("överskott som är 20%.", "överskott som är 20" NB "%.");
    check("(35 %)", "(35" NB "%)");
    check("12,5 % av kostnaderna", "12,5" NB "% av kostnaderna");
    check("mellan 5 000 och 12 500 000", "mellan 5" NB "000 och 12" NB "500" NB "000");
    check("bildades 1 juli, 2006", "bildades 1" NB "juli, 2006");
}

/* A number keeps its unit of money on its line, after its groups too. */
static void units(void **state)
{
    (void)state;
    check("Budgeten är 750 000 kr, ca 20 % och 2 000 tkr.",
          "Budgeten är 750" NB "000" NB "kr, ca 20" NB "% och 2" NB "000" NB "tkr.");
    check("1,5 mnkr och 3 mkr", "1,5" NB "mnkr och 3" NB "mkr");
    check("mellan 5 000 och 12 500 000 kr", "mellan 5" NB "000 och 12" NB "500" NB "000" NB "kr");
}

static void left_as_typed(void **state)
{
    (void)state;
    const char *same[] = {
        "möte 2024-02-23 kl. 9",    /* an ISO date */
        "ring 08-706 80 37",        /* a telephone number */
        "Lag (2003:1210) om",       /* a law */
        "perioden 2026-2024",       /* not a range forwards */
        "sidorna 3-5 i bilagan",    /* a range of what is not sure */
        "ESF-projekt och IT-spåret", /* words with hyphens */
        "år 2024 200 personer",     /* a year before a figure */
        "version 1.500 000",        /* inside another number */
        "-5 grader",
        "5 kronor och 7 krukor",    /* words that start like a unit */
        "år 2024 var det 5 personer", /* no unit, no groups */
    };
    arena mem;
    arena_init(&mem);
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++)
        assert_ptr_equal(typography_swedish(&mem, same[i]), same[i]);
    arena_free(&mem);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(quotes),
        cmocka_unit_test(ranges),
        cmocka_unit_test(no_break_spaces),
        cmocka_unit_test(units),
        cmocka_unit_test(left_as_typed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
