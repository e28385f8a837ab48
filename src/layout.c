#include "layout.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>
#include <stdio.h>
#include <string.h>

/* A piece of inline text in one face: a word, a space or a forced break. */
typedef enum { PIECE_WORD, PIECE_SPACE, PIECE_BREAK } piece_kind;

typedef struct {
    piece_kind kind;
    face_style face;
    const char *text;
    size_t len;
    double width;
} piece;

typedef struct {
    piece *items;
    size_t count, cap;
} piece_list;

typedef struct {
    arena *mem;
    const style *st;
    const font_set *fonts;
    layout_doc *doc;
    layout_page *page;
    double y; /* distance from the top of the page to the top of the next line */
} layout_state;

static double top_of_body(const layout_state *ls) { return ls->st->margin_top; }
static double bottom_of_body(const layout_state *ls) { return ls->doc->height - ls->st->margin_bottom; }
static double body_left(const layout_state *ls) { return ls->st->margin_left; }
static double body_width(const layout_state *ls)
{
    return ls->doc->width - ls->st->margin_left - ls->st->margin_right;
}

static void new_page(layout_state *ls)
{
    layout_doc *d = ls->doc;
    ls->page = ARENA_PUSH(ls->mem, d->pages, d->npages, d->pages_cap);
    ls->y = top_of_body(ls);
}

static bool page_is_empty(const layout_state *ls)
{
    return ls->y <= top_of_body(ls) + 0.01;
}

/* Makes room for `height` points, starting a new page when they do not fit. */
static void need(layout_state *ls, double height)
{
    if (ls->y + height > bottom_of_body(ls) && !page_is_empty(ls))
        new_page(ls);
}

static void emit_text(layout_state *ls, double x, double baseline_from_top, face_style face,
                      double size, uint32_t color, const char *text, size_t len, double width)
{
    box *b = ARENA_PUSH(ls->mem, ls->page->boxes, ls->page->count, ls->page->cap);
    *b = (box){.kind = BOX_TEXT, .x = x, .y = ls->doc->height - baseline_from_top,
               .width = width, .face = face, .size = size, .color = color,
               .text = arena_strndup(ls->mem, text, len)};
}

static void emit_rule(layout_state *ls, double x, double y_from_top, double length,
                      double thickness, uint32_t color)
{
    box *b = ARENA_PUSH(ls->mem, ls->page->boxes, ls->page->count, ls->page->cap);
    *b = (box){.kind = BOX_RULE, .x = x, .y = ls->doc->height - y_from_top, .width = length,
               .thickness = thickness, .color = color};
}

/* ---- inline content ---------------------------------------------------- */

static face_style with_bold(face_style f)
{
    return f == FACE_ITALIC || f == FACE_BOLD_ITALIC ? FACE_BOLD_ITALIC : FACE_BOLD;
}

static face_style with_italic(face_style f)
{
    return f == FACE_BOLD || f == FACE_BOLD_ITALIC ? FACE_BOLD_ITALIC : FACE_ITALIC;
}

static void push_piece(layout_state *ls, piece_list *pl, piece_kind kind, face_style face,
                       const char *text, size_t len, double size)
{
    piece *p = ARENA_PUSH(ls->mem, pl->items, pl->count, pl->cap);
    *p = (piece){.kind = kind, .face = face, .text = text, .len = len};
    if (kind != PIECE_BREAK)
        p->width = fonts_width(ls->fonts, face, size, text, len);
}

/* Splits text at ASCII spaces into words and spaces. */
static void add_text(layout_state *ls, piece_list *pl, face_style face, const char *s,
                     double size)
{
    size_t len = strlen(s), i = 0;
    while (i < len) {
        size_t j = i;
        bool space = s[i] == ' ';
        while (j < len && (s[j] == ' ') == space)
            j++;
        push_piece(ls, pl, space ? PIECE_SPACE : PIECE_WORD, face, space ? " " : s + i,
                   space ? 1 : j - i, size);
        i = j;
    }
}

