/* linedraw: drawing lines already broken: the boxes of a line's text runs
 * and links, aligned in a column; line heights and baselines. */
#ifndef PP_LINEDRAW_H
#define PP_LINEDRAW_H

#include "linebreak.h"

typedef enum { ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT, ALIGN_JUSTIFY } text_align;

/* The break parameters of text set in `width` points by the style: its
 * hyphenation, expansion and protrusion. */
break_params break_params_for(const layout_state *ls, double width, bool justify);
double line_height(const layout_state *ls, double size);
/* The baseline of a line of text of `size` whose top is at `top`. */
double baseline_in(const layout_state *ls, double top, double size);
/* Draws the list marker waiting for the first line of its item, if any. */
void lines_draw_marker(layout_state *ls, double baseline);
void lines_draw_one(layout_state *ls, const piece_list *pl, const line_span *l, double x,
                    double baseline, double size, uint32_t color);
/* Where a line starts in a column of `width` at `x`, as `align` puts it. */
double line_aligned_x(const line_span *l, double x, double width, text_align align);
void lines_draw_at(layout_state *ls, const piece_list *pl, const line_span *lines, size_t n,
                   double x, double width, double top, double size, uint32_t color,
                   text_align align);

#endif
