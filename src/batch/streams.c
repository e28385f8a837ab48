#include "streams.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "atomicfile.h"
#include "strbuf.h"

const char *streams_stdin_file(arena *mem, diag_list *dl)
{
    enum { MAX_INPUT = 4 << 20 }; /* more than a data file may hold: the loader says so */
    strbuf sb = {0};
    bool read_ok = strbuf_append_stream(&sb, stdin, MAX_INPUT);
    if (!read_ok)
        diag_add(dl, DIAG_ERROR, "-", 0, 0, NULL, "cannot read standard input: %s",
                 strerror(errno));
    const char *path = arena_printf(mem, ".planpress-stdin-%ld.yaml", (long)getpid());
    bool ok = read_ok && atomic_write(path, sb.data ? sb.data : "", sb.len);
    if (read_ok && !ok)
        diag_add(dl, DIAG_ERROR, path, 0, 0, NULL,
                 "cannot keep standard input in the current folder: %s", strerror(errno));
    strbuf_free(&sb);
    return ok ? path : NULL;
}

const char *streams_temp_pdf(arena *mem)
{
    const char *tmp = getenv("TMPDIR");
    return arena_printf(mem, "%s/planpress-%ld.pdf", tmp && *tmp ? tmp : "/tmp", (long)getpid());
}

bool streams_copy_to_stdout(const char *path, diag_list *dl)
{
    FILE *in = fopen(path, "rb");
    if (!in) {
        diag_add(dl, DIAG_ERROR, path, 0, 0, NULL, "cannot open: %s", strerror(errno));
        return false;
    }
    char buf[65536];
    size_t n;
    bool ok = true;
    while (ok && (n = fread(buf, 1, sizeof buf, in)) > 0)
        ok = fwrite(buf, 1, n, stdout) == n;
    ok = ok && !ferror(in) && fflush(stdout) == 0;
    if (!ok)
        diag_add(dl, DIAG_ERROR, "-", 0, 0, NULL, "cannot write the PDF to standard output: %s",
                 strerror(errno));
    fclose(in);
    return ok;
}

void streams_rename_file(diag_list *dl, const char *from, const char *to)
{
    for (size_t i = 0; i < dl->count; i++)
        if (dl->items[i].file && strcmp(dl->items[i].file, from) == 0)
            dl->items[i].file = to;
}
