/* load_budget: the budget table of a plan (columns, rows, their categories
 * and printed totals), the member allocation and the financial rules. */
#ifndef PP_LOAD_BUDGET_H
#define PP_LOAD_BUDGET_H

#include "model.h"
#include "yread.h"

void load_budget(yread *ld, const ynode *n, const char *path, const association *a, budget *b);
void load_allocation(yread *ld, const ynode *n, const char *path, const association *a, int year,
                     allocation *al);
financial_rule *load_rules(yread *ld, const ynode *n, const char *path, size_t *count);

#endif
