/* context: exposes the loaded model and its computed figures to templates as a
 * value tree, one function per kind of document (context_plan.c,
 * context_report.c, context_minutes.c, context_group.c), with the pieces
 * they share here. Every number is formatted the Swedish way here, with the
 * raw value beside it for conditions; labels stay in the templates.
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

#include "annual.h"
#include "arena.h"
#include "budget.h"
#include "check.h"
#include "diag.h"
#include "model.h"
#include "statements.h"
#include "value.h"

/* An amount or a count: {text: "10 014", value, present, negative}; text is
 * empty for an absent amount. */
value *context_amount(arena *mem, int64_t amount, bool present);
/* A count: {text: "22", value, present, one (exactly 1: for the singular)}. */
value *context_count(arena *mem, int64_t count, bool present);
/* An amount with its unit: {text, …, unit_tkr | unit_kr}. */
value *context_amount_in(arena *mem, int64_t amount, money_unit unit);
/* A share given in tenths of a percent: {text: "20,4 %" (whole percents
 * when `decimals` is 0), plain: "20.4" (for a ```chart), value, present}. */
value *context_percent(arena *mem, int64_t tenths, int decimals, bool present);
/* An association: names (and name_line for a cover), contact details and
 * has_contact, contacts, vision and its title, value words, members. */
value *context_association(arena *mem, const association *a);

/* `s` as a double-quoted YAML scalar, for values set inside the fenced
 * blocks whose body is YAML (```chart, ```signatures), where Markdown
 * escapes would be read as part of the text; a line end becomes a space. */
const char *context_yaml_string(arena *mem, const char *s);
/* `s` for a "key: value" line of a ```cover block, written with a triple
 * mustache: on one line, its backslashes doubled (the block reads a
 * backslash as an escape); NULL for NULL. */
const char *context_fence_line(arena *mem, const char *s);
/* A figure in tenths written plainly, as a ```chart reads it: "74", "20.4",
 * "-3.5". */
const char *context_plain_tenths(arena *mem, int64_t tenths);
/* A date known to the year, the month or the day: "2025", "2025-10",
 * "2025-10-03"; "" for none. */
const char *context_date(arena *mem, date d);
/* The same, or NULL for none: for a section that shows a date when known. */
const char *context_known_date(arena *mem, date d);
/* A moment as e-signature services print it: "2024-02-28 10:45:54 +01:00". */
const char *context_date_time(arena *mem, const date_time *t);
/* Marks the maps of a list "first", "last" and "before_last", for
 * separators in templates ("a, b och c"); returns the list. */
value *context_mark_ends(arena *mem, value *list);
/* A budget column: {year, is_budget | is_forecast | is_outcome}. */
value *context_column(arena *mem, const budget_column *col);
/* The unit of amounts: {unit_tkr: true, unit_kr: false} or the other way, set in `v`. */
void context_set_unit(arena *mem, value *v, money_unit unit);
/* The names of which a map holds one as its kind (NULL-terminated). Every one
 * is set, the others false, so that a template's section on any of them
 * finds the name: templates are rendered with strict names. */
typedef const char *const context_kinds[];
/* Sets each of `kinds` in `v`: true for `kind`, false for the others (all
 * false when `kind` is NULL). */
void context_set_kind(arena *mem, value *v, const context_kinds kinds, const char *kind);
/* {key: v, and false for the other `kinds`}: one of several kinds of item in
 * a list, told apart by its key. */
value *context_keyed(arena *mem, const context_kinds kinds, const char *key, value *v);
/* The exit reasons as kinds, in the order of exit_reason: is_work, …, is_other. */
extern context_kinds CONTEXT_EXIT_REASONS;
/* `s` with its first letter a capital (a–z, å, ä, ö), for data printed as a label. */
const char *context_capitalized(arena *mem, const char *s);
/* A financial rule: {text, is_<measure>, max, min}, the buffer's amounts in `unit`. */
value *context_rule(arena *mem, const financial_rule *r, money_unit unit);
/* A rule's result: {is_met | is_not_met | is_no_data, figure}. */
value *context_rule_result(arena *mem, const rule_result *res, money_unit unit);

/* E-signatures as the service reports them: [{name, title, organisation,
 * described, time, method, id}] (minutes, årsredovisning). */
value *context_signatures(arena *mem, const signature *list, size_t n);

/* The warnings of a document that its notes come from. */
typedef struct {
    const diag *items;
    size_t count;
} context_diags;

/* The diagnostics of `dl` from index `first` on. */
context_diags context_diags_since(const diag_list *dl, size_t first);
/* True when one of the warnings points at `pos`. */
bool context_warned_at(const context_diags *w, source_pos pos);

/* What the compute stage says of a plan. */
typedef struct {
    const plan_checked *checked; /* check_plan, with its corrections */
    context_diags warnings;      /* shown as notes where they point at a table */
} plan_facts;

/* A plan (context_plan.c): cover, sections with the parts they show, the
 * parts no section shows, and notes beside the budget and the allocation. */
value *context_for_checked_plan(arena *mem, const plan *p, const plan_facts *facts);
/* The same from the budget's figures alone: no rule statuses, no notes. */
value *context_for_plan(arena *mem, const plan *p, const budget_figures *figures);

/* An annual report (context_report.c) from an outcome, its figures
 * (check_outcome) and the warnings to show as notes. */
value *context_for_report(arena *mem, const outcome *o, const outcome_checked *checked,
                          const context_diags *warnings);

/* An årsredovisning or a delårsrapport (context_annual.c): its statements
 * line by line (this year and last year, rounded to the unit, with their
 * note numbers), the kassaflödesanalys, notes, driftredovisning,
 * balanskravsutredning, five-year overview, the plan's financial rules
 * judged from the figures, the förvaltningsberättelse's texts, the
 * signatures, and the failed cross-checks for the "Obs!" notes. */
value *context_for_annual(arena *mem, const annual_report *r, const statements *st);

/* Minutes and their one-page summary (context_minutes.c): the header block,
 * the items with their decisions and actions (and every decision and action
 * again in one list, with the number of its item), the signers and the
 * e-signatures, the next meeting. */
value *context_for_minutes(arena *mem, const minutes *m);

/* One association's outcome of a year in a comparison, loaded and checked
 * by the caller; `o` is NULL when the association has none that year. */
typedef struct {
    const association *assoc;
    int year;
    const outcome *o;
    outcome_checked checked;
} comparison_entry;

/* A comparison of a group (context_group.c): one column per association and
 * year (`entries` in that order: the associations of each year in turn),
 * with economy, cost split, rules, participants and targets; the group's
 * joint interventions with their split per association; and `warnings`,
 * which the document shows in a note. */
value *context_for_comparison(arena *mem, const comparison_group *g,
                              const comparison_entry *entries, size_t nentries,
                              const diag *warnings, size_t nwarnings);

#endif
