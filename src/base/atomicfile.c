#include "atomicfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "regular.h"

/* Creates a new file beside `path` that no other writer uses. */
static int open_temporary(const char *path, char *tmp, size_t size)
{
    for (int n = 0; n < 1000; n++) {
        snprintf(tmp, size, "%s.%ld-%d.tmp", path, (long)getpid(), n);
        int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    return -1;
}

/* Only a regular file is replaced (through links: /dev/stdout names a
 * device), or a new one made: never a device, FIFO, socket or folder. */
static bool replaceable(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0 || S_ISREG(st.st_mode))
        return true;
    errno = S_ISDIR(st.st_mode) ? EISDIR : NOT_REGULAR;
    return false;
}

bool atomic_open(atomic_file *af, const char *path)
{
    if (!replaceable(path))
        return false;
    size_t size = strlen(path) + 64;
    *af = (atomic_file){.path = path, .tmp = malloc(size)};
    int fd = af->tmp ? open_temporary(path, af->tmp, size) : -1;
    af->f = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (!af->f) {
        int saved = errno;
        if (fd >= 0) {
            close(fd);
            unlink(af->tmp);
        }
        free(af->tmp);
        errno = saved;
    }
    return af->f != NULL;
}

bool atomic_close(atomic_file *af)
{
    bool ok = fflush(af->f) == 0 && !ferror(af->f);
    int saved = errno;
    if (fclose(af->f) != 0 && ok) {
        ok = false;
        saved = errno;
    }
    if (ok && (!replaceable(af->path) || rename(af->tmp, af->path) != 0)) {
        ok = false;
        saved = errno;
    }
    if (!ok)
        unlink(af->tmp);
    free(af->tmp);
    errno = saved;
    return ok;
}

bool atomic_write(const char *path, const void *data, size_t len)
{
    atomic_file af;
    if (!atomic_open(&af, path))
        return false;
    fwrite(data, 1, len, af.f);
    return atomic_close(&af);
}
