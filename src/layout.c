#include "typeset.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <stdio.h>
#include <string.h>

double page_top(const layout_state *ls)
{
    return ls->st->margin_top;
}
double page_bottom(const layout_state *ls)
{
    return ls->page->height - ls->st->margin_bottom;
}
double page_body_left(const layout_state *ls)
{
    return ls->st->margin_left;
}
double page_body_width(const layout_state *ls)
{
    return ls->page->width - ls->st->margin_left - ls->st->margin_right;
}

void page_new_sized(layout_state *ls, double width, double height)
{
    layout_doc *d = ls->doc;
    ls->page = ARENA_PUSH(ls->mem, d->pages, d->npages, d->pages_cap);
    ls->page->width = width;
    ls->page->height = height;
    ls->y = page_top(ls);
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

void emit_text(layout_state *ls, double x, double baseline_from_top, face_style face, double size,
               uint32_t color, const char *text, size_t len, double width)
{
    box *b = ARENA_PUSH(ls->mem, ls->page->boxes, ls->page->count, ls->page->cap);
    *b = (box){.kind = BOX_TEXT,
               .x = x,
               .y = ls->page->height - baseline_from_top,
               .width = width,
               .face = face,
               .size = size,
               .color = color,
               .text = arena_strndup(ls->mem, text, len)};
}

void emit_rule(layout_state *ls, double x, double y_from_top, double length, double thickness,
               uint32_t color)
{
    box *b = ARENA_PUSH(ls->mem, ls->page->boxes, ls->page->count, ls->page->cap);
    *b = (box){.kind = BOX_RULE,
               .x = x,
               .y = ls->page->height - y_from_top,
               .width = length,
               .thickness = thickness,
               .color = color};
}

void emit_line(layout_state *ls, double x1, double y1_from_top, double x2, double y2_from_top,
               double thickness, uint32_t color)
{
    box *b = ARENA_PUSH(ls->mem, ls->page->boxes, ls->page->count, ls->page->cap);
    *b = (box){.kind = BOX_LINE,
               .x = x1,
               .y = ls->page->height - y1_from_top,
               .x2 = x2,
               .y2 = ls->page->height - y2_from_top,
               .thickness = thickness,
               .color = color};
}

void emit_rect(layout_state *ls, double x, double top, double width, double height, uint32_t color)
{
    box *b = ARENA_PUSH(ls->mem, ls->page->boxes, ls->page->count, ls->page->cap);
    *b = (box){.kind = BOX_RECT,
               .x = x,
               .y = ls->page->height - top - height,
               .width = width,
               .height = height,
               .color = color};
}

void emit_link(layout_state *ls, double x, double top, double width, double height,
               size_t dest_page, double dest_y)
{
    box *b = ARENA_PUSH(ls->mem, ls->page->boxes, ls->page->count, ls->page->cap);
    *b = (box){.kind = BOX_LINK,
               .x = x,
               .y = ls->page->height - top - height,
               .width = width,
               .height = height,
               .dest_page = dest_page,
               .dest_y = dest_y};
}

void page_add_space(layout_state *ls, double points)
{
    if (!page_is_empty(ls))
        ls->y += points;
}

/* ---- blocks ------------------------------------------------------------- */

static void layout_blocks(layout_state *ls, cmark_node *parent, column col);

static void paragraph(layout_state *ls, cmark_node *node, column col, face_style face,
                      const text_style *ts)
{
    piece_list pl = {0};
    inline_collect(ls, node, face, &pl, ts->size);
    lines_set(ls, &pl, col.x, col.width, ts->size, ts->color, ALIGN_LEFT);
}

static void heading(layout_state *ls, cmark_node *node, column col)
{
    int level = cmark_node_get_heading_level(node);
    const text_style *ts = &ls->st->headings[level > 3 ? 2 : level - 1];
    piece_list pl = {0};
    inline_collect(ls, node, FACE_BOLD, &pl, ts->size);
    line_span *lines;
    size_t n = lines_break(ls->mem, &pl, col.width, &lines);
    double line_height = ts->size * 1.2;
    double body_line = ls->st->body.size * ls->st->leading;
    /* Keep the heading with at least two lines of what follows. */
    page_add_space(ls, ts->space_before);
    page_need(ls, n * line_height + ts->space_after + 2 * body_line);
    layout_doc *d = ls->doc;
    layout_heading *h = ARENA_PUSH(ls->mem, d->headings, d->nheadings, d->headings_cap);
    *h = (layout_heading){.level = level,
                          .title = inline_plain_text(ls, node),
                          .page = d->npages - 1,
                          .y = ls->page->height - ls->y};
    heading_mark mark = {.set = true,
                         .page = h->page,
                         .first_box = ls->page->count,
                         .top = ls->y,
                         .heading = d->nheadings - 1};
    toc_heading_placed(ls, node, d->nheadings - 1);
    double ascent = fonts_ascent(ls->fonts, FACE_BOLD, ts->size);
    for (size_t k = 0; k < n; k++) {
        lines_draw_one(ls, &pl, &lines[k], col.x, ls->y + ascent, ts->size, ts->color);
        ls->y += line_height;
    }
    ls->y += ts->space_after;
    mark.end_box = ls->page->count;
    mark.bottom = ls->y;
    ls->last_heading = mark;
}

static void list(layout_state *ls, cmark_node *node, column col)
{
    bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
    int number = cmark_node_get_list_start(node);
    const text_style *ts = &ls->st->body;
    double indent = ls->st->list_indent;
    column inner = {col.x + indent, col.width - indent};
    double line_height = ts->size * ls->st->leading;
    for (cmark_node *item = cmark_node_first_child(node); item; item = cmark_node_next(item)) {
        page_need(ls, line_height);
        char marker[16];
        if (ordered)
            snprintf(marker, sizeof marker, "%d.", number++);
        else
            snprintf(marker, sizeof marker, "\xe2\x80\xa2"); /* U+2022 bullet */
        size_t mlen = strlen(marker);
        double mw = fonts_width(ls->fonts, FACE_REGULAR, ts->size, marker, mlen);
        double ascent = fonts_ascent(ls->fonts, FACE_REGULAR, ts->size);
        double baseline = ls->y + ascent + (line_height - ts->size) / 2;
        emit_text(ls, inner.x - mw - 5, baseline, FACE_REGULAR, ts->size, ts->color, marker, mlen,
                  mw);
        layout_blocks(ls, item, inner);
    }
}

static void code_block(layout_state *ls, cmark_node *node, column col)
{
    const char *info = cmark_node_get_fence_info(node);
    if (info && strcmp(info, "pagebreak") == 0) {
        if (!page_is_empty(ls))
            page_new(ls);
        return;
    }
    if (fenced_block(ls, node, col))
        return;
    const text_style *ts = &ls->st->body;
    const char *lit = cmark_node_get_literal(node);
    for (const char *p = lit; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        piece_list pl = {0};
        inline_add_text(ls, &pl, FACE_REGULAR, arena_strndup(ls->mem, p, len), ts->size);
        lines_set(ls, &pl, col.x, col.width, ts->size, ts->color, ALIGN_LEFT);
        p += len + (nl ? 1 : 0);
    }
    ls->y += ts->space_after;
}

/* ---- the document ------------------------------------------------------- */

static void layout_blocks(layout_state *ls, cmark_node *parent, column col)
{
    const text_style *body = &ls->st->body;
    for (cmark_node *n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
        cmark_node_type t = cmark_node_get_type(n);
        if (t == CMARK_NODE_PARAGRAPH) {
            paragraph(ls, n, col, FACE_REGULAR, body);
            bool tight = cmark_node_parent(parent) &&
                         cmark_node_get_type(parent) == CMARK_NODE_ITEM &&
                         cmark_node_get_list_tight(cmark_node_parent(parent));
            ls->y += tight ? body->space_after / 3 : body->space_after;
        } else if (t == CMARK_NODE_HEADING) {
            heading(ls, n, col);
        } else if (t == CMARK_NODE_LIST) {
            list(ls, n, col);
            ls->y += body->space_after / 2;
        } else if (t == CMARK_NODE_BLOCK_QUOTE) {
            column inner = {col.x + ls->st->list_indent, col.width - ls->st->list_indent};
            layout_blocks(ls, n, inner);
        } else if (t == CMARK_NODE_CODE_BLOCK) {
            code_block(ls, n, col);
        } else if (t == CMARK_NODE_THEMATIC_BREAK) {
            page_need(ls, body->size);
            emit_rule(ls, col.x, ls->y + body->size / 2, col.width, 0.5, ls->st->rule_color);
            ls->y += body->size;
        } else if (strcmp(cmark_node_get_type_string(n), "table") == 0) {
            table_layout(ls, n, col);
        }
    }
}

/* Expands {title}, {association}, {page} and {pages} in a running text. */
static const char *running_text(arena *mem, const char *format, const layout_info *info,
                                size_t page, size_t pages)
{
    char out[512];
    size_t len = 0;
    for (const char *p = format; *p && len < sizeof out - 32;) {
        const char *sub = NULL;
        char num[24];
        size_t skip = 0;
        if (strncmp(p, "{title}", 7) == 0) {
            sub = info->title ? info->title : "";
            skip = 7;
        } else if (strncmp(p, "{association}", 13) == 0) {
            sub = info->association ? info->association : "";
            skip = 13;
        } else if (strncmp(p, "{page}", 6) == 0) {
            snprintf(num, sizeof num, "%zu", page);
            sub = num;
            skip = 6;
        } else if (strncmp(p, "{pages}", 7) == 0) {
            snprintf(num, sizeof num, "%zu", pages);
            sub = num;
            skip = 7;
        }
        if (!sub) {
            out[len++] = *p++;
            continue;
        }
        size_t l = strlen(sub);
        if (l > sizeof out - 32 - len)
            l = sizeof out - 32 - len;
        memcpy(out + len, sub, l);
        len += l;
        p += skip;
    }
    return arena_strndup(mem, out, len);
}

static void running_line(layout_state *ls, const char *format, const text_style *ts,
                         text_align align, double baseline, const layout_info *info, size_t page)
{
    if (!format || !*format)
        return;
    const char *text = running_text(ls->mem, format, info, page + 1, ls->doc->npages);
    size_t len = strlen(text);
    double w = fonts_width(ls->fonts, FACE_REGULAR, ts->size, text, len);
    double x = align == ALIGN_LEFT    ? page_body_left(ls)
               : align == ALIGN_RIGHT ? page_body_left(ls) + page_body_width(ls) - w
                                      : page_body_left(ls) + (page_body_width(ls) - w) / 2;
    emit_text(ls, x, baseline, FACE_REGULAR, ts->size, ts->color, text, len, w);
}

static void running_header_footer(layout_state *ls, const layout_info *info)
{
    const style *st = ls->st;
    double header_base = st->margin_top / 2;
    for (size_t i = 0; i < ls->doc->npages; i++) {
        ls->page = &ls->doc->pages[i];
        double footer_base = ls->page->height - st->margin_bottom / 2;
        if (i > 0) {
            running_line(ls, st->header_left, &st->header, ALIGN_LEFT, header_base, info, i);
            running_line(ls, st->header_right, &st->header, ALIGN_RIGHT, header_base, info, i);
        }
        running_line(ls, st->footer_center, &st->footer, ALIGN_CENTER, footer_base, info, i);
    }
}

bool layout_markdown(arena *mem, const char *markdown, size_t len, const style *st,
                     const font_set *fonts, const layout_info *info, layout_doc *out, diag_list *dl)
{
    size_t errors_before = dl->errors;
    cmark_gfm_core_extensions_ensure_registered();
    int options = CMARK_OPT_FOOTNOTES | CMARK_OPT_SOURCEPOS;
    cmark_parser *parser = cmark_parser_new(options);
    static const char *const extensions[] = {"table", "strikethrough", "autolink"};
    for (size_t i = 0; i < sizeof extensions / sizeof extensions[0]; i++)
        cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(extensions[i]));
    cmark_parser_feed(parser, markdown, len);
    cmark_node *root = cmark_parser_finish(parser);

    *out = (layout_doc){.width = st->page_width, .height = st->page_height};
    layout_state ls = {.mem = mem,
                       .st = st,
                       .fonts = fonts,
                       .doc = out,
                       .dl = dl,
                       .source = info->source ? info->source : "Markdown"};
    page_new(&ls);
    layout_blocks(&ls, root, (column){page_body_left(&ls), page_body_width(&ls)});
    /* Second pass: the pages of the headings are known now. */
    toc_fill_in(&ls);
    running_header_footer(&ls, info);

    cmark_node_free(root);
    cmark_parser_free(parser);
    return dl->errors == errors_before;
}
