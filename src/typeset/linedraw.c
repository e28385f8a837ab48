#include "linedraw.h"

#include <math.h>
#include <string.h>

/* A line is drawn as runs of text, one per stretch of pieces that share face,
 * size, rise and link. Justified lines are drawn word by word, each at its
 * own position: the PDF word spacing operator does not apply to multi-byte
 * text. */

enum { RUN_MAX = 512 };

typedef struct {
    layout_state *ls;
    double baseline, size;
    double glyph_scale; /* font expansion of the line */
    uint32_t color;
    char text[RUN_MAX];
    size_t len;
    double x, width;    /* where the run starts, and its advance */
    const piece *style; /* face, size, rise, link of the run; NULL when empty */
} run;

static double glyph_scale_of(const line_span *l)
{
    return l->glyph_scale > 0 ? l->glyph_scale : 1;
}

/* Spaces or glyphs of the line are set wider or narrower than they are. */
static bool is_adjusted(const line_span *l)
{
    return fabs(l->space_scale - 1) > 1e-3 || fabs(glyph_scale_of(l) - 1) > 1e-6;
}

break_params break_params_for(const layout_state *ls, double width, bool justify)
{
    return (break_params){.width = width,
                          .justify = justify,
                          .hyph = ls->hyph,
                          .exceptions = ls->exceptions,
                          .min_word = ls->st->hyphenation.min_word,
                          .expansion = ls->st->justification.expansion,
                          .protrude = ls->st->justification.protrusion};
}

double line_height(const layout_state *ls, double size)
{
    return size * ls->st->leading;
}

static bool same_look(const piece *a, const piece *b)
{
    return a->face == b->face && a->size == b->size && a->rise == b->rise && a->uri == b->uri;
}

/* Text in the look of piece `p` from x on the baseline, with its link. */
static void emit_in_look(run *r, const piece *p, const char *text, size_t len, double width)
{
    layout_state *ls = r->ls;
    double size = p->size > 0 ? p->size : r->size;
    uint32_t color = p->uri ? ls->st->link_color : r->color;
    emit_text_scaled(ls, r->x, r->baseline - p->rise, p->face, size, color, text, len, width,
                     r->glyph_scale);
    if (p->uri) {
        double ascent = fonts_ascent(ls->fonts, p->face, size);
        double descent = fonts_descent(ls->fonts, p->face, size);
        emit_link(ls, r->x, r->baseline - ascent, width, ascent + descent, p->uri);
    }
    r->x += width;
}

static void run_flush(run *r)
{
    if (r->style && r->len > 0)
        emit_in_look(r, r->style, r->text, r->len, r->width);
    r->width = 0;
    r->len = 0;
    r->style = NULL;
}

/* Adds text in the look of piece `p` at the end of the run. */
static void run_add(run *r, const piece *p, const char *text, size_t len, double width)
{
    if (r->style && (!same_look(r->style, p) || r->len + len > RUN_MAX))
        run_flush(r);
    if (len > RUN_MAX) { /* a word longer than the buffer goes alone */
        emit_in_look(r, p, text, len, width);
        return;
    }
    r->style = p;
    memcpy(r->text + r->len, text, len);
    r->len += len;
    r->width += width;
}

static void run_skip(run *r, double width)
{
    run_flush(r);
    r->x += width;
}

void lines_draw_marker(layout_state *ls, double baseline)
{
    if (!ls->marker.text)
        return;
    size_t len = strlen(ls->marker.text);
    double w = fonts_width(ls->fonts, ls->marker.face, ls->marker.size, ls->marker.text, len);
    emit_text(ls, ls->marker.right - w, baseline, ls->marker.face, ls->marker.size,
              ls->marker.color, ls->marker.text, len, w);
    ls->marker.text = NULL;
}

void lines_draw_one(layout_state *ls, const piece_list *pl, const line_span *l, double x,
                    double baseline, double size, uint32_t color)
{
    if (!ls->keep.setting) /* something follows the heading that was kept */
        ls->keep.active = false;
    double gs = glyph_scale_of(l);
    run r = {.ls = ls,
             .baseline = baseline,
             .size = size,
             .glyph_scale = gs,
             .color = color,
             .x = x};
    bool word_by_word = is_adjusted(l);
    const piece *last_word = NULL;
    for (size_t i = l->start; i < l->end; i++) {
        const piece *p = &pl->items[i];
        if (p->kind == PIECE_BREAK)
            continue;
        if (p->kind == PIECE_SPACE) {
            bool one_of_a_run = i > l->start && pl->items[i - 1].kind == PIECE_SPACE;
            /* spaces in code keep their width */
            double width = p->face == FACE_MONO ? p->width : p->width * l->space_scale;
            if (one_of_a_run)
                continue;
            if (word_by_word || !r.style)
                run_skip(&r, width);
            else
                run_add(&r, r.style, " ", 1, width);
            continue;
        }
        size_t from = i == l->start ? l->start_off : 0;
        size_t to = i + 1 == l->end ? l->end_len : p->len;
        double w = from == 0 && to == p->len
                       ? p->width
                       : fonts_width(pl->fonts, p->face, p->size, p->text + from, to - from);
        if (p->note)
            page_note_referenced(ls, p->note);
        run_add(&r, p, p->text + from, to - from, w * gs);
        last_word = p;
    }
    if (l->hyphen && last_word)
        run_add(&r, last_word, "-", 1,
                fonts_width(pl->fonts, last_word->face, last_word->size, "-", 1) * gs);
    run_flush(&r);
}

double line_aligned_x(const line_span *l, double x, double width, text_align align)
{
    double drawn = is_adjusted(l) ? width : l->width;
    return align == ALIGN_RIGHT    ? x + width - drawn
           : align == ALIGN_CENTER ? x + (width - drawn) / 2
                                   : x;
}

double baseline_in(const layout_state *ls, double top, double size)
{
    return top + fonts_ascent(ls->fonts, FACE_REGULAR, size) +
           (line_height(ls, size) - fonts_ascent(ls->fonts, FACE_REGULAR, size) -
            fonts_descent(ls->fonts, FACE_REGULAR, size)) /
               2;
}

void lines_draw_at(layout_state *ls, const piece_list *pl, const line_span *lines, size_t n,
                   double x, double width, double top, double size, uint32_t color,
                   text_align align)
{
    double lh = line_height(ls, size);
    for (size_t k = 0; k < n; k++)
        lines_draw_one(ls, pl, &lines[k], line_aligned_x(&lines[k], x, width, align),
                       baseline_in(ls, top + k * lh, size), size, color);
}
