/* The contexts of the plan and the annual report (context_plan.c,
 * context_report.c) on the samples, the text a template writes from them,
 * and an association's template that replaces one block of the default plan.
 * Figures are worked out by hand from seeds 000, 002 and 003. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test_support.h"
#include "check.h"
#include "context.h"
#include "format.h"
#include "load.h"
#include "templates.h"

static const char *text_at(const value *root, const char *path)
{
    const value *v = value_at(root, path);
    if (!v || v->kind != VALUE_STRING)
        fail_msg("no text at %s", path);
    return v->as.str.s;
}

static bool flag_at(const value *root, const char *path)
{
    const value *v = value_at(root, path);
    return v && v->kind == VALUE_BOOL && v->as.b;
}

static size_t count_at(const value *root, const char *path)
{
    const value *v = value_at(root, path);
    assert_non_null(v);
    assert_int_equal(v->kind, VALUE_LIST);
    return v->as.list.count;
}

static plan *load(test_fixture *fx, const char *path)
{
    plan *p = load_plan(&fx->mem, path, &fx->dl);
    assert_non_null(p);
    return p;
}

/* The context as document.c makes it: checks with their corrections, warnings. */
static value *context_of(test_fixture *fx, const plan *p)
{
    size_t first = fx->dl.count;
    plan_checked *pc = arena_alloc(&fx->mem, sizeof *pc);
    *pc = check_plan(&fx->mem, p, &fx->dl);
    plan_facts facts = {.checked = pc, .warnings = context_diags_since(&fx->dl, first)};
    return context_for_checked_plan(&fx->mem, p, &facts);
}

static value *plan_context(test_fixture *fx, const char *path)
{
    return context_of(fx, load(fx, path));
}

static value *report_context(test_fixture *fx, const char *path)
{
    outcome *o = load_outcome(&fx->mem, path, &fx->dl);
    assert_non_null(o);
    size_t first = fx->dl.count;
    outcome_checked *oc = arena_alloc(&fx->mem, sizeof *oc);
    *oc = check_outcome(&fx->mem, o, &fx->dl);
    context_diags w = context_diags_since(&fx->dl, first);
    return context_for_report(&fx->mem, o, oc, &w);
}

/* The first section whose heading begins with `heading`. */
static const value *section(const value *ctx, const char *heading)
{
    const value *sections = value_at(ctx, "sections");
    for (size_t i = 0; i < sections->as.list.count; i++) {
        const value *s = sections->as.list.items[i];
        const value *h = value_at(s, "heading");
        if (h && h->kind == VALUE_STRING && strncmp(h->as.str.s, heading, strlen(heading)) == 0)
            return s;
    }
    fail_msg("no section “%s”", heading);
    return NULL;
}

/* ---- the shared pieces ---------------------------------------------------------- */

static void text_for_fenced_blocks(void **state)
{
    test_fixture *fx = *state;
    arena *mem = &fx->mem;
    assert_string_equal(context_fence_line(mem, "A & B_c [x] #1"), "A & B_c [x] #1");
    assert_string_equal(context_fence_line(mem, "två\nrader med \\"), "två rader med \\\\");
    assert_string_equal(context_yaml_string(mem, "A & B: \"x\" \\ y"),
                        "\"A & B: \\\"x\\\" \\\\ y\"");
    assert_string_equal(context_plain_tenths(mem, -7450), "-745");
    assert_string_equal(context_plain_tenths(mem, 125), "12.5");
    assert_string_equal(context_date(mem, (date){2025, 10, 0}), "2025-10");
    assert_string_equal(context_date(mem, (date){2025, 0, 0}), "2025");
    assert_string_equal(context_date(mem, (date){2023, 11, 27}), "2023-11-27");
    assert_string_equal(context_date(mem, (date){0, 0, 0}), "");
    assert_null(context_known_date(mem, (date){0, 0, 0}));
    assert_string_equal(context_capitalized(mem, "ny verksamhet"), "Ny verksamhet");
    assert_string_equal(context_capitalized(mem, "övrigt"), "Övrigt");
    const value *p = context_percent(mem, 232, 1, true);
    assert_string_equal(text_at(p, "text"), "23,2" NBSP "%");
    assert_string_equal(text_at(p, "plain"), "23.2");
}

