/* The contexts of minutes, their summary and the comparison of a group, on
 * the Jönköping samples (figures worked out by hand from seed 002), and the
 * Markdown the default templates make of them: values inside the fenced
 * YAML blocks come quoted, without Markdown escapes. */
#include <stdlib.h>
#include <string.h>

#include "test_support.h"
#include "check.h"
#include "context.h"
#include "load.h"
#include "templates.h"
#include "yamltree.h"

#define NB    "\xc2\xa0"
#define MINUS "\xe2\x88\x92"

static const char *text(const value *root, const char *path)
{
    const value *v = value_at(root, path);
    if (!v || v->kind != VALUE_STRING)
        fail_msg("%s is not a string", path);
    return v->as.str.s;
}

static size_t count(const value *root, const char *path)
{
    const value *v = value_at(root, path);
    if (!v || v->kind != VALUE_LIST)
        fail_msg("%s is not a list", path);
    return v->as.list.count;
}

static bool truthy(const value *root, const char *path)
{
    return value_truthy(value_at(root, path));
}

static void render(test_fixture *fx, const char *name, const value *context)
{
    const char *dirs[] = {"../templates"};
    template_store ts;
    templates_init(&ts, &fx->mem, dirs, 1);
    strbuf_free(&fx->out);
    fx->out = (strbuf){0};
    assert_true(templates_render_markdown(&ts, name, context, &fx->out, &fx->dl));
    assert_int_equal(fx->dl.errors, 0);
}

static bool has(const test_fixture *fx, const char *s)
{
    return strstr(fx->out.data, s) != NULL;
}

/* The body of the first fenced block with info string `info`. */
static const char *fenced(test_fixture *fx, const char *info)
{
    const char *open = strstr(fx->out.data, arena_printf(&fx->mem, "```%s\n", info));
    assert_non_null(open);
    open += strlen(info) + 4;
    const char *close = strstr(open, "\n```");
    assert_non_null(close);
    return arena_strndup(&fx->mem, open, (size_t)(close - open + 1));
}

/* ---- shared pieces -------------------------------------------------------- */

static void yaml_strings_read_back_as_written(void **state)
{
    test_fixture *fx = *state;
    static const char *const texts[] = {"Södra Vätterbygden",
                                        "A \"quoted\" \\ name",
                                        "Lön*bidrag_2024_ | [a] #1",
                                        "- dash: colon, {brace}",
                                        "~",
                                        "null",
                                        "123",
                                        ""};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        const char *q = context_yaml_string(&fx->mem, texts[i]);
        const char *doc = arena_printf(&fx->mem, "v: %s\n", q);
        ynode *root = ytree_parse(&fx->mem, "t", doc, strlen(doc), &fx->dl);
        assert_non_null(root);
        const ynode *v = ymap_get(root, "v");
        assert_non_null(v);
        assert_int_equal(v->kind, YNODE_SCALAR);
        assert_string_equal(v->text, texts[i]);
    }
    assert_string_equal(context_yaml_string(&fx->mem, "two\nlines"), "\"two lines\"");
    assert_string_equal(context_yaml_string(&fx->mem, NULL), "\"\"");
}

static void plain_figures_dates_and_moments(void **state)
{
    test_fixture *fx = *state;
    assert_string_equal(context_plain_tenths(&fx->mem, 740), "74");
    assert_string_equal(context_plain_tenths(&fx->mem, 204), "20.4");
    assert_string_equal(context_plain_tenths(&fx->mem, 5), "0.5");
    assert_string_equal(context_plain_tenths(&fx->mem, -35), "-3.5");
    assert_string_equal(context_plain_tenths(&fx->mem, 0), "0");
    assert_string_equal(context_date(&fx->mem, (date){2025, 0, 0}), "2025");
    assert_string_equal(context_date(&fx->mem, (date){2025, 10, 0}), "2025-10");
    assert_string_equal(context_date(&fx->mem, (date){2024, 2, 23}), "2024-02-23");
    assert_string_equal(context_date(&fx->mem, (date){0, 0, 0}), "");
    date_time t = {{2024, 2, 28}, 10, 45, 54, 60};
    assert_string_equal(context_date_time(&fx->mem, &t), "2024-02-28 10:45:54 +01:00");
    t.utc_offset = -330;
    assert_string_equal(context_date_time(&fx->mem, &t), "2024-02-28 10:45:54 -05:30");
    const value *p = context_percent(&fx->mem, 204, 1, true);
    assert_string_equal(text(p, "text"), "20,4" NB "%");
    assert_string_equal(text(p, "plain"), "20.4");
    assert_string_equal(text(context_percent(&fx->mem, 0, 0, false), "plain"), "~");
    assert_true(truthy(context_count(&fx->mem, 1, true), "one"));
    assert_false(truthy(context_count(&fx->mem, 2, true), "one"));
}

