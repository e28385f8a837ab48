#include "csvfile.h"

#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "oom.h"
#include "regular.h"
#include "strbuf.h"
#include "utf8.h"

typedef struct {
    arena *mem;
    csv_table *t;
    size_t rows_cap;
    csv_cell *cells; /* the row being read */
    size_t ncells, cells_cap;
    size_t records;
    int line, col;             /* of the byte being parsed */
    int field_line, field_col; /* where the field being read started */
    bool in_field;
} reader;

/* Spaces around a field are libcsv's to strip; no-break spaces are ours. */
static const char *trimmed(arena *mem, const char *s, size_t len)
{
    static const char nbsp[] = "\xc2\xa0", nnbsp[] = "\xe2\x80\xaf";
    for (;;) {
        if (len >= 2 && memcmp(s, nbsp, 2) == 0)
            s += 2, len -= 2;
        else if (len >= 3 && memcmp(s, nnbsp, 3) == 0)
            s += 3, len -= 3;
        else if (len && (*s == ' ' || *s == '\t'))
            s++, len--;
        else if (len >= 2 && memcmp(s + len - 2, nbsp, 2) == 0)
            len -= 2;
        else if (len >= 3 && memcmp(s + len - 3, nnbsp, 3) == 0)
            len -= 3;
        else if (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
            len--;
        else
            break;
    }
    return arena_strndup(mem, s, len);
}

static void end_field(void *data, size_t len, void *ctx)
{
    reader *r = ctx;
    if (r->ncells == r->cells_cap) {
        r->cells_cap = r->cells_cap ? 2 * r->cells_cap : 16;
        r->cells = realloc(r->cells, r->cells_cap * sizeof *r->cells);
        if (!r->cells)
            out_of_memory();
    }
    r->cells[r->ncells++] =
        (csv_cell){trimmed(r->mem, data ? data : "", data ? len : 0), r->field_line, r->field_col};
    r->in_field = false;
}

static void end_row(int terminator, void *ctx)
{
    (void)terminator;
    reader *r = ctx;
    r->records++;
    bool empty = true;
    for (size_t i = 0; i < r->ncells && empty; i++)
        empty = !*r->cells[i].text;
    if (!empty) {
        csv_table *t = r->t;
        if (t->nrows == r->rows_cap) {
            size_t cap = r->rows_cap ? 2 * r->rows_cap : 32;
            csv_row *rows = ARENA_ARRAY(r->mem, csv_row, cap);
            if (t->nrows)
                memcpy(rows, t->rows, t->nrows * sizeof *rows);
            t->rows = rows;
            r->rows_cap = cap;
        }
        csv_cell *cells = ARENA_ARRAY(r->mem, csv_cell, r->ncells);
        memcpy(cells, r->cells, r->ncells * sizeof *cells);
        t->rows[t->nrows++] = (csv_row){cells, r->ncells, r->records, cells[0].line};
    }
    r->ncells = 0;
    r->in_field = false;
}

/* One byte at a time, so that every field knows where it starts. */
static bool parse_bytes(reader *r, struct csv_parser *p, const char *s, size_t len)
{
    r->line = r->col = 1;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!r->in_field && c != '\n' && c != '\r') {
            r->in_field = true;
            r->field_line = r->line;
            r->field_col = r->col;
        }
        if (csv_parse(p, s + i, 1, end_field, end_row, r) != 1)
            return false;
        if (c == '\n')
            r->line++, r->col = 1;
        else if ((c & 0xC0) != 0x80)
            r->col++;
    }
    return csv_fini(p, end_field, end_row, r) == 0;
}

/* Excel's "Unicode text" is UTF-16: not a CSV file. */
static bool looks_utf16(const char *s, size_t len)
{
    return (len >= 2 && (((unsigned char)s[0] == 0xFF && (unsigned char)s[1] == 0xFE) ||
                         ((unsigned char)s[0] == 0xFE && (unsigned char)s[1] == 0xFF))) ||
           memchr(s, '\0', len) != NULL;
}

/* Windows-1252 to UTF-8; false at a byte that is not a character there. */
static bool from_windows_1252(const char *s, size_t len, strbuf *out, size_t *bad)
{
    iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
    if (cd == (iconv_t)-1)
        return false;
    char chunk[4096];
    char *in = (char *)s;
    size_t left = len;
    bool ok = true;
    while (left && ok) {
        char *o = chunk;
        size_t room = sizeof chunk;
        if (iconv(cd, &in, &left, &o, &room) == (size_t)-1 && errno != E2BIG) {
            *bad = (size_t)(in - s);
            ok = false;
        }
        strbuf_append(out, chunk, (size_t)(o - chunk));
    }
    iconv_close(cd);
    return ok;
}

