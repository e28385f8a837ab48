/* hash: XXH3 (libxxhash) for telling whether a file's content changed
 * between two runs (strmap hashes its keys with it too). */
#ifndef PP_HASH_H
#define PP_HASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <xxhash.h>

/* The hash of a file's content (fonts and the dictionary are hashed on
 * every cold run). XXH3's streaming functions give the same value for the
 * content read in pieces. */
static inline uint64_t hash_content(const void *data, size_t len)
{
    return XXH3_64bits(data, len);
}

/* hash_content of the regular file at `path`, read in pieces through one
 * buffer on the stack (no copy of the whole file in memory), and its size
 * when `size` is not NULL. False, with errno set, when it cannot be read. */
bool hash_file(const char *path, uint64_t *hash, uint64_t *size);

#endif
