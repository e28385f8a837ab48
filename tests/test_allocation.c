/* The largest-remainder split and the Finsam allocation, on the seeds'
 * figures (worked out by hand) and on many random wholes and weights. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "allocation.h"
#include "load.h"

__extension__ typedef __int128 wide;

#define NB "\xc2\xa0"

static void assert_parts(const int64_t *got, const int64_t *want, size_t n)
{
    for (size_t i = 0; i < n; i++)
        assert_int_equal(got[i], want[i]);
}

/* Seed 000: the 2024 municipal part 1 520 split 50/32/18 is 760 + 486.4 +
 * 273.6: the one unit left goes to the larger remainder, Upplands-Bro. */
static void splits_samsund_2024_municipalities(void **state)
{
    (void)state;
    const int64_t shares[] = {50, 32, 18};
    int64_t parts[3];
    assert_int_equal(split_largest_remainder(1520, shares, 3, parts), SPLIT_OK);
    assert_parts(parts, (int64_t[]){760, 486, 274}, 3);
}

static const finsam_party samsund[] = {
    {MEMBER_STATE, 0},         {MEMBER_REGION, 0},        {MEMBER_MUNICIPALITY, 50},
    {MEMBER_MUNICIPALITY, 32}, {MEMBER_MUNICIPALITY, 18},
};

/* Seed 000, 2023: 6 250 is 3 125 + 1 562.5 + 1 562.5; the region and the
 * municipalities tie on the half unit and have equal weights, so the earlier
 * (the region) gets it; 1 562 then splits 781 + 499.84 + 281.16. */
static void splits_samsund_2023_by_the_law(void **state)
{
    (void)state;
    int64_t kinds[FINSAM_KINDS], parts[5];
    assert_int_equal(finsam_split(6250, finsam_law_parts, samsund, 5, kinds, parts), SPLIT_OK);
    assert_parts(kinds, (int64_t[]){3125, 1563, 1562}, 3);
    assert_parts(parts, (int64_t[]){3125, 1563, 781, 500, 281}, 5);
}

static void splits_samsund_2024_by_the_law(void **state)
{
    (void)state;
    int64_t kinds[FINSAM_KINDS], parts[5];
    assert_int_equal(finsam_split(6080, finsam_law_parts, samsund, 5, kinds, parts), SPLIT_OK);
    assert_parts(kinds, (int64_t[]){3040, 1520, 1520}, 3);
    assert_parts(parts, (int64_t[]){3040, 1520, 760, 486, 274}, 5);
}

/* Seed 003: 10 006 000 kr gives the state 5 003 000, the region and the four
 * municipalities 2 501 500 each. */
static void splits_samspelet_2025_by_the_law(void **state)
{
    (void)state;
    const finsam_party parties[] = {
        {MEMBER_STATE, 0},
        {MEMBER_REGION, 0},
        {MEMBER_MUNICIPALITY, 1653492},
        {MEMBER_MUNICIPALITY, 287672},
        {MEMBER_MUNICIPALITY, 155093},
        {MEMBER_MUNICIPALITY, 405243},
    };
    int64_t kinds[FINSAM_KINDS], parts[6];
    assert_int_equal(finsam_split(10006000, finsam_law_parts, parties, 6, kinds, parts), SPLIT_OK);
    assert_parts(kinds, (int64_t[]){5003000, 2501500, 2501500}, 3);
    assert_parts(parts, (int64_t[]){5003000, 2501500, 1653492, 287672, 155093, 405243}, 6);
}

/* 5 by 1:3:6 is 0.5 + 1.5 + 3: the first two tie on the half, and the larger
 * weight gets it wherever it stands; equal weights go to the earlier one. */
static void breaks_ties_by_weight_then_position(void **state)
{
    (void)state;
    int64_t parts[3];
    assert_int_equal(split_largest_remainder(5, (int64_t[]){1, 3, 6}, 3, parts), SPLIT_OK);
    assert_parts(parts, (int64_t[]){0, 2, 3}, 3);
    assert_int_equal(split_largest_remainder(5, (int64_t[]){3, 1, 6}, 3, parts), SPLIT_OK);
    assert_parts(parts, (int64_t[]){2, 0, 3}, 3);
    assert_int_equal(split_largest_remainder(2, (int64_t[]){1, 1, 1}, 3, parts), SPLIT_OK);
    assert_parts(parts, (int64_t[]){1, 1, 0}, 3);
}

