#include "layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cover.h"
#include "fence.h"
#include "footnotes.h"
#include "inline.h"
#include "lines.h"
#include "markdown.h"
#include "oom.h"
#include "page.h"
#include "table.h"
#include "toc.h"
#include "tags.h"
#include "utf8.h"

/* ---- blocks ------------------------------------------------------------- */

static void layout_blocks(layout_state *ls, cmark_node *parent, column col);

static text_align body_align(const text_style *ts)
{
    return ts->justify ? ALIGN_JUSTIFY : ALIGN_LEFT;
}

/* The pieces of one paragraph or heading, set before the next one is
 * collected: one list, whose room the next one takes again. */
static piece_list *block_pieces(layout_state *ls)
{
    ls->block_pieces->count = 0;
    return ls->block_pieces;
}

static void paragraph(layout_state *ls, cmark_node *node, column col)
{
    const text_style *ts = &ls->st->body;
    piece_list *pl = block_pieces(ls);
    inline_collect(ls, node, FACE_REGULAR, pl, ts->size);
    int p = tag_open(ls, TAG_P);
    lines_set(ls, pl, col.x, col.width, ts->size, ts->color, body_align(ts));
    tag_close(ls, p);
}

/* "1.2 " before a heading of level 2 when the style numbers headings. */
static const char *heading_number(layout_state *ls, int level)
{
    int *n = ls->heading_numbers;
    n[level - 1]++;
    for (int k = level; k < 3; k++)
        n[k] = 0;
    char buf[48];
    size_t len = 0;
    for (int k = 0; k < level && len < sizeof buf - 12; k++)
        len += (size_t)snprintf(buf + len, sizeof buf - len, k ? ".%d" : "%d", n[k]);
    return arena_strdup(ls->mem, buf);
}

static void heading(layout_state *ls, cmark_node *node, column col)
{
    int level = cmark_node_get_heading_level(node);
    level = level > 3 ? 3 : level;
    const text_style *ts = &ls->st->headings[level - 1];
    const char *number = ls->st->heading_numbers ? heading_number(ls, level) : NULL;
    piece_list *pl = block_pieces(ls);
    if (number) {
        inline_add_text(ls, pl, FACE_BOLD, number, ts->size);
        inline_add_text(ls, pl, FACE_BOLD, " ", ts->size);
    }
    inline_collect(ls, node, FACE_BOLD, pl, ts->size);
    line_span *lines;
    size_t n = lines_break(ls->mem, pl, col.width, &lines);
    double lh = ts->size * 1.2;
    if (ls->keep.led) /* a heading and its lead-in stay where they are */
        ls->keep.active = false;
    page_add_space(ls, ts->space_before);
    page_need(ls, n * lh + ts->space_after);
    if (!ls->keep.active) /* keeps a heading that follows at once with this one */
        ls->keep = (kept_heading){.active = true,
                                  .page = page_index(ls),
                                  .box = ls->page->count,
                                  .heading = ls->doc->nheadings,
                                  .y = ls->y};
    ls->keep.setting = true;
    ls->keep.lead_in = true;
    layout_doc *d = ls->doc;
    const char *title = inline_plain_text(ls, node);
    layout_heading *h = ARENA_PUSH(ls->mem, d->headings, d->nheadings, d->headings_cap);
    *h = (layout_heading){.level = level,
                          .title = number ? arena_printf(ls->mem, "%s %s", number, title) : title,
                          .page = d->npages - 1,
                          .y = ls->page->height - ls->y};
    toc_heading_placed(ls, node, d->nheadings - 1);
    double ascent = fonts_ascent(ls->fonts, FACE_BOLD, ts->size);
    lines_draw_marker(ls, ls->y + ascent); /* a heading first in a list item */
    int h_tag = tag_open(ls, tag_heading(cmark_node_get_heading_level(node)));
    for (size_t k = 0; k < n; k++) {
        lines_draw_one(ls, pl, &lines[k], col.x, ls->y + ascent, ts->size, ts->color);
        ls->y += lh;
    }
    tag_close(ls, h_tag);
    ls->y += ts->space_after;
    ls->keep.setting = false;
}

