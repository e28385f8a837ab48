#include "pdfobjects.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pdf_objects {
    uint32_t first;
    strbuf body;   /* the objects' values, one after another */
    size_t *start; /* where each begins in body */
    size_t count, cap;
};

pdf_objects *pdfobjects_new(uint32_t first)
{
    pdf_objects *o = calloc(1, sizeof *o);
    if (o)
        o->first = first;
    return o;
}

void pdfobjects_free(pdf_objects *o)
{
    if (!o)
        return;
    strbuf_free(&o->body);
    free(o->start);
    free(o);
}

uint32_t pdfobjects_next(const pdf_objects *o)
{
    return o->first + (uint32_t)o->count;
}

strbuf *pdfobjects_add(pdf_objects *o)
{
    if (o->count == o->cap) {
        size_t cap = o->cap ? 2 * o->cap : 256;
        size_t *s = realloc(o->start, cap * sizeof *s);
        if (!s)
            return NULL;
        o->start = s;
        o->cap = cap;
    }
    if (o->count)
        strbuf_putc(&o->body, '\n');
    o->start[o->count++] = o->body.len;
    return &o->body;
}

/* ---- libharu's cross-reference table -------------------------------------- */

/* The offsets of libharu's objects 0 … n-1 (0 for a free entry) and where
 * its table begins; false when the file does not end as libharu ends it. */
static bool read_table(const unsigned char *data, size_t len, size_t **offsets, size_t *n,
                       size_t *table_at)
{
    const char *tail = "startxref";
    size_t at = len;
    while (at > 0 && (at + 9 > len || memcmp(data + at, tail, 9) != 0))
        at--;
    if (at == 0)
        return false;
    unsigned long xref = strtoul((const char *)data + at + 9, NULL, 10);
    unsigned long first, count;
    if (xref >= at || sscanf((const char *)data + xref, "xref %lu %lu", &first, &count) != 2 ||
        first != 0 || count == 0)
        return false;
    const char *p = strchr((const char *)data + xref + 5, '\n');
    size_t *off = calloc(count, sizeof *off);
    if (!p || !off) {
        free(off);
        return false;
    }
    p++;
    for (unsigned long i = 0; i < count; i++, p += 20) {
        if ((size_t)(p + 20 - (const char *)data) > at) {
            free(off);
            return false;
        }
        off[i] = p[17] == 'n' ? strtoul(p, NULL, 10) : 0;
    }
    *offsets = off;
    *n = count;
    *table_at = xref;
    return true;
}

/* ---- what takes its place ------------------------------------------------- */

static void put_entry(strbuf *x, int type, size_t field2, unsigned field3)
{
    unsigned char e[7] = {(unsigned char)type,
                          (unsigned char)(field2 >> 24),
                          (unsigned char)(field2 >> 16),
                          (unsigned char)(field2 >> 8),
                          (unsigned char)field2,
                          (unsigned char)(field3 >> 8),
                          (unsigned char)field3};
    strbuf_append(x, (const char *)e, sizeof e);
}

static void put_stream(strbuf *out, const unsigned char *z, size_t n)
{
    strbuf_printf(out, "/Filter/FlateDecode/Length %zu>>\nstream\n", n);
    strbuf_append(out, (const char *)z, n);
    strbuf_puts(out, "\nendstream\nendobj\n");
}

/* The object stream: the numbers and offsets of its objects, then them. */
static bool write_object_stream(pdf_objects *o, pdf_streams *ps, strbuf *out, uint32_t number)
{
    strbuf s = {0};
    for (size_t i = 0; i < o->count; i++)
        strbuf_printf(&s, "%u %zu ", o->first + (unsigned)i, o->start[i]);
    size_t header = s.len;
    strbuf_append(&s, o->body.data ? o->body.data : "", o->body.len);
    size_t n;
    const unsigned char *z = pdfstream_deflate(ps, s.data ? s.data : "", s.len, &n);
    if (z) {
        strbuf_printf(out, "%u 0 obj\n<</Type/ObjStm/N %zu/First %zu", number, o->count, header);
        put_stream(out, z, n);
    }
    strbuf_free(&s);
    return z != NULL;
}

static void put_hex(strbuf *out, const unsigned char id[16])
{
    strbuf_putc(out, '<');
    for (int i = 0; i < 16; i++)
        strbuf_printf(out, "%02X", id[i]);
    strbuf_putc(out, '>');
}

bool pdfobjects_finish(pdf_objects *o, pdf_streams *ps, unsigned char **data, size_t *len,
                       uint32_t root, uint32_t info, const unsigned char id[16])
{
    size_t *offsets, n, table_at;
    if (!read_table(*data, *len, &offsets, &n, &table_at) || n > o->first)
        return false;
    strbuf out = {0};
    strbuf_append(&out, (const char *)*data, table_at);
    uint32_t stm = pdfobjects_next(o), xref = stm + 1;
    size_t stm_at = out.len;
    bool ok = o->count == 0 || write_object_stream(o, ps, &out, stm);
    strbuf x = {0};
    put_entry(&x, 0, 0, 0xFFFF);
    for (size_t i = 1; i < o->first; i++)
        put_entry(&x, i < n && offsets[i] ? 1 : 0, i < n ? offsets[i] : 0, 0);
    for (size_t i = 0; i < o->count; i++)
        put_entry(&x, 2, stm, (unsigned)i);
    put_entry(&x, o->count ? 1 : 0, o->count ? stm_at : 0, 0);
    size_t xref_at = out.len;
    put_entry(&x, 1, xref_at, 0);
    size_t zn = 0;
    const unsigned char *z = ok ? pdfstream_deflate(ps, x.data, x.len, &zn) : NULL;
    if (z) {
        strbuf_printf(&out, "%u 0 obj\n<</Type/XRef/Size %u/W[1 4 2]/Root %u 0 R", xref, xref + 1,
                      root);
        if (info)
            strbuf_printf(&out, "/Info %u 0 R", info);
        strbuf_puts(&out, "/ID[");
        put_hex(&out, id);
        put_hex(&out, id);
        strbuf_putc(&out, ']');
        put_stream(&out, z, zn);
        strbuf_printf(&out, "startxref\n%zu\n%%%%EOF\n", xref_at);
    }
    strbuf_free(&x);
    free(offsets);
    if (!z || !out.data) {
        strbuf_free(&out);
        return false;
    }
    free(*data);
    *data = (unsigned char *)out.data;
    *len = out.len;
    return true;
}
