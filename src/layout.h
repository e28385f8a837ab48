/* layout: the typesetting engine. Parses Markdown (CommonMark + GFM) with
 * cmark-gfm and lays it out into pages of positioned boxes: broken lines,
 * headings, lists, tables, running header and footer. Knows nothing of PDF;
 * the writer (pdf.h) draws the boxes. Everything lives in the caller's arena. */
#ifndef PP_LAYOUT_H
#define PP_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"
#include "fonts.h"
#include "style.h"

typedef enum { BOX_TEXT, BOX_RULE } box_kind;

typedef struct {
    box_kind kind;
    double x, y;      /* PDF points from the bottom-left corner: text baseline start, or
                         rule start */
    double width;     /* text advance, or rule length */
    double thickness; /* rules */
    face_style face;
    double size;
    uint32_t color;   /* 0xRRGGBB */
    const char *text; /* NUL-terminated UTF-8 */
} box;

typedef struct {
    box *boxes;
    size_t count, cap;
} layout_page;

typedef struct {
    int level;
    const char *title;
    size_t page; /* 0-based */
    double y;    /* PDF y of the heading's top */
} layout_heading;

typedef struct {
    double width, height;
    layout_page *pages;
    size_t npages, pages_cap;
    layout_heading *headings;
    size_t nheadings, headings_cap;
} layout_doc;

/* Running header and footer texts. */
typedef struct {
    const char *title;
    const char *association;
} layout_info;

bool layout_markdown(arena *mem, const char *markdown, size_t len, const style *st,
                     const font_set *fonts, const layout_info *info, layout_doc *out,
                     diag_list *dl);

#endif
