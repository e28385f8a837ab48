/* boxes: what the typesetting stage hands the writer: pages of positioned
 * boxes (text, rules, lines, rectangles, links), the headings set on them,
 * for the outline, and the structure of the document for a tagged PDF:
 * every box says which structure element it belongs to, or that it is an
 * artifact (see tags.h for how the layout builds it). Plain structs;
 * everything lives in the layout's arena. */
#ifndef PP_BOXES_H
#define PP_BOXES_H

#include <stddef.h>
#include <stdint.h>

#include "fonts.h"

/* The standard structure types of PDF 1.7 (ISO 32000-1, 14.8.4) that the
 * layout uses; TAG_TITLE is the cover's title, role-mapped to H1. */
typedef enum {
    TAG_DOCUMENT,
    TAG_H1,
    TAG_H2,
    TAG_H3,
    TAG_H4,
    TAG_H5,
    TAG_H6,
    TAG_P,
    TAG_L,
    TAG_LI,
    TAG_LBL,
    TAG_LBODY,
    TAG_BLOCKQUOTE,
    TAG_NOTE,
    TAG_REFERENCE,
    TAG_TABLE,
    TAG_THEAD,
    TAG_TBODY,
    TAG_TR,
    TAG_TH,
    TAG_TD,
    TAG_TOC,
    TAG_TOCI,
    TAG_LINK,
    TAG_FIGURE,
    TAG_DIV,
    TAG_CODE,
    TAG_TITLE,
    TAG_SPAN,
    TAG_ROLE_COUNT
} tag_role;

/* What a box is when it is not content of an element (box.tag < 0). */
enum {
    TAG_ARTIFACT = -1,        /* layout: rules, leaders, shading, bars */
    TAG_ARTIFACT_HEADER = -2, /* pagination: the running header */
    TAG_ARTIFACT_FOOTER = -3, /* pagination: the running footer, page numbers */
};

typedef enum { SCOPE_NONE, SCOPE_COLUMN, SCOPE_ROW, SCOPE_BOTH } tag_scope;

/* A structure element. Element 0 is the Document, the root. */
typedef struct {
    tag_role role;
    int parent;       /* the index of its parent element; -1 for the root */
    uint32_t seq;     /* when it was opened: orders it among its parent's kids */
    const char *alt;  /* alternative text (Figure) */
    const char *id;   /* an identifier (Note), which a Reference names */
    const char *lang; /* BCP 47, when not the document's */
    tag_scope scope;  /* TH */
    int colspan;      /* TH, TD: 0 or 1 for one column */
} tag_elem;

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
    const char *contents; /* BOX_LINK: what it does, said in words ("Gå till …, sida 4") */
    const char *actual;   /* BOX_TEXT: the text a reader gets instead (a word broken by a hyphen) */
    int tag;              /* the index of its element, or TAG_ARTIFACT… */
    uint32_t seq;         /* the order it was emitted in, over the whole document */
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
    tag_elem *tags; /* the structure tree: tags[0] is the Document */
    size_t ntags, tags_cap;
} layout_doc;

#endif
