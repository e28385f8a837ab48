/* keep: blocks kept in one piece on a page (tables, charts, signature
 * blocks) and the heading before them. When such a block must begin a new
 * page, or a page of another size, a heading that would otherwise stay alone
 * at the foot of the old page goes along with it. */
#include "typeset.h"

/* The last heading, when nothing has been set after it on the current page. */
static const heading_mark *trailing_heading(const layout_state *ls)
{
    const heading_mark *m = &ls->last_heading;
    bool trailing = m->set && m->page == ls->doc->npages - 1 && m->end_box == ls->page->count;
    return trailing ? m : NULL;
}

/* Moves boxes [first, end) of page `from` to the current page, `shift` points
 * higher (measured from the top). */
static void move_boxes(layout_state *ls, layout_page *from, size_t first, size_t end, double shift)
{
    layout_page *to = ls->page;
    double drop = to->height - from->height + shift;
    for (size_t i = first; i < end; i++) {
        box b = from->boxes[i];
        b.y += drop;
        b.y2 += drop;
        *ARENA_PUSH(ls->mem, to->boxes, to->count, to->cap) = b;
    }
}

/* Starts a page of the given size for a block that does not fit where it is,
 * taking along a heading that would otherwise stay alone at the foot of the
 * page. A page that holds nothing yet (or only that heading) is reused. */
void page_start_block(layout_state *ls, double width, double height)
{
    const heading_mark *h = trailing_heading(ls);
    bool heading_on_top = h && h->top <= page_top(ls) + 0.01;
    if (page_is_empty(ls) || heading_on_top) {
        if (ls->page->width == width && ls->page->height == height)
            return;
        double drop = height - ls->page->height;
        for (size_t i = 0; i < ls->page->count; i++) {
            ls->page->boxes[i].y += drop;
            ls->page->boxes[i].y2 += drop;
        }
        ls->page->width = width;
        ls->page->height = height;
        if (h)
            ls->doc->headings[h->heading].y += drop;
        return;
    }
    if (!h) {
        page_new_sized(ls, width, height);
        return;
    }
    heading_mark m = *h;
    layout_page *old = ls->page;
    page_new_sized(ls, width, height);
    double shift = m.top - page_top(ls);
    move_boxes(ls, old, m.first_box, m.end_box, shift);
    old->count = m.first_box;
    layout_heading *lh = &ls->doc->headings[m.heading];
    lh->page = ls->doc->npages - 1;
    lh->y = height - page_top(ls);
    ls->y = m.bottom - shift;
    ls->last_heading = (heading_mark){.set = true,
                                      .page = lh->page,
                                      .first_box = 0,
                                      .end_box = ls->page->count,
                                      .top = page_top(ls),
                                      .bottom = ls->y,
                                      .heading = m.heading};
}

void page_need_block(layout_state *ls, double height)
{
    if (ls->y + height > page_bottom(ls) && !page_is_empty(ls))
        page_start_block(ls, ls->doc->width, ls->doc->height);
}
