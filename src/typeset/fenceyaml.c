#include "fenceyaml.h"

#include <string.h>

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
