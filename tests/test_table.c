/* Tables: column widths fitted to the text width, and tables laid out over
 * pages (header repeated, rows kept whole, wide tables turned or shrunk). */
#include "layout_fixture.h"
#include "table.h"

static double sum(const double *w, int n)
{
    double s = 0;
    for (int i = 0; i < n; i++)
        s += w[i];
    return s;
}

/* ---- column widths ---------------------------------------------------------- */

static const column_need needs[] = {
    {.min = 20, .want = 40, .max = 100}, /* text */
    {.min = 30, .want = 50, .max = 50, .numeric = true},
};

static void columns_that_fit_keep_their_width(void **state)
{
    (void)state;
    double w[2];
    assert_true(table_fit_columns(needs, 2, 300, false, w));
    assert_float_equal(w[0], 100, 1e-9);
    assert_float_equal(w[1], 50, 1e-9);
    assert_true(table_fit_columns(needs, 2, 300, true, w));
    assert_float_equal(sum(w, 2), 300, 1e-9);
    assert_float_equal(w[0], 200, 1e-9);
}

static void text_wraps_before_figures(void **state)
{
    (void)state;
    double w[2];
    assert_true(table_fit_columns(needs, 2, 120, false, w));
    assert_float_equal(w[1], 50, 1e-9);
    assert_float_equal(w[0], 70, 1e-9);
}

static void figures_give_way_only_when_text_is_at_its_least(void **state)
{
    (void)state;
    double w[2];
    assert_true(table_fit_columns(needs, 2, 70, false, w));
    assert_float_equal(sum(w, 2), 70, 1e-9);
    assert_true(w[0] >= 20 && w[0] < 40);
    assert_true(w[1] >= 30 && w[1] < 50);
}

static void too_little_room_squeezes_every_column(void **state)
{
    (void)state;
    double w[2];
    assert_false(table_fit_columns(needs, 2, 40, false, w));
    assert_float_equal(sum(w, 2), 40, 1e-9);
    assert_float_equal(w[0] / w[1], 20.0 / 30.0, 1e-9);
}

/* ---- tables on pages -------------------------------------------------------- */

static const box *find_containing(const layout_doc *d, const char *token, size_t *page)
{
    for (size_t p = 0; p < d->npages; p++)
        for (size_t i = 0; i < d->pages[p].count; i++) {
            const box *b = &d->pages[p].boxes[i];
            if (b->kind == BOX_TEXT && strstr(b->text, token)) {
                *page = p;
                return b;
            }
        }
    return NULL;
}

static bool is_running_text(const box *b)
{
    return strcmp(b->text, "Prov") == 0 || strcmp(b->text, "Förbundet") == 0 ||
           strncmp(b->text, "sida ", 5) == 0;
}

/* No text below the bottom margin or beyond the right one. */
static void assert_inside_margins(const fixture *f)
{
    for (size_t p = 0; p < f->doc.npages; p++) {
        const layout_page *pg = &f->doc.pages[p];
        for (size_t i = 0; i < pg->count; i++) {
            const box *b = &pg->boxes[i];
            if (b->kind != BOX_TEXT || is_running_text(b))
                continue;
            assert_true(b->x + b->width <= pg->width - f->st.margin_right + 0.01);
            assert_true(b->x >= f->st.margin_left - 0.01);
            assert_true(b->y >= f->st.margin_bottom - 0.01);
        }
    }
}

static void long_table_repeats_its_header(void **state)
{
    fixture *f = *state;
    strbuf md = {0};
    md_printf(&md, "Inledning.\n\n| Insats | Kostnad |\n|:--|--:|\n");
    for (int r = 1; r <= 150; r++)
        md_printf(&md, "| Rad-%d | %d |\n", r, r * 10);
    assert_true(lay_out(f, md.data));
    strbuf_free(&md);
    size_t pages_with_rows = 0;
    for (size_t p = 0; p < f->doc.npages; p++) {
        const layout_page *pg = &f->doc.pages[p];
        double header_y = -1, highest_row = -1;
        for (size_t i = 0; i < pg->count; i++) {
            const box *b = &pg->boxes[i];
            if (b->kind != BOX_TEXT)
                continue;
            if (strcmp(b->text, "Insats") == 0)
                header_y = b->y;
            if (strncmp(b->text, "Rad-", 4) == 0 && b->y > highest_row)
                highest_row = b->y;
        }
        if (highest_row < 0)
            continue;
        pages_with_rows++;
        assert_true(header_y > highest_row);
    }
    assert_true(pages_with_rows >= 3);
    for (int r = 1; r <= 150; r++) {
        char name[16];
        snprintf(name, sizeof name, "Rad-%d", r);
        size_t page = 0;
        assert_non_null(find_text_from(&f->doc, name, &page));
        page++;
        assert_null(find_text_from(&f->doc, name, &page));
    }
    assert_inside_margins(f);
}

