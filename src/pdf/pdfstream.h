/* pdfstream: compressed streams in a libharu document. planpress deflates
 * the data itself with libdeflate, whose fastest level makes smaller
 * streams than zlib's third in a third of the time (libharu always uses
 * zlib's slower default and sets up a new state for every stream); the
 * stream dictionary says /Filter /FlateDecode. One pdf_streams per
 * document. */
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

/* `data` compressed (zlib format) into a buffer of `ps`, valid until the
 * next call; its length in *n. NULL when memory runs out. */
const unsigned char *pdfstream_deflate(pdf_streams *ps, const void *data, size_t len, size_t *n);

#endif
