/* pdfmemory: the memory of one libharu document, from an arena. libharu
 * allocates each of its thousands of small objects on its own and
 * HPDF_Free walks them all to free them one by one; from an arena they
 * cost a pointer bump and go all at once with it. libharu's allocator
 * takes no context: it allocates from the arena of the document that the
 * calling thread is writing, so one thread writes one document at a time. */
#ifndef PP_PDFMEMORY_H
#define PP_PDFMEMORY_H

#include <hpdf.h>

#include "arena.h"

/* A new document whose memory, every object included, is `mem`'s: it is
 * freed with the arena, never with HPDF_Free. Call pdfmemory_end on the
 * same thread when done with it. NULL when libharu fails. */
HPDF_Doc pdfmemory_new_doc(arena *mem, HPDF_Error_Handler on_error, void *user);
void pdfmemory_end(void);

#endif
