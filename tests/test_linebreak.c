/* Line breaking measured on a corpus of paragraphs (corpus/paragraphs.txt)
 * set in columns from the full text width down to narrow table cells,
 * justified and ragged: no line is wider than its column, no text is lost or
 * reordered, no two hyphenated lines follow each other when the paragraph can
 * be set without them within the tolerance (passes 1 and 2), and the total
 * badness of every paragraph is never worse than first fit over the same
 * break points (without hyphenation when the paragraph was set without it,
 * in pass 1). Total badness is counted as Knuth and Plass count it, in
 * demerits: the badness of each line plus the penalties for hyphens and for
 * hyphenated lines in a row (a plain sum of line badness would reward
 * hyphenating every line). The summed plain badness is compared too, for
 * justified text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fonts.h"
#include "style.h"
#include "linebreak.h"

#include "test_support.h"

typedef struct {
    arena mem;
    diag_list dl;
    style *st;
    font_set *fonts;
    layout_state ls;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    arena_init(&f->mem);
    f->dl.mem = &f->mem;
    f->fonts = default_fonts(&f->mem, &f->dl, &f->st);
    assert_non_null(f->fonts);
    const hyphenation_style *hs = &f->st->hyphenation;
    f->ls = (layout_state){.mem = &f->mem, .st = f->st, .fonts = f->fonts};
    f->ls.hyph = hyphenator_shared(hs->dictionary, hs->left_min, hs->right_min);
    assert_non_null(f->ls.hyph);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    fonts_free(f->fonts);
    arena_free(&f->mem);
    free(f);
    return 0;
}

/* The pieces of the first paragraph of a line of Markdown. */
static piece_list pieces_of(fixture *f, const char *markdown)
{
    cmark_node *root = cmark_parse_document(markdown, strlen(markdown), CMARK_OPT_DEFAULT);
    cmark_iter *it = cmark_iter_new(root);
    piece_list pl = {0};
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH) {
            inline_collect(&f->ls, n, FACE_REGULAR, &pl, f->st->body.size);
            break;
        }
    }
    cmark_iter_free(it);
    cmark_node_free(root);
    return pl;
}

static piece_list pieces_of_text(fixture *f, const char *text)
{
    piece_list pl = {0};
    inline_add_text(&f->ls, &pl, FACE_REGULAR, text, f->st->body.size);
    return pl;
}

/* ---- independent measures of lines ----------------------------------------- */

static size_t fragment(const piece_list *pl, const line_span *l, size_t i, size_t *from)
{
    *from = i == l->start ? l->start_off : 0;
    return (i + 1 == l->end ? l->end_len : pl->items[i].len) - *from;
}

/* The width a line takes when drawn: every fragment measured again. */
static double drawn_width(const piece_list *pl, const line_span *l)
{
    double w = 0;
    const piece *last = NULL;
    for (size_t i = l->start; i < l->end; i++) {
        const piece *p = &pl->items[i];
        if (p->kind == PIECE_SPACE) {
            if (i == l->start || pl->items[i - 1].kind != PIECE_SPACE)
                w += p->face == FACE_MONO ? p->width : p->width * l->space_scale;
        } else if (p->kind == PIECE_WORD) {
            size_t from, len = fragment(pl, l, i, &from);
            w += fonts_width(pl->fonts, p->face, p->size, p->text + from, len) * l->glyph_scale;
            last = p;
        }
    }
    if (l->hyphen && last)
        w += fonts_width(pl->fonts, last->face, last->size, "-", 1) * l->glyph_scale;
    return w;
}

/* How far the line may reach into the margin: 0.7 of a hyphen, comma or
 * full stop at its end (at most a quarter of an em). */
static double hang_allowed(const piece_list *pl, const line_span *l)
{
    if (l->end == l->start)
        return 0;
    const piece *p = &pl->items[l->end - 1];
    size_t len = l->end_len ? l->end_len : p->len;
    bool hangs = l->hyphen || (len > 0 && strchr("-.,", p->text[len - 1]));
    return hangs ? 0.25 * p->size : 0;
}

/* The words of the lines put together again, without spaces and added
 * hyphens: must give the words of the paragraph. */
