/* datatext: what a text given in data (a section's body, a minutes item,
 * any value a template shows) may hold of the fenced blocks that
 * planpress's Markdown gives a meaning to. Those that set a cover, the
 * signature lines, the contents, a page break or a chart are for templates
 * only: from data they could fake a cover page or signatures. The one
 * allow-list: a fence with no info string (a plain code block), and
 * ```part REF, by which data places a structured part inside its text
 * (docs/formats/plan.md). */
#ifndef PP_DATATEXT_H
#define PP_DATATEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Whether a fenced block with this info string may stand in data text. */
bool datatext_fence_allowed(const char *info, int len);
/* The info string of the first fenced block of `text` that may not stand
 * there, its length in *len and its line (1-based) in *line; or NULL. */
const char *datatext_refused_fence(const char *text, int *len, int *line);

/* Calls `fn` for each link of `text` to a target that a PDF may not carry
 * (markdown.h), with the target and its byte offset in the text (where the
 * target is written, or where the link starts when the target stands elsewhere). */
typedef void datatext_link_fn(void *ctx, const char *url, size_t offset);
void datatext_each_refused_link(const char *text, datatext_link_fn *fn, void *ctx);

/* Whether the line at `line` opens or closes a fenced block (up to three
 * spaces, then three or more ` or ~). */
bool datatext_is_fence(const char *line);
/* Past the code span that opens at text[i] (a run of backticks), or past
 * the backticks when the span is not closed on its line. */
size_t datatext_past_code_span(const char *text, size_t i);

/* Calls `fn` for each footnote that `text` defines ("[^label]:" at the
 * start of a line, after up to three spaces), with its label and line. */
typedef void datatext_note_fn(void *ctx, const char *label, size_t len, int line);
void datatext_each_footnote(const char *text, datatext_note_fn *fn, void *ctx);

#endif
