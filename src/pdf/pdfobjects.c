#include "pdfobjects.h"

#include <hpdf_doc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pdf_objects {
    uint32_t first, next;
    strbuf body;    /* the objects' values, one after another */
    size_t *start;  /* where each begins in body */
    uint32_t *num;  /* and its number */
    size_t count, cap;
};

pdf_objects *pdfobjects_new(uint32_t first)
{
    pdf_objects *o = calloc(1, sizeof *o);
    if (o)
        o->first = o->next = first;
    return o;
}

void pdfobjects_free(pdf_objects *o)
{
    if (!o)
        return;
    strbuf_free(&o->body);
    free(o->start);
    free(o->num);
    free(o);
}

uint32_t pdfobjects_next(const pdf_objects *o)
{
    return o->next;
}

/* Begins object `number` in the object stream. */
static strbuf *add_numbered(pdf_objects *o, uint32_t number)
{
    if (o->count == o->cap) {
        size_t cap = o->cap ? 2 * o->cap : 256;
        size_t *s = realloc(o->start, cap * sizeof *s);
        if (s)
            o->start = s;
        uint32_t *num = s ? realloc(o->num, cap * sizeof *num) : NULL;
        if (!num)
            return NULL;
        o->num = num;
        o->cap = cap;
    }
    if (o->count)
        strbuf_putc(&o->body, '\n');
    o->start[o->count] = o->body.len;
    o->num[o->count++] = number;
    return &o->body;
}

strbuf *pdfobjects_add(pdf_objects *o)
{
    strbuf *b = add_numbered(o, o->next);
    if (b)
        o->next++;
    return b;
}

/* ---- the object stream and the cross-reference stream ---------------------- */

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
    for (size_t i = 0; i < o->count; i++) {
        strbuf_put_uint(&s, o->num[i]);
        strbuf_putc(&s, ' ');
        strbuf_put_uint(&s, o->start[i]);
        strbuf_putc(&s, ' ');
    }
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

/* ---- libharu's objects: the streams stay, the rest joins the object stream */

typedef struct {
    unsigned char type;
    size_t field2;
    unsigned field3;
} xref_entry;

/* libharu 2.3.0's first lines for PDF 1.7 */
static const char header[] = "%PDF-1.7\012%\267\276\255\252\012";

static HPDF_STATUS append(HPDF_Stream s, const HPDF_BYTE *p, HPDF_UINT n)
{
    strbuf_append(s->attr, (const char *)p, n);
    return HPDF_OK;
}

static bool is_stream(const void *obj)
{
    const HPDF_Obj_Header *h = obj;
    return (h->obj_class & HPDF_OCLASS_ANY) == HPDF_OCLASS_DICT &&
           ((const HPDF_Dict_Rec *)obj)->stream;
}

/* libharu's objects 1 … n-1 as its writer writes them: the streams to
 * `out`, their offsets noted in x, the others into o. */
static bool write_haru_objects(pdf_objects *o, HPDF_Xref xref, strbuf *out, xref_entry *x)
{
    HPDF_Stream s = HPDF_CallbackWriter_New(xref->mmgr, append, out);
    bool ok = s != NULL;
    for (HPDF_UINT i = 1; ok && i < xref->entries->count; i++) {
        HPDF_XrefEntry e = HPDF_Xref_GetEntry(xref, i);
        if (e->entry_typ != HPDF_IN_USE_ENTRY)
            continue;
        bool stream = is_stream(e->obj);
        if (stream) {
            x[i] = (xref_entry){1, out->len, 0};
            strbuf_put_uint(out, i);
            strbuf_puts(out, " 0 obj\012");
        }
        s->attr = stream ? out : add_numbered(o, i);
        ok = s->attr && HPDF_Obj_WriteValue(e->obj, s, NULL) == HPDF_OK;
        if (stream)
            strbuf_puts(out, "\012endobj\012");
    }
    if (s)
        HPDF_Stream_Free(s);
    return ok;
}

static void put_hex(strbuf *out, const unsigned char id[16])
{
    strbuf_putc(out, '<');
    for (int i = 0; i < 16; i++)
        strbuf_put_hex(out, id[i], 2);
    strbuf_putc(out, '>');
}

static void write_xref(strbuf *out, pdf_streams *ps, const xref_entry *x, uint32_t size,
                       uint32_t root, uint32_t info, const unsigned char id[16], bool *ok)
{
    strbuf t = {0};
    for (uint32_t i = 0; i < size; i++)
        put_entry(&t, x[i].type, x[i].field2, x[i].field3);
    size_t zn = 0;
    const unsigned char *z = *ok && t.data ? pdfstream_deflate(ps, t.data, t.len, &zn) : NULL;
    if (z) {
        strbuf_printf(out, "%u 0 obj\n<</Type/XRef/Size %u/W[1 4 2]/Root %u 0 R", size - 1, size,
                      root);
        if (info)
            strbuf_printf(out, "/Info %u 0 R", info);
        strbuf_puts(out, "/ID[");
        put_hex(out, id);
        put_hex(out, id);
        strbuf_putc(out, ']');
        put_stream(out, z, zn);
        strbuf_printf(out, "startxref\n%zu\n%%%%EOF\n", x[size - 1].field2);
    }
    *ok = z != NULL;
    strbuf_free(&t);
}

bool pdfobjects_finish(pdf_objects *o, pdf_streams *ps, HPDF_Doc pdf, const unsigned char id[16],
                       unsigned char **data, size_t *len)
{
    HPDF_Xref xref = pdf->xref;
    if (xref->start_offset != 0 || xref->prev || xref->entries->count > o->first)
        return false;
    uint32_t stm = o->next, size = stm + 2;
    uint32_t root = pdf->catalog->header.obj_id & 0x00FFFFFF;
    uint32_t info = pdf->info ? pdf->info->header.obj_id & 0x00FFFFFF : 0;
    xref_entry *x = calloc(size, sizeof *x);
    strbuf out = {0};
    strbuf_append(&out, header, sizeof header - 1);
    bool ok = x && write_haru_objects(o, xref, &out, x);
    if (ok) {
        x[0] = (xref_entry){0, 0, 0xFFFF};
        for (size_t i = 0; i < o->count; i++)
            x[o->num[i]] = (xref_entry){2, stm, (unsigned)i};
        x[stm] = (xref_entry){1, out.len, 0};
        ok = write_object_stream(o, ps, &out, stm);
        x[stm + 1] = (xref_entry){1, out.len, 0};
        write_xref(&out, ps, x, size, root, info, id, &ok);
    }
    free(x);
    if (!ok) {
        strbuf_free(&out);
        return false;
    }
    *data = (unsigned char *)out.data;
    *len = out.len;
    return true;
}
