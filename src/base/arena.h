/* arena: bump allocation for data that lives as long as a document or a run.
 * Owns every block it hands out; one arena_free releases them all. */
#ifndef PP_ARENA_H
#define PP_ARENA_H

#include <stddef.h>
#include <string.h>

typedef struct arena_block arena_block;

typedef struct {
    arena_block *head;
    size_t block_size;
} arena;

void arena_init(arena *a);
void arena_free(arena *a);
/* Zeroed memory aligned for any type; ends the process with out_of_memory()
 * (oom.h) when memory runs out. */
void *arena_alloc(arena *a, size_t size);
/* The same, not zeroed: for memory the caller writes whole before reading it. */
void *arena_alloc_uninit(arena *a, size_t size);
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_strdup(arena *a, const char *s);
char *arena_printf(arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The whole content of the file at `path`, read as strbuf_append_file
 * reads it, with a NUL after it; its length in *len unless len is NULL.
 * NULL when the file cannot be read. */
char *arena_read_file(arena *a, const char *path, size_t *len);
/* a, then sep (may be ""), then b: a path "dir/name" without printf. */
char *arena_join(arena *a, const char *first, const char *sep, const char *second);
/* Grows an array allocated from the arena to hold at least `need` elements;
 * the elements it had are kept, the room added is zeroed. */
void *arena_grow(arena *a, void *items, size_t *cap, size_t need, size_t elem_size);
/* The same for an array filled as it grows (ARENA_PUSH): the room added is
 * not zeroed. */
void *arena_reserve(arena *a, void *items, size_t *cap, size_t need, size_t elem_size);

#define ARENA_NEW(a, type)      ((type *)arena_alloc((a), sizeof(type)))
#define ARENA_ARRAY(a, type, n) ((type *)arena_alloc((a), sizeof(type) * (n)))
/* An array the caller fills before reading it. */
#define ARENA_ARRAY_UNINIT(a, type, n) ((type *)arena_alloc_uninit((a), sizeof(type) * (n)))
/* Appends a zeroed element to a growable array: `arr`, `count` and `cap` are
 * lvalues. Only a full array calls arena_reserve. */
#define ARENA_PUSH(a, arr, count, cap)                                                             \
    ((count) < (cap)                                                                               \
         ? (void)0                                                                                 \
         : (void)((arr) = arena_reserve((a), (arr), &(cap), (count) + 1, sizeof *(arr))),          \
     memset(&(arr)[(count)], 0, sizeof *(arr)), &(arr)[(count)++])

#endif
