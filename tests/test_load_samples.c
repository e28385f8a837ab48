/* Every sample under plans/ loads without an error or warning, and the
 * figures that matter arrive where the model says they are. */
#include <stdio.h>
#include <string.h>

#include "load.h"

#include "test_support.h"

static void assert_clean(const test_fixture *f, const void *loaded)
{
    diag_print_all(&f->dl, stderr);
    assert_non_null(loaded);
    assert_int_equal(f->dl.count, 0);
}

static void samsund_2024(void **state)
{
    test_fixture *f = *state;
    plan *p = load_plan(&f->mem, "../plans/samsund/plan-2024.yaml", &f->dl);
    assert_clean(f, p);
    assert_int_equal(p->ngoal_areas, 2);
    assert_int_equal(p->goal_areas[0].ngoals, 4);
    assert_int_equal(p->goal_areas[0].nactivities, 5);
    assert_int_equal(p->goal_areas[1].ngoals, 4);
    assert_int_equal(p->goal_areas[1].nactivities, 5);
    /* The goal area table follows the introduction of "Strukturella insatser". */
    const plan_section *s = NULL;
    for (size_t i = 0; i < p->nsections; i++)
        if (p->sections[i].heading && strcmp(p->sections[i].heading, "Strukturella insatser") == 0)
            s = &p->sections[i];
    assert_non_null(s);
    /* the last section has no heading: it places the budget and the vision */
    const plan_section *last = &p->sections[p->nsections - 1];
    assert_null(last->heading);
    assert_int_equal(last->nshows, 2);
    assert_int_equal(last->shows[1].kind, PART_VISION);
    assert_true(p->budget_shown);
    assert_true(p->vision_shown);
    assert_int_equal(s->nshows, 1);
    assert_int_equal(s->shows[0].kind, PART_GOAL_AREA);
    assert_string_equal(p->goal_areas[s->shows[0].index].id, "strukturella");
    assert_true(p->allocation_shown);
    /* The municipal shares 50/32/18 as data. */
    assert_true(p->allocation.present);
    assert_int_equal(p->allocation.nentries, 3);
    assert_int_equal(p->allocation.entries[0].share, 5000);
    assert_int_equal(p->allocation.entries[1].share, 3200);
    assert_int_equal(p->allocation.entries[2].share, 1800);
    assert_string_equal(p->assoc->members[p->allocation.entries[2].members[0]].name,
                        "Upplands-Bro kommun");
    /* The allocation row "Upplands Bro" stands for that member, typed as printed. */
    const budget_row *ub = &p->budget.income[3];
    assert_int_equal(ub->nmembers, 1);
    assert_int_equal(ub->members[0], p->allocation.entries[2].members[0]);
    assert_int_equal(ub->cells[2].amount, 273);
    assert_int_equal(p->budget.income[1].nmembers, 2);
    assert_int_equal(p->budget.printed.income[2].amount, 9017);
    assert_int_equal(p->budget.printed.result[2].amount, -1573);
    /* Vision, values and contact. */
    assert_string_equal(p->assoc->vision_title, "Vi ser förmågan");
    assert_int_equal(p->assoc->nvalues, 2);
    assert_string_equal(p->assoc->values[0].name, "Egenmakt");
    assert_string_equal(p->assoc->phone, "08-706 80 37");
    assert_int_equal(p->assoc->parts.state, 5000);
    assert_string_equal(p->assoc->id, "samsund");
}

