/* signatures: the signature block of minutes (```signatures with a YAML
 * body): a line to sign on for every signer, the name and role below it, two
 * to a row; optionally the place and date above, and a line for place and
 * date over each signature when they are written by hand.
 *
 *     place: Jönköping         # optional, printed with the date above the block
 *     date: 2024-02-23         # optional
 *     date_lines: true         # a line "Ort och datum" over each signature
 *     signers:
 *       - {name: Johanna Buchalle, role: Mötesordförande}
 *       - {name: Linda Johansson, role: Sekreterare}
 *
 * A bare list of signers will do as well. */
#ifndef PP_SIGNATURES_H
#define PP_SIGNATURES_H

#include <cmark-gfm.h>

#include "page.h"

void signatures_layout(layout_state *ls, cmark_node *node, column col);

#endif
