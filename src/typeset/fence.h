/* fence: the Markdown extensions written as fenced blocks with an info
 * string (```toc, ```chart, ```signatures), so that a template stays valid
 * CommonMark: hands each to its module. */
#ifndef PP_FENCE_H
#define PP_FENCE_H

#include <cmark-gfm.h>

#include "page.h"

/* Lays out the fenced block if its info string names one; false otherwise. */
bool fenced_block(layout_state *ls, cmark_node *node, column col);

#endif
