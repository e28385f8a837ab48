/* pdfstream: compressed streams in a libharu document. planpress deflates
 * the data itself, with one zlib state per document reused for every
 * stream (libharu sets up a new one, a quarter of a megabyte, per stream)
 * and at a level chosen for speed; the stream dictionary says
 * /Filter /FlateDecode. */
#ifndef PP_PDFSTREAM_H
#define PP_PDFSTREAM_H

#include <hpdf.h>
#include <hpdf_objects.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct pdf_streams pdf_streams;

/* NULL when memory runs out. */
pdf_streams *pdfstream_begin(HPDF_Doc pdf);
void pdfstream_end(pdf_streams *ps);

/* A new indirect stream object holding `data` compressed; NULL on failure. */
HPDF_Dict pdfstream_new(pdf_streams *ps, const void *data, size_t len);
/* Puts `data`, compressed, into an existing stream dictionary (such as a
 * page's contents), in place of libharu's own compression. */
bool pdfstream_fill(pdf_streams *ps, HPDF_Dict stream, const void *data, size_t len);

#endif