/* ---- Samsund: seed 000 ------------------------------------------------------------ */

static void samsund_budget_and_notes(void **state)
{
    test_fixture *fx = *state;
    value *ctx = plan_context(fx, "../plans/samsund/plan-2024.yaml");
    /* 1 563 + 3 125 + 500 + 281 + 781 + 3 764 = 10 014; the costs of 2023 add up
     * to 10 759, so −745; 2024: the rows give 9 016, and 9 016 − 10 590 = −1 574. */
    assert_string_equal(text_at(ctx, "budget.totals.0.income.text"), "10" NBSP "014");
    assert_string_equal(text_at(ctx, "budget.totals.0.costs.text"), "10" NBSP "759");
    assert_string_equal(text_at(ctx, "budget.totals.0.result.text"), MINUS "745");
    assert_string_equal(text_at(ctx, "budget.totals.2.income.text"), "9" NBSP "016");
    assert_string_equal(text_at(ctx, "budget.totals.2.result.text"), MINUS "1" NBSP "574");
    assert_string_equal(text_at(ctx, "budget.costs.2.name"), "Strukturella insatser");
    assert_string_equal(text_at(ctx, "budget.costs.2.rows.0.cells.3.text"), "");
    assert_false(flag_at(ctx, "budget.costs_titled"));
    /* three notes: Upplands Bro's 273 (18 % of 1 520 is 273,6: 274), the income
     * total 9 017 (right with 274), the result −1 573 (9 017 − 10 590) */
    assert_int_equal(count_at(ctx, "budget.notes"), 3);
    assert_true(flag_at(ctx, "budget.notes.0.cell.is_allocation"));
    assert_string_equal(text_at(ctx, "budget.notes.0.cell.row"), "Upplands Bro");
    assert_string_equal(text_at(ctx, "budget.notes.0.cell.printed.text"), "273");
    assert_string_equal(text_at(ctx, "budget.notes.0.cell.computed.text"), "274");
    assert_string_equal(text_at(ctx, "budget.notes.0.cell.column.year"), "2024");
    assert_true(flag_at(ctx, "budget.notes.1.total.is_income"));
    assert_string_equal(text_at(ctx, "budget.notes.1.total.printed.text"), "9" NBSP "017");
    assert_string_equal(text_at(ctx, "budget.notes.1.total.computed.text"), "9" NBSP "016");
    assert_string_equal(text_at(ctx, "budget.notes.1.total.explained.amount.text"), "274");
    assert_true(flag_at(ctx, "budget.notes.2.total.is_result"));
    assert_string_equal(text_at(ctx, "budget.notes.2.total.from_printed.costs.text"),
                        "10" NBSP "590");
    assert_null(value_at(ctx, "budget.notes.2.total.explained"));
}

static void samsund_parts(void **state)
{
    test_fixture *fx = *state;
    value *ctx = plan_context(fx, "../plans/samsund/plan-2024.yaml");
    assert_string_equal(text_at(ctx, "cover.title_line"), "Verksamhetsplan 2024");
    assert_string_equal(text_at(ctx, "cover.decided_by_line"), "styrelsen");
    assert_string_equal(text_at(ctx, "cover.decided_on"), "2023-11-27");
    assert_false(flag_at(ctx, "plan.has_contents"));
    /* the allocation shows the municipalities' shares, as the plan gives them */
    assert_false(flag_at(ctx, "allocation.has_amounts"));
    assert_string_equal(text_at(ctx, "allocation.entries.0.share.text"), "50" NBSP "%");
    assert_string_equal(text_at(ctx, "allocation.entries.2.label"), "Upplands-Bro");
    /* "Strukturella insatser" shows its goal area: 4 goals, 5 activities */
    const value *area = value_at(section(ctx, "Strukturella insatser"), "parts.0.goal_area");
    assert_non_null(area);
    assert_int_equal(count_at(area, "rows"), 9);
    assert_true(flag_at(area, "rows.0.first_goal"));
    assert_true(flag_at(area, "rows.4.first_activity"));
    assert_false(flag_at(area, "rows.5.first_activity"));
    assert_string_equal(text_at(area, "rows.4.text"),
                        "Utveckla metoder för att involvera målgrupperna i framtagande av nya "
                        "insatser genom tjänstedesign");
    /* a last section without a heading places the budget and the vision */
    assert_false(flag_at(ctx, "unshown.budget"));
    assert_true(flag_at(ctx, "plan.vision_shown"));
    assert_false(flag_at(ctx, "unshown.allocation"));
    assert_string_equal(text_at(ctx, "association.vision_title"), "Vi ser förmågan");
}

