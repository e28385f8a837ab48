#include "page.h"

double page_top(const layout_state *ls)
{
    return ls->st->margin_top;
}
double page_bottom(const layout_state *ls)
{
    double foot = ls->foot.height ? ls->foot.height(ls) : 0;
    return ls->page->height - ls->st->margin_bottom - foot;
}
double page_body_left(const layout_state *ls)
{
    return ls->st->margin_left;
}
double page_body_width(const layout_state *ls)
{
    return ls->page->width - ls->st->margin_left - ls->st->margin_right;
}

size_t page_index(const layout_state *ls)
{
    return (size_t)(ls->page - ls->doc->pages);
}

/* Moves what was set since the kept heading from page `from` to the current
 * page, whose top it then starts at. */
static void move_kept(layout_state *ls, size_t from, double y_before)
{
    layout_page *old = &ls->doc->pages[from], *page = ls->page;
    double shift = ls->keep.y - page_top(ls); /* upwards, in points */
    for (size_t i = ls->keep.box; i < old->count; i++) {
        box *b = ARENA_PUSH(ls->mem, page->boxes, page->count, page->cap);
        *b = old->boxes[i];
        b->y = page->height - (old->height - b->y) + shift;
        if (b->kind == BOX_LINE)
            b->y2 = page->height - (old->height - b->y2) + shift;
    }
    old->count = ls->keep.box;
    for (size_t h = ls->keep.heading; h < ls->doc->nheadings; h++) {
        layout_heading *hd = &ls->doc->headings[h];
        hd->page = page_index(ls);
        hd->y = page->height - (old->height - hd->y) + shift;
    }
    ls->y = page_top(ls) + (y_before - ls->keep.y);
    ls->keep.page = page_index(ls);
    ls->keep.box = 0;
    ls->keep.y = page_top(ls);
}

void page_new_sized(layout_state *ls, double width, double height)
{
    layout_doc *d = ls->doc;
    bool move = false;
    size_t from = 0;
    double y_before = ls->y;
    if (ls->page) {
        from = page_index(ls);
        move = ls->keep.active && ls->keep.page == from && ls->keep.y > page_top(ls) + 0.01;
        if (ls->foot.finish)
            ls->foot.finish(ls);
    }
    ls->page = ARENA_PUSH(ls->mem, d->pages, d->npages, d->pages_cap);
    ls->page->width = width;
    ls->page->height = height;
    if (d->npages > 1) /* room for as many boxes as the page before: grown once, if at all */
        ls->page->boxes = arena_reserve(ls->mem, NULL, &ls->page->cap,
                                        d->pages[d->npages - 2].count, sizeof(box));
    ls->plain_pages = arena_grow(ls->mem, ls->plain_pages, &ls->plain_cap, d->npages, sizeof(bool));
    ls->plain_pages[d->npages - 1] = false;
    ls->y = page_top(ls);
    if (move)
        move_kept(ls, from, y_before);
    else
        ls->keep.active = false;
}

void page_new(layout_state *ls)
{
    page_new_sized(ls, ls->doc->width, ls->doc->height);
}

bool page_is_empty(const layout_state *ls)
{
    return ls->y <= page_top(ls) + 0.01;
}

/* Makes room for `height` points, starting a new page when they do not fit. */
void page_need(layout_state *ls, double height)
{
    if (ls->y + height > page_bottom(ls) && !page_is_empty(ls))
        page_new(ls);
}

void page_add_space(layout_state *ls, double points)
{
    if (!page_is_empty(ls))
        ls->y += points;
}

void page_note_referenced(layout_state *ls, int number)
{
    if (ls->foot.place)
        ls->foot.place(ls, number);
}

/* Every box goes into the element being set (tags.h); rules, lines and
 * rectangles are artifacts unless they draw a figure. */
static box *push_box(layout_state *ls, box b)
{
    box *p = ARENA_PUSH(ls->mem, ls->page->boxes, ls->page->count, ls->page->cap);
    *p = b;
    p->tag = ls->tag;
    p->seq = ls->seq++;
    bool graphics = b.kind == BOX_RULE || b.kind == BOX_LINE || b.kind == BOX_RECT;
    if (graphics && (ls->tag < 0 || (size_t)ls->tag >= ls->doc->ntags ||
                     ls->doc->tags[ls->tag].role != TAG_FIGURE))
        p->tag = ls->tag < 0 ? ls->tag : TAG_ARTIFACT;
    return p;
}

box *emit_text_scaled(layout_state *ls, double x, double baseline_from_top, face_style face,
                      double size, uint32_t color, const char *text, size_t len, double width,
                      double glyph_scale)
{
    return push_box(ls, (box){.kind = BOX_TEXT,
                       .x = x,
                       .y = ls->page->height - baseline_from_top,
                       .width = width,
                       .face = face,
                       .size = size,
                       .expand = glyph_scale - 1,
                       .color = color,
                       .text = arena_strndup(ls->mem, text, len)});
}

box *emit_text(layout_state *ls, double x, double baseline_from_top, face_style face, double size,
               uint32_t color, const char *text, size_t len, double width)
{
    return emit_text_scaled(ls, x, baseline_from_top, face, size, color, text, len, width, 1);
}

void emit_rule(layout_state *ls, double x, double y_from_top, double length, double thickness,
               uint32_t color)
{
    push_box(ls, (box){.kind = BOX_RULE,
                       .x = x,
                       .y = ls->page->height - y_from_top,
                       .width = length,
                       .thickness = thickness,
                       .color = color});
}

void emit_line(layout_state *ls, double x, double y_from_top, double x2, double y2_from_top,
               double thickness, uint32_t color)
{
    push_box(ls, (box){.kind = BOX_LINE,
                       .x = x,
                       .y = ls->page->height - y_from_top,
                       .x2 = x2,
                       .y2 = ls->page->height - y2_from_top,
                       .thickness = thickness,
                       .color = color});
}

void emit_rect(layout_state *ls, double x, double top, double width, double height, uint32_t color)
{
    push_box(ls, (box){.kind = BOX_RECT,
                       .x = x,
                       .y = ls->page->height - top - height,
                       .width = width,
                       .height = height,
                       .color = color});
}

box *emit_link(layout_state *ls, double x, double top, double width, double height, const char *uri)
{
    return push_box(ls, (box){.kind = BOX_LINK,
                       .x = x,
                       .y = ls->page->height - top - height,
                       .width = width,
                       .height = height,
                       .uri = uri});
}

box *emit_link_to(layout_state *ls, double x, double top, double width, double height,
                  size_t dest_page, double dest_y)
{
    return push_box(ls, (box){.kind = BOX_LINK,
                       .x = x,
                       .y = ls->page->height - top - height,
                       .width = width,
                       .height = height,
                       .dest_page = dest_page,
                       .dest_y = dest_y});
}
