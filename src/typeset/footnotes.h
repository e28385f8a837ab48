/* footnotes: the notes of a document (GFM footnote definitions), placed at
 * the foot of the page where they are first referred to, and drawn there. */
#ifndef PP_FOOTNOTES_H
#define PP_FOOTNOTES_H

#include <cmark-gfm.h>

#include "page.h"

footnotes *footnotes_collect(layout_state *ls, cmark_node *root);
/* Height of the current page's footnote area: as it is, and with the notes
 * `numbers` added (those already placed count once). */
double footnotes_height(const layout_state *ls);
double footnotes_height_for(const layout_state *ls, const int *numbers, size_t count);
/* Puts the note on the current page unless it is there or on an earlier one. */
void footnotes_place(layout_state *ls, int number);
/* Draws the current page's notes at its foot. */
void footnotes_finish_page(layout_state *ls);

#endif
