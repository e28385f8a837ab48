#include "atomicfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Creates a new file beside `path` that no other writer uses. */
static int open_temporary(const char *path, char *tmp, size_t size)
{
    for (int n = 0; n < 1000; n++) {
        snprintf(tmp, size, "%s.%ld-%d.tmp", path, (long)getpid(), n);
        int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    return -1;
}

static bool write_all(int fd, const unsigned char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0)
                errno = ENOSPC;
            return false;
        }
        data += n;
        len -= (size_t)n;
    }
    return true;
}

bool atomic_write(const char *path, const void *data, size_t len, bool sync)
{
    size_t size = strlen(path) + 64;
    char *tmp = malloc(size);
    if (!tmp)
        return false;
    int fd = open_temporary(path, tmp, size);
    bool ok = fd >= 0 && write_all(fd, data, len) && (!sync || fsync(fd) == 0);
    if (fd >= 0 && close(fd) != 0)
        ok = false;
    ok = ok && rename(tmp, path) == 0;
    if (!ok && fd >= 0) {
        int saved = errno;
        unlink(tmp);
        errno = saved;
    }
    free(tmp);
    return ok;
}