static void collect_inlines(layout_state *ls, cmark_node *node, face_style face,
                            piece_list *pl, double size)
{
    for (cmark_node *n = cmark_node_first_child(node); n; n = cmark_node_next(n)) {
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
            add_text(ls, pl, face, cmark_node_get_literal(n), size);
            break;
        case CMARK_NODE_SOFTBREAK:
            add_text(ls, pl, face, " ", size);
            break;
        case CMARK_NODE_LINEBREAK:
            push_piece(ls, pl, PIECE_BREAK, face, "", 0, size);
            break;
        case CMARK_NODE_STRONG:
            collect_inlines(ls, n, with_bold(face), pl, size);
            break;
        case CMARK_NODE_EMPH:
            collect_inlines(ls, n, with_italic(face), pl, size);
            break;
        default:
            collect_inlines(ls, n, face, pl, size);
            break;
        }
    }
}

/* ---- line breaking ------------------------------------------------------ */

typedef struct {
    size_t start, end; /* pieces [start, end) without the spaces at either end */
    double width;
} line_span;

/* Greedy line breaking: fills each line with as many words as fit. */
static size_t break_lines(arena *mem, const piece_list *pl, double width, line_span **out)
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

typedef enum { ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT } text_align;

/* Draws one line's pieces starting at x, merging neighbours of one face. */
static void draw_line(layout_state *ls, const piece_list *pl, const line_span *l, double x,
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
static void set_lines(layout_state *ls, const piece_list *pl, double x, double width,
                      double size, uint32_t color, text_align align)
{
    line_span *lines;
    size_t n = break_lines(ls->mem, pl, width, &lines);
    double line_height = size * ls->st->leading;
    double ascent = fonts_ascent(ls->fonts, FACE_REGULAR, size);
    for (size_t k = 0; k < n; k++) {
        need(ls, line_height);
        double lx = x;
        if (align == ALIGN_RIGHT)
            lx = x + width - lines[k].width;
        else if (align == ALIGN_CENTER)
            lx = x + (width - lines[k].width) / 2;
        double baseline = ls->y + ascent + (line_height - size) / 2;
        draw_line(ls, pl, &lines[k], lx, baseline, size, color);
        ls->y += line_height;
    }
}

/* ---- blocks ------------------------------------------------------------- */

typedef struct {
    double x, width; /* the column blocks are set in */
} column;

static void layout_blocks(layout_state *ls, cmark_node *parent, column col);

static void paragraph(layout_state *ls, cmark_node *node, column col, face_style face,
                      const text_style *ts)
{
    piece_list pl = {0};
    collect_inlines(ls, node, face, &pl, ts->size);
    set_lines(ls, &pl, col.x, col.width, ts->size, ts->color, ALIGN_LEFT);
}

static const char *plain_text(layout_state *ls, cmark_node *node)
{
    size_t cap = 0, len = 0;
    char *buf = NULL;
    cmark_iter *it = cmark_iter_new(node);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        if (ev != CMARK_EVENT_ENTER)
            continue;
        cmark_node_type t = cmark_node_get_type(n);
        const char *lit = t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE ? cmark_node_get_literal(n)
                          : t == CMARK_NODE_SOFTBREAK ? " " : NULL;
        if (!lit)
            continue;
        size_t l = strlen(lit);
        buf = arena_grow(ls->mem, buf, &cap, len + l + 1, 1);
        memcpy(buf + len, lit, l);
        len += l;
        buf[len] = '\0';
    }
    cmark_iter_free(it);
    return buf ? buf : "";
}

static void draw_lines_at(layout_state *ls, const piece_list *pl, const line_span *lines,
                          size_t n, double x, double width, double top, double size,
                          uint32_t color, text_align align)
{
    double line_height = size * ls->st->leading;
    double ascent = fonts_ascent(ls->fonts, FACE_REGULAR, size);
    for (size_t k = 0; k < n; k++) {
        double lx = align == ALIGN_RIGHT    ? x + width - lines[k].width
                    : align == ALIGN_CENTER ? x + (width - lines[k].width) / 2
                                            : x;
        double baseline = top + k * line_height + ascent + (line_height - size) / 2;
        draw_line(ls, pl, &lines[k], lx, baseline, size, color);
    }
}