static void splits_equally_when_no_member_of_a_kind_has_a_weight(void **state)
{
    (void)state;
    const finsam_party parties[] = {
        {MEMBER_STATE, 0},        {MEMBER_STATE, 0},        {MEMBER_REGION, 0},
        {MEMBER_MUNICIPALITY, 0}, {MEMBER_MUNICIPALITY, 0}, {MEMBER_MUNICIPALITY, 0},
    };
    int64_t kinds[FINSAM_KINDS], parts[6];
    assert_int_equal(finsam_split(1001, finsam_law_parts, parties, 6, kinds, parts), SPLIT_OK);
    /* 500.5 / 250.25 / 250.25: the state takes the unit left; its 501 splits
     * 250.5 + 250.5 (the earlier gets the unit), the municipalities' 250 in thirds */
    assert_parts(kinds, (int64_t[]){501, 250, 250}, 3);
    assert_parts(parts, (int64_t[]){251, 250, 250, 84, 83, 83}, 6);
}

static void refuses_what_cannot_be_split(void **state)
{
    (void)state;
    int64_t parts[3], kinds[FINSAM_KINDS];
    assert_int_equal(split_largest_remainder(-1, (int64_t[]){1, 1}, 2, parts),
                     SPLIT_NEGATIVE_WHOLE);
    assert_int_equal(split_largest_remainder(10, (int64_t[]){1, -1}, 2, parts),
                     SPLIT_NEGATIVE_WEIGHT);
    assert_int_equal(split_largest_remainder(10, (int64_t[]){0, 0}, 2, parts), SPLIT_NO_WEIGHT);
    assert_int_equal(split_largest_remainder(10, NULL, 0, parts), SPLIT_NO_WEIGHT);
    const finsam_party no_region[] = {{MEMBER_STATE, 0}, {MEMBER_MUNICIPALITY, 0}};
    assert_int_equal(finsam_split(10, finsam_law_parts, no_region, 2, kinds, parts),
                     SPLIT_MISSING_KIND);
    const finsam_party partial[] = {
        {MEMBER_STATE, 0}, {MEMBER_REGION, 0}, {MEMBER_MUNICIPALITY, 5}, {MEMBER_MUNICIPALITY, 0}};
    int64_t four[4];
    assert_int_equal(finsam_split(10, finsam_law_parts, partial, 4, kinds, four),
                     SPLIT_PARTIAL_WEIGHTS);
    assert_non_null(strstr(split_status_text(SPLIT_PARTIAL_WEIGHTS), "none has"));
}

/* A small PRNG with its state in the test (xorshift64*), so runs repeat. */
static uint64_t next_random(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 2685821657736338717ULL;
}

/* For many random wholes up to 10^12 (and some up to INT64_MAX) and random
 * weights up to 10^7 (populations), the parts add up to the whole, each is
 * within one unit of its exact share, a weight of zero gets nothing, and a
 * larger weight never gets less. */
static void splits_always_add_up(void **state)
{
    (void)state;
    uint64_t seed = 0x5eed2024;
    enum { MAX_N = 40 };
    int64_t weights[MAX_N], parts[MAX_N];
    for (int round = 0; round < 20000; round++) {
        size_t n = 1 + next_random(&seed) % MAX_N;
        int64_t whole = round % 10 == 0 ? (int64_t)(next_random(&seed) >> 1)
                                        : (int64_t)(next_random(&seed) % 1000000000001ULL);
        wide total = 0;
        for (size_t i = 0; i < n; i++) {
            weights[i] = next_random(&seed) % 4 == 0 ? 0 : (int64_t)(next_random(&seed) % 10000001);
            total += weights[i];
        }
        if (total == 0) {
            weights[0] = 1;
            total = 1;
        }
        assert_int_equal(split_largest_remainder(whole, weights, n, parts), SPLIT_OK);
        wide sum = 0;
        for (size_t i = 0; i < n; i++) {
            sum += parts[i];
            wide floor_share = (wide)whole * weights[i] / total;
            assert_true(parts[i] == floor_share || parts[i] == floor_share + 1);
            if (weights[i] == 0)
                assert_int_equal(parts[i], 0);
            for (size_t j = 0; j < n; j++)
                if (weights[i] > weights[j])
                    assert_true(parts[i] >= parts[j]);
        }
        assert_true(sum == whole);
    }
}

