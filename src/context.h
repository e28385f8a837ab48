/* context: exposes the loaded model and its computed figures to templates as a
 * value tree, one function per kind of document (context_plan.c,
 * context_report.c, …), with the pieces they share here. Every number is
 * formatted the Swedish way here, with the raw value beside it for
 * conditions; labels stay in the templates.
 *
 * Text that a template writes inside a fenced block (```cover, ```chart) is
 * given ready for it and written with a triple mustache: `*_line` for a
 * "key: value" line (one line, nothing escaped) and `*_yaml` for YAML (a
 * double-quoted scalar), so that "A & B" stays "A & B".
 *
 * The warnings of the compute stage that a board should see are shown in
 * the document next to the table they concern: a context is given those
 * warnings and places a note wherever one points at a figure of a table,
 * with the figures the note needs (the template words it). */
#ifndef PP_CONTEXT_H
#define PP_CONTEXT_H

#include "arena.h"
#include "budget.h"
#include "check.h"
#include "diag.h"
#include "model.h"
#include "value.h"

/* An amount or a count: {text: "10 014", value, present, negative}; text is
 * empty for an absent amount. */
value *context_amount(arena *mem, int64_t amount, bool present);
/* An amount with its unit: {text, …, unit_tkr | unit_kr}. */
value *context_amount_in(arena *mem, int64_t amount, money_unit unit);
/* A share given in tenths of a percent: {text: "20,4 %", plain: "20.4" (for
 * YAML), tenths, present}, shown with `decimals` (0 or 1) places. */
value *context_percent(arena *mem, int64_t tenths, int decimals, bool present);
/* A number in units of 10^-decimals written plainly for YAML: "-745", "12.5". */
const char *context_plain(arena *mem, int64_t number, int decimals);
/* `s` for a "key: value" line of a fenced block: on one line, its
 * backslashes doubled (the block reads a backslash as an escape). */
const char *context_fence_line(arena *mem, const char *s);
/* `s` as a double-quoted YAML scalar. */
const char *context_yaml_string(arena *mem, const char *s);
/* A date as precise as it is known: "2025", "2025-10", "2025-10-31". */
const char *context_date(arena *mem, date d);
/* A budget column: {year, is_budget | is_forecast | is_outcome}. */
value *context_column(arena *mem, const budget_column *col);
/* The unit of amounts: {unit_tkr: true} or {unit_kr: true}, set in `v`. */
void context_set_unit(arena *mem, value *v, money_unit unit);
/* {key: v}: one of several kinds of item in a list, told apart by its key. */
value *context_keyed(arena *mem, const char *key, value *v);
/* `s` with its first letter a capital (a–z, å, ä, ö), for data printed as a label. */
const char *context_capitalized(arena *mem, const char *s);
/* A financial rule: {text, is_<measure>, max, min}, the buffer's amounts in `unit`. */
value *context_rule(arena *mem, const financial_rule *r, money_unit unit);
/* A rule's result: {is_met | is_not_met | is_no_data, figure}. */
value *context_rule_result(arena *mem, const rule_result *res, money_unit unit);
/* An association: names (and name_line for a cover), contact details,
 * contacts, vision and its title, value words, members. */
value *context_association(arena *mem, const association *a);

/* The warnings a document's notes come from. */
typedef struct {
    const diag *items;
    size_t count;
} context_warnings;

/* The warnings of `dl` from index `first` on. */
context_warnings context_warnings_since(const diag_list *dl, size_t first);
/* True when one of the warnings points at `pos`. */
bool context_warned_at(const context_warnings *w, source_pos pos);

/* What the compute stage says of a plan. */
typedef struct {
    const plan_checked *checked; /* check_plan */
    /* The right amount of every budget cell whose member allocation is off
     * (allocation_check_plan), for the notes. */
    const budget_correction *corrections;
    size_t ncorrections;
    context_warnings warnings; /* shown as notes where they point at a table */
} plan_facts;

value *context_for_checked_plan(arena *mem, const plan *p, const plan_facts *facts);
/* The same from the budget's figures alone: no rule statuses, no notes. */
value *context_for_plan(arena *mem, const plan *p, const budget_figures *figures);

/* An annual report (verksamhetsberättelse) from an outcome, its figures
 * (check_outcome) and the warnings to show as notes. */
value *context_for_report(arena *mem, const outcome *o, const outcome_checked *checked,
                          const context_warnings *warnings);

#endif