/* A waiting list marker not taken by a first line: drawn where the item is. */
static void flush_marker(layout_state *ls)
{
    if (!ls->marker.text)
        return;
    double size = ls->marker.size;
    page_need(ls, line_height(ls, size));
    lines_draw_marker(ls, baseline_in(ls, ls->y, size));
}

static const char *bullet_for(const layout_state *ls, int depth)
{
    static const char *const bullets[] = {"\xe2\x80\xa2", "\xe2\x80\x93", "\xe2\x97\xa6"};
    const char *b = bullets[depth % 3]; /* • – ◦ */
    size_t i = 0;
    return fonts_has_glyph(ls->fonts, FACE_REGULAR, utf8_next(b, strlen(b), &i)) ? b : bullets[0];
}

static int list_depth(cmark_node *node)
{
    int depth = 0;
    for (cmark_node *p = cmark_node_parent(node); p; p = cmark_node_parent(p))
        depth += cmark_node_get_type(p) == CMARK_NODE_LIST;
    return depth;
}

static void list(layout_state *ls, cmark_node *node, column col)
{
    bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
    int number = cmark_node_get_list_start(node);
    const text_style *ts = &ls->st->body;
    double gap = ts->size * 0.5;
    const char *bullet = bullet_for(ls, list_depth(node));
    double widest = 0;
    int count = 0;
    for (cmark_node *item = cmark_node_first_child(node); item; item = cmark_node_next(item))
        count++;
    if (ordered) {
        char last[16];
        int len = snprintf(last, sizeof last, "%d.", number + count - 1);
        widest = fonts_width(ls->fonts, FACE_REGULAR, ts->size, "0000000000", (size_t)len - 1) +
                 fonts_width(ls->fonts, FACE_REGULAR, ts->size, ".", 1);
    }
    double indent = ls->st->list_indent > widest + gap ? ls->st->list_indent : widest + gap;
    column inner = {col.x + indent, col.width - indent};
    int l_tag = tag_open(ls, TAG_L);
    for (cmark_node *item = cmark_node_first_child(node); item; item = cmark_node_next(item)) {
        flush_marker(ls); /* an empty item before */
        int li = tag_open(ls, TAG_LI);
        ls->marker.tag = tag_open(ls, TAG_LBL);
        tag_close(ls, ls->marker.tag);
        ls->marker.text =
            ordered ? arena_printf(ls->mem, "%d.", number++) : arena_strdup(ls->mem, bullet);
        ls->marker.face = FACE_REGULAR;
        ls->marker.size = ts->size;
        ls->marker.right = inner.x - gap;
        ls->marker.color = ts->color;
        int body = tag_open(ls, TAG_LBODY);
        layout_blocks(ls, item, inner);
        tag_close(ls, body);
        flush_marker(ls);
        tag_close(ls, li);
    }
    tag_close(ls, l_tag);
}

static void block_quote(layout_state *ls, cmark_node *node, column col)
{
    double indent = ls->st->list_indent;
    size_t first_page = page_index(ls);
    double top = ls->y;
    int quote = tag_open(ls, TAG_BLOCKQUOTE);
    layout_blocks(ls, node, (column){col.x + indent, col.width - indent});
    tag_close(ls, quote);
    double bottom = ls->y - ls->st->body.space_after;
    layout_page *current = ls->page;
    for (size_t p = first_page; p < ls->doc->npages; p++) {
        ls->page = &ls->doc->pages[p];
        double from = p == first_page ? top : page_top(ls);
        double to = ls->page == current ? bottom : ls->page->height - ls->st->margin_bottom;
        if (to > from)
            emit_line(ls, col.x + indent / 4, from, col.x + indent / 4, to, 1.5,
                      ls->st->rule_color);
    }
    ls->page = current;
}

