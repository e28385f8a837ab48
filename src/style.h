/* style: the look of documents (page size, margins, font files, sizes,
 * colours), read from a YAML style file in templates/. Nothing about the
 * look is hard-coded in C except the defaults used when a key is absent. */
#ifndef PP_STYLE_H
#define PP_STYLE_H

#include <stdint.h>

#include "arena.h"
#include "diag.h"

typedef enum { FACE_REGULAR, FACE_BOLD, FACE_ITALIC, FACE_BOLD_ITALIC, FACE_COUNT } face_style;

typedef struct {
    double size;                      /* points */
    double space_before, space_after; /* points */
    uint32_t color;                   /* 0xRRGGBB */
} text_style;

typedef struct {
    double page_width, page_height; /* points */
    double margin_top, margin_bottom, margin_left, margin_right;
    const char *font_files[FACE_COUNT];
    text_style body;
    double leading; /* line height as a multiple of the body size */
    text_style headings[3];
    text_style table;
    text_style header, footer;
    double list_indent; /* points */
    /* Running texts with {title}, {association}, {page}, {pages}; the header
     * is left off the first page. */
    const char *header_left, *header_right, *footer_center;
    uint32_t rule_color;
} style;

/* Reads a style file; unknown keys and bad values are errors in `dl`. */
style *style_load(arena *mem, const char *path, diag_list *dl);

#endif
