/* fence: the Markdown extensions written as fenced blocks with an info
 * string (```toc, ```chart, ```signatures), so that a template stays valid
 * CommonMark. Hands each to its module and reads YAML bodies with positions
 * that count from the top of the Markdown. */
#include "typeset.h"

#include <string.h>

typedef void (*block_layout)(layout_state *ls, cmark_node *node, column col);

static const struct {
    const char *info;
    block_layout layout;
} fenced_blocks[] = {
    {"toc", toc_layout},
    {"chart", chart_layout},
    {"signatures", signatures_layout},
};

bool fenced_block(layout_state *ls, cmark_node *node, column col)
{
    const char *info = cmark_node_get_fence_info(node);
    if (!info)
        return false;
    for (size_t i = 0; i < sizeof fenced_blocks / sizeof fenced_blocks[0]; i++) {
        if (strcmp(info, fenced_blocks[i].info) == 0) {
            fenced_blocks[i].layout(ls, node, col);
            ls->keep.active = false; /* a heading before stays with the block */
            return true;
        }
    }
    return false;
}

const ynode *fenced_yaml(layout_state *ls, cmark_node *node)
{
    /* Blank lines in front put every line of the body at its line number in
     * the Markdown: the fence opens on the block's first line. */
    int first = cmark_node_get_start_line(node);
    const char *body = cmark_node_get_literal(node);
    size_t pad = first > 0 ? (size_t)first : 0, len = strlen(body);
    char *text = arena_alloc(ls->mem, pad + len + 1);
    memset(text, '\n', pad);
    memcpy(text + pad, body, len);
    return ytree_parse(ls->mem, ls->source, text, pad + len, ls->dl);
}
