/* fonts: the font faces of a style, loaded once per process with HarfBuzz.
 * Sets text the way the PDF writer draws it: one glyph per character (no
 * ligatures), the advances of the font file and the pair kerning HarfBuzz
 * shapes from the font's GPOS `kern` feature, so a width measured here is
 * the width drawn. Kerning is looked up for Latin letters, punctuation and
 * symbols (below U+0250 and from U+1E00 to U+22FF); other scripts are set
 * unkerned. Owns the HarfBuzz objects (fonts_free).
 * The default style's faces take what setting text needs (the character
 * cache, the kerning, the units per em and line metrics) from the tables
 * compiled in at build time (baked_kerning.h) when their files are the ones
 * they were made of: fonts_load then reads only each file's table
 * directory, and layout never opens them in HarfBuzz. Any other face is
 * checked by fonts_load and measured with HarfBuzz when first used. A face's
 * HarfBuzz font (for the PDF writer, and for characters past the tables) is
 * built when first asked for. Each of these is built once, under the face's
 * own lock, and is read-only after. So one font_set serves documents built
 * in parallel threads, and a document that never uses a face never pays
 * for it. */
#ifndef PP_FONTS_H
#define PP_FONTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "baked_kerning.h"
#include "diag.h"
#include "style.h"

typedef struct font_set font_set;
struct hb_face_t;

/* Checks the faces named by the style (each a readable TrueType font);
 * NULL with an error naming the first bad one. */
font_set *fonts_load(const style *st, diag_list *dl);
void fonts_free(font_set *fs);
/* True once the face's HarfBuzz font has been built: on the first use of a
 * face measured at run time, or when a baked face is first asked for it. */
bool fonts_face_ready(const font_set *fs, face_style face);
/* Builds every face whole now, HarfBuzz font included, as its first uses
 * would: before workers fork, so that they share the faces. */
void fonts_build_all(const font_set *fs);
/* True when the face's tables were compiled in for its file. */
bool fonts_face_baked(const font_set *fs, face_style face);
/* For the build (src/tools/bake_kerning.c): the face built whole, every
 * kerning row shaped, as tables to compile in; they point into `fs`. False
 * when the face's tables were compiled in already. */
bool fonts_bake(const font_set *fs, face_style face, baked_kerning *out);
/* How many rows of the face's kerning table (one per kerning class on the
 * left of a pair) have been shaped: each is shaped on its first use. */
unsigned fonts_kerning_rows_shaped(const font_set *fs, face_style face);

/* Width in points of UTF-8 text set in `face` at `size`, kerning included.
 * Kerning applies between neighbouring characters except next to U+0020
 * SPACE, so text is exactly as wide as its space-separated words and its
 * spaces. Text joined from two pieces is as wide as the pieces plus
 * fonts_kerning of the last character of the first and the first of the
 * second. A character the face lacks is set as the face's empty box. */
double fonts_width(const font_set *fs, face_style face, double size, const char *s, size_t len);
/* Kerning in points between two characters set next to each other
 * (usually negative; 0 for most pairs). */
double fonts_kerning(const font_set *fs, face_style face, double size, uint32_t left,
                     uint32_t right);
/* Ascender and descender (positive below the baseline) in points. */
double fonts_ascent(const font_set *fs, face_style face, double size);
double fonts_descent(const font_set *fs, face_style face, double size);
const char *fonts_file(const font_set *fs, face_style face);
/* True when the face has a glyph for the code point. */
bool fonts_has_glyph(const font_set *fs, face_style face, unsigned cp);

/* ---- for the PDF writer --------------------------------------------------- */

/* One character of set text. */
typedef struct {
    uint32_t cp;     /* the character */
    uint32_t glyph;  /* its glyph in the font file; 0, the empty box, when missing */
    int32_t advance; /* the glyph's advance, font units */
    int32_t kerning; /* font units added between it and the next glyph */
} font_glyph;

/* Sets UTF-8 text as fonts_width measures it: one glyph per character into
 * `out`, which has room for `len` glyphs. Returns the number of glyphs. */
size_t fonts_set_text(const font_set *fs, face_style face, const char *s, size_t len,
                      font_glyph *out);
/* The glyph of a character (0 when the face lacks it) and a glyph's advance
 * in font units. */
uint32_t fonts_glyph(const font_set *fs, face_style face, uint32_t cp);
int32_t fonts_glyph_advance(const font_set *fs, face_style face, uint32_t glyph);
unsigned fonts_units_per_em(const font_set *fs, face_style face);
/* The HarfBuzz face, for subsetting and the font's own metrics; read only. */
struct hb_face_t *fonts_hb_face(const font_set *fs, face_style face);

#endif
