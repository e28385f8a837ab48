#include "manifest.h"

#include "atomicfile.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "strbuf.h"
#include "regular.h"

static const char magic[] = "planpress manifest 1";

enum { MANIFEST_BUFFER = 256 * 1024 };

void manifest_init(manifest *m, arena *mem)
{
    *m = (manifest){.mem = mem};
    strmap_init(&m->docs, mem);
}

doc_record *manifest_find(const manifest *m, const char *output)
{
    return strmap_get(&m->docs, output);
}

void manifest_put(manifest *m, doc_record *rec)
{
    strmap_put(&m->docs, rec->output, rec);
}

void manifest_drop(manifest *m, const char *output)
{
    if (manifest_find(m, output))
        strmap_put(&m->docs, output, NULL);
}

void manifest_drop_all(manifest *m)
{
    strmap_init(&m->docs, m->mem);
}

const char *setting_list_changed(const setting_list *a, const setting_list *b)
{
    for (size_t i = 0; i < a->count || i < b->count; i++) {
        const setting *x = i < a->count ? &a->items[i] : NULL;
        const setting *y = i < b->count ? &b->items[i] : NULL;
        if (!x || !y || strcmp(x->name, y->name) != 0)
            return x ? x->name : y->name;
        if (strcmp(x->value, y->value) != 0)
            return x->name;
    }
    return NULL;
}

void input_list_add(arena *mem, input_list *list, const char *path, file_digest digest)
{
    for (size_t i = 0; i < list->count; i++)
        if (strcmp(list->items[i].path, path) == 0)
            return;
    *ARENA_PUSH(mem, list->items, list->count, list->cap) =
        (input_record){arena_strdup(mem, path), digest};
}

const char *input_list_changed(const input_list *list, filecache *fc)
{
    for (size_t i = 0; i < list->count; i++)
        if (!file_digest_equal(list->items[i].digest, filecache_digest(fc, list->items[i].path)))
            return list->items[i].path;
    return NULL;
}

/* ---- writing -------------------------------------------------------------- */

/* Paths and settings end their line: only %, CR and LF need escaping. The
 * text between them is written a run at a time. */
static void put_text(FILE *f, const char *s)
{
    for (;;) {
        size_t plain = strcspn(s, "%\n\r");
        fwrite(s, 1, plain, f);
        s += plain;
        if (!*s)
            break;
        fprintf(f, "%%%02X", (unsigned char)*s++);
    }
    putc('\n', f);
}

static void put_digest(FILE *f, file_digest d)
{
    switch (d.state) {
    case FILE_ABSENT: fputs("- ", f); break;
    case FILE_UNREADABLE: fputs("? ", f); break;
    case FILE_PRESENT: fprintf(f, "%016" PRIx64 " ", d.hash); break;
    }
}

static void put_inputs(FILE *f, const char *tag, const input_list *list)
{
    for (size_t i = 0; i < list->count; i++) {
        fprintf(f, "%s ", tag);
        put_digest(f, list->items[i].digest);
        put_text(f, list->items[i].path);
    }
}

typedef struct {
    const char *path;
    file_stamp stamp;
    uint64_t hash;
} file_line;

typedef struct {
    file_line *items;
    size_t count, cap;
} file_lines;

typedef struct {
    arena *mem;
    strmap referenced;
    file_lines lines;
} file_collector;

/* Keeps the files of the records, and those looked at in this run. */
static void collect_file(void *ctx, const char *path, const file_stamp *st, uint64_t hash,
                         bool seen)
{
    file_collector *c = ctx;
    if (seen || strmap_get(&c->referenced, path))
        *ARENA_PUSH(c->mem, c->lines.items, c->lines.count, c->lines.cap) =
            (file_line){path, *st, hash};
}

static int compare_file_lines(const void *a, const void *b)
{
    return strcmp(((const file_line *)a)->path, ((const file_line *)b)->path);
}

static void put_files(FILE *f, file_collector *c, filecache *fc)
{
    filecache_each(fc, collect_file, c);
    qsort(c->lines.items, c->lines.count, sizeof *c->lines.items, compare_file_lines);
    for (size_t i = 0; i < c->lines.count; i++) {
        const file_line *l = &c->lines.items[i];
        fprintf(f, "file %" PRId64 " %" PRId64 " %" PRId64 " %" PRId64 " %016" PRIx64 " ",
                l->stamp.ino, l->stamp.size, l->stamp.mtime_ns, l->stamp.ctime_ns, l->hash);
        put_text(f, l->path);
    }
}

static int compare_records(const void *a, const void *b)
{
    return strcmp((*(doc_record *const *)a)->output, (*(doc_record *const *)b)->output);
}

static void reference(strmap *referenced, const input_list *list)
{
    for (size_t i = 0; i < list->count; i++)
        strmap_put(referenced, list->items[i].path, (void *)list->items[i].path);
}