/* ---- minutes ------------------------------------------------------------------ */

static const value *sample_minutes(test_fixture *fx)
{
    minutes *m = load_minutes(&fx->mem, "../plans/jonkoping/minutes-2024-02-23.yaml", &fx->dl);
    assert_non_null(m);
    assert_int_equal(fx->dl.warnings, 0);
    return context_for_minutes(&fx->mem, m);
}

static void minutes_context(void **state)
{
    test_fixture *fx = *state;
    const value *c = sample_minutes(fx);
    assert_string_equal(text(c, "minutes.date"), "2024-02-23");
    assert_string_equal(text(c, "minutes.place"), "Vrigstad vårdshus");
    assert_string_equal(text(c, "minutes.attendance.text"), "22");
    assert_int_equal(count(c, "minutes.attendees"), 22);
    assert_true(truthy(c, "minutes.attendees.21.last"));
    assert_true(truthy(c, "minutes.attendees.20.before_last"));
    assert_false(truthy(c, "minutes.attendees.20.last"));
    assert_int_equal(count(c, "minutes.called"), 5);
    assert_int_equal(count(c, "minutes.attachments"), 3);
    /* § 1 … § 9, with 7a and 7b under 7 */
    assert_int_equal(count(c, "minutes.items"), 9);
    assert_string_equal(text(c, "minutes.items.6.items.1.number"), "7b");
    assert_string_equal(text(c, "minutes.items.6.items.1.hashes"), "###");
    /* a sub-item has lists of its own, so it never shows its parent's */
    assert_int_equal(count(c, "minutes.items.6.items.0.items"), 0);
    assert_int_equal(count(c, "minutes.items.6.items.0.decisions"), 0);
    /* the decisions of § 2, § 5 and § 6 (two), the action of § 8 */
    assert_int_equal(count(c, "minutes.decisions"), 4);
    assert_string_equal(text(c, "minutes.decision_count.text"), "4");
    static const char *const items[] = {"2", "5", "6", "6"};
    for (size_t i = 0; i < 4; i++)
        assert_string_equal(text(c, arena_printf(&fx->mem, "minutes.decisions.%zu.item", i)),
                            items[i]);
    assert_string_equal(text(c, "minutes.decisions.3.text"),
                        "Effektutvärdering och uppföljning av finansierade insatser");
    assert_int_equal(count(c, "minutes.actions"), 1);
    assert_string_equal(text(c, "minutes.actions.0.what"), "Sammankalla medlemssamråd 2025");
    assert_string_equal(text(c, "minutes.actions.0.who"), "Tranås");
    assert_string_equal(text(c, "minutes.actions.0.item"), "8");
    assert_int_equal(value_at(c, "minutes.actions.0.by")->kind, VALUE_NULL);
    assert_string_equal(text(c, "minutes.next.date"), "2025");
    assert_string_equal(text(c, "minutes.next.convener"), "Tranås");
    /* chair, secretary and both adjusters sign, with their e-signature titles */
    assert_int_equal(count(c, "minutes.signers"), 4);
    assert_string_equal(text(c, "minutes.signers.0.name_yaml"), "\"Johanna Buchalle\"");
    assert_string_equal(text(c, "minutes.signers.0.title_yaml"), "\"Mötesordförande\"");
    assert_true(truthy(c, "minutes.signers.3.is_adjuster"));
    assert_string_equal(text(c, "minutes.signers.3.name"), "Joakim Dahlström");
    assert_string_equal(text(c, "minutes.signatures.0.time"), "2024-02-28 10:45:54 +01:00");
    assert_string_equal(text(c, "minutes.signatures.2.time"), "2024-02-28 13:08:34 +01:00");
    assert_string_equal(text(c, "minutes.signing.completed"), "2024-02-28 14:13:41 +01:00");
    assert_string_equal(text(c, "minutes.signing.reference"), "116553SE");
}

