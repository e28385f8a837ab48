/* baked_kerning: the character tables and kerning of the default style's
 * faces, compiled into the program. Building a face's tables with HarfBuzz
 * (the glyph and advance of every character below fonts.c's cache limit,
 * the glyphs the `kern` feature moves, a kerning row shaped per class) was
 * a fifth of a one-document run, and the same for every run; so the build
 * (src/tools/bake_kerning.c) has fonts.c build them once for the default
 * fonts and writes them out as tables. A face whose font file is that
 * file (its size, and its table directory, which holds the checksum of
 * every table: baked_kerning_identity) takes its tables from there, and
 * its units per em and line metrics, without opening the font in HarfBuzz;
 * any other font is measured with HarfBuzz at run time as before. (A hash of
 * the whole file read each face's megabyte again on every run.) The tables are
 * generated; this module owns their format and writes them. */
#ifndef PP_BAKED_KERNING_H
#define PP_BAKED_KERNING_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* What a face knows of one character (fonts.c's cache). */
typedef struct {
    uint16_t glyph;
    uint8_t kern_class; /* 1-based row of the kerning table; 0 when never kerned */
    int32_t advance;    /* font units */
} baked_char;

typedef struct {
    uint64_t size, hash; /* of the font file: its size and baked_kerning_identity */
    uint32_t upem;
    int32_t ascender, descender; /* font units; the descender positive below the baseline */
    uint32_t nchars;             /* characters 0 .. nchars-1 in `chars` */
    uint32_t nclasses;
    uint32_t separator; /* keeps shaped pairs apart; 0 if none */
    const baked_char *chars;
    const uint32_t *class_chars; /* a character of each kerning class */
    const int16_t *kerning;      /* nclasses × nclasses, font units */
} baked_kerning;

/* What tells one font file from another without reading all of it: a hash
 * of its size and its table directory (every table's offset, length and
 * checksum, OpenType's own check of its content). */
uint64_t baked_kerning_identity(const void *data, size_t len);
/* The tables made for the font file at `path`, reading only its table
 * directory; NULL when there are none or it cannot be read. */
const baked_kerning *baked_kerning_for_file(const char *path);

/* Writes `bk` (made from the font `file`) as C source, its tables named
 * after `index`. For the build's tool. */
void baked_kerning_write(FILE *out, const baked_kerning *bk, int index, const char *file);
/* Writes the list of the `count` faces written before. */
void baked_kerning_write_list(FILE *out, int count);

#endif
