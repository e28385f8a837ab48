/* goals: measurable targets (*mätpunkter*) against their outcomes — met, not
 * met or without data — with tallies per goal area and per association; and
 * participant statistics per intervention: totals, shares of women and men,
 * exits to work or studies as a share of exits, with cross-checks of the
 * exit reasons and of stated totals. Pure functions; counts are integers and
 * shares tenths of a percent, compared exactly. */
#ifndef PP_GOALS_H
#define PP_GOALS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "model.h"

typedef enum { TARGET_AT_LEAST, TARGET_AT_MOST, TARGET_EXACTLY } target_comparator;
typedef enum { TARGET_MET, TARGET_NOT_MET, TARGET_NO_DATA } target_status;

typedef struct {
    target_comparator comparator;
    int64_t value; /* a count, or tenths of a percent when `percent` (900 is 90 %) */
    bool percent;
} target_spec;

/* An outcome is a value in the target's unit, or a part of a whole ("3 of
 * the 14 who left"), which a percent target compares exactly. */
typedef struct {
    bool present;
    bool fraction;
    int64_t value;
    int64_t part, whole;
} target_outcome;

typedef struct {
    target_status status;
    int64_t value; /* the outcome in the target's unit; a fraction's share in tenths */
} target_result;

target_result target_evaluate(const target_spec *target, const target_outcome *outcome);
const char *target_status_text(target_status s); /* "met", "not met", "no data" */

typedef struct {
    size_t met, not_met, no_data;
} target_tally;

void target_tally_add(target_tally *t, target_status s);
void target_tally_merge(target_tally *into, const target_tally *from);
/* Share of the targets with an outcome that were met, in tenths of a
 * percent; false when none has an outcome. */
bool target_tally_share_met(const target_tally *t, int64_t *tenths);

/* ---- participants -------------------------------------------------------- */

typedef enum { EXIT_WORK, EXIT_STUDIES, EXIT_WORK_REHAB, EXIT_ILLNESS, EXIT_OTHER } exit_reason;
enum { EXIT_REASONS = EXIT_OTHER + 1 };

typedef struct {
    int64_t value;
    bool present;
} stat_count;

typedef struct {
    const char *label; /* the intervention, or "Totalt" for a stated total row */
    stat_count women, men;
    stat_count participants; /* when only the total is given, without women and men */
    stat_count new_participants, exits;
    stat_count reasons[EXIT_REASONS];
    source_pos pos;
} participant_row;

typedef struct {
    stat_count women, men, new_participants, exits;
    stat_count participants; /* women + men, or the total where only that is given */
    stat_count reasons[EXIT_REASONS];
    stat_count work_or_studies, exits_with_reasons;
    bool has_gender_shares;
    int64_t women_tenths, men_tenths; /* of women + men, by largest remainder so that
                                         they add up to 1 000 (100,0 %) */
    bool has_exit_share;
    int64_t work_or_studies_tenths; /* of the exits of rows that give reasons */
} participant_summary;

participant_summary participants_summarize(const participant_row *rows, size_t n);
/* Warns where a row's exit reasons do not add up to its exits, where its
 * total differs from its women and men, where exits or new participants
 * exceed the participants, and, given a stated total row,
 * where a stated total differs from the rows' sum. `what` names the table in
 * messages ("participants 2023"). */
void participants_check(const participant_row *rows, size_t n, const participant_row *stated_total,
                        const char *what, diag_list *dl);

#endif
