/* layout: the typesetting engine. Parses Markdown (CommonMark + GFM) with
 * cmark-gfm and lays it out into pages of positioned boxes: broken lines,
 * headings, lists, tables, running header and footer. Knows nothing of PDF;
 * the writer (pdf.h) draws the boxes. Everything lives in the caller's arena. */
#ifndef PP_LAYOUT_H
#define PP_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "boxes.h"
#include "diag.h"
#include "fonts.h"
#include "style.h"

/* Running header and footer texts. */
typedef struct {
    const char *title;
    const char *association;
    const char *source; /* names the Markdown in diagnostics (optional) */
    /* Words hyphenated only where written, besides the style's: the text of
     * an association's hyphenation.txt (hyphenate.h); NULL for none. */
    const char *hyphenation;
    const char *hyphenation_file; /* names it in diagnostics */
} layout_info;

bool layout_markdown(arena *mem, const char *markdown, size_t len, const style *st,
                     const font_set *fonts, const layout_info *info, layout_doc *out,
                     diag_list *dl);

#endif
