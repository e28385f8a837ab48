/* markdown: how planpress reads Markdown, in one place for the typesetter
 * and for the loader's checks of data text: cmark-gfm with footnotes,
 * source positions and the table and strikethrough extensions (no
 * "autolink": a bare www. or http:// stays text), and which link targets a
 * PDF may carry. */
#ifndef PP_MARKDOWN_H
#define PP_MARKDOWN_H

#include <cmark-gfm.h>
#include <stdbool.h>
#include <stddef.h>

#include "i18n.h"

/* The document tree of `markdown`; the caller frees it (cmark_node_free).
 * Safe to call from several threads. */
cmark_node *markdown_parse(const char *markdown, size_t len);

/* Whether a link may lead to `url`: the web (https, http), mail, or a place
 * in the document itself. A PDF reader acts on any other scheme it knows
 * (javascript:, file:, smb:...), so no other is written. */
bool markdown_link_allowed(const char *url);

/* The message for a link that is not allowed, with its target as argument. */
#define MARKDOWN_LINK_REFUSED                                                                      \
    N_("a link to \"%.60s\": only https, http, mailto and internal (#) links are allowed")

#endif
