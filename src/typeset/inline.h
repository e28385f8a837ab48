/* inline: the inline content of a block (cmark-gfm nodes) as pieces of text
 * in their faces, measured: words, spaces and forced breaks, with links,
 * footnote references and spans in another language (the one piece of
 * inline HTML read: <span lang="en">…</span>). */
#ifndef PP_INLINE_H
#define PP_INLINE_H

#include <cmark-gfm.h>

#include "page.h"

/* A piece of inline text in one face: a word, a space or a forced break. */
typedef enum { PIECE_WORD, PIECE_SPACE, PIECE_BREAK } piece_kind;

typedef struct {
    piece_kind kind;
    face_style face;
    const char *text;
    size_t len;
    double width;
    double size;     /* points */
    double rise;     /* baseline shift up: footnote references */
    const char *uri; /* the target of a link, or NULL */
    int note;        /* the number of the footnote a reference points to, or 0 */
    const char *lang; /* BCP 47: a span in another language (<span lang="en">), or NULL */
} piece;

typedef struct piece_list {
    piece *items;
    size_t count, cap;
    const font_set *fonts; /* what measured the pieces: set by inline_* */
} piece_list;

face_style with_bold(face_style f);
face_style with_italic(face_style f);
/* Running text in one face: Swedish typography applied (typography.h), so a
 * number and its unit stay on one line. */
void inline_add_text(layout_state *ls, piece_list *pl, face_style face, const char *s, double size);
/* Code as typed, in the monospaced face. */
void inline_add_code(layout_state *ls, piece_list *pl, const char *s, double size);
void inline_collect(layout_state *ls, cmark_node *node, face_style face, piece_list *pl,
                    double size);
const char *inline_plain_text(layout_state *ls, cmark_node *node);

#endif