static void add_space(layout_state *ls, double points)
{
    if (!page_is_empty(ls))
        ls->y += points;
}

static void heading(layout_state *ls, cmark_node *node, column col)
{
    int level = cmark_node_get_heading_level(node);
    const text_style *ts = &ls->st->headings[level > 3 ? 2 : level - 1];
    piece_list pl = {0};
    collect_inlines(ls, node, FACE_BOLD, &pl, ts->size);
    line_span *lines;
    size_t n = break_lines(ls->mem, &pl, col.width, &lines);
    double line_height = ts->size * 1.2;
    double body_line = ls->st->body.size * ls->st->leading;
    /* Keep the heading with at least two lines of what follows. */
    add_space(ls, ts->space_before);
    need(ls, n * line_height + ts->space_after + 2 * body_line);
    layout_doc *d = ls->doc;
    layout_heading *h = ARENA_PUSH(ls->mem, d->headings, d->nheadings, d->headings_cap);
    *h = (layout_heading){.level = level, .title = plain_text(ls, node),
                          .page = d->npages - 1, .y = d->height - ls->y};
    double ascent = fonts_ascent(ls->fonts, FACE_BOLD, ts->size);
    for (size_t k = 0; k < n; k++) {
        draw_line(ls, &pl, &lines[k], col.x, ls->y + ascent, ts->size, ts->color);
        ls->y += line_height;
    }
    ls->y += ts->space_after;
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
        need(ls, line_height);
        char marker[16];
        if (ordered)
            snprintf(marker, sizeof marker, "%d.", number++);
        else
            snprintf(marker, sizeof marker, "\xe2\x80\xa2"); /* U+2022 bullet */
        size_t mlen = strlen(marker);
        double mw = fonts_width(ls->fonts, FACE_REGULAR, ts->size, marker, mlen);
        double ascent = fonts_ascent(ls->fonts, FACE_REGULAR, ts->size);
        double baseline = ls->y + ascent + (line_height - ts->size) / 2;
        emit_text(ls, inner.x - mw - 5, baseline, FACE_REGULAR, ts->size, ts->color, marker,
                  mlen, mw);
        layout_blocks(ls, item, inner);
    }
}

static void code_block(layout_state *ls, cmark_node *node, column col)
{
    const char *info = cmark_node_get_fence_info(node);
    if (info && strcmp(info, "pagebreak") == 0) {
        if (!page_is_empty(ls))
            new_page(ls);
        return;
    }
    const text_style *ts = &ls->st->body;
    const char *lit = cmark_node_get_literal(node);
    for (const char *p = lit; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        piece_list pl = {0};
        add_text(ls, &pl, FACE_REGULAR, arena_strndup(ls->mem, p, len), ts->size);
        set_lines(ls, &pl, col.x, col.width, ts->size, ts->color, ALIGN_LEFT);
        p += len + (nl ? 1 : 0);
    }
    ls->y += ts->space_after;
}

/* ---- tables ------------------------------------------------------------- */

enum { TABLE_MAX_COLUMNS = 32 };

typedef struct {
    piece_list cells[TABLE_MAX_COLUMNS];
    bool header, strong;
} table_row;

static const double CELL_PAD = 4;

static double natural_width(const piece_list *pl, double *longest_word)
{
    double w = 0;
    *longest_word = 0;
    for (size_t i = 0; i < pl->count; i++) {
        w += pl->items[i].width;
        if (pl->items[i].kind == PIECE_WORD && pl->items[i].width > *longest_word)
            *longest_word = pl->items[i].width;
    }
    return w;
}

static bool row_is_strong(const table_row *r, int ncols)
{
    bool any = false;
    for (int c = 0; c < ncols; c++) {
        const piece_list *pl = &r->cells[c];
        for (size_t i = 0; i < pl->count; i++) {
            if (pl->items[i].kind != PIECE_WORD)
                continue;
            if (pl->items[i].face != FACE_BOLD && pl->items[i].face != FACE_BOLD_ITALIC)
                return false;
            any = true;
        }
    }
    return any;
}

/* Column widths: natural widths when they fit (the widest left-aligned
 * column takes what is left), otherwise shrunk toward the longest word. */
