/* pdfobjects: the objects planpress writes itself after libharu's (the
 * structure tree: hundreds of small dictionaries) and every object of
 * libharu's that is not a stream (pages, fonts, annotations, outline
 * items), put together in one compressed object stream, and a
 * cross-reference stream in the place of libharu's cross-reference table
 * and trailer (PDF 1.5 and later; PDF/A-2 allows both). libharu 2.3.0
 * writes every object uncompressed with a 20-byte table entry; a
 * structure element costs about 75 bytes that way, about 12 here. Each
 * of libharu's objects is written once, by its own writer, straight into
 * the file or the object stream. Owns its buffers. */
#ifndef PP_PDFOBJECTS_H
#define PP_PDFOBJECTS_H

#include <hpdf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pdfstream.h"
#include "strbuf.h"

typedef struct pdf_objects pdf_objects;

/* Objects numbered from `first`, the first number libharu did not use. */
pdf_objects *pdfobjects_new(uint32_t first);
void pdfobjects_free(pdf_objects *o);
/* The number the next object added gets. */
uint32_t pdfobjects_next(const pdf_objects *o);
/* Begins the next object (no stream, no "obj" line): write its value into
 * the buffer returned. */
strbuf *pdfobjects_add(pdf_objects *o);

/* The whole file into *data (malloc'd) and *len: libharu's objects as
 * its writer writes them, its streams in the order it numbered them, its
 * other objects in the object stream with o's, and a cross-reference
 * stream with /Root, /Info and /ID (both halves `id`). No libharu object
 * may be added after pdfobjects_new. False when memory runs out or
 * libharu fails. */
bool pdfobjects_finish(pdf_objects *o, pdf_streams *ps, HPDF_Doc pdf, const unsigned char id[16],
                       unsigned char **data, size_t *len);

#endif
