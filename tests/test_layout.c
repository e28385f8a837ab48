/* Pages as a reader sees them: a heading never ends a page, no line of a
 * paragraph stands alone at the foot or head of a page, page breaks and
 * footnotes go where they belong, the cover has no running header, links are
 * clickable, lists hang, justified lines meet both margins, the Samsund plan
 * breaks its pages where it always has, and threads laying out documents at
 * once get what one alone gets. corpus/samsund-2024.md is the Markdown the
 * template stage made of plans/samsund/plan-2024.yaml when the test was
 * written, kept as it was so that only the layout can move its pages. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>

#include <cmocka.h>

#include "fonts.h"
#include "layout.h"
#include "strbuf.h"
#include "style.h"

#include "test_support.h"

static layout_doc lay_out(test_fixture *f, const char *markdown)
{
    layout_info info = {.title = "Verksamhetsplan", .association = "Förbundet"};
    layout_doc doc;
    assert_true(
        layout_markdown(&f->mem, markdown, strlen(markdown), f->st, f->fonts, &info, &doc, &f->dl));
    return doc;
}

/* ---- reading pages --------------------------------------------------------- */

typedef struct {
    double y, x, size; /* baseline; the left end; the largest text size */
    char text[512];    /* the words from left to right */
} text_line;

static bool in_body(const test_fixture *f, const layout_page *p, const box *b)
{
    return b->y > f->st->margin_bottom - 1 && b->y < p->height - f->st->margin_top + 1;
}

static int by_place(const void *a, const void *b)
{
    const box *x = *(const box *const *)a, *y = *(const box *const *)b;
    if (x->y - y->y > 0.5 || y->y - x->y > 0.5)
        return x->y > y->y ? -1 : 1; /* top first */
    return x->x < y->x ? -1 : x->x > y->x;
}

/* The lines of text in the body of a page, top first: boxes whose baselines
 * are within a point of each other make a line (a footnote reference too). */
static size_t body_lines(const test_fixture *f, const layout_page *p, text_line *out, size_t max)
{
    const box **boxes = calloc(p->count + 1, sizeof *boxes);
    size_t n = 0, lines = 0;
    for (size_t i = 0; i < p->count; i++)
        if (p->boxes[i].kind == BOX_TEXT && in_body(f, p, &p->boxes[i]))
            boxes[n++] = &p->boxes[i];
    qsort(boxes, n, sizeof *boxes, by_place);
    for (size_t i = 0; i < n && lines < max; i++) {
        text_line *l = lines && out[lines - 1].y - boxes[i]->y < 4 ? &out[lines - 1] : NULL;
        if (!l) {
            l = &out[lines++];
            *l = (text_line){.y = boxes[i]->y, .x = boxes[i]->x};
        }
        if (l->text[0])
            strncat(l->text, " ", sizeof l->text - strlen(l->text) - 1);
        strncat(l->text, boxes[i]->text, sizeof l->text - strlen(l->text) - 1);
        l->size = boxes[i]->size > l->size ? boxes[i]->size : l->size;
    }
    free(boxes);
    return lines;
}

static const box *find_box(const layout_doc *doc, const char *text, size_t *page)
{
    for (size_t p = 0; p < doc->npages; p++)
        for (size_t i = 0; i < doc->pages[p].count; i++) {
            const box *b = &doc->pages[p].boxes[i];
            if (b->kind == BOX_TEXT && strstr(b->text, text)) {
                if (page)
                    *page = p;
                return b;
            }
        }
    return NULL;
}

static bool is_heading(const test_fixture *f, const text_line *l)
{
    return l->size > f->st->body.size + 0.5;
}

/* ---- pagination ------------------------------------------------------------ */

static void add_filler(strbuf *md, int lines)
{
    for (int k = 0; k < lines; k++)
        strbuf_puts(md, "Fyllnad på en rad.\n\n");
}

