/* allocation: the member allocation of the Finsam law (2003:1210): the
 * state (Försäkringskassan and Arbetsförmedlingen) 50 %, the region 25 %,
 * the municipalities 25 % split by population or by given shares, each part
 * by the largest-remainder rule (split.h); with a cross-check of the amounts
 * a plan states. Pure functions; the caller owns every array. */
#ifndef PP_ALLOCATION_H
#define PP_ALLOCATION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "budget.h"
#include "diag.h"
#include "model.h"
#include "split.h"

/* The kinds of member in the order of member_kind: state, region, municipalities. */
enum { FINSAM_KINDS = 3 };

typedef struct {
    member_kind kind;
    int64_t weight; /* population or share within its kind; 0 for all of a kind: equal parts */
} finsam_party;

/* The law's parts of the kinds, in hundredths of a percent: state 50 %,
 * region 25 %, municipalities 25 %. An association may state other parts. */
extern const int64_t finsam_law_parts[FINSAM_KINDS];

/* Splits `whole` first between the kinds by `kind_parts` (indexed by
 * member_kind; any positive weights), then each kind's part between its
 * parties by weight: kind_part gets the first, parts (one per party) the second. */
split_status finsam_split(int64_t whole, const int64_t kind_parts[FINSAM_KINDS],
                          const finsam_party *parties, size_t n, int64_t kind_part[FINSAM_KINDS],
                          int64_t *parts);

/* One member's allocation as a plan states it, to be checked. */
typedef struct {
    const char *label; /* as in the table, e.g. "Upplands Bro" */
    member_kind kind;
    int64_t weight; /* population or share within its kind; 0 when not given */
    int64_t stated;
    source_pos pos;
} allocation_line;

/* Where the whole that is split comes from. */
typedef enum {
    WHOLE_STATED,     /* the plan states the total allocation */
    WHOLE_FROM_STATE, /* from the state's amount: the others match the state's */
    WHOLE_FROM_LINES  /* the sum of the stated amounts */
} allocation_basis;

typedef struct {
    int64_t whole;
    allocation_basis basis;
    int64_t kind_part[FINSAM_KINDS];
    int64_t *computed; /* one per line, in the arena */
    size_t mismatches; /* lines whose stated amount differs from the computed one */
} allocation_result;

/* Splits one column's allocation by `kind_parts` (finsam_law_parts unless the
 * association states others) and warns, for every line whose stated amount
 * differs from its computed part, with the line, the column (`what`, e.g.
 * "2024 (budget)"), both amounts and the likely cause. The whole is
 * `*stated_total` when given (its sum is then checked too), else the state's
 * amount scaled up by its part when that is exact (twice it by the law),
 * else the sum of the lines. False (with an error in `dl`) when the lines
 * cannot be split. */
bool allocation_check(arena *mem, const int64_t kind_parts[FINSAM_KINDS],
                      const allocation_line *lines, size_t n, const int64_t *stated_total,
                      source_pos total_pos, const char *what, allocation_result *res,
                      diag_list *dl);

/* Checks the member allocation a plan states, by its association's parts:
 * the allocation section's amounts (with its printed total) and each budget
 * column's allocation rows (the rows that name members), each against the
 * split of its whole; and the section's total against the budget's
 * allocation of the same year. Members' weights are, in this order, the
 * section's shares, the members' shares, their populations; a kind whose
 * members have none of them is checked by its sum only. Sets *corrections
 * (in the arena) to the right amount of every budget cell that differs, for
 * budget_cross_check_with. */
void allocation_check_plan(arena *mem, const plan *p, const budget_figures *f,
                           budget_correction **corrections, size_t *ncorrections, diag_list *dl);

/* Each entry's part of the allocation in tenths of a percent, adding up to
 * 100,0 % by the largest remainder (the table's "Andel" column), and the
 * sum of the entries; false when some entry has no amount. */
bool allocation_parts(arena *mem, const allocation *al, int64_t **parts, int64_t *total);

#endif
