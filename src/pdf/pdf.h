/* pdf: draws a laid-out document (layout.h) with libharu: fonts embedded as
 * subsets with ToUnicode maps (pdffont.h), text with kerning exactly where
 * the layout measured it (pdfcontent.h), rules, rectangles, internal and
 * web links, outline bookmarks from the headings, metadata and the document
 * language, compressed. The same input gives the same bytes; dates come
 * from SOURCE_DATE_EPOCH and are left out without it. Writes to a temporary
 * file renamed into place, so a failure never leaves a partial PDF and never
 * replaces the last good one. Everything is per call: documents can be
 * written in parallel threads sharing one font_set. */
#ifndef PP_PDF_H
#define PP_PDF_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "fonts.h"
#include "layout.h"
#include "pdfmeta.h"


typedef struct {
    unsigned char *data; /* malloc'd; the caller frees it */
    size_t len;
} pdf_bytes;

/* Renders the document into memory; `name` (usually the output path) is
 * what diagnostics refer to. */
bool pdf_render(const layout_doc *doc, const font_set *fonts, const pdf_metadata *meta,
                const char *name, pdf_bytes *out, diag_list *dl);

bool pdf_write(const layout_doc *doc, const font_set *fonts, const pdf_metadata *meta,
               const char *path, diag_list *dl);

#endif
