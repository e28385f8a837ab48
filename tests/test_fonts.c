/* Measuring text: widths with kerning, as HarfBuzz shapes it, and the same
 * widths from fonts_set_text, which the PDF writer draws with; each face
 * built on its first use only, once, whichever threads use it first; the
 * default faces' tables compiled in, the same as built at run time. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <math.h>

#include <hb.h>

#include "fonts.h"
#include "layout.h"
#include "pdf.h"
#include "style.h"

#include "test_support.h"

/* The text's width in font units as HarfBuzz shapes it, ligatures off. */
static long shaped_units(const font_set *fs, face_style face, const char *text)
{
    hb_font_t *font = hb_font_create(fonts_hb_face(fs, face));
    hb_buffer_t *buf = hb_buffer_create();
    hb_buffer_add_utf8(buf, text, -1, 0, -1);
    hb_buffer_guess_segment_properties(buf);
    hb_feature_t off[3];
    hb_feature_from_string("-liga", -1, &off[0]);
    hb_feature_from_string("-clig", -1, &off[1]);
    hb_feature_from_string("-calt", -1, &off[2]);
    hb_shape(font, buf, off, 3);
    unsigned n;
    const hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(buf, &n);
    long units = 0;
    for (unsigned i = 0; i < n; i++)
        units += pos[i].x_advance;
    hb_buffer_destroy(buf);
    hb_font_destroy(font);
    return units;
}

#define assert_close(a, b) assert_true(fabs((a) - (b)) < 1e-9)

static double units_to_points(const font_set *fs, face_style face, long units, double size)
{
    return (double)units * size / fonts_units_per_em(fs, face);
}

static void widths_equal_harfbuzz_shaping(void **state)
{
    const font_set *fs = ((test_fixture *)*state)->fonts;
    static const char *words[] = {"AVATAR",
                                  "Verksamhetsplan",
                                  "Tvätt",
                                  "LT",
                                  "Wow,",
                                  "Yrke.",
                                  "P.",
                                  "ÅVÄ",
                                  "“Vi”",
                                  "Försäkringskassan",
                                  "−1",
                                  "F.",
                                  "rehabilitering",
                                  "2024-02-23",
                                  "Ty’s",
                                  "L’Y"};
    for (int f = 0; f < FACE_COUNT; f++) {
        for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
            double want = units_to_points(fs, (face_style)f, shaped_units(fs, f, words[i]), 10);
            double got = fonts_width(fs, (face_style)f, 10, words[i], strlen(words[i]));
            if (got != want)
                fail_msg("face %d, \"%s\": %.6f, HarfBuzz %.6f", f, words[i], got, want);
        }
    }
}

static void a_kerned_pair_is_narrower_by_its_kerning(void **state)
{
    const font_set *fs = ((test_fixture *)*state)->fonts;
    double av = fonts_width(fs, FACE_REGULAR, 20, "AV", 2);
    double a = fonts_width(fs, FACE_REGULAR, 20, "A", 1);
    double v = fonts_width(fs, FACE_REGULAR, 20, "V", 1);
    double kern = fonts_kerning(fs, FACE_REGULAR, 20, 'A', 'V');
    assert_true(kern < -0.5);
    assert_close(av, a + v + kern);
    assert_close(fonts_kerning(fs, FACE_REGULAR, 20, 'o', 'o'), 0);
}

static void spaces_are_never_kerned(void **state)
{
    const font_set *fs = ((test_fixture *)*state)->fonts;
    /* The font kerns "A " and " A"; planpress keeps a space's width, so that
     * a line is exactly as wide as its words and spaces. */
    double a = fonts_width(fs, FACE_REGULAR, 10, "A", 1);
    double space = fonts_width(fs, FACE_REGULAR, 10, " ", 1);
    assert_true(units_to_points(fs, FACE_REGULAR, shaped_units(fs, FACE_REGULAR, "A "), 10) <
                a + space - 0.1);
    assert_close(fonts_width(fs, FACE_REGULAR, 10, "A ", 2), a + space);
    assert_close(fonts_width(fs, FACE_REGULAR, 10, " A", 2), a + space);
    assert_close(fonts_kerning(fs, FACE_REGULAR, 10, 'A', ' '), 0);
}

