/* fenceyaml: the YAML body of a fenced block, read with positions that
 * count from the top of the Markdown. */
#ifndef PP_FENCEYAML_H
#define PP_FENCEYAML_H

#include <cmark-gfm.h>

#include "page.h"
#include "yamltree.h"

/* The YAML body of a fenced block; lines count from the top of the Markdown.
 * NULL with errors in ls->dl. */
const ynode *fenced_yaml(layout_state *ls, cmark_node *node);

#endif
