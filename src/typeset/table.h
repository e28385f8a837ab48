/* table: GFM tables laid out for print. Column widths from the content
 * (longest word, width on one line) fitted to the text width; figures
 * right-aligned on their digits; bold rows with figures are totals with a rule
 * above, bold or italic rows with only a label are group headings kept with
 * the row below; the header row is repeated on every page the table goes on
 * to, with the groups that go on there ("Kostnader (forts.)"); a row is
 * split only when it is taller than a page. A table too wide for
 * the text turns its pages to landscape or sets its type smaller, as the
 * style says, and never crosses the margin. */
#ifndef PP_TABLE_H
#define PP_TABLE_H

#include <cmark-gfm.h>

#include "page.h"

void table_layout(layout_state *ls, cmark_node *node, column col);

/* What a column needs: the longest word, the width below which it wraps
 * awkwardly (a figure, a heading over figures) and its width on one line. */
typedef struct {
    double min, want, max;
    bool numeric; /* figures: they get no share of spare width */
} column_need;
/* Widths for the columns in `available` points: as wide as they like when
 * they fit, else text columns wrap first, then everything down to the
 * longest words. `stretch` spends spare width on the text columns. False when
 * even the longest words do not fit (every column is then squeezed). */
bool table_fit_columns(const column_need *need, int ncols, double available, bool stretch,
                       double *widths);

#endif