static void set_text_adds_up_to_the_width(void **state)
{
    const font_set *fs = ((test_fixture *)*state)->fonts;
    static const char *texts[] = {"Tv AV, 10 014 kr — “Wow” ≥ 5 %", "Åtgärd", "", "😀 x"};
    for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
        size_t len = strlen(texts[t]);
        font_glyph glyphs[64];
        size_t n = fonts_set_text(fs, FACE_BOLD, texts[t], len, glyphs);
        long units = 0;
        for (size_t i = 0; i < n; i++)
            units += glyphs[i].advance + glyphs[i].kerning;
        assert_close(units_to_points(fs, FACE_BOLD, units, 9.5),
                     fonts_width(fs, FACE_BOLD, 9.5, texts[t], len));
        if (n)
            assert_int_equal(glyphs[n - 1].kerning, 0);
    }
    font_glyph g[4];
    assert_int_equal(fonts_set_text(fs, FACE_REGULAR, "Tå", strlen("Tå"), g), 2);
    assert_int_equal(g[0].cp, 'T');
    assert_int_equal(g[1].cp, 0xE5);
    assert_int_equal(g[0].glyph, fonts_glyph(fs, FACE_REGULAR, 'T'));
}

static void a_missing_character_is_the_empty_box(void **state)
{
    const font_set *fs = ((test_fixture *)*state)->fonts;
    assert_false(fonts_has_glyph(fs, FACE_ITALIC, 0x1F600));
    assert_false(fonts_has_glyph(fs, FACE_ITALIC, 0x2603));
    assert_true(fonts_has_glyph(fs, FACE_ITALIC, 0x2212));
    assert_true(fonts_has_glyph(fs, FACE_ITALIC, 0xA0));
    assert_int_equal(fonts_glyph(fs, FACE_ITALIC, 0x1F600), 0);
    double empty_box =
        units_to_points(fs, FACE_ITALIC, fonts_glyph_advance(fs, FACE_ITALIC, 0), 12);
    assert_true(empty_box > 0);
    assert_close(fonts_width(fs, FACE_ITALIC, 12, "😀", strlen("😀")), empty_box);
}

/* The faces built so far, one bit per face. */
static unsigned ready_faces(const font_set *fs)
{
    unsigned bits = 0;
    for (int f = 0; f < FACE_COUNT; f++)
        if (fonts_face_ready(fs, (face_style)f))
            bits |= 1u << f;
    return bits;
}

/* A face compiled in sets text without HarfBuzz; its HarfBuzz font is
 * built when something first needs it (a character past the tables, the
 * PDF writer), and only that face's. */
static void a_face_opens_in_harfbuzz_on_its_first_use(void **state)
{
    const font_set *fs = ((test_fixture *)*state)->fonts;
    assert_int_equal(ready_faces(fs), 0);
    assert_true(fonts_width(fs, FACE_ITALIC, 10, "Åtgärd", strlen("Åtgärd")) > 0);
    assert_int_equal(ready_faces(fs), 0);
    assert_true(fonts_width(fs, FACE_ITALIC, 10, "😀", strlen("😀")) > 0);
    assert_int_equal(ready_faces(fs), 1u << FACE_ITALIC);
    assert_non_null(fonts_hb_face(fs, FACE_MONO));
    assert_int_equal(ready_faces(fs), 1u << FACE_ITALIC | 1u << FACE_MONO);
}

/* The default style's fonts, each copied with one byte more: the same font
 * to HarfBuzz, but not the file whose tables were compiled in, so these are
 * built at run time. */