/* A fenced block set as written, in the code face: long lines are cut. */
static void verbatim(layout_state *ls, const char *literal, column col)
{
    const text_style *ts = &ls->st->code;
    piece_list pl = {0};
    for (const char *p = literal; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        char *line = arena_alloc(ls->mem, len * 8 + 1), *o = line;
        for (size_t i = 0; i < len; i++) { /* spaces kept: no-break spaces */
            int times = p[i] == '\t' ? 4 : p[i] == ' ' ? 1 : 0;
            for (int t = 0; t < times; t++)
                o += sprintf(o, "\xc2\xa0");
            if (!times)
                *o++ = p[i];
        }
        *o = '\0';
        inline_add_code(ls, &pl, line, ts->size);
        *ARENA_PUSH(ls->mem, pl.items, pl.count, pl.cap) =
            (piece){.kind = PIECE_BREAK, .size = ts->size};
        p += len + (nl ? 1 : 0);
    }
    if (pl.count)
        pl.count--; /* the break after the last line */
    page_add_space(ls, ts->space_before);
    double indent = ts->size;
    int code = tag_open(ls, TAG_CODE);
    lines_set(ls, &pl, col.x + indent, col.width - indent, ts->size, ts->color, ALIGN_LEFT);
    tag_close(ls, code);
    ls->y += ts->space_after;
}

static void code_block(layout_state *ls, cmark_node *node, column col)
{
    const char *info = cmark_node_get_fence_info(node);
    const char *literal = cmark_node_get_literal(node);
    if (info && strcmp(info, "pagebreak") == 0) {
        ls->keep.active = false; /* a page break carries nothing set before it along */
        if (!page_is_empty(ls))
            page_new(ls);
    } else if (info && strcmp(info, "cover") == 0) {
        cover_layout(ls, literal ? literal : "");
    } else if (fenced_block(ls, node, col)) {
        return;
    } else if (literal) {
        verbatim(ls, literal, col);
    }
}

static void thematic_break(layout_state *ls, column col)
{
    const text_style *body = &ls->st->body;
    page_need(ls, body->size * 2);
    emit_rule(ls, col.x, ls->y + body->size, col.width, 0.5, ls->st->rule_color);
    ls->y += body->size * 2;
}

/* ---- the document ------------------------------------------------------- */

static bool in_tight_list(cmark_node *parent)
{
    cmark_node *list = cmark_node_parent(parent);
    return list && cmark_node_get_type(parent) == CMARK_NODE_ITEM &&
           cmark_node_get_list_tight(list);
}

