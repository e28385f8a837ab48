/* docreply: what a worker process tells the batch of one document it built
 * (workers.h): its status, warning count, diagnostics and, when it was
 * built, its manifest record; for a job of several documents, their replies
 * one after the other. Bytes in a strbuf one way; the batch's own
 * structures, in the batch's arena, the other. */
#ifndef PP_DOCREPLY_H
#define PP_DOCREPLY_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "manifest.h"
#include "strbuf.h"

/* What became of one document. */
typedef struct {
    bool built;
    size_t warnings;
    diag_list *diags;  /* decoded into its arena */
    doc_record *record; /* when built; decoded in `mem`, named as `named` */
} docreply;

void docreply_encode(strbuf *out, const docreply *r);
/* Fills `r` (r->diags given, initialised) from the reply at `*data`, which
 * ends at `end` or goes on with the next reply, and moves `*data` past it;
 * the record takes output, kind and source from `named`. False when the
 * bytes are not a whole reply. */
bool docreply_decode(const char **data, const char *end, arena *mem, const doc_record *named,
                     docreply *r);

#endif
