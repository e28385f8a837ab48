/* pdfmeta: what a PDF says about itself, written through libharu's object
 * API: the info dictionary, the XMP metadata stream that mirrors it (UTF-8,
 * XML-escaped, uncompressed, with the PDF/A identification, the PDF/UA one
 * and the PDF/A extension schema that describes pdfuaid), the sRGB output
 * intent (the ICC profile of Ghostscript's libgs-common, compiled in: see
 * srgb_icc.h), the document language, DisplayDocTitle, /MarkInfo and the
 * file identifier. Dates come from SOURCE_DATE_EPOCH only. libharu's own
 * PDF/A helpers are not used: they know only PDF/A-1, leave XMP unescaped
 * and take the identifier from the clock. */
#ifndef PP_PDFMETA_H
#define PP_PDFMETA_H

#include <hpdf.h>
#include <stdbool.h>
#include <stdint.h>

#include "diag.h"
#include "pdfstream.h"
#include "strbuf.h"

/* What a PDF says about itself. */
typedef struct {
    const char *title;
    const char *author;
    const char *subject;
    const char *keywords;
    const char *language; /* BCP 47, such as "sv-SE" */
} pdf_metadata;

/* What the file claims to conform to. */
typedef enum {
    PDFMETA_PDFA_2B,    /* PDF/A-2b: untagged */
    PDFMETA_PDFA_2A_UA, /* PDF/A-2a and PDF/UA-1: tagged, /MarkInfo says so */
} pdfmeta_claim;

/* Writes the metadata of `meta` into the document. `name` names the file in diagnostics
 * (a SOURCE_DATE_EPOCH that is not a number is warned of). False when
 * libharu runs out of memory. */
bool pdfmeta_write(HPDF_Doc pdf, pdf_streams *streams, const pdf_metadata *meta,
                   pdfmeta_claim claim, const char *name, diag_list *dl);

/* Appends `s` to `out` with &, <, >, " and ' as XML entities and control
 * characters other than tab and line ends left out. */
void pdfmeta_xml_escape(strbuf *out, const char *s);

/* `utf8` in PDFDocEncoding into `out` (`room` bytes, NUL-terminated);
 * false when a character is not in it (or there is no room). */
bool pdfmeta_pdfdoc(const char *utf8, char *out, size_t room);

/* A PDF text string: in PDFDocEncoding when every character is in it,
 * else UTF-16BE with a byte order mark. */
void *pdfmeta_text_string(HPDF_MMgr mmgr, const char *utf8);

#endif
