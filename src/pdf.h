/* pdf: draws a laid-out document (layout.h) with libharu: embedded TrueType
 * fonts, UTF-8 text, outline bookmarks from the headings, metadata and the
 * document language. Writes to a temporary file renamed into place, so a
 * failure never leaves a partial PDF and never replaces the last good one. */
#ifndef PP_PDF_H
#define PP_PDF_H

#include <stdbool.h>

#include "diag.h"
#include "fonts.h"
#include "layout.h"

typedef struct {
    const char *title;
    const char *author;
    const char *subject;
    const char *keywords;
    const char *language; /* BCP 47, such as "sv-SE" */
} pdf_metadata;

bool pdf_write(const layout_doc *doc, const font_set *fonts, const pdf_metadata *meta,
               const char *path, diag_list *dl);

#endif