/* The box on page `p` whose text starts with `prefix`, or NULL. */
static const box *on_page(const layout_doc *d, size_t p, const char *prefix)
{
    for (size_t i = 0; i < d->pages[p].count; i++) {
        const box *b = &d->pages[p].boxes[i];
        if (b->kind == BOX_TEXT && strncmp(b->text, prefix, strlen(prefix)) == 0)
            return b;
    }
    return NULL;
}

/* A budget of many rows: on each page it goes on to, the header says which
 * group goes on ("Kostnader (forts.)", not "Intäkter (tkr)" over costs), and
 * the inner group that goes on is named below it. */
static void a_continued_table_says_what_continues(void **state)
{
    fixture *f = *state;
    strbuf md = {0};
    md_printf(&md, "| Intäkter (tkr) | Budget 2024 |\n|:--|--:|\n| Region | 1 520 |\n"
                   "| **Totalt** | **1 520** |\n| **Kostnader** | |\n");
    for (int g = 1; g <= 3; g++) {
        md_printf(&md, "| ***Grupp %d*** | |\n", g);
        for (int r = 1; r <= 40; r++)
            md_printf(&md, "| Kostnad %d.%d | %d |\n", g, r, r * 10);
    }
    assert_true(lay_out(f, md.data));
    strbuf_free(&md);
    size_t continued = 0;
    for (size_t p = 0; p < f->doc.npages; p++) {
        const box *first_row = on_page(&f->doc, p, "Kostnad ");
        if (!first_row || on_page(&f->doc, p, "Intäkter (tkr)"))
            continue; /* the table's first page */
        const box *header = on_page(&f->doc, p, "Kostnader");
        assert_non_null(header);
        assert_true(header->y > first_row->y);
        assert_non_null(on_page(&f->doc, p, "(forts.)")); /* the column is narrow: wrapped */
        const box *inner = on_page(&f->doc, p, "Grupp ");
        assert_non_null(inner); /* a group going on, or one starting */
        continued++;
    }
    assert_true(continued >= 1);
    size_t page = 0;
    assert_non_null(find_containing(&f->doc, "(forts.)", &page));
    assert_inside_margins(f);
}

/* `lines` one-line paragraphs, a heading with a one-line lead-in, and a
 * budget of two groups that fits on a page of its own. */
static void text_then_budget(strbuf *md, int lines)
{
    for (int i = 1; i <= lines; i++)
        md_printf(md, "Stycke %d.\n\n", i);
    md_printf(md, "## Budget\n\nBelopp i tkr\n\n| Belopp (tkr) | Budget 2025 |\n|:--|--:|\n"
                  "| **Intäkter** | |\n");
    for (int r = 1; r <= 6; r++)
        md_printf(md, "| Intäkt %d | %d |\n", r, r * 100);
    md_printf(md, "| **Kostnader** | |\n");
    for (int r = 1; r <= 12; r++)
        md_printf(md, "| Kostnad %d | %d |\n", r, r * 10);
    md_printf(md, "| **Summa kostnader** | **780** |\n");
}

/* No half-empty page before a table kept whole: with a third of the page or
 * more free it starts there, split before its second group. */
static void a_table_starts_where_a_third_is_free(void **state)
{
    fixture *f = *state;
    strbuf md = {0};
    text_then_budget(&md, 16);
    assert_true(lay_out(f, md.data));
    strbuf_free(&md);
    size_t text, table, costs;
    assert_non_null(find_text(&f->doc, "Stycke 16.", &text));
    assert_non_null(find_text(&f->doc, "Intäkt 1", &table));
    assert_non_null(find_text(&f->doc, "Kostnader", &costs));
    assert_int_equal(table, text);
    assert_int_equal(costs, table + 1); /* the group starts the page, not "(forts.)" */
    assert_null(find_containing(&f->doc, "(forts.)", &costs));
}

/* With less than a third free the table moves whole, and the heading and
 * its one-line lead-in go with it. */
