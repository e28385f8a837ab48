#include "regular.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"

int regular_open(const char *path)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return -1;
    struct stat st;
    int err = 0;
    if (fstat(fd, &st) != 0)
        err = errno;
    else if (S_ISDIR(st.st_mode))
        err = EISDIR;
    else if (!S_ISREG(st.st_mode))
        err = NOT_REGULAR;
    if (err) {
        close(fd);
        errno = err;
        return -1;
    }
    return fd;
}

FILE *regular_fopen(const char *path)
{
    int fd = regular_open(path);
    if (fd < 0)
        return NULL;
    FILE *f = fdopen(fd, "rb");
    if (!f) {
        int err = errno;
        close(fd);
        errno = err;
    }
    return f;
}

const char *regular_strerror(int err)
{
    return err == NOT_REGULAR
               ? _("not a regular file: a FIFO, device or socket is never read or replaced")
               : strerror(err);
}
