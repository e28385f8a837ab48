/* page: the state of a layout in progress and the page primitives every
 * block layout uses: where the body of the page is, new pages (a kept
 * heading moves along), room, and emitting boxes (text, rules, lines,
 * rectangles, links) onto the current page. Owns nothing beyond the
 * caller's arena. Internal to the typesetting stage; its public face is
 * layout.h. */
#ifndef PP_PAGE_H
#define PP_PAGE_H

#include "boxes.h"
#include "diag.h"
#include "fonts.h"
#include "hyphen_cache.h"
#include "style.h"

typedef struct footnotes footnotes;
typedef struct toc_list toc_list;
typedef struct layout_state layout_state;
struct piece_list;

/* What the pages ask of the footnotes, which are set above them: the room
 * they take at the foot of the current page, putting there a note that a
 * line drawn on it refers to, and drawing them before the page is left. The
 * layout fills these in; NULL: no footnotes. */
typedef struct {
    double (*height)(const layout_state *ls);
    void (*place)(layout_state *ls, int number);
    void (*finish)(layout_state *ls);
} page_foot;

/* A heading waiting for what follows it: when a new page starts before
 * anything else is set, the heading moves to the new page. */
typedef struct {
    bool active;
    bool setting;              /* the heading (or its lead-in) is being set */
    bool lead_in;              /* the next lines may still join it as its lead-in */
    bool led;                  /* a lead-in joined it: only a block kept whole goes on */
    size_t page, box, heading; /* where it starts: page, box and heading indexes */
    double y;
} kept_heading;

/* A list marker waiting for the first line of its item. */
typedef struct {
    const char *text; /* NULL: none */
    face_style face;
    double size, right; /* right: x where the marker ends */
    uint32_t color;
    int tag; /* its Lbl element */
} list_marker;

struct layout_state {
    arena *mem;
    const style *st;
    const font_set *fonts;
    const hyphenator *hyph; /* NULL: no hyphenation */
    const hyphen_exceptions *exceptions; /* the style's and the association's */
    hyphen_cache *hyphen_cache;          /* the words hyphenated in this document */
    layout_doc *doc;
    layout_page *page;
    double y; /* distance from the top of the page to the top of the next line */
    footnotes *notes;
    bool *plain_pages; /* pages without running header and footer (the cover) */
    size_t plain_cap;
    kept_heading keep;
    list_marker marker;
    int heading_numbers[3];
    diag_list *dl;
    const char *source; /* names the Markdown in diagnostics */
    toc_list *tocs;     /* tables of contents waiting for page numbers */
    page_foot foot;     /* what the footnotes take and draw at the foot */
    int tag;            /* the element boxes go into now, or TAG_ARTIFACT… (tags.h) */
    struct {
        const char *lang; /* the span in another language set last (inline.h) */
        int elem, parent; /* its Span element and the element around it */
    } span;
    uint32_t seq;       /* boxes and elements so far: their order in the document */
    struct piece_list *block_pieces; /* a paragraph's or heading's, its room used again */
};

typedef struct {
    double x, width; /* the column blocks are set in */
} column;

/* The number of the current page, from 0. */
size_t page_index(const layout_state *ls);
double page_top(const layout_state *ls);
/* The lowest point text may reach: above the footnotes of the page. */
double page_bottom(const layout_state *ls);
double page_body_left(const layout_state *ls);
double page_body_width(const layout_state *ls);
void page_new(layout_state *ls);
/* A new page of another size than the document's: a landscape page. */
void page_new_sized(layout_state *ls, double width, double height);
bool page_is_empty(const layout_state *ls);
/* Makes room for `height` points, starting a new page when they do not fit. */
void page_need(layout_state *ls, double height);
/* Vertical space, dropped at the top of a page. */
void page_add_space(layout_state *ls, double points);
/* A line on the current page refers to footnote `number`. */
void page_note_referenced(layout_state *ls, int number);
/* Each emit_ function stamps its box with the current element (ls->tag,
 * see tags.h); those that return the box let the caller add to it (a
 * link's /Contents, a text's /ActualText). */
box *emit_text(layout_state *ls, double x, double baseline_from_top, face_style face, double size,
               uint32_t color, const char *text, size_t len, double width);
/* The same with the glyphs scaled horizontally by `glyph_scale` (font
 * expansion): `width` is the scaled advance. */
box *emit_text_scaled(layout_state *ls, double x, double baseline_from_top, face_style face,
                      double size, uint32_t color, const char *text, size_t len, double width,
                      double glyph_scale);
void emit_rule(layout_state *ls, double x, double y_from_top, double length, double thickness,
               uint32_t color);
void emit_line(layout_state *ls, double x, double y_from_top, double x2, double y2_from_top,
               double thickness, uint32_t color);
void emit_rect(layout_state *ls, double x, double top, double width, double height, uint32_t color);
box *emit_link(layout_state *ls, double x, double top, double width, double height,
               const char *uri);
/* A clickable area to `dest_y` (PDF y) on page `dest_page` of the document. */
box *emit_link_to(layout_state *ls, double x, double top, double width, double height,
                  size_t dest_page, double dest_y);

#endif
