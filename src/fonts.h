/* fonts: the font faces of a style, loaded once per process with HarfBuzz.
 * Gives the layout engine advance widths and vertical metrics; the PDF
 * writer embeds the same files. Owns the HarfBuzz objects (fonts_free). */
#ifndef PP_FONTS_H
#define PP_FONTS_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "style.h"

typedef struct font_set font_set;

/* Loads the four faces named by the style; NULL with an error on failure. */
font_set *fonts_load(const style *st, diag_list *dl);
void fonts_free(font_set *fs);

/* Width in points of UTF-8 text set in `face` at `size`. */
double fonts_width(const font_set *fs, face_style face, double size, const char *s, size_t len);
/* Ascender and descender (positive below the baseline) in points. */
double fonts_ascent(const font_set *fs, face_style face, double size);
double fonts_descent(const font_set *fs, face_style face, double size);
const char *fonts_file(const font_set *fs, face_style face);
/* True when the face has a glyph for the code point. */
bool fonts_has_glyph(const font_set *fs, face_style face, unsigned cp);

#endif