static void minutes_markdown(void **state)
{
    test_fixture *fx = *state;
    const value *c = sample_minutes(fx);
    render(fx, "minutes", c);
    assert_true(has(fx, "| Datum | 2024-02-23 |"));
    assert_true(has(fx, "Tommy Wiedeberg, Peter Hedfors, Kajsa Hallmans, Linda Johansson (22) |"));
    assert_true(has(fx, "## § 2 Val av justerare"));
    assert_true(has(fx, "### § 7a Strategikonferens"));
    assert_true(has(fx, "| Sammankalla medlemssamråd 2025 | Tranås | – |"));
    assert_string_equal(fenced(fx, "signatures"),
                        "signers:\n"
                        "  - {name: \"Johanna Buchalle\", role: \"Mötesordförande\"}\n"
                        "  - {name: \"Linda Johansson\", role: \"Sekreterare\"}\n"
                        "  - {name: \"Therese Petersson\", role: \"Justerare\"}\n"
                        "  - {name: \"Joakim Dahlström\", role: \"Justerare\"}\n");
    assert_true(has(fx, "# UNDERSKRIFTSSIDA"));
    assert_true(has(fx, "TID: 2024-02-28 14:13:35 +01:00\\\n"));
    assert_true(has(fx, "Ref: 116553SE"));

    render(fx, "summary", c);
    assert_true(has(fx, "| Närvarande | 22 deltagare |"));
    assert_true(has(fx, "| 5 | Långsiktig finansiering av IT-Spåret | Man vill invänta"));
    assert_true(has(fx, "| 8 | Sammankalla medlemssamråd 2025 | Tranås | – |"));
    assert_true(has(fx, "Tranås är sammankallande till nästa möte 2025."));
}

/* Names with Markdown's characters: escaped in the text, quoted as they are
 * inside the signature block; a signer without an e-signature gets the
 * template's word for the role. */
static void minutes_with_markup_in_names(void **state)
{
    test_fixture *fx = *state;
    person people[] = {{.name = "Anna_Berg*"}, {.name = "Bo \"B\" Ek"}};
    const char *adjusters[] = {"Bo \"B\" Ek"};
    minutes m = {.title = "Styrelsemöte",
                 .held_on = {2025, 3, 4},
                 .attendees = people,
                 .nattendees = 2,
                 .chair = "Anna_Berg*",
                 .adjusters = adjusters,
                 .nadjusters = 1};
    const value *c = context_for_minutes(&fx->mem, &m);
    render(fx, "minutes", c);
    assert_true(has(fx, "Anna\\_Berg\\*, Bo \"B\" Ek (2)"));
    assert_string_equal(fenced(fx, "signatures"),
                        "signers:\n"
                        "  - {name: \"Anna_Berg*\", role: Ordförande}\n"
                        "  - {name: \"Bo \\\"B\\\" Ek\", role: Justerare}\n");
    assert_false(has(fx, "UNDERSKRIFTSSIDA"));
    render(fx, "summary", c);
    assert_true(has(fx, "Mötet fattade inga beslut."));
    assert_true(has(fx, "Nästa möte är inte bestämt."));
}

/* ---- comparison ------------------------------------------------------------- */

/* The group and its outcomes as the comparison document loads them; `p`,
 * when given, is Höglandet's plan of the year. */
