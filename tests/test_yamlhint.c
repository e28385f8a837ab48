/* Explaining YAML syntax errors: the line that is wrong, in plain words, with
 * the key path of the mapping around it, read from the text alone. */
#include <string.h>

#include "yamlhint.h"

#include "test_support.h"

static yaml_hint explain(test_fixture *f, const char *text, const char *problem, int line,
                         int col, const char *context, int cline, int ccol)
{
    yaml_syntax_error err = {problem, line, col, context, cline, ccol};
    yaml_hint h;
    yaml_hint_explain(&f->mem, text, strlen(text), &err, &h);
    return h;
}

static void a_key_indented_less_than_its_neighbours(void **state)
{
    test_fixture *f = *state;
    const char *text = "plan:\n"
                       "  budget:\n"
                       "    costs:\n"
                       "      - label: A\n"
                       "        category: board\n"
                       "      - label: B\n"
                       "        category: board\n"
                       "       values: [1]\n"
                       "        group: x\n";
    yaml_hint h = explain(f, text, "did not find expected key", 8, 8, NULL, 0, 0);
    assert_non_null(h.message);
    assert_int_equal(h.line, 8);
    assert_int_equal(h.col, 8);
    assert_string_equal(h.message, "line 8 is indented 7 spaces, the lines around it 8: a key "
                                   "belongs to the mapping its indentation puts it in, so indent "
                                   "it as the keys beside it");
    assert_string_equal(h.path, "plan.budget.costs[1]");
}

static void a_block_text_is_not_indentation(void **state)
{
    test_fixture *f = *state;
    const char *text = "plan:\n"
                       "  sections:\n"
                       "    - heading: A\n"
                       "      body: |\n"
                       "        Text\n"
                       "           indented freely\n"
                       "      show: budget: x\n";
    yaml_hint h = explain(f, text, "mapping values are not allowed in this context", 7, 19, NULL,
                          0, 0);
    assert_non_null(h.message);
    assert_int_equal(h.line, 7);
    assert_non_null(strstr(h.message, "the text of \"show\" contains \": \""));
    assert_string_equal(h.path, "plan.sections[0]");
}

static void a_colon_inside_braces(void **state)
{
    test_fixture *f = *state;
    const char *text = "plan:\n  costs:\n    - {label: Lön: kansli, values: [1]}\n";
    yaml_hint h = explain(f, text, "did not find expected ',' or '}'", 3, 25,
                          "while parsing a flow mapping", 3, 7);
    assert_non_null(h.message);
    assert_int_equal(h.line, 3);
    assert_int_equal(h.col, 15);
    assert_non_null(strstr(h.message, "put it in quotes (\"Lön: kansli\")"));
    assert_string_equal(h.path, "plan.costs[0]");
}

static void a_tab_and_an_open_quote(void **state)
{
    test_fixture *f = *state;
    yaml_hint h = explain(f, "plan:\n\tyear: 2024\n", "found character that cannot start any token",
                          2, 1, "while scanning for the next token", 2, 1);
    assert_non_null(strstr(h.message, "line 2 is indented with a tab"));
    h = explain(f, "plan:\n  title: 'Plan\n", "found unexpected end of stream", 3, 1,
                "while scanning a quoted scalar", 2, 10);
    assert_int_equal(h.line, 2);
    assert_int_equal(h.col, 10);
    assert_non_null(strstr(h.message, "add the closing ' at its end"));
    assert_string_equal(h.path, "plan");
}

static void nothing_better_to_say(void **state)
{
    test_fixture *f = *state;
    yaml_hint h = explain(f, "plan:\n  year: 2024\n", "something else", 2, 3, NULL, 0, 0);
    assert_null(h.message);
    assert_int_equal(h.line, 2);
    assert_int_equal(h.col, 3);
    assert_string_equal(h.path, "plan");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(a_key_indented_less_than_its_neighbours, test_setup,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(a_block_text_is_not_indentation, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(a_colon_inside_braces, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(a_tab_and_an_open_quote, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(nothing_better_to_say, test_setup, test_teardown),
    };
    return cmocka_run_group_tests_name("yamlhint", tests, NULL, NULL);
}
