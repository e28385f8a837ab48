#include "strmap.h"

#include <string.h>

#include "hash.h"

void strmap_init(strmap *m, arena *mem)
{
    *m = (strmap){.mem = mem};
}

/* The slot holding `key`, or the empty slot where it would go. Keys are
 * mostly paths of 40 to 80 bytes: XXH3 hashes them a word at a time, FNV-1a
 * took a multiplication per byte (a fifth of a no-change night). */
static size_t slot_of(const char *const *keys, size_t cap, const char *key)
{
    size_t i = (size_t)XXH3_64bits(key, strlen(key)) & (cap - 1);
    while (keys[i] && strcmp(keys[i], key) != 0)
        i = (i + 1) & (cap - 1);
    return i;
}

void *strmap_get(const strmap *m, const char *key)
{
    if (m->cap == 0)
        return NULL;
    size_t i = slot_of(m->keys, m->cap, key);
    return m->keys[i] ? m->values[i] : NULL;
}

static void grow(strmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 16;
    const char **keys = ARENA_ARRAY(m->mem, const char *, cap);
    void **values = ARENA_ARRAY(m->mem, void *, cap);
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        size_t j = slot_of(keys, cap, m->keys[i]);
        keys[j] = m->keys[i];
        values[j] = m->values[i];
    }
    m->keys = keys;
    m->values = values;
    m->cap = cap;
}

void strmap_put(strmap *m, const char *key, void *value)
{
    if ((m->count + 1) * 4 > m->cap * 3)
        grow(m);
    size_t i = slot_of(m->keys, m->cap, key);
    if (!m->keys[i]) {
        m->keys[i] = key;
        m->count++;
    }
    m->values[i] = value;
}