static void a_table_moves_with_its_heading_and_lead_in(void **state)
{
    fixture *f = *state;
    strbuf md = {0};
    text_then_budget(&md, 27);
    assert_true(lay_out(f, md.data));
    strbuf_free(&md);
    size_t text, heading, lead, table, costs;
    assert_non_null(find_text(&f->doc, "Stycke 27.", &text));
    assert_non_null(find_text(&f->doc, "Budget", &heading));
    assert_non_null(find_text(&f->doc, "Belopp i tkr", &lead));
    assert_non_null(find_text(&f->doc, "Intäkt 1", &table));
    assert_non_null(find_text(&f->doc, "Kostnader", &costs));
    assert_int_equal(table, text + 1);
    assert_int_equal(heading, table);
    assert_int_equal(lead, table);
    assert_int_equal(costs, table);
}

/* Wherever a table falls, its header has a row below it on the same page and
 * no row is split. */
static void header_never_alone_and_rows_whole(void **state)
{
    fixture *f = *state;
    for (int filler = 38; filler <= 52; filler++) {
        strbuf md = {0};
        md_filler(&md, filler);
        md_printf(&md, "| Mål | Aktivitet |\n|:--|:--|\n");
        for (int r = 0; r < 3; r++) {
            md_printf(&md, "| S%02d", r);
            for (int w = 0; w < 40; w++)
                md_printf(&md, " samverkan");
            md_printf(&md, " |");
            for (int w = 0; w < 40; w++)
                md_printf(&md, " uppföljning");
            md_printf(&md, " E%02d |\n", r);
        }
        assert_true(lay_out(f, md.data));
        strbuf_free(&md);
        size_t header_page, first_row_page;
        assert_non_null(find_text(&f->doc, "Mål", &header_page));
        assert_non_null(find_containing(&f->doc, "S00", &first_row_page));
        assert_int_equal(header_page, first_row_page);
        for (int r = 0; r < 3; r++) {
            char start[16], end[16];
            snprintf(start, sizeof start, "S%02d", r);
            snprintf(end, sizeof end, "E%02d", r);
            size_t p1, p2;
            assert_non_null(find_containing(&f->doc, start, &p1));
            assert_non_null(find_containing(&f->doc, end, &p2));
            assert_int_equal(p1, p2);
        }
        assert_inside_margins(f);
    }
}

static void row_taller_than_a_page_is_split(void **state)
{
    fixture *f = *state;
    strbuf md = {0};
    md_printf(&md, "| Kolumn | Text |\n|:--|:--|\n| Första | START");
    for (int w = 0; w < 1500; w++)
        md_printf(&md, " ord");
    md_printf(&md, " SLUT |\n| Sista | kort |\n");
    assert_true(lay_out(f, md.data));
    strbuf_free(&md);
    size_t start, end;
    assert_non_null(find_containing(&f->doc, "START", &start));
    assert_non_null(find_containing(&f->doc, "SLUT", &end));
    assert_true(end > start);
    for (size_t p = start; p <= end; p++) {
        size_t page = p;
        assert_non_null(find_text_from(&f->doc, "Kolumn", &page));
        assert_int_equal(page, p);
    }
    assert_inside_margins(f);
}

static void wide_table(strbuf *md, int years)
{
    md_printf(md, "Före tabellen.\n\n| Förbund |");
    for (int y = 0; y < years; y++)
        md_printf(md, " Utfall %d |", 2000 + y);
    md_printf(md, "\n|:--|");
    for (int y = 0; y < years; y++)
        md_printf(md, "--:|");
    md_printf(md, "\n| Höglandet |");
    for (int y = 0; y < years; y++)
        md_printf(md, " 12 %03d |", y);
    md_printf(md, "\n\nEfter tabellen.\n");
}

static void wide_table_turns_its_page(void **state)
{
    fixture *f = *state;
    strbuf md = {0};
    wide_table(&md, 14);
    assert_true(lay_out(f, md.data));
    strbuf_free(&md);
    size_t before, table, after;
    const box *cell = find_text(&f->doc, "2013", &table);
    assert_non_null(cell);
    assert_non_null(find_text(&f->doc, "Före tabellen.", &before));
    assert_non_null(find_text(&f->doc, "Efter tabellen.", &after));
    const layout_page *pg = &f->doc.pages[table];
    assert_true(pg->width > pg->height);
    assert_true(f->doc.pages[before].width < f->doc.pages[before].height);
    assert_true(f->doc.pages[after].width < f->doc.pages[after].height);
    assert_true(before < table && table < after);
    assert_float_equal(cell->size, f->st.table.size, 1e-9);
    assert_inside_margins(f);
}

/* Finnveden's exits: seven columns whose headings are wider than their
 * figures stay upright, the headings wrapped, the text after the table on
 * the same page. */
