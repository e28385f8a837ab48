/* toc: the table of contents (```toc). One entry for every heading that
 * follows the block, down to the level the style names, with dot leaders, the
 * page number and a link to the heading. The entries are set where the block
 * stands; their numbers, leaders and links are written in a second pass, once
 * the whole document is laid out and every heading's page is known. An entry's
 * lines keep a fixed room for the number, so writing the numbers in moves
 * nothing: the pages found in the first pass stay right, however many pages
 * the table of contents itself takes. */
#ifndef PP_TOC_H
#define PP_TOC_H

#include <cmark-gfm.h>

#include "page.h"

void toc_layout(layout_state *ls, cmark_node *node, column col);
/* Tells the tables of contents where a heading was set. */
void toc_heading_placed(layout_state *ls, cmark_node *heading, size_t index);
/* Writes page numbers, leaders and links once every heading is placed. */
void toc_fill_in(layout_state *ls);

#endif