static void fit_columns(const table_row *rows, size_t nrows, int ncols, const uint8_t *align,
                        double available, double *widths)
{
    double natural[TABLE_MAX_COLUMNS] = {0}, minimum[TABLE_MAX_COLUMNS] = {0};
    double total = 0, total_min = 0;
    for (int c = 0; c < ncols; c++) {
        for (size_t r = 0; r < nrows; r++) {
            double word;
            double w = natural_width(&rows[r].cells[c], &word) + 2 * CELL_PAD;
            if (w > natural[c])
                natural[c] = w;
            if (word + 2 * CELL_PAD > minimum[c])
                minimum[c] = word + 2 * CELL_PAD;
        }
        total += natural[c];
        total_min += minimum[c];
    }
    if (total <= available) {
        int widest = 0;
        for (int c = 0; c < ncols; c++)
            if (align[c] != 'r' && natural[c] > natural[widest])
                widest = c;
        for (int c = 0; c < ncols; c++)
            widths[c] = natural[c] + (c == widest ? available - total : 0);
        return;
    }
    double excess = total - available, slack = total - total_min;
    for (int c = 0; c < ncols; c++) {
        if (slack >= excess)
            widths[c] = natural[c] - excess * (natural[c] - minimum[c]) / slack;
        else /* even the longest words do not fit: they will be squeezed */
            widths[c] = minimum[c] * available / total_min;
    }
}

static double draw_row(layout_state *ls, const table_row *row, int ncols, const uint8_t *align,
                       const double *widths, double x, bool measure_only)
{
    const text_style *ts = &ls->st->table;
    double line_height = ts->size * ls->st->leading;
    size_t most = 1;
    line_span *lines[TABLE_MAX_COLUMNS];
    size_t nlines[TABLE_MAX_COLUMNS];
    for (int c = 0; c < ncols; c++) {
        nlines[c] = break_lines(ls->mem, &row->cells[c], widths[c] - 2 * CELL_PAD, &lines[c]);
        if (nlines[c] > most)
            most = nlines[c];
    }
    double height = most * line_height + 2;
    if (measure_only)
        return height;
    for (int c = 0; c < ncols; c++) {
        text_align a = align[c] == 'r' ? ALIGN_RIGHT : align[c] == 'c' ? ALIGN_CENTER : ALIGN_LEFT;
        draw_lines_at(ls, &row->cells[c], lines[c], nlines[c], x + CELL_PAD,
                      widths[c] - 2 * CELL_PAD, ls->y + 1, ts->size, ts->color, a);
        x += widths[c];
    }
    return height;
}

