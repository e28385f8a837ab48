/* lines: setting a paragraph's lines in a column across pages, with no
 * single line alone at the foot or head of a page, making room for the
 * footnotes its lines refer to. */
#ifndef PP_LINES_H
#define PP_LINES_H

#include "linedraw.h"

/* Breaks a paragraph and sets it in a column, breaking pages between lines
 * with no single line alone at the foot or head of a page, and making room
 * for the footnotes its lines refer to. */
void lines_set(layout_state *ls, const piece_list *pl, double x, double width, double size,
               uint32_t color, text_align align);
/* Sets lines already broken (at most one line-height apart) the same way. */
void lines_place(layout_state *ls, const piece_list *pl, const line_span *lines, size_t n, double x,
                 double width, double size, uint32_t color, text_align align);

#endif
