#include "subset.h"

#include <hb-subset.h>
#include <hb.h>
#include <stdlib.h>

struct font_subset {
    hb_subset_plan_t *plan;
    hb_face_t *face;
    hb_blob_t *blob;
};

/* Tables a PDF reader never looks at in an embedded TrueType font. */
static const hb_tag_t dropped_tables[] = {
    HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
    HB_TAG('k', 'e', 'r', 'n'), HB_TAG('B', 'A', 'S', 'E'), HB_TAG('J', 'S', 'T', 'F'),
    HB_TAG('M', 'A', 'T', 'H'), HB_TAG('D', 'S', 'I', 'G'), HB_TAG('g', 'a', 's', 'p'),
    HB_TAG('h', 'd', 'm', 'x'), HB_TAG('V', 'D', 'M', 'X'), HB_TAG('L', 'T', 'S', 'H'),
    HB_TAG('P', 'C', 'L', 'T'), HB_TAG('m', 'e', 't', 'a'), HB_TAG('F', 'F', 'T', 'M'),
};

static hb_subset_input_t *make_input(const uint32_t *cps, size_t n, bool keep_notdef)
{
    hb_subset_input_t *input = hb_subset_input_create_or_fail();
    if (!input)
        return NULL;
    hb_set_t *unicodes = hb_subset_input_unicode_set(input);
    for (size_t i = 0; i < n; i++)
        hb_set_add(unicodes, cps[i]);
    hb_set_t *drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (size_t i = 0; i < sizeof dropped_tables / sizeof dropped_tables[0]; i++)
        hb_set_add(drop, dropped_tables[i]);
    hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING |
                                         (keep_notdef ? HB_SUBSET_FLAGS_NOTDEF_OUTLINE : 0));
    return input;
}

font_subset *subset_make(struct hb_face_t *face, const uint32_t *cps, size_t n, bool keep_notdef)
{
    if (hb_face_get_glyph_count(face) == 0) /* its file is gone: HarfBuzz would make a font */
        return NULL;
    hb_subset_input_t *input = make_input(cps, n, keep_notdef);
    if (!input)
        return NULL;
    font_subset *s = calloc(1, sizeof *s);
    if (s)
        s->plan = hb_subset_plan_create_or_fail(face, input);
    hb_subset_input_destroy(input);
    if (s && s->plan)
        s->face = hb_subset_plan_execute_or_fail(s->plan);
    if (s && s->face)
        s->blob = hb_face_reference_blob(s->face);
    if (!s || !s->blob || hb_blob_get_length(s->blob) == 0) {
        subset_free(s);
        return NULL;
    }
    return s;
}

void subset_free(font_subset *s)
{
    if (!s)
        return;
    hb_blob_destroy(s->blob);
    hb_face_destroy(s->face);
    hb_subset_plan_destroy(s->plan);
    free(s);
}

const unsigned char *subset_data(const font_subset *s, size_t *len)
{
    unsigned n = 0;
    const char *data = hb_blob_get_data(s->blob, &n);
    *len = n;
    return (const unsigned char *)data;
}

uint32_t subset_glyph(const font_subset *s, uint32_t original)
{
    hb_codepoint_t g = hb_map_get(hb_subset_plan_old_to_new_glyph_mapping(s->plan), original);
    return g == HB_MAP_VALUE_INVALID ? 0 : g;
}
