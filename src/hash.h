/* hash: the 64-bit FNV-1a hash for hash maps, and a word-at-a-time hash for
 * telling whether a file's content changed between two runs (fonts and the
 * program itself are read on every cold run: eight times fewer steps). */
#ifndef PP_HASH_H
#define PP_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define HASH_SEED UINT64_C(0xcbf29ce484222325)

/* Continues the hash `h` (start with HASH_SEED) over `len` bytes. */
static inline uint64_t hash_bytes(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++)
        h = (h ^ p[i]) * UINT64_C(0x100000001b3);
    return h;
}

/* Continues the content hash `h` (start with HASH_SEED) over `len` bytes,
 * eight at a time. Not the same values as hash_bytes. */
static inline uint64_t hash_content(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    const uint64_t mul = UINT64_C(0x9e3779b97f4a7c15);
    for (; len >= 8; p += 8, len -= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        h = (h ^ w) * mul;
        h ^= h >> 29;
    }
    for (; len > 0; p++, len--)
        h = (h ^ *p) * UINT64_C(0x100000001b3);
    return h;
}

#endif
