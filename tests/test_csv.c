/* Budget and outcome rows from CSV files as Excel saves them in Swedish:
 * csvfile (encodings, quoting, positions) and csvrows (columns by name,
 * amounts with thousands separators and decimal commas, errors at cells). */
#include <string.h>

#include "csvfile.h"
#include "load.h"

#include "test_support.h"

static const char plan_head[] = "plan:\n"
                                "  year: 2024\n"
                                "  title: Plan\n"
                                "  budget:\n"
                                "    columns:\n"
                                "      - {year: 2023, kind: outcome}\n"
                                "      - {year: 2024, kind: budget}\n"
                                "    rows_from: budget-2024.csv\n";

static plan *plan_with_csv(test_fixture *f, const char *csv, size_t len)
{
    write_file(f, "a/association.yaml", test_association_yaml);
    write_bytes(in_folder(f, "a/budget-2024.csv"), csv, len);
    return load_plan(&f->mem, write_file(f, "a/plan-2024.yaml", plan_head), &f->dl);
}

#define CSV(text) (text), sizeof(text) - 1

static void assert_at_cell(const diag *d, int line, int col, const char *path)
{
    if (d->line != line || d->col != col || !d->path || strcmp(d->path, path) != 0)
        diag_print(d, stderr);
    assert_int_equal(d->line, line);
    assert_int_equal(d->col, col);
    assert_string_equal(d->path, path);
}

static void fields_keep_where_they_start(void **state)
{
    test_fixture *f = *state;
    csv_table t;
    static const char text[] = "\xef\xbb\xbf"
                               "a;\"b;c\";d\r\n"
                               ";;\r\n"
                               "\"two\nlines\";\"say \"\"hi\"\"\";\xc2\xa0"
                               "x\xc2\xa0\r\n";
    assert_true(csv_parse_text(&f->mem, "t.csv", CSV(text), &t, &f->dl));
    assert_int_equal(t.nrows, 2); /* the empty row is left out */
    assert_int_equal(t.rows[0].ncells, 3);
    assert_string_equal(t.rows[0].cells[1].text, "b;c");
    assert_int_equal(t.rows[0].cells[1].col, 3);
    assert_int_equal(t.rows[0].cells[2].col, 9);
    assert_int_equal(t.rows[1].number, 3);
    assert_int_equal(t.rows[1].line, 3);
    assert_string_equal(t.rows[1].cells[0].text, "two\nlines");
    assert_string_equal(t.rows[1].cells[1].text, "say \"hi\"");
    assert_int_equal(t.rows[1].cells[1].line, 4);
    assert_int_equal(t.rows[1].cells[1].col, 8);
    assert_string_equal(t.rows[1].cells[2].text, "x"); /* no-break spaces trimmed */
}

static void windows_1252_is_read_as_such(void **state)
{
    test_fixture *f = *state;
    csv_table t;
    assert_true(
        csv_parse_text(&f->mem, "t.csv", CSV("Int\xe4kter;F\xf6rs vidare;\x96\n"), &t, &f->dl));
    assert_string_equal(t.rows[0].cells[0].text, "Intäkter");
    assert_string_equal(t.rows[0].cells[1].text, "Förs vidare");
    assert_string_equal(t.rows[0].cells[2].text, "–");
    assert_false(csv_parse_text(&f->mem, "u.csv", CSV("a;\x81\n"), &t, &f->dl));
    assert_int_equal(expect_diag(f, "neither UTF-8 nor Windows-1252")->col, 3);
    assert_false(csv_parse_text(&f->mem, "v.csv",
                                CSV("\xff\xfe"
                                    "a\0;\0"),
                                &t, &f->dl));
    expect_diag(f, "UTF-16 text");
}

static void cells_are_named_as_the_spreadsheet_names_them(void **state)
{
    test_fixture *f = *state;
    assert_string_equal(csv_cell_name(&f->mem, 1, 5), "A5");
    assert_string_equal(csv_cell_name(&f->mem, 26, 1), "Z1");
    assert_string_equal(csv_cell_name(&f->mem, 27, 12), "AA12");
    assert_string_equal(csv_cell_name(&f->mem, 703, 2), "AAA2");
}