static void does_not_overflow_at_the_limits(void **state)
{
    (void)state;
    int64_t parts[3];
    assert_int_equal(
        split_largest_remainder(INT64_MAX, (int64_t[]){INT64_MAX, INT64_MAX, 1}, 3, parts),
        SPLIT_OK);
    /* Of 2^63 − 1 by 2^63 − 1, 2^63 − 1 and 1, each large part is 2^62 − ¾
     * and a sliver, the small one just under ½: the unit left goes to it. */
    assert_parts(parts, (int64_t[]){INT64_MAX / 2, INT64_MAX / 2, 1}, 3);
    /* 10^12 kr by four town-sized populations: products of about 10^17. */
    const int64_t pop[] = {96466, 16783, 9048, 23642};
    int64_t four[4];
    assert_int_equal(split_largest_remainder(1000000000000, pop, 4, four), SPLIT_OK);
    /* of 145 939: 661 002 199 549.13, 115 000 102 782.67, 61 998 506 225.20 and
     * 161 999 191 443.0002; the one unit left goes to the .67 */
    assert_parts(four, (int64_t[]){661002199549, 115000102783, 61998506225, 161999191443}, 4);
}

/* Seed 000, the 2024 budget column as printed: Region Stockholm 1 520,
 * AF + FK 3 040, Sundbyberg 486, Upplands Bro 273, Järfälla 760. */
static void names_upplands_bro_273(void **state)
{
    (void)state;
    arena mem;
    arena_init(&mem);
    diag_list dl;
    diag_list_init(&dl, &mem);
    allocation_line lines[] = {
        {"Region Stockholm", MEMBER_REGION, 0, 1520, {"plan.yaml", 3, 1}},
        {"Arbetsförmedlingen + Försäkringskassan", MEMBER_STATE, 0, 3040, {"plan.yaml", 4, 1}},
        {"Sundbybergs stad", MEMBER_MUNICIPALITY, 32, 486, {"plan.yaml", 5, 1}},
        {"Upplands Bro", MEMBER_MUNICIPALITY, 18, 273, {"plan.yaml", 6, 1}},
        {"Järfälla", MEMBER_MUNICIPALITY, 50, 760, {"plan.yaml", 7, 1}},
    };
    allocation_result res;
    assert_true(allocation_check(&mem, finsam_law_parts, lines, 5, NULL, (source_pos){0},
                                 "2024 (budget)", &res, &dl));
    assert_int_equal(res.whole, 6080);
    assert_int_equal(res.basis, WHOLE_FROM_STATE);
    assert_parts(res.computed, (int64_t[]){1520, 3040, 486, 274, 760}, 5);
    assert_int_equal(res.mismatches, 1);
    assert_int_equal(dl.warnings, 1);
    assert_int_equal(dl.items[0].line, 6);
    assert_string_equal(dl.items[0].message,
                        "Upplands Bro 2024 (budget): the allocation is 273 but the Finsam split "
                        "gives 274; likely cause: rounding: 18" NB "% of the municipalities' "
                        "1" NB "520 is 273,6, which rounds to 274");

    /* A mistyped amount that no rounding explains. */
    lines[0].stated = 1521;
    assert_true(allocation_check(&mem, finsam_law_parts, lines, 5, NULL, (source_pos){0},
                                 "2024 (budget)", &res, &dl));
    assert_int_equal(res.mismatches, 2);
    assert_string_equal(dl.items[1].message,
                        "Region Stockholm 2024 (budget): the allocation is 1" NB "521 but the "
                        "Finsam split gives 1" NB "520; likely cause: a mistyped amount: the "
                        "region's 25" NB "% of 6" NB "080 is exactly 1" NB "520");
    lines[0].stated = 1520;

    /* Parts other than the law's: 60/20/20 of 6 080 gives the state 3 648
     * and, from the state's 3 040, a whole of 5 066,67: not exact, so the
     * whole is the lines' sum, 6 079. */
    const int64_t other_parts[FINSAM_KINDS] = {6000, 2000, 2000};
    assert_true(allocation_check(&mem, other_parts, lines, 5, NULL, (source_pos){0},
                                 "2024 (budget)", &res, &dl));
    assert_int_equal(res.basis, WHOLE_FROM_LINES);
    assert_int_equal(res.whole, 6079);
    assert_int_equal(res.kind_part[MEMBER_STATE], 3647); /* 3 647,4 */
    size_t seen = dl.count;

    /* The 2023 column adds up. */
    const int64_t y2023[] = {1563, 3125, 500, 281, 781};
    for (size_t i = 0; i < 5; i++)
        lines[i].stated = y2023[i];
    assert_true(allocation_check(&mem, finsam_law_parts, lines, 5, NULL, (source_pos){0},
                                 "2023 (budget)", &res, &dl));
    assert_int_equal(res.mismatches, 0);
    assert_int_equal(dl.count, seen);
    arena_free(&mem);
}