/* A paragraph of `n` short lines, each saying which line of which it is. */
static void add_tagged_paragraph(strbuf *md, int para, int n)
{
    char line[64];
    for (int k = 1; k <= n; k++) {
        snprintf(line, sizeof line, "P%dL%dav%d%s\n", para, k, n, k < n ? "\\" : "");
        strbuf_puts(md, line);
    }
    strbuf_puts(md, "\n");
}

static void headings_never_end_a_page(void **state)
{
    test_fixture *f = *state;
    for (int filler = 0; filler < 50; filler++) {
        strbuf md = {0};
        add_filler(&md, filler);
        for (int s = 0; s < 4; s++) {
            strbuf_puts(&md, s % 2 ? "## Underrubrik\n\n### Tredje nivån\n\n" : "# Rubrik\n\n");
            add_tagged_paragraph(&md, s, 2 + s);
        }
        layout_doc doc = lay_out(f, md.data);
        for (size_t p = 0; p < doc.npages; p++) {
            text_line lines[200];
            size_t n = body_lines(f, &doc.pages[p], lines, 200);
            assert_true(n > 0);
            if (is_heading(f, &lines[n - 1]))
                fail_msg("page %zu ends with the heading \"%s\" (%d filler lines)", p + 1,
                         lines[n - 1].text, filler);
        }
        strbuf_free(&md);
    }
}

static void no_line_of_a_paragraph_alone(void **state)
{
    test_fixture *f = *state;
    int checked_splits = 0;
    for (int filler = 0; filler < 60; filler++) {
        strbuf md = {0};
        add_filler(&md, filler);
        for (int para = 1; para <= 8; para++)
            add_tagged_paragraph(&md, para, 1 + para % 6);
        layout_doc doc = lay_out(f, md.data);
        for (size_t p = 0; p < doc.npages; p++) {
            text_line lines[200];
            size_t n = body_lines(f, &doc.pages[p], lines, 200);
            int para, k, of;
            if (p > 0 && sscanf(lines[0].text, "P%dL%dav%d", &para, &k, &of) == 3) {
                if (k > 1)
                    checked_splits++;
                if (k == of && of > 1)
                    fail_msg("the last line of P%d alone at the head of page %zu", para, p + 1);
            }
            if (p + 1 < doc.npages &&
                sscanf(lines[n - 1].text, "P%dL%dav%d", &para, &k, &of) == 3 && k == 1 && of > 1)
                fail_msg("the first line of P%d alone at the foot of page %zu", para, p + 1);
        }
        strbuf_free(&md);
    }
    assert_true(checked_splits > 10); /* paragraphs were split across pages */
}

static void page_break_fences(void **state)
{
    test_fixture *f = *state;
    size_t page;
    layout_doc doc = lay_out(f, "Före.\n\n```pagebreak\n```\n\nEfter.\n");
    assert_int_equal(doc.npages, 2);
    assert_non_null(find_box(&doc, "Efter.", &page));
    assert_int_equal(page, 1);
    /* none at the top of a page, and no empty page at the end */
    doc = lay_out(f, "```pagebreak\n```\n\nFörst.\n\n```pagebreak\n```\n");
    assert_int_equal(doc.npages, 1);
}

static void footnotes_at_the_foot_of_their_page(void **state)
{
    test_fixture *f = *state;
    layout_doc doc = lay_out(f, "Text med en not[^b] och en till[^a].\n\n"
                                "[^a]: Den andra noten.\n\n[^b]: Den första noten.\n");
    size_t page, note_page;
    const box *text = find_box(&doc, "Text", &page);
    const box *note = find_box(&doc, "Den första noten.", &note_page);
    assert_non_null(text);
    assert_non_null(note);
    assert_int_equal(note_page, page);
    assert_true(note->y < text->y - 100); /* at the foot, not after the text */
    assert_true(note->y > f->st->margin_bottom);
    /* numbered in the order of reference */
    const box *second = find_box(&doc, "Den andra noten.", NULL);
    assert_non_null(second);
    assert_true(second->y < note->y);
    bool numbered = false, ruled = false;
    for (size_t i = 0; i < doc.pages[page].count; i++) {
        const box *b = &doc.pages[page].boxes[i];
        numbered |= b->kind == BOX_TEXT && strcmp(b->text, "1") == 0 && b->x < note->x &&
                    b->y > note->y - 1 && b->y < note->y + 1;
        ruled |= b->kind == BOX_RULE && b->y > note->y && b->width < 200;
    }
    assert_true(numbered);
    assert_true(ruled);
}