static const value *comparison_with_plan(test_fixture *fx, const plan *p, int64_t population)
{
    comparison_group *g = load_group(&fx->mem, "../plans/jonkoping/group.yaml", &fx->dl);
    assert_non_null(g);
    /* `population` shared evenly by Höglandet's six municipalities */
    association *hoglandet = (association *)g->associations[1];
    for (size_t i = 0; population && i < hoglandet->nmembers; i++)
        if (hoglandet->members[i].kind == MEMBER_MUNICIPALITY)
            hoglandet->members[i].population = population / 6;
    assert_int_equal(g->nassociations, 3);
    assert_int_equal(g->nyears, 1);
    comparison_entry *e = ARENA_ARRAY(&fx->mem, comparison_entry, 3);
    for (size_t a = 0; a < 3; a++) {
        const char *path = arena_printf(&fx->mem, "%s/outcome-2023.yaml", g->associations[a]->dir);
        e[a] = (comparison_entry){.assoc = g->associations[a], .year = 2023};
        outcome *o = load_outcome(&fx->mem, path, &fx->dl);
        assert_non_null(o);
        if (p && strcmp(g->associations[a]->id, "hoglandet") == 0)
            o->plan_of_year = p;
        e[a].o = o;
        e[a].checked = check_outcome(&fx->mem, o, &fx->dl);
    }
    assert_int_equal(fx->dl.errors, 0);
    assert_int_equal(fx->dl.warnings, 2); /* FIA's exit reasons, Höglandet's result */
    return context_for_comparison(&fx->mem, g, e, 3, fx->dl.items, fx->dl.count);
}

static const value *sample_comparison(test_fixture *fx)
{
    return comparison_with_plan(fx, NULL, 0);
}