/* Seed 003: the member amounts add up to the stated 10 006 000. */
static void checks_a_stated_total(void **state)
{
    (void)state;
    arena mem;
    arena_init(&mem);
    diag_list dl;
    diag_list_init(&dl, &mem);
    allocation_line lines[] = {
        {"Försäkringskassan och Arbetsförmedlingen", MEMBER_STATE, 0, 5003000, {0}},
        {"Region Värmland", MEMBER_REGION, 0, 2501500, {0}},
        {"Karlstads kommun", MEMBER_MUNICIPALITY, 1653492, 1653492, {0}},
        {"Hammarö kommun", MEMBER_MUNICIPALITY, 287672, 287672, {0}},
        {"Grums kommun", MEMBER_MUNICIPALITY, 155093, 155093, {0}},
        {"Kristinehamns kommun", MEMBER_MUNICIPALITY, 405243, 405243, {0}},
    };
    int64_t total = 10006000;
    source_pos at = {"plan.yaml", 9, 3};
    allocation_result res;
    assert_true(
        allocation_check(&mem, finsam_law_parts, lines, 6, &total, at, "2025 (budget)", &res, &dl));
    assert_int_equal(res.basis, WHOLE_STATED);
    assert_int_equal(dl.count, 0);

    total = 10007000; /* a typo in the total */
    assert_true(
        allocation_check(&mem, finsam_law_parts, lines, 6, &total, at, "2025 (budget)", &res, &dl));
    assert_int_equal(dl.items[0].line, 9);
    assert_non_null(strstr(dl.items[0].message, "add up to 10" NB "006" NB "000 but the stated "
                                                "total is 10" NB "007" NB "000"));
    /* …and every member then differs from its share of the larger whole */
    assert_int_equal(res.mismatches, 6);
    arena_free(&mem);
}

/* Seed 003 without populations: the four municipalities' split is not
 * known, so only their sum is checked against the quarter, 2 501 500. */
static void checks_only_the_sum_of_unweighted_members(void **state)
{
    (void)state;
    arena mem;
    arena_init(&mem);
    diag_list dl;
    diag_list_init(&dl, &mem);
    allocation_line lines[] = {
        {"Försäkringskassan och Arbetsförmedlingen", MEMBER_STATE, 0, 5003000, {0}},
        {"Region Värmland", MEMBER_REGION, 0, 2501500, {0}},
        {"Karlstads kommun", MEMBER_MUNICIPALITY, 0, 1653492, {"plan.yaml", 20, 9}},
        {"Hammarö kommun", MEMBER_MUNICIPALITY, 0, 287672, {0}},
        {"Grums kommun", MEMBER_MUNICIPALITY, 0, 155093, {0}},
        {"Kristinehamns kommun", MEMBER_MUNICIPALITY, 0, 405243, {0}},
    };
    allocation_result res;
    assert_true(allocation_check(&mem, finsam_law_parts, lines, 6, NULL, (source_pos){0},
                                 "2025 (budget)", &res, &dl));
    assert_int_equal(res.basis, WHOLE_FROM_STATE);
    assert_int_equal(res.whole, 10006000);
    assert_int_equal(res.mismatches, 0);
    assert_int_equal(dl.count, 0);
    lines[3].stated = 287762; /* two digits swapped */
    assert_true(allocation_check(&mem, finsam_law_parts, lines, 6, NULL, (source_pos){0},
                                 "2025 (budget)", &res, &dl));
    assert_int_equal(res.mismatches, 1);
    assert_int_equal(dl.warnings, 1);
    assert_int_equal(dl.items[0].line, 20);
    assert_string_equal(dl.items[0].message,
                        "allocation 2025 (budget): the municipalities' amounts add up to 2" NB
                        "501" NB "590 but 25" NB "% of 10" NB "006" NB "000 is 2" NB "501" NB
                        "500");
    arena_free(&mem);
}