static void put_all(const manifest *m, filecache *fc, arena *tmp, FILE *f)
{
    size_t n = 0;
    doc_record **docs = ARENA_ARRAY(tmp, doc_record *, m->docs.count + 1);
    file_collector files = {.mem = tmp};
    strmap_init(&files.referenced, tmp);
    reference(&files.referenced, &m->shared);
    for (size_t i = 0; i < m->docs.cap; i++) {
        if (m->docs.keys[i] && m->docs.values[i]) {
            docs[n] = m->docs.values[i];
            reference(&files.referenced, &docs[n++]->inputs);
        }
    }
    qsort(docs, n, sizeof *docs, compare_records);

    fprintf(f, "%s\n", magic);
    for (size_t i = 0; i < m->settings.count; i++) {
        fprintf(f, "setting %s ", m->settings.items[i].name);
        put_text(f, m->settings.items[i].value);
    }
    put_inputs(f, "shared", &m->shared);
    put_files(f, &files, fc);
    for (size_t i = 0; i < n; i++) {
        const doc_record *d = docs[i];
        fprintf(f, "doc %s %zu %" PRId64 " %" PRId64 " ", d->kind, d->warnings, d->pdf_size,
                d->pdf_mtime_ns);
        put_text(f, d->output);
        fputs("source ", f);
        put_text(f, d->source);
        put_inputs(f, "input", &d->inputs);
    }
    fputs("end\n", f);
}

bool manifest_save(const manifest *m, const char *path, filecache *fc, diag_list *dl)
{
    arena tmp;
    arena_init(&tmp);
    atomic_file af;
    bool ok = atomic_open(&af, path);
    if (ok) {
        /* Whole blocks to the file, not the stdio default of a few KB. */
        char *buffer = arena_alloc_uninit(&tmp, MANIFEST_BUFFER);
        setvbuf(af.f, buffer, _IOFBF, MANIFEST_BUFFER);
        put_all(m, fc, &tmp, af.f);
        /* Not synced to the disk: an old manifest after a power cut does
         * not match the PDFs' size and time, an empty one reads as damaged,
         * and either only makes documents be built again. */
        ok = atomic_close(&af);
    }
    if (!ok)
        diag_add(dl, DIAG_ERROR, path, 0, 0, NULL, "cannot write the manifest: %s",
                 regular_strerror(errno));
    arena_free(&tmp);
    return ok;
}

/* ---- reading -------------------------------------------------------------- */

typedef struct {
    char *p; /* the rest of the current line */
} line_reader;

/* The next space-separated field, or NULL at the end of the line. */
static char *field(line_reader *r)
{
    if (!r->p || !*r->p)
        return NULL;
    char *start = r->p, *space = strchr(start, ' ');
    if (space) {
        *space = '\0';
        r->p = space + 1;
    } else {
        r->p = NULL;
    }
    return start;
}

