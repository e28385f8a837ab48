/* streams: standard input and output as the files a render reads and
 * writes (`planpress render --kind plan - -o -`). The data from standard
 * input is kept in a hidden file in the current folder, so that it is read
 * as a file there would be (with that folder's association.yaml); the PDF
 * for standard output is written to a temporary file first, so that a
 * failed render writes nothing. The caller removes both. */
#ifndef PP_STREAMS_H
#define PP_STREAMS_H

#include <stdbool.h>

#include "arena.h"
#include "diag.h"

/* Copies standard input to a new file ".planpress-stdin-PID.yaml" in the
 * current folder; its path, or NULL with an error in `dl`. */
const char *streams_stdin_file(arena *mem, diag_list *dl);
/* A path for a temporary PDF under $TMPDIR (or /tmp), not yet made. */
const char *streams_temp_pdf(arena *mem);
/* Copies the file at `path` to standard output; false with an error. */
bool streams_copy_to_stdout(const char *path, diag_list *dl);
/* Diagnostics about file `from` are told of `to` instead ("-"). */
void streams_rename_file(diag_list *dl, const char *from, const char *to);

#endif
