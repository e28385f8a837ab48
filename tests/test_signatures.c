/* The signature block of minutes (```signatures): two signatures to a row,
 * a line to sign on over each name, the role below. */
#include "layout_fixture.h"

static size_t signing_lines(const layout_page *pg, uint32_t color)
{
    size_t n = 0;
    for (size_t i = 0; i < pg->count; i++)
        n += pg->boxes[i].kind == BOX_RULE && pg->boxes[i].color == color;
    return n;
}

static void two_to_a_row_with_a_line_over_each_name(void **state)
{
    fixture *f = *state;
    assert_true(lay_out(f, "Protokollet justeras.\n\n```signatures\nplace: Jönköping\n"
                           "date: 2024-02-23\nsigners:\n"
                           "  - {name: Johanna Buchalle, role: Mötesordförande}\n"
                           "  - {name: Linda Johansson, role: Sekreterare}\n"
                           "  - {name: Therese Petersson, role: Justerare}\n```\n"));
    size_t page;
    const box *chair = find_text(&f->doc, "Johanna Buchalle", &page);
    const box *secretary = find_text(&f->doc, "Linda Johansson", &page);
    const box *third = find_text(&f->doc, "Therese Petersson", &page);
    const box *role = find_text(&f->doc, "Mötesordförande", &page);
    const box *dated = find_text(&f->doc, "Jönköping 2024-02-23", &page);
    assert_non_null(chair);
    assert_non_null(secretary);
    assert_non_null(third);
    assert_non_null(role);
    assert_non_null(dated);
    assert_float_equal(chair->y, secretary->y, 1e-9);
    assert_true(secretary->x > chair->x + 150);
    assert_float_equal(third->x, chair->x, 1e-9);
    assert_true(third->y < chair->y - 40); /* the next row, with room to sign */
    assert_true(role->y < chair->y && role->face == FACE_ITALIC);
    assert_true(dated->y > chair->y);
    const layout_page *pg = &f->doc.pages[0];
    assert_int_equal(signing_lines(pg, f->st.body.color), 3);
    /* every name has its line just above it */
    for (size_t i = 0; i < pg->count; i++) {
        const box *b = &pg->boxes[i];
        if (b->kind != BOX_RULE || b->color != f->st.body.color)
            continue;
        bool over_a_name = false;
        for (const box *const *n = (const box *const[]){chair, secretary, third, NULL}; *n; n++)
            over_a_name = over_a_name || (b->x == (*n)->x && b->y > (*n)->y &&
                                          b->y < (*n)->y + 2 * f->st.body.size);
        assert_true(over_a_name);
    }
}

static void lines_for_place_and_date(void **state)
{
    fixture *f = *state;
    assert_true(lay_out(f, "```signatures\ndate_lines: true\nsigners:\n"
                           "  - {name: A Andersson, role: Ordförande}\n"
                           "  - {name: B Berg}\n```\n"));
    assert_int_equal(count_boxes(&f->doc.pages[0], BOX_RULE), 4);
    const layout_page *pg = &f->doc.pages[0];
    size_t captions = 0;
    for (size_t i = 0; i < pg->count; i++)
        captions +=
            pg->boxes[i].kind == BOX_TEXT && strcmp(pg->boxes[i].text, "Ort och datum") == 0;
    assert_int_equal(captions, 2);
}

static void a_bare_list_will_do_and_errors_are_named(void **state)
{
    fixture *f = *state;
    assert_true(lay_out(f, "```signatures\n- {name: A Andersson, role: Justerare}\n```\n"));
    size_t page;
    assert_non_null(find_text(&f->doc, "A Andersson", &page));
    size_t before = f->dl.count;
    assert_false(lay_out(f, "Text.\n\n```signatures\ndate: 2024-02-30\nsigners:\n"
                            "  - {role: Justerare}\n```\n"));
    assert_int_equal(f->dl.count - before, 2);
    assert_int_equal(f->dl.items[before].line, 4);
    assert_string_equal(f->dl.items[before].path, "signatures.date");
    assert_int_equal(f->dl.items[before + 1].line, 6);
    assert_non_null(strstr(f->dl.items[before + 1].message, "name"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(two_to_a_row_with_a_line_over_each_name, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(lines_for_place_and_date, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(a_bare_list_will_do_and_errors_are_named, fixture_setup,
                                        fixture_teardown),
    };
    return cmocka_run_group_tests_name("signatures", tests, NULL, NULL);
}
