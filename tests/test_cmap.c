/* The ToUnicode and encoding CMaps: written, then read back by a small CMap
 * reader of this test's own, which also checks the rules readers rely on
 * (codespace, block sizes, ranges within one high byte). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "cmap.h"

/* ---- a CMap reader --------------------------------------------------------- */

typedef struct {
    uint32_t map[0x10000]; /* code → character (UTF-16 decoded); 0 = none */
    int code_bytes;        /* from the codespace */
    int bfchar, bfrange, cidrange;
    uint32_t cid_of[0x100]; /* one-byte codes → CID, from cidrange */
    char error[160];
} cmap_read;

static const char *skip_space(const char *p)
{
    while (*p == ' ' || *p == '\n' || *p == '\r')
        p++;
    return p;
}

/* <hex> into bytes; returns the number of hex digits or -1. */
static int read_hex(const char **pp, uint32_t *value)
{
    const char *p = skip_space(*pp);
    if (*p != '<')
        return -1;
    p++;
    int digits = 0;
    *value = 0;
    while (*p != '>') {
        int d = *p >= '0' && *p <= '9' ? *p - '0' : *p >= 'A' && *p <= 'F' ? *p - 'A' + 10 : -1;
        if (d < 0 || digits == 8)
            return -1;
        *value = *value << 4 | (uint32_t)d;
        digits++;
        p++;
    }
    *pp = p + 1;
    return digits;
}

static uint32_t decode_utf16(uint32_t v, int digits)
{
    if (digits == 8) {
        uint32_t hi = v >> 16, lo = v & 0xFFFF;
        return 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
    }
    return v;
}

static bool reject(cmap_read *r, const char *msg)
{
    snprintf(r->error, sizeof r->error, "%s", msg);
    return false;
}

static bool read_block(cmap_read *r, const char **pp, const char *kind, int count)
{
    if (count < 1 || count > 100)
        return reject(r, "a block must hold 1 to 100 entries");
    const char *p = *pp;
    for (int i = 0; i < count; i++) {
        uint32_t lo, hi, dst;
        int dl = read_hex(&p, &lo), dh = 0;
        hi = lo;
        if (strcmp(kind, "bfrange") == 0 || strcmp(kind, "cidrange") == 0)
            dh = read_hex(&p, &hi);
        if (dl != r->code_bytes * 2 || dh < 0 || (dh && dh != dl))
            return reject(r, "a code does not match the codespace");
        if (strcmp(kind, "cidrange") == 0) {
            p = skip_space(p);
            dst = (uint32_t)strtoul(p, (char **)&p, 10);
            for (uint32_t c = lo; c <= hi && c < 0x100; c++)
                r->cid_of[c] = dst + (c - lo);
            continue;
        }
        int dd = read_hex(&p, &dst);
        if (dd != 4 && dd != 8)
            return reject(r, "a destination is not UTF-16");
        if ((lo >> 8) != (hi >> 8) || hi < lo)
            return reject(r, "a range crosses a change of the high byte");
        if (dd == 4 && (dst & 0xFF) + (hi - lo) > 0xFF)
            return reject(r, "a range's destination overflows its last byte");
        for (uint32_t c = lo; c <= hi; c++) {
            if (r->map[c])
                return reject(r, "a code is mapped twice");
            r->map[c] = decode_utf16(dst, dd) + (c - lo);
        }
    }
    char end[32];
    snprintf(end, sizeof end, "end%s", kind);
    p = skip_space(p);
    if (strncmp(p, end, strlen(end)) != 0)
        return reject(r, "a block is not closed after its count");
    *pp = p + strlen(end);
    return true;
}

static bool read_cmap(const char *text, cmap_read *r)
{
    memset(r, 0, sizeof *r);
    const char *cs = strstr(text, "begincodespacerange");
    uint32_t lo, hi;
    const char *p = cs ? cs + strlen("begincodespacerange") : NULL;
    int digits = p ? read_hex(&p, &lo) : -1;
    if (digits < 0 || read_hex(&p, &hi) != digits || lo != 0)
        return reject(r, "no single codespace range");
    r->code_bytes = digits / 2;
    if (!strstr(text, "endcmap") || !strstr(text, "defineresource"))
        return reject(r, "the CMap is not closed");
    for (p = text; (p = strstr(p, " begin"));) {
        const char *num = p;
        while (num > text && num[-1] >= '0' && num[-1] <= '9')
            num--;
        int count = atoi(num);
        const char *kind = p + 6;
        size_t klen = strcspn(kind, " \n");
        char name[16] = {0};
        memcpy(name, kind, klen < 15 ? klen : 15);
        p = kind + klen;
        if (strcmp(name, "bfchar") == 0)
            r->bfchar++;
        else if (strcmp(name, "bfrange") == 0)
            r->bfrange++;
        else if (strcmp(name, "cidrange") == 0)
            r->cidrange++;
        else if (strcmp(name, "cidrange") != 0)
            continue; /* begincmap, begincodespacerange */
        if (!read_block(r, &p, name, count))
            return false;
    }
    return true;
}

/* ---- the tests ------------------------------------------------------------- */

static void check_round_trip(const tounicode_entry *e, size_t n, int code_bytes)
{
    strbuf out = {0};
    cmap_write_tounicode(&out, e, n, code_bytes);
    cmap_read *r = calloc(1, sizeof *r);
    if (!read_cmap(out.data, r))
        fail_msg("%s\n%s", r->error, out.data);
    assert_int_equal(r->code_bytes, code_bytes);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(r->map[e[i].code], e[i].cp);
    size_t mapped = 0;
    for (size_t c = 0; c < 0x10000; c++)
        mapped += r->map[c] != 0;
    assert_int_equal(mapped, n);
    assert_null(strstr(out.data, "cidrange"));
    free(r);
    strbuf_free(&out);
}

