#include "linedraw.h"

#include <math.h>
#include <string.h>

#include "tags.h"

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
    const char *actual; /* what a reader gets instead: a word broken across lines */
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
                          .cache = ls->hyphen_cache,
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
    return a->face == b->face && a->size == b->size && a->rise == b->rise && a->uri == b->uri &&
           a->lang == b->lang;
}

/* Goes into the Span of the piece's language, one element for all the
 * words and lines of a <span lang>; gives the element to leave for. */
static int lang_span_enter(layout_state *ls, const piece *p)
{
    if (!p->lang || p->uri)
        return ls->tag;
    if (ls->span.lang != p->lang || ls->span.parent != ls->tag) {
        ls->span.lang = p->lang;
        ls->span.parent = ls->tag;
        ls->span.elem = tag_open(ls, TAG_SPAN);
        tag_get(ls, ls->span.elem)->lang = p->lang;
        tag_close(ls, ls->span.elem);
    }
    return tag_enter(ls, ls->span.elem);
}

/* Text in the look of piece `p` from x on the baseline, with its link. */
static void emit_in_look(run *r, const piece *p, const char *text, size_t len, double width)
{
    layout_state *ls = r->ls;
    double size = p->size > 0 ? p->size : r->size;
    uint32_t color = p->uri ? ls->st->link_color : r->color;
    int was = lang_span_enter(ls, p);
    int elem = p->uri ? tag_open(ls, TAG_LINK) : p->note ? tag_open(ls, TAG_REFERENCE) : -1;
    if (elem >= 0)
        tag_get(ls, elem)->lang = p->lang;
    box *b = emit_text_scaled(ls, r->x, r->baseline - p->rise, p->face, size, color, text, len,
                              width, r->glyph_scale);
    b->actual = r->actual;
    if (p->uri) {
        double ascent = fonts_ascent(ls->fonts, p->face, size);
        double descent = fonts_descent(ls->fonts, p->face, size);
        box *link = emit_link(ls, r->x, r->baseline - ascent, width, ascent + descent, p->uri);
        link->contents = arena_printf(ls->mem, "%s (%s)", b->text, p->uri);
    }
    if (elem >= 0)
        tag_close(ls, elem);
    if (was != ls->tag)
        tag_leave(ls, was);
    r->x += width;
}

static void run_flush(run *r)
{
    if (r->style && r->len > 0)
        emit_in_look(r, r->style, r->text, r->len, r->width);
    r->width = 0;
    r->len = 0;
    r->style = NULL;
    r->actual = NULL;
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
    int was = tag_enter(ls, ls->marker.tag);
    emit_text(ls, ls->marker.right - w, baseline, ls->marker.face, ls->marker.size,
              ls->marker.color, ls->marker.text, len, w);
    tag_leave(ls, was);
    ls->marker.text = NULL;
}

/* Piece i and the one before it are parts of one word (nothing between). */
static bool joined(const piece_list *pl, size_t i)
{
    return i > 0 && i < pl->count && pl->items[i].kind == PIECE_WORD &&
           pl->items[i - 1].kind == PIECE_WORD;
}

/* The whole word piece i is part of: "samordning", "ESF-projektet". */
static const char *whole_word(layout_state *ls, const piece_list *pl, size_t i)
{
    size_t first = i, last = i;
    while (joined(pl, first))
        first--;
    while (joined(pl, last + 1))
        last++;
    size_t len = 0;
    for (size_t k = first; k <= last; k++)
        len += pl->items[k].len;
    char *s = arena_alloc(ls->mem, len + 1), *o = s;
    for (size_t k = first; k <= last; k++, o += pl->items[k - 1].len)
        memcpy(o, pl->items[k].text, pl->items[k].len);
    *o = '\0';
    return s;
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
        /* a word broken across lines: at a hyphen added or written, or between pieces */
        bool starts_line = i == l->start && (from > 0 || joined(pl, i));
        bool ends_line = i + 1 == l->end && (to < p->len || joined(pl, i + 1));
        bool broken = starts_line || ends_line;
        if (broken) /* its part on this line alone, read as the whole word (or nothing) */
            run_flush(&r);
        run_add(&r, p, p->text + from, to - from, w * gs);
        last_word = p;
        if (ends_line && l->hyphen) {
            run_add(&r, p, "-", 1, fonts_width(pl->fonts, p->face, p->size, "-", 1) * gs);
            last_word = NULL;
        }
        if (broken) {
            r.actual = starts_line ? "" : whole_word(ls, pl, i);
            run_flush(&r);
        }
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
