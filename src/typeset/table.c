#include "table.h"

#include <cmark-gfm-core-extensions.h>
#include <math.h>
#include <string.h>

#include "format.h"
#include "tags.h"
#include "inline.h"
#include "linedraw.h"

static const double CELL_PAD = 4;    /* left and right of the text of a cell */
static const double ROW_PAD = 1.5;   /* above and below the text of a row */
static const double SIZE_STEP = 0.5; /* how a wide table shrinks its type */
static const double COMFORT_EMS = 7; /* a text column narrower than this wraps too often */

typedef enum { ROW_HEADER, ROW_BODY, ROW_GROUP, ROW_TOTAL } row_kind;

typedef struct {
    piece_list text;
    bool figure; /* a number, aligned on its digits */
    bool dash;   /* a figure that is only a dash: none */
    double tail; /* width of what follows the integer digits: ",5 %" */
    line_span *lines;
    size_t nlines;
} table_cell;

typedef struct {
    table_cell *cells;
    row_kind kind;
    size_t nlines;
    double height;
    int *tags; /* the element of each cell (a group heading: one for all), once drawn */
} table_row;

typedef struct {
    table_row *rows;
    size_t nrows;
    int ncols;
    text_align *align;
    bool *digits;  /* the column aligns figures on their digits */
    double *tail;  /* the widest tail of its figures */
    double *width; /* of each column */
    double base_size, size, line_height;
    double page_width, page_height; /* of the pages the table is set on */
    double x, total_width;
    double pad; /* left and right of the text of a cell: CELL_PAD unless squeezed */
    bool stub;  /* the first column names the row: a TH with /Scope Row */
    size_t break_before; /* a row that starts a new page, or 0 */
} table;

/* ---- reading the cells -------------------------------------------------- */

