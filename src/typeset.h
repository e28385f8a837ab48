/* typeset: what the modules of the typesetting stage share (layout, inline,
 * linebreak, table): the state of a layout in progress, inline pieces, lines
 * and the page primitives. Internal to the stage; the public face is layout.h. */
#ifndef PP_TYPESET_H
#define PP_TYPESET_H

#include <cmark-gfm.h>

#include "layout.h"

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

typedef struct {
    arena *mem;
    const style *st;
    const font_set *fonts;
    layout_doc *doc;
    layout_page *page;
    double y; /* distance from the top of the page to the top of the next line */
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
bool page_is_empty(const layout_state *ls);
/* Makes room for `height` points, starting a new page when they do not fit. */
void page_need(layout_state *ls, double height);
/* Vertical space, dropped at the top of a page. */
void page_add_space(layout_state *ls, double points);
void emit_text(layout_state *ls, double x, double baseline_from_top, face_style face, double size,
               uint32_t color, const char *text, size_t len, double width);
void emit_rule(layout_state *ls, double x, double y_from_top, double length, double thickness,
               uint32_t color);

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

#endif