/* ---- Samspelet: seed 003 ------------------------------------------------------------ */

static void samspelet_rules_and_allocation(void **state)
{
    test_fixture *fx = *state;
    value *ctx = plan_context(fx, "../plans/samspelet/plan-2025.yaml");
    assert_int_equal(count_at(ctx, "budget.notes"), 0);
    assert_true(flag_at(ctx, "budget.costs_titled"));
    assert_string_equal(text_at(ctx, "budget.totals.0.income.text"), "12" NBSP "282");
    assert_string_equal(text_at(ctx, "budget.totals.0.with_reserves.text"), "12" NBSP "982");
    assert_string_equal(text_at(ctx, "budget.totals.2.result.text"), "10" NBSP "186");
    /* rules: "budget held" has no figures in a plan; equity 2 319 of 10 006 is
     * 23,2 %, over 20 %; the buffer 700 meets 700; administration 1 475 of
     * 9 963 is 14,8 % */
    assert_int_equal(count_at(ctx, "rules.judged"), 3);
    assert_true(flag_at(ctx, "rules.unjudged.0.is_within_budget"));
    assert_true(flag_at(ctx, "rules.judged.0.is_equity_share"));
    assert_string_equal(text_at(ctx, "rules.judged.0.max.text"), "20" NBSP "%");
    assert_true(flag_at(ctx, "rules.judged.0.cells.0.is_not_met"));
    assert_string_equal(text_at(ctx, "rules.judged.0.cells.0.figure.text"), "23,2" NBSP "%");
    assert_true(flag_at(ctx, "rules.judged.1.cells.0.is_met"));
    assert_string_equal(text_at(ctx, "rules.judged.1.min.text"), "700");
    assert_true(flag_at(ctx, "rules.judged.1.min.unit_tkr"));
    assert_string_equal(text_at(ctx, "rules.judged.2.cells.0.figure.text"), "14,8" NBSP "%");
    assert_true(flag_at(ctx, "rules.judged.2.cells.2.is_not_met"));
    /* 5 003 000 + 2 501 500 + 1 653 492 + 287 672 + 155 093 + 405 243 */
    assert_true(flag_at(ctx, "allocation.has_amounts"));
    assert_string_equal(text_at(ctx, "allocation.total.text"), "10" NBSP "006" NBSP "000");
    int64_t sum = 0;
    for (size_t i = 0; i < count_at(ctx, "allocation.entries"); i++) {
        char path[64];
        snprintf(path, sizeof path, "allocation.entries.%zu.part.value", i);
        sum += value_at(ctx, path)->as.i;
    }
    assert_int_equal(sum, 1000);
    assert_string_equal(text_at(ctx, "allocation.entries.0.part.text"), "50,0" NBSP "%");
}

static void samspelet_interventions(void **state)
{
    test_fixture *fx = *state;
    value *ctx = plan_context(fx, "../plans/samspelet/plan-2025.yaml");
    const value *tris = value_at(section(ctx, "TRIS Samspelet"), "parts.0.intervention");
    const value *tillit = value_at(section(ctx, "Tillitsbyrån Grums"), "parts.0.intervention");
    const value *stegen = value_at(section(ctx, "Stegen Kristinehamn"), "parts.0.intervention");
    assert_non_null(tris);
    assert_non_null(tillit);
    assert_non_null(stegen);
    assert_false(flag_at(tris, "show_name")); /* the section's heading is its name */
    assert_string_equal(text_at(tris, "owner"), "Region Värmland");
    assert_string_equal(text_at(tris, "funding.text"), "3" NBSP "710");
    assert_string_equal(text_at(tris, "sub_hashes"), "####");
    assert_string_equal(text_at(tillit, "to"), "2025-10");
    /* Stegen: five targets, then five under the lead-in */
    assert_int_equal(count_at(stegen, "targets"), 2);
    assert_string_equal(text_at(stegen, "targets.1.lead"),
                        "Indikatorer fylls i av deltagare vid avslut av insats:");
    assert_int_equal(count_at(stegen, "targets.0.items"), 5);
    assert_int_equal(count_at(stegen, "targets.1.items"), 5);
    const value *budget_section = section(ctx, "Budget – förslag");
    assert_true(flag_at(budget_section, "parts.0.budget_here"));
}