static void samspelet_2025(void **state)
{
    test_fixture *f = *state;
    plan *p = load_plan(&f->mem, "../plans/samspelet/plan-2025.yaml", &f->dl);
    assert_clean(f, p);
    const budget *b = &p->budget;
    assert_int_equal(b->ncolumns, 3);
    assert_int_equal(b->columns[1].kind, COLUMN_FORECAST);
    assert_int_equal(b->nincome, 4);
    assert_int_equal(b->nreserves, 1);
    assert_int_equal(b->ncosts, 10);
    const budget_row *equity = &b->income[1];
    assert_true(equity->carried_forward);
    assert_int_equal(equity->cells[1].amount, 2319);
    assert_int_equal(equity->cells[2].amount, 2720);
    assert_false(b->income[3].cells[1].present);
    assert_int_equal(b->income[0].nmembers, 7);
    assert_int_equal(b->printed.with_reserves[2].amount, 13426);
    assert_int_equal(b->printed.result[2].amount, 10186);
    assert_string_equal(b->labels.result, "Ej budgeterat (exkl. buffert)");
    /* Financial rules: thresholds are data. */
    assert_int_equal(p->nrules, 4);
    assert_int_equal(p->rules[1].measure, RULE_EQUITY_SHARE);
    assert_int_equal(p->rules[1].max, 2000);
    assert_int_equal(p->rules[2].measure, RULE_BUFFER);
    assert_int_equal(p->rules[2].min, 700);
    assert_int_equal(p->rules[3].measure, RULE_ADMINISTRATION_SHARE);
    assert_int_equal(p->rules[3].max, 2000);
    /* Allocation per member in kr. */
    assert_int_equal(p->allocation.unit, UNIT_KR);
    assert_int_equal(p->allocation.nentries, 6);
    assert_int_equal(p->allocation.entries[0].nmembers, 2);
    assert_int_equal(p->allocation.entries[2].amount.value, 1653492);
    assert_int_equal(p->allocation.printed_total.value, 10006000);
    assert_string_equal(p->decided_line, "Beslutad vid styrelsemöte den 26 november 2024");
    assert_string_equal(p->decided_by, "styrelsen");
    /* as printed: no head over the amounts, no column of parts */
    assert_string_equal(p->allocation.amount_head, "");
    assert_false(p->allocation.parts_printed);
    /* Interventions with measurable targets, linked to their cost rows. */
    assert_int_equal(p->ninterventions, 4);
    const intervention *stegen = &p->interventions[0];
    assert_int_equal(stegen->ntargets, 10);
    assert_int_equal(stegen->targets[0].cmp, CMP_AT_LEAST);
    assert_int_equal(stegen->targets[0].value, 8000);
    assert_string_equal(stegen->targets[0].unit, "personer");
    assert_true(stegen->targets[4].percent);
    assert_int_equal(stegen->targets[3].cmp, CMP_NONE);
    assert_string_equal(b->costs[stegen->budget_row].label, "Stegen Kristinehamn");
    assert_string_equal(b->costs[p->interventions[2].budget_row].label, "TRIS Karlstad");
    assert_string_equal(p->goal_areas[stegen->goal_area].id, "individ");
    /* "Övergripande aktiviteter för förbundet": the structural goal area's own
     * targets, printed apart from the goal area */
    const goal_area *struktur = &p->goal_areas[1];
    assert_int_equal(struktur->ntargets, 5);
    assert_int_equal(struktur->targets[1].value, 8000);
    assert_true(struktur->targets[1].percent);
    const intervention *tillit = &p->interventions[3];
    assert_int_equal(tillit->to.year, 2025);
    assert_int_equal(tillit->to.month, 10);
    assert_int_equal(tillit->from.year, 0);
    assert_true(p->budget_shown && p->rules_shown && p->allocation_shown);
}

static void insjoriket_2020(void **state)
{
    test_fixture *f = *state;
    plan *p = load_plan(&f->mem, "../plans/insjoriket/plan-2020.yaml", &f->dl);
    assert_clean(f, p);
    assert_false(p->budget.present);
    assert_int_equal(p->revised.year, 2019);
    assert_int_equal(p->decided_on.year, 2017);
    assert_int_equal(p->nsections, 14);
    assert_int_equal(p->assoc->nmembers, 0);
}

static const participant_stats *stats_of(const outcome *o, const char *name)
{
    for (size_t i = 0; i < o->nparticipants; i++)
        if (strcmp(o->participants[i].intervention, name) == 0)
            return &o->participants[i];
    fail_msg("no participants for %s", name);
    return NULL;
}

static int64_t reasons_sum(const participant_stats *ps)
{
    int64_t sum = 0;
    for (size_t i = 0; i < ps->nreasons; i++)
        sum += ps->reasons[i].count;
    return sum;
}

static void sodra_vatterbygden_2023(void **state)
{
    test_fixture *f = *state;
    outcome *o = load_outcome(&f->mem, "../plans/sodra-vatterbygden/outcome-2023.yaml", &f->dl);
    assert_clean(f, o);
    assert_null(o->plan_of_year);
    assert_int_equal(o->unit, UNIT_KR);
    assert_int_equal(o->budget.value, 9579500);
    assert_int_equal(o->costs.value, 9097400);
    assert_false(o->income.present);
    assert_int_equal(o->ncost_split, 3);
    assert_int_equal(o->cost_split[2].category, CATEGORY_ADMINISTRATION);
    assert_int_equal(o->cost_split[2].percent, 1600);
    assert_int_equal(o->next.year, 2024);
    assert_int_equal(o->next.total.value, 11356500);
    assert_int_equal(o->nparticipants, 5);
    /* The FIA row as printed: 14 exits, reasons adding up to 15. */
    const participant_stats *fia = stats_of(o, "FIA");
    assert_int_equal(fia->exits.value, 14);
    assert_int_equal(reasons_sum(fia), 15);
    assert_false(stats_of(o, "Koll på förmåga")->exits.present);
    assert_int_equal(o->participants_total->women.value, 109);
    assert_int_equal(reasons_sum(o->participants_total), 75);
}

