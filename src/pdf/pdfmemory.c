#include "pdfmemory.h"

#include <stddef.h>

static _Thread_local arena *memory;

static void *HPDF_STDCALL allocate(HPDF_UINT size)
{
    return arena_alloc_uninit(memory, size);
}

static void HPDF_STDCALL release(void *p)
{
    (void)p; /* with the arena */
}

HPDF_Doc pdfmemory_new_doc(arena *mem, HPDF_Error_Handler on_error, void *user)
{
    memory = mem;
    return HPDF_NewEx(on_error, allocate, release, 0, user);
}

void pdfmemory_end(void)
{
    memory = NULL;
}
