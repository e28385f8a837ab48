/* What the cmocka tests share: a fixture (an arena, a diag_list, an output
 * buffer and, for the tests that ask, a temporary folder or the default
 * style and fonts) set up and torn down around each test or group; files
 * written and read; a diagnostic found by its message; a value found by its
 * dotted path. Each tests/test_*.c
 * is a program of its own, so everything here is static inline. */
#ifndef PP_TEST_SUPPORT_H
#define PP_TEST_SUPPORT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "fonts.h"
#include "outdir.h"
#include "strbuf.h"
#include "style.h"
#include "value.h"

/* The default style (../templates/style.yaml, as the tests run in tests/)
 * in `mem`, into `*st` when `st` is not NULL, and its fonts: NULL with
 * errors in `dl` when either cannot be loaded. */
static inline font_set *default_fonts(arena *mem, diag_list *dl, style **st)
{
    style *loaded = style_load(mem, "../templates/style.yaml", dl);
    if (st)
        *st = loaded;
    return loaded ? fonts_load(loaded, dl) : NULL;
}

typedef struct {
    arena mem;
    diag_list dl;    /* in mem */
    strbuf out;      /* for what a test collects */
    char dir[64];    /* with TEST_FOLDER: a new empty folder under /tmp, else "" */
    style *st;       /* with TEST_FONTS: the default style, */
    font_set *fonts; /* and its fonts */
} test_fixture;

enum { TEST_FOLDER = 1, TEST_FONTS = 2 };

/* A fixture with what `with` asks for (TEST_FOLDER, TEST_FONTS); the test
 * fails when that cannot be had. */
static inline test_fixture *test_fixture_new(unsigned with)
{
    test_fixture *f = test_calloc(1, sizeof *f);
    arena_init(&f->mem);
    diag_list_init(&f->dl, &f->mem);
    if (with & TEST_FOLDER) {
        strcpy(f->dir, "/tmp/planpress-test-XXXXXX");
        assert_non_null(mkdtemp(f->dir));
    }
    if (with & TEST_FONTS) {
        f->fonts = default_fonts(&f->mem, &f->dl, &f->st);
        if (!f->fonts)
            diag_print_all(&f->dl, stderr);
        assert_non_null(f->fonts);
    }
    return f;
}

/* Set-ups for cmocka, of a test or a group. */
static inline int test_setup(void **state)
{
    *state = test_fixture_new(0);
    return 0;
}

static inline int test_setup_with_folder(void **state)
{
    *state = test_fixture_new(TEST_FOLDER);
    return 0;
}

static inline int test_setup_with_fonts(void **state)
{
    *state = test_fixture_new(TEST_FONTS);
    return 0;
}

/* Frees the fixture and removes its folder with all it holds, unless the
 * environment has KEEP (to look at what a test wrote). */
static inline int test_teardown(void **state)
{
    test_fixture *f = *state;
    if (f->dir[0] && !getenv("KEEP")) {
        char cmd[128];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
        assert_int_equal(system(cmd), 0);
    }
    fonts_free(f->fonts);
    strbuf_free(&f->out);
    arena_free(&f->mem);
    test_free(f);
    return 0;
}

/* Writes `len` bytes to `path`; the test fails when they cannot be written. */
static inline void write_bytes(const char *path, const void *data, size_t len)
{
    FILE *out = fopen(path, "wb");
    assert_non_null(out);
    assert_int_equal(fwrite(data, 1, len, out), len);
    assert_int_equal(fclose(out), 0);
}

static inline void write_text(const char *path, const char *text)
{
    write_bytes(path, text, strlen(text));
}

/* The whole of the file at `path`, with a NUL after it, in memory from
 * test_malloc (test_free it); the test fails when it cannot be read. */
static inline char *read_text(const char *path)
{
    FILE *in = fopen(path, "rb");
    assert_non_null(in);
    assert_int_equal(fseek(in, 0, SEEK_END), 0);
    long size = ftell(in);
    assert_true(size >= 0);
    rewind(in);
    char *text = test_malloc((size_t)size + 1);
    assert_int_equal(fread(text, 1, (size_t)size, in), (size_t)size);
    text[size] = '\0';
    fclose(in);
    return text;
}

/* The path of `rel` in the fixture's folder. */
static inline const char *in_folder(test_fixture *f, const char *rel)
{
    return arena_printf(&f->mem, "%s/%s", f->dir, rel);
}

/* Writes `text` to `rel` in the fixture's folder, making the folders on
 * the way; returns the file's path. */
static inline const char *write_file(test_fixture *f, const char *rel, const char *text)
{
    const char *path = in_folder(f, rel);
    const char *slash = strrchr(path, '/');
    assert_true(make_folders(&f->mem, arena_strndup(&f->mem, path, (size_t)(slash - path))));
    write_text(path, text);
    return path;
}

/* The first diagnostic of the test whose message holds `needle`, or NULL. */
static inline const diag *find_diag(const test_fixture *f, const char *needle)
{
    for (size_t i = 0; i < f->dl.count; i++)
        if (strstr(f->dl.items[i].message, needle))
            return &f->dl.items[i];
    return NULL;
}

/* The same, but the test fails, showing every diagnostic, when none says it. */
static inline const diag *expect_diag(const test_fixture *f, const char *needle)
{
    const diag *d = find_diag(f, needle);
    if (!d) {
        diag_print_all(&f->dl, stderr);
        fail_msg("no diagnostic says \"%s\"", needle);
    }
    return d;
}

/* Whether a diagnostic of severity `sev` has `needle` in its message. */
static inline bool has_diag(const test_fixture *f, diag_severity sev, const char *needle)
{
    for (size_t i = 0; i < f->dl.count; i++)
        if (f->dl.items[i].severity == sev && strstr(f->dl.items[i].message, needle))
            return true;
    return false;
}

/* The value at a dotted path such as "budget.columns.0.year": a number picks
 * an item of a list. NULL when there is none. */
static inline const value *value_at(const value *v, const char *path)
{
    char part[64];
    while (v && *path) {
        size_t n = strcspn(path, ".");
        assert_true(n < sizeof part);
        memcpy(part, path, n);
        part[n] = '\0';
        path += n + (path[n] == '.');
        if (v->kind == VALUE_LIST) {
            size_t i = (size_t)strtoul(part, NULL, 10);
            v = i < v->as.list.count ? v->as.list.items[i] : NULL;
        } else {
            v = value_get(v, part);
        }
    }
    return v;
}

/* An association of three members, one of each kind, for loader tests. */
static const char test_association_yaml[] =
    "association:\n"
    "  name: Samordningsförbundet Test\n"
    "  members:\n"
    "    - {name: Försäkringskassan, kind: state}\n"
    "    - {name: Region Test, kind: region}\n"
    "    - {name: Testby kommun, short_name: Testby, kind: municipality}\n";

#endif
