#include "pdfobjects.h"

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
    size_t at, end; /* "N 0 obj" … "endobj" and what follows, up to the next */
    uint32_t num;
} haru_object;

static int by_offset(const void *a, const void *b)
{
    const haru_object *x = a, *y = b;
    return x->at < y->at ? -1 : x->at > y->at;
}

/* libharu's objects in the order it wrote them; NULL when out of memory. */
static haru_object *objects_in_file(const size_t *offsets, size_t n, size_t table_at,
                                    size_t *count)
{
    haru_object *h = calloc(n ? n : 1, sizeof *h);
    size_t k = 0;
    for (size_t i = 1; h && i < n; i++)
        if (offsets[i] && offsets[i] < table_at)
            h[k++] = (haru_object){.at = offsets[i], .num = (uint32_t)i};
    if (!h)
        return NULL;
    qsort(h, k, sizeof *h, by_offset);
    for (size_t i = 0; i < k; i++)
        h[i].end = i + 1 < k ? h[i + 1].at : table_at;
    *count = k;
    return h;
}

static bool ends_with(const unsigned char *d, size_t from, size_t to, const char *word)
{
    size_t n = strlen(word);
    return to >= from + n && memcmp(d + to - n, word, n) == 0;
}

/* The value of object h, between its "N 0 obj" line and "endobj", without
 * the white space around it; false when it is not as libharu writes it. */
static bool object_value(const unsigned char *d, const haru_object *h, size_t *from, size_t *to)
{
    const unsigned char *eol = memchr(d + h->at, '\n', h->end - h->at);
    size_t end = h->end;
    while (end > h->at && strchr(" \r\n", d[end - 1]))
        end--;
    if (!eol || !ends_with(d, h->at, end, "endobj"))
        return false;
    *from = (size_t)(eol + 1 - d);
    *to = end - 6;
    while (*to > *from && strchr(" \r\n", d[*to - 1]))
        (*to)--;
    return true;
}

typedef struct {
    unsigned char type;
    size_t field2;
    unsigned field3;
} xref_entry;

/* Copies libharu's streams to `out`, noting their new offsets in x, and
 * moves its other objects into o. */
static bool sort_out(pdf_objects *o, const unsigned char *data, const haru_object *h, size_t count,
                     strbuf *out, xref_entry *x)
{
    for (size_t i = 0; i < count; i++) {
        size_t from, to;
        if (!object_value(data, &h[i], &from, &to))
            return false;
        if (ends_with(data, from, to, "endstream")) {
            x[h[i].num] = (xref_entry){1, out->len, 0};
            strbuf_append(out, (const char *)data + h[i].at, h[i].end - h[i].at);
            continue;
        }
        strbuf *b = add_numbered(o, h[i].num);
        if (!b)
            return false;
        strbuf_append(b, (const char *)data + from, to - from);
    }
    return true;
}

static void put_hex(strbuf *out, const unsigned char id[16])
{
    strbuf_putc(out, '<');
    for (int i = 0; i < 16; i++)
        strbuf_printf(out, "%02X", id[i]);
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

bool pdfobjects_finish(pdf_objects *o, pdf_streams *ps, unsigned char **data, size_t *len,
                       uint32_t root, uint32_t info, const unsigned char id[16])
{
    size_t *offsets, n, table_at, count = 0;
    if (!read_table(*data, *len, &offsets, &n, &table_at) || n > o->first)
        return false;
    haru_object *h = objects_in_file(offsets, n, table_at, &count);
    uint32_t stm = o->next, size = stm + 2;
    xref_entry *x = calloc(size, sizeof *x);
    strbuf out = {0};
    bool ok = h && x && count > 0;
    if (ok) {
        strbuf_append(&out, (const char *)*data, h[0].at);
        ok = sort_out(o, *data, h, count, &out, x);
    }
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
    free(h);
    free(offsets);
    if (!ok || !out.data) {
        strbuf_free(&out);
        return false;
    }
    free(*data);
    *data = (unsigned char *)out.data;
    *len = out.len;
    return true;
}
