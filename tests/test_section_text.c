/* A section's text split at the parts placed in it with ```part REF. */
#include <string.h>

#include "section_text.h"

#include "test_support.h"

static void splits_at_each_part(void **state)
{
    test_fixture *f = *state;
    section_text_piece *p;
    size_t n = section_text_split(&f->mem,
                                  "Före.\n\n```part allocation\n```\n\nMellan.\n\n"
                                  "```part interventions.stegen.targets\n```\nEfter.\n",
                                  &p);
    assert_int_equal(n, 3);
    assert_string_equal(p[0].text, "Före.\n\n");
    assert_string_equal(p[0].ref, "allocation");
    assert_int_equal(p[0].line, 2);
    assert_false(p[0].unclosed);
    assert_string_equal(p[1].text, "\nMellan.\n\n");
    assert_string_equal(p[1].ref, "interventions.stegen.targets");
    assert_int_equal(p[1].line, 7);
    assert_string_equal(p[2].text, "Efter.\n");
    assert_null(p[2].ref);
}

static void other_fences_are_text(void **state)
{
    test_fixture *f = *state;
    section_text_piece *p;
    const char *text = "````\n```part budget\n```\n````\n\n```partial\n```\n";
    size_t n = section_text_split(&f->mem, text, &p);
    assert_int_equal(n, 1);
    assert_string_equal(p[0].text, text);
    assert_int_equal(section_text_split(&f->mem, NULL, &p), 1);
    assert_string_equal(p[0].text, "");
}

static void an_unclosed_part(void **state)
{
    test_fixture *f = *state;
    section_text_piece *p;
    size_t n = section_text_split(&f->mem, "```part budget\nText.\n", &p);
    assert_int_equal(n, 2);
    assert_true(p[0].unclosed);
    assert_string_equal(p[1].text, "Text.\n");
}

static void tells_the_data_fence(void **state)
{
    (void)state;
    assert_true(section_text_fence_is_data("part budget"));
    assert_true(section_text_fence_is_data("part"));
    assert_false(section_text_fence_is_data("partial"));
    assert_false(section_text_fence_is_data("pagebreak"));
    assert_false(section_text_fence_is_data(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(splits_at_each_part, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(other_fences_are_text, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(an_unclosed_part, test_setup, test_teardown),
        cmocka_unit_test(tells_the_data_fence),
    };
    return cmocka_run_group_tests_name("section_text", tests, NULL, NULL);
}