static char *text_of_lines(const piece_list *pl, const line_span *lines, size_t n)
{
    size_t cap = 1;
    for (size_t i = 0; i < pl->count; i++)
        cap += pl->items[i].len;
    char *out = calloc(cap, 1);
    size_t len = 0;
    for (size_t k = 0; k < n; k++) {
        for (size_t i = lines[k].start; i < lines[k].end; i++) {
            if (pl->items[i].kind != PIECE_WORD)
                continue;
            size_t from, flen = fragment(pl, &lines[k], i, &from);
            assert_true(len + flen < cap);
            memcpy(out + len, pl->items[i].text + from, flen);
            len += flen;
        }
    }
    return out;
}

static char *text_of_pieces(const piece_list *pl)
{
    line_span all = {
        .start = 0, .end = pl->count, .end_len = pl->count ? pl->items[pl->count - 1].len : 0};
    return text_of_lines(pl, &all, 1);
}

static size_t longest_hyphen_row(const line_span *lines, size_t n)
{
    size_t row = 0, longest = 0;
    for (size_t k = 0; k < n; k++) {
        row = lines[k].flagged ? row + 1 : 0;
        longest = row > longest ? row : longest;
    }
    return longest;
}

/* ---- the corpus ----------------------------------------------------------- */

typedef struct {
    size_t paragraphs, lines, passes[6];
    double badness, greedy_badness, greedy_plain_badness;
    size_t hyphens, greedy_hyphens, consecutive, greedy_consecutive;
    size_t longest_row, greedy_longest_row; /* hyphenated lines in a row */
} totals;