/* An error at the byte `at` of the text, by line and column. */
static void error_at_byte(diag_list *dl, const char *file, const char *s, size_t at,
                          const char *what)
{
    int line = 1, col = 1;
    for (size_t i = 0; i < at; i++)
        if (s[i] == '\n')
            line++, col = 1;
        else if (((unsigned char)s[i] & 0xC0) != 0x80)
            col++;
    diag_add(dl, DIAG_ERROR, file, line, col, NULL, "%s (the byte 0x%02x)", _(what),
             (unsigned char)s[at]);
}

/* The text as UTF-8 in `out`: a byte-order mark is dropped, text that is
 * not UTF-8 is read as Windows-1252 (what Excel's "CSV (semikolonavgränsad)"
 * writes on a Swedish Windows). */
static bool decode(const char *file, const char *s, size_t len, strbuf *out, diag_list *dl)
{
    if (looks_utf16(s, len)) {
        diag_add(dl, DIAG_ERROR, file, 0, 0, NULL,
                 "UTF-16 text (Excel's \"Unicode text\"), not a CSV file: save it as "
                 "\"CSV UTF-8\" or \"CSV (semikolonavgränsad)\"");
        return false;
    }
    bool bom = len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0;
    if (bom)
        s += 3, len -= 3;
    size_t bad = 0;
    if (utf8_valid(s, len, &bad)) {
        strbuf_append(out, s, len);
        return true;
    }
    if (bom) {
        error_at_byte(dl, file, s, bad,
                      "marked as UTF-8 by its first bytes, but this is not UTF-8: save it again "
                      "as \"CSV UTF-8\"");
        return false;
    }
    if (from_windows_1252(s, len, out, &bad))
        return true;
    error_at_byte(dl, file, s, bad,
                  "neither UTF-8 nor Windows-1252 text: this is a character in neither");
    return false;
}

/* A file whose first row holds no semicolon was not saved as semicolon-separated. */
static bool check_separator(const char *file, const csv_table *t, diag_list *dl)
{
    if (t->nrows == 0 || t->rows[0].ncells > 1)
        return true;
    const csv_cell *c = &t->rows[0].cells[0];
    if (!strchr(c->text, ',') && !strchr(c->text, '\t'))
        return true;
    diag_add(dl, DIAG_ERROR, file, c->line, c->col, NULL,
             "the first row has no semicolon: the fields must be separated by semicolons, as "
             "Excel saves \"CSV (semikolonavgränsad)\" with Swedish settings");
    return false;
}

bool csv_parse_text(arena *mem, const char *file, const char *data, size_t len, csv_table *t,
                    diag_list *dl)
{
    *t = (csv_table){.file = arena_strdup(mem, file)};
    strbuf text = {0};
    if (!decode(t->file, data, len, &text, dl)) {
        strbuf_free(&text);
        return false;
    }
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
        out_of_memory();
    csv_set_delim(&p, ';');
    reader r = {.mem = mem, .t = t};
    bool ok = parse_bytes(&r, &p, text.data ? text.data : "", text.len);
    if (!ok && csv_error(&p) == CSV_ENOMEM)
        out_of_memory();
    if (!ok)
        diag_add(dl, DIAG_ERROR, t->file, r.field_line, r.field_col, NULL,
                 "a quoted field is not closed, or a quote stands inside an unquoted field "
                 "(a quote in a field is written \"\")");
    csv_free(&p);
    free(r.cells);
    strbuf_free(&text);
    return ok && check_separator(t->file, t, dl);
}

bool csv_read(arena *mem, const char *path, csv_table *t, diag_list *dl)
{
    *t = (csv_table){.file = arena_strdup(mem, path)};
    FILE *f = regular_fopen(path);
    if (!f) {
        diag_add(dl, DIAG_ERROR, t->file, 0, 0, NULL, "cannot open: %s", regular_strerror(errno));
        return false;
    }
    strbuf data = {0};
    size_t max = (size_t)CSV_MAX_FILE_MB << 20;
    bool read = strbuf_append_stream(&data, f, max);
    fclose(f);
    bool ok = false;
    if (!read)
        diag_add(dl, DIAG_ERROR, t->file, 0, 0, NULL, "cannot be read");
    else if (data.len > max)
        diag_add(dl, DIAG_ERROR, t->file, 0, 0, NULL,
                 "more than %d MB: not a budget exported from Excel", CSV_MAX_FILE_MB);
    else
        ok = csv_parse_text(mem, path, data.data ? data.data : "", data.len, t, dl);
    strbuf_free(&data);
    return ok;
}

const char *csv_cell_name(arena *mem, size_t column, size_t row)
{
    char letters[16];
    size_t n = 0;
    for (size_t c = column; c > 0 && n < sizeof letters; c = (c - 1) / 26)
        letters[n++] = (char)('A' + (c - 1) % 26);
    char name[32];
    size_t k = 0;
    while (n)
        name[k++] = letters[--n];
    name[k] = '\0';
    return arena_printf(mem, "%s%zu", name, row);
}