static void layout_blocks(layout_state *ls, cmark_node *parent, column col)
{
    const text_style *body = &ls->st->body;
    for (cmark_node *n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
        cmark_node_type t = cmark_node_get_type(n);
        if (t == CMARK_NODE_PARAGRAPH) {
            paragraph(ls, n, col);
            ls->y += in_tight_list(parent) ? body->space_after / 3 : body->space_after;
        } else if (t == CMARK_NODE_HEADING) {
            heading(ls, n, col);
        } else if (t == CMARK_NODE_LIST) {
            list(ls, n, col);
            /* after its last line, as much space as after a paragraph */
            ls->y += in_tight_list(parent) ? 0 : body->space_after * 2 / 3;
        } else if (t == CMARK_NODE_BLOCK_QUOTE) {
            block_quote(ls, n, col);
        } else if (t == CMARK_NODE_CODE_BLOCK) {
            code_block(ls, n, col);
        } else if (t == CMARK_NODE_THEMATIC_BREAK) {
            flush_marker(ls);
            thematic_break(ls, col);
        } else if (strcmp(cmark_node_get_type_string(n), "table") == 0) {
            flush_marker(ls);
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
    for (size_t i = 0; i < ls->doc->npages; i++) {
        if (ls->plain_pages[i])
            continue;
        ls->page = &ls->doc->pages[i];
        double header_base = st->margin_top / 2;
        double footer_base = ls->page->height - st->margin_bottom / 2;
        int was = tag_enter(ls, TAG_ARTIFACT_HEADER);
        running_line(ls, st->header_left, &st->header, ALIGN_LEFT, header_base, info, i);
        running_line(ls, st->header_right, &st->header, ALIGN_RIGHT, header_base, info, i);
        tag_enter(ls, TAG_ARTIFACT_FOOTER);
        running_line(ls, st->footer_center, &st->footer, ALIGN_CENTER, footer_base, info, i);
        tag_leave(ls, was);
    }
}


/* How deep block quotes, lists, emphasis and links may nest. The layout
 * walks the tree by recursion, a few hundred bytes of stack a level: a
 * bound keeps any input far from the stack's end (even a thread's, under
 * AddressSanitizer), and no document needs a tenth of it. */
enum { MAX_NESTING = 100 };

static bool nests(cmark_node *n)
{
    cmark_node_type t = cmark_node_get_type(n);
    return t == CMARK_NODE_BLOCK_QUOTE || t == CMARK_NODE_LIST || t == CMARK_NODE_EMPH ||
           t == CMARK_NODE_STRONG || t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE ||
           strcmp(cmark_node_get_type_string(n), "strikethrough") == 0;
}

/* Walks the tree without recursion; false with an error at the first node
 * nested deeper than MAX_NESTING. */
static bool nesting_within_limit(cmark_node *root, const char *source, diag_list *dl)
{
    int depth = 0;
    bool ok = true;
    cmark_iter *it = cmark_iter_new(root);
    cmark_event_type ev;
    while (ok && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        if (!nests(n))
            continue;
        depth += ev == CMARK_EVENT_ENTER ? 1 : -1;
        if (depth > MAX_NESTING) {
            diag_add(dl, DIAG_ERROR, source, cmark_node_get_start_line(n),
                     cmark_node_get_start_column(n), NULL,
                     "block quotes, lists, emphasis and links nested more than %d deep",
                     MAX_NESTING);
            ok = false;
        }
    }
    cmark_iter_free(it);
    return ok;
}

/* The last page, when nothing was set on it (after a cover or a page break). */
static void drop_empty_last_page(layout_doc *d)
{
    if (d->npages > 1 && d->pages[d->npages - 1].count == 0)
        d->npages--;
}

bool layout_markdown(arena *mem, const char *markdown, size_t len, const style *st,
                     const font_set *fonts, const layout_info *info, layout_doc *out, diag_list *dl)
{
    size_t errors_before = dl->errors;
    const hyphenator *hyph = NULL;
    if (st->hyphenation.dictionary) {
        hyph = hyphenator_shared(st->hyphenation.dictionary, st->hyphenation.left_min,
                                 st->hyphenation.right_min);
        if (!hyph) {
            diag_add(dl, DIAG_ERROR, st->hyphenation.dictionary, 0, 0, NULL,
                     "cannot read the hyphenation dictionary");
            return false;
        }
    }
    hyphen_exceptions *exceptions = hyphen_exceptions_copy(mem, &st->hyphenation.exceptions);
    if (info->hyphenation &&
        hyphen_exceptions_read(mem, exceptions, info->hyphenation, strlen(info->hyphenation)))
        diag_add(dl, DIAG_WARNING, info->hyphenation_file, 0, 0, NULL,
                 "words that are not letters with hyphens between them are left out");
    cmark_node *root = markdown_parse(markdown, len);
    const char *source = info->source ? info->source : "Markdown";
    if (!nesting_within_limit(root, source, dl)) {
        cmark_node_free(root);
        return false;
    }
    *out = (layout_doc){.width = st->page_width, .height = st->page_height};
    layout_state ls = {.mem = mem,
                       .st = st,
                       .fonts = fonts,
                       .hyph = hyph,
                       .exceptions = exceptions,
                       .hyphen_cache = hyphen_cache_new(mem),
                       .doc = out,
                       .dl = dl,
                       .source = source,
                       .foot = {footnotes_height, footnotes_place, footnotes_finish_page},
                       .block_pieces = ARENA_NEW(mem, piece_list)};
    tags_begin(&ls);
    page_new(&ls);
    ls.notes = footnotes_collect(&ls, root);
    layout_blocks(&ls, root, (column){page_body_left(&ls), page_body_width(&ls)});
    flush_marker(&ls);
    footnotes_finish_page(&ls);
    drop_empty_last_page(out);
    toc_fill_in(&ls); /* the second pass: every heading's page is known now */
    running_header_footer(&ls, info);
    cmark_node_free(root);
    return dl->errors == errors_before;
}
