/* The YAML tree: positions, duplicate keys, alias bombs, nesting, syntax errors. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "yamltree.h"

#include "test_support.h"

static ynode *parse(test_fixture *f, const char *text)
{
    return ytree_parse(&f->mem, "t.yaml", text, strlen(text), &f->dl);
}

static void keeps_line_and_column_of_every_node(void **state)
{
    test_fixture *f = *state;
    ynode *root = parse(f, "plan:\n  year: 2024\n  title: Plan\n");
    assert_non_null(root);
    ynode *plan = ymap_get(root, "plan");
    ynode *title = ymap_get(plan, "title");
    assert_string_equal(title->text, "Plan");
    assert_int_equal(title->line, 3);
    assert_int_equal(title->col, 10);
}

static void reports_duplicate_keys_and_keeps_the_first_value(void **state)
{
    test_fixture *f = *state;
    ynode *root = parse(f, "a: 1\nb: 2\na: 3\n");
    assert_non_null(root);
    assert_int_equal(f->dl.errors, 1);
    assert_int_equal(f->dl.items[0].line, 3);
    assert_non_null(strstr(f->dl.items[0].message, "duplicate key \"a\""));
    assert_non_null(strstr(f->dl.items[0].message, "first given at line 1, column 1"));
    assert_int_equal(root->count, 2);
    assert_string_equal(ymap_get(root, "a")->text, "1");
}

static void reports_every_duplicate_of_a_file(void **state)
{
    test_fixture *f = *state;
    parse(f, "x: {k: 1, k: 2}\ny:\n  - {m: 1, n: 2, m: 3}\nx: 4\n");
    assert_int_equal(f->dl.errors, 3);
    assert_int_equal(f->dl.items[0].line, 1);
    assert_int_equal(f->dl.items[1].line, 3);
    assert_int_equal(f->dl.items[2].line, 4);
}

/* Small maps are looked through, larger ones indexed: a duplicate is found
 * before and after a map grows from one to the other. */
static void finds_duplicates_in_small_and_larger_maps(void **state)
{
    test_fixture *f = *state;
    ynode *root = parse(f, "k1: 1\nk2: 2\nk1: 3\nk3: 3\nk4: 4\nk5: 5\nk6: 6\nk7: 7\n"
                           "k8: 8\nk9: 9\nk2: 10\nk10: 11\nk9: 12\n");
    assert_non_null(root);
    assert_int_equal(f->dl.errors, 3);
    assert_int_equal(f->dl.items[0].line, 3);
    assert_non_null(strstr(f->dl.items[0].message, "first given at line 1, column 1"));
    assert_int_equal(f->dl.items[1].line, 11);
    assert_non_null(strstr(f->dl.items[1].message, "first given at line 2, column 1"));
    assert_int_equal(f->dl.items[2].line, 13);
    assert_non_null(strstr(f->dl.items[2].message, "first given at line 10, column 1"));
    assert_int_equal(root->count, 10);
    assert_string_equal(ymap_get(root, "k10")->text, "11");
}

/* A map of 200 000 keys whose last key repeats the first: comparing every
 * key with every other would take minutes; the hashed check takes a tenth of
 * a second (a few seconds under valgrind). */
static void finds_a_duplicate_in_a_huge_map_quickly(void **state)
{
    test_fixture *f = *state;
    enum { KEYS = 200000 };
    size_t cap = (size_t)KEYS * 16 + 32, len = 0;
    char *text = test_malloc(cap);
    for (int i = 0; i < KEYS; i++)
        len += (size_t)snprintf(text + len, cap - len, "k%d: %d\n", i, i);
    len += (size_t)snprintf(text + len, cap - len, "k0: again\n");
    clock_t start = clock();
    ynode *root = ytree_parse(&f->mem, "t.yaml", text, len, &f->dl);
    double seconds = (double)(clock() - start) / CLOCKS_PER_SEC;
    test_free(text);
    assert_non_null(root);
    assert_int_equal(root->count, KEYS);
    assert_int_equal(f->dl.errors, 1);
    assert_int_equal(f->dl.items[0].line, KEYS + 1);
    assert_true(seconds < 10.0);
}

static void aliases_refer_to_the_latest_anchor_of_a_name(void **state)
{
    test_fixture *f = *state;
    ynode *root = parse(f, "a: &x 1\nb: *x\nc: &x 2\nd: *x\n");
    assert_non_null(root);
    assert_string_equal(ymap_get(root, "b")->text, "1");
    assert_string_equal(ymap_get(root, "d")->text, "2");
    assert_null(parse(f, "a: *nothing\n"));
    assert_non_null(strstr(f->dl.items[0].message, "alias *nothing refers to no anchor"));
}

