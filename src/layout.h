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

typedef enum {
    BOX_TEXT, /* text from (x, y) on its baseline */
    BOX_RULE, /* a horizontal rule from (x, y), `width` long */
    BOX_LINE, /* a straight line from (x, y) to (x2, y2) */
    BOX_RECT, /* a filled rectangle with its lower-left corner at (x, y) */
    BOX_LINK, /* a clickable area to `dest_page` at `dest_y`, or to `uri` */
} box_kind;

typedef struct {
    box_kind kind;
    double x, y;          /* PDF points from the bottom-left corner of the page */
    double width, height; /* text advance; rule length; rectangle and link area */
    double x2, y2;        /* BOX_LINE end */
    double thickness;     /* rules and lines */
    face_style face;
    double size;
    double expand;    /* BOX_TEXT: glyphs widened by this fraction (narrowed if negative) */
    uint32_t color;   /* 0xRRGGBB */
    const char *text; /* NUL-terminated UTF-8 */
    size_t dest_page; /* BOX_LINK inside the document (0-based), when uri is NULL */
    double dest_y;
    const char *uri; /* BOX_LINK to the web */
} box;

typedef struct {
    double width, height; /* points; a page may be landscape in a portrait document */
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
    double width, height; /* the document's usual page size */
    layout_page *pages;
    size_t npages, pages_cap;
    layout_heading *headings;
    size_t nheadings, headings_cap;
} layout_doc;

/* Running header and footer texts. */
typedef struct {
    const char *title;
    const char *association;
    const char *source; /* names the Markdown in diagnostics (optional) */
    /* Words hyphenated only where written, besides the style's: the text of
     * an association's hyphenation.txt (hyphenate.h); NULL for none. */
    const char *hyphenation;
    const char *hyphenation_file; /* names it in diagnostics */
} layout_info;

bool layout_markdown(arena *mem, const char *markdown, size_t len, const style *st,
                     const font_set *fonts, const layout_info *info, layout_doc *out,
                     diag_list *dl);

#endif
