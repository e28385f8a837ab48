#ifndef PP_HARUMEM_H
#define PP_HARUMEM_H

#include <hpdf.h>

#include "arena.h"

/* A libharu document whose memory comes from `mem`: its thousands of small
 * objects cost a step of the arena's pointer each, and libharu's frees do
 * nothing. libharu's allocator takes no context, so the arena is the
 * calling thread's until harumem_end: one such document per thread at a
 * time, freed with HPDF_Free before harumem_end and then the arena. */
HPDF_Doc harumem_new(arena *mem, HPDF_Error_Handler on_error, void *user);
void harumem_end(void);

#endif
