/* regular: opens a file for reading only when it is a regular file. The open
 * itself never blocks: it is made with O_NONBLOCK, so a FIFO, a terminal or
 * a device named like a source is refused at once instead of hanging the
 * run, then fstat decides (O_NONBLOCK changes nothing for reading a regular
 * file, so the descriptor keeps it: two system calls a file fewer). Every
 * input planpress reads (data files, templates, the style, the manifest,
 * the files it hashes) is opened here. */
#ifndef PP_REGULAR_H
#define PP_REGULAR_H

#include <errno.h>
#include <stdio.h>

/* The errno of a path that is there but is not a regular file (a folder is
 * EISDIR). */
enum { NOT_REGULAR = EINVAL };

/* A read-only descriptor (close-on-exec), or -1 with errno set. */
int regular_open(const char *path);
/* The same as a stream ("rb"), or NULL with errno set. */
FILE *regular_fopen(const char *path);
/* strerror(err), saying "not a regular file" for NOT_REGULAR. */
const char *regular_strerror(int err);

#endif
