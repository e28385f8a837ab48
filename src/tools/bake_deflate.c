/* bake_deflate: a build step. Compresses a file as pdfstream compresses a
 * stream (zlib format, libdeflate at PDFSTREAM_LEVEL) and writes the bytes
 * as a C array, for data that is the same in every document (the sRGB
 * profile): planpress then copies it instead of compressing it again.
 *
 * usage: bake_deflate OUT.c HEADER NAME FILE
 *   writes `const unsigned char NAME[]` and `const size_t NAME_len`. */
#include <libdeflate.h>
#include <stdio.h>
#include <stdlib.h>

#include "pdfstream.h"
#include "strbuf.h"

static bool write_array(FILE *out, const char *header, const char *name, const unsigned char *z,
                        size_t n)
{
    fprintf(out, "#include \"%s\"\n\nconst unsigned char %s[] = {", header, name);
    for (size_t i = 0; i < n; i++)
        fprintf(out, "%s%u,", i % 16 ? " " : "\n    ", z[i]);
    fprintf(out, "\n};\nconst size_t %s_len = %zu;\n", name, n);
    return !ferror(out);
}

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: bake_deflate OUT.c HEADER NAME FILE\n");
        return 2;
    }
    strbuf in = {0};
    if (!strbuf_append_file(&in, argv[4])) {
        fprintf(stderr, "bake_deflate: cannot read %s\n", argv[4]);
        return 1;
    }
    struct libdeflate_compressor *c = libdeflate_alloc_compressor(PDFSTREAM_LEVEL);
    size_t bound = c ? libdeflate_zlib_compress_bound(c, in.len) : 0;
    unsigned char *z = malloc(bound ? bound : 1);
    size_t n = c && z ? libdeflate_zlib_compress(c, in.data, in.len, z, bound) : 0;
    FILE *out = n ? fopen(argv[1], "w") : NULL;
    bool ok = out && write_array(out, argv[2], argv[3], z, n);
    if (out && fclose(out) != 0)
        ok = false;
    if (!ok)
        fprintf(stderr, "bake_deflate: cannot write %s\n", argv[1]);
    libdeflate_free_compressor(c);
    free(z);
    strbuf_free(&in);
    return ok ? 0 : 1;
}
