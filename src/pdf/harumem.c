#include "harumem.h"

static _Thread_local arena *haru_arena;

static void *haru_alloc(HPDF_UINT size)
{
    return arena_alloc_uninit(haru_arena, size);
}

static void haru_free(void *unused)
{
    (void)unused;
}

HPDF_Doc harumem_new(arena *mem, HPDF_Error_Handler on_error, void *user)
{
    haru_arena = mem;
    return HPDF_NewEx(on_error, haru_alloc, haru_free, 0, user);
}

void harumem_end(void)
{
    haru_arena = NULL;
}