static void refuses_an_alias_bomb_quickly(void **state)
{
    test_fixture *f = *state;
    const char *bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
                       "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                       "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                       "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                       "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
                       "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
                       "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
                       "h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]\n"
                       "i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h, *h]\n";
    clock_t start = clock();
    assert_null(parse(f, bomb));
    assert_true((double)(clock() - start) / CLOCKS_PER_SEC < 1.0);
    assert_int_equal(f->dl.errors, 1);
    assert_non_null(strstr(f->dl.items[0].message, "alias bomb"));
    assert_int_equal(f->dl.items[0].line, 6);
}

/* A list too long without any alias is not called an alias bomb. */
static void refuses_a_huge_list_as_too_large(void **state)
{
    test_fixture *f = *state;
    strbuf yaml = {0};
    strbuf_puts(&yaml, "sections:\n");
    for (int i = 0; i < 1000001; i++)
        strbuf_puts(&yaml, "  - x\n");
    assert_null(parse(f, yaml.data));
    strbuf_free(&yaml);
    assert_int_equal(f->dl.errors, 1);
    assert_string_equal(f->dl.items[0].message,
                        "the document is too large: more than 1000000 values, where a plan has a "
                        "few thousand");
    assert_int_equal(f->dl.items[0].line, 2);
}

/* A file is read up to YTREE_MAX_FILE_MB megabytes and no further. */
static void refuses_a_file_over_the_size_limit(void **state)
{
    test_fixture *f = *state;
    size_t limit = (size_t)YTREE_MAX_FILE_MB << 20;
    char *text = test_malloc(limit + 2);
    memset(text, '#', limit + 1); /* one comment line */
    text[limit - 1] = '\n';
    text[limit] = '\0';
    write_text(in_folder(f, "at-the-limit.yaml"), text);
    assert_non_null(ytree_load_file(&f->mem, in_folder(f, "at-the-limit.yaml"), &f->dl));
    assert_int_equal(f->dl.errors, 0);
    text[limit] = '#';
    text[limit + 1] = '\0';
    const char *over = in_folder(f, "over.yaml");
    write_text(over, text);
    test_free(text);
    assert_null(ytree_load_file(&f->mem, over, &f->dl));
    assert_int_equal(f->dl.errors, 1);
    assert_string_equal(f->dl.items[0].file, over);
    assert_non_null(strstr(f->dl.items[0].message, "data files of more than 2 MB are not read"));
}

static void refuses_absurd_nesting(void **state)
{
    test_fixture *f = *state;
    enum { DEPTH = 1000000 };
    char *deep = test_malloc(2 * DEPTH);
    memset(deep, '[', DEPTH);
    memset(deep + DEPTH, ']', DEPTH);
    clock_t start = clock();
    assert_null(ytree_parse(&f->mem, "t.yaml", deep, 2 * DEPTH, &f->dl));
    assert_true((double)(clock() - start) / CLOCKS_PER_SEC < 1.0);
    test_free(deep);
    assert_int_equal(f->dl.errors, 1);
    assert_non_null(strstr(f->dl.items[0].message, "nesting is deeper than 64 levels"));
    assert_int_equal(f->dl.items[0].col, 65);
}

static void reports_syntax_errors_with_position(void **state)
{
    test_fixture *f = *state;
    assert_null(parse(f, "a: 1\nb: [1, 2\n"));
    assert_int_equal(f->dl.errors, 1);
    /* at the bracket never closed, not at the end where libyaml noticed it */
    assert_int_equal(f->dl.items[0].line, 2);
    assert_int_equal(f->dl.items[0].col, 4);
    assert_non_null(strstr(f->dl.items[0].message, "YAML syntax"));
}

static void tells_null_scalars(void **state)
{
    test_fixture *f = *state;
    ynode *root = parse(f, "a: ~\nb: 'null'\nc:\n");
    assert_true(yscalar_is_null(ymap_get(root, "a")));
    assert_false(yscalar_is_null(ymap_get(root, "b")));
    assert_true(yscalar_is_null(ymap_get(root, "c")));
}

#define TEST(name) cmocka_unit_test_setup_teardown(name, test_setup, test_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(keeps_line_and_column_of_every_node),
        TEST(finds_duplicates_in_small_and_larger_maps),
        TEST(reports_duplicate_keys_and_keeps_the_first_value),
        TEST(reports_every_duplicate_of_a_file),
        TEST(finds_a_duplicate_in_a_huge_map_quickly),
        TEST(aliases_refer_to_the_latest_anchor_of_a_name),
        TEST(refuses_an_alias_bomb_quickly),
        TEST(refuses_a_huge_list_as_too_large),
        cmocka_unit_test_setup_teardown(refuses_a_file_over_the_size_limit, test_setup_with_folder,
                                        test_teardown),
        TEST(refuses_absurd_nesting),
        TEST(reports_syntax_errors_with_position),
        TEST(tells_null_scalars),
    };
    return cmocka_run_group_tests_name("yamltree", tests, NULL, NULL);
}
