/* Targets and participant statistics on the seeds: the Jönköping slides
 * (seed 002) and Samspelet's mätpunkter (seed 003). Expected figures were
 * worked out by hand from the seeds. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "goals.h"

#define F(v)                                                                                       \
    {                                                                                              \
        (v), true,                                                                                 \
        {                                                                                          \
            "s.yaml", 0, 0                                                                         \
        }                                                                                          \
    }
#define NF                                                                                         \
    {                                                                                              \
        0, false,                                                                                  \
        {                                                                                          \
            0                                                                                      \
        }                                                                                          \
    }

static target make_target(comparator cmp, hundredths value, bool percent)
{
    return (target){.text = "", .cmp = cmp, .value = value, .percent = percent};
}

static target_outcome reached(hundredths value)
{
    return (target_outcome){.value = value, .met = -1};
}

static target_status judge(target t, target_outcome o)
{
    return target_judge(&t, &o).status;
}

/* Seed 002, FIA: "Tre av dem [14] hade anställning eller studier vid avslut.
 * Målet var 30%": 3 of 14 is 21,43 %; "44% av 36 deltagare var i praktik.
 * Mål 50%". Neither is met. */
static void fia_targets_are_not_met(void **state)
{
    (void)state;
    assert_int_equal(judge(make_target(CMP_AT_LEAST, 3000, true), reached(2143)), TARGET_NOT_MET);
    assert_int_equal(judge(make_target(CMP_AT_LEAST, 5000, true), reached(4400)), TARGET_NOT_MET);
    assert_string_equal(target_status_text(TARGET_NOT_MET), "not met");
}

/* Seed 003, Stegen: "Minst 80 personer deltar under 2025" is {at least, 80}:
 * no outcome is no data; 80 meets it, 79 does not. */
static void counts_against_the_comparator(void **state)
{
    (void)state;
    target at_least_80 = make_target(CMP_AT_LEAST, 8000, false);
    assert_int_equal(target_judge(&at_least_80, NULL).status, TARGET_NO_DATA);
    assert_int_equal(judge(at_least_80, reached(8000)), TARGET_MET);
    assert_int_equal(judge(at_least_80, reached(7900)), TARGET_NOT_MET);
    /* "Två deltagarråd per år": exactly two */
    target two = make_target(CMP_EXACTLY, 200, false);
    assert_int_equal(judge(two, reached(200)), TARGET_MET);
    assert_int_equal(judge(two, reached(300)), TARGET_NOT_MET);
    target at_most = make_target(CMP_AT_MOST, 2000, true);
    assert_int_equal(judge(at_most, reached(2000)), TARGET_MET);
    assert_int_equal(judge(at_most, reached(2001)), TARGET_NOT_MET);
    /* an outcome with neither value nor judgment */
    assert_int_equal(judge(at_most, reached(-1)), TARGET_NO_DATA);
}

/* "Parterna får en förbättrad kunskap om varandra" has no comparator: the
 * outcome's judgment is taken as it is. A measurable target's value wins
 * over a judgment that contradicts it, and the contradiction is flagged. */
static void judgments_and_contradictions(void **state)
{
    (void)state;
    target text_only = make_target(CMP_NONE, 0, false);
    target_outcome said = {.value = -1, .met = 1};
    assert_int_equal(target_judge(&text_only, &said).status, TARGET_MET);
    said.met = 0;
    assert_int_equal(target_judge(&text_only, &said).status, TARGET_NOT_MET);
    target at_least_90 = make_target(CMP_AT_LEAST, 9000, true);
    target_outcome wrong = {.value = 8500, .met = 1};
    target_judgment j = target_judge(&at_least_90, &wrong);
    assert_int_equal(j.status, TARGET_NOT_MET);
    assert_true(j.from_value);
    assert_true(j.stated_differs);
    wrong.met = 0;
    assert_false(target_judge(&at_least_90, &wrong).stated_differs);
}

/* Two goal areas. Area 0 has an intervention with targets met, met, not met
 * and one without outcome; area 1 one met and two without; an intervention
 * in no area has one not met. Area 0: 2 of 3 measured (66,7 %); the
 * association: 3 met, 2 not met, 3 without data: 3 of 5 (60 %). */