static void a_budget_from_excel_is_the_budget_typed(void **state)
{
    test_fixture *f = *state;
    /* Columns in another order than the plan's, in any case, an extra year
     * the plan does not print, separators of thousands of each kind. */
    plan *pl = plan_with_csv(f, CSV("kategori;DEL;Rad;Grupp;Medlemmar;Budget 2024;2023 utfall;"
                                    "Prognos 2025;Förs vidare\r\n"
                                    "allocation;Intäkter;Från parterna;;Försäkringskassan, "
                                    "Testby;1 563;1\xc2\xa0"
                                    "500;9;\r\n"
                                    "equity;intäkt;Eget kapital;;;\"2\xe2\x80\xaf"
                                    "000,00\";;;ja\r\n"
                                    "equity;Reserver;Buffert;;;700;700;;\r\n"
                                    "administration;Kostnader;Kansli;Fasta;;1 200;1 150;;\r\n"
                                    "structural;kostnad;Analys;Fasta;;;250;;nej\r\n"));
    if (!pl)
        diag_print_all(&f->dl, stderr);
    assert_non_null(pl);
    const budget *b = &pl->budget;
    assert_string_equal(b->rows_from, in_folder(f, "a/budget-2024.csv"));
    assert_int_equal(b->nincome, 2);
    assert_int_equal(b->nreserves, 1);
    assert_int_equal(b->ncosts, 2);
    assert_string_equal(b->income[0].label, "Från parterna");
    assert_int_equal(b->income[0].category, CATEGORY_ALLOCATION);
    assert_int_equal(b->income[0].nmembers, 2);
    assert_int_equal(b->income[0].members[1], 2);
    assert_int_equal(b->income[0].cells[0].amount, 1500); /* 2023 outcome first, as the plan */
    assert_int_equal(b->income[0].cells[1].amount, 1563);
    assert_true(b->income[1].carried_forward);
    assert_false(b->income[1].cells[0].present);
    assert_int_equal(b->income[1].cells[1].amount, 2000);
    assert_string_equal(b->costs[0].group, "Fasta");
    assert_int_equal(b->costs[1].cells[0].amount, 250);
    assert_false(b->costs[1].cells[1].present);
    assert_false(b->costs[1].carried_forward);
    assert_int_equal(b->costs[1].pos.line, 6);
}

static void errors_name_the_file_row_and_column(void **state)
{
    test_fixture *f = *state;
    assert_null(plan_with_csv(f, CSV("Del;Rad;Kategori;Utfall 2023;Budget 2024\n"
                                     "Intäkter;A;allocation;1 000,50;1\n"
                                     "Kostnader;B;structual;10;ca 20\n"
                                     "Utgifter;C;other;1;1\n"
                                     "Kostnader;;other;1;-5\n"
                                     "Kostnader;E;other;12 34;1\n")));
    const diag *d = expect_diag(f, "expected a whole amount");
    assert_string_equal(d->file, in_folder(f, "a/budget-2024.csv"));
    assert_at_cell(d, 2, 23, "D2 (Utfall 2023)");
    assert_at_cell(expect_diag(f, "found \"ca 20\""), 3, 26, "E3 (Budget 2024)");
    assert_at_cell(expect_diag(f, "did you mean \"structural\""), 3, 13, "C3 (Kategori)");
    assert_at_cell(expect_diag(f, "expected intäkter, reserver or kostnader"), 4, 1, "A4 (Del)");
    assert_at_cell(expect_diag(f, "no label in the column Rad"), 5, 0, "row 5");
    assert_at_cell(expect_diag(f, "found \"12 34\""), 6, 19, "D6 (Utfall 2023)");
    assert_null(find_diag(f, "a cost typed negative")); /* row 5 was left out */
}

static void the_header_row_names_every_column_once(void **state)
{
    test_fixture *f = *state;
    assert_null(plan_with_csv(f, CSV("Del;Rad;Katgori;Budget 2024;Rad\n"
                                     "Kostnader;B;other;10;x\n")));
    assert_at_cell(expect_diag(f, "\"Katgori\" is not a column name (did you mean \"kategori\"?)"),
                   1, 9, "C1");
    assert_at_cell(expect_diag(f, "the column \"Rad\" is named twice (also column B1)"), 1, 29,
                   "E1");
    f->dl.count = 0;
    assert_null(plan_with_csv(f, CSV("Del;Rad;Kategori;Budget 2024\nKostnader;B;other;10\n")));
    assert_at_cell(expect_diag(f, "no column for the budget's column 2023 outcome: name it "
                                  "\"Utfall 2023\""),
                   1, 0, "row 1");
}

