/* The table of contents: entries for the headings after the block, page
 * numbers equal to the pages the headings land on, links to them. */
#include "layout_fixture.h"

typedef struct {
    const box *link;
    size_t page; /* where the entry is */
    const char *number;
} toc_link;

/* The links of the document in order, with the page number written at the
 * right end of each. */
static size_t toc_links(const fixture *f, toc_link *out, size_t cap)
{
    size_t n = 0;
    for (size_t p = 0; p < f->doc.npages; p++) {
        const layout_page *pg = &f->doc.pages[p];
        for (size_t i = 0; i < pg->count && n < cap; i++) {
            const box *l = &pg->boxes[i];
            if (l->kind != BOX_LINK)
                continue;
            toc_link *t = &out[n++];
            *t = (toc_link){.link = l, .page = p};
            for (size_t j = 0; j < pg->count; j++) {
                const box *b = &pg->boxes[j];
                bool inside = b->kind == BOX_TEXT && b->y > l->y && b->y < l->y + l->height;
                if (inside && b->x + b->width > l->x + l->width - 0.01)
                    t->number = b->text;
            }
        }
    }
    return n;
}

static void numbers_are_the_pages_of_the_headings(void **state)
{
    fixture *f = *state;
    strbuf md = {0};
    md_printf(&md, "# Verksamhetsplan\n\n## Innehåll\n\n```toc\n```\n\n");
    for (int i = 1; i <= 80; i++) {
        md_printf(&md, "%s Avsnitt %02d\n\nText i avsnittet.\n\n", i % 8 == 1 ? "#" : "##", i);
        if (i % 5 == 0)
            md_printf(&md, "```pagebreak\n```\n\n");
    }
    assert_true(lay_out(f, md.data));
    strbuf_free(&md);
    toc_link links[100];
    size_t n = toc_links(f, links, 100);
    assert_int_equal(n, 80);
    assert_int_equal(f->doc.nheadings, 82);         /* and the two before the contents */
    assert_true(links[n - 1].page > links[0].page); /* the contents take two pages */
    for (size_t i = 0; i < n; i++) {
        const layout_heading *h = &f->doc.headings[i + 2];
        char want[24];
        snprintf(want, sizeof want, "%zu", h->page + 1);
        assert_int_equal(links[i].link->dest_page, h->page);
        assert_float_equal(links[i].link->dest_y, h->y, 1e-9);
        assert_non_null(links[i].number);
        assert_string_equal(links[i].number, want);
    }
    /* The last headings come after the pages the contents pushed on. */
    assert_true(f->doc.headings[81].page >= 16);
}

static void only_what_follows_down_to_the_level(void **state)
{
    fixture *f = *state;
    assert_true(lay_out(f, "# Före\n\n```toc\n```\n\n# Ett\n\n### Djup\n\n## Två\n"));
    toc_link links[8];
    assert_int_equal(toc_links(f, links, 8), 2);
    size_t page = 0, found = 0;
    while (find_text_from(&f->doc, "Djup", &page)) {
        found++;
        page++;
    }
    assert_int_equal(found, 1); /* the heading, not an entry */
    page = 0;
    found = 0;
    while (find_text_from(&f->doc, "Före", &page)) {
        found++;
        page++;
    }
    assert_int_equal(found, 1);
}

/* A heading that moves to the next page with its table is listed there. */
static void heading_moved_with_its_table(void **state)
{
    fixture *f = *state;
    int moved = 0;
    for (int filler = 30; filler <= 52; filler += 2) {
        strbuf md = {0};
        md_printf(&md, "```toc\n```\n\n");
        md_filler(&md, filler);
        md_printf(&md, "## Budget\n\n| Post | Belopp |\n|:--|--:|\n");
        for (int r = 0; r < 12; r++)
            md_printf(&md, "| Post %d | %d |\n", r, r);
        assert_true(lay_out(f, md.data));
        strbuf_free(&md);
        toc_link links[4];
        assert_int_equal(toc_links(f, links, 4), 1);
        size_t table_page;
        assert_non_null(find_text(&f->doc, "Post", &table_page));
        assert_int_equal(f->doc.headings[0].page, table_page);
        assert_int_equal(links[0].link->dest_page, table_page);
        char want[24];
        snprintf(want, sizeof want, "%zu", table_page + 1);
        assert_string_equal(links[0].number, want);
        const layout_page *pg = &f->doc.pages[table_page];
        moved += f->doc.headings[0].y > pg->height - f->st.margin_top - 0.01;
    }
    assert_true(moved > 0); /* some fillers left no room for the table */
}

/* A second table of contents lists what follows it; both get their numbers. */
static void two_tables_of_contents(void **state)
{
    fixture *f = *state;
    assert_true(lay_out(f, "```toc\n```\n\n# Ett\n\nText.\n\n```pagebreak\n```\n\n```toc\n```\n\n"
                           "# Två\n\nText.\n\n```pagebreak\n```\n\n# Tre\n"));
    toc_link links[8];
    assert_int_equal(toc_links(f, links, 8), 3 + 2);
    const char *want[] = {"1", "2", "3", "2", "3"}; /* Ett, Två, Tre; Två, Tre */
    for (size_t i = 0; i < 5; i++)
        assert_string_equal(links[i].number, want[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(numbers_are_the_pages_of_the_headings, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(only_what_follows_down_to_the_level, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(heading_moved_with_its_table, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(two_tables_of_contents, fixture_setup, fixture_teardown),
    };
    return cmocka_run_group_tests_name("toc", tests, NULL, NULL);
}