static void a_note_that_does_not_fit_moves_its_line(void **state)
{
    test_fixture *f = *state;
    int moved = 0;
    for (int filler = 30; filler < 50; filler++) {
        strbuf md = {0};
        add_filler(&md, filler);
        strbuf_puts(&md, "Raden med noten[^1].\n\nEfter noten.\n\n[^1]: ");
        for (int k = 0; k < 12; k++)
            strbuf_puts(&md, "En lång not som tar flera rader vid sidans fot. ");
        strbuf_puts(&md, "Slut.\n");
        layout_doc doc = lay_out(f, md.data);
        size_t ref_page, note_page;
        const box *ref = find_box(&doc, "Raden med", &ref_page);
        const box *end = find_box(&doc, "Slut.", &note_page);
        assert_non_null(ref);
        assert_non_null(end);
        assert_int_equal(note_page, ref_page);
        moved += ref_page == 1 && ref->y > doc.pages[1].height - f->st->margin_top - 20;
        /* nothing set over the notes */
        const box *first_note_line = find_box(&doc, "En lång not", NULL);
        for (size_t i = 0; i < doc.pages[note_page].count; i++) {
            const box *b = &doc.pages[note_page].boxes[i];
            if (b->kind == BOX_TEXT && b->size > f->st->footnotes.size + 0.1 &&
                in_body(f, &doc.pages[note_page], b))
                assert_true(b->y > first_note_line->y + f->st->footnotes.size);
        }
        strbuf_free(&md);
    }
    assert_true(moved > 0); /* some reference lines went to the next page */
}

/* ---- the look of things ---------------------------------------------------- */

static void the_cover_has_no_running_header(void **state)
{
    test_fixture *f = *state;
    layout_doc doc = lay_out(f, "```cover\ntitle: Plan \\& budget 2024\nsubtitle: Med prognos\n"
                                "association: Samordningsförbundet X\n```\n\nBrödtext.\n");
    assert_int_equal(doc.npages, 2);
    size_t page;
    assert_non_null(find_box(&doc, "Plan & budget 2024", &page));
    assert_int_equal(page, 0);
    assert_non_null(find_box(&doc, "Samordningsförbundet X", &page));
    assert_int_equal(page, 0);
    assert_non_null(find_box(&doc, "Brödtext.", &page));
    assert_int_equal(page, 1);
    assert_non_null(find_box(&doc, "sida 2 av 2", &page));
    assert_int_equal(page, 1);
    for (size_t i = 0; i < doc.pages[0].count; i++) {
        const box *b = &doc.pages[0].boxes[i];
        assert_false(b->kind == BOX_TEXT &&
                     (strstr(b->text, "sida") || strstr(b->text, "Förbundet")));
    }
}

static void links_are_clickable(void **state)
{
    test_fixture *f = *state;
    layout_doc doc =
        lay_out(f, "Läs mer på <https://www.samsund.se> eller [här](https://x.se/a).\n");
    const box *text = find_box(&doc, "https://www.samsund.se", NULL);
    assert_non_null(text);
    assert_int_equal(text->color, f->st->link_color);
    int links = 0;
    for (size_t i = 0; i < doc.pages[0].count; i++) {
        const box *b = &doc.pages[0].boxes[i];
        if (b->kind != BOX_LINK)
            continue;
        links++;
        if (strcmp(b->uri, "https://www.samsund.se") == 0) {
            assert_float_equal(b->x, text->x, 0.01);
            assert_float_equal(b->width, text->width, 0.01);
            assert_true(b->y < text->y && b->y + b->height > text->y);
        } else {
            assert_string_equal(b->uri, "https://x.se/a");
        }
    }
    assert_int_equal(links, 2);
}