static void comparison_context(void **state)
{
    test_fixture *fx = *state;
    const value *c = sample_comparison(fx);
    assert_string_equal(text(c, "group.years"), "2023");
    assert_string_equal(text(c, "group.next_year"), "2024");
    assert_int_equal(count(c, "columns"), 3);
    static const char *const names[] = {"Södra Vätterbygden", "Höglandet", "Finnveden"};
    /* budget and outcome as the slides print them */
    static const char *const budgets[] = {"9" NB "579" NB "500", "8" NB "054" NB "000",
                                          "6" NB "409" NB "000"};
    static const char *const costs[] = {"9" NB "097" NB "400", "7" NB "745" NB "914",
                                        "5" NB "782" NB "200"};
    /* 9 097 400 − 9 579 500, 7 745 914 − 8 054 000, 5 782 200 − 6 409 000 */
    static const char *const variances[] = {MINUS "482" NB "100", MINUS "308" NB "086",
                                            MINUS "626" NB "800"};
    static const char *const variance_shares[] = {MINUS "5,0" NB "%", MINUS "3,8" NB "%",
                                                  MINUS "9,8" NB "%"};
    static const char *const splits[][4] = {
        {"74", "10", "16", "~"}, {"55", "25", "15", "5"}, {"63", "24", "13", "~"}};
    static const char *const keys[] = {"individual", "structural", "administration", "other"};
    for (size_t i = 0; i < 3; i++) {
#define COL(path) arena_printf(&fx->mem, "columns.%zu." path, i)
        assert_string_equal(text(c, COL("heading")), names[i]);
        assert_string_equal(text(c, COL("economy.budget.text")), budgets[i]);
        assert_string_equal(text(c, COL("economy.costs.text")), costs[i]);
        assert_string_equal(text(c, COL("economy.variance.text")), variances[i]);
        assert_string_equal(text(c, COL("economy.variance_share.text")), variance_shares[i]);
        for (size_t k = 0; k < 4; k++)
            assert_string_equal(
                text(c, arena_printf(&fx->mem, "columns.%zu.split.%s.bar", i, keys[k])),
                splits[i][k]);
    }
    assert_string_equal(text(c, "columns.0.split.administration.text"), "16" NB "%");
    assert_string_equal(text(c, "columns.0.split.other.text"), "0" NB "%");
    /* Höglandet: 8 169 803 − 7 745 914 = 423 889; printed 308 086 */
    assert_string_equal(text(c, "columns.1.economy.result.text"), "423" NB "889");
    assert_string_equal(text(c, "columns.1.economy.printed_result.text"), "308" NB "086");
    assert_true(truthy(c, "columns.1.economy.result_differs"));
    assert_false(truthy(c, "columns.0.economy.result.present"));
    /* 1 639 471 of 8 036 000 is 20,4 % */
    assert_string_equal(text(c, "columns.1.economy.equity_share.text"), "20,4" NB "%");
    assert_string_equal(text(c, "columns.0.economy.next_budget.text"), "11" NB "356" NB "500");
    assert_string_equal(text(c, "columns.1.economy.next_budget.text"), "8" NB "236" NB "000");
    /* participants: 24+27+23+0+35 women, 38+17+13+4+27 men */
    assert_string_equal(text(c, "columns.0.participants.women.text"), "109");
    assert_string_equal(text(c, "columns.0.participants.men.text"), "99");
    assert_string_equal(text(c, "columns.0.participants.total.text"), "208");
    assert_string_equal(text(c, "columns.0.participants.women_share.text"), "52,4" NB "%");
    /* to work or studies: 4+5, 2+1, 2+1 of 20+40+14 exits; 3 of 31 */
    assert_string_equal(text(c, "columns.0.participants.work_or_studies.text"), "15");
    assert_string_equal(text(c, "columns.0.participants.work_or_studies_share.text"),
                        "20,3" NB "%");
    assert_string_equal(text(c, "columns.2.participants.total.text"), "76");
    assert_string_equal(text(c, "columns.2.participants.work_or_studies_share.text"), "9,7" NB "%");
    assert_false(truthy(c, "columns.2.participants.women.present"));
    /* rows no association has are left out */
    assert_true(truthy(c, "rows.allocation"));
    assert_false(truthy(c, "rows.per_inhabitant"));
    assert_true(truthy(c, "rows.split_other"));
    assert_false(truthy(c, "rows.rule"));
    assert_false(truthy(c, "rows.targets"));
    /* IT-spåret: 2022 before 2023; Höglandet's own outcome counts all 17 */
    assert_string_equal(text(c, "joint.0.years.0.year"), "2022");
    assert_string_equal(text(c, "joint.0.years.1.total.text"), "17");
    assert_string_equal(text(c, "joint.0.cost_per_party.text"), "562" NB "500");
    assert_string_equal(text(c, "joint.0.associations.1.name"), "Höglandet");
    assert_string_equal(text(c, "joint.0.associations.1.cells.1.text"), "12");
    assert_string_equal(text(c, "joint.0.associations.1.own.0.text"), "17");
    assert_string_equal(text(c, "joint.0.associations.0.cells.0.text"), "7");
    assert_string_equal(text(c, "joint.0.associations.0.own.0.text"), "4");
    assert_false(truthy(c, "joint.0.associations.2.own.0.present"));
    assert_string_equal(text(c, "joint.0.exit_rows.0.label"), "Avslutade till arbete");
    assert_string_equal(text(c, "joint.0.exit_rows.0.cells.0.text"), "4");
    assert_false(truthy(c, "joint.0.age_rows.0.cells.0.present"));
    /* the warnings, for the note: Swedish sentences about the figures, with
     * the association they concern, and no file */
    assert_int_equal(count(c, "warnings"), 2);
    assert_string_equal(text(c, "warnings.0.who"), "Södra Vätterbygden");
    assert_string_equal(text(c, "warnings.0.note"),
                        "FIA 2023: avslutsorsakerna summerar till 15, men avsluten är 14; troligen "
                        "ett avslut räknat under två orsaker eller en felskriven orsak.");
    assert_null(value_at(c, "warnings.0.file"));
    assert_string_equal(text(c, "warnings.1.who"), "Höglandet");
    assert_string_equal(text(c, "warning_count.text"), "2");
}