static void tallies_per_area_and_association(void **state)
{
    (void)state;
    arena mem;
    arena_init(&mem);
    target t4[] = {make_target(CMP_AT_LEAST, 100, false), make_target(CMP_AT_LEAST, 100, false),
                   make_target(CMP_AT_LEAST, 100, false), make_target(CMP_AT_LEAST, 100, false)};
    intervention iv[] = {
        {.name = "A", .goal_area = 0, .targets = t4, .ntargets = 4},
        {.name = "B", .goal_area = 1, .targets = t4, .ntargets = 3},
        {.name = "C", .goal_area = -1, .targets = t4, .ntargets = 1},
    };
    goal_area areas[2] = {{.title = "Individ"}, {.title = "Struktur"}};
    plan p = {.goal_areas = areas, .ngoal_areas = 2, .interventions = iv, .ninterventions = 3};
    target_outcome outcomes[] = {
        {.index = 0, .target = 0, .value = 200, .met = -1},
        {.index = 0, .target = 1, .value = 100, .met = -1},
        {.index = 0, .target = 2, .value = 0, .met = -1},
        {.index = 1, .target = 0, .value = -1, .met = 1},
        {.index = 2, .target = 0, .value = 50, .met = -1},
    };
    outcome o = {.targets = outcomes, .ntargets = 5};
    goal_tallies g = goals_tally(&mem, &p, &o);
    assert_int_equal(g.areas[0].met, 2);
    assert_int_equal(g.areas[0].not_met, 1);
    assert_int_equal(g.areas[0].no_data, 1);
    assert_int_equal(g.areas[1].met, 1);
    assert_int_equal(g.areas[1].no_data, 2);
    assert_int_equal(g.outside.not_met, 1);
    assert_int_equal(g.all.met, 3);
    assert_int_equal(g.all.not_met, 2);
    assert_int_equal(g.all.no_data, 3);
    int64_t tenths;
    assert_true(target_tally_share_met(&g.areas[0], &tenths));
    assert_int_equal(tenths, 667);
    assert_true(target_tally_share_met(&g.all, &tenths));
    assert_int_equal(tenths, 600);
    target_tally none = {.no_data = 4};
    assert_false(target_tally_share_met(&none, &tenths));
    /* without an outcome every target has no data */
    g = goals_tally(&mem, &p, NULL);
    assert_int_equal(g.all.no_data, 8);
    arena_free(&mem);
}

static void contradictions_are_named(void **state)
{
    (void)state;
    arena mem;
    arena_init(&mem);
    diag_list dl;
    diag_list_init(&dl, &mem);
    target t[] = {{.text = "Minst 90% av eleverna är nöjda med lärlingsutbildningen.",
                   .cmp = CMP_AT_LEAST,
                   .value = 9000,
                   .percent = true}};
    intervention iv[] = {
        {.name = "Lärlingsutbildning", .goal_area = -1, .targets = t, .ntargets = 1}};
    plan p = {.interventions = iv, .ninterventions = 1};
    target_outcome said[] = {
        {.index = 0, .target = 0, .value = 8750, .met = 1, .pos = {"o.yaml", 12, 7}}};
    outcome o = {.targets = said, .ntargets = 1};
    goals_check(&p, &o, &dl);
    assert_int_equal(dl.warnings, 1);
    assert_int_equal(dl.items[0].line, 12);
    assert_string_equal(dl.items[0].message,
                        "Lärlingsutbildning, “Minst 90% av eleverna är nöjda med "
                        "lärlingsutbildningen.”: the outcome says met but the value 87,5\xc2\xa0% "
                        "does not reach the target 90\xc2\xa0%");
    arena_free(&mem);
}

/* Targets of the whole association and of a goal area count with the
 * interventions': the association's apart, a goal area's in its own.
 * Outcomes refer to them by owner, so target 0 of the plan, of goal area 1
 * and of intervention 0 are three targets. */