/* ---- templates ------------------------------------------------------------------------ */

static const char *render(test_fixture *fx, const char *name, const value *ctx, const char *own_dir)
{
    const char *dirs[] = {own_dir, "../templates"};
    template_store ts;
    templates_init(&ts, &fx->mem, dirs, 2);
    strbuf out = {0};
    if (!templates_render_markdown(&ts, name, ctx, &out, &fx->dl)) {
        diag_print_all(&fx->dl, stderr);
        fail_msg("%s does not render", name);
    }
    const char *md = arena_strdup(&fx->mem, out.data);
    strbuf_free(&out);
    return md;
}

static void contains(const char *md, const char *want)
{
    if (!strstr(md, want))
        fail_msg("the Markdown lacks “%s”", want);
}

/* A carried-forward equity that is not the remainder of the year before,
 * and a member's amount that does not add up to the stated total: each
 * warning of the compute stage becomes a note beside its table. */
static void notes_follow_the_warnings(void **state)
{
    test_fixture *fx = *state;
    plan *p = load(fx, "../plans/samspelet/plan-2025.yaml");
    assert_string_equal(p->budget.income[1].label, "Eget Kapital");
    p->budget.income[1].cells[1].amount = 2300;     /* 2025 leaves 2 319 */
    p->allocation.entries[3].amount.value = 287000; /* Hammarö: 672 less */
    value *ctx = context_of(fx, p);
    /* 2026: the equity 2 300 and the printed totals 12 725, 13 425 and 2 720,
     * where the rows now give 12 706, 13 406 and 12 706 − 10 005 = 2 701;
     * 2027: the equity 2 720, where 2026 now leaves 2 701 */
    assert_int_equal(count_at(ctx, "budget.notes"), 5);
    assert_true(flag_at(ctx, "budget.notes.0.cell.is_carry"));
    assert_string_equal(text_at(ctx, "budget.notes.0.cell.printed.text"), "2" NBSP "300");
    assert_string_equal(text_at(ctx, "budget.notes.0.cell.computed.text"), "2" NBSP "319");
    assert_string_equal(text_at(ctx, "budget.notes.0.cell.previous.year"), "2025");
    assert_true(flag_at(ctx, "budget.notes.1.cell.is_carry"));
    assert_string_equal(text_at(ctx, "budget.notes.1.cell.computed.text"), "2" NBSP "701");
    assert_string_equal(text_at(ctx, "budget.notes.2.total.computed.text"), "12" NBSP "706");
    assert_string_equal(text_at(ctx, "budget.notes.2.total.label"), "Summa budget");
    assert_true(flag_at(ctx, "budget.notes.3.total.is_with_reserves"));
    assert_string_equal(text_at(ctx, "budget.notes.3.total.computed.text"), "13" NBSP "406");
    assert_true(flag_at(ctx, "budget.notes.4.total.is_result"));
    assert_string_equal(text_at(ctx, "budget.notes.4.total.printed.text"), "2" NBSP "720");
    assert_string_equal(text_at(ctx, "budget.notes.4.total.computed.text"), "2" NBSP "701");
    assert_true(flag_at(ctx, "budget.has_notes"));
    /* 10 006 000 printed, the members now add up to 10 005 328 */
    const value *notes = value_at(ctx, "allocation.notes");
    assert_non_null(notes);
    bool total = false;
    for (size_t i = 0; i < notes->as.list.count; i++)
        if (value_at(notes->as.list.items[i], "total_note")) {
            total = true;
            assert_string_equal(text_at(notes->as.list.items[i], "total_note.printed.text"),
                                "10" NBSP "006" NBSP "000");
            assert_string_equal(text_at(notes->as.list.items[i], "total_note.computed.text"),
                                "10" NBSP "005" NBSP "328");
        }
    assert_true(total);
    /* in print: each note once, with its figures */
    const char *md = render(fx, "plan", ctx, NULL);
    contains(md, "> - Summan står som 10" NBSP "006" NBSP
                 "000 kr i underlaget, men beloppen ger 10" NBSP "005" NBSP "328 kr.");
    contains(md, "> - Eget Kapital, prognos 2026: 2" NBSP "300, men det som lämnas obudgeterat i "
                 "budget 2025 är 2" NBSP "319.");
    assert_null(strstr(md, "Medelstilldelningen är"));
}

