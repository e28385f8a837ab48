#include "arena.h"
#include "oom.h"
#include "strbuf.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct arena_block {
    arena_block *next;
    size_t used, size;
    max_align_t data[];
};

enum { ARENA_MIN_BLOCK = 64 * 1024 };

void arena_init(arena *a)
{
    a->head = NULL;
    a->block_size = ARENA_MIN_BLOCK;
}

void arena_free(arena *a)
{
    arena_block *b = a->head;
    while (b) {
        arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
}

static arena_block *arena_new_block(arena *a, size_t need)
{
    size_t size = a->block_size;
    while (size < need)
        size *= 2;
    arena_block *b = malloc(sizeof *b + size);
    if (!b)
        out_of_memory();
    b->used = 0;
    b->size = size;
    b->next = a->head;
    a->head = b;
    if (a->block_size < 4 * 1024 * 1024)
        a->block_size *= 2;
    return b;
}

static size_t aligned_size(size_t size)
{
    const size_t align = _Alignof(max_align_t);
    return size == 0 ? align : (size + align - 1) / align * align;
}

void *arena_alloc_uninit(arena *a, size_t size)
{
    size = aligned_size(size);
    arena_block *b = a->head;
    if (!b || b->size - b->used < size)
        b = arena_new_block(a, size);
    void *p = (char *)b->data + b->used;
    b->used += size;
    return p;
}

void *arena_alloc(arena *a, size_t size)
{
    return memset(arena_alloc_uninit(a, size), 0, size);
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
    char *p = arena_alloc_uninit(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *arena_strdup(arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

char *arena_read_file(arena *a, const char *path, size_t *len)
{
    strbuf sb = {0};
    char *copy =
        strbuf_append_file(&sb, path) ? arena_strndup(a, sb.data ? sb.data : "", sb.len) : NULL;
    if (copy && len)
        *len = sb.len;
    strbuf_free(&sb);
    return copy;
}

char *arena_join(arena *a, const char *first, const char *sep, const char *second)
{
    size_t n1 = strlen(first), n2 = strlen(sep), n3 = strlen(second);
    char *p = arena_alloc_uninit(a, n1 + n2 + n3 + 1);
    memcpy(p, first, n1);
    memcpy(p + n1, sep, n2);
    memcpy(p + n1 + n2, second, n3 + 1);
    return p;
}

/* Formats once into a buffer on the stack (paths and messages mostly fit)
 * and copies; formats again only what is longer. */
char *arena_printf(arena *a, const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0)
        return arena_strdup(a, "");
    char *p = arena_alloc_uninit(a, (size_t)n + 1);
    if ((size_t)n < sizeof buf) {
        memcpy(p, buf, (size_t)n + 1);
        return p;
    }
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

/* Extends `items` of `old_size` bytes to `new_size` where it is, when it is
 * the last thing allocated and its block has the room. */
static bool grow_in_place(arena *a, void *items, size_t old_size, size_t new_size)
{
    arena_block *b = a->head;
    if (!b || (char *)items + old_size != (char *)b->data + b->used ||
        b->size - b->used < new_size - old_size)
        return false;
    b->used += new_size - old_size;
    return true;
}

static void *grow(arena *a, void *items, size_t *cap, size_t need, size_t elem_size, bool zero)
{
    if (need <= *cap)
        return items;
    size_t new_cap = *cap ? *cap * 2 : 8;
    while (new_cap < need)
        new_cap *= 2;
    if (new_cap > SIZE_MAX / elem_size / 2) /* room left for the rounding up */
        out_of_memory();
    size_t old_size = aligned_size(*cap * elem_size);
    void *p = items && grow_in_place(a, items, old_size, aligned_size(new_cap * elem_size))
                  ? items
                  : arena_alloc_uninit(a, new_cap * elem_size);
    if (p != items && items)
        memcpy(p, items, *cap * elem_size);
    if (zero)
        memset((char *)p + *cap * elem_size, 0, (new_cap - *cap) * elem_size);
    *cap = new_cap;
    return p;
}

void *arena_grow(arena *a, void *items, size_t *cap, size_t need, size_t elem_size)
{
    return grow(a, items, cap, need, elem_size, true);
}

void *arena_reserve(arena *a, void *items, size_t *cap, size_t need, size_t elem_size)
{
    return grow(a, items, cap, need, elem_size, false);
}