static void lists_hang(void **state)
{
    test_fixture *f = *state;
    layout_doc doc =
        lay_out(f, "- Första punkten är så lång att den måste brytas på flera rader, och då ska "
                   "raderna efter den första börja precis där den första raden börjar, inte under "
                   "punkten.\n- Andra punkten\n  1. inne i\n  2. listan\n\nSedan text.\n");
    text_line lines[20];
    size_t n = body_lines(f, &doc.pages[0], lines, 20);
    assert_true(n >= 6);
    assert_string_equal(strtok(lines[0].text, " "), "\xe2\x80\xa2"); /* • */
    double text_x = find_box(&doc, "Första", NULL)->x;
    assert_true(lines[0].x < text_x);
    assert_float_equal(lines[1].x, text_x, 0.01);
    const box *inner = find_box(&doc, "inne", NULL), *number = find_box(&doc, "1.", NULL);
    assert_true(number->x > lines[0].x && number->x + number->width < inner->x);
    assert_true(inner->x > text_x);
    assert_float_equal(find_box(&doc, "Sedan", NULL)->x, f->st->margin_left, 0.01);
}

static void numbers_of_a_list_end_together(void **state)
{
    test_fixture *f = *state;
    layout_doc doc = lay_out(f, "8. åtta\n9. nio\n10. tio\n");
    const box *nine = find_box(&doc, "9.", NULL), *ten = find_box(&doc, "10.", NULL);
    assert_float_equal(nine->x + nine->width, ten->x + ten->width, 0.01);
    assert_float_equal(find_box(&doc, "nio", NULL)->x, find_box(&doc, "tio", NULL)->x, 0.01);
}

/* Swedish typography of the text: a no-break space keeps a figure and its
 * "%" and a day and its month in one box; code is left as typed. */
static void text_is_set_as_swedish_writes_it(void **state)
{
    test_fixture *f = *state;
    layout_doc doc = lay_out(f, "Andelen var 20% den 1 juli 2024, \"som väntat\" och "
                                "`\"kod\" 1-2`.\n");
    size_t page;
    assert_non_null(find_box(&doc, "20\xC2\xA0%", &page));
    assert_non_null(find_box(&doc, "1\xC2\xA0juli", &page));
    assert_non_null(find_box(&doc, "\xE2\x80\x9Dsom", &page));
    assert_non_null(find_box(&doc, "v\xC3\xA4ntat\xE2\x80\x9D", &page));
    assert_non_null(find_box(&doc, "\"kod\"", &page));
}

/* Font expansion and protrusion: a justified line's glyphs are scaled by at
 * most 2 %, and a line ending in a hyphen, comma or full stop reaches past
 * the margin by less than the character itself. */
static void justified_lines_expand_and_protrude(void **state)
{
    test_fixture *f = *state;
    layout_doc doc = lay_out(
        f, "Förbundets ändamål är att svara för en finansiell samordning av insatser för "
           "personer som är i behov av samordnade rehabiliteringsinsatser, och syftet är att de "
           "ska uppnå eller förbättra sin förmåga att utföra förvärvsarbete och nå "
           "egenförsörjning genom arbete eller studier. Ett annat syfte är att på ett effektivare "
           "sätt använda samhällets resurser, och att samverkan mellan myndigheterna blir "
           "bättre för den enskilde. Arbetet följs upp varje år av styrelsen.\n");
    double right = doc.width - f->st->margin_right;
    bool expanded = false;
    const layout_page *p = &doc.pages[0];
    for (size_t i = 0; i < p->count; i++) {
        const box *b = &p->boxes[i];
        if (b->kind != BOX_TEXT)
            continue;
        assert_true(fabs(b->expand) <= 0.02 + 1e-9);
        expanded |= b->expand != 0;
        double over = b->x + b->width - right;
        if (over > 0.01) { /* only what may hang */
            size_t len = strlen(b->text);
            assert_non_null(strchr("-.,", b->text[len - 1]));
            assert_true(over < 0.25 * b->size);
        }
    }
    assert_true(expanded);
}