static font_set *unbaked_fonts(test_fixture *f)
{
    style *st = ARENA_NEW(&f->mem, style);
    *st = *f->st;
    for (int i = 0; i < FACE_COUNT; i++) {
        strbuf font = {0};
        assert_true(strbuf_append_file(&font, f->st->font_files[i]));
        strbuf_append(&font, "", 1);
        const char *copy = in_folder(f, arena_printf(&f->mem, "face-%d.ttf", i));
        write_bytes(copy, font.data, font.len);
        strbuf_free(&font);
        st->font_files[i] = copy;
    }
    font_set *fs = fonts_load(st, &f->dl);
    assert_non_null(fs);
    return fs;
}

/* The default style, its regular face read from a copy of its file (`name`
 * in the test's folder); with `altered`, the copy's first table record says
 * another checksum. */
static style *style_with_regular_copy(test_fixture *f, const char *name, bool altered)
{
    strbuf font = {0};
    assert_true(strbuf_append_file(&font, f->st->font_files[FACE_REGULAR]));
    if (altered)
        font.data[12 + 4] ^= 1;
    style *st = ARENA_NEW(&f->mem, style);
    *st = *f->st;
    st->font_files[FACE_REGULAR] = in_folder(f, name);
    write_bytes(st->font_files[FACE_REGULAR], font.data, font.len);
    strbuf_free(&font);
    return st;
}

/* A file of the same size whose table directory says other content (a
 * table's checksum changed) is not the file whose tables were compiled in. */
static void a_font_with_another_table_checksum_is_measured_at_run_time(void **state)
{
    test_fixture *f = *state;
    style *st = style_with_regular_copy(f, "checksum.ttf", true);
    font_set *fs = fonts_load(st, &f->dl);
    assert_non_null(fs);
    assert_false(fonts_face_baked(fs, FACE_REGULAR));
    assert_true(fonts_face_baked(fs, FACE_BOLD));
    fonts_free(fs);
}

static void the_default_faces_take_the_tables_compiled_in(void **state)
{
    test_fixture *f = *state;
    font_set *unbaked = unbaked_fonts(f);
    for (int i = 0; i < FACE_COUNT; i++) {
        face_style face = (face_style)i;
        assert_true(fonts_face_baked(f->fonts, face));
        assert_false(fonts_face_baked(unbaked, face));
        /* the same metrics, widths and kerning as HarfBuzz gives at run time */
        assert_int_equal(fonts_units_per_em(f->fonts, face), fonts_units_per_em(unbaked, face));
        assert_close(fonts_ascent(f->fonts, face, 10), fonts_ascent(unbaked, face, 10));
        assert_close(fonts_descent(f->fonts, face, 10), fonts_descent(unbaked, face, 10));
        static const char *const words[] = {
            "AVATAR", "Tvätt", "“Vi”", "−1 520", "L’Y", "Försäkringskassan", "Wow, Yrke."};
        for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
            const char *s = words[w];
            assert_close(fonts_width(f->fonts, face, 10, s, strlen(s)),
                         fonts_width(unbaked, face, 10, s, strlen(s)));
        }
        static const char pairs[] = "AVTWYLPFo.,y-rvkå";
        for (const char *a = pairs; *a; a++)
            for (const char *b = pairs; *b; b++)
                assert_close(fonts_kerning(f->fonts, face, 10, (uint32_t)*a, (uint32_t)*b),
                             fonts_kerning(unbaked, face, 10, (uint32_t)*a, (uint32_t)*b));
        for (uint32_t cp = 0; cp < 0x2300; cp++)
            assert_int_equal(fonts_glyph(f->fonts, face, cp), fonts_glyph(unbaked, face, cp));
    }
    fonts_free(unbaked);
}

