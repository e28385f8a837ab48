/* subset: cuts a TrueType font down to the characters one document uses,
 * with HarfBuzz's subsetter, for embedding in a PDF: the glyphs of those
 * characters (and the parts of composite glyphs), their metrics and a small
 * cmap; no layout tables and no hinting. Owns the subset's bytes and the map
 * from the original font's glyph numbers to the subset's (subset_free). */
#ifndef PP_SUBSET_H
#define PP_SUBSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct hb_face_t;
typedef struct font_subset font_subset;

/* Subsets `face` to the `n` characters in `cps`. With `keep_notdef` glyph 0
 * keeps its outline (the box drawn for characters the font lacks). NULL when
 * HarfBuzz cannot subset the font. Safe to call from several threads on one
 * face. */
font_subset *subset_make(struct hb_face_t *face, const uint32_t *cps, size_t n, bool keep_notdef);
void subset_free(font_subset *s);

/* The subset font file. */
const unsigned char *subset_data(const font_subset *s, size_t *len);
/* The subset's glyph for a glyph of the original font; 0 when it was left out. */
uint32_t subset_glyph(const font_subset *s, uint32_t original);

#endif