static void hoglandet_2022_and_2023(void **state)
{
    test_fixture *f = *state;
    outcome *o = load_outcome(&f->mem, "../plans/hoglandet/outcome-2023.yaml", &f->dl);
    assert_clean(f, o);
    assert_int_equal(o->printed_result.value, 308086);
    assert_int_equal(o->budget.value - o->costs.value, 308086);
    assert_int_equal(o->income.value, 8169803);
    assert_int_equal(o->allocation.value, 8036000);
    assert_int_equal(o->equity.value, 1639471);
    assert_int_equal(o->ncost_split, 4);
    assert_int_equal(o->nrows, 3);
    assert_int_equal(o->rows[0].amount, 3760701);
    assert_int_equal(o->next.costs.value, 8236000);
    const participant_stats *it = stats_of(o, "IT-spåret");
    assert_int_equal(it->women.value + it->men.value, 17);
    assert_false(it->new_participants.present);
    outcome *before = load_outcome(&f->mem, "../plans/hoglandet/outcome-2022.yaml", &f->dl);
    assert_clean(f, before);
    assert_int_equal(stats_of(before, "SE-Höglandet")->new_participants.value, 72);
    assert_int_equal(before->participants_total->men.value, 110);
}

static void finnveden_2023(void **state)
{
    test_fixture *f = *state;
    outcome *o = load_outcome(&f->mem, "../plans/finnveden/outcome-2023.yaml", &f->dl);
    assert_clean(f, o);
    const participant_stats *team = stats_of(o, "Samverkansteam Finnveden");
    assert_int_equal(team->total.value, 76);
    assert_false(team->women.present);
    assert_int_equal(team->nreasons, 6);
    assert_int_equal(team->reasons[0].reason, EXIT_WORK_OR_STUDIES);
    assert_int_equal(reasons_sum(team), 31);
    assert_int_equal(o->next.nof_which, 1);
    assert_int_equal(o->next.of_which[0].amount, 200000);
}

static void jonkoping_group(void **state)
{
    test_fixture *f = *state;
    comparison_group *g = load_group(&f->mem, "../plans/jonkoping/group.yaml", &f->dl);
    assert_clean(f, g);
    assert_int_equal(g->nassociations, 3);
    assert_string_equal(g->associations[1]->short_name, "Höglandet");
    assert_int_equal(g->nyears, 1);
    assert_int_equal(g->njoint, 1);
    const joint_intervention *it = &g->joint[0];
    assert_int_equal(it->cost_per_party, 562500);
    assert_int_equal(it->nyears, 2);
    assert_int_equal(it->years[0].year, 2023);
    assert_int_equal(it->years[0].nby_association, 3);
    assert_string_equal(it->years[0].by_association[1].label, "hoglandet");
    assert_int_equal(it->years[0].by_association[1].count, 12);
    assert_int_equal(it->years[0].nage_groups, 3);
    assert_int_equal(it->years[1].by_association[2].count, 7);
}

static void jonkoping_minutes(void **state)
{
    test_fixture *f = *state;
    minutes *m = load_minutes(&f->mem, "../plans/jonkoping/minutes-2024-02-23.yaml", &f->dl);
    assert_clean(f, m);
    assert_int_equal(m->nassociations, 3);
    assert_int_equal(m->held_on.day, 23);
    assert_int_equal(m->ncalled, 5);
    assert_int_equal(m->nattendees, 22);
    assert_int_equal(m->nattachments, 3);
    assert_int_equal(m->nitems, 9);
    assert_int_equal(m->items[6].nitems, 2);
    assert_string_equal(m->items[6].items[1].number, "7b");
    assert_int_equal(m->items[5].ndecisions, 2);
    assert_string_equal(m->chair, "Johanna Buchalle");
    assert_int_equal(m->nadjusters, 2);
    assert_int_equal(m->nsignatures, 4);
    const signature *last = &m->signatures[3];
    assert_int_equal(last->time.hour, 14);
    assert_int_equal(last->time.second, 35);
    assert_int_equal(last->time.utc_offset, 60);
    assert_string_equal(m->signing_reference, "116553SE");
    assert_int_equal(m->next_date.year, 2025);
    assert_int_equal(m->next_date.month, 0);
}

#define TEST(name) cmocka_unit_test_setup_teardown(name, test_setup, test_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(samsund_2024),
        TEST(samspelet_2025),
        TEST(insjoriket_2020),
        TEST(sodra_vatterbygden_2023),
        TEST(hoglandet_2022_and_2023),
        TEST(finnveden_2023),
        TEST(jonkoping_group),
        TEST(jonkoping_minutes),
    };
    return cmocka_run_group_tests_name("samples", tests, NULL, NULL);
}
