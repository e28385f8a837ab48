/* atomicfile: writes a whole file so that readers see either the old file or
 * the new one, never a part: the bytes go to a temporary file beside it
 * (NAME.PID-N.tmp, which outdir.c's sweep knows) that is renamed into place.
 * A failure leaves the old file as it was. */
#ifndef PP_ATOMICFILE_H
#define PP_ATOMICFILE_H

#include <stdbool.h>
#include <stddef.h>

/* Writes `len` bytes to `path`; with `sync`, flushes them to the disk before
 * the rename. False with errno set when anything failed. */
bool atomic_write(const char *path, const void *data, size_t len, bool sync);

#endif
