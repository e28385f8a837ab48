/* The official Mustache specification's tests (tests/mustache-spec/, with
 * its LICENSE and COMMIT), read with the project's YAML loader and run with
 * HTML escaping and the specification's behaviour for missing partials.
 * Prints the counts per file and in all; lambdas are not supported and their
 * tests are counted as skipped. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "mustache.h"
#include "yamltree.h"
#include "yamlvalue.h"

typedef struct {
    int passed, failed, skipped;
} counts;

static const char *load_partial(void *ctx, arena *mem, const char *name, int from,
                                const char **file, int *layer)
{
    (void)mem;
    const ynode *partials = ctx;
    const ynode *p = from == 0 ? ymap_get(partials, name) : NULL;
    if (!p || p->kind != YNODE_SCALAR)
        return NULL;
    *file = name;
    *layer = 0;
    return p->text;
}

static void print_quoted(const char *label, const char *s)
{
    printf("#   %-9s \"", label);
    for (; *s; s++) {
        if (*s == '\n')
            fputs("\\n", stdout);
        else if (*s == '\r')
            fputs("\\r", stdout);
        else if (*s == '\t')
            fputs("\\t", stdout);
        else
            putchar(*s);
    }
    puts("\"");
}

static bool run_one(const char *file, const ynode *test)
{
    arena mem;
    arena_init(&mem);
    diag_list dl;
    diag_list_init(&dl, &mem);
    const ynode *name = ymap_get(test, "name"), *template = ymap_get(test, "template"),
                *expected = ymap_get(test, "expected");
    assert_non_null(name);
    assert_non_null(template);
    assert_non_null(expected);
    value *data = value_from_yaml(&mem, ymap_get(test, "data"));
    mustache_loader partials = {.load = load_partial, .ctx = ymap_get(test, "partials")};
    mustache_options opt = {.escape = MUSTACHE_ESCAPE_HTML};
    strbuf out = {0};
    bool ok = mustache_render(&mem, name->text, template->text, data, &opt, &partials, &out, &dl);
    bool pass = ok && out.data && strcmp(out.data, expected->text) == 0;
    if (!pass) {
        printf("not ok - %s: %s\n", file, name->text);
        print_quoted("template", template->text);
        print_quoted("expected", expected->text);
        print_quoted("got", out.data ? out.data : "");
        for (size_t i = 0; i < dl.count; i++) {
            fputs("#   ", stdout);
            diag_print(&dl.items[i], stdout);
        }
    }
    strbuf_free(&out);
    arena_free(&mem);
    return pass;
}

static void run_file(void **state, const char *file, const char *skip_reason)
{
    counts *total = *state;
    arena mem;
    arena_init(&mem);
    diag_list dl;
    diag_list_init(&dl, &mem);
    char *path = arena_printf(&mem, "mustache-spec/%s", file);
    ynode *spec = ytree_load_file(&mem, path, &dl);
    if (!spec)
        diag_print_all(&dl, stdout);
    assert_non_null(spec);
    const ynode *tests = ymap_get(spec, "tests");
    assert_non_null(tests);
    assert_int_equal(tests->kind, YNODE_SEQ);
    assert_true(tests->count > 0);
    counts here = {0};
    for (size_t i = 0; i < tests->count; i++) {
        if (skip_reason)
            here.skipped++;
        else if (run_one(file, tests->items[i]))
            here.passed++;
        else
            here.failed++;
    }
    printf("%-22s %3d passed, %d failed, %d skipped%s%s\n", file, here.passed, here.failed,
           here.skipped, skip_reason ? ": " : "", skip_reason ? skip_reason : "");
    total->passed += here.passed;
    total->failed += here.failed;
    total->skipped += here.skipped;
    arena_free(&mem);
    assert_int_equal(here.failed, 0);
}

static void comments(void **state)
{
    run_file(state, "comments.yml", NULL);
}
static void delimiters(void **state)
{
    run_file(state, "delimiters.yml", NULL);
}
static void interpolation(void **state)
{
    run_file(state, "interpolation.yml", NULL);
}
static void inverted(void **state)
{
    run_file(state, "inverted.yml", NULL);
}
static void partials(void **state)
{
    run_file(state, "partials.yml", NULL);
}
static void sections(void **state)
{
    run_file(state, "sections.yml", NULL);
}
static void inheritance(void **state)
{
    run_file(state, "~inheritance.yml", NULL);
}
static void dynamic_names(void **state)
{
    run_file(state, "~dynamic-names.yml", NULL);
}
static void lambdas(void **state)
{
    run_file(state, "~lambdas.yml", "lambdas (code in the data) are not supported");
}

static int make_counts(void **state)
{
    *state = calloc(1, sizeof(counts));
    return *state ? 0 : -1;
}

static int print_counts(void **state)
{
    counts *c = *state;
    printf("mustache spec: %d passed, %d failed, %d skipped (lambdas)\n", c->passed, c->failed,
           c->skipped);
    free(c);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(comments),      cmocka_unit_test(delimiters),
        cmocka_unit_test(interpolation), cmocka_unit_test(inverted),
        cmocka_unit_test(partials),      cmocka_unit_test(sections),
        cmocka_unit_test(inheritance),   cmocka_unit_test(dynamic_names),
        cmocka_unit_test(lambdas),
    };
    return cmocka_run_group_tests(tests, make_counts, print_counts);
}
