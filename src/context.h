/* context: exposes the loaded model and its computed figures to templates as a
 * value tree, one function per kind of document (context_plan.c, …), with
 * the pieces they share here. Every number is formatted the Swedish way here,
 * with the raw value beside it for conditions; labels stay in the templates. */
#ifndef PP_CONTEXT_H
#define PP_CONTEXT_H

#include "arena.h"
#include "budget.h"
#include "check.h"
#include "diag.h"
#include "model.h"
#include "value.h"

/* An amount: {text: "10 014", value, present, negative}; text is empty for
 * an absent amount. */
value *context_amount(arena *mem, int64_t amount, bool present);
/* A count: {text: "22", value, present, one (exactly 1: for the singular)}. */
value *context_count(arena *mem, int64_t count, bool present);
/* A share given in tenths of a percent: {text: "20,4 %" (whole percents
 * when `decimals` is 0), plain: "20.4" (for a ```chart), value, present}. */
value *context_percent(arena *mem, int64_t tenths, int decimals, bool present);
/* An association: names, contact, vision, members. */
value *context_association(arena *mem, const association *a);

/* `s` as a double-quoted YAML scalar, for values set inside the fenced
 * blocks whose body is YAML (```chart, ```signatures), where Markdown
 * escapes would be read as part of the text; a line end becomes a space. */
const char *context_yaml_string(arena *mem, const char *s);
/* A figure in tenths written plainly, as a ```chart reads it: "74", "20.4",
 * "-3.5". */
const char *context_plain_tenths(arena *mem, int64_t tenths);
/* A date known to the year, the month or the day: "2025", "2025-10",
 * "2025-10-03"; "" for none. */
const char *context_date(arena *mem, date d);
/* A moment as e-signature services print it: "2024-02-28 10:45:54 +01:00". */
const char *context_date_time(arena *mem, const date_time *t);
/* Marks the maps of a list "first", "last" and "before_last", for
 * separators in templates ("a, b och c"); returns the list. */
value *context_mark_ends(arena *mem, value *list);
/* Warnings as a list for a note in the document: [{message, file (its
 * folder and name), line}]. */
value *context_warnings(arena *mem, const diag *items, size_t count);

value *context_for_plan(arena *mem, const plan *p, const budget_figures *figures);

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