static char **read_corpus(size_t *count)
{
    FILE *in = fopen("corpus/paragraphs.txt", "r");
    assert_non_null(in);
    char **items = NULL, line[8192];
    size_t n = 0;
    while (fgets(line, sizeof line, in)) {
        line[strcspn(line, "\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        items = realloc(items, (n + 1) * sizeof *items);
        items[n++] = strdup(line);
    }
    fclose(in);
    *count = n;
    return items;
}

static void check_paragraph(fixture *f, const char *markdown, double width, bool justify, totals *t)
{
    piece_list pl = pieces_of(f, markdown);
    /* as the default style sets text: font expansion and protrusion when justified */
    break_params bp = {.width = width,
                       .justify = justify,
                       .hyph = f->ls.hyph,
                       .min_word = 6,
                       .expansion = 0.02,
                       .protrude = true};
    line_span *lines, *greedy;
    break_stats s, g, plain;
    size_t n = lines_break_para(&f->mem, &pl, &bp, &lines, &s);
    size_t ng = lines_break_greedy(&f->mem, &pl, &bp, &greedy, &g);
    break_params no_hyphens = bp;
    no_hyphens.hyph = NULL;
    line_span *unhyphenated;
    lines_break_greedy(&f->mem, &pl, &no_hyphens, &unhyphenated, &plain);

    for (size_t k = 0; k < n; k++) {
        double w = drawn_width(&pl, &lines[k]);
        if (w > width + hang_allowed(&pl, &lines[k]) + 0.01)
            fail_msg("overfull line %zu (%.2f > %.2f) in \"%.40s\"", k, w, width, markdown);
        assert_false(lines[k].overfull);
    }
    char *want = text_of_pieces(&pl), *got = text_of_lines(&pl, lines, n);
    assert_string_equal(got, want);
    free(want);
    free(got);
    if (s.consecutive_hyphens && s.pass <= 2)
        fail_msg("two hyphenated lines in a row in pass %d: \"%.40s\"", s.pass, markdown);
    /* first fit over the break points of the pass: pass 1 does not hyphenate */
    double first_fit = s.pass == 1 ? plain.demerits : g.demerits;
    if (s.demerits > first_fit + 1e-6)
        fail_msg("demerits %.0f worse than first fit %.0f at %.0f pt %s: \"%.40s\"", s.demerits,
                 first_fit, width, justify ? "justified" : "ragged", markdown);

    t->paragraphs++;
    t->lines += n;
    t->passes[s.pass]++;
    t->badness += s.badness;
    t->greedy_badness += g.badness;
    t->greedy_plain_badness += plain.badness;
    t->hyphens += s.hyphens;
    t->greedy_hyphens += g.hyphens;
    t->consecutive += s.consecutive_hyphens;
    t->greedy_consecutive += g.consecutive_hyphens;
    size_t row = longest_hyphen_row(lines, n), greedy_row = longest_hyphen_row(greedy, ng);
    t->longest_row = row > t->longest_row ? row : t->longest_row;
    t->greedy_longest_row = greedy_row > t->greedy_longest_row ? greedy_row : t->greedy_longest_row;
}

static void corpus(void **state)
{
    fixture *f = *state;
    static const double widths[] = {453.5, 300, 220, 150, 100};
    size_t count;
    char **paragraphs = read_corpus(&count);
    assert_true(count >= 30);
    for (int mode = 0; mode < 2; mode++) {
        for (size_t w = 0; w < sizeof widths / sizeof widths[0]; w++) {
            totals t = {0};
            for (size_t i = 0; i < count; i++)
                check_paragraph(f, paragraphs[i], widths[w], mode == 0, &t);
            printf("%-9s %5.1f pt: %2zu paragraphs, %4zu lines, passes %zu/%zu/%zu/%zu/%zu; "
                   "badness %7.0f (first fit %7.0f, without hyphenation %7.0f), hyphens %3zu "
                   "(%3zu), after another %3zu (%3zu), most in a row %zu (%zu)\n",
                   mode == 0 ? "justified" : "ragged", widths[w], t.paragraphs, t.lines,
                   t.passes[1], t.passes[2], t.passes[3], t.passes[4], t.passes[5], t.badness,
                   t.greedy_badness, t.greedy_plain_badness, t.hyphens, t.greedy_hyphens,
                   t.consecutive, t.greedy_consecutive, t.longest_row, t.greedy_longest_row);
            if (mode == 0) /* justified: the spacing is what badness measures */
                assert_true(t.badness <= t.greedy_badness);
        }
    }
    for (size_t i = 0; i < count; i++)
        free(paragraphs[i]);
    free(paragraphs);
}

/* ---- single cases --------------------------------------------------------- */

static void short_paragraph_is_one_line(void **state)
{
    fixture *f = *state;
    piece_list pl = pieces_of_text(f, "Tre korta ord.");
    break_params bp = {.width = 400, .justify = true, .hyph = f->ls.hyph};
    line_span *lines;
    break_stats s;
    assert_int_equal(lines_break_para(&f->mem, &pl, &bp, &lines, &s), 1);
    assert_int_equal(s.pass, 1);
    assert_true(lines[0].space_scale == 1); /* a last line is not stretched */
    assert_false(lines[0].hyphen);
}

/* A number keeps its digit groups and its unit on one line: "750 000 kr"
 * and "20 %" are one word each, with no-break spaces, whatever the width. */
static void numbers_keep_their_units(void **state)
{
    fixture *f = *state;
    piece_list pl = pieces_of_text(f, "Budgeten är 750 000 kr, ca 20 % och 2 000 tkr. År 2024 var det 5 personer.");
    const char *want[] = {"750\xc2\xa0" "000\xc2\xa0kr,", "20\xc2\xa0%", "2\xc2\xa0" "000\xc2\xa0tkr.",
                          "2024", "5", "personer."};
    size_t found = 0;
    for (size_t i = 0; i < pl.count; i++)
        for (size_t k = 0; k < sizeof want / sizeof want[0]; k++)
            if (pl.items[i].kind == PIECE_WORD && pl.items[i].len == strlen(want[k]) &&
                memcmp(pl.items[i].text, want[k], pl.items[i].len) == 0)
                found++;
    assert_int_equal(found, 6);
    for (double width = 40; width < 300; width += 7) {
        break_params bp = {.width = width, .justify = true, .hyph = f->ls.hyph};
        line_span *lines;
        break_stats st;
        size_t n = lines_break_para(&f->mem, &pl, &bp, &lines, &st);
        char *text = text_of_lines(&pl, lines, n);
        assert_non_null(strstr(text, "750\xc2\xa0" "000\xc2\xa0kr"));
        free(text);
    }
}

/* Code is set as typed: its numbers and units are not held together. */
static void code_keeps_its_spaces(void **state)
{
    fixture *f = *state;
    piece_list pl = pieces_of(f, "Skriv `750 000 kr` eller 750 000 kr.");
    size_t plain = 0, held = 0;
    for (size_t i = 0; i < pl.count; i++) {
        const piece *p = &pl.items[i];
        if (p->kind == PIECE_WORD && p->face == FACE_MONO)
            plain += p->len == 3;
        if (p->kind == PIECE_WORD && p->face != FACE_MONO)
            held += p->len == strlen("750\xc2\xa0" "000\xc2\xa0kr.") &&
                    memcmp(p->text, "750\xc2\xa0" "000\xc2\xa0kr.", p->len) == 0;
    }
    assert_int_equal(plain, 2); /* "750", "000" */
    assert_int_equal(held, 1);
}

static void hard_breaks_end_lines(void **state)
{
    fixture *f = *state;
    piece_list pl = pieces_of(f, "Postadress: Rosengatan 8\\\n172 70 Sundbyberg\\\n08-706 80 37");
    break_params bp = {.width = 400, .justify = true, .hyph = f->ls.hyph};
    line_span *lines;
    assert_int_equal(lines_break_para(&f->mem, &pl, &bp, &lines, NULL), 3);
    for (int k = 0; k < 3; k++)
        assert_true(lines[k].space_scale == 1);
}

static void a_word_wider_than_the_column_is_cut(void **state)
{
    fixture *f = *state;
    const char *word = "Rehabiliteringsförsäkringshandläggarutbildningsprogrammet";
    piece_list pl = pieces_of_text(f, word);
    for (double width = 120; width >= 8; width /= 2) {
        break_params bp = {.width = width, .justify = true, .hyph = f->ls.hyph};
        line_span *lines;
        break_stats s;
        size_t n = lines_break_para(&f->mem, &pl, &bp, &lines, &s);
        assert_true(n >= 2);
        for (size_t k = 0; k < n; k++)
            assert_true(drawn_width(&pl, &lines[k]) <= width + 0.01);
        char *got = text_of_lines(&pl, lines, n);
        assert_string_equal(got, word);
        free(got);
    }
}

static void narrower_than_a_letter_still_sets_everything(void **state)
{
    fixture *f = *state;
    piece_list pl = pieces_of_text(f, "Mm WW");
    break_params bp = {.width = 2, .justify = false, .hyph = f->ls.hyph};
    line_span *lines;
    break_stats s;
    size_t n = lines_break_para(&f->mem, &pl, &bp, &lines, &s);
    assert_int_equal(s.pass, 5); /* first fit: no line can fit */
    char *got = text_of_lines(&pl, lines, n);
    assert_string_equal(got, "MmWW");
    free(got);
}

static void justified_lines_fill_the_column(void **state)
{
    fixture *f = *state;
    piece_list pl = pieces_of_text(
        f, "Förbundets ändamål är att svara för en finansiell samordning av insatser för personer "
           "som är i behov av samordnade rehabiliteringsinsatser. Syftet är att de ska uppnå "
           "eller förbättra sin förmåga att utföra förvärvsarbete och nå egenförsörjning.");
    break_params bp = {.width = 300, .justify = true, .hyph = f->ls.hyph};
    line_span *lines;
    size_t n = lines_break_para(&f->mem, &pl, &bp, &lines, NULL);
    assert_true(n >= 3);
    for (size_t k = 0; k + 1 < n; k++)
        assert_float_equal(drawn_width(&pl, &lines[k]), 300, 0.01);
    assert_true(drawn_width(&pl, &lines[n - 1]) < 300);
}

static void ragged_lines_keep_their_spaces(void **state)
{
    fixture *f = *state;
    piece_list pl = pieces_of_text(
        f, "De strukturella insatserna ska stödja samverkan mellan medlemmarna inom det "
           "arbetslivsinriktade rehabiliteringsområdet.");
    break_params bp = {.width = 200, .justify = false, .hyph = f->ls.hyph};
    line_span *lines;
    size_t n = lines_break_para(&f->mem, &pl, &bp, &lines, NULL);
    assert_true(n >= 2);
    for (size_t k = 0; k < n; k++)
        assert_true(lines[k].space_scale == 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(short_paragraph_is_one_line),
        cmocka_unit_test(hard_breaks_end_lines),
        cmocka_unit_test(a_word_wider_than_the_column_is_cut),
        cmocka_unit_test(narrower_than_a_letter_still_sets_everything),
        cmocka_unit_test(justified_lines_fill_the_column),
        cmocka_unit_test(ragged_lines_keep_their_spaces),
        cmocka_unit_test(corpus),
        cmocka_unit_test(numbers_keep_their_units),
        cmocka_unit_test(code_keeps_its_spaces),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
