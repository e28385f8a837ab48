/* outpath: whether a path given for output (-o, --json) may be written at
 * all, asked before anything is read. Not an empty path (which would write
 * into "/"), and nothing in or under the inputs: a source file or the
 * folders searched for sources. What is at the path itself is checked when
 * it is written (atomicfile.h: only regular files are replaced). */
#ifndef PP_OUTPATH_H
#define PP_OUTPATH_H

#include <stddef.h>

#include "arena.h"

/* Why `path` may not be written, or NULL. `inputs` are files or folders. */
const char *outpath_problem(arena *mem, const char *path, char *const *inputs, size_t ninputs);

#endif