/* The Samsund plan as loaded: its allocation rows name their members, its
 * allocation section gives the municipalities' shares 50/32/18. Of the five
 * columns only 2024's Upplands Bro differs; the correction explains the
 * printed income total 9 017. */
static void checks_the_samsund_plan(void **state)
{
    (void)state;
    arena mem;
    arena_init(&mem);
    diag_list dl;
    diag_list_init(&dl, &mem);
    plan *p = load_plan(&mem, "../plans/samsund/plan-2024.yaml", &dl);
    assert_non_null(p);
    assert_int_equal(dl.count, 0);
    budget_figures f = budget_compute(&mem, &p->budget);
    budget_correction *corr;
    size_t ncorr;
    allocation_check_plan(&mem, p, &f, &corr, &ncorr, &dl);
    assert_int_equal(dl.warnings, 1);
    assert_string_equal(dl.items[0].message,
                        "Upplands Bro 2024 (budget): the allocation is 273 but the Finsam split "
                        "gives 274; likely cause: rounding: 18" NB "% of the municipalities' "
                        "1" NB "520 is 273,6, which rounds to 274");
    assert_string_equal(dl.items[0].file, "../plans/samsund/plan-2024.yaml");
    assert_true(dl.items[0].line > 0);
    assert_int_equal(ncorr, 1);
    assert_string_equal(corr[0].row->label, "Upplands Bro");
    assert_int_equal(corr[0].column, 2);
    assert_int_equal(corr[0].amount, 274);
    budget_cross_check_with(&p->budget, &f, corr, ncorr, &dl);
    assert_int_equal(dl.warnings, 3);
    assert_non_null(strstr(dl.items[1].message, "income 2024 (budget)"));
    assert_non_null(strstr(dl.items[1].message, "likely cause: it matches the rows with Upplands "
                                                "Bro at 274, its share by the Finsam split"));
    assert_non_null(strstr(dl.items[2].message, "result 2024 (budget)"));
    arena_free(&mem);
}

static void reports_a_split_that_cannot_be_made(void **state)
{
    (void)state;
    arena mem;
    arena_init(&mem);
    diag_list dl;
    diag_list_init(&dl, &mem);
    allocation_line lines[] = {
        {"Staten", MEMBER_STATE, 0, 100, {"plan.yaml", 2, 5}},
        {"Kommunen", MEMBER_MUNICIPALITY, 0, 50, {"plan.yaml", 3, 5}},
    };
    allocation_result res;
    assert_false(allocation_check(&mem, finsam_law_parts, lines, 2, NULL, (source_pos){0},
                                  "2024 (budget)", &res, &dl));
    assert_int_equal(dl.errors, 0);
    assert_int_equal(dl.warnings, 1);
    assert_int_equal(dl.items[0].line, 2);
    assert_non_null(strstr(dl.items[0].message, "so it is not checked"));
    assert_non_null(strstr(dl.items[0].message, "must each have a member"));
    arena_free(&mem);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(splits_samsund_2024_municipalities),
        cmocka_unit_test(splits_samsund_2023_by_the_law),
        cmocka_unit_test(splits_samsund_2024_by_the_law),
        cmocka_unit_test(splits_samspelet_2025_by_the_law),
        cmocka_unit_test(breaks_ties_by_weight_then_position),
        cmocka_unit_test(splits_equally_when_no_member_of_a_kind_has_a_weight),
        cmocka_unit_test(refuses_what_cannot_be_split),
        cmocka_unit_test(splits_always_add_up),
        cmocka_unit_test(does_not_overflow_at_the_limits),
        cmocka_unit_test(names_upplands_bro_273),
        cmocka_unit_test(checks_a_stated_total),
        cmocka_unit_test(checks_only_the_sum_of_unweighted_members),
        cmocka_unit_test(reports_a_split_that_cannot_be_made),
        cmocka_unit_test(checks_the_samsund_plan),
    };
    return cmocka_run_group_tests_name("allocation", tests, NULL, NULL);
}
