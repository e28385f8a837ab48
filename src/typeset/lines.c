#include "lines.h"

#include "footnotes.h"

enum { NOTES_MAX = 32 };

static size_t notes_of_line(const piece_list *pl, const line_span *l, int *notes, size_t count)
{
    for (size_t i = l->start; i < l->end && count < NOTES_MAX; i++)
        if (pl->items[i].note)
            notes[count++] = pl->items[i].note;
    return count;
}

/* How many of the lines fit on the page, with the footnotes they refer to. */
static size_t lines_fitting(const layout_state *ls, const piece_list *pl, const line_span *lines,
                            size_t n, double lh)
{
    int notes[NOTES_MAX];
    size_t count = 0;
    double text_bottom = ls->page->height - ls->st->margin_bottom;
    for (size_t k = 0; k < n; k++) {
        count = notes_of_line(pl, &lines[k], notes, count);
        double area = count ? footnotes_height_for(ls, notes, count) : footnotes_height(ls);
        if (ls->y + (k + 1) * lh > text_bottom - area + 0.01)
            return k;
    }
    return n;
}

/* How many of `remaining` lines to set on this page when `fit` fit: never one
 * line of a paragraph alone at the foot (orphan) or at the head (widow), and
 * a word broken across pages only when that cannot be helped. */
static size_t lines_for_this_page(const line_span *lines, size_t remaining, size_t fit)
{
    if (fit >= remaining)
        return remaining;
    size_t most = remaining >= 4 ? remaining - 2 : 0;
    size_t take = fit < most ? fit : most;
    if (take > 2 && lines[take - 1].hyphen)
        take--;
    return take >= 2 ? take : 0;
}

void lines_place(layout_state *ls, const piece_list *pl, const line_span *lines, size_t n, double x,
                 double width, double size, uint32_t color, text_align align)
{
    double lh = line_height(ls, size);
    /* The first lines after a heading, when they are one or two ("Belopp i
     * tkr"), are kept with it as its lead-in: both go to the next page with
     * what follows when that moves (a table kept whole). */
    bool lead_in = ls->keep.active && ls->keep.lead_in && !ls->keep.setting && n <= 2;
    ls->keep.setting |= lead_in;
    ls->keep.led |= lead_in;
    ls->keep.lead_in = false;
    size_t k = 0;
    while (k < n) {
        size_t fit = lines_fitting(ls, pl, lines + k, n - k, lh);
        size_t take = lines_for_this_page(lines + k, n - k, fit);
        if (take == 0 && !page_is_empty(ls)) {
            page_new(ls);
            continue;
        }
        if (take == 0) /* not even two lines fit on an empty page */
            take = fit ? fit : 1;
        for (size_t j = k; j < k + take; j++) {
            double baseline = baseline_in(ls, ls->y, size);
            lines_draw_marker(ls, baseline);
            lines_draw_one(ls, pl, &lines[j], line_aligned_x(&lines[j], x, width, align), baseline,
                           size, color);
            ls->y += lh;
        }
        k += take;
        if (k < n)
            page_new(ls);
    }
    if (lead_in)
        ls->keep.setting = false;
}

void lines_set(layout_state *ls, const piece_list *pl, double x, double width, double size,
               uint32_t color, text_align align)
{
    break_params bp = break_params_for(ls, width, align == ALIGN_JUSTIFY);
    line_span *lines;
    size_t n = lines_break_para(ls->mem, pl, &bp, &lines, NULL);
    lines_place(ls, pl, lines, n, x, width, size, color, align);
}