static void justified_lines_meet_both_margins(void **state)
{
    test_fixture *f = *state;
    layout_doc doc = lay_out(
        f, "Förbundets ändamål är att svara för en finansiell samordning av insatser för "
           "personer som är i behov av samordnade rehabiliteringsinsatser. Syftet är att de ska "
           "uppnå eller förbättra sin förmåga att utföra förvärvsarbete och nå egenförsörjning "
           "genom arbete eller studier. Ett annat syfte är att på ett effektivare sätt använda "
           "samhällets resurser.\n");
    double left = f->st->margin_left, right = doc.width - f->st->margin_right;
    const layout_page *p = &doc.pages[0];
    text_line lines[20];
    size_t n = body_lines(f, p, lines, 20);
    assert_true(n >= 3);
    for (size_t k = 0; k + 1 < n; k++) { /* every line but the last */
        assert_float_equal(lines[k].x, left, 0.01);
        double end = 0;
        int words = 0;
        for (size_t i = 0; i < p->count; i++) {
            const box *b = &p->boxes[i];
            if (b->kind != BOX_TEXT || b->y < lines[k].y - 1 || b->y > lines[k].y + 1)
                continue;
            assert_null(strchr(b->text, ' ')); /* one word a box */
            end = b->x + b->width > end ? b->x + b->width : end;
            words++;
        }
        assert_true(words > 3);
        assert_float_equal(end, right, 0.01);
    }
}

static void nothing_runs_into_a_margin(const test_fixture *f, const layout_doc *doc)
{
    for (size_t p = 0; p < doc->npages; p++) {
        const layout_page *pg = &doc->pages[p];
        for (size_t i = 0; i < pg->count; i++) {
            const box *b = &pg->boxes[i];
            if (b->kind != BOX_TEXT)
                continue;
            /* a hyphen, comma or full stop ending a justified line hangs
             * into the margin by at most 0.7 of its width (protrusion) */
            size_t len = strlen(b->text);
            bool hangs = len > 0 && strchr("-.,", b->text[len - 1]);
            double hang = hangs ? 0.24 * b->size : 0;
            if (b->x < f->st->margin_left - 0.01 ||
                b->x + b->width > pg->width - f->st->margin_right + hang + 0.01)
                fail_msg("\"%s\" on page %zu runs into a side margin", b->text, p + 1);
            if (b->y < f->st->margin_bottom / 2 - 1)
                fail_msg("\"%s\" on page %zu is below the footer", b->text, p + 1);
        }
    }
}

static void headings_can_be_numbered(void **state)
{
    test_fixture *f = *state;
    style numbered = *f->st;
    numbered.heading_numbers = true;
    const char *md = "# Inledning\n\n## Bakgrund\n\n## Syfte\n\n# Budget\n\n## Intäkter\n";
    layout_info info = {.title = "Plan", .association = "Förbundet"};
    layout_doc doc;
    assert_true(layout_markdown(&f->mem, md, strlen(md), &numbered, f->fonts, &info, &doc, &f->dl));
    static const char *const titles[] = {"1 Inledning", "1.1 Bakgrund", "1.2 Syfte", "2 Budget",
                                         "2.1 Intäkter"};
    assert_int_equal(doc.nheadings, 5);
    for (size_t i = 0; i < 5; i++)
        assert_string_equal(doc.headings[i].title, titles[i]);
    assert_non_null(find_box(&doc, "1.2", NULL));
}

