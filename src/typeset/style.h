/* style: the look of documents (page size, margins, font files, sizes,
 * colours, alignment, hyphenation, the cover), read from a YAML style file in
 * templates/, with an association's own style.yaml changing some of its keys. Nothing about the look is hard-coded in C except the defaults
 * used when a key is absent. */
#ifndef PP_STYLE_H
#define PP_STYLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"
#include "hyphenate.h"

typedef enum {
    FACE_REGULAR,
    FACE_BOLD,
    FACE_ITALIC,
    FACE_BOLD_ITALIC,
    FACE_MONO, /* code */
    FACE_COUNT
} face_style;

typedef struct {
    double size;                      /* points */
    double space_before, space_after; /* points */
    uint32_t color;                   /* 0xRRGGBB */
    bool justify;                     /* align: justify (else left) */
} text_style;

/* Tables, tables of contents, charts and signature blocks. */
typedef enum { WIDE_TABLE_LANDSCAPE, WIDE_TABLE_SHRINK } wide_table_mode;
typedef struct {
    wide_table_mode wide; /* what a table too wide for the text tries first */
    double min_size;      /* the smallest type a table may shrink to */
    uint32_t header_fill; /* background of the header row */
} table_look;
typedef struct {
    int levels;    /* heading levels listed */
    double size;   /* points */
    double indent; /* points per level */
} toc_look;
enum { CHART_MAX_COLORS = 12 };
typedef struct {
    double height; /* of the plot, points */
    double size;   /* labels, points */
    bool values;   /* figures printed on the bars unless a chart says otherwise */
    uint32_t colors[CHART_MAX_COLORS]; /* one per series, repeated */
    size_t ncolors;
} chart_look;
typedef struct {
    double space; /* room to sign above each line, points */
} signature_look;

typedef struct {
    const char *dictionary;  /* a libhyphen .dic file; NULL: no hyphenation */
    int left_min, right_min; /* letters kept together at either end of a word */
    int min_word;            /* letters a word needs to be hyphenated at all */
    /* Words hyphenated only where written: "samverkans-arenor" (hyphenate.h) */
    hyphen_exceptions exceptions;
} hyphenation_style;

/* Justified text: font expansion and margin protrusion (as microtype). */
typedef struct {
    double expansion; /* the most glyphs are widened or narrowed: 0.02 is 2 % */
    bool protrusion;  /* hyphens, commas and full stops hang into the right margin */
} justification_style;

/* The cover page, set from a ```cover block of the template. */
typedef struct {
    text_style title, subtitle, decision, association;
    double title_top;    /* points from the top of the page to the title */
    uint32_t band_color; /* the bar above the title */
} cover_style;

typedef struct {
    double page_width, page_height; /* points */
    double margin_top, margin_bottom, margin_left, margin_right;
    const char *font_files[FACE_COUNT];
    text_style body;
    double leading; /* line height as a multiple of the text size */
    text_style headings[3];
    bool heading_numbers; /* 1, 1.1, 1.1.1 before the headings */
    text_style table;
    text_style code;      /* code blocks; inline code is set at its size relative to body */
    text_style footnotes; /* space_before: between the text and the rule */
    text_style header, footer;
    double list_indent; /* points */
    /* Running texts with {title}, {association}, {page}, {pages}; none on the
     * cover. */
    const char *header_left, *header_right, *footer_center;
    uint32_t rule_color;
    uint32_t link_color;
    hyphenation_style hyphenation;
    justification_style justification;
    cover_style cover;
    table_look tables;
    toc_look toc;
    chart_look chart;
    signature_look signatures;
} style;

/* Reads a style file; unknown keys and bad values are errors in `dl`. */
style *style_load(arena *mem, const char *path, diag_list *dl);
/* An association's style: `base` (the default style) with the keys of the
 * file at `path` changed, a key at a time (body.size alone keeps the body's
 * other keys). Fonts and hyphenation cannot be changed there: they are
 * loaded once for every document. */
style *style_load_over(arena *mem, const style *base, const char *path, diag_list *dl);

#endif
