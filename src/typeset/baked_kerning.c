#include "baked_kerning.h"

#include <inttypes.h>
#include <stdbool.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hash.h"
#include "regular.h"

/* Generated at build time (.build/gen/baked_kernings.c). */
extern const baked_kerning baked_kernings[];
extern const size_t baked_kerning_count;

enum { HEADER = 12, MAX_DIRECTORY = HEADER + 16 * 64 };

/* How many bytes of a font file of `size` bytes that starts with `header`
 * (its first 12 bytes) identity hashes: the header and the table records,
 * 16 bytes each, or the whole of a file too short for them. */
static size_t directory_length(const unsigned char *header, uint64_t size)
{
    if (size < HEADER)
        return (size_t)size;
    size_t tables = (size_t)header[4] << 8 | header[5];
    return HEADER + 16 * tables < size ? HEADER + 16 * tables : (size_t)size;
}

static uint64_t identity(const void *directory, size_t directory_len, uint64_t size)
{
    return XXH3_64bits_withSeed(directory, directory_len, (XXH64_hash_t)size);
}

uint64_t baked_kerning_identity(const void *data, size_t len)
{
    return identity(data, directory_length(data, len), len);
}

static const baked_kerning *find(const void *directory, size_t directory_len, uint64_t size)
{
    uint64_t hash = 0;
    bool hashed = false;
    for (size_t i = 0; i < baked_kerning_count; i++) {
        const baked_kerning *bk = &baked_kernings[i];
        if (bk->size != size)
            continue;
        if (!hashed) {
            hash = identity(directory, directory_len, size);
            hashed = true;
        }
        if (bk->hash == hash)
            return bk;
    }
    return NULL;
}

/* A directory longer than the default fonts' (about 20 tables) is never one
 * of theirs, and is not read. */
const baked_kerning *baked_kerning_for_file(const char *path)
{
    int fd = regular_open(path);
    if (fd < 0)
        return NULL;
    unsigned char directory[MAX_DIRECTORY];
    struct stat st;
    const baked_kerning *bk = NULL;
    if (fstat(fd, &st) == 0 && st.st_size >= HEADER && pread(fd, directory, HEADER, 0) == HEADER) {
        size_t len = directory_length(directory, (uint64_t)st.st_size);
        if (len <= sizeof directory && pread(fd, directory, len, 0) == (ssize_t)len)
            bk = find(directory, len, (uint64_t)st.st_size);
    }
    close(fd);
    return bk;
}

void baked_kerning_write(FILE *out, const baked_kerning *bk, int index, const char *file)
{
    fprintf(out, "/* %s */\nstatic const baked_char chars_%d[] = {\n", file, index);
    for (uint32_t c = 0; c < bk->nchars; c++)
        fprintf(out, "{%u,%u,%" PRId32 "},%s", bk->chars[c].glyph, bk->chars[c].kern_class,
                bk->chars[c].advance, c % 8 == 7 ? "\n" : "");
    fprintf(out, "};\nstatic const uint32_t class_chars_%d[] = {0", index);
    for (uint32_t k = 0; k < bk->nclasses; k++)
        fprintf(out, ",%" PRIu32, bk->class_chars[k]);
    fprintf(out, "};\nstatic const int16_t kerning_%d[] = {0", index);
    for (size_t k = 0; k < (size_t)bk->nclasses * bk->nclasses; k++)
        fprintf(out, ",%d%s", bk->kerning[k], k % 16 == 15 ? "\n" : "");
    /* The lists start with a 0 so that none is empty; the tables skip it. The
     * entry is a macro: the list's initializers must be constants. */
    fprintf(out,
            "};\n#define FACE_%d {%" PRIu64 "u, UINT64_C(0x%016" PRIx64 "), %" PRIu32 ", %" PRId32
            ", %" PRId32 ", %" PRIu32 ", %" PRIu32 ", %" PRIu32
            ", chars_%d, class_chars_%d + 1, kerning_%d + 1}\n\n",
            index, bk->size, bk->hash, bk->upem, bk->ascender, bk->descender, bk->nchars,
            bk->nclasses, bk->separator, index, index, index);
}

void baked_kerning_write_list(FILE *out, int count)
{
    fprintf(out, "const baked_kerning baked_kernings[] = {");
    for (int i = 0; i < count; i++)
        fprintf(out, "%sFACE_%d", i ? ", " : "", i);
    fprintf(out, "%s};\nconst size_t baked_kerning_count = %d;\n", count ? "" : "{0}", count);
}