static void association_and_goal_area_targets(void **state)
{
    (void)state;
    arena mem;
    arena_init(&mem);
    diag_list dl;
    diag_list_init(&dl, &mem);
    target whole[] = {{.id = "individer",
                       .text = "Minst 320 individer tar del av de finansierade insatserna",
                       .cmp = CMP_AT_LEAST,
                       .value = 32000}};
    target area[] = {make_target(CMP_AT_LEAST, 500, false), make_target(CMP_NONE, 0, false)};
    target own[] = {make_target(CMP_AT_LEAST, 100, false)};
    goal_area areas[2] = {{.title = "Individ"}, {.title = "Struktur", .targets = area, .ntargets = 2}};
    intervention iv[] = {{.name = "A", .goal_area = 1, .targets = own, .ntargets = 1}};
    plan p = {.targets = whole,
              .ntargets = 1,
              .goal_areas = areas,
              .ngoal_areas = 2,
              .interventions = iv,
              .ninterventions = 1};
    target_outcome outcomes[] = {
        {.owner = TARGETS_OF_PLAN, .target = 0, .value = 29500, .met = 1, .pos = {"o.yaml", 4, 7}},
        {.owner = TARGETS_OF_GOAL_AREA, .index = 1, .target = 0, .value = 500, .met = -1},
        {.owner = TARGETS_OF_GOAL_AREA, .index = 1, .target = 1, .value = -1, .met = 0},
        {.owner = TARGETS_OF_INTERVENTION, .index = 0, .target = 0, .value = 200, .met = -1},
    };
    outcome o = {.targets = outcomes, .ntargets = 4};
    target_list l;
    assert_true(goals_target_list(&p, 0, &l));
    assert_int_equal(l.owner, TARGETS_OF_PLAN);
    assert_null(l.name);
    assert_true(goals_target_list(&p, 2, &l));
    assert_int_equal(l.owner, TARGETS_OF_GOAL_AREA);
    assert_string_equal(l.name, "Struktur");
    assert_ptr_equal(target_outcome_of(&o, &l, 1), &outcomes[2]);
    assert_true(goals_target_list(&p, 3, &l));
    assert_int_equal(l.owner, TARGETS_OF_INTERVENTION);
    assert_ptr_equal(target_outcome_of(&o, &l, 0), &outcomes[3]);
    assert_false(goals_target_list(&p, 4, &l));
    goal_tallies g = goals_tally(&mem, &p, &o);
    assert_int_equal(g.association.not_met, 1); /* 295 of at least 320 */
    assert_int_equal(g.outside.met + g.outside.not_met + g.outside.no_data, 0);
    assert_int_equal(g.areas[1].met, 2);
    assert_int_equal(g.areas[1].not_met, 1);
    assert_int_equal(g.areas[0].met + g.areas[0].not_met + g.areas[0].no_data, 0);
    assert_int_equal(g.all.met, 2);
    assert_int_equal(g.all.not_met, 2);
    goals_check(&p, &o, &dl);
    assert_int_equal(dl.warnings, 1);
    assert_int_equal(dl.items[0].line, 4);
    assert_string_equal(dl.items[0].message,
                        "the association, “Minst 320 individer tar del av de finansierade "
                        "insatserna”: the outcome says met but the value 295 does not reach "
                        "the target 320");
    arena_free(&mem);
}

/* ---- participants ---------------------------------------------------------- */

static exit_count reasons_enter[] = {
    {EXIT_WORK, NULL, 4, {0}},
    {EXIT_STUDIES, NULL, 5, {0}},
    {EXIT_WORK_REHABILITATION, NULL, 3, {0}},
    {EXIT_ILLNESS, NULL, 7, {0}},
    {EXIT_OTHER, NULL, 1, {0}},
};
static exit_count reasons_nova[] = {
    {EXIT_WORK, NULL, 2, {0}},
    {EXIT_STUDIES, NULL, 1, {0}},
    {EXIT_WORK_REHABILITATION, NULL, 19, {0}},
    {EXIT_ILLNESS, NULL, 9, {0}},
    {EXIT_OTHER, NULL, 9, {0}},
};
static exit_count reasons_fia[] = {
    {EXIT_WORK, NULL, 2, {0}},
    {EXIT_STUDIES, NULL, 1, {0}},
    {EXIT_WORK_REHABILITATION, NULL, 3, {0}},
    {EXIT_ILLNESS, NULL, 9, {0}},
    {EXIT_OTHER, NULL, 0, {0}},
};
static exit_count reasons_total[] = {
    {EXIT_WORK, NULL, 8, {0}},
    {EXIT_STUDIES, NULL, 7, {0}},
    {EXIT_WORK_REHABILITATION, NULL, 25, {0}},
    {EXIT_ILLNESS, NULL, 25, {0}},
    {EXIT_OTHER, NULL, 10, {0}},
};