static void kerning_rows_are_shaped_on_first_use(void **state)
{
    test_fixture *f = *state;
    font_set *fs = unbaked_fonts(f);
    assert_int_equal(fonts_kerning_rows_shaped(fs, FACE_BOLD_ITALIC), 0);
    assert_false(fonts_face_ready(fs, FACE_BOLD_ITALIC));
    fonts_width(fs, FACE_BOLD_ITALIC, 10, "o", 1);
    assert_true(fonts_face_ready(fs, FACE_BOLD_ITALIC)); /* measured with HarfBuzz */
    assert_int_equal(fonts_kerning_rows_shaped(fs, FACE_BOLD_ITALIC), 1); /* the first, at build */
    unsigned before = fonts_kerning_rows_shaped(fs, FACE_BOLD_ITALIC);
    assert_true(fonts_kerning(fs, FACE_BOLD_ITALIC, 10, 'A', 'V') < 0);
    unsigned after_av = fonts_kerning_rows_shaped(fs, FACE_BOLD_ITALIC);
    assert_true(after_av == before + 1); /* A's row; V only on the right */
    fonts_kerning(fs, FACE_BOLD_ITALIC, 10, 'A', 'T');
    assert_int_equal(fonts_kerning_rows_shaped(fs, FACE_BOLD_ITALIC), after_av);
    fonts_free(fs);
}

static void a_document_builds_only_the_faces_it_uses(void **state)
{
    test_fixture *f = *state;
    static const char markdown[] = "# Verksamhetsplan\n\nText med **fetstil** och siffror: "
                                   "10 014 kr.\n\n| År | Belopp |\n| --- | ---: |\n"
                                   "| 2024 | 1 520 |\n";
    layout_info info = {.title = "Verksamhetsplan", .association = "Förbundet"};
    layout_doc doc;
    assert_true(
        layout_markdown(&f->mem, markdown, strlen(markdown), f->st, f->fonts, &info, &doc, &f->dl));
    pdf_metadata meta = {.title = "Verksamhetsplan", .language = "sv-SE"};
    pdf_bytes pdf = {0};
    assert_true(pdf_render(&doc, f->fonts, &meta, "prov.pdf", &pdf, &f->dl));
    free(pdf.data);
    assert_int_equal(ready_faces(f->fonts), 1u << FACE_REGULAR | 1u << FACE_BOLD);
}

/* A compiled-in face is opened in HarfBuzz only when the PDF needs it: a
 * font file gone by then fails the document with an error, not a PDF with
 * an empty font. */
static void a_baked_font_gone_before_the_pdf_is_an_error(void **state)
{
    test_fixture *f = *state;
    style *st = style_with_regular_copy(f, "regular.ttf", false);
    font_set *fs = fonts_load(st, &f->dl);
    assert_non_null(fs);
    assert_true(fonts_face_baked(fs, FACE_REGULAR));
    static const char markdown[] = "Text.\n";
    layout_info info = {.title = "Plan"};
    layout_doc doc;
    assert_true(layout_markdown(&f->mem, markdown, strlen(markdown), st, fs, &info, &doc, &f->dl));
    assert_int_equal(unlink(st->font_files[FACE_REGULAR]), 0);
    pdf_metadata meta = {.title = "Plan", .language = "sv-SE"};
    pdf_bytes pdf = {0};
    size_t errors = f->dl.errors;
    assert_false(pdf_render(&doc, fs, &meta, "prov.pdf", &pdf, &f->dl));
    assert_null(pdf.data);
    assert_true(f->dl.errors > errors);
    fonts_free(fs);
}

static const char *const sample_words[] = {
    "AVATAR", "Tvätt", "“Vi”", "−1 520", "L’Y", "😀 x", "Försäkringskassan"};
enum { SAMPLE_WORDS = sizeof sample_words / sizeof sample_words[0], SETTERS = 8, RACES = 16 };

typedef struct {
    const font_set *fs;
    pthread_barrier_t *start;
    double widths[SAMPLE_WORDS];
    long set_units[SAMPLE_WORDS]; /* the sum of fonts_set_text's advances and kerning */
} setter;