/* The characters of a Swedish plan as pdffont numbers them. */
static size_t swedish_entries(tounicode_entry *e)
{
    static const uint32_t cps[] = {
        ' ',  '%',  ',',    '-',    '.',    '0',    '1',    '2',    '9',    'A',   'B',  'C',
        'a',  'b',  'c',    'd',    'e',    'z',    0xA0,   0xA7,   0xC4,   0xC5,  0xD6, 0xE4,
        0xE5, 0xF6, 0x2013, 0x2014, 0x2019, 0x201D, 0x20AC, 0x2212, 0x2264, 0x2265};
    size_t n = sizeof cps / sizeof cps[0];
    uint16_t next = CMAP_ASCII_END;
    for (size_t i = 0; i < n; i++)
        e[i] = (tounicode_entry){cps[i] < CMAP_ASCII_END ? (uint16_t)cps[i] : next++, cps[i]};
    return n;
}

static void swedish_text_maps_back_in_one_and_two_bytes(void **state)
{
    (void)state;
    tounicode_entry e[64];
    size_t n = swedish_entries(e);
    check_round_trip(e, n, 1);
    check_round_trip(e, n, 2);
}

static void runs_become_ranges_and_the_rest_single_characters(void **state)
{
    (void)state;
    tounicode_entry e[64];
    size_t n = swedish_entries(e);
    strbuf out = {0};
    cmap_write_tounicode(&out, e, n, 1);
    cmap_read *r = calloc(1, sizeof *r);
    assert_true(read_cmap(out.data, r));
    assert_true(r->bfrange > 0);
    assert_true(r->bfchar > 0);
    assert_non_null(strstr(out.data, "<61> <65> <0061>")); /* a–e */
    assert_non_null(strstr(out.data, "<2264>"));
    free(r);
    strbuf_free(&out);
}

static void ranges_never_cross_a_high_byte(void **state)
{
    (void)state;
    /* codes 0x00F0–0x010F for U+00F0–U+010F: one run for code and
     * character alike, which must be cut at 0x0100 */
    tounicode_entry e[32];
    for (int i = 0; i < 32; i++)
        e[i] = (tounicode_entry){(uint16_t)(0xF0 + i), (uint32_t)(0xF0 + i)};
    check_round_trip(e, 32, 2);
    /* characters crossing U+01FF while codes do not */
    for (int i = 0; i < 32; i++)
        e[i] = (tounicode_entry){(uint16_t)(0x200 + i), (uint32_t)(0x1F0 + i)};
    check_round_trip(e, 32, 2);
}

static void blocks_hold_at_most_a_hundred(void **state)
{
    (void)state;
    /* 250 characters that never form runs, and 250 that form 125 pairs */
    tounicode_entry *e = calloc(500, sizeof *e);
    for (int i = 0; i < 250; i++)
        e[i] = (tounicode_entry){(uint16_t)(0x100 + i), (uint32_t)(0x4E00 + 2 * i)};
    for (int i = 0; i < 250; i++)
        e[250 + i] = (tounicode_entry){(uint16_t)(0x300 + i), (uint32_t)(0x5000 + i + 2 * (i / 2))};
    check_round_trip(e, 500, 2);
    strbuf out = {0};
    cmap_write_tounicode(&out, e, 500, 2);
    assert_non_null(strstr(out.data, "100 beginbfchar"));
    assert_non_null(strstr(out.data, "50 beginbfchar"));
    assert_non_null(strstr(out.data, "100 beginbfrange"));
    assert_non_null(strstr(out.data, "25 beginbfrange"));
    strbuf_free(&out);
    free(e);
}

static void characters_beyond_the_bmp_are_surrogate_pairs(void **state)
{
    (void)state;
    tounicode_entry e[] = {{0x80, 0x1F600}, {0x81, 0x1F601}, {0x82, 0x10FFFF}};
    check_round_trip(e, 3, 1);
    strbuf out = {0};
    cmap_write_tounicode(&out, e, 3, 1);
    assert_non_null(strstr(out.data, "<80> <D83DDE00>"));
    strbuf_free(&out);
}

static void an_empty_map_is_still_a_cmap(void **state)
{
    (void)state;
    check_round_trip(NULL, 0, 1);
}

static void the_one_byte_encoding_is_the_identity(void **state)
{
    (void)state;
    strbuf out = {0};
    cmap_write_one_byte_encoding(&out);
    cmap_read *r = calloc(1, sizeof *r);
    if (!read_cmap(out.data, r))
        fail_msg("%s\n%s", r->error, out.data);
    assert_int_equal(r->code_bytes, 1);
    assert_int_equal(r->cidrange, 1);
    for (uint32_t c = 0; c < 0x100; c++)
        assert_int_equal(r->cid_of[c], c);
    assert_non_null(strstr(out.data, "/Registry (Adobe) /Ordering (Identity)"));
    free(r);
    strbuf_free(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(swedish_text_maps_back_in_one_and_two_bytes),
        cmocka_unit_test(runs_become_ranges_and_the_rest_single_characters),
        cmocka_unit_test(ranges_never_cross_a_high_byte),
        cmocka_unit_test(blocks_hold_at_most_a_hundred),
        cmocka_unit_test(characters_beyond_the_bmp_are_surrogate_pairs),
        cmocka_unit_test(an_empty_map_is_still_a_cmap),
        cmocka_unit_test(the_one_byte_encoding_is_the_identity),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
