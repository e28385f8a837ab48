#include "signatures.h"

#include <string.h>

#include "fenceyaml.h"
#include "format.h"
#include "inline.h"
#include "linedraw.h"
#include "tags.h"
#include "yread.h"

static const char DATE_CAPTION[] = "Ort och datum";

typedef struct {
    const char *name, *role;
} signer;

typedef struct {
    const char *place, *date;
    bool date_lines;
    signer *signers;
    size_t count;
} signature_block;

static bool read_signers(yread *rd, const ynode *n, const char *path, signature_block *b)
{
    if (!yread_expect(rd, n, path, YNODE_SEQ))
        return false;
    if (n->count == 0) {
        yread_error(rd, n, path, "expected at least one signer");
        return false;
    }
    static const char *const keys[] = {"name", "role", NULL};
    b->count = n->count;
    b->signers = ARENA_ARRAY(rd->mem, signer, n->count);
    bool ok = true;
    for (size_t i = 0; i < n->count; i++) {
        const char *sp = yread_index_path(rd, path, i);
        if (!yread_map(rd, n->items[i], sp, keys)) {
            ok = false;
            continue;
        }
        b->signers[i].name = yread_get_text(rd, n->items[i], "name", sp, true);
        b->signers[i].role = yread_get_text(rd, n->items[i], "role", sp, false);
        ok = ok && b->signers[i].name;
    }
    return ok;
}

static bool read_block(layout_state *ls, const ynode *root, signature_block *b)
{
    yread rd = {ls->mem, ls->dl};
    *b = (signature_block){0};
    if (root->kind == YNODE_SEQ)
        return read_signers(&rd, root, "signatures", b);
    static const char *const keys[] = {"place", "date", "date_lines", "signers", NULL};
    if (!yread_map(&rd, root, "signatures", keys))
        return false;
    bool ok = true;
    b->place = yread_get_text(&rd, root, "place", "signatures", false);
    const ynode *v;
    date d;
    char buf[FORMAT_BUF];
    if ((v = ymap_get(root, "date"))) {
        ok = yread_date(&rd, v, "signatures.date", &d);
        b->date = ok ? arena_strdup(ls->mem, format_date(buf, d)) : NULL;
    }
    static const char *const flags[] = {"false", "true", NULL};
    int flag = 0;
    if ((v = ymap_get(root, "date_lines")))
        ok = (flag = yread_choice(&rd, v, "signatures.date_lines", flags)) >= 0 && ok;
    b->date_lines = flag == 1;
    v = yread_require(&rd, root, "signers", "signatures");
    return v && read_signers(&rd, v, "signatures.signers", b) && ok;
}

/* Lines of text set in a width, left-aligned at `top`; the height used. */
static double text_lines(layout_state *ls, const char *text, face_style face, double size,
                         uint32_t color, double x, double width, double top, bool measure)
{
    if (!text || !*text)
        return 0;
    piece_list pl = {0};
    inline_add_text(ls, &pl, face, text, size);
    line_span *lines;
    size_t n = lines_break(ls->mem, &pl, width, &lines);
    if (!measure)
        lines_draw_at(ls, &pl, lines, n, x, width, top, size, color, ALIGN_LEFT);
    return n * line_height(ls, size);
}

/* One signature at `top`: the optional place and date line, the line to sign
 * on, the name and the role; the height used. */
static double one_signature(layout_state *ls, const signature_block *b, const signer *s, double x,
                            double width, double top, bool measure)
{
    const text_style *body = &ls->st->body, *small = &ls->st->footer;
    double space = ls->st->signatures.space, y = top;
    int p = measure ? -1 : tag_open(ls, TAG_P);
    if (b->date_lines) {
        y += space * 0.7;
        if (!measure)
            emit_rule(ls, x, y, width, 0.5, ls->st->rule_color);
        y += 1 + text_lines(ls, DATE_CAPTION, FACE_REGULAR, small->size, small->color, x, width,
                            y + 1, measure);
    }
    y += space;
    if (!measure)
        emit_rule(ls, x, y, width, 0.6, body->color);
    y += 2;
    y += text_lines(ls, s->name, FACE_REGULAR, body->size, body->color, x, width, y, measure);
    y += text_lines(ls, s->role, FACE_ITALIC, body->size, small->color, x, width, y, measure);
    if (p >= 0)
        tag_close(ls, p);
    return y - top;
}

static double signature_row(layout_state *ls, const signature_block *b, size_t first, column col,
                            bool measure)
{
    double gap = col.width * 0.1, width = (col.width - gap) / 2, most = 0;
    for (size_t i = first; i < first + 2 && i < b->count; i++) {
        double x = col.x + (i - first) * (width + gap);
        double h = one_signature(ls, b, &b->signers[i], x, width, ls->y, measure);
        most = h > most ? h : most;
    }
    return most;
}

static void draw_block(layout_state *ls, const signature_block *b, column col)
{
    const text_style *body = &ls->st->body;
    double row_gap = body->size;
    double total = 0;
    for (size_t i = 0; i < b->count; i += 2)
        total += signature_row(ls, b, i, col, true) + row_gap;
    page_add_space(ls, body->space_after);
    const char *dated = b->place && b->date ? arena_printf(ls->mem, "%s %s", b->place, b->date)
                        : b->place          ? b->place
                                            : b->date;
    double dated_height = dated ? text_lines(ls, dated, FACE_REGULAR, body->size, body->color,
                                             col.x, col.width, ls->y, true)
                                : 0;
    /* Keep the block on one page when it fits there. */
    if (dated_height + total <= page_bottom(ls) - page_top(ls))
        page_need(ls, dated_height + total);
    if (dated) {
        int p = tag_open(ls, TAG_P);
        text_lines(ls, dated, FACE_REGULAR, body->size, body->color, col.x, col.width, ls->y,
                   false);
        tag_close(ls, p);
        ls->y += dated_height;
    }
    for (size_t i = 0; i < b->count; i += 2) {
        double h = signature_row(ls, b, i, col, true);
        page_need(ls, h);
        signature_row(ls, b, i, col, false);
        ls->y += h + row_gap;
    }
}

void signatures_layout(layout_state *ls, cmark_node *node, column col)
{
    const ynode *root = fenced_yaml(ls, node);
    signature_block b;
    if (root && read_block(ls, root, &b)) {
        int div = tag_open(ls, TAG_DIV);
        draw_block(ls, &b, col);
        tag_close(ls, div);
    }
}