static void measure_words(setter *s)
{
    for (int i = 0; i < SAMPLE_WORDS; i++) {
        size_t len = strlen(sample_words[i]);
        s->widths[i] = fonts_width(s->fs, FACE_MONO, 10, sample_words[i], len);
        font_glyph glyphs[32];
        size_t n = fonts_set_text(s->fs, FACE_MONO, sample_words[i], len, glyphs);
        s->set_units[i] = 0;
        for (size_t k = 0; k < n; k++)
            s->set_units[i] += glyphs[k].advance + glyphs[k].kerning;
    }
}

static void *measure_after_the_others_start(void *arg)
{
    setter *s = arg;
    pthread_barrier_wait(s->start);
    measure_words(s);
    return NULL;
}

/* Threads that all set text in an unused face at once each see it whole:
 * the widths a face built alone gives. Raced a few times over, fresh fonts
 * each time, as the thread that comes late to a face is the one at risk. */
static void threads_first_using_a_face_agree(void **state)
{
    test_fixture *f = *state;
    setter alone = {.fs = f->fonts};
    measure_words(&alone);
    for (int round = 0; round < RACES; round++) {
        font_set *fresh = default_fonts(&f->mem, &f->dl, NULL);
        assert_non_null(fresh);
        pthread_barrier_t start;
        pthread_barrier_init(&start, NULL, SETTERS);
        setter setters[SETTERS];
        pthread_t threads[SETTERS];
        for (int t = 0; t < SETTERS; t++) {
            setters[t] = (setter){.fs = fresh, .start = &start};
            assert_int_equal(
                pthread_create(&threads[t], NULL, measure_after_the_others_start, &setters[t]), 0);
        }
        for (int t = 0; t < SETTERS; t++)
            pthread_join(threads[t], NULL);
        for (int t = 0; t < SETTERS; t++)
            for (int i = 0; i < SAMPLE_WORDS; i++) {
                assert_true(setters[t].widths[i] == alone.widths[i]);
                assert_int_equal(setters[t].set_units[i], alone.set_units[i]);
            }
        pthread_barrier_destroy(&start);
        fonts_free(fresh);
    }
}

static int test_setup_with_fonts_and_folder(void **state)
{
    *state = test_fixture_new(TEST_FONTS | TEST_FOLDER);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(widths_equal_harfbuzz_shaping),
        cmocka_unit_test(a_kerned_pair_is_narrower_by_its_kerning),
        cmocka_unit_test(spaces_are_never_kerned),
        cmocka_unit_test(set_text_adds_up_to_the_width),
        cmocka_unit_test(a_missing_character_is_the_empty_box),
        /* each with fonts of its own, none of them used yet */
        cmocka_unit_test_setup_teardown(a_face_opens_in_harfbuzz_on_its_first_use,
                                        test_setup_with_fonts, test_teardown),
        cmocka_unit_test_setup_teardown(kerning_rows_are_shaped_on_first_use,
                                        test_setup_with_fonts_and_folder, test_teardown),
        cmocka_unit_test_setup_teardown(a_font_with_another_table_checksum_is_measured_at_run_time,
                                        test_setup_with_fonts_and_folder, test_teardown),
        cmocka_unit_test_setup_teardown(the_default_faces_take_the_tables_compiled_in,
                                        test_setup_with_fonts_and_folder, test_teardown),
        cmocka_unit_test_setup_teardown(a_document_builds_only_the_faces_it_uses,
                                        test_setup_with_fonts, test_teardown),
        cmocka_unit_test_setup_teardown(a_baked_font_gone_before_the_pdf_is_an_error,
                                        test_setup_with_fonts_and_folder, test_teardown),
        cmocka_unit_test_setup_teardown(threads_first_using_a_face_agree, test_setup_with_fonts,
                                        test_teardown),
    };
    return cmocka_run_group_tests(tests, test_setup_with_fonts, test_teardown);
}
