/* textfigure: the figures a plan's section writes into its text by
 * reference, {=REF} (docs/formats/plan.md, "Figures in the text"):
 *
 *     {=allocation}                 the year's member allocation, in total
 *     {=allocation[Järfälla]}       an entry's amount (its label, or its one member)
 *     {=allocation[Järfälla].part}  that entry's part of the whole, in percent
 *     {=budget.income}              a total of the budget column of the plan's
 *                                   year: income, with_reserves, costs, result
 *     {=budget.row[Kansli]}         a row of that column, by its label
 *     {=budget.row[Kansli].share}   the row's share of its side's total, in percent
 *     {=budget[2026].costs}         another column: a year, and its kind when
 *                                   the year has several ("2023 forecast")
 *     {=budget.costs kr}            in kr (or tkr) rather than the table's unit
 *
 * "{=" cannot stand in ordinary text by chance; "\{=" writes it, and code
 * spans and code blocks are left alone. Each reference is resolved against
 * the loaded plan, and an unknown one is an error at its line:col with a
 * "did you mean". The values are computed later (compute/figures.h). */
#ifndef PP_TEXTFIGURE_H
#define PP_TEXTFIGURE_H

#include <stddef.h>

#include "model.h"
#include "yread.h"

/* The figures referred to in `text`, which is typed at `origin`; errors go
 * to ld at `path`. Returns their number. */
size_t textfigure_scan(yread *ld, const text_origin *origin, const char *text, const char *path,
                       const plan *pl, text_figure **out);

#endif
