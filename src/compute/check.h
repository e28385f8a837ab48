/* check: `planpress check FILE…` — for every file its computed key figures,
 * its financial rules with their statuses and every diagnostic, as a plain
 * text report built into a buffer, with the exit status the run calls for.
 *
 * check_plan and check_outcome run every computation and cross-check of a
 * loaded document; they are pure and give the same warnings a build should
 * give. check_files loads the files, telling their kind by name:
 * plan-YEAR.yaml, outcome-YEAR.yaml, minutes-DATE.yaml, group.yaml (for a
 * group, the outcome-YEAR.yaml of each association and year beside its
 * association.yaml) and association.yaml. Amounts in the report are in the
 * document's unit, written the Swedish way (format.h). */
#ifndef PP_CHECK_H
#define PP_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "budget.h"
#include "diag.h"
#include "economy.h"
#include "goals.h"
#include "model.h"
#include "prose.h"
#include "rules.h"
#include "strbuf.h"

typedef struct {
    budget_figures budget;
    carry_forward *carry; /* one per budget column */
    rule_result *rules;   /* rule r in column c at [r * ncolumns + c] */
    goal_tallies goals;   /* every target without data: a plan has no outcome */
    /* The right amount of every budget cell whose member allocation is off
     * (allocation_check_plan), as the warnings and the notes give it. */
    budget_correction *corrections;
    size_t ncorrections;
    prose_list amounts; /* written out in digits in the text (prose.h) */
} plan_checked;

/* The figures of a plan, and warnings in `dl` for the printed totals, the
 * carried-forward equity, the member allocation and the amounts of its text
 * that contradict the tables; errors for figures of the text that cannot be
 * printed. */
plan_checked check_plan(arena *mem, const plan *p, diag_list *dl);

typedef struct {
    outcome_figures economy;
    rule_result *rules; /* one per financial rule of the plan of the year */
    size_t nrules;
    goal_tallies goals; /* when there is a plan of the year */
    participant_summary participants;
} outcome_checked;

/* The figures of an outcome, and warnings in `dl` for its printed figures,
 * its targets' judgments and its participant statistics. */
outcome_checked check_outcome(arena *mem, const outcome *o, diag_list *dl);

/* The checks of a group as a whole: the breakdowns of its joint
 * interventions, and each association's own count of a joint intervention
 * against the share the group gives it. outcomes[y * nassociations + a] is
 * association a's outcome of the group's year y, or NULL. */
void check_group(const comparison_group *g, const outcome *const *outcomes, diag_list *dl);

typedef struct {
    bool strict; /* warnings alone make the exit status 1 too */
    bool json;   /* the report in JSON: {files: [{path, errors, warnings, report,
                    amounts: [{file, line, column, key, text, value, decimals, unit,
                    rounding}], diagnostics: [{severity, file, line, column, key,
                    message}]}],
                    errors, warnings, status: "ok" | "warnings" | "errors"} */
} check_options;

/* 1 when `dl` holds an error (or, when strict, a warning), else 0. */
int check_exit_status(const diag_list *dl, bool strict);

/* Checks every file in turn and appends its section of the report (or,
 * with `json`, the JSON report) to `out`;
 * the section ends with the file's diagnostics, which also go to `dl` (in
 * its arena). A file that fails to load gets its errors and the run goes on.
 * Returns check_exit_status for the whole run. */
int check_files(const char *const *paths, size_t npaths, const check_options *opt, strbuf *out,
                diag_list *dl);

#endif
