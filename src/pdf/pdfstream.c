#include "pdfstream.h"

#include <hpdf_doc.h>
#include <libdeflate.h>
#include <stdlib.h>
#include <string.h>

struct pdf_streams {
    HPDF_Doc pdf;
    struct libdeflate_compressor *deflater;
    unsigned char *data; /* every stream's data, one after another */
    size_t len, cap;
};

/* A libharu stream that reads the bytes [at, at + len) of ps->data. */
typedef struct {
    HPDF_Stream_Rec stream; /* first: libharu knows only this part */
    const pdf_streams *ps;
    size_t at, len, pos;
} stored;

pdf_streams *pdfstream_begin(HPDF_Doc pdf)
{
    pdf_streams *ps = calloc(1, sizeof *ps);
    if (!ps)
        return NULL;
    ps->pdf = pdf;
    ps->deflater = libdeflate_alloc_compressor(PDFSTREAM_LEVEL);
    if (!ps->deflater) {
        free(ps);
        return NULL;
    }
    return ps;
}

void pdfstream_end(pdf_streams *ps)
{
    if (!ps)
        return;
    libdeflate_free_compressor(ps->deflater);
    free(ps->data);
    free(ps);
}

/* Room for n more bytes after ps->len. */
static bool room(pdf_streams *ps, size_t n)
{
    if (ps->len + n <= ps->cap)
        return true;
    size_t cap = ps->cap ? ps->cap : 65536; /* most documents need 64 to 128 KB */
    while (cap < ps->len + n)
        cap *= 2;
    unsigned char *d = realloc(ps->data, cap);
    if (!d)
        return false;
    ps->data = d;
    ps->cap = cap;
    return true;
}

/* `data` compressed right after ps->len, not yet kept; 0 on failure. */
static size_t compress_at_end(pdf_streams *ps, const void *data, size_t len)
{
    size_t bound = libdeflate_zlib_compress_bound(ps->deflater, len);
    if (!room(ps, bound))
        return 0;
    return libdeflate_zlib_compress(ps->deflater, data, len, ps->data + ps->len, bound);
}

const unsigned char *pdfstream_deflate(pdf_streams *ps, const void *data, size_t len, size_t *n)
{
    *n = compress_at_end(ps, data, len);
    return *n ? ps->data + ps->len : NULL;
}

/* ---- the stream libharu reads ---------------------------------------------- */

static HPDF_STATUS read_stored(HPDF_Stream s, HPDF_BYTE *buf, HPDF_UINT *size)
{
    stored *st = (stored *)s;
    size_t left = st->len - st->pos, n = *size < left ? *size : left;
    memcpy(buf, st->ps->data + st->at + st->pos, n);
    st->pos += n;
    *size = (HPDF_UINT)n;
    return st->pos == st->len ? HPDF_STREAM_EOF : HPDF_OK;
}

static HPDF_STATUS seek_stored(HPDF_Stream s, HPDF_INT pos, HPDF_WhenceMode mode)
{
    stored *st = (stored *)s;
    long long from = mode == HPDF_SEEK_CUR ? (long long)st->pos
                     : mode == HPDF_SEEK_END ? (long long)st->len
                                             : 0;
    if (from + pos < 0 || from + pos > (long long)st->len)
        return HPDF_SetError(s->error, HPDF_STREAM_EOF, 0);
    st->pos = (size_t)(from + pos);
    return HPDF_OK;
}

static HPDF_INT32 tell_stored(HPDF_Stream s)
{
    return (HPDF_INT32)((stored *)s)->pos;
}

static HPDF_UINT32 size_stored(HPDF_Stream s)
{
    return (HPDF_UINT32)((stored *)s)->len;
}

/* Keeps the `len` bytes at ps->len as the data of `dict`, in place of its
 * libharu stream. */
static bool keep(pdf_streams *ps, HPDF_Dict dict, size_t len)
{
    stored *st = HPDF_GetMem(dict->mmgr, sizeof *st);
    if (!st)
        return false;
    *st = (stored){.stream = {.sig_bytes = HPDF_STREAM_SIG_BYTES,
                              .type = HPDF_STREAM_MEMORY,
                              .mmgr = dict->mmgr,
                              .error = dict->error,
                              .read_fn = read_stored,
                              .seek_fn = seek_stored,
                              .tell_fn = tell_stored,
                              .size_fn = size_stored},
                   .ps = ps,
                   .at = ps->len,
                   .len = len};
    st->stream.attr = st;
    if (dict->stream)
        HPDF_Stream_Free(dict->stream);
    dict->stream = &st->stream;
    ps->len += len;
    return true;
}

static HPDF_STATUS write_filter(HPDF_Dict d, HPDF_Stream stream)
{
    (void)d;
    return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

/* keep(), the data being compressed: the dictionary says how. */
static bool keep_deflated(pdf_streams *ps, HPDF_Dict dict, size_t len)
{
    if (!keep(ps, dict, len))
        return false;
    dict->filter = HPDF_STREAM_FILTER_NONE;
    dict->write_fn = write_filter;
    return true;
}

/* `len` bytes copied to ps->len, not yet kept. */
static bool copy_at_end(pdf_streams *ps, const void *data, size_t len)
{
    if (!room(ps, len))
        return false;
    if (len)
        memcpy(ps->data + ps->len, data, len);
    return true;
}

bool pdfstream_fill(pdf_streams *ps, HPDF_Dict stream, const void *data, size_t len)
{
    size_t n = compress_at_end(ps, data, len);
    return n && keep_deflated(ps, stream, n);
}

HPDF_Dict pdfstream_new(pdf_streams *ps, const void *data, size_t len)
{
    HPDF_Dict d = HPDF_DictStream_New(ps->pdf->mmgr, ps->pdf->xref);
    return d && pdfstream_fill(ps, d, data, len) ? d : NULL;
}

HPDF_Dict pdfstream_new_deflated(pdf_streams *ps, const void *deflated, size_t len)
{
    HPDF_Dict d = HPDF_DictStream_New(ps->pdf->mmgr, ps->pdf->xref);
    return d && copy_at_end(ps, deflated, len) && keep_deflated(ps, d, len) ? d : NULL;
}

HPDF_Dict pdfstream_new_uncompressed(pdf_streams *ps, const void *data, size_t len)
{
    HPDF_Dict d = HPDF_DictStream_New(ps->pdf->mmgr, ps->pdf->xref);
    return d && copy_at_end(ps, data, len) && keep(ps, d, len) ? d : NULL;
}
