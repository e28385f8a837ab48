/* The YAML tree: positions, duplicate keys, alias bombs, nesting, syntax errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "yamltree.h"

typedef struct {
    arena mem;
    diag_list dl;
} fixture;

static int setup(void **state)
{
    fixture *f = test_malloc(sizeof *f);
    arena_init(&f->mem);
    diag_list_init(&f->dl, &f->mem);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    arena_free(&f->mem);
    test_free(f);
    return 0;
}

static ynode *parse(fixture *f, const char *text)
{
    return ytree_parse(&f->mem, "t.yaml", text, strlen(text), &f->dl);
}

static void keeps_line_and_column_of_every_node(void **state)
{
    fixture *f = *state;
    ynode *root = parse(f, "plan:\n  year: 2024\n  title: Plan\n");
    assert_non_null(root);
    ynode *plan = ymap_get(root, "plan");
    ynode *title = ymap_get(plan, "title");
    assert_string_equal(title->text, "Plan");
    assert_int_equal(title->line, 3);
    assert_int_equal(title->col, 10);
}

static void refuses_duplicate_keys(void **state)
{
    fixture *f = *state;
    assert_null(parse(f, "a: 1\nb: 2\na: 3\n"));
    assert_int_equal(f->dl.errors, 1);
    assert_int_equal(f->dl.items[0].line, 3);
    assert_non_null(strstr(f->dl.items[0].message, "duplicate key \"a\""));
}

static void refuses_an_alias_bomb_quickly(void **state)
{
    fixture *f = *state;
    const char *bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
                       "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                       "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                       "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                       "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
                       "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
                       "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n";
    assert_null(parse(f, bomb));
    assert_true(f->dl.errors >= 1);
    assert_non_null(strstr(f->dl.items[0].message, "alias"));
}

static void refuses_absurd_nesting(void **state)
{
    fixture *f = *state;
    char deep[400];
    memset(deep, '[', 200);
    memset(deep + 200, ']', 200);
    assert_null(ytree_parse(&f->mem, "t.yaml", deep, sizeof deep, &f->dl));
    assert_non_null(strstr(f->dl.items[0].message, "nesting"));
}

static void reports_syntax_errors_with_position(void **state)
{
    fixture *f = *state;
    assert_null(parse(f, "a: 1\nb: [1, 2\n"));
    assert_int_equal(f->dl.errors, 1);
    assert_int_equal(f->dl.items[0].line, 3);
    assert_non_null(strstr(f->dl.items[0].message, "YAML syntax"));
}

static void tells_null_scalars(void **state)
{
    fixture *f = *state;
    ynode *root = parse(f, "a: ~\nb: 'null'\nc:\n");
    assert_true(yscalar_is_null(ymap_get(root, "a")));
    assert_false(yscalar_is_null(ymap_get(root, "b")));
    assert_true(yscalar_is_null(ymap_get(root, "c")));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(keeps_line_and_column_of_every_node, setup, teardown),
        cmocka_unit_test_setup_teardown(refuses_duplicate_keys, setup, teardown),
        cmocka_unit_test_setup_teardown(refuses_an_alias_bomb_quickly, setup, teardown),
        cmocka_unit_test_setup_teardown(refuses_absurd_nesting, setup, teardown),
        cmocka_unit_test_setup_teardown(reports_syntax_errors_with_position, setup, teardown),
        cmocka_unit_test_setup_teardown(tells_null_scalars, setup, teardown),
    };
    return cmocka_run_group_tests_name("yamltree", tests, NULL, NULL);
}
