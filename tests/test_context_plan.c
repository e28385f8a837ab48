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
    assert_int_equal(value_at(ctx, "budget.notes.2.total.explained")->kind, VALUE_NULL);
    /* every kind of note and of cause is there, the others false */
    assert_false(flag_at(ctx, "budget.notes.2.total.is_income"));
    assert_false(value_truthy(value_at(ctx, "budget.notes.2.cell")));
    assert_false(flag_at(ctx, "budget.notes.0.cell.is_carry"));
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
    /* the texts say the owner and the period: as seed 003, no facts after them */
    assert_false(flag_at(tris, "has_facts"));
    assert_null(value_at(tris, "owner.text"));
    assert_false(flag_at(tillit, "has_facts"));
    assert_string_equal(text_at(tris, "sub_hashes"), "####");
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
        fail_msg("the Markdown lacks “%s” in:\n%s", want, md);
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
        if (value_truthy(value_at(notes->as.list.items[i], "total_note"))) {
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

/* Targets of the whole association print where a section shows them (or
 * under "Mätbara mål" where none does), a goal area's with the goal area
 * unless a section shows them apart; the report judges all of them. */
static void targets_of_the_association_and_goal_areas(void **state)
{
    test_fixture *fx = *state;
    write_file(fx, "association.yaml",
               "association:\n  name: Samordningsförbundet Test\n"
               "  members: [{name: Försäkringskassan, kind: state}]\n");
    const char *plan_yaml =
        "plan:\n"
        "  year: 2024\n"
        "  title: Plan\n"
        "  sections:\n"
        "    - {heading: Mål för förbundet, body: Förbundets mål 2024., show: [%s]}\n"
        "    - {heading: Målområden, level: 2, show: [goal_areas]}\n"
        "    - {heading: Beslut, body: Styrelsen beslutar.}\n"
        "  targets:\n"
        "    - {id: individer, text: Minst 320 individer tar del av de finansierade "
        "insatserna, comparator: at_least, value: 320, unit: individer}\n"
        "  goal_areas:\n"
        "    - id: struktur\n"
        "      title: Struktur\n"
        "      goals: [Samverkan]\n"
        "      targets:\n"
        "        - {id: frukost, group: \"Under året:\", text: minst fem frukostmöten, "
        "comparator: at_least, value: 5, unit: frukostmöten}\n";
    const char *path = write_file(fx, "plan-2024.yaml", arena_printf(&fx->mem, plan_yaml, "targets"));
    const char *md = render(fx, "plan", context_of(fx, load(fx, path)), NULL);
    contains(md, "# Mål för förbundet\n\nFörbundets mål 2024.\n\n"
                 "- Minst 320 individer tar del av de finansierade insatserna\n");
    contains(md, "| Mål | • Samverkan |\n\n### Mätpunkter\n\n*Under året:*\n\n"
                 "- minst fem frukostmöten\n");
    assert_null(strstr(md, "# Mätbara mål"));

    /* shown apart, a goal area's targets leave it; the association's, shown
     * by none, go before the last chapter under their own heading */
    write_file(fx, "plan-2024.yaml", arena_printf(&fx->mem, plan_yaml, "goal_areas.struktur.targets"));
    md = render(fx, "plan", context_of(fx, load(fx, path)), NULL);
    contains(md, "Förbundets mål 2024.\n\n## Mätpunkter\n\n*Under året:*\n\n- minst fem");
    contains(md, "| Mål | • Samverkan |\n\n# Mätbara mål\n\n- Minst 320 individer");
    contains(md, "- Minst 320 individer tar del av de finansierade insatserna\n\n# Beslut");
    const char *once = strstr(md, "minst fem frukostmöten");
    assert_null(strstr(once + 1, "minst fem frukostmöten"));

    const char *outcome_path =
        write_file(fx, "outcome-2024.yaml",
                   "outcome:\n  year: 2024\n  targets:\n"
                   "    - {target: individer, value: 341}\n"
                   "    - {goal_area: struktur, target: frukost, value: 4}\n");
    md = render(fx, "report", report_context(fx, outcome_path), NULL);
    contains(md, "## Förbundet som helhet\n\n| Mätpunkt | Mål | Utfall | Bedömning |\n"
                 "|:--|:--|:--|:--|\n| Minst 320 individer tar del av de finansierade insatserna "
                 "| minst 320 individer | 341 individer | uppfyllt |");
    contains(md, "## Målområde: Struktur\n");
    contains(md, "| minst fem frukostmöten | minst 5 frukostmöten | 4 frukostmöten | **ej uppfyllt** |");
    contains(md, "Av årets 2 mätpunkter är 1 uppfyllda, 1 ej uppfyllda");
    contains(md, "| Mätpunkter | Uppfyllda | Ej uppfyllda | Uppgift saknas |\n|:--|--:|--:|--:|\n"
                 "| Förbundet som helhet | 1 | 0 | 0 |\n| Struktur | 0 | 1 | 0 |\n");
}

/* The budget table as the source prints it: costs before income under the
 * source's own first-column head and column heads, no result line, a refund
 * with its minus; a group named as the line that would head the costs is
 * printed once. */
static void a_budget_table_as_printed(void **state)
{
    test_fixture *fx = *state;
    write_file(fx, "association.yaml",
               "association:\n  name: Samordningsförbundet Test\n"
               "  members: [{name: Försäkringskassan, kind: state}]\n");
    const char *path = write_file(
        fx, "plan-2018.yaml",
        "plan:\n  year: 2018\n  title: Plan\n"
        "  budget:\n"
        "    unit: kr\n"
        "    order: costs_first\n"
        "    header: Verksamhet\n"
        "    signs: costs_negative\n"
        "    columns: [{year: 2017, kind: outcome, label: UTFALL 2017}, {year: 2018, kind: budget, "
        "label: FÖRSLAG 2018}]\n"
        "    income:\n"
        "      - {label: Medlemsavgifter, category: allocation, values: [900000, 1000000]}\n"
        "      - {label: Återbetalning, category: other, reduces: true, values: [~, -50000]}\n"
        "    costs:\n"
        "      - {group: Kostnader, label: Kansliet, category: administration, values: [-500000, "
        "-600000]}\n"
        "      - {group: Insatser, label: MGT, category: individual, values: [-200000, -300000]}\n"
        "    labels: {income: Summa intäkter, costs: Summa kostnader}\n"
        "    omit: [result]\n");
    const char *md = render(fx, "plan", context_of(fx, load(fx, path)), NULL);
    contains(md, "| Verksamhet | UTFALL 2017 | FÖRSLAG 2018 |\n|:--|--:|--:|\n"
                 "| **Kostnader** | | |\n| Kansliet | " MINUS "500" NBSP "000 | " MINUS "600" NBSP
                 "000 |\n| **Insatser** | | |\n| MGT |");
    contains(md, "| **Summa kostnader** | **" MINUS "700" NBSP "000** | **" MINUS "900" NBSP
                 "000** |\n| **Intäkter** | | |\n| Medlemsavgifter | 900" NBSP "000 | 1" NBSP
                 "000" NBSP "000 |\n| Återbetalning |  | " MINUS "50" NBSP "000 |\n"
                 "| **Summa intäkter** | **900" NBSP "000** | **950" NBSP "000** |\n\n");
    assert_null(strstr(md, "Resultat"));
    assert_null(strstr(md, "***Kostnader***"));
}

/* Headings numbered by the plan's levels, a typed number ("9.0") that the
 * headings after it go on from, and a heading left without one. */
static void headings_numbered_as_printed(void **state)
{
    test_fixture *fx = *state;
    write_file(fx, "association.yaml",
               "association:\n  name: Samordningsförbundet Test\n"
               "  members: [{name: Försäkringskassan, kind: state}]\n");
    const char *path = write_file(fx, "plan-2018.yaml",
                                  "plan:\n  year: 2018\n  title: Plan\n  heading_numbers: auto\n"
                                  "  sections:\n"
                                  "    - {heading: Inledning, body: A.}\n"
                                  "    - {heading: Bakgrund, level: 2, body: B.}\n"
                                  "    - {heading: Mål, level: 2, number: 3.2, body: C.}\n"
                                  "    - {heading: Insatser, level: 3, body: D.}\n"
                                  "    - {heading: Budget, number: 9.0, body: E.}\n"
                                  "    - {heading: Kostnader, level: 2, body: F.}\n"
                                  "    - {heading: Bilaga, number: false, body: G.}\n");
    const char *md = render(fx, "plan", context_of(fx, load(fx, path)), NULL);
    /* (a figure's "." escaped, so that no number reads as a list item) */
    contains(md, "# 1 Inledning\n\nA.\n\n## 1\\.1 Bakgrund\n\nB.\n\n## 3\\.2 Mål\n\nC.\n\n"
                 "### 3\\.2.1 Insatser\n\nD.\n\n# 9\\.0 Budget\n\nE.\n\n## 9\\.1 Kostnader\n\n"
                 "F.\n\n# Bilaga\n");
    /* without heading_numbers only the typed numbers print */
    write_file(fx, "plan-2018.yaml",
               "plan:\n  year: 2018\n  title: Plan\n"
               "  sections:\n"
               "    - {heading: Inledning, body: A.}\n"
               "    - {heading: Budget, number: 9.0, body: E.}\n");
    md = render(fx, "plan", context_of(fx, load(fx, path)), NULL);
    contains(md, "# Inledning\n\nA.\n\n# 9\\.0 Budget\n");
}

/* Norrvik: an intervention until further notice with its whole budget and
 * its co-financing, one whose text says its owner and period (only its
 * budget printed after it); financiers giving more than the whole budget
 * are a warning. */
static void norrvik_interventions(void **state)
{
    test_fixture *fx = *state;
    plan *p = load(fx, "../plans/norrvik/plan-2018.yaml");
    const char *md = render(fx, "plan", context_of(fx, p), NULL);
    contains(md, "**Projektägare:** Norrviks kommun  \n**Period:** från 2016, tills vidare  \n"
                 "**Total budget:** 2" NBSP "400" NBSP "000 kr  \n**Medfinansiering:** ESF 600" NBSP
                 "000 kr, MUCF 150" NBSP "000 kr, Norrviks kommun 100" NBSP "000 kr  \n"
                 "**Budget 2018:** 1" NBSP "550" NBSP "000 kr  \n");
    contains(md, "\n**Budget 2018:** 700" NBSP "000 kr  \n");
    assert_null(strstr(md, "**Projektägare:** Region Västerbygd"));
    assert_null(strstr(md, "**Period:** 2017"));
    assert_int_equal(fx->dl.warnings, 0);
    p->interventions[0].financing[0].amount.value = 2300000;
    (void)context_of(fx, p);
    const diag *d = &fx->dl.items[fx->dl.count - 1];
    assert_int_equal(d->severity, DIAG_WARNING);
    assert_string_equal(d->message, "Unga vuxna: the financiers' parts add up to 2" NBSP "550" NBSP
                                    "000 kr, more than its total budget 2" NBSP "400" NBSP "000 kr");
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
        cmocka_unit_test_setup_teardown(targets_of_the_association_and_goal_areas,
                                        test_setup_with_folder, test_teardown),
        cmocka_unit_test_setup_teardown(a_budget_table_as_printed, test_setup_with_folder,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(headings_numbered_as_printed, test_setup_with_folder,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(norrvik_interventions, test_setup, test_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
