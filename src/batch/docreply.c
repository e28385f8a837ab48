#include "docreply.h"

#include <stdint.h>
#include <string.h>

/* ---- writing ------------------------------------------------------------- */

static void put_u64(strbuf *out, uint64_t v)
{
    strbuf_append(out, (const char *)&v, sizeof v);
}

/* A string as its length and bytes; NULL as the length UINT64_MAX. */
static void put_str(strbuf *out, const char *s)
{
    put_u64(out, s ? strlen(s) : UINT64_MAX);
    if (s)
        strbuf_append(out, s, strlen(s));
}

void docreply_encode(strbuf *out, const docreply *r)
{
    const doc_record *rec = r->built ? r->record : NULL;
    put_u64(out, r->built);
    put_u64(out, r->warnings);
    put_u64(out, r->diags->count);
    for (size_t i = 0; i < r->diags->count; i++) {
        const diag *g = &r->diags->items[i];
        put_u64(out, (uint64_t)g->severity);
        put_str(out, g->file);
        put_u64(out, (uint64_t)(int64_t)g->line);
        put_u64(out, (uint64_t)(int64_t)g->col);
        put_str(out, g->path);
        put_str(out, g->message);
    }
    put_u64(out, rec != NULL);
    if (!rec)
        return;
    put_u64(out, (uint64_t)rec->pdf_size);
    put_u64(out, (uint64_t)rec->pdf_mtime_ns);
    put_u64(out, rec->warnings);
    put_u64(out, rec->inputs.count);
    for (size_t i = 0; i < rec->inputs.count; i++) {
        const input_record *in = &rec->inputs.items[i];
        put_str(out, in->path);
        put_u64(out, (uint64_t)in->digest.state);
        put_u64(out, in->digest.hash);
    }
}

/* ---- reading ------------------------------------------------------------- */

typedef struct {
    const char *p, *end;
    arena *mem;
    bool ok;
} reader;

static uint64_t get_u64(reader *r)
{
    uint64_t v = 0;
    if ((size_t)(r->end - r->p) < sizeof v) {
        r->ok = false;
        return 0;
    }
    memcpy(&v, r->p, sizeof v);
    r->p += sizeof v;
    return v;
}

static const char *get_str(reader *r)
{
    uint64_t n = get_u64(r);
    if (!r->ok || n == UINT64_MAX)
        return NULL;
    if (n > (uint64_t)(r->end - r->p)) {
        r->ok = false;
        return NULL;
    }
    const char *s = arena_strndup(r->mem, r->p, (size_t)n);
    r->p += n;
    return s;
}

/* A count of things each at least `least` bytes long that fit in what is left. */
static size_t get_count(reader *r, size_t least)
{
    uint64_t n = get_u64(r);
    if (n > (uint64_t)(r->end - r->p) / least)
        r->ok = false;
    return r->ok ? (size_t)n : 0;
}

static void get_diags(reader *r, diag_list *dl)
{
    size_t n = get_count(r, 6 * sizeof(uint64_t));
    for (size_t i = 0; i < n && r->ok; i++) {
        diag_severity sev = (diag_severity)get_u64(r);
        const char *file = get_str(r);
        int line = (int)(int64_t)get_u64(r);
        int col = (int)(int64_t)get_u64(r);
        const char *path = get_str(r);
        const char *message = get_str(r);
        if (r->ok && sev <= DIAG_DETAIL)
            diag_add_text(dl, sev, file, line, col, path, message ? message : "");
        else
            r->ok = false;
    }
}

static doc_record *get_record(reader *r, const doc_record *named)
{
    doc_record *rec = ARENA_NEW(r->mem, doc_record);
    *rec = (doc_record){.output = named->output, .kind = named->kind, .source = named->source};
    rec->pdf_size = (int64_t)get_u64(r);
    rec->pdf_mtime_ns = (int64_t)get_u64(r);
    rec->warnings = (size_t)get_u64(r);
    size_t n = get_count(r, 3 * sizeof(uint64_t));
    rec->inputs = (input_list){ARENA_ARRAY(r->mem, input_record, n ? n : 1), 0, n ? n : 1};
    for (size_t i = 0; i < n && r->ok; i++) {
        const char *path = get_str(r);
        file_state state = (file_state)get_u64(r);
        uint64_t hash = get_u64(r);
        if (!path || state > FILE_UNREADABLE)
            r->ok = false;
        else
            rec->inputs.items[rec->inputs.count++] = (input_record){path, {state, hash}};
    }
    return rec;
}

bool docreply_decode(const char **data, const char *end, arena *mem, const doc_record *named,
                     docreply *out)
{
    reader r = {*data, end, mem, true};
    uint64_t built = get_u64(&r);
    out->warnings = (size_t)get_u64(&r);
    if (built > 1)
        r.ok = false;
    out->built = built == 1;
    get_diags(&r, out->diags);
    bool has_record = get_u64(&r) != 0;
    out->record = has_record && r.ok ? get_record(&r, named) : NULL;
    *data = r.p;
    return r.ok && has_record == out->built;
}