static void headings_wrap_before_a_page_turns(void **state)
{
    fixture *f = *state;
    assert_true(lay_out(f, "| Insats | Avslutade | Arbete/studier | Arb.rehab | Sjukdom | "
                           "Annat skäl | Till arbete eller studier |\n"
                           "|:--|--:|--:|--:|--:|--:|--:|\n"
                           "| Samverkansteam Finnveden | 31 | 3 | 6 | 7 | 15 | 9,7 % |\n"
                           "| **Totalt** | **31** | **3** | **6** | **7** | **15** | **9,7 %** |\n\n"
                           "Efter tabellen.\n"));
    size_t table, after;
    assert_non_null(find_text(&f->doc, "Avslutade", &table));
    assert_non_null(find_text(&f->doc, "Efter tabellen.", &after));
    assert_true(f->doc.pages[table].width < f->doc.pages[table].height);
    assert_int_equal(table, after);
    size_t p1, p2;
    const box *till = find_containing(&f->doc, "Till arbete", &p1);
    const box *studier = find_text(&f->doc, "studier", &p2);
    assert_non_null(till);
    assert_non_null(studier);
    assert_true(till->y > studier->y); /* the heading wrapped */
    assert_inside_margins(f);
}

static void wide_table_shrinks_when_the_style_says(void **state)
{
    fixture *f = *state;
    f->st.tables.wide = WIDE_TABLE_SHRINK;
    strbuf md = {0};
    wide_table(&md, 12);
    assert_true(lay_out(f, md.data));
    strbuf_free(&md);
    size_t page;
    const box *cell = find_text(&f->doc, "2011", &page);
    assert_non_null(cell);
    assert_true(f->doc.pages[page].width < f->doc.pages[page].height);
    assert_true(cell->size < f->st.table.size);
    assert_true(cell->size >= f->st.tables.min_size);
    assert_inside_margins(f);
    f->st.tables.wide = WIDE_TABLE_LANDSCAPE;
}

static void far_too_wide_table_stays_inside_the_margins(void **state)
{
    fixture *f = *state;
    strbuf md = {0};
    wide_table(&md, 30);
    assert_true(lay_out(f, md.data));
    strbuf_free(&md);
    size_t table_boxes = 0;
    for (size_t p = 0; p < f->doc.npages; p++) {
        const layout_page *pg = &f->doc.pages[p];
        for (size_t i = 0; i < pg->count && pg->width > pg->height; i++) {
            const box *b = &pg->boxes[i];
            if (b->kind != BOX_TEXT || is_running_text(b))
                continue;
            assert_float_equal(b->size, f->st.tables.min_size, 1e-9);
            table_boxes++;
        }
    }
    assert_true(table_boxes > 60);
    assert_inside_margins(f);
}

static double right_of_digits(const fixture *f, const char *text, size_t digits_len)
{
    size_t page;
    const box *b = find_text(&f->doc, text, &page);
    assert_non_null(b);
    return b->x + fonts_width(f->fonts, b->face, b->size, text, digits_len);
}

static void figures_align_on_their_digits(void **state)
{
    fixture *f = *state;
    assert_true(lay_out(f, "| Post | Andel |\n|:--|---|\n"
                           "| a | 12,5 % |\n| b | 7 % |\n| c | 1 234 |\n| d | \xe2\x88\x92"
                           "745 |\n"
                           "| e | \xe2\x80\x93 |\n"));
    /* the spaces typed become no-break ones (typography.h) */
    double right = right_of_digits(f, "12,5\xC2\xA0%", 2);
    assert_float_equal(right_of_digits(f, "7\xC2\xA0%", 1), right, 0.01);
    assert_float_equal(right_of_digits(f, "1\xC2\xA0" "234", strlen("1\xC2\xA0" "234")), right,
                       0.01);
    assert_float_equal(right_of_digits(f,
                                       "\xe2\x88\x92"
                                       "745",
                                       6),
                       right, 0.01);
    size_t page;
    const box *post = find_text(&f->doc, "a", &page);
    assert_true(post->x < right - 30); /* text columns stay left */
}

/* Two years side by side are no figure: the column stays left-aligned. */
static void only_true_figures_count(void **state)
{
    fixture *f = *state;
    assert_true(lay_out(f, "| Post | Period |\n|:--|---|\n| a | 2023 2024 |\n| b | 7 |\n"));
    size_t page;
    const box *period = find_text(&f->doc, "2023 2024", &page);
    const box *seven = find_text(&f->doc, "7", &page);
    assert_non_null(period);
    assert_non_null(seven);
    assert_float_equal(period->x, seven->x, 0.01);
}

static bool rule_just_above(const layout_page *pg, const box *text)
{
    for (size_t i = 0; i < pg->count; i++) {
        const box *b = &pg->boxes[i];
        if (b->kind == BOX_RULE && b->y > text->y && b->y < text->y + text->size * 1.5)
            return true;
    }
    return false;
}

