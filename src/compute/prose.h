/* prose: the amounts a plan's text writes out in digits ("cirka 1 700 tkr",
 * "30 %"), which `planpress check` lists with their places, and the
 * warnings where the text plainly contradicts the tables:
 *
 *  - a unit that does not fit: "5 594 000 miljoner kronor" where the table
 *    has 5 594 000 kr and nothing is 5 594 000 million;
 *  - a heading or caption naming another unit than its table: "Budget 2018
 *    (tkr)" over a table in kr, "Belopp i tkr" just before it;
 *  - an amount said to be a row's ("egna medel … ca 2 000 000") that is
 *    further from that row (1 762 000) than its wording allows: exact,
 *    "ca"/"cirka"/"ungefär"/"omkring" (the row rounded to two significant
 *    digits), "drygt"/"över" (a little more), "knappt"/"nästan" (a little
 *    less); a row is named by its label, in the same sentence before it.
 *
 * The texts read are the sections' headings and bodies, the descriptions of
 * the interventions, and the budget's and the allocation's titles; code, ```part blocks and {=figures} are not
 * prose. Pure: warnings go to the caller's list. */
#ifndef PP_PROSE_H
#define PP_PROSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "budget.h"
#include "diag.h"
#include "model.h"

typedef enum { PROSE_NO_UNIT, PROSE_KR, PROSE_TKR, PROSE_MNKR, PROSE_PERCENT } prose_unit;
typedef enum { ROUNDING_EXACT, ROUNDING_ABOUT, ROUNDING_OVER, ROUNDING_UNDER } prose_rounding;

typedef struct {
    const char *text;   /* as written, with its rounding word and unit: "cirka 1 700 tkr" */
    int64_t value;      /* the number times 10^decimals: "1,8" is 18 */
    int decimals;
    prose_unit unit;
    prose_rounding rounding;
    const char *key;    /* "plan.sections[24].body" */
    source_pos pos;
    const char *in;     /* the text it stands in, and where: [start, end) */
    size_t start, end;
} prose_amount;

typedef struct {
    prose_amount *items;
    size_t count;
} prose_list;

prose_list prose_amounts(arena *mem, const plan *p);

/* Warnings in `dl` where the amounts contradict the tables. */
void prose_check(arena *mem, const plan *p, const budget_figures *bf, const prose_list *amounts,
                 diag_list *dl);

/* "tkr", "%", "" (no unit): how the report names an amount's unit. */
const char *prose_unit_name(prose_unit u);

#endif
