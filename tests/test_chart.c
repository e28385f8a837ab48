/* Charts (```chart): bars, axis and legend as boxes, figures in Swedish
 * style, shares of a 100 % bar that add up, and errors that name the line of
 * the Markdown and the key. */
#include <math.h>

#include "layout_fixture.h"

#define NB    "\xc2\xa0"
#define MINUS "\xe2\x88\x92"

static size_t count_text(const fixture *f, const char *text)
{
    size_t n = 0, page = 0;
    while (find_text_from(&f->doc, text, &page)) {
        const layout_page *pg = &f->doc.pages[page];
        for (size_t i = 0; i < pg->count; i++)
            n += pg->boxes[i].kind == BOX_TEXT && strcmp(pg->boxes[i].text, text) == 0;
        page++;
    }
    return n;
}

static void stacked_shares_add_up_to_100(void **state)
{
    fixture *f = *state;
    assert_true(lay_out(f, "```chart\ntype: stacked\npercent: true\ntitle: Kostnader\n"
                           "categories: [Norr, Söder]\nseries:\n"
                           "  - {name: Individ, values: [1, 62]}\n"
                           "  - {name: Struktur, values: [1, 23]}\n"
                           "  - {name: Administration, values: [1, 15]}\n```\n"));
    /* 1, 1, 1 of 3: the largest remainder gives the first the odd percent */
    assert_int_equal(count_text(f, "34" NB "%"), 1);
    assert_int_equal(count_text(f, "33" NB "%"), 2);
    assert_int_equal(count_text(f, "62" NB "%"), 1);
    assert_int_equal(count_text(f, "100" NB "%"), 1); /* the top of the axis */
    assert_int_equal(count_text(f, "50" NB "%"), 1);
    assert_int_equal(count_boxes(&f->doc.pages[0], BOX_RECT), 6 + 3); /* bars and legend */
    assert_int_equal(count_text(f, "Administration"), 1);
    assert_int_equal(count_text(f, "Kostnader"), 1);
    assert_int_equal(count_text(f, "Söder"), 1);
}

/* WCAG 2's relative luminance and contrast, worked out here again. */
static double luminance(uint32_t rgb)
{
    double c[3], w[3] = {0.2126, 0.7152, 0.0722}, sum = 0;
    for (int k = 0; k < 3; k++) {
        c[k] = (double)((rgb >> (16 - 8 * k)) & 0xFF) / 255;
        c[k] = c[k] <= 0.03928 ? c[k] / 12.92 : pow((c[k] + 0.055) / 1.055, 2.4);
        sum += w[k] * c[k];
    }
    return sum;
}

