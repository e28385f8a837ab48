/* hash: the 64-bit FNV-1a hash for hash maps, and XXH3 (libxxhash) for
 * telling whether a file's content changed between two runs. */
#ifndef PP_HASH_H
#define PP_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <xxhash.h>

#define HASH_SEED UINT64_C(0xcbf29ce484222325)

/* Continues the hash `h` (start with HASH_SEED) over `len` bytes. */
static inline uint64_t hash_bytes(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++)
        h = (h ^ p[i]) * UINT64_C(0x100000001b3);
    return h;
}

/* The hash of a file's content (fonts and the dictionary are hashed on
 * every cold run). XXH3's streaming functions give the same value for the
 * content read in pieces. */
static inline uint64_t hash_content(const void *data, size_t len)
{
    return XXH3_64bits(data, len);
}

#endif
