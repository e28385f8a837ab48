#include "fence.h"

#include <string.h>

#include "chart.h"
#include "signatures.h"
#include "toc.h"

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
