/* typeset: what the modules of the typesetting stage share (layout, inline,
 * linebreak, table, keep, fence, toc, chart, signatures): the state of a layout in progress, inline
 * pieces, lines and the page primitives. Internal to the stage; the public face is layout.h. */
#ifndef PP_TYPESET_H
#define PP_TYPESET_H

#include <cmark-gfm.h>

#include "layout.h"
#include "yamltree.h"

/* A piece of inline text in one face: a word, a space or a forced break. */
typedef enum { PIECE_WORD, PIECE_SPACE, PIECE_BREAK } piece_kind;

typedef struct {
    piece_kind kind;
    face_style face;
    const char *text;
    size_t len;
    double width;
} piece;

typedef struct {
    piece *items;
    size_t count, cap;
} piece_list;

/* Where the last heading was set, so that a block which must begin a new
 * page can take a heading left at the foot of the old one along. */
typedef struct {
    bool set;
    size_t page, first_box, end_box; /* its boxes on that page */
    double top, bottom;              /* from the top of the page, space after included */
    size_t heading;                  /* index in layout_doc.headings */
} heading_mark;

typedef struct toc_list toc_list;

typedef struct {
    arena *mem;
    const style *st;
    const font_set *fonts;
    layout_doc *doc;
    layout_page *page;
    double y; /* distance from the top of the page to the top of the next line */
    diag_list *dl;
    const char *source; /* names the Markdown in diagnostics */
    heading_mark last_heading;
    toc_list *tocs; /* tables of contents waiting for page numbers */
} layout_state;

typedef struct {
    double x, width; /* the column blocks are set in */
} column;

typedef struct {
    size_t start, end; /* pieces [start, end) without the spaces at either end */
    double width;
} line_span;

typedef enum { ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT } text_align;

/* pages (layout.c) */
double page_top(const layout_state *ls);
double page_bottom(const layout_state *ls);
double page_body_left(const layout_state *ls);
double page_body_width(const layout_state *ls);
void page_new(layout_state *ls);
void page_new_sized(layout_state *ls, double width, double height);
bool page_is_empty(const layout_state *ls);
/* Makes room for `height` points, starting a new page when they do not fit. */
void page_need(layout_state *ls, double height);
/* Vertical space, dropped at the top of a page. */
void page_add_space(layout_state *ls, double points);
void emit_text(layout_state *ls, double x, double baseline_from_top, face_style face, double size,
               uint32_t color, const char *text, size_t len, double width);
void emit_rule(layout_state *ls, double x, double y_from_top, double length, double thickness,
               uint32_t color);
void emit_line(layout_state *ls, double x1, double y1_from_top, double x2, double y2_from_top,
               double thickness, uint32_t color);
void emit_rect(layout_state *ls, double x, double top, double width, double height, uint32_t color);
/* A clickable area to `dest_y` (PDF y) on page `dest_page`. */
void emit_link(layout_state *ls, double x, double top, double width, double height,
               size_t dest_page, double dest_y);

/* blocks kept in one piece with the heading before them (keep.c) */
/* Starts a page of the given size for a block that does not fit where it is,
 * taking along a heading that would otherwise stay alone at the foot of the
 * page. A page that holds nothing yet (or only that heading) is reused. */
void page_start_block(layout_state *ls, double width, double height);
/* Makes room for a block kept in one piece, `height` points tall, on a page of
 * the usual size: page_start_block when it does not fit. */
void page_need_block(layout_state *ls, double height);

/* inline content (inline.c) */
face_style with_bold(face_style f);
face_style with_italic(face_style f);
void inline_add_text(layout_state *ls, piece_list *pl, face_style face, const char *s, double size);
void inline_collect(layout_state *ls, cmark_node *node, face_style face, piece_list *pl,
                    double size);
const char *inline_plain_text(layout_state *ls, cmark_node *node);

/* lines (linebreak.c) */
size_t lines_break(arena *mem, const piece_list *pl, double width, line_span **out);
void lines_draw_one(layout_state *ls, const piece_list *pl, const line_span *l, double x,
                    double baseline, double size, uint32_t color);
void lines_draw_at(layout_state *ls, const piece_list *pl, const line_span *lines, size_t n,
                   double x, double width, double top, double size, uint32_t color,
                   text_align align);
/* Sets a paragraph of pieces in a column, breaking pages between lines. */
void lines_set(layout_state *ls, const piece_list *pl, double x, double width, double size,
               uint32_t color, text_align align);

/* tables (table.c) */
void table_layout(layout_state *ls, cmark_node *node, column col);

/* What a column needs: the longest word, the width below which it wraps
 * awkwardly (a figure, a heading over figures) and its width on one line. */
typedef struct {
    double min, want, max;
    bool numeric; /* figures: they get no share of spare width */
} column_need;
/* Widths for the columns in `available` points: as wide as they like when
 * they fit, else text columns wrap first, then everything down to the
 * longest words. `stretch` spends spare width on the text columns. False when
 * even the longest words do not fit (every column is then squeezed). */
bool table_fit_columns(const column_need *need, int ncols, double available, bool stretch,
                       double *widths);

/* fenced blocks with a YAML body (fence.c): toc, chart, signatures */
/* Lays out the fenced block if its info string names one; false otherwise. */
bool fenced_block(layout_state *ls, cmark_node *node, column col);
/* The YAML body of a fenced block; lines count from the top of the Markdown.
 * NULL with errors in ls->dl. */
const ynode *fenced_yaml(layout_state *ls, cmark_node *node);

/* table of contents (toc.c) */
void toc_layout(layout_state *ls, cmark_node *node, column col);
/* Tells the tables of contents where a heading was set. */
void toc_heading_placed(layout_state *ls, cmark_node *heading, size_t index);
/* Writes page numbers, leaders and links once every heading is placed. */
void toc_fill_in(layout_state *ls);

/* charts (chart.c) */
void chart_layout(layout_state *ls, cmark_node *node, column col);

/* signature block for minutes (signatures.c) */
void signatures_layout(layout_state *ls, cmark_node *node, column col);

#endif
