/* docreply: what a worker process tells the batch of one document it built
 * (workers.h): its status, warning count, diagnostics and, when it was
 * built, its manifest record. Bytes in a strbuf one way; the batch's own
 * structures, in the batch's arena, the other. */
#ifndef PP_DOCREPLY_H
#define PP_DOCREPLY_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "batch.h"
#include "manifest.h"
#include "strbuf.h"

void docreply_encode(strbuf *out, const batch_doc *d, const doc_record *rec);
/* Fills d->status, d->warnings and d->diags (whose arena takes the texts)
 * and *rec (NULL when not built; in `mem`). False when the bytes are not a
 * whole reply. */
bool docreply_decode(const char *data, size_t len, arena *mem, batch_doc *d, doc_record **rec);

#endif
