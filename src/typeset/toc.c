#include "toc.h"

#include <stdio.h>
#include <string.h>

#include "inline.h"
#include "linedraw.h"
#include "tags.h"

typedef struct {
    cmark_node *heading;
    int line; /* of the heading in the Markdown */
    bool placed;
    size_t heading_index; /* in layout_doc.headings, once placed */
    size_t page;          /* where the entry is set */
    face_style face;
    double column_left, left, text_end, right; /* x */
    double top, bottom, baseline;              /* from the top of its page (last line) */
    int link;                                  /* its Link element, in its TOCI */
} toc_entry;

/* The entries of one ```toc block, in the order of the document. */
struct toc_list {
    toc_entry *items;
    size_t count, cap;
    size_t next;        /* the first entry whose heading is not placed yet */
    toc_list *previous; /* the block before, if a document has several */
};

static const char NUMBER_ROOM[] = "000"; /* the widest page number kept room for */

static cmark_node *document_of(cmark_node *node)
{
    while (cmark_node_parent(node))
        node = cmark_node_parent(node);
    return node;
}

/* The headings after `block` down to `levels`, in order; the smallest level. */
static size_t headings_after(layout_state *ls, cmark_node *block, int levels, cmark_node ***out,
                             int *top_level)
{
    size_t n = 0, cap = 0;
    cmark_node **found = NULL;
    bool after = false;
    *top_level = levels;
    cmark_iter *it = cmark_iter_new(document_of(block));
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *node = cmark_iter_get_node(it);
        if (ev != CMARK_EVENT_ENTER)
            continue;
        if (node == block)
            after = true;
        int level = cmark_node_get_type(node) == CMARK_NODE_HEADING
                        ? cmark_node_get_heading_level(node)
                        : 0;
        if (!after || level == 0 || level > levels)
            continue;
        *ARENA_PUSH(ls->mem, found, n, cap) = node;
        if (level < *top_level)
            *top_level = level;
    }
    cmark_iter_free(it);
    *out = found;
    return n;
}

static void set_entry(layout_state *ls, toc_list *toc, cmark_node *heading, int depth, column col,
                      bool first)
{
    const toc_look *look = &ls->st->toc;
    face_style face = depth == 0 ? FACE_BOLD : FACE_REGULAR;
    double size = look->size, lh = line_height(ls, size);
    double indent = depth * look->indent;
    double room = fonts_width(ls->fonts, FACE_BOLD, size, NUMBER_ROOM, strlen(NUMBER_ROOM)) + size;
    piece_list pl = {0};
    inline_collect(ls, heading, face, &pl, size);
    line_span *lines;
    size_t n = lines_break(ls->mem, &pl, col.width - indent - room, &lines);
    if (n == 0)
        return;
    if (depth == 0 && !first)
        page_add_space(ls, size * 0.5);
    page_need(ls, n * lh);
    int item = tag_open(ls, TAG_TOCI), link = tag_open(ls, TAG_LINK);
    lines_draw_at(ls, &pl, lines, n, col.x + indent, col.width - indent - room, ls->y, size,
                  ls->st->body.color, ALIGN_LEFT);
    tag_close(ls, link);
    tag_close(ls, item);
    toc_entry *e = ARENA_PUSH(ls->mem, toc->items, toc->count, toc->cap);
    *e = (toc_entry){.heading = heading,
                     .line = cmark_node_get_start_line(heading),
                     .page = ls->doc->npages - 1,
                     .face = face,
                     .column_left = col.x,
                     .left = col.x + indent,
                     .text_end = col.x + indent + lines[n - 1].width,
                     .right = col.x + col.width,
                     .top = ls->y,
                     .bottom = ls->y + n * lh,
                     .baseline = baseline_in(ls, ls->y + (n - 1) * lh, size),
                     .link = link};
    ls->y = e->bottom;
}

void toc_layout(layout_state *ls, cmark_node *node, column col)
{
    toc_list *toc = ARENA_NEW(ls->mem, toc_list);
    toc->previous = ls->tocs;
    ls->tocs = toc;
    cmark_node **headings;
    int top_level;
    size_t n = headings_after(ls, node, ls->st->toc.levels, &headings, &top_level);
    int toc_tag = tag_open(ls, TAG_TOC);
    for (size_t i = 0; i < n; i++)
        set_entry(ls, toc, headings[i], cmark_node_get_heading_level(headings[i]) - top_level, col,
                  i == 0);
    tag_close(ls, toc_tag);
    ls->y += ls->st->body.space_after;
}

/* Headings are placed in the order of the document, as the entries are:
 * each block waits for its next entry, and passes over an entry whose
 * heading was never set. */
void toc_heading_placed(layout_state *ls, cmark_node *heading, size_t index)
{
    int line = cmark_node_get_start_line(heading);
    for (toc_list *toc = ls->tocs; toc; toc = toc->previous) {
        while (toc->next < toc->count && toc->items[toc->next].line < line)
            toc->next++;
        toc_entry *e = toc->next < toc->count ? &toc->items[toc->next] : NULL;
        if (e && e->heading == heading) {
            e->placed = true;
            e->heading_index = index;
            toc->next++;
        }
    }
}

/* Dots from just after the title to just before the number, on a grid that
 * lines them up from entry to entry. */
static void leaders(layout_state *ls, const toc_entry *e, double number_x)
{
    double size = ls->st->toc.size;
    double pitch = fonts_width(ls->fonts, FACE_REGULAR, size, ". ", 2);
    double gap = size * 0.4;
    double steps = (e->text_end + gap - e->column_left) / pitch;
    double x = e->column_left + (double)(size_t)(steps + 0.999) * pitch;
    size_t count = x < number_x - gap ? (size_t)((number_x - gap - x) / pitch) : 0;
    if (count == 0)
        return;
    char *dots = arena_alloc(ls->mem, 2 * count + 1);
    for (size_t i = 0; i < count; i++)
        memcpy(dots + 2 * i, ". ", 2);
    dots[2 * count - 1] = '\0'; /* no space after the last dot */
    int was = tag_enter(ls, TAG_ARTIFACT);
    emit_text(ls, x, e->baseline, FACE_REGULAR, size, ls->st->body.color, dots, 2 * count - 1,
              count * pitch);
    tag_leave(ls, was);
}

static void fill_in_entry(layout_state *ls, const toc_entry *e)
{
    double size = ls->st->toc.size;
    const layout_heading *h = &ls->doc->headings[e->heading_index];
    ls->page = &ls->doc->pages[e->page];
    char number[24];
    int len = snprintf(number, sizeof number, "%zu", h->page + 1);
    double w = fonts_width(ls->fonts, e->face, size, number, (size_t)len);
    int was = tag_enter(ls, e->link);
    leaders(ls, e, e->right - w);
    emit_text(ls, e->right - w, e->baseline, e->face, size, ls->st->body.color, number, (size_t)len,
              w);
    box *link =
        emit_link_to(ls, e->left, e->top, e->right - e->left, e->bottom - e->top, h->page, h->y);
    link->contents = arena_printf(ls->mem, "G\xc3\xa5 till %s, sida %s", h->title, number);
    tag_leave(ls, was);
}

void toc_fill_in(layout_state *ls)
{
    layout_page *current = ls->page;
    for (const toc_list *toc = ls->tocs; toc; toc = toc->previous)
        for (size_t i = 0; i < toc->count; i++)
            if (toc->items[i].placed)
                fill_in_entry(ls, &toc->items[i]);
    ls->page = current;
}