static void plan_markdown(void **state)
{
    test_fixture *fx = *state;
    const char *md = render(fx, "plan", plan_context(fx, "../plans/samsund/plan-2024.yaml"), NULL);
    contains(md, "```cover\ntitle: Verksamhetsplan 2024\n"
                 "decision: Beslutad av styrelsen 2023-11-27\n"
                 "association: Samordningsförbundet Samsund\n```");
    contains(md, "# Innehåll\n\n```toc\n```");
    contains(md, "| **Totalt** | **10" NBSP "014** | **7" NBSP "883** | **9" NBSP "016** |");
    contains(md, "| **Resultat** | **" MINUS "745** |");
    contains(md, "| Målområde | Vi bidrar till att utveckla samverkan");
    contains(md, "| Mål | • Genomföra behovsanalyser |\n|  | • Öka kännedomen");
    contains(md, "| Järfälla | 50" NBSP "% |");
    contains(md, "> **Obs!**");
    contains(md, "Postadress: Rosengatan 8, 172 70 Sundbyberg  \nTelefon: 08-706 80 37  \n");
}

/* A table that prints its costs negative prints them so, and its result is
 * still income less costs. */
static void costs_print_with_the_tables_sign(void **state)
{
    test_fixture *fx = *state;
    plan *p = load(fx, "../plans/samsund/plan-2024.yaml");
    p->budget.costs_negative = true;
    const char *md = render(fx, "plan", context_of(fx, p), NULL);
    contains(md, "| Kansli | " MINUS "2" NBSP "000 | " MINUS "2" NBSP "000 | " MINUS "2" NBSP "250 |");
    contains(md, "| **Totalt** | **" MINUS "10" NBSP "759** |");
    contains(md, "| **Resultat** | **" MINUS "745** |");
}

static void an_association_overrides_one_block(void **state)
{
    test_fixture *fx = *state;
    char dir[] = "/tmp/planpress-own.XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/plan.mustache", dir);
    write_text(path,
               "{{<plan}}\n{{$contact}}\nRing {{association.phone}}.\n{{/contact}}\n{{/plan}}\n");
    const char *md = render(fx, "plan", plan_context(fx, "../plans/samsund/plan-2024.yaml"), dir);
    unlink(path);
    rmdir(dir);
    contains(md, "Ring 08-706 80 37.");
    contains(md, "# Budget 2024 - 2026");
    contains(md, "# Innehåll");
    assert_null(strstr(md, "Postadress"));
}

static void a_name_in_fenced_blocks(void **state)
{
    test_fixture *fx = *state;
    plan *p = load_plan(&fx->mem, "../plans/samsund/plan-2024.yaml", &fx->dl);
    assert_non_null(p);
    association *a = arena_alloc(&fx->mem, sizeof *a);
    *a = *p->assoc;
    a->name = "Förbundet A & B_1 #2";
    p->assoc = a;
    budget_figures f = budget_compute(&fx->mem, &p->budget);
    const char *md = render(fx, "plan", context_for_plan(&fx->mem, p, &f), NULL);
    contains(md, "association: Förbundet A & B_1 #2\n");
    contains(md, "## Förbundet A \\& B\\_1 \\#2\n"); /* in the text: escaped for Markdown */
}

/* ---- the annual report: seed 002 --------------------------------------------------------- */