static void totals_get_a_rule_and_groups_do_not(void **state)
{
    fixture *f = *state;
    assert_true(lay_out(f, "| Post | 2024 |\n|:--|--:|\n| Kansli | 100 |\n"
                           "| ***Insatser*** | |\n| Team | 200 |\n| **Totalt** | **300** |\n"));
    size_t page;
    const box *total = find_text(&f->doc, "Totalt", &page);
    assert_non_null(total);
    assert_int_equal(total->face, FACE_BOLD);
    assert_true(rule_just_above(&f->doc.pages[page], total));
    const box *group = find_text(&f->doc, "Insatser", &page);
    assert_non_null(group);
    assert_int_equal(group->face, FACE_BOLD_ITALIC);
    assert_false(rule_just_above(&f->doc.pages[page], group));
}

static const tag_elem *cell_of(const fixture *f, const char *text)
{
    size_t page;
    const box *b = find_text(&f->doc, text, &page);
    assert_non_null(b);
    assert_true(b->tag > 0 && (size_t)b->tag < f->doc.ntags);
    return &f->doc.tags[b->tag];
}

/* Text before figures: the first column names the row, a TH /Scope Row in
 * the body (a group heading stays one TD across); a table of text has
 * none. */
static void the_first_column_names_its_rows(void **state)
{
    fixture *f = *state;
    assert_true(lay_out(f, "| Post | 2024 |\n|:--|--:|\n| Kansli | 100 |\n"
                           "| ***Insatser*** | |\n| Team | 200 |\n| **Totalt** | **300** |\n\n"
                           "| Vem | Uppdrag |\n|--|--|\n| Anna | Ordförande |\n"));
    const tag_elem *post = cell_of(f, "Post"), *kansli = cell_of(f, "Kansli");
    assert_true(post->role == TAG_TH && post->scope == SCOPE_COLUMN);
    assert_true(kansli->role == TAG_TH && kansli->scope == SCOPE_ROW);
    assert_true(cell_of(f, "Totalt")->scope == SCOPE_ROW);
    assert_true(cell_of(f, "100")->role == TAG_TD);
    const tag_elem *group = cell_of(f, "Insatser");
    assert_true(group->role == TAG_TD && group->colspan == 2);
    assert_true(cell_of(f, "Vem")->scope == SCOPE_COLUMN);
    assert_true(cell_of(f, "Anna")->role == TAG_TD && cell_of(f, "Anna")->scope == SCOPE_NONE);
}

/* The Samsund budget: headings over the figures stay on one line. */
static void budget_headings_stay_whole(void **state)
{
    fixture *f = *state;
    assert_true(lay_out(f, "| Intäkter (tkr) | Budget 2023 | Prognos 2023 | Budget 2024 | "
                           "Budget 2025 | Budget 2026 |\n|:--|--:|--:|--:|--:|--:|\n"
                           "| Arbetsförmedlingen + Försäkringskassan | 3 125 | 3 125 | 3 040 | "
                           "3 125 | 3 125 |\n| **Totalt** | **10 014** | **7 883** | **9 016** | "
                           "**9 010** | **6 406** |\n"));
    size_t page;
    assert_non_null(find_text(&f->doc, "Budget 2023", &page));
    assert_non_null(find_text(&f->doc, "Prognos 2023", &page));
    assert_true(f->doc.pages[page].width < f->doc.pages[page].height);
    assert_inside_margins(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(columns_that_fit_keep_their_width),
        cmocka_unit_test(text_wraps_before_figures),
        cmocka_unit_test(figures_give_way_only_when_text_is_at_its_least),
        cmocka_unit_test(too_little_room_squeezes_every_column),
        cmocka_unit_test_setup_teardown(long_table_repeats_its_header, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(a_continued_table_says_what_continues, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(a_table_starts_where_a_third_is_free, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(a_table_moves_with_its_heading_and_lead_in, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(header_never_alone_and_rows_whole, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(row_taller_than_a_page_is_split, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(wide_table_turns_its_page, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(headings_wrap_before_a_page_turns, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(wide_table_shrinks_when_the_style_says, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(far_too_wide_table_stays_inside_the_margins, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(figures_align_on_their_digits, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(only_true_figures_count, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(totals_get_a_rule_and_groups_do_not, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(the_first_column_names_its_rows, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(budget_headings_stay_whole, fixture_setup,
                                        fixture_teardown),
    };
    return cmocka_run_group_tests_name("table", tests, NULL, NULL);
}
