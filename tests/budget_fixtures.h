/* Budgets built in test code: helpers, and the Samspelet budget 2025–2027
 * (seed 003) typed from the seed's table. */
#ifndef TEST_BUDGET_FIXTURES_H
#define TEST_BUDGET_FIXTURES_H

#include <stdint.h>

#include "arena.h"
#include "model.h"

#define NB    "\xc2\xa0"
#define MINUS "\xe2\x88\x92"
#define NONE  INT64_MIN /* an empty cell */

typedef struct {
    const char *label, *group;
    row_category category;
    int64_t values[5];
} row_spec;

static inline budget_row *make_rows(arena *mem, const row_spec *spec, size_t n, size_t ncolumns,
                                    int first_line)
{
    budget_row *rows = ARENA_ARRAY(mem, budget_row, n ? n : 1);
    for (size_t i = 0; i < n; i++) {
        rows[i] = (budget_row){.label = spec[i].label,
                               .group = spec[i].group,
                               .category = spec[i].category,
                               .pos = {"t.yaml", first_line + (int)i, 3}};
        rows[i].cells = ARENA_ARRAY(mem, budget_cell, ncolumns);
        for (size_t c = 0; c < ncolumns; c++)
            rows[i].cells[c] = (budget_cell){spec[i].values[c],
                                             spec[i].values[c] != NONE,
                                             {"t.yaml", first_line + (int)i, 10 + (int)c}};
    }
    return rows;
}

static inline budget_cell *make_line(arena *mem, const int64_t *values, size_t ncolumns, int line)
{
    budget_cell *cells = ARENA_ARRAY(mem, budget_cell, ncolumns);
    for (size_t c = 0; c < ncolumns; c++)
        cells[c] = (budget_cell){values[c], values[c] != NONE, {"t.yaml", line, 10 + (int)c}};
    return cells;
}

/* Seed 003, "Budget – förslag inför verksamhetsåret 2025 samt prognos för
 * 2026–2027", in tkr: "Eget Kapital" carries each year's remainder into the
 * next; the buffer (700 each year) is a reserve row, counted in "Totalt". */
static inline budget samspelet_budget(arena *mem)
{
    static const row_spec income[] = {
        {"Från parterna", NULL, CATEGORY_ALLOCATION, {10006, 10006, 10006}},
        {"Eget Kapital", NULL, CATEGORY_EQUITY, {861, 2319, 2720}},
        {"ESF", NULL, CATEGORY_EXTERNAL, {600, 400, 0}},
        {"Prel. överskott på beräknad budget 2024", NULL, CATEGORY_EQUITY, {815, NONE, NONE}},
    };
    static const row_spec costs[] = {
        {"Administration", NULL, CATEGORY_ADMINISTRATION, {1200, 1220, 1240}},
        {"Processtöd", NULL, CATEGORY_STRUCTURAL, {350, 700, 700}},
        {"Styrelse o revision", NULL, CATEGORY_BOARD, {275, 275, 350}},
        {"Kompetensutveckling", NULL, CATEGORY_STRUCTURAL, {200, 200, 200}},
        {"ESF-projekt LUFS", NULL, CATEGORY_STRUCTURAL, {450, 300, 0}},
        {"Jämställdhet", NULL, CATEGORY_STRUCTURAL, {50, 50, 50}},
        {"Stegen Kristinehamn", NULL, CATEGORY_INDIVIDUAL, {2520, 2579, 0}},
        {"TRIS Karlstad", NULL, CATEGORY_INDIVIDUAL, {3710, 3823, 0}},
        {"Tillitsbyrå", NULL, CATEGORY_STRUCTURAL, {375, 0, 0}},
        {"Lärlingsutbildning", NULL, CATEGORY_INDIVIDUAL, {833, 858, 0}},
    };
    static const int64_t summa_budget[] = {12282, 12725, 12726};
    static const int64_t summa_kostnader[] = {9963, 10005, 2540};
    static const int64_t ej_budgeterat[] = {2319, 2720, 10186};
    static const int64_t totalt[] = {12982, 13425, 13426};
    static const row_spec buffert[] = {{"Buffert", NULL, CATEGORY_EQUITY, {700, 700, 700}}};
    budget b = {.present = true, .title = "Budget 2025", .unit = UNIT_TKR, .ncolumns = 3};
    b.columns = ARENA_ARRAY(mem, budget_column, 3);
    b.columns[0] = (budget_column){.year = 2025, .kind = COLUMN_BUDGET, .pos = {"t.yaml", 1, 1}};
    b.columns[1] = (budget_column){.year = 2026, .kind = COLUMN_FORECAST, .pos = {"t.yaml", 1, 2}};
    b.columns[2] = (budget_column){.year = 2027, .kind = COLUMN_FORECAST, .pos = {"t.yaml", 1, 3}};
    b.income = make_rows(mem, income, 4, 3, 10);
    b.nincome = 4;
    b.income[1].carried_forward = true;
    b.reserves = make_rows(mem, buffert, 1, 3, 15);
    b.nreserves = 1;
    b.costs = make_rows(mem, costs, 10, 3, 20);
    b.ncosts = 10;
    b.printed.income = make_line(mem, summa_budget, 3, 40);
    b.printed.with_reserves = make_line(mem, totalt, 3, 43);
    b.printed.costs = make_line(mem, summa_kostnader, 3, 41);
    b.printed.result = make_line(mem, ej_budgeterat, 3, 42);
    return b;
}

#endif
