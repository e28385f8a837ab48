/* atomicfile: writes a whole file so that readers see either the old file or
 * the new one, never a part: the bytes go to a temporary file beside it
 * (NAME.PID-N.tmp, which outdir.c's sweep knows) that is renamed into place.
 * A failure leaves the old file as it was. Only a regular file is replaced
 * (or a new one made): a path naming a device, FIFO, socket or folder, even
 * through a link, fails with EISDIR or NOT_REGULAR (regular.h). The
 * temporary file is made with O_EXCL | O_NOFOLLOW: a link planted under its
 * name is never followed. */
#ifndef PP_ATOMICFILE_H
#define PP_ATOMICFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* A file written in pieces through `f`, put in place by atomic_close. */
typedef struct {
    FILE *f;
    const char *path;
    char *tmp; /* the temporary file's name */
} atomic_file;

/* Starts writing `path`. False with errno set when it cannot. */
bool atomic_open(atomic_file *af, const char *path);
/* Puts the file in place when every write to it succeeded. False with errno
 * set when anything failed: the temporary file is removed. The file is not
 * flushed to the disk (no fsync): after a power cut a reader may find the
 * old file, or the new one empty or cut short, so what reads it back must
 * tell such a file from a whole one (the manifest ends with a line "end"). */
bool atomic_close(atomic_file *af);

/* Writes `len` bytes to `path` in the same way. */
bool atomic_write(const char *path, const void *data, size_t len);

#endif
