#include "fonts.h"

#include <hb.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

enum { ADVANCE_CACHE = 0x2300 }; /* Latin, punctuation, − ≤ ≥ */

typedef struct {
    hb_face_t *face;
    hb_font_t *font;
    unsigned upem;
    int ascender, descender;
    const char *file;
    int advances[ADVANCE_CACHE]; /* font units, filled at load: read-only after */
} face_data;

struct font_set {
    face_data faces[FACE_COUNT];
};

static int glyph_advance(const face_data *fd, uint32_t cp)
{
    hb_codepoint_t glyph = 0;
    if (!hb_font_get_nominal_glyph(fd->font, cp, &glyph))
        hb_font_get_nominal_glyph(fd->font, 0xFFFD, &glyph);
    return (int)hb_font_get_glyph_h_advance(fd->font, glyph);
}

static bool load_face(face_data *fd, const char *file, diag_list *dl)
{
    hb_blob_t *blob = hb_blob_create_from_file_or_fail(file);
    if (!blob) {
        diag_add(dl, DIAG_ERROR, file, 0, 0, NULL, "cannot read the font file");
        return false;
    }
    fd->face = hb_face_create(blob, 0);
    hb_blob_destroy(blob);
    fd->upem = hb_face_get_upem(fd->face);
    if (hb_face_get_glyph_count(fd->face) == 0 || fd->upem == 0) {
        diag_add(dl, DIAG_ERROR, file, 0, 0, NULL, "not a TrueType or OpenType font");
        return false;
    }
    fd->font = hb_font_create(fd->face);
    hb_font_set_scale(fd->font, (int)fd->upem, (int)fd->upem);
    hb_font_extents_t ext;
    hb_font_get_h_extents(fd->font, &ext);
    fd->ascender = ext.ascender;
    fd->descender = -ext.descender;
    fd->file = file;
    for (uint32_t cp = 0; cp < ADVANCE_CACHE; cp++)
        fd->advances[cp] = glyph_advance(fd, cp);
    return true;
}

font_set *fonts_load(const style *st, diag_list *dl)
{
    font_set *fs = calloc(1, sizeof *fs);
    if (!fs)
        return NULL;
    for (int f = 0; f < FACE_COUNT; f++) {
        if (!load_face(&fs->faces[f], st->font_files[f], dl)) {
            fonts_free(fs);
            return NULL;
        }
    }
    return fs;
}

void fonts_free(font_set *fs)
{
    if (!fs)
        return;
    for (int f = 0; f < FACE_COUNT; f++) {
        hb_font_destroy(fs->faces[f].font);
        hb_face_destroy(fs->faces[f].face);
    }
    free(fs);
}

static int advance(const face_data *fd, uint32_t cp)
{
    return cp < ADVANCE_CACHE ? fd->advances[cp] : glyph_advance(fd, cp);
}

double fonts_width(const font_set *fs, face_style face, double size, const char *s, size_t len)
{
    const face_data *fd = &fs->faces[face];
    long units = 0;
    for (size_t i = 0; i < len;)
        units += advance(fd, utf8_next(s, len, &i));
    return (double)units * size / fd->upem;
}

double fonts_ascent(const font_set *fs, face_style face, double size)
{
    return fs->faces[face].ascender * size / fs->faces[face].upem;
}

double fonts_descent(const font_set *fs, face_style face, double size)
{
    return fs->faces[face].descender * size / fs->faces[face].upem;
}

const char *fonts_file(const font_set *fs, face_style face)
{
    return fs->faces[face].file;
}

bool fonts_has_glyph(const font_set *fs, face_style face, unsigned cp)
{
    hb_codepoint_t glyph;
    return hb_font_get_nominal_glyph(fs->faces[face].font, cp, &glyph);
}
