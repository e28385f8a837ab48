/* The file:line:col of a place inside a text typed in YAML, and the links
 * of data text refused at the line the secretary typed them on. */
#include <string.h>

#include "datatext.h"
#include "textpos.h"
#include "yamltree.h"
#include "yread.h"

#include "test_support.h"

static const ynode *parse(test_fixture *f, const char *yaml, const char *key)
{
    ynode *root = ytree_parse(&f->mem, "t.yaml", yaml, strlen(yaml), &f->dl);
    assert_non_null(root);
    const ynode *n = ymap_get(root, key);
    assert_non_null(n);
    return n;
}

static source_pos at(const ynode *n, const char *needle)
{
    text_origin o = textpos_origin(n);
    const char *hit = strstr(n->text, needle);
    assert_non_null(hit);
    return textpos_at(&o, n->text, (size_t)(hit - n->text));
}

static void a_literal_block_maps_each_line(void **state)
{
    test_fixture *f = *state;
    const ynode *n = parse(f, "a: 1\nbody: |\n    Första raden.\n\n    Läs här: X\n      indrag Y\n",
                           "body");
    source_pos p = at(n, "Första");
    assert_int_equal(p.line, 3);
    assert_int_equal(p.col, 5);
    p = at(n, "X");
    assert_int_equal(p.line, 5);
    assert_int_equal(p.col, 14); /* "ä" is one column */
    p = at(n, "Y");
    assert_int_equal(p.line, 6);
    assert_int_equal(p.col, 14);
}

static void a_block_after_blank_lines_and_deeper(void **state)
{
    test_fixture *f = *state;
    const ynode *n = parse(f, "list:\n  - x\nbody: |\n\n        Z här\n", "body");
    source_pos p = at(n, "Z");
    assert_int_equal(p.line, 5);
    assert_int_equal(p.col, 9);
}

static void a_text_on_one_line(void **state)
{
    test_fixture *f = *state;
    source_pos p = at(parse(f, "title: Plan för Å 2025\n", "title"), "2025");
    assert_int_equal(p.line, 1);
    assert_int_equal(p.col, 19);
    p = at(parse(f, "title: \"Plan för Å 2025\"\n", "title"), "2025");
    assert_int_equal(p.col, 20);
}

static void a_folded_text_points_at_its_start(void **state)
{
    test_fixture *f = *state;
    source_pos p = at(parse(f, "body: >\n  ett\n  två X\n", "body"), "X");
    assert_int_equal(p.line, 1);
    assert_int_equal(p.col, 7);
    p = at(parse(f, "body: ett\n  två X\n", "body"), "X");
    assert_int_equal(p.line, 1);
    assert_int_equal(p.col, 7);
}

static void refused_links_at_their_yaml_place(void **state)
{
    test_fixture *f = *state;
    const ynode *n = parse(f,
                           "body: |\n"
                           "  Läs [mer](javascript:alert(1)) och [ok](https://x.se).\n"
                           "\n"
                           "  - i en lista <smb://server/x>\n"
                           "  - [ref] och [^1]\n"
                           "\n"
                           "  [ref]: file:///etc/passwd\n"
                           "  [^1]: En not, ingen länk.\n",
                           "body");
    yread ld = {&f->mem, &f->dl};
    yread_text(&ld, n, "body");
    assert_int_equal(f->dl.errors, 3);
    const diag *d = expect_diag(f, "javascript:alert(1)");
    assert_int_equal(d->line, 2);
    assert_int_equal(d->col, 13);
    d = expect_diag(f, "smb://server/x");
    assert_int_equal(d->line, 4);
    assert_int_equal(d->col, 17);
    d = expect_diag(f, "file:///etc/passwd"); /* the target stands elsewhere: the link */
    assert_int_equal(d->line, 5);
    assert_int_equal(d->col, 5);
    assert_string_equal(d->path, "body");
}

static void text_without_links_is_not_parsed(void **state)
{
    test_fixture *f = *state;
    yread ld = {&f->mem, &f->dl};
    yread_text(&ld, parse(f, "t: Inga länkar, bara text (javascript:x)\n", "t"), "t");
    assert_int_equal(f->dl.count, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(a_literal_block_maps_each_line, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(a_block_after_blank_lines_and_deeper, test_setup,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(a_text_on_one_line, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(a_folded_text_points_at_its_start, test_setup,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(refused_links_at_their_yaml_place, test_setup,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(text_without_links_is_not_parsed, test_setup,
                                        test_teardown),
    };
    return cmocka_run_group_tests_name("textpos", tests, NULL, NULL);
}
