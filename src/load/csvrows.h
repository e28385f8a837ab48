/* csvrows: budget rows and outcome rows kept in Excel and saved as CSV
 * (csvfile.h). The first row names the columns (Swedish or English, any
 * order, any case): Del, Grupp, Rad, Kategori, Medlemmar, Förs vidare and one
 * column per budget column ("Budget 2024", "Prognos 2023", "Utfall 2022"),
 * or Belopp for an outcome. The rows become the tree the YAML would have
 * given (`income`, `reserves`, `costs`; an outcome's `rows`), every value
 * at its cell, so that the loaders check them as they check YAML, and the
 * errors name the cell ("C5 (Kategori)"). See docs/formats/csv.md. */
#ifndef PP_CSVROWS_H
#define PP_CSVROWS_H

#include "csvfile.h"
#include "model.h"
#include "yamltree.h"
#include "yread.h"

/* A map with the lists `income`, `reserves` and `costs`, each value list
 * in the order of the budget's columns; NULL with errors when the header
 * row is wrong. */
const ynode *csvrows_budget(yread *ld, const csv_table *t, const budget_column *columns,
                            size_t ncolumns);
/* A map with the list `rows` of {label, category, amount} for an outcome of `year`: the amount
 * from the column Belopp or "Utfall YEAR"; rows with an empty amount are
 * left out. NULL with errors when the header row is wrong. */
const ynode *csvrows_outcome(yread *ld, const csv_table *t, int year);
/* Gives the diagnostics from `first` on that point into the table the name
 * of their cell, "C5 (Kategori)", or of their row, as their path. */
void csvrows_name_cells(yread *ld, size_t first, const csv_table *t);

#endif
