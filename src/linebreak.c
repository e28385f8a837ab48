#include "typeset.h"

#include <string.h>

/* ---- line breaking ------------------------------------------------------ */

/* Greedy line breaking: fills each line with as many words as fit. */
size_t lines_break(arena *mem, const piece_list *pl, double width, line_span **out)
{
    size_t n = 0, cap = 0;
    line_span *lines = NULL;
    size_t i = 0;
    while (i < pl->count) {
        while (i < pl->count && pl->items[i].kind == PIECE_SPACE)
            i++;
        if (i >= pl->count)
            break;
        size_t start = i, end = i;
        double w = 0, pending_space = 0;
        while (i < pl->count) {
            const piece *p = &pl->items[i];
            if (p->kind == PIECE_BREAK) {
                i++;
                break;
            }
            if (p->kind == PIECE_SPACE) {
                pending_space += p->width;
                i++;
                continue;
            }
            if (end > start && w + pending_space + p->width > width)
                break;
            w += pending_space + p->width;
            pending_space = 0;
            end = ++i;
        }
        line_span *l = ARENA_PUSH(mem, lines, n, cap);
        *l = (line_span){start, end, w};
    }
    *out = lines;
    return n;
}

/* Draws one line's pieces starting at x, merging neighbours of one face. */
void lines_draw_one(layout_state *ls, const piece_list *pl, const line_span *l, double x,
                    double baseline, double size, uint32_t color)
{
    size_t i = l->start;
    while (i < l->end) {
        face_style face = pl->items[i].face;
        char buf[1024];
        size_t len = 0;
        double w = 0;
        size_t j = i;
        while (j < l->end && pl->items[j].face == face && len + pl->items[j].len < sizeof buf) {
            memcpy(buf + len, pl->items[j].text, pl->items[j].len);
            len += pl->items[j].len;
            w += pl->items[j].width;
            j++;
        }
        if (j == i) { /* a single piece longer than the buffer */
            emit_text(ls, x, baseline, face, size, color, pl->items[i].text, pl->items[i].len,
                      pl->items[i].width);
            x += pl->items[i].width;
            i++;
            continue;
        }
        emit_text(ls, x, baseline, face, size, color, buf, len, w);
        x += w;
        i = j;
    }
}

/* Sets a paragraph of pieces in a column, breaking pages between lines. */
void lines_set(layout_state *ls, const piece_list *pl, double x, double width, double size,
               uint32_t color, text_align align)
{
    line_span *lines;
    size_t n = lines_break(ls->mem, pl, width, &lines);
    double line_height = size * ls->st->leading;
    double ascent = fonts_ascent(ls->fonts, FACE_REGULAR, size);
    for (size_t k = 0; k < n; k++) {
        page_need(ls, line_height);
        double lx = x;
        if (align == ALIGN_RIGHT)
            lx = x + width - lines[k].width;
        else if (align == ALIGN_CENTER)
            lx = x + (width - lines[k].width) / 2;
        double baseline = ls->y + ascent + (line_height - size) / 2;
        lines_draw_one(ls, pl, &lines[k], lx, baseline, size, color);
        ls->y += line_height;
    }
}

void lines_draw_at(layout_state *ls, const piece_list *pl, const line_span *lines, size_t n,
                   double x, double width, double top, double size, uint32_t color,
                   text_align align)
{
    double line_height = size * ls->st->leading;
    double ascent = fonts_ascent(ls->fonts, FACE_REGULAR, size);
    for (size_t k = 0; k < n; k++) {
        double lx = align == ALIGN_RIGHT    ? x + width - lines[k].width
                    : align == ALIGN_CENTER ? x + (width - lines[k].width) / 2
                                            : x;
        double baseline = top + k * line_height + ascent + (line_height - size) / 2;
        lines_draw_one(ls, pl, &lines[k], lx, baseline, size, color);
    }
}