/* Seed 002, Södra Vätterbygden, "Deltagare 2023". */
static const participant_stats sodra_vatterbygden[] = {
    {.intervention = "Enter",
     .women = F(24),
     .men = F(38),
     .new_participants = F(19),
     .exits = F(20),
     .reasons = reasons_enter,
     .nreasons = 5,
     .pos = {"s.yaml", 1, 1}},
    {.intervention = "NOVA",
     .women = F(27),
     .men = F(17),
     .new_participants = F(27),
     .exits = F(40),
     .reasons = reasons_nova,
     .nreasons = 5,
     .pos = {"s.yaml", 2, 1}},
    {.intervention = "FIA",
     .women = F(23),
     .men = F(13),
     .new_participants = F(19),
     .exits = {14, true, {"s.yaml", 3, 40}},
     .reasons = reasons_fia,
     .nreasons = 5,
     .pos = {"s.yaml", 3, 1}},
    {.intervention = "IT-spåret",
     .women = F(0),
     .men = F(4),
     .new_participants = F(4),
     .exits = F(0),
     .pos = {"s.yaml", 4, 1}},
    {.intervention = "Koll på förmåga",
     .women = F(35),
     .men = F(27),
     .new_participants = F(39),
     .exits = NF,
     .pos = {"s.yaml", 5, 1}},
};
static const participant_stats sodra_vatterbygden_total = {.intervention = "Totalt",
                                                           .women = F(109),
                                                           .men = F(99),
                                                           .new_participants = F(108),
                                                           .exits = F(74),
                                                           .reasons = reasons_total,
                                                           .nreasons = 5,
                                                           .pos = {"s.yaml", 6, 1}};

/* Women 24 + 27 + 23 + 0 + 35 = 109, men 38 + 17 + 13 + 4 + 27 = 99: 52,4 %
 * and 47,6 %; new 108; exits 20 + 40 + 14 = 74, to work 4 + 2 + 2 = 8 and
 * studies 5 + 1 + 1 = 7: 15 of 74 is 20,3 %. */
static void sodra_vatterbygden_totals(void **state)
{
    (void)state;
    participant_summary s = participants_summarize(sodra_vatterbygden, 5, 2023, 2023);
    assert_int_equal(s.women.value, 109);
    assert_int_equal(s.men.value, 99);
    assert_int_equal(s.participants.value, 208);
    assert_int_equal(s.new_participants.value, 108);
    assert_int_equal(s.exits.value, 74);
    const int64_t reasons[EXIT_REASON_COUNT] = {8, 7, 0, 25, 25, 10};
    for (int k = 0; k < EXIT_REASON_COUNT; k++)
        assert_int_equal(s.reasons[k].value, reasons[k]);
    assert_false(s.reasons[EXIT_WORK_OR_STUDIES].present);
    assert_true(s.has_gender_shares);
    assert_int_equal(s.women_tenths, 524);
    assert_int_equal(s.men_tenths, 476);
    assert_true(s.has_exit_share);
    assert_int_equal(s.work_or_studies.value, 15);
    assert_int_equal(s.exits_with_reasons.value, 74);
    assert_int_equal(s.work_or_studies_tenths, 203);
    /* rows of another year are left out */
    participant_summary none = participants_summarize(sodra_vatterbygden, 5, 2022, 2023);
    assert_false(none.women.present);
}

