/* section_text: a section's text split at the structured parts placed inside
 * it. A part stands between two paragraphs as a fenced block whose info string
 * is "part" and the reference `show` takes, with nothing inside:
 *
 *     Text before the budget.
 *
 *     ```part budget
 *     ```
 *
 *     Text after it.
 *
 * This is the one fenced block data text may hold besides ordinary code
 * blocks: the template-only blocks (cover, toc, pagebreak, signatures, chart)
 * stay the templates' own. The split is done on loading, so the typesetter
 * never sees a ```part block. Owns nothing: pieces live in the caller's arena. */
#ifndef PP_SECTION_TEXT_H
#define PP_SECTION_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

/* True when a fenced block with this info string is allowed in data text
 * because it places a part ("part budget"): what a check of data text that
 * refuses the template-only blocks consults. */
bool section_text_fence_is_data(const char *info);

typedef struct {
    const char *text; /* the Markdown before the part; "" when none */
    const char *ref;  /* the part's reference ("budget"), or NULL after the last part */
    size_t offset;    /* where `text` starts in the whole text */
    size_t ref_at;    /* where the reference starts in the whole text */
    int line;         /* the fence's line in the text, 0-based */
    bool unclosed;    /* the fence is not closed on the next line */
} section_text_piece;

/* Splits `text` at its ```part blocks: one piece per part, with the text
 * before it, and a last piece (ref NULL) with the text after the last part.
 * Returns the number of pieces (at least 1). */
size_t section_text_split(arena *mem, const char *text, section_text_piece **pieces);

#endif
