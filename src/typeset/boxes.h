/* boxes: what the typesetting stage hands the writer: pages of positioned
 * boxes (text, rules, lines, rectangles, links) and the headings set on
 * them, for the outline. Plain structs; everything lives in the layout's
 * arena. */
#ifndef PP_BOXES_H
#define PP_BOXES_H

#include <stddef.h>
#include <stdint.h>

#include "fonts.h"

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

#endif
