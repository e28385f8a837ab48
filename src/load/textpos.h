/* textpos: the file:line:col of a place inside a text typed in YAML, so that
 * an error about a word of a section's text points at that word. Exact for
 * a `|` block and for a text on one line; for a folded (`>`) or a plain or
 * quoted text over several lines, whose line breaks YAML turned into
 * spaces, it is the text's first line. Pure. */
#ifndef PP_TEXTPOS_H
#define PP_TEXTPOS_H

#include <stddef.h>

#include "model.h"
#include "yamltree.h"

text_origin textpos_origin(const ynode *n);
/* The position of byte `offset` of `text`, the node's text. Columns count
 * characters, as the YAML reader's do. */
source_pos textpos_at(const text_origin *o, const char *text, size_t offset);

#endif
