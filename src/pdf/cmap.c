#include "cmap.h"
#include "oom.h"

#include <stdbool.h>
#include <stdlib.h>

enum { MAX_BLOCK = 100 };

static void write_head(strbuf *out, const char *name, const char *ordering, int type,
                       int code_bytes)
{
    strbuf_printf(out,
                  "/CIDInit /ProcSet findresource begin\n"
                  "12 dict begin\n"
                  "begincmap\n"
                  "/CIDSystemInfo << /Registry (Adobe) /Ordering (%s) /Supplement 0 >> def\n"
                  "/CMapName /%s def\n"
                  "/CMapType %d def\n"
                  "1 begincodespacerange\n%s\nendcodespacerange\n",
                  ordering, name, type, code_bytes == 1 ? "<00> <FF>" : "<0000> <FFFF>");
}

static void write_tail(strbuf *out)
{
    strbuf_puts(out, "endcmap\n"
                     "CMapName currentdict /CMap defineresource pop\n"
                     "end\n"
                     "end\n");
}

static void put_code(strbuf *out, uint16_t code, int code_bytes)
{
    strbuf_putc(out, '<');
    strbuf_put_hex(out, code, code_bytes == 1 ? 2 : 4);
    strbuf_putc(out, '>');
}

void cmap_write_one_byte_encoding(strbuf *out)
{
    write_head(out, "planpress-OneByte-H", "Identity", 1, 1);
    strbuf_puts(out, "1 begincidrange\n<00> <FF> 0\nendcidrange\n");
    write_tail(out);
}

/* A character as UTF-16BE hex digits inside < >. */
static void put_utf16(strbuf *out, uint32_t cp)
{
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000))
        cp = 0xFFFD;
    strbuf_putc(out, '<');
    if (cp < 0x10000) {
        strbuf_put_hex(out, cp, 4);
    } else {
        cp -= 0x10000;
        strbuf_put_hex(out, 0xD800 + (cp >> 10), 4);
        strbuf_put_hex(out, 0xDC00 + (cp & 0x3FF), 4);
    }
    strbuf_putc(out, '>');
}

/* True when entry b continues a range that ends with entry a: codes and
 * characters both rise by one, and neither crosses a change of its high
 * byte (a range may vary only the last byte of its codes and its string). */
static bool continues(const tounicode_entry *a, const tounicode_entry *b)
{
    return b->code == a->code + 1 && b->cp == a->cp + 1 && b->cp < 0x10000 &&
           (b->code >> 8) == (a->code >> 8) && (b->cp >> 8) == (a->cp >> 8);
}

typedef struct {
    size_t first, count; /* entries[first .. first + count) */
} run;

/* Splits the entries into runs; a run of one is a single character. */
static size_t find_runs(const tounicode_entry *e, size_t n, run *runs)
{
    size_t nruns = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && continues(&e[j - 1], &e[j]))
            j++;
        runs[nruns++] = (run){i, j - i};
        i = j;
    }
    return nruns;
}

/* Writes the ranges, or the single characters, in blocks of at most 100. */
static void write_blocks(strbuf *out, const tounicode_entry *e, const run *runs, size_t nruns,
                         bool ranges, int code_bytes)
{
    const char *kind = ranges ? "bfrange" : "bfchar";
    size_t total = 0;
    for (size_t r = 0; r < nruns; r++)
        total += (runs[r].count > 1) == ranges;
    size_t written = 0;
    for (size_t r = 0; r < nruns; r++) {
        if ((runs[r].count > 1) != ranges)
            continue;
        if (written % MAX_BLOCK == 0) {
            size_t left = total - written;
            strbuf_printf(out, "%zu begin%s\n", left < MAX_BLOCK ? left : (size_t)MAX_BLOCK, kind);
        }
        const tounicode_entry *first = &e[runs[r].first];
        put_code(out, first->code, code_bytes);
        strbuf_putc(out, ' ');
        if (ranges) {
            put_code(out, first[runs[r].count - 1].code, code_bytes);
            strbuf_putc(out, ' ');
        }
        put_utf16(out, first->cp);
        strbuf_putc(out, '\n');
        if (++written % MAX_BLOCK == 0 || written == total)
            strbuf_printf(out, "end%s\n", kind);
    }
}

void cmap_write_tounicode(strbuf *out, const tounicode_entry *entries, size_t n, int code_bytes)
{
    run *runs = malloc((n ? n : 1) * sizeof *runs);
    if (!runs)
        out_of_memory();
    size_t nruns = find_runs(entries, n, runs);
    write_head(out, "Adobe-Identity-UCS", "UCS", 2, code_bytes);
    write_blocks(out, entries, runs, nruns, true, code_bytes);
    write_blocks(out, entries, runs, nruns, false, code_bytes);
    write_tail(out);
    free(runs);
}
