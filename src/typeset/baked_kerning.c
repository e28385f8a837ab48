#include "baked_kerning.h"

#include <inttypes.h>
#include <stdbool.h>

#include "hash.h"

/* Generated at build time (.build/gen/baked_kernings.c). */
extern const baked_kerning baked_kernings[];
extern const size_t baked_kerning_count;

uint64_t baked_kerning_identity(const void *data, size_t len)
{
    const unsigned char *p = data;
    size_t directory = len;
    if (len >= 12) { /* sfnt version, numTables, 3 more; 16 bytes a table */
        size_t tables = (size_t)p[4] << 8 | p[5];
        if (12 + 16 * tables < len)
            directory = 12 + 16 * tables;
    }
    return XXH3_64bits_withSeed(data, directory, (XXH64_hash_t)len);
}

const baked_kerning *baked_kerning_find(const void *data, size_t len)
{
    uint64_t hash = 0;
    bool hashed = false;
    for (size_t i = 0; i < baked_kerning_count; i++) {
        const baked_kerning *bk = &baked_kernings[i];
        if (bk->size != len)
            continue;
        if (!hashed) {
            hash = baked_kerning_identity(data, len);
            hashed = true;
        }
        if (bk->hash == hash)
            return bk;
    }
    return NULL;
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
            "};\n#define FACE_%d {%" PRIu64 "u, UINT64_C(0x%016" PRIx64
            "), %" PRIu32 ", %" PRIu32 ", %" PRIu32
            ", chars_%d, class_chars_%d + 1, kerning_%d + 1}\n\n",
            index, bk->size, bk->hash, bk->nchars, bk->nclasses, bk->separator, index, index,
            index);
}

void baked_kerning_write_list(FILE *out, int count)
{
    fprintf(out, "const baked_kerning baked_kernings[] = {");
    for (int i = 0; i < count; i++)
        fprintf(out, "%sFACE_%d", i ? ", " : "", i);
    fprintf(out, "%s};\nconst size_t baked_kerning_count = %d;\n", count ? "" : "{0}", count);
}