static double contrast(uint32_t a, uint32_t b)
{
    double la = luminance(a), lb = luminance(b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

/* The default style's series: each 3:1 against white (WCAG 1.4.11), and
 * neighbours apart in lightness too, so that they differ in grey. */
static void the_palette_meets_wcag(void **state)
{
    fixture *f = *state;
    const chart_look *look = &f->st.chart;
    assert_true(look->ncolors >= 4);
    for (size_t i = 0; i < look->ncolors; i++) {
        assert_true(contrast(look->colors[i], 0xFFFFFF) >= 3.0);
        if (i + 1 < look->ncolors)
            assert_true(contrast(look->colors[i], look->colors[i + 1]) >= 1.4);
    }
}

/* The segments of a stacked bar are parted by white lines; a figure on a
 * segment is white or black, whichever stands out more. */
static void stacked_segments_are_parted(void **state)
{
    fixture *f = *state;
    assert_true(lay_out(f, "```chart\ntype: stacked\npercent: true\ntitle: Kostnader\n"
                           "categories: [Norr, Söder]\nseries:\n"
                           "  - {name: Individ, values: [50, 62]}\n"
                           "  - {name: Struktur, values: [30, 23]}\n"
                           "  - {name: Administration, values: [20, 15]}\n```\n"));
    const layout_page *pg = &f->doc.pages[0];
    size_t white_rules = 0;
    for (size_t i = 0; i < pg->count; i++)
        white_rules += pg->boxes[i].kind == BOX_RULE && pg->boxes[i].color == 0xFFFFFF;
    assert_int_equal(white_rules, 2 * 2);
    size_t labels = 0;
    for (size_t i = 0; i < pg->count; i++) {
        const box *b = &pg->boxes[i];
        if (b->kind != BOX_TEXT || strcmp(b->text, "62" NB "%") != 0)
            continue;
        assert_true(contrast(b->color, f->st.chart.colors[0]) >= 4.5); /* on the first series */
        labels++;
    }
    assert_int_equal(labels, 1);
}

static void axis_has_round_steps(void **state)
{
    fixture *f = *state;
    assert_true(lay_out(f, "```chart\ntype: bar\nunit: tkr\ncategories: [Staten, Region, "
                           "Kommuner]\nseries:\n  - values: [3125, 1563, 500]\n```\n"));
    const char *ticks[] = {"0", "1" NB "000", "2" NB "000", "3" NB "000", "4" NB "000"};
    double last_y = 0;
    for (size_t i = 0; i < 5; i++) {
        size_t page;
        const box *b = find_text(&f->doc, ticks[i], &page);
        assert_non_null(b);
        assert_true(b->y > last_y);
        last_y = b->y;
    }
    assert_int_equal(count_text(f, "5" NB "000"), 0);
    assert_int_equal(count_text(f, "3" NB "125"), 1); /* the figure on its bar */
    assert_int_equal(count_text(f, "tkr"), 1);
    assert_int_equal(count_boxes(&f->doc.pages[0], BOX_RECT), 3); /* one series: no legend */
}

static void negative_figures_go_below_zero(void **state)
{
    fixture *f = *state;
    assert_true(lay_out(f, "```chart\ntype: grouped\ncategories: [2023, 2024]\nseries:\n"
                           "  - {name: Budget, values: [-745, 1028]}\n"
                           "  - {name: Utfall, values: [140, -1180.5]}\n```\n"));
    size_t page;
    const box *zero = find_text(&f->doc, "0", &page); /* the axis steps by 500 */
    assert_non_null(zero);
    const box *minus = find_text(&f->doc, MINUS "745,0", &page);
    assert_non_null(minus);
    assert_true(minus->y < zero->y);
    assert_non_null(find_text(&f->doc, MINUS "1" NB "180,5", &page));
    assert_non_null(find_text(&f->doc, "1" NB "028,0", &page));
    /* each bar is a rectangle between zero and its figure */
    const layout_page *pg = &f->doc.pages[0];
    size_t below = 0;
    for (size_t i = 0; i < pg->count; i++)
        below += pg->boxes[i].kind == BOX_RECT && pg->boxes[i].y + 1 < zero->y &&
                 pg->boxes[i].height > 20;
    assert_int_equal(below, 2);
}

static void figures_can_be_left_off(void **state)
{
    fixture *f = *state;
    assert_true(lay_out(f, "```chart\ntype: bar\nvalues: false\ncategories: [A, B]\nseries:\n"
                           "  - values: [3125, 1563]\n```\n"));
    assert_int_equal(count_text(f, "3" NB "125"), 0);
    assert_int_equal(count_boxes(&f->doc.pages[0], BOX_RECT), 2);
}

/* An error in a chart: the line in the Markdown, the key, what was found. */
static void assert_error(fixture *f, const char *markdown, int line, const char *path,
                         const char *words)
{
    size_t before = f->dl.count;
    assert_false(lay_out(f, markdown));
    assert_true(f->dl.count > before);
    const diag *d = &f->dl.items[before];
    assert_string_equal(d->file, "prov.md");
    assert_int_equal(d->line, line);
    if (path)
        assert_string_equal(d->path, path);
    if (!strstr(d->message, words))
        fail_msg("\"%s\" does not say \"%s\"", d->message, words);
}

static void errors_name_the_line_and_key(void **state)
{
    fixture *f = *state;
    assert_error(f,
                 "Text.\n\n```chart\ntype: bar\ncategories: [A, B]\nseries:\n"
                 "  - {values: [1, zwei]}\n```\n",
                 7, "chart.series[0].values[1]", "\"zwei\"");
    assert_error(f,
                 "```chart\ntype: grouped\ncategories: [A, B]\nseries:\n"
                 "  - {name: X, values: [1, 2]}\n  - {name: Y, values: [1]}\n```\n",
                 6, "chart.series[1].values", "expected 2 figures");
    assert_error(f, "```chart\ntype: pie\ncategories: [A]\nseries: []\n```\n", 2, "chart.type",
                 "bar, grouped, stacked");
    assert_error(f,
                 "```chart\ntype: bar\ncategories: [A]\nseries:\n  - {values: [1]}\n"
                 "  - {values: [2]}\n```\n",
                 5, "chart.series", "one series");
    assert_error(f,
                 "```chart\ntype: stacked\ncategories: [A]\nseries:\n"
                 "  - {name: X, values: [-1]}\n```\n",
                 5, "chart.series[0].values[0]", "negative");
    assert_error(f,
                 "```chart\ntype: bar\ncolour: red\ncategories: [A]\nseries:\n"
                 "  - {values: [1]}\n```\n",
                 3, "chart", "colour");
    /* a syntax error is named at the bracket never closed */
    assert_error(f, "# Rubrik\n\n```chart\ntype: bar\ncategories: [A\n```\n", 5, NULL,
                 "not closed");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(stacked_shares_add_up_to_100, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(axis_has_round_steps, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(the_palette_meets_wcag, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(stacked_segments_are_parted, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(negative_figures_go_below_zero, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(figures_can_be_left_off, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(errors_name_the_line_and_key, fixture_setup,
                                        fixture_teardown),
    };
    return cmocka_run_group_tests_name("chart", tests, NULL, NULL);
}