/* Every stated total is right; FIA's reasons add up to 15 for 14 exits. */
static void sodra_vatterbygden_fia_is_named(void **state)
{
    (void)state;
    arena mem;
    arena_init(&mem);
    diag_list dl;
    diag_list_init(&dl, &mem);
    participants_check(sodra_vatterbygden, 5, &sodra_vatterbygden_total, 2023, &dl);
    assert_int_equal(dl.warnings, 1);
    assert_int_equal(dl.items[0].line, 3);
    assert_int_equal(dl.items[0].col, 40);
    assert_string_equal(dl.items[0].message,
                        "participants 2023, FIA: the exit reasons add up to 15 but the exits are "
                        "14; likely cause: an exit counted under two reasons, or a reason "
                        "mistyped");
    participant_stats wrong = sodra_vatterbygden_total;
    wrong.women.value = 110;
    participants_check(sodra_vatterbygden, 5, &wrong, 2023, &dl);
    assert_int_equal(dl.warnings, 3);
    assert_string_equal(dl.items[2].message, "participants 2023, Totalt: the printed total of "
                                             "women is 110 but the rows add up to 109");
    arena_free(&mem);
}

/* Seed 002, Höglandet 2023 with 2022 in brackets: IT-spåret 3 (1) women, 14
 * (19) men, 3 (6) exits; SE-Höglandet 95 (84), 106 (91), 62 (62); Totalt 98,
 * 120, 65: all add up; 2022 rows are summed apart (85, 110, 68). */
static void hoglandet_totals(void **state)
{
    (void)state;
    arena mem;
    arena_init(&mem);
    diag_list dl;
    diag_list_init(&dl, &mem);
    const participant_stats rows[] = {
        {.intervention = "IT-spåret", .women = F(3), .men = F(14), .exits = F(3)},
        {.intervention = "SE-Höglandet",
         .women = F(95),
         .men = F(106),
         .new_participants = F(61),
         .exits = F(62)},
        {.intervention = "IT-spåret", .year = 2022, .women = F(1), .men = F(19), .exits = F(6)},
        {.intervention = "SE-Höglandet",
         .year = 2022,
         .women = F(84),
         .men = F(91),
         .new_participants = F(72),
         .exits = F(62)},
    };
    const participant_stats total = {
        .intervention = "Totalt", .women = F(98), .men = F(120), .exits = F(65)};
    participants_check(rows, 4, &total, 2023, &dl);
    assert_int_equal(dl.count, 0);
    participant_summary s = participants_summarize(rows, 4, 2023, 2023);
    assert_int_equal(s.participants.value, 218);
    assert_int_equal(s.women_tenths, 450); /* 98 of 218 is 44,95 % */
    assert_int_equal(s.men_tenths, 550);
    assert_false(s.has_exit_share); /* no reasons given */
    s = participants_summarize(rows, 4, 2022, 2023);
    assert_int_equal(s.women.value, 85);
    assert_int_equal(s.men.value, 110);
    assert_int_equal(s.exits.value, 68);
    arena_free(&mem);
}

/* Seed 002, Samverkansteam Finnveden: 76 participants (no split by sex); 31
 * exits: 3 to work or studies, 6 to activities in ordinary services, 7 for
 * illness, 6 + 8 + 1 for other reasons (3 + 6 + 7 + 15 = 31). */
static void finnveden_total_only(void **state)
{
    (void)state;
    arena mem;
    arena_init(&mem);
    diag_list dl;
    diag_list_init(&dl, &mem);
    exit_count reasons[] = {
        {EXIT_WORK_OR_STUDIES, "arbete/studier", 3, {0}},
        {EXIT_WORK_REHABILITATION,
         "arbetslivsinriktade aktiviteter i ordinarie verksamhet",
         6,
         {0}},
        {EXIT_ILLNESS, "sjukdom", 7, {0}},
        {EXIT_OTHER, "avbröt på egen begäran", 6, {0}},
        {EXIT_OTHER, "åter remittent för fortsatt stöd", 8, {0}},
        {EXIT_OTHER, "annat skäl", 1, {0}},
    };
    const participant_stats team[] = {{.intervention = "Samverkansteam Finnveden",
                                       .total = F(76),
                                       .exits = F(31),
                                       .reasons = reasons,
                                       .nreasons = 6}};
    participant_summary s = participants_summarize(team, 1, 2023, 2023);
    assert_int_equal(s.participants.value, 76);
    assert_false(s.has_gender_shares);
    assert_int_equal(s.reasons[EXIT_OTHER].value, 15);
    assert_int_equal(s.work_or_studies.value, 3);
    assert_int_equal(s.work_or_studies_tenths, 97); /* 3 of 31 is 9,68 % */
    participants_check(team, 1, NULL, 2023, &dl);
    assert_int_equal(dl.count, 0);
    arena_free(&mem);
}

