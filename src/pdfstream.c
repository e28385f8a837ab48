#include "pdfstream.h"

#include <hpdf_doc.h>
#include <stdlib.h>
#include <zlib.h>

/* Level 3: on planpress's pages and fonts within 3 % of the size zlib's
 * default level gives, and faster. */
enum { DEFLATE_LEVEL = 3, CHUNK = 16384 };

struct pdf_streams {
    HPDF_Doc pdf;
    z_stream z;
    unsigned char out[CHUNK];
};

pdf_streams *pdfstream_begin(HPDF_Doc pdf)
{
    pdf_streams *ps = calloc(1, sizeof *ps);
    if (!ps)
        return NULL;
    ps->pdf = pdf;
    if (deflateInit(&ps->z, DEFLATE_LEVEL) != Z_OK) {
        free(ps);
        return NULL;
    }
    return ps;
}

void pdfstream_end(pdf_streams *ps)
{
    if (!ps)
        return;
    deflateEnd(&ps->z);
    free(ps);
}

static HPDF_STATUS write_filter(HPDF_Dict d, HPDF_Stream stream)
{
    (void)d;
    return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

bool pdfstream_fill(pdf_streams *ps, HPDF_Dict stream, const void *data, size_t len)
{
    if (deflateReset(&ps->z) != Z_OK)
        return false;
    ps->z.next_in = (Bytef *)data;
    ps->z.avail_in = (uInt)len;
    int status;
    do {
        ps->z.next_out = ps->out;
        ps->z.avail_out = CHUNK;
        status = deflate(&ps->z, Z_FINISH);
        if (status == Z_STREAM_ERROR ||
            HPDF_Stream_Write(stream->stream, ps->out, (HPDF_UINT)(CHUNK - ps->z.avail_out)) !=
                HPDF_OK)
            return false;
    } while (status != Z_STREAM_END);
    stream->filter = HPDF_STREAM_FILTER_NONE;
    stream->write_fn = write_filter;
    return true;
}

HPDF_Dict pdfstream_new(pdf_streams *ps, const void *data, size_t len)
{
    HPDF_Dict d = HPDF_DictStream_New(ps->pdf->mmgr, ps->pdf->xref);
    return d && pdfstream_fill(ps, d, data, len) ? d : NULL;
}
