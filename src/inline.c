#include "typeset.h"

#include <string.h>

/* ---- inline content ---------------------------------------------------- */

face_style with_bold(face_style f)
{
    return f == FACE_ITALIC || f == FACE_BOLD_ITALIC ? FACE_BOLD_ITALIC : FACE_BOLD;
}

face_style with_italic(face_style f)
{
    return f == FACE_BOLD || f == FACE_BOLD_ITALIC ? FACE_BOLD_ITALIC : FACE_ITALIC;
}

static void inline_push_piece(layout_state *ls, piece_list *pl, piece_kind kind, face_style face,
                              const char *text, size_t len, double size)
{
    piece *p = ARENA_PUSH(ls->mem, pl->items, pl->count, pl->cap);
    *p = (piece){.kind = kind, .face = face, .text = text, .len = len};
    if (kind != PIECE_BREAK)
        p->width = fonts_width(ls->fonts, face, size, text, len);
}

/* Splits text at ASCII spaces into words and spaces. */
void inline_add_text(layout_state *ls, piece_list *pl, face_style face, const char *s, double size)
{
    size_t len = strlen(s), i = 0;
    while (i < len) {
        size_t j = i;
        bool space = s[i] == ' ';
        while (j < len && (s[j] == ' ') == space)
            j++;
        inline_push_piece(ls, pl, space ? PIECE_SPACE : PIECE_WORD, face, space ? " " : s + i,
                          space ? 1 : j - i, size);
        i = j;
    }
}

void inline_collect(layout_state *ls, cmark_node *node, face_style face, piece_list *pl,
                    double size)
{
    for (cmark_node *n = cmark_node_first_child(node); n; n = cmark_node_next(n)) {
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE: inline_add_text(ls, pl, face, cmark_node_get_literal(n), size); break;
        case CMARK_NODE_SOFTBREAK: inline_add_text(ls, pl, face, " ", size); break;
        case CMARK_NODE_LINEBREAK: inline_push_piece(ls, pl, PIECE_BREAK, face, "", 0, size); break;
        case CMARK_NODE_STRONG: inline_collect(ls, n, with_bold(face), pl, size); break;
        case CMARK_NODE_EMPH: inline_collect(ls, n, with_italic(face), pl, size); break;
        default: inline_collect(ls, n, face, pl, size); break;
        }
    }
}

const char *inline_plain_text(layout_state *ls, cmark_node *node)
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
                          : t == CMARK_NODE_SOFTBREAK                  ? " "
                                                                       : NULL;
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
