/* pdfstream: streams in a libharu document. planpress deflates the data
 * itself with libdeflate, whose fastest level makes smaller streams than
 * zlib's third in a third of the time (libharu always uses zlib's slower
 * default and sets up a new state for every stream); the stream
 * dictionary says /Filter /FlateDecode. The data of every stream lies in
 * one buffer of pdf_streams, which libharu reads through a stream of its
 * own kind when it writes the object: nothing is copied into libharu's
 * memory streams. One pdf_streams per document; it must outlive the
 * writing of the file. */
#ifndef PP_PDFSTREAM_H
#define PP_PDFSTREAM_H

#include <hpdf.h>
#include <hpdf_objects.h>
#include <stdbool.h>
#include <stddef.h>

/* libdeflate's level: on planpress's pages and fonts level 1 is within
 * 3 % of level 6 in size, at a third of the time. */
enum { PDFSTREAM_LEVEL = 1 };

typedef struct pdf_streams pdf_streams;

/* NULL when memory runs out. */
pdf_streams *pdfstream_begin(HPDF_Doc pdf);
void pdfstream_end(pdf_streams *ps);

/* A new indirect stream object holding `data` compressed; NULL on failure. */
HPDF_Dict pdfstream_new(pdf_streams *ps, const void *data, size_t len);
/* The same from data compressed beforehand at PDFSTREAM_LEVEL: the bytes
 * pdfstream_new would make (bake_deflate makes them at build time). */
HPDF_Dict pdfstream_new_deflated(pdf_streams *ps, const void *deflated, size_t len);
/* A new stream holding `data` as it is (the XMP metadata, which PDF/A
 * wants readable). */
HPDF_Dict pdfstream_new_uncompressed(pdf_streams *ps, const void *data, size_t len);
/* Puts `data`, compressed, into an existing stream dictionary (such as a
 * page's contents), in place of libharu's own compression. */
bool pdfstream_fill(pdf_streams *ps, HPDF_Dict stream, const void *data, size_t len);

/* `data` compressed (zlib format) into a buffer of `ps`, valid until the
 * next call of any of these; its length in *n. NULL when memory runs out. */
const unsigned char *pdfstream_deflate(pdf_streams *ps, const void *data, size_t len, size_t *n);

#endif