static bool style_with(test_fixture *f, const char *extra)
{
    char path[] = "/tmp/planpress-style-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *out = fdopen(fd, "w");
    fputs("fonts: {regular: a, bold: b, italic: c, bold_italic: d, mono: e}\n", out);
    fputs(extra, out);
    fclose(out);
    size_t errors = f->dl.errors;
    style *st = style_load(&f->mem, path, &f->dl);
    remove(path);
    assert_true((st != NULL) == (f->dl.errors == errors));
    f->dl.errors = errors;
    return st != NULL;
}

static void style_errors_are_reported(void **state)
{
    test_fixture *f = *state;
    assert_true(style_with(f, "body: {align: left}\nheading_numbers: true\n"
                              "hyphenation: {dictionary: x.dic, left_min: 2, right_min: 2}\n"
                              "cover: {title: {size: 40}, title_top_mm: 80}\n"));
    assert_false(style_with(f, "body: {align: center}\n"));
    assert_false(style_with(f, "hyphenation: {dictionary: x.dic, left_min: 0}\n"));
    assert_false(style_with(f, "hyphenation: {left_min: 2}\n"));
    assert_false(style_with(f, "cover: {title: {size: 2}}\n"));
    assert_false(style_with(f, "footnotes: {colour: \"#000000\"}\n"));
    assert_false(style_with(f, "heading_numbers: yes please\n"));
}

static void a_missing_dictionary_fails_the_document(void **state)
{
    test_fixture *f = *state;
    style broken = *f->st;
    broken.hyphenation.dictionary = "/no/such/hyph_sv_SE.dic";
    layout_info info = {.title = "Plan", .association = "Förbundet"};
    layout_doc doc;
    size_t before = f->dl.count;
    assert_false(layout_markdown(&f->mem, "Text.", 5, &broken, f->fonts, &info, &doc, &f->dl));
    assert_int_equal(f->dl.count, before + 1);
    assert_string_equal(f->dl.items[before].file, "/no/such/hyph_sv_SE.dic");
    f->dl.errors = 0;
}

/* ---- the Samsund plan -------------------------------------------------------- */

static void samsund_pages_break_where_expected(void **state)
{
    test_fixture *f = *state;
    char *markdown = read_text("corpus/samsund-2024.md");
    layout_doc doc = lay_out(f, markdown);
    test_free(markdown);
    nothing_runs_into_a_margin(f, &doc);
    static const struct {
        const char *heading;
        size_t page; /* 1-based, as printed */
    } expected[] = {
        {"Finansiell samordning inom rehabiliteringsområdet (Finsam)", 2},
        {"Samordningsförbundets uppdrag", 2},
        {"”Vi ser förmågan”", 2},
        {"Värdeord", 3},
        {"Fördelning av medel", 3},
        {"Utvidgning av förbundet", 3},
        {"Ändamål och syfte", 3},
        {"Verksamhetsinriktning 2024", 3},
        {"Strukturella insatser", 4},
        {"Behovsanalys av personer med oklar arbetsförmåga", 4},
        {"Myndighetsgemensamt team", 4},
        {"ESF-projekt Lumena och Conecto", 5},
        {"Uppföljning av finansierad verksamhet", 5},
        {"Forskning och lärande i Lumena och Conecto", 6},
        {"Revision", 6},
        /* the table starts below Revision, where a third of the page is free,
         * and goes on on the next; the dash as Swedish sets it */
        {"Budget 2024\xE2\x80\x93" "2026", 6},
        {"Vår vision", 7},
    };
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++) {
        const layout_heading *h = NULL;
        for (size_t k = 0; k < doc.nheadings && !h; k++)
            if (strcmp(doc.headings[k].title, expected[i].heading) == 0)
                h = &doc.headings[k];
        if (!h)
            fail_msg("no heading \"%s\"", expected[i].heading);
        if (h->page + 1 != expected[i].page)
            fail_msg("\"%s\" is on page %zu, not %zu", expected[i].heading, h->page + 1,
                     expected[i].page);
    }
    assert_int_equal(doc.npages, 7);
    size_t page;
    assert_non_null(find_box(&doc, "Försörjningsmättet", &page)); /* the first footnote */
    assert_int_equal(page + 1, 2);
}

