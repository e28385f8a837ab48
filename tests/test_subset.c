/* The font subsetter: a subset is a font HarfBuzz can read back, with the
 * characters asked for, their glyphs' metrics, and little else. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <hb.h>

#include "subset.h"

static const char regular[] = "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf";

typedef struct {
    hb_face_t *face;
    hb_font_t *font;
} font;

static font open_font(hb_blob_t *blob)
{
    font f;
    f.face = hb_face_create(blob, 0);
    f.font = hb_font_create(f.face);
    return f;
}

static void close_font(font f)
{
    hb_font_destroy(f.font);
    hb_face_destroy(f.face);
}

static font open_subset(const font_subset *s)
{
    size_t len;
    const unsigned char *data = subset_data(s, &len);
    hb_blob_t *blob =
        hb_blob_create((const char *)data, (unsigned)len, HB_MEMORY_MODE_READONLY, NULL, NULL);
    font f = open_font(blob);
    hb_blob_destroy(blob);
    return f;
}

static hb_codepoint_t glyph_of(font f, uint32_t cp)
{
    hb_codepoint_t g = 0;
    return hb_font_get_nominal_glyph(f.font, cp, &g) ? g : 0;
}

static unsigned table_length(font f, hb_tag_t tag)
{
    hb_blob_t *t = hb_face_reference_table(f.face, tag);
    unsigned len = hb_blob_get_length(t);
    hb_blob_destroy(t);
    return len;
}

static const uint32_t swedish[] = {'H',  'e',  'j',    ' ',    0xE5,   0xE4,
                                   0xF6, 0xC5, 0x2212, 0x2264, 0x20AC, 0xA0};
enum { NSWEDISH = sizeof swedish / sizeof swedish[0] };

static void the_subset_holds_the_characters_and_their_metrics(void **state)
{
    (void)state;
    hb_blob_t *blob = hb_blob_create_from_file_or_fail(regular);
    assert_non_null(blob);
    font whole = open_font(blob);
    font_subset *s = subset_make(whole.face, swedish, NSWEDISH, false);
    assert_non_null(s);
    font part = open_subset(s);

    hb_set_t *unicodes = hb_set_create();
    hb_face_collect_unicodes(part.face, unicodes);
    assert_int_equal(hb_set_get_population(unicodes), NSWEDISH);
    for (size_t i = 0; i < NSWEDISH; i++) {
        hb_codepoint_t old = glyph_of(whole, swedish[i]), new = glyph_of(part, swedish[i]);
        assert_true(old != 0 && new != 0);
        assert_int_equal(subset_glyph(s, old), new);
        assert_int_equal(hb_font_get_glyph_h_advance(part.font, new),
                         hb_font_get_glyph_h_advance(whole.font, old));
    }
    /* the characters, the parts of composite glyphs (å is a and a ring) and
     * the empty box, not the font's 2600 glyphs */
    assert_true(hb_face_get_glyph_count(part.face) <= NSWEDISH + 8);
    assert_int_equal(subset_glyph(s, glyph_of(whole, 'Q')), 0);
    hb_set_destroy(unicodes);
    close_font(part);
    subset_free(s);
    close_font(whole);
    hb_blob_destroy(blob);
}

static void the_subset_is_small_and_unhinted(void **state)
{
    (void)state;
    hb_blob_t *blob = hb_blob_create_from_file_or_fail(regular);
    font whole = open_font(blob);
    font_subset *s = subset_make(whole.face, swedish, NSWEDISH, false);
    size_t len;
    subset_data(s, &len);
    assert_true(len < hb_blob_get_length(blob) / 20);
    font part = open_subset(s);
    assert_true(table_length(whole, HB_TAG('G', 'P', 'O', 'S')) > 0);
    assert_int_equal(table_length(part, HB_TAG('G', 'P', 'O', 'S')), 0);
    assert_int_equal(table_length(part, HB_TAG('G', 'S', 'U', 'B')), 0);
    assert_int_equal(table_length(part, HB_TAG('f', 'p', 'g', 'm')), 0);
    assert_true(table_length(part, HB_TAG('g', 'l', 'y', 'f')) > 0);
    assert_true(table_length(part, HB_TAG('h', 'm', 't', 'x')) > 0);
    close_font(part);
    subset_free(s);
    close_font(whole);
    hb_blob_destroy(blob);
}

static bool notdef_has_outline(const font_subset *s)
{
    font part = open_subset(s);
    hb_glyph_extents_t ext = {0, 0, 0, 0};
    hb_font_get_glyph_extents(part.font, 0, &ext);
    close_font(part);
    return ext.width != 0 && ext.height != 0;
}

static void the_empty_box_is_kept_only_when_asked(void **state)
{
    (void)state;
    hb_blob_t *blob = hb_blob_create_from_file_or_fail(regular);
    font whole = open_font(blob);
    font_subset *without = subset_make(whole.face, swedish, NSWEDISH, false);
    font_subset *with = subset_make(whole.face, swedish, NSWEDISH, true);
    assert_false(notdef_has_outline(without));
    assert_true(notdef_has_outline(with));
    subset_free(without);
    subset_free(with);
    close_font(whole);
    hb_blob_destroy(blob);
}

static void characters_the_font_lacks_are_left_out(void **state)
{
    (void)state;
    hb_blob_t *blob = hb_blob_create_from_file_or_fail(regular);
    font whole = open_font(blob);
    const uint32_t cps[] = {'a', 0x1F600, 0x2603};
    font_subset *s = subset_make(whole.face, cps, 3, true);
    assert_non_null(s);
    font part = open_subset(s);
    assert_int_not_equal(glyph_of(part, 'a'), 0);
    assert_int_equal(glyph_of(part, 0x1F600), 0);
    close_font(part);
    subset_free(s);
    close_font(whole);
    hb_blob_destroy(blob);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_subset_holds_the_characters_and_their_metrics),
        cmocka_unit_test(the_subset_is_small_and_unhinted),
        cmocka_unit_test(the_empty_box_is_kept_only_when_asked),
        cmocka_unit_test(characters_the_font_lacks_are_left_out),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