static void impossible_counts_are_named(void **state)
{
    (void)state;
    arena mem;
    arena_init(&mem);
    diag_list dl;
    diag_list_init(&dl, &mem);
    const participant_stats rows[] = {{.intervention = "A",
                                       .women = F(3),
                                       .men = F(4),
                                       .total = F(8),
                                       .new_participants = F(9),
                                       .exits = F(10),
                                       .pos = {"x.yaml", 7, 3}}};
    participants_check(rows, 1, NULL, 2023, &dl);
    assert_int_equal(dl.warnings, 3);
    assert_string_equal(dl.items[0].message,
                        "participants 2023, A: the participants are 8 but the women and men add "
                        "up to 7");
    assert_non_null(strstr(dl.items[1].message, "the exits are 10 but the participants are 7"));
    assert_non_null(strstr(dl.items[2].message, "the new participants are 9"));
    arena_free(&mem);
}

/* Seed 002, IT-spåret 2023: 3 women and 14 men; by age 3 + 11 + 3 = 17; by
 * association Finnveden 1, Höglandet 12, Södra Vätterbygden 4 = 17. */
static void it_sparet_breakdowns(void **state)
{
    (void)state;
    arena mem;
    arena_init(&mem);
    diag_list dl;
    diag_list_init(&dl, &mem);
    labelled_count ages[] = {{"-20", 3, {"g.yaml", 8, 9}}, {"20-30", 11, {0}}, {"30 +", 3, {0}}};
    labelled_count by[] = {{"Finnveden", 1, {"g.yaml", 12, 9}},
                           {"Höglandet", 12, {0}},
                           {"Södra Vätterbygden", 4, {0}}};
    exit_count reasons[] = {{EXIT_WORK, NULL, 2, {0}}, {EXIT_OTHER, NULL, 1, {0}}};
    participant_stats it = {.intervention = "IT-spåret",
                            .women = F(3),
                            .men = F(14),
                            .exits = F(3),
                            .reasons = reasons,
                            .nreasons = 2,
                            .age_groups = ages,
                            .nage_groups = 3,
                            .by_association = by,
                            .nby_association = 3};
    participants_check(&it, 1, NULL, 2023, &dl);
    assert_int_equal(dl.count, 0);
    participant_summary s = participants_summarize(&it, 1, 2023, 2023);
    assert_int_equal(s.participants.value, 17);
    assert_int_equal(s.work_or_studies_tenths, 667); /* 2 of 3 */
    by[1].count = 13;
    ages[1].count = 10;
    participants_check(&it, 1, NULL, 2023, &dl);
    assert_int_equal(dl.warnings, 2);
    assert_string_equal(dl.items[0].message, "participants 2023, IT-spåret: the participants by "
                                             "age groups add up to 16 but the participants are 17");
    assert_int_equal(dl.items[1].line, 12);
    assert_non_null(strstr(dl.items[1].message, "by associations add up to 18"));
    arena_free(&mem);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fia_targets_are_not_met),
        cmocka_unit_test(counts_against_the_comparator),
        cmocka_unit_test(judgments_and_contradictions),
        cmocka_unit_test(tallies_per_area_and_association),
        cmocka_unit_test(contradictions_are_named),
        cmocka_unit_test(association_and_goal_area_targets),
        cmocka_unit_test(sodra_vatterbygden_totals),
        cmocka_unit_test(sodra_vatterbygden_fia_is_named),
        cmocka_unit_test(hoglandet_totals),
        cmocka_unit_test(finnveden_total_only),
        cmocka_unit_test(impossible_counts_are_named),
        cmocka_unit_test(it_sparet_breakdowns),
    };
    return cmocka_run_group_tests_name("goals", tests, NULL, NULL);
}
