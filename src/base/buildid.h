/* buildid: what tells this build of planpress from any other without
 * reading the program's file: the GNU build ID the linker wrote into it (a
 * hash of the whole linked program). */
#ifndef PP_BUILDID_H
#define PP_BUILDID_H

#include <stdbool.h>
#include <stddef.h>

/* Writes the running program's build ID in hexadecimal to `hex` (at most
 * `size` bytes with the NUL); false when it has none or it does not fit. */
bool build_id(char *hex, size_t size);

#endif