static void comparison_markdown(void **state)
{
    test_fixture *fx = *state;
    render(fx, "comparison", sample_comparison(fx));
    assert_string_equal(fenced(fx, "chart"), "type: stacked\n"
                                             "percent: true\n"
                                             "unit: \"%\"\n"
                                             "title: Fördelning av utfallet 2023\n"
                                             "categories:\n"
                                             "  - \"Södra Vätterbygden\"\n"
                                             "  - \"Höglandet\"\n"
                                             "  - \"Finnveden\"\n"
                                             "series:\n"
                                             "  - name: Individinriktade insatser\n"
                                             "    values:\n"
                                             "      - 74\n"
                                             "      - 55\n"
                                             "      - 63\n"
                                             "  - name: Strukturövergripande insatser\n"
                                             "    values:\n"
                                             "      - 10\n"
                                             "      - 25\n"
                                             "      - 24\n"
                                             "  - name: Administration\n"
                                             "    values:\n"
                                             "      - 16\n"
                                             "      - 15\n"
                                             "      - 13\n"
                                             "  - name: Övrigt\n"
                                             "    values:\n"
                                             "      - ~\n"
                                             "      - 5\n"
                                             "      - ~\n");
    assert_true(has(fx, "| Budget (kostnader) | 9" NB "579" NB "500 | 8" NB "054" NB "000 | 6" NB
                        "409" NB "000 |"));
    assert_true(has(fx, "| Medlemsavgifter | – | 8" NB "036" NB "000 | – |"));
    assert_true(has(fx, "| Administration | 16" NB "% | 15" NB "% | 13" NB "% |"));
    assert_true(has(fx, "| Kvinnor | 109 | 98 | – |"));
    assert_true(has(fx, "> **Att observera: kontrollen av underlaget gav 2 varningar**"));
    assert_true(has(fx, "> - Höglandet: Resultatet 2023 står som 308" NB "086 i underlaget"));
    assert_false(has(fx, "outcome-2023.yaml"));
    assert_true(has(fx, "| Höglandet | 12 | 12 | 17 |"));
    assert_false(has(fx, "Medlemsavgift per invånare"));
}

/* Höglandet's rules, as Samspelet's plan words them: its equity, 1 639 471 of
 * 8 036 000 (20,4 %), is above 20 %; its administration, printed as 15 %
 * with no amounts by category, is judged on the printed share. */
static void comparison_rules_against_the_plan(void **state)
{
    test_fixture *fx = *state;
    financial_rule rules[] = {
        {.text = "Eget kapital …", .measure = RULE_EQUITY_SHARE, .min = INT64_MIN, .max = 2000},
        {.text = "Administrativa kostnader …",
         .measure = RULE_ADMINISTRATION_SHARE,
         .min = INT64_MIN,
         .max = 2000}};
    plan p = {.year = 2023, .title = "Verksamhetsplan 2023", .rules = rules, .nrules = 2};
    const value *c = comparison_with_plan(fx, &p, 0);
    assert_true(truthy(c, "rows.rule"));
    assert_true(truthy(c, "rows.equity_rule"));
    assert_string_equal(text(c, "columns.1.rules.equity.max"), "20" NB "%");
    assert_true(truthy(c, "columns.1.rules.equity.not_met"));
    assert_true(truthy(c, "columns.1.rules.administration.met"));
    assert_false(truthy(c, "columns.0.rules.equity.present"));
    render(fx, "comparison", c);
    assert_true(has(fx, "| Regel för eget kapital | – | högst 20" NB "%: ej uppfylld | – |"));
    assert_true(has(fx, "| Regel för administrationen | – | högst 20" NB "%: uppfylld | – |"));
    assert_false(has(fx, "Inget av förbunden har finansiella regler"));
}

/* Where every municipality's population is known: Höglandet's 8 036 000 kr
 * over 6 × 20 000 inhabitants is 66,97 kr, 67,0 kr per inhabitant. */
static void comparison_allocation_per_inhabitant(void **state)
{
    test_fixture *fx = *state;
    const value *c = comparison_with_plan(fx, NULL, 120000);
    assert_true(truthy(c, "rows.per_inhabitant"));
    assert_string_equal(text(c, "columns.1.per_inhabitant.text"), "67,0");
    assert_string_equal(text(c, "columns.1.per_inhabitant.population.text"), "120" NB "000");
    assert_false(truthy(c, "columns.0.per_inhabitant.present"));
    render(fx, "comparison", c);
    assert_true(has(fx, "| Medlemsavgift per invånare (kr) | – | 67,0 | – |"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(yaml_strings_read_back_as_written, test_setup,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(plain_figures_dates_and_moments, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(minutes_context, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(minutes_markdown, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(minutes_with_markup_in_names, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(comparison_context, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(comparison_markdown, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(comparison_rules_against_the_plan, test_setup,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(comparison_allocation_per_inhabitant, test_setup,
                                        test_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
