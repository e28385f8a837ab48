/* tags: the structure tree of a tagged PDF, built as the layout sets the
 * document. The layout opens an element around what it emits and closes
 * it after; every box emitted in between (page.h's emit_ functions) is
 * content of that element, in the order emitted. Elements nest as they
 * are opened. Owns nothing beyond the layout's arena.
 *
 *     int p = tag_open(ls, TAG_P);
 *     lines_set(ls, ...);            // every box goes into the P
 *     tag_close(ls, p);              // back to the element around it
 *
 * What is no content (running heads, page numbers, rules, leaders,
 * shading, a repeated table header) is an artifact:
 *
 *     int was = tag_enter(ls, TAG_ARTIFACT);
 *     emit_text(ls, ...);
 *     tag_leave(ls, was);
 *
 * Rules, lines and rectangles are artifacts by themselves unless the
 * current element is a Figure. tag_enter(ls, elem) also goes back into an
 * element opened before, to add content drawn later (a table of contents'
 * page numbers, a footnote's text at the foot of the page). A block that
 * forgets to open an element puts its boxes into the element around it,
 * at worst the Document: they stay readable, never untagged. */
#ifndef PP_TAGS_H
#define PP_TAGS_H

#include "page.h"

/* Starts the tree with its root, the Document, as the current element. */
void tags_begin(layout_state *ls);
/* A new element as the last child of the current one (of the Document
 * while an artifact is current); it becomes the current one. */
int tag_open(layout_state *ls, tag_role role);
/* A new element as the last child of `parent`; it becomes current. */
int tag_open_in(layout_state *ls, int parent, tag_role role);
/* Ends `elem`: its parent is current again. */
void tag_close(layout_state *ls, int elem);
/* Makes `tag` (an element or TAG_ARTIFACT…) current; gives what was. */
int tag_enter(layout_state *ls, int tag);
void tag_leave(layout_state *ls, int previous);
/* The element, to set its attributes (alt, id, scope, colspan, lang). */
tag_elem *tag_get(layout_state *ls, int elem);
/* H1 … H6 for a heading level (clamped). */
tag_role tag_heading(int level);

#endif
