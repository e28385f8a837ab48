/* strmap: a hash map from strings to pointers, allocated in an arena. Keys
 * are not copied: they must live as long as the map. */
#ifndef PP_STRMAP_H
#define PP_STRMAP_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

typedef struct {
    arena *mem;
    const char **keys;
    void **values;
    uint64_t *hashes;  /* of each key: growing does not hash the keys again */
    size_t count, cap; /* cap is 0 or a power of two */
} strmap;

void strmap_init(strmap *m, arena *mem);
/* The value stored under `key`, or NULL. */
void *strmap_get(const strmap *m, const char *key);
/* Stores `value` under `key`, replacing any value there. */
void strmap_put(strmap *m, const char *key, void *value);

#endif