static int hex_value(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* The rest of the line, unescaped in place; NULL when empty or malformed. */
static const char *rest_text(line_reader *r)
{
    if (!r->p || !*r->p)
        return NULL;
    char *out = r->p, *o = strchr(out, '%');
    r->p = NULL;
    if (!o)
        return out; /* nothing escaped: most paths */
    for (const char *s = o; *s; s++) {
        if (*s == '%') {
            int hi = hex_value(s[1]), lo = hi < 0 ? -1 : hex_value(s[2]);
            if (lo < 0)
                return NULL;
            *o++ = (char)(hi * 16 + lo);
            s += 2;
        } else {
            *o++ = *s;
        }
    }
    *o = '\0';
    return out;
}

static const char *rest_copy(arena *mem, line_reader *r)
{
    const char *s = rest_text(r);
    return s ? arena_strdup(mem, s) : NULL;
}

/* A whole number as put_all writes it: an optional '-' and digits. */
static bool parse_i64(const char *s, int64_t *v)
{
    if (!s)
        return false;
    bool negative = *s == '-';
    s += negative;
    uint64_t x = 0;
    const char *start = s;
    for (; *s >= '0' && *s <= '9'; s++) {
        if (x > ((uint64_t)INT64_MAX + negative - (uint64_t)(*s - '0')) / 10)
            return false;
        x = x * 10 + (uint64_t)(*s - '0');
    }
    if (s == start || *s)
        return false;
    *v = negative ? (int64_t)(0 - x) : (int64_t)x;
    return true;
}

/* 16 hexadecimal digits, as put_digest writes them (lower case). */
static bool parse_hash(const char *s, uint64_t *h)
{
    uint64_t x = 0;
    for (int i = 0; s && i < 16; i++) {
        int v = s[i] >= 'a' && s[i] <= 'f' ? s[i] - 'a' + 10 : hex_value(s[i]);
        if (v < 0 || v > 15 || (s[i] >= 'A' && s[i] <= 'F'))
            return false;
        x = x << 4 | (uint64_t)v;
    }
    if (!s)
        return false;
    *h = x;
    return s[16] == '\0';
}

static bool parse_digest(const char *s, file_digest *d)
{
    if (s && strcmp(s, "-") == 0) {
        *d = (file_digest){FILE_ABSENT, 0};
        return true;
    }
    if (s && strcmp(s, "?") == 0) {
        *d = (file_digest){FILE_UNREADABLE, 0};
        return true;
    }
    d->state = FILE_PRESENT;
    return parse_hash(s, &d->hash);
}

static bool parse_setting(arena *mem, line_reader *r, setting_list *list)
{
    const char *name = field(r);
    if (!name)
        return false;
    const char *value = r->p && *r->p ? rest_copy(mem, r) : "";
    if (value)
        *ARENA_PUSH(mem, list->items, list->count, list->cap) =
            (setting){arena_strdup(mem, name), value};
    return value != NULL;
}

/* Documents share the file cache's copy of each path. */
static bool parse_input(arena *mem, filecache *fc, line_reader *r, input_list *list)
{
    file_digest d;
    if (!parse_digest(field(r), &d))
        return false;
    const char *path = rest_text(r);
    if (path)
        *ARENA_PUSH(mem, list->items, list->count, list->cap) =
            (input_record){filecache_path(fc, path), d};
    return path != NULL;
}

/* The path is left in the text, which outlives `files`. */
static bool parse_file(arena *mem, line_reader *r, file_lines *files)
{
    file_line f;
    if (!parse_i64(field(r), &f.stamp.ino) || !parse_i64(field(r), &f.stamp.size) ||
        !parse_i64(field(r), &f.stamp.mtime_ns) || !parse_i64(field(r), &f.stamp.ctime_ns) ||
        !parse_hash(field(r), &f.hash) || !(f.path = rest_text(r)))
        return false;
    *ARENA_PUSH(mem, files->items, files->count, files->cap) = f;
    return true;
}

static doc_record *parse_doc(arena *mem, line_reader *r)
{
    doc_record *d = ARENA_NEW(mem, doc_record);
    const char *kind = field(r), *warnings = field(r);
    int64_t w;
    if (!kind || !parse_i64(warnings, &w) || w < 0 || !parse_i64(field(r), &d->pdf_size) ||
        !parse_i64(field(r), &d->pdf_mtime_ns))
        return NULL;
    d->kind = arena_strdup(mem, kind);
    d->warnings = (size_t)w;
    d->output = rest_copy(mem, r);
    return d->output ? d : NULL;
}

/* Reads every line after the first; false at the first malformed one. */
static bool parse_lines(manifest *m, char *text, filecache *fc, file_lines *files)
{
    doc_record *doc = NULL;
    bool ended = false;
    for (char *line = text, *next; line && *line && !ended; line = next) {
        next = strchr(line, '\n');
        if (!next)
            return false; /* cut short */
        *next++ = '\0';
        line_reader r = {line};
        const char *tag = field(&r);
        bool ok;
        /* The commonest first: a document's inputs are most of the lines. */
        if (!tag) {
            ok = false;
        } else if (strcmp(tag, "input") == 0) {
            ok = doc && parse_input(m->mem, fc, &r, &doc->inputs);
        } else if (strcmp(tag, "doc") == 0) {
            ok = (doc = parse_doc(m->mem, &r)) != NULL;
            if (ok)
                manifest_put(m, doc);
        } else if (strcmp(tag, "source") == 0) {
            ok = doc && !doc->source && (doc->source = rest_copy(m->mem, &r)) != NULL;
        } else if (strcmp(tag, "file") == 0) {
            ok = parse_file(m->mem, &r, files);
        } else if (strcmp(tag, "setting") == 0) {
            ok = parse_setting(m->mem, &r, &m->settings);
        } else if (strcmp(tag, "shared") == 0) {
            ok = parse_input(m->mem, fc, &r, &m->shared);
        } else {
            ok = ended = strcmp(tag, "end") == 0;
        }
        if (!ok)
            return false;
    }
    return ended;
}

static char *read_text(const char *path, bool *missing)
{
    strbuf sb = {0};
    bool read = strbuf_append_file(&sb, path);
    *missing = !read && errno == ENOENT;
    if (!read || sb.len == 0 || memchr(sb.data, '\0', sb.len)) {
        strbuf_free(&sb);
        return NULL;
    }
    return sb.data;
}

void manifest_load(manifest *m, const char *path, filecache *fc, diag_list *dl)
{
    bool missing;
    char *text = read_text(path, &missing);
    if (missing)
        return;
    size_t mlen = strlen(magic);
    file_lines files = {0};
    bool ok = text && strncmp(text, magic, mlen) == 0 && text[mlen] == '\n' &&
              parse_lines(m, text + mlen + 1, fc, &files);
    for (size_t i = 0; ok && i < m->docs.cap; i++)
        if (m->docs.keys[i] && !((doc_record *)m->docs.values[i])->source)
            ok = false;
    for (size_t i = 0; ok && i < files.count; i++)
        filecache_remember(fc, files.items[i].path, &files.items[i].stamp, files.items[i].hash);
    if (!ok) {
        diag_add(dl, DIAG_WARNING, path, 0, 0, NULL,
                 "the manifest is damaged or from another version: every document is made again");
        manifest_init(m, m->mem);
    }
    free(text);
}