static void table(layout_state *ls, cmark_node *node, column col)
{
    int ncols = (int)cmark_gfm_extensions_get_table_columns(node);
    if (ncols > TABLE_MAX_COLUMNS)
        ncols = TABLE_MAX_COLUMNS;
    uint8_t align[TABLE_MAX_COLUMNS] = {0};
    const uint8_t *given = cmark_gfm_extensions_get_table_alignments(node);
    for (int c = 0; c < ncols && given; c++)
        align[c] = given[c];

    size_t nrows = 0, cap = 0;
    table_row *rows = NULL;
    const text_style *ts = &ls->st->table;
    for (cmark_node *r = cmark_node_first_child(node); r; r = cmark_node_next(r)) {
        table_row *row = ARENA_PUSH(ls->mem, rows, nrows, cap);
        row->header = cmark_gfm_extensions_get_table_row_is_header(r);
        int c = 0;
        for (cmark_node *cell = cmark_node_first_child(r); cell && c < ncols;
             cell = cmark_node_next(cell), c++)
            collect_inlines(ls, cell, row->header ? FACE_BOLD : FACE_REGULAR, &row->cells[c],
                            ts->size);
        row->strong = !row->header && row_is_strong(row, ncols);
    }
    if (nrows == 0)
        return;
    double widths[TABLE_MAX_COLUMNS];
    fit_columns(rows, nrows, ncols, align, col.width, widths);
    double table_width = 0;
    for (int c = 0; c < ncols; c++)
        table_width += widths[c];

    const table_row *header = rows[0].header ? &rows[0] : NULL;
    double header_height = header ? draw_row(ls, header, ncols, align, widths, col.x, true) : 0;
    add_space(ls, ts->space_before);
    for (size_t r = 0; r < nrows; r++) {
        const table_row *row = &rows[r];
        double h = draw_row(ls, row, ncols, align, widths, col.x, true);
        /* Never leave the header alone at the foot of a page. */
        double want = h + (row->header ? draw_row(ls, &rows[r + 1 < nrows ? r + 1 : r], ncols,
                                                  align, widths, col.x, true) : 0);
        if (ls->y + want > bottom_of_body(ls) && !page_is_empty(ls)) {
            new_page(ls);
            if (header && !row->header) {
                draw_row(ls, header, ncols, align, widths, col.x, false);
                ls->y += header_height;
                emit_rule(ls, col.x, ls->y, table_width, 0.8, ls->st->rule_color);
            }
        }
        if (row->strong)
            emit_rule(ls, col.x, ls->y, table_width, 0.5, ls->st->rule_color);
        draw_row(ls, row, ncols, align, widths, col.x, false);
        ls->y += h;
        if (row->header)
            emit_rule(ls, col.x, ls->y, table_width, 0.8, ls->st->rule_color);
    }
    emit_rule(ls, col.x, ls->y, table_width, 0.5, ls->st->rule_color);
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
            need(ls, body->size);
            emit_rule(ls, col.x, ls->y + body->size / 2, col.width, 0.5, ls->st->rule_color);
            ls->y += body->size;
        } else if (strcmp(cmark_node_get_type_string(n), "table") == 0) {
            table(ls, n, col);
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
                         text_align align, double baseline, const layout_info *info,
                         size_t page)
{
    if (!format || !*format)
        return;
    const char *text = running_text(ls->mem, format, info, page + 1, ls->doc->npages);
    size_t len = strlen(text);
    double w = fonts_width(ls->fonts, FACE_REGULAR, ts->size, text, len);
    double x = align == ALIGN_LEFT    ? body_left(ls)
               : align == ALIGN_RIGHT ? body_left(ls) + body_width(ls) - w
                                      : body_left(ls) + (body_width(ls) - w) / 2;
    emit_text(ls, x, baseline, FACE_REGULAR, ts->size, ts->color, text, len, w);
}

static void running_header_footer(layout_state *ls, const layout_info *info)
{
    const style *st = ls->st;
    double header_base = st->margin_top / 2;
    double footer_base = ls->doc->height - st->margin_bottom / 2;
    for (size_t i = 0; i < ls->doc->npages; i++) {
        ls->page = &ls->doc->pages[i];
        if (i > 0) {
            running_line(ls, st->header_left, &st->header, ALIGN_LEFT, header_base, info, i);
            running_line(ls, st->header_right, &st->header, ALIGN_RIGHT, header_base, info, i);
        }
        running_line(ls, st->footer_center, &st->footer, ALIGN_CENTER, footer_base, info, i);
    }
}

bool layout_markdown(arena *mem, const char *markdown, size_t len, const style *st,
                     const font_set *fonts, const layout_info *info, layout_doc *out,
                     diag_list *dl)
{
    (void)dl;
    cmark_gfm_core_extensions_ensure_registered();
    int options = CMARK_OPT_FOOTNOTES | CMARK_OPT_SOURCEPOS;
    cmark_parser *parser = cmark_parser_new(options);
    static const char *const extensions[] = {"table", "strikethrough", "autolink"};
    for (size_t i = 0; i < sizeof extensions / sizeof extensions[0]; i++)
        cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(extensions[i]));
    cmark_parser_feed(parser, markdown, len);
    cmark_node *root = cmark_parser_finish(parser);

    *out = (layout_doc){.width = st->page_width, .height = st->page_height};
    layout_state ls = {.mem = mem, .st = st, .fonts = fonts, .doc = out};
    new_page(&ls);
    layout_blocks(&ls, root, (column){body_left(&ls), body_width(&ls)});
    running_header_footer(&ls, info);

    cmark_node_free(root);
    cmark_parser_free(parser);
    return true;
}
