/* goals: measurable targets (*mätpunkter*) against their outcomes — met, not
 * met or without data — with tallies per goal area and for the association;
 * and participant statistics: totals, shares of women and men, exits to work
 * or studies as a share of exits, with cross-checks of exit reasons and of
 * stated totals. Pure functions on the model; counts are integers, target
 * values hundredths as in the model, shares tenths of a percent. */
#ifndef PP_GOALS_H
#define PP_GOALS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"
#include "model.h"

typedef enum { TARGET_MET, TARGET_NOT_MET, TARGET_NO_DATA } target_status;

const char *target_status_text(target_status s); /* "met", "not met", "no data" */

/* A measurable target (with a comparator) is judged from the value reached;
 * a target without one, or an outcome without a value, as the outcome says. */
typedef struct {
    target_status status;
    bool from_value;     /* judged from the value reached */
    bool stated_differs; /* the outcome says met (or not) and the value says otherwise */
} target_judgment;

/* `outcome` may be NULL: no data. */
target_judgment target_judge(const target *t, const target_outcome *outcome);

/* One list of targets of a plan: the association's, a goal area's or an
 * intervention's. */
typedef struct {
    target_owner owner;
    size_t index;      /* of the goal area or intervention; 0 for the plan */
    const char *name;  /* the goal area's title or the intervention's name; NULL for the plan */
    int goal_area;     /* the goal area the targets count in, or -1 */
    const target *targets;
    size_t ntargets;
} target_list;

/* The plan's lists of targets, by `k` from 0: the association's, then each
 * goal area's, then each intervention's; false past the last. */
bool goals_target_list(const plan *p, size_t k, target_list *out);
/* The outcome of target `t` of the list, or NULL. */
const target_outcome *target_outcome_of(const outcome *o, const target_list *l, size_t t);

typedef struct {
    size_t met, not_met, no_data;
} target_tally;

void target_tally_add(target_tally *t, target_status s);
void target_tally_merge(target_tally *into, const target_tally *from);
/* Share of the targets with data that were met, in tenths of a percent;
 * false when none has data. */
bool target_tally_share_met(const target_tally *t, int64_t *tenths);

typedef struct {
    target_tally *areas;  /* one per goal area of the plan */
    target_tally association; /* the whole association's own targets (plan.targets) */
    target_tally outside;     /* targets of interventions in no goal area */
    target_tally all;         /* every target of the plan */
} goal_tallies;

/* Judges every target of the plan against `o` (may be NULL). */
goal_tallies goals_tally(arena *mem, const plan *p, const outcome *o);
/* Warns where an outcome says a target was met (or not) and its value says
 * otherwise. */
void goals_check(const plan *p, const outcome *o, diag_list *dl);

/* ---- participants -------------------------------------------------------- */

typedef struct {
    int64_t value;
    bool present;
} stat_count;

typedef struct {
    stat_count women, men, new_participants, exits;
    stat_count participants; /* women + men, or the total where only that is given */
    stat_count reasons[EXIT_REASON_COUNT];
    stat_count work_or_studies;    /* work, studies, and work or studies */
    stat_count exits_with_reasons; /* the exits of rows that give reasons */
    bool has_gender_shares;
    int64_t women_tenths, men_tenths; /* of women + men, by largest remainder so that
                                         they add up to 1 000 (100,0 %) */
    bool has_exit_share;
    int64_t work_or_studies_tenths; /* of exits_with_reasons */
} participant_summary;

/* Sums the rows of `year` (a row's year 0 is the file's year, `file_year`). */
participant_summary participants_summarize(const participant_stats *rows, size_t n, int year,
                                           int file_year);
/* Warns where a row's exit reasons do not add up to its exits, where its
 * total differs from its women and men, where exits or new participants
 * exceed the participants, and, given the stated total row (of the file's
 * year), where a stated total differs from the sum of the rows. */
void participants_check(const participant_stats *rows, size_t n,
                        const participant_stats *stated_total, int file_year, diag_list *dl);

#endif
