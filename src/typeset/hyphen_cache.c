#include "hyphen_cache.h"

#include <stdint.h>
#include <string.h>

#include "hash.h"

/* A word's points are kept up to this many; a caller asking for more is
 * answered by the dictionary. hyphenate_word_except's first `max` points
 * are the same for any larger `max`, so fewer are a prefix of these. */
enum { KEPT_MAX = 64, FIRST_CAP = 256 };

typedef struct {
    const char *word; /* in the arena; NULL: a free slot */
    const hyphenator *h;
    const hyphen_exceptions *ex;
    uint64_t hash;
    uint16_t len, count;
    uint16_t *offsets;
} entry;

struct hyphen_cache {
    arena *mem;
    entry *slots;
    size_t count, cap; /* cap: a power of two, at least twice count */
};

hyphen_cache *hyphen_cache_new(arena *mem)
{
    hyphen_cache *c = ARENA_NEW(mem, hyphen_cache);
    *c = (hyphen_cache){.mem = mem, .cap = FIRST_CAP};
    c->slots = ARENA_ARRAY(mem, entry, c->cap);
    return c;
}

/* The slot holding the word, or the free slot where it goes. */
static entry *slot_for(entry *slots, size_t cap, uint64_t hash, const hyphenator *h,
                       const hyphen_exceptions *ex, const char *word, size_t len)
{
    for (size_t i = hash & (cap - 1);; i = (i + 1) & (cap - 1)) {
        entry *e = &slots[i];
        if (!e->word || (e->hash == hash && e->h == h && e->ex == ex && e->len == len &&
                         memcmp(e->word, word, len) == 0))
            return e;
    }
}

static void grow(hyphen_cache *c)
{
    size_t cap = c->cap * 2;
    entry *slots = ARENA_ARRAY(c->mem, entry, cap);
    for (size_t i = 0; i < c->cap; i++) {
        const entry *e = &c->slots[i];
        if (e->word)
            *slot_for(slots, cap, e->hash, e->h, e->ex, e->word, e->len) = *e;
    }
    c->slots = slots;
    c->cap = cap;
}

/* Looks the word up in the dictionary and keeps what it says in `e`. */
static void fill(hyphen_cache *c, entry *e, uint64_t hash, const hyphenator *h,
                 const hyphen_exceptions *ex, const char *word, size_t len)
{
    size_t at[KEPT_MAX];
    size_t n = hyphenate_word_except(h, ex, word, len, at, KEPT_MAX);
    *e = (entry){.word = arena_strndup(c->mem, word, len),
                 .h = h,
                 .ex = ex,
                 .hash = hash,
                 .len = (uint16_t)len,
                 .count = (uint16_t)n,
                 .offsets = ARENA_ARRAY_UNINIT(c->mem, uint16_t, n ? n : 1)};
    for (size_t k = 0; k < n; k++)
        e->offsets[k] = (uint16_t)at[k];
    c->count++;
}

size_t hyphen_cache_word(hyphen_cache *c, const hyphenator *h, const hyphen_exceptions *ex,
                         const char *word, size_t len, size_t *offsets, size_t max)
{
    if (!c || max > KEPT_MAX || len > UINT16_MAX)
        return hyphenate_word_except(h, ex, word, len, offsets, max);
    if (2 * (c->count + 1) > c->cap)
        grow(c);
    uint64_t hash = hash_content(word, len);
    entry *e = slot_for(c->slots, c->cap, hash, h, ex, word, len);
    if (!e->word)
        fill(c, e, hash, h, ex, word, len);
    size_t n = e->count < max ? e->count : max;
    for (size_t k = 0; k < n; k++)
        offsets[k] = e->offsets[k];
    return n;
}
