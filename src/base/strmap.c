#include "strmap.h"

#include <string.h>

#include "hash.h"

void strmap_init(strmap *m, arena *mem)
{
    *m = (strmap){.mem = mem};
}

/* Keys are mostly paths of 40 to 80 bytes: XXH3 hashes them a word at a
 * time, FNV-1a took a multiplication per byte (a fifth of a no-change
 * night). */
static uint64_t hash_of(const char *key)
{
    return XXH3_64bits(key, strlen(key));
}

/* The slot holding `key`, or the empty slot where it would go; the text of
 * a key is compared only when its hash is the same. */
static size_t slot_of(const strmap *m, const char *key, uint64_t hash)
{
    size_t i = (size_t)hash & (m->cap - 1);
    while (m->keys[i] && (m->hashes[i] != hash || strcmp(m->keys[i], key) != 0))
        i = (i + 1) & (m->cap - 1);
    return i;
}

void *strmap_get(const strmap *m, const char *key)
{
    if (m->cap == 0)
        return NULL;
    size_t i = slot_of(m, key, hash_of(key));
    return m->keys[i] ? m->values[i] : NULL;
}

static void grow(strmap *m)
{
    strmap old = *m;
    m->cap = old.cap ? old.cap * 2 : 16;
    m->keys = ARENA_ARRAY(m->mem, const char *, m->cap);
    m->values = ARENA_ARRAY(m->mem, void *, m->cap);
    m->hashes = ARENA_ARRAY(m->mem, uint64_t, m->cap);
    for (size_t i = 0; i < old.cap; i++) {
        if (!old.keys[i])
            continue;
        size_t j = (size_t)old.hashes[i] & (m->cap - 1);
        while (m->keys[j]) /* the keys are distinct: the first empty slot */
            j = (j + 1) & (m->cap - 1);
        m->keys[j] = old.keys[i];
        m->values[j] = old.values[i];
        m->hashes[j] = old.hashes[i];
    }
}

void strmap_put(strmap *m, const char *key, void *value)
{
    if ((m->count + 1) * 4 > m->cap * 3)
        grow(m);
    uint64_t hash = hash_of(key);
    size_t i = slot_of(m, key, hash);
    if (!m->keys[i]) {
        m->keys[i] = key;
        m->hashes[i] = hash;
        m->count++;
    }
    m->values[i] = value;
}
