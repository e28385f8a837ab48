#include "typeset.h"

#include <cmark-gfm-core-extensions.h>
#include <string.h>

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
        nlines[c] = lines_break(ls->mem, &row->cells[c], widths[c] - 2 * CELL_PAD, &lines[c]);
        if (nlines[c] > most)
            most = nlines[c];
    }
    double height = most * line_height + 2;
    if (measure_only)
        return height;
    for (int c = 0; c < ncols; c++) {
        text_align a = align[c] == 'r' ? ALIGN_RIGHT : align[c] == 'c' ? ALIGN_CENTER : ALIGN_LEFT;
        lines_draw_at(ls, &row->cells[c], lines[c], nlines[c], x + CELL_PAD,
                      widths[c] - 2 * CELL_PAD, ls->y + 1, ts->size, ts->color, a);
        x += widths[c];
    }
    return height;
}

void table_layout(layout_state *ls, cmark_node *node, column col)
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
            inline_collect(ls, cell, row->header ? FACE_BOLD : FACE_REGULAR, &row->cells[c],
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
    page_add_space(ls, ts->space_before);
    for (size_t r = 0; r < nrows; r++) {
        const table_row *row = &rows[r];
        double h = draw_row(ls, row, ncols, align, widths, col.x, true);
        /* Never leave the header alone at the foot of a page. */
        double want = h + (row->header ? draw_row(ls, &rows[r + 1 < nrows ? r + 1 : r], ncols,
                                                  align, widths, col.x, true)
                                       : 0);
        if (ls->y + want > page_bottom(ls) && !page_is_empty(ls)) {
            page_new(ls);
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