static void report_without_a_plan(void **state)
{
    test_fixture *fx = *state;
    value *ctx = report_context(fx, "../plans/sodra-vatterbygden/outcome-2023.yaml");
    assert_false(flag_at(ctx, "report.has_plan"));
    /* 9 579 500 − 9 097 400 = 482 100 below the budget: 5,0 % of it */
    assert_string_equal(text_at(ctx, "economy.deviation.text"), "482" NBSP "100");
    assert_string_equal(text_at(ctx, "economy.deviation.percent.text"), "5,0" NBSP "%");
    assert_true(flag_at(ctx, "economy.deviation.favourable"));
    /* women 109, men 99, new 108, exits 74; 8 + 7 of the 74 to work or studies */
    assert_string_equal(text_at(ctx, "participants.total.women.text"), "109");
    assert_string_equal(text_at(ctx, "participants.total.men.text"), "99");
    assert_string_equal(text_at(ctx, "participants.total.new.text"), "108");
    assert_string_equal(text_at(ctx, "participants.total.exits.text"), "74");
    assert_string_equal(text_at(ctx, "participants.total.work_or_studies.text"), "20,3" NBSP "%");
    assert_int_equal(count_at(ctx, "participants.reason_columns"), 5);
    /* FIA: 2 + 1 + 3 + 9 + 0 = 15 reasons for 14 exits */
    assert_int_equal(count_at(ctx, "participants.notes"), 1);
    assert_string_equal(text_at(ctx, "participants.notes.0.row.name"), "FIA");
    assert_string_equal(text_at(ctx, "participants.notes.0.row.reasons.sum.text"), "15");
    /* the split as printed: 74, 10, 16 % */
    assert_false(flag_at(ctx, "split.from_amounts"));
    assert_string_equal(text_at(ctx, "split.classes.0.percent.plain"), "74");
    assert_true(flag_at(ctx, "ratios.admin.stated"));
    assert_int_equal(count_at(ctx, "rules"), 0);
    assert_false(flag_at(ctx, "goals.present"));
}

static void report_flags_the_printed_result(void **state)
{
    test_fixture *fx = *state;
    value *ctx = report_context(fx, "../plans/hoglandet/outcome-2023.yaml");
    /* 8 169 803 − 7 745 914 = 423 889; the printed 308 086 is 8 054 000 − 7 745 914 */
    assert_string_equal(text_at(ctx, "economy.result.text"), "423" NBSP "889");
    assert_string_equal(text_at(ctx, "economy.notes.0.result.printed.text"), "308" NBSP "086");
    assert_string_equal(text_at(ctx, "economy.notes.0.result.budget.text"),
                        "8" NBSP "054" NBSP "000");
    /* 1 639 471 of 8 036 000 is 20,4 % */
    assert_string_equal(text_at(ctx, "ratios.equity.text"), "20,4" NBSP "%");
    /* the rows name 5 516 212 of the costs; 2 229 702 are left */
    assert_string_equal(text_at(ctx, "report.cost_rest.text"), "2" NBSP "229" NBSP "702");
    assert_string_equal(text_at(ctx, "cost_rows.0.share.text"), "48,6" NBSP "%");
    /* "ny verksamhet" has its own name in the split */
    assert_string_equal(text_at(ctx, "split.classes.3.name"), "Ny verksamhet");
    assert_string_equal(text_at(ctx, "split.classes.3.name_yaml"), "\"Ny verksamhet\"");
}

static void report_markdown(void **state)
{
    test_fixture *fx = *state;
    const char *md = render(
        fx, "report", report_context(fx, "../plans/sodra-vatterbygden/outcome-2023.yaml"), NULL);
    contains(md, "title: Verksamhetsberättelse 2023\n");
    contains(md, "| **Kostnader totalt** | **9" NBSP "579" NBSP "500** | **9" NBSP "097" NBSP
                 "400** | **482" NBSP "100** | **5,0" NBSP "%** |");
    contains(md, "categories: [\"Individinriktade insatser\", \"Strukturövergripande insatser\", "
                 "\"Administration\"]");
    contains(md, "values: [74, 10, 16]");
    contains(md, "| **Totalt** | **109** | **99** | **208** | **108** | **74** |");
    assert_null(strstr(md, "# Finansiella mål"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(text_for_fenced_blocks, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(samsund_budget_and_notes, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(samsund_parts, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(costs_print_with_the_tables_sign, test_setup,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(samspelet_rules_and_allocation, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(samspelet_interventions, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(notes_follow_the_warnings, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(plan_markdown, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(an_association_overrides_one_block, test_setup,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(a_name_in_fenced_blocks, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(report_without_a_plan, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(report_flags_the_printed_result, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(report_markdown, test_setup, test_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
