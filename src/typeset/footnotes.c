#include "footnotes.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "inline.h"
#include "linedraw.h"
#include "tags.h"

/* ---- footnotes -----------------------------------------------------------
 *
 * cmark-gfm numbers the notes in the order of their first reference and
 * moves their definitions to the end of the document in that order. Each note
 * is broken into lines once; it is set at the foot of the page where its
 * first reference is, under a short rule. */

typedef struct {
    piece_list pl;
    line_span *lines;
    size_t nlines;
    size_t page; /* SIZE_MAX until placed */
} note;

struct footnotes {
    note *notes; /* notes[k] is number k + 1 */
    size_t count;
    int *on_page; /* numbers set on the current page, in order */
    size_t n_on_page, cap;
    double indent; /* from the number to the text */
};

static const double RULE_GAP = 4, RULE_THICKNESS = 0.5;

static double note_height(const layout_state *ls, const note *n)
{
    return n->nlines * line_height(ls, ls->st->footnotes.size);
}

static void collect_note(layout_state *ls, cmark_node *def, note *n, double width)
{
    const text_style *ts = &ls->st->footnotes;
    n->pl.fonts = ls->fonts;
    for (cmark_node *b = cmark_node_first_child(def); b; b = cmark_node_next(b)) {
        if (n->pl.count)
            *ARENA_PUSH(ls->mem, n->pl.items, n->pl.count, n->pl.cap) =
                (piece){.kind = PIECE_BREAK, .size = ts->size};
        inline_collect(ls, b, FACE_REGULAR, &n->pl, ts->size);
    }
    break_params bp = break_params_for(ls, width, ts->justify);
    n->nlines = lines_break_para(ls->mem, &n->pl, &bp, &n->lines, NULL);
    n->page = SIZE_MAX;
}

footnotes *footnotes_collect(layout_state *ls, cmark_node *root)
{
    footnotes *fn = ARENA_NEW(ls->mem, footnotes);
    const text_style *ts = &ls->st->footnotes;
    fn->indent = fonts_width(ls->fonts, FACE_REGULAR, ts->size, "00", 2) + ts->size / 2;
    size_t cap = 0;
    for (cmark_node *n = cmark_node_first_child(root); n; n = cmark_node_next(n)) {
        if (cmark_node_get_type(n) != CMARK_NODE_FOOTNOTE_DEFINITION)
            continue;
        note *nt = ARENA_PUSH(ls->mem, fn->notes, fn->count, cap);
        collect_note(ls, n, nt, page_body_width(ls) - fn->indent);
    }
    return fn;
}

static const note *find(const footnotes *fn, int number)
{
    return fn && number >= 1 && (size_t)number <= fn->count ? &fn->notes[number - 1] : NULL;
}

static double area_height(const layout_state *ls, double notes_height, size_t count)
{
    if (count == 0)
        return 0;
    const text_style *ts = &ls->st->footnotes;
    return ts->space_before + RULE_THICKNESS + RULE_GAP + notes_height +
           (count - 1) * ts->space_after;
}

double footnotes_height(const layout_state *ls)
{
    return footnotes_height_for(ls, NULL, 0);
}

double footnotes_height_for(const layout_state *ls, const int *numbers, size_t count)
{
    const footnotes *fn = ls->notes;
    if (!fn)
        return 0;
    double height = 0;
    size_t notes = 0;
    for (size_t i = 0; i < fn->n_on_page; i++, notes++)
        height += note_height(ls, find(fn, fn->on_page[i]));
    for (size_t i = 0; i < count; i++) {
        const note *n = find(fn, numbers[i]);
        bool counted = !n || n->page != SIZE_MAX;
        for (size_t j = 0; j < i && !counted; j++)
            counted = numbers[j] == numbers[i];
        if (!counted) {
            height += note_height(ls, n);
            notes++;
        }
    }
    return area_height(ls, height, notes);
}

void footnotes_place(layout_state *ls, int number)
{
    footnotes *fn = ls->notes;
    note *n = (note *)find(fn, number);
    if (!n || n->page != SIZE_MAX)
        return;
    n->page = (size_t)(ls->page - ls->doc->pages);
    *ARENA_PUSH(ls->mem, fn->on_page, fn->n_on_page, fn->cap) = number;
}

void footnotes_finish_page(layout_state *ls)
{
    footnotes *fn = ls->notes;
    if (!fn || fn->n_on_page == 0)
        return;
    const text_style *ts = &ls->st->footnotes;
    double x = page_body_left(ls), width = page_body_width(ls);
    double top = ls->page->height - ls->st->margin_bottom - footnotes_height(ls) + ts->space_before;
    double rule = width / 4 < 120 ? width / 4 : 120;
    emit_rule(ls, x, top, rule, RULE_THICKNESS, ls->st->rule_color);
    double y = top + RULE_THICKNESS + RULE_GAP;
    int was = ls->tag;
    for (size_t i = 0; i < fn->n_on_page; i++) {
        const note *n = find(fn, fn->on_page[i]);
        char number[16];
        int len = snprintf(number, sizeof number, "%d", fn->on_page[i]);
        int note_tag = tag_open_in(ls, 0, TAG_NOTE); /* a note of the document */
        tag_get(ls, note_tag)->id = arena_printf(ls->mem, "fn%d", fn->on_page[i]);
        double w = fonts_width(ls->fonts, FACE_REGULAR, ts->size, number, (size_t)len);
        emit_text(ls, x, baseline_in(ls, y, ts->size), FACE_REGULAR, ts->size, ts->color, number,
                  (size_t)len, w);
        lines_draw_at(ls, &n->pl, n->lines, n->nlines, x + fn->indent, width - fn->indent, y,
                      ts->size, ts->color, ts->justify ? ALIGN_JUSTIFY : ALIGN_LEFT);
        y += note_height(ls, n) + ts->space_after;
        tag_close(ls, note_tag);
    }
    tag_leave(ls, was);
    fn->n_on_page = 0;
}