/* A digest of everything laid out: pages, boxes, their places and texts. */
static uint64_t digest(const layout_doc *doc)
{
    uint64_t h = 1469598103934665603u;
    for (size_t p = 0; p < doc->npages; p++)
        for (size_t i = 0; i < doc->pages[p].count; i++) {
            const box *b = &doc->pages[p].boxes[i];
            uint64_t v = (uint64_t)(b->x * 1000) ^ ((uint64_t)(b->y * 1000) << 20) ^ b->kind;
            h = (h ^ v) * 1099511628211u;
            for (const char *t = b->kind == BOX_TEXT ? b->text : ""; *t; t++)
                h = (h ^ (unsigned char)*t) * 1099511628211u;
        }
    return h;
}

typedef struct {
    const test_fixture *f;
    const char *markdown;
    uint64_t digests[3];
} worker;

static void *lay_out_in_thread(void *arg)
{
    worker *w = arg;
    for (int k = 0; k < 3; k++) {
        arena mem;
        arena_init(&mem);
        diag_list dl = {.mem = &mem};
        layout_info info = {.title = "Verksamhetsplan", .association = "Förbundet"};
        layout_doc doc;
        w->digests[k] = layout_markdown(&mem, w->markdown, strlen(w->markdown), w->f->st,
                                        w->f->fonts, &info, &doc, &dl)
                            ? digest(&doc)
                            : 0;
        arena_free(&mem);
    }
    return NULL;
}

static void threads_lay_out_the_same(void **state)
{
    test_fixture *f = *state;
    char *markdown = read_text("corpus/samsund-2024.md");
    layout_doc doc = lay_out(f, markdown);
    uint64_t alone = digest(&doc);
    worker workers[4];
    pthread_t threads[4];
    for (int t = 0; t < 4; t++) {
        workers[t] = (worker){.f = f, .markdown = markdown};
        assert_int_equal(pthread_create(&threads[t], NULL, lay_out_in_thread, &workers[t]), 0);
    }
    for (int t = 0; t < 4; t++) {
        pthread_join(threads[t], NULL);
        for (int k = 0; k < 3; k++)
            assert_true(workers[t].digests[k] == alone);
    }
    test_free(markdown);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(headings_never_end_a_page),
        cmocka_unit_test(no_line_of_a_paragraph_alone),
        cmocka_unit_test(page_break_fences),
        cmocka_unit_test(footnotes_at_the_foot_of_their_page),
        cmocka_unit_test(a_note_that_does_not_fit_moves_its_line),
        cmocka_unit_test(the_cover_has_no_running_header),
        cmocka_unit_test(links_are_clickable),
        cmocka_unit_test(lists_hang),
        cmocka_unit_test(numbers_of_a_list_end_together),
        cmocka_unit_test(justified_lines_meet_both_margins),
        cmocka_unit_test(text_is_set_as_swedish_writes_it),
        cmocka_unit_test(justified_lines_expand_and_protrude),
        cmocka_unit_test(headings_can_be_numbered),
        cmocka_unit_test(style_errors_are_reported),
        cmocka_unit_test(a_missing_dictionary_fails_the_document),
        cmocka_unit_test(samsund_pages_break_where_expected),
        cmocka_unit_test(threads_lay_out_the_same),
    };
    return cmocka_run_group_tests(tests, test_setup_with_fonts, test_teardown);
}
