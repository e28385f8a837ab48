/* Fuzz target for the CSV files saved by Excel (csvfile.h) and the budget
 * and outcome rows read from them (csvrows.h): the input is a CSV file,
 * read from memory. Checks the contract: a table that is refused says why,
 * and the rows of an accepted one point into the file. */
#include "csvrows.h"
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

/* Every node of the tree is at a line of the file. */
static void check_positions(const ynode *n, const csv_table *t)
{
    if (!n)
        return;
    if (n->file != t->file || n->line < 1)
        fuzz_fail("a row's node does not point into the CSV file");
    for (size_t i = 0; i < n->count; i++)
        check_positions(n->kind == YNODE_MAP ? n->pairs[i].value : n->items[i], t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    arena mem;
    arena_init(&mem);
    diag_list dl;
    diag_list_init(&dl, &mem);
    yread ld = {&mem, &dl};
    csv_table t;
    bool ok = csv_parse_text(&mem, "fuzz.csv", (const char *)data, size, &t, &dl);
    if (!ok && !dl.errors)
        fuzz_fail("csv_parse_text failed without saying why");
    if (ok) {
        static const budget_column columns[] = {{.year = 2023, .kind = COLUMN_OUTCOME},
                                                {.year = 2024, .kind = COLUMN_BUDGET}};
        size_t errors = dl.errors;
        const ynode *rows = csvrows_budget(&ld, &t, columns, 2);
        if (!rows && dl.errors == errors)
            fuzz_fail("csvrows_budget refused the header row without saying why");
        check_positions(rows, &t);
        errors = dl.errors;
        rows = csvrows_outcome(&ld, &t, 2024);
        if (!rows && dl.errors == errors)
            fuzz_fail("csvrows_outcome refused the header row without saying why");
        check_positions(rows, &t);
        csvrows_name_cells(&ld, 0, &t);
    }
    arena_free(&mem);
    return 0;
}