static size_t skip_prefix(const char *s, size_t len, size_t i, const char *const *prefixes)
{
    for (size_t k = 0; prefixes[k]; k++) {
        size_t n = strlen(prefixes[k]);
        if (i + n <= len && memcmp(s + i, prefixes[k], n) == 0)
            return i + n;
    }
    return i;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* When `s` is a figure ("10 014", "−745", "12,5 %", "50 %", or a dash for
 * none), the length of its part up to the last integer digit; else 0. */
static size_t figure_integer_end(const char *s, size_t len)
{
    static const char *const signs[] = {"-", "+", MINUS, "\xe2\x80\x93", NULL};
    static const char *const groups[] = {" ", NBSP, "\xe2\x80\xaf", "\xe2\x80\x89", NULL};
    static const char *const spaces[] = {" ", NBSP, "\xe2\x80\xaf", NULL};
    static const char *const units[] = {"%", "\xe2\x80\xb0", "tkr", "mkr", "kr", "st", NULL};
    size_t i = skip_prefix(s, len, 0, signs);
    if (i == len && i > 0)
        return len; /* a dash alone: nothing to show */
    if (i >= len || !is_digit(s[i]))
        return 0;
    while (i < len && is_digit(s[i]))
        i++;
    for (;;) { /* groups of three digits after a space */
        size_t g = skip_prefix(s, len, i, groups);
        bool three = g > i && g + 3 <= len && is_digit(s[g]) && is_digit(s[g + 1]) &&
                     is_digit(s[g + 2]) && (g + 3 == len || !is_digit(s[g + 3]));
        if (!three)
            break;
        i = g + 3;
    }
    size_t end = i;
    if (i + 1 < len && (s[i] == ',' || s[i] == '.') && is_digit(s[i + 1]))
        for (i++; i < len && is_digit(s[i]); i++)
            ;
    size_t unit = skip_prefix(s, len, skip_prefix(s, len, i, spaces), units);
    if (unit > i && unit == len)
        i = len;
    return i == len ? end : 0;
}

static const char *cell_text(layout_state *ls, const piece_list *pl, size_t *len)
{
    size_t total = 0;
    for (size_t i = 0; i < pl->count; i++)
        total += pl->items[i].len;
    char *s = arena_alloc(ls->mem, total + 1);
    *len = 0;
    for (size_t i = 0; i < pl->count; i++) {
        memcpy(s + *len, pl->items[i].text, pl->items[i].len);
        *len += pl->items[i].len;
    }
    return s;
}

/* A figure becomes one unbreakable word, and its tail is measured. */
static void read_figure(layout_state *ls, table_cell *cell, double size)
{
    size_t len;
    const char *s = cell_text(ls, &cell->text, &len);
    size_t end = len ? figure_integer_end(s, len) : 0;
    if (!end)
        return;
    face_style face = cell->text.items[0].face;
    cell->figure = true;
    cell->dash = end == len;
    for (size_t i = 0; i < end && cell->dash; i++)
        cell->dash = !is_digit(s[i]);
    cell->tail = fonts_width(ls->fonts, face, size, s + end, len - end);
    cell->text.count = 0;
    piece *p = ARENA_PUSH(ls->mem, cell->text.items, cell->text.count, cell->text.cap);
    *p = (piece){.kind = PIECE_WORD,
                 .face = face,
                 .text = s,
                 .len = len,
                 .width = fonts_width(ls->fonts, face, size, s, len)};
}

static bool all_words(const table_row *r, int ncols, bool (*test)(face_style))
{
    bool any = false;
    for (int c = 0; c < ncols; c++) {
        const piece_list *pl = &r->cells[c].text;
        for (size_t i = 0; i < pl->count; i++) {
            if (pl->items[i].kind != PIECE_WORD)
                continue;
            if (!test(pl->items[i].face))
                return false;
            any = true;
        }
    }
    return any;
}

static bool is_bold(face_style f)
{
    return f == FACE_BOLD || f == FACE_BOLD_ITALIC;
}

static bool is_italic(face_style f)
{
    return f == FACE_ITALIC || f == FACE_BOLD_ITALIC;
}

static bool cell_is_empty(const table_cell *cell)
{
    for (size_t i = 0; i < cell->text.count; i++)
        if (cell->text.items[i].kind == PIECE_WORD)
            return false;
    return true;
}

static row_kind body_row_kind(const table_row *r, int ncols)
{
    bool strong = all_words(r, ncols, is_bold);
    if (!strong && !all_words(r, ncols, is_italic))
        return ROW_BODY;
    for (int c = 1; c < ncols; c++)
        if (!cell_is_empty(&r->cells[c]))
            return strong ? ROW_TOTAL : ROW_BODY;
    return ROW_GROUP;
}

static void read_rows(layout_state *ls, cmark_node *node, table *t)
{
    size_t cap = 0;
    for (cmark_node *r = cmark_node_first_child(node); r; r = cmark_node_next(r)) {
        table_row *row = ARENA_PUSH(ls->mem, t->rows, t->nrows, cap);
        row->cells = ARENA_ARRAY(ls->mem, table_cell, (size_t)t->ncols);
        bool header = cmark_gfm_extensions_get_table_row_is_header(r);
        int c = 0;
        for (cmark_node *cell = cmark_node_first_child(r); cell && c < t->ncols;
             cell = cmark_node_next(cell), c++) {
            inline_collect(ls, cell, header ? FACE_BOLD : FACE_REGULAR, &row->cells[c].text,
                           t->base_size);
            read_figure(ls, &row->cells[c], t->base_size);
        }
        row->kind = header ? ROW_HEADER : body_row_kind(row, t->ncols);
    }
}

/* Figures in every filled cell below the header (and at least one that is
 * more than a dash) make a column of figures. */
static bool column_of_figures(const table *t, int c)
{
    bool any = false;
    for (size_t r = 0; r < t->nrows; r++) {
        const table_cell *cell = &t->rows[r].cells[c];
        if (t->rows[r].kind == ROW_HEADER || cell_is_empty(cell))
            continue;
        if (!cell->figure)
            return false;
        any = any || !cell->dash;
    }
    return any;
}

/* Text in the first column and figures in another, under a header row:
 * the first column names the row ("Individinriktade insatser | 1 200"). */
static bool has_stub_column(const table *t)
{
    if (t->ncols < 2 || !t->nrows || t->rows[0].kind != ROW_HEADER || column_of_figures(t, 0))
        return false;
    for (int c = 1; c < t->ncols; c++)
        if (column_of_figures(t, c))
            return true;
    return false;
}

static void read_alignment(cmark_node *node, table *t)
{
    t->stub = has_stub_column(t);
    const uint8_t *given = cmark_gfm_extensions_get_table_alignments(node);
    for (int c = 0; c < t->ncols; c++) {
        uint8_t a = given ? given[c] : 0;
        bool figures = column_of_figures(t, c);
        t->align[c] = a == 'c'                          ? ALIGN_CENTER
                      : a == 'r' || (a == 0 && figures) ? ALIGN_RIGHT
                                                        : ALIGN_LEFT;
        t->digits[c] = figures && t->align[c] == ALIGN_RIGHT;
        for (size_t r = 0; r < t->nrows && t->digits[c]; r++)
            if (t->rows[r].cells[c].figure && t->rows[r].cells[c].tail > t->tail[c])
                t->tail[c] = t->rows[r].cells[c].tail;
    }
}

/* ---- column widths -------------------------------------------------------- */

bool table_fit_columns(const column_need *need, int ncols, double available, bool stretch,
                       double *widths)
{
    double min = 0, want = 0, max = 0;
    for (int c = 0; c < ncols; c++) {
        min += need[c].min;
        want += need[c].want;
        max += need[c].max;
    }
    for (int c = 0; c < ncols; c++) {
        const column_need *n = &need[c];
        if (max <= available)
            widths[c] = n->max + (stretch && max > 0 ? (available - max) * n->max / max : 0);
        else if (want <= available)
            widths[c] = n->want + (n->max - n->want) * (available - want) / (max - want);
        else if (min <= available)
            widths[c] = n->min + (n->want - n->min) * (available - min) / (want - min);
        else
            widths[c] = n->min * available / min;
    }
    return min <= available;
}

static void piece_widths(const piece_list *pl, double *natural, double *longest)
{
    *natural = *longest = 0;
    for (size_t i = 0; i < pl->count; i++) {
        *natural += pl->items[i].width;
        if (pl->items[i].kind == PIECE_WORD && pl->items[i].width > *longest)
            *longest = pl->items[i].width;
    }
}

/* What each column needs at the table's base size, padding left out. */
static void content_needs(const table *t, column_need *need)
{
    for (int c = 0; c < t->ncols; c++) {
        column_need *n = &need[c];
        double figures = 0;
        *n = (column_need){.numeric = t->digits[c]};
        for (size_t r = 0; r < t->nrows; r++) {
            const table_cell *cell = &t->rows[r].cells[c];
            double natural, longest;
            piece_widths(&cell->text, &natural, &longest);
            if (t->digits[c] && cell->figure) {
                figures = fmax(figures, natural - cell->tail);
                continue;
            }
            n->min = fmax(n->min, longest);
            n->max = fmax(n->max, natural);
        }
        if (t->digits[c]) {
            figures += t->tail[c];
            n->min = fmax(n->min, figures);
            n->max = n->want = fmax(n->max, figures);
        } else {
            n->want = fmin(n->max, fmax(n->min, COMFORT_EMS * t->base_size));
        }
    }
}

/* What a column of figures wants when its heading may wrap: the figures
 * and the heading's longest word, and the heading on two lines or fewer. */
static double wrapped_want(const column_need *n)
{
    return n->numeric ? fmin(n->want, fmax(n->min, n->want / 2)) : n->want;
}

/* Fits the columns at `size`, the headings of figures on one line or, with
 * `wrap`, on two; what they would want in all. */
static double fit_at(const table *t, const column_need *content, double size, bool wrap,
                     double available, double *widths)
{
    double scale = size / t->base_size, want = 0, max = 0;
    column_need need[t->ncols];
    for (int c = 0; c < t->ncols; c++) {
        double w = wrap ? wrapped_want(&content[c]) : content[c].want;
        need[c] = (column_need){.min = content[c].min * scale + 2 * CELL_PAD,
                                .want = w * scale + 2 * CELL_PAD,
                                .max = content[c].max * scale + 2 * CELL_PAD,
                                .numeric = content[c].numeric};
        want += need[c].want;
        max += need[c].max;
    }
    bool stretch = max >= 0.6 * available;
    table_fit_columns(need, t->ncols, available, stretch, widths);
    return want;
}

/* Chooses the page size and the type size: the text width at the table's own
 * size if the figures and their headings fit on one line, or else with the
 * headings over figures wrapped to two lines (a page is turned only for a
 * table that cannot fit upright); else what the style tries first
 * (landscape or smaller type), then the other; at worst the smallest type
 * on a landscape page, with the columns squeezed. */
static void choose_setting(layout_state *ls, table *t, column col)
{
    const table_look *look = &ls->st->tables;
    const layout_doc *d = ls->doc;
    bool portrait_doc = d->height > d->width;
    double turned = portrait_doc ? d->height - d->width : 0;
    int nsizes = 1 + (int)floor((t->base_size - look->min_size) / SIZE_STEP + 1e-9);
    if (nsizes < 1)
        nsizes = 1;
    column_need content[t->ncols];
    content_needs(t, content);
    for (int landscape = 0; landscape <= (turned > 0); landscape++) {
        bool shrink = landscape || look->wide == WIDE_TABLE_SHRINK;
        for (int k = 0; k < (shrink ? nsizes : 1); k++) {
            t->size = t->base_size - k * SIZE_STEP;
            t->page_width = landscape ? d->height : d->width;
            t->page_height = landscape ? d->width : d->height;
            double available = col.width + (landscape ? turned : 0);
            for (int wrap = 0; wrap <= 1; wrap++)
                if (fit_at(t, content, t->size, wrap, available, t->width) <= available)
                    return;
        }
    }
}

/* ---- setting the cells ---------------------------------------------------- */

static void scale_pieces(piece_list *pl, double scale)
{
    for (size_t i = 0; i < pl->count; i++) {
        pl->items[i].width *= scale;
        pl->items[i].size *= scale;
    }
}

/* Breaks every cell into lines at the chosen widths and size. */
static void shape_rows(layout_state *ls, table *t)
{
    double scale = t->size / t->base_size;
    t->line_height = line_height(ls, t->size);
    t->total_width = 0;
    t->pad = CELL_PAD;
    for (int c = 0; c < t->ncols; c++) {
        t->tail[c] *= scale;
        t->total_width += t->width[c];
        t->pad = fmin(t->pad, t->width[c] / 4);
    }
    for (size_t r = 0; r < t->nrows; r++) {
        table_row *row = &t->rows[r];
        row->nlines = 1;
        for (int c = 0; c < t->ncols; c++) {
            table_cell *cell = &row->cells[c];
            double inner = t->width[c] - 2 * t->pad;
            scale_pieces(&cell->text, scale);
            cell->tail *= scale;
            cell->nlines = lines_break(ls->mem, &cell->text, inner, &cell->lines);
            if (cell->nlines > row->nlines)
                row->nlines = cell->nlines;
        }
        row->height = row->nlines * t->line_height + 2 * ROW_PAD;
    }
}

/* How cell c of the row is tagged: TH with /Scope Column in the header
 * row, TH with /Scope Row for a filled cell of the stub column, TD else. */
static tag_scope cell_scope(const table *t, const table_row *row, int c)
{
    if (row->kind == ROW_HEADER)
        return SCOPE_COLUMN;
    bool names_row = t->stub && c == 0 && row->kind != ROW_GROUP;
    return names_row && !cell_is_empty(&row->cells[0]) ? SCOPE_ROW : SCOPE_NONE;
}

/* The row's TR and its cells, in the element being set (THead or TBody);
 * a group heading is one TD across every column. */
static void tag_row(layout_state *ls, const table *t, table_row *row)
{
    row->tags = ARENA_ARRAY(ls->mem, int, (size_t)t->ncols);
    int tr = tag_open(ls, TAG_TR);
    for (int c = 0; c < t->ncols; c++) {
        if (row->kind == ROW_GROUP && c > 0) {
            row->tags[c] = row->tags[0];
            continue;
        }
        tag_scope scope = cell_scope(t, row, c);
        row->tags[c] = tag_open(ls, scope != SCOPE_NONE ? TAG_TH : TAG_TD);
        tag_elem *e = tag_get(ls, row->tags[c]);
        e->scope = scope;
        if (row->kind == ROW_GROUP)
            e->colspan = t->ncols;
        tag_close(ls, row->tags[c]);
    }
    tag_close(ls, tr);
}

/* Draws lines [from, to) of a row with its first line at `top`, each cell
 * into its element (unless an artifact is being set: a repeated header). */
static void draw_row_lines(layout_state *ls, const table *t, table_row *row, size_t from,
                           size_t to, double top)
{
    const text_style *ts = &ls->st->table;
    double x = t->x;
    bool artifact = ls->tag < 0;
    if (!row->tags && !artifact)
        tag_row(ls, t, row);
    for (int c = 0; c < t->ncols; c++) {
        const table_cell *cell = &row->cells[c];
        int was = tag_enter(ls, artifact ? ls->tag : row->tags[c]);
        double inner = t->width[c] - 2 * t->pad;
        if (cell->figure && t->digits[c] && from == 0 && cell->nlines == 1) {
            double right = x + t->width[c] - t->pad - t->tail[c] + cell->tail;
            double width = cell->text.items[0].width; /* a figure is one word */
            lines_draw_one(ls, &cell->text, &cell->lines[0], right - width,
                           baseline_in(ls, top + ROW_PAD, t->size), t->size, ts->color);
        } else if (from < cell->nlines) {
            size_t n = (to < cell->nlines ? to : cell->nlines) - from;
            lines_draw_at(ls, &cell->text, cell->lines + from, n, x + t->pad, inner, top + ROW_PAD,
                          t->size, ts->color, t->align[c]);
        }
        tag_leave(ls, was);
        x += t->width[c];
    }
}

static table_row *header_row(const table *t)
{
    return t->nrows && t->rows[0].kind == ROW_HEADER ? &t->rows[0] : NULL;
}

/* The header row: in its THead the first time, an artifact when it is
 * repeated on the pages the table goes on to. */
static void draw_header(layout_state *ls, const table *t)
{
    table_row *h = header_row(t);
    if (!h)
        return;
    int repeat = h->tags ? tag_enter(ls, TAG_ARTIFACT) : 0;
    int head = h->tags ? -1 : tag_open(ls, TAG_THEAD);
    emit_rect(ls, t->x, ls->y, t->total_width, h->height, ls->st->tables.header_fill);
    draw_row_lines(ls, t, h, 0, h->nlines, ls->y);
    ls->y += h->height;
    emit_rule(ls, t->x, ls->y, t->total_width, 0.6, ls->st->rule_color);
    if (head >= 0)
        tag_close(ls, head);
    else
        tag_leave(ls, repeat);
}

/* ---- continued on a new page --------------------------------------------- */

/* A group heading in bold is an outer group ("Kostnader"), one in italics
 * an inner one ("Fasta kostnader"). */
static bool is_outer_group(const table_row *r)
{
    return r->kind == ROW_GROUP && !all_words(r, 1, is_italic);
}

/* The outer and the inner group heading that row `r` goes on under (-1 for
 * none): those above it that a new page would otherwise lose. */
static void groups_going_on(const table *t, size_t r, long *outer, long *inner)
{
    *outer = *inner = -1;
    if (t->rows[r].kind == ROW_GROUP && is_outer_group(&t->rows[r]))
        return;
    for (size_t k = r; k-- > 0 && *outer < 0;) {
        if (t->rows[k].kind != ROW_GROUP)
            continue;
        if (is_outer_group(&t->rows[k]))
            *outer = (long)k;
        else if (*inner < 0 && t->rows[r].kind != ROW_GROUP)
            *inner = (long)k;
    }
}

/* A copy of `row` whose first cell reads as that of `from` followed by
 * "(forts.)", in the face of `from`'s first word, broken into lines again. */
static table_row *continued_row(layout_state *ls, const table *t, const table_row *row,
                                const table_row *from)
{
    table_row *copy = ARENA_NEW(ls->mem, table_row);
    *copy = *row;
    copy->cells = ARENA_ARRAY(ls->mem, table_cell, (size_t)t->ncols);
    memcpy(copy->cells, row->cells, (size_t)t->ncols * sizeof *copy->cells);
    const piece_list *label = &from->cells[0].text;
    table_cell *cell = &copy->cells[0];
    cell->text = (piece_list){0};
    for (size_t i = 0; i < label->count; i++)
        *ARENA_PUSH(ls->mem, cell->text.items, cell->text.count, cell->text.cap) =
            label->items[i];
    face_style face = label->count ? label->items[0].face : FACE_BOLD;
    inline_add_text(ls, &cell->text, face, " (forts.)", t->size);
    cell->figure = false;
    cell->nlines = lines_break(ls->mem, &cell->text, t->width[0] - 2 * t->pad, &cell->lines);
    copy->nlines = 1;
    for (int c = 0; c < t->ncols; c++)
        if (copy->cells[c].nlines > copy->nlines)
            copy->nlines = copy->cells[c].nlines;
    copy->height = copy->nlines * t->line_height + 2 * ROW_PAD;
    return copy;
}

/* Whether the header's first cell heads the rows up to the first outer
 * group ("Intäkter (tkr)" over the income), rather than naming a column: the
 * row below it is no group heading. */
static bool header_heads_first_group(const table *t)
{
    return header_row(t) && t->nrows > 1 && t->rows[1].kind != ROW_GROUP;
}

/* A new page for the table before row `r`: the header again and, as
 * artifacts, the groups that go on, "Kostnader (forts.)". When the header's
 * first cell names the first group, the outer group that goes on takes its
 * place there instead of standing below it. */
static void continue_on_new_page(layout_state *ls, const table *t, size_t r)
{
    page_new_sized(ls, t->page_width, t->page_height);
    long outer, inner;
    groups_going_on(t, r, &outer, &inner);
    table_row *h = header_row(t);
    table shown = *t;
    if (h && outer > 0 && header_heads_first_group(t)) {
        shown.rows = continued_row(ls, t, h, &t->rows[outer]);
        shown.nrows = 1;
        outer = -1;
    }
    draw_header(ls, &shown);
    int was = tag_enter(ls, TAG_ARTIFACT);
    for (int level = 0; level < 2; level++) {
        long g = level ? inner : outer;
        if (g < 0)
            continue;
        table_row *row = continued_row(ls, t, &t->rows[g], &t->rows[g]);
        draw_row_lines(ls, t, row, 0, row->nlines, ls->y);
        ls->y += row->height;
    }
    tag_leave(ls, was);
}

/* A row taller than what a page holds below the header: as many lines as fit
 * on each page. */
static void draw_split_row(layout_state *ls, const table *t, size_t r)
{
    table_row *row = &t->rows[r];
    size_t from = 0;
    while (from < row->nlines) {
        double room = page_bottom(ls) - ls->y - 2 * ROW_PAD;
        size_t fit = room > 0 ? (size_t)(room / t->line_height) : 0;
        if (fit == 0) {
            continue_on_new_page(ls, t, r);
            continue;
        }
        size_t to = from + fit < row->nlines ? from + fit : row->nlines;
        draw_row_lines(ls, t, row, from, to, ls->y);
        ls->y += (to - from) * t->line_height + 2 * ROW_PAD;
        from = to;
        if (from < row->nlines)
            continue_on_new_page(ls, t, r);
    }
}

/* The height a row needs on its page: a group heading brings the next row. */
static double keep_height(const table *t, size_t r)
{
    double h = t->rows[r].height;
    if (t->rows[r].kind == ROW_GROUP && r + 1 < t->nrows)
        h += t->rows[r + 1].height;
    return h;
}

static double table_height(const table *t)
{
    double h = 0;
    for (size_t r = 0; r < t->nrows; r++)
        h += t->rows[r].height + (t->rows[r].kind == ROW_GROUP ? t->line_height * 0.3 : 0);
    return h;
}

static void draw_body(layout_state *ls, const table *t, size_t first)
{
    const table_row *h = header_row(t);
    double header_height = h ? h->height : 0;
    bool fresh = true; /* the first row below the header on its page */
    for (size_t r = first; r < t->nrows; r++, fresh = false) {
        table_row *row = &t->rows[r];
        double page_room = page_bottom(ls) - page_top(ls) - header_height;
        double gap = row->kind == ROW_GROUP ? t->line_height * 0.3 : 0;
        if (r == t->break_before || ls->y + gap + keep_height(t, r) > page_bottom(ls)) {
            if (row->height > page_room) {
                draw_split_row(ls, t, r);
                continue;
            }
            continue_on_new_page(ls, t, r);
            fresh = true;
        }
        if (!fresh)
            ls->y += gap;
        if (row->kind == ROW_TOTAL && !fresh)
            emit_rule(ls, t->x, ls->y, t->total_width, 0.4, ls->st->rule_color);
        draw_row_lines(ls, t, row, 0, row->nlines, ls->y);
        ls->y += row->height;
    }
}

/* How many body rows from `first` fit below the header on the current page. */
static size_t rows_fitting(const layout_state *ls, const table *t, size_t first)
{
    const table_row *h = header_row(t);
    double y = ls->y + (h ? h->height : 0);
    size_t r = first;
    for (; r < t->nrows; r++) {
        double gap = t->rows[r].kind == ROW_GROUP && r > first ? t->line_height * 0.3 : 0;
        if (y + gap + keep_height(t, r) > page_bottom(ls))
            break;
        y += gap + t->rows[r].height;
    }
    return r - first;
}

enum { SPLIT_FIRST = 4, SPLIT_REST = 3 }; /* rows a split table leaves either side */

/* Where a table that would fit on a page of its own but not on what is left
 * of this one had better be split than moved, so that no half-empty page is
 * left before it: the row to begin the next page with, or 0 to move it
 * whole. Only when a third of the page or more is free and at least
 * SPLIT_FIRST rows fit here and SPLIT_REST go on; before the last outer
 * group heading that fits if there is one ("Kostnader"), so a group starts
 * on the new page rather than going on. */
static size_t split_point(const layout_state *ls, const table *t, size_t first)
{
    double body = page_bottom(ls) - page_top(ls);
    if (page_bottom(ls) - ls->y < body / 3)
        return 0;
    size_t fit = rows_fitting(ls, t, first), last = first + fit;
    if (last + SPLIT_REST > t->nrows)
        last = t->nrows > SPLIT_REST ? t->nrows - SPLIT_REST : 0;
    if (last < first + SPLIT_FIRST)
        return 0;
    for (size_t r = last; r >= first + SPLIT_FIRST; r--)
        if (is_outer_group(&t->rows[r]))
            return r;
    return last;
}

/* The page a table begins on: a new one, which takes along a heading left at
 * the foot of the old (page_new_sized does that), or the current page turned
 * to the table's size when nothing but such a heading is on it yet. */
static void start_table_page(layout_state *ls, const table *t)
{
    layout_page *pg = ls->page;
    size_t index = (size_t)(pg - ls->doc->pages);
    bool heading_only =
        ls->keep.active && ls->keep.page == index && ls->keep.y <= page_top(ls) + 0.01;
    if (!page_is_empty(ls) && !heading_only) {
        page_new_sized(ls, t->page_width, t->page_height);
        return;
    }
    double drop = t->page_height - pg->height;
    for (size_t i = 0; i < pg->count; i++) {
        pg->boxes[i].y += drop;
        pg->boxes[i].y2 += drop;
    }
    for (size_t h = 0; h < ls->doc->nheadings; h++)
        if (ls->doc->headings[h].page == index)
            ls->doc->headings[h].y += drop;
    pg->width = t->page_width;
    pg->height = t->page_height;
}

/* A table whose header row says nothing has no column headers for a
 * reader to name its cells by (PDF/UA 7.5). */
static void warn_without_header(layout_state *ls, cmark_node *node, const table *t)
{
    const table_row *h = header_row(t);
    for (int c = 0; h && c < t->ncols; c++)
        if (!cell_is_empty(&h->cells[c]))
            return;
    diag_add(ls->dl, DIAG_WARNING, ls->source, cmark_node_get_start_line(node), 1, NULL,
             "a table without a header row: its cells have no column headers for readers to "
             "name them by; give the first row the columns' names");
}

void table_layout(layout_state *ls, cmark_node *node, column col)
{
    table t = {.ncols = (int)cmark_gfm_extensions_get_table_columns(node),
               .base_size = ls->st->table.size};
    if (t.ncols <= 0)
        return;
    size_t n = (size_t)t.ncols;
    t.align = ARENA_ARRAY(ls->mem, text_align, n);
    t.digits = ARENA_ARRAY(ls->mem, bool, n);
    t.tail = ARENA_ARRAY(ls->mem, double, n);
    t.width = ARENA_ARRAY(ls->mem, double, n);
    read_rows(ls, node, &t);
    if (t.nrows == 0)
        return;
    warn_without_header(ls, node, &t);
    read_alignment(node, &t);
    choose_setting(ls, &t, col); /* words too long for their column are cut */
    shape_rows(ls, &t);

    const text_style *ts = &ls->st->table;
    bool turned = t.page_width != ls->page->width || t.page_height != ls->page->height;
    page_add_space(ls, ts->space_before);
    const table_row *h = header_row(&t);
    size_t first = h ? 1 : 0;
    /* A table that fits on a page is not split, unless moving it would leave
     * much of this page empty (split_point); a longer one begins with more
     * than its header. */
    double opening = (h ? h->height : 0) + (first < t.nrows ? keep_height(&t, first) : 0);
    double whole = table_height(&t);
    bool fits_a_page = whole <= page_bottom(ls) - page_top(ls);
    if (fits_a_page && !turned && ls->y + whole > page_bottom(ls))
        t.break_before = split_point(ls, &t, first);
    if (fits_a_page && !t.break_before)
        opening = whole;
    if (turned || ls->y + opening > page_bottom(ls))
        start_table_page(ls, &t);
    t.x = col.x;
    int table_tag = tag_open(ls, TAG_TABLE);
    draw_header(ls, &t);
    int body = tag_open(ls, TAG_TBODY);
    draw_body(ls, &t, first);
    tag_close(ls, body);
    tag_close(ls, table_tag);
    emit_rule(ls, t.x, ls->y, t.total_width, 0.6, ls->st->rule_color);
    ls->y += ts->space_after;
    if (t.page_width != ls->doc->width) /* what follows goes on a page of the usual size */
        ls->y = page_bottom(ls);
    ls->keep.active = false;
}