static void rows_come_from_one_place_inside_the_folder(void **state)
{
    test_fixture *f = *state;
    write_file(f, "a/association.yaml", test_association_yaml);
    static const char *const bad[] = {"../budget.csv", "/etc/passwd", "x/../../b.csv"};
    for (size_t i = 0; i < 3; i++) {
        f->dl.count = 0;
        const char *yaml = arena_printf(&f->mem,
                                        "plan:\n  year: 2024\n  title: P\n  budget:\n"
                                        "    columns: [{year: 2024, kind: budget}]\n"
                                        "    rows_from: \"%s\"\n",
                                        bad[i]);
        assert_null(load_plan(&f->mem, write_file(f, "a/plan-2024.yaml", yaml), &f->dl));
        assert_at_cell(expect_diag(f, "expected the name of a file in the folder of this file"), 6,
                       16, "plan.budget.rows_from");
    }
    f->dl.count = 0;
    assert_null(load_plan(&f->mem,
                          write_file(f, "a/plan-2024.yaml",
                                     "plan:\n  year: 2024\n  title: P\n  budget:\n"
                                     "    columns: [{year: 2024, kind: budget}]\n"
                                     "    rows_from: none.csv\n"
                                     "    costs: [{label: K, category: other, values: [1]}]\n"),
                          &f->dl));
    assert_at_cell(expect_diag(f, "give them here or there, not both"), 7, 12, "plan.budget.costs");
    assert_string_equal(expect_diag(f, "cannot open")->file, in_folder(f, "a/none.csv"));
}

static void an_outcome_takes_its_amounts_from_the_same_sheet(void **state)
{
    test_fixture *f = *state;
    assert_non_null(plan_with_csv(f, CSV("Del;Rad;Kategori;Utfall 2023;Budget 2024\n"
                                         "Intäkter;Från parterna;allocation;1 000;1 100\n"
                                         "Kostnader;Kansli;administration;500;600\n")));
    write_bytes(in_folder(f, "a/utfall-2024.csv"),
                CSV("Del;Rad;Budget 2024;Utfall 2024\n"
                    "Intäkter;Från parterna;1 100;1\xc2\xa0"
                    "099\n"
                    "Kostnader;Kansli;600;\n" /* no figure yet: left out */
                    "Kostnader;Kansi;600;12\n"));
    const char *path = write_file(f, "a/outcome-2024.yaml",
                                  "outcome:\n  year: 2024\n  rows_from: utfall-2024.csv\n");
    assert_null(load_outcome(&f->mem, path, &f->dl));
    assert_at_cell(expect_diag(f, "did you mean \"Kansli\"?"), 4, 11, "B4 (Rad)");
    f->dl.count = f->dl.errors = 0;
    write_bytes(in_folder(f, "a/utfall-2024.csv"),
                CSV("Rad;Belopp\nFrån parterna;1 099\nKansli;-3\n"));
    outcome *o = load_outcome(&f->mem, path, &f->dl);
    if (!o)
        diag_print_all(&f->dl, stderr);
    assert_non_null(o);
    assert_int_equal(o->nrows, 2);
    assert_true(o->rows[0].income);
    assert_int_equal(o->rows[0].amount, 1099);
    assert_int_equal(o->rows[1].category, CATEGORY_ADMINISTRATION);
    assert_int_equal(o->rows[1].amount, -3);
    assert_string_equal(o->rows_from, in_folder(f, "a/utfall-2024.csv"));
}

int main(void)
{
#define TEST(name) cmocka_unit_test_setup_teardown(name, test_setup_with_folder, test_teardown)
    const struct CMUnitTest tests[] = {
        TEST(fields_keep_where_they_start),
        TEST(windows_1252_is_read_as_such),
        TEST(cells_are_named_as_the_spreadsheet_names_them),
        TEST(a_budget_from_excel_is_the_budget_typed),
        TEST(errors_name_the_file_row_and_column),
        TEST(the_header_row_names_every_column_once),
        TEST(rows_come_from_one_place_inside_the_folder),
        TEST(an_outcome_takes_its_amounts_from_the_same_sheet),
    };
    return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
